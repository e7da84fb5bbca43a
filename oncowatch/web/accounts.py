"""Users, API tokens, sessions and failed logins in `<data dir>/auth.sqlite`; no web framework here.

Passwords are argon2 hashes; API tokens and session ids are random and stored only as their sha256,
so a copy of the file lets nobody in. There is no default user and no default password: the first
one is made with `oncowatch users add NAME --role admin`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("analyst", "admin")
MIN_PASSWORD_LENGTH = 12
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_HASHER = PasswordHasher()
_DUMMY = threading.local()

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS tokens (
        token_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        label TEXT NOT NULL, created_at TEXT NOT NULL, last_used TEXT)""",
    """CREATE TABLE IF NOT EXISTS sessions (
        id_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at)",
)


@dataclass(frozen=True)
class User:
    """Someone signed in: their name and role (`analyst` or `admin`)."""

    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        """Admins also manage users and alert rules."""
        return self.role == "admin"


@dataclass(frozen=True)
class Session:
    """A signed-in browser: its user and the CSRF token its state-changing requests must carry."""

    user: User
    csrf: str
    expires_at: datetime


def auth_path(data_dir: Path) -> Path:
    """The accounts file of a data dir."""
    return Path(data_dir) / "auth.sqlite"


def digest(secret: str) -> str:
    """sha256 of a token or session id: what is stored instead of it."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@contextmanager
def connect(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """One connection (and one transaction) to the accounts file, created on first use."""
    path = auth_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            yield conn


def check_name(name: str) -> str:
    """A user name: letters, digits and . _ @ -, at most 64 characters."""
    if not _NAME.match(name or ""):
        raise ValueError(
            f"bad user name {name!r}: use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a "
            "letter or digit"
        )
    return name


def check_password(password: str) -> str:
    """The password policy: at least MIN_PASSWORD_LENGTH characters, not only spaces."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"the password is too short: at least {MIN_PASSWORD_LENGTH} characters are needed")
    if not password.strip():
        raise ValueError("the password must not be blank")
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return role


# ---- users and tokens (the CLI's and the admin API's) -----------------------------------------------


def add_user(data_dir: Path, name: str, role: str, password: str) -> dict[str, Any]:
    """A new user; ValueError for a bad name, role or password, or a name already taken."""
    check_name(name)
    _check_role(role)
    hashed = _HASHER.hash(check_password(password))
    with connect(data_dir) as conn:
        try:
            conn.execute("INSERT INTO users VALUES (?, ?, ?, ?, 0)", (name, role, hashed, _iso(_now())))
        except sqlite3.IntegrityError as exc:
            raise ValueError(f"user {name!r} exists already") from exc
    return _user_rows(data_dir, name)[0]


def set_password(data_dir: Path, name: str, password: str) -> None:
    """Change a password; every session of the user ends. LookupError for an unknown user."""
    hashed = _HASHER.hash(check_password(password))
    with connect(data_dir) as conn:
        if not conn.execute("UPDATE users SET password_hash = ? WHERE name = ?", (hashed, name)).rowcount:
            raise LookupError(f"no user {name!r}")
        conn.execute("DELETE FROM sessions WHERE name = ?", (name,))


def remove_user(data_dir: Path, name: str) -> None:
    """Remove a user with their tokens and sessions. LookupError for an unknown user."""
    with connect(data_dir) as conn:
        if not conn.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount:
            raise LookupError(f"no user {name!r}")


def list_users(data_dir: Path) -> list[dict[str, Any]]:
    """Every user with their tokens (id = the first 12 hex digits of the token's hash), by name."""
    return _user_rows(data_dir)


def _user_rows(data_dir: Path, name: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE name = ?", [name]) if name else ("", [])
    with connect(data_dir) as conn:
        users = conn.execute(
            f"SELECT name, role, created_at, disabled FROM users {where} ORDER BY name",  # noqa: S608
            params,
        ).fetchall()
        tokens = conn.execute(
            "SELECT name, token_hash, label, created_at, last_used FROM tokens ORDER BY created_at"
        ).fetchall()
    return [
        {
            "name": user,
            "role": role,
            "created_at": created,
            "disabled": bool(disabled),
            "tokens": [
                {"id": h[:12], "label": label, "created_at": made, "last_used": used}
                for owner, h, label, made, used in tokens
                if owner == user
            ],
        }
        for user, role, created, disabled in users
    ]


def create_token(data_dir: Path, name: str, label: str = "") -> str:
    """A new API token for a user, returned once (only its sha256 is kept). LookupError: no such user."""
    token = secrets.token_urlsafe(32)
    with connect(data_dir) as conn:
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is None:
            raise LookupError(f"no user {name!r}")
        conn.execute(
            "INSERT INTO tokens VALUES (?, ?, ?, ?, NULL)", (digest(token), name, label, _iso(_now()))
        )
    return token


def token_id(token: str) -> str:
    """The id `users list` shows for a token (the first 12 hex digits of its hash)."""
    return digest(token)[:12]


def revoke_token(data_dir: Path, prefix: str) -> str:
    """Revoke the one token whose id starts with `prefix` (at least 6 hex digits), or the token itself.

    Returns the owner's name; LookupError when none or several tokens match.
    """
    prefix = prefix.strip()
    with connect(data_dir) as conn:
        rows = conn.execute(
            "SELECT token_hash, name FROM tokens WHERE token_hash = ?", (digest(prefix),)
        ).fetchall()
        if not rows:
            if not re.fullmatch(r"[0-9a-f]{6,64}", prefix):
                raise LookupError(
                    f"no token {prefix!r}: give its id from `oncowatch users list` (6+ hex digits)"
                )
            rows = conn.execute(
                "SELECT token_hash, name FROM tokens WHERE substr(token_hash, 1, ?) = ?",
                (len(prefix), prefix),
            ).fetchall()
        if len(rows) != 1:
            raise LookupError(f"{'no' if not rows else 'more than one'} token with id {prefix!r}")
        conn.execute("DELETE FROM tokens WHERE token_hash = ?", (rows[0][0],))
    return rows[0][1]


# ---- what the web app checks ------------------------------------------------------------------------


def verify_password(data_dir: Path, name: str, password: str) -> User | None:
    """The user when the name and password match an enabled user, else None (in the same time)."""
    with connect(data_dir) as conn:
        row = conn.execute(
            "SELECT role, password_hash FROM users WHERE name = ? AND disabled = 0", (name,)
        ).fetchone()
    if row is None:
        # Hash anyway, so an unknown name takes as long as a wrong password.
        _verify(_dummy_hash(), password)
        return None
    role, hashed = row
    if not _verify(hashed, password):
        return None
    if _HASHER.check_needs_rehash(hashed):
        with connect(data_dir) as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE name = ?", (_HASHER.hash(password), name))
    return User(name, role)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _dummy_hash() -> str:
    if not hasattr(_DUMMY, "value"):
        _DUMMY.value = _HASHER.hash(secrets.token_urlsafe(16))
    return _DUMMY.value


def token_user(data_dir: Path, token: str) -> User | None:
    """The enabled user an API token belongs to, or None; records when it was last used."""
    hashed = digest(token)
    with connect(data_dir) as conn:
        row = conn.execute(
            "SELECT u.name, u.role FROM tokens t JOIN users u ON u.name = t.name "
            "WHERE t.token_hash = ? AND u.disabled = 0",
            (hashed,),
        ).fetchone()
        if row is not None:
            conn.execute("UPDATE tokens SET last_used = ? WHERE token_hash = ?", (_iso(_now()), hashed))
    return User(*row) if row else None


def open_session(data_dir: Path, user: User, hours: float) -> tuple[str, Session]:
    """A new session for a user who just signed in: (the cookie's value, the session)."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = _now()
    expires = now + timedelta(hours=hours)
    with connect(data_dir) as conn:
        conn.execute("DELETE FROM sessions WHERE expires_at < ?", (_iso(now),))
        conn.execute(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
            (digest(session_id), user.name, csrf, _iso(now), _iso(expires)),
        )
    return session_id, Session(user, csrf, expires)


def session(data_dir: Path, session_id: str) -> Session | None:
    """The live session of this cookie value, or None (unknown, expired, or its user disabled)."""
    with connect(data_dir) as conn:
        row = conn.execute(
            "SELECT u.name, u.role, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.name = s.name "
            "WHERE s.id_hash = ? AND s.expires_at > ? AND u.disabled = 0",
            (digest(session_id), _iso(_now())),
        ).fetchone()
    if row is None:
        return None
    name, role, csrf, expires = row
    return Session(User(name, role), csrf, datetime.fromisoformat(expires.replace("Z", "+00:00")))


def close_session(data_dir: Path, session_id: str) -> None:
    """Sign out: the session is forgotten."""
    with connect(data_dir) as conn:
        conn.execute("DELETE FROM sessions WHERE id_hash = ?", (digest(session_id),))


def retry_after(data_dir: Path, keys: list[str], attempts: int, window: timedelta) -> int:
    """Seconds until a login for these keys (user name, client) may be tried again; 0: now."""
    now = _now()
    wait = 0
    with connect(data_dir) as conn:
        conn.execute("DELETE FROM login_failures WHERE at < ?", (_iso(now - window),))
        for key in keys:
            times = [
                row[0]
                for row in conn.execute(
                    "SELECT at FROM login_failures WHERE key = ? ORDER BY at DESC LIMIT ?", (key, attempts)
                )
            ]
            if len(times) >= attempts:
                # Free again when the oldest of the last `attempts` failures leaves the window.
                oldest = datetime.fromisoformat(times[-1].replace("Z", "+00:00"))
                wait = max(wait, int((oldest + window - now).total_seconds()) + 1)
    return wait


def record_failure(data_dir: Path, keys: list[str]) -> None:
    """A failed login, counted against each key."""
    at = _iso(_now())
    with connect(data_dir) as conn:
        conn.executemany("INSERT INTO login_failures VALUES (?, ?)", [(key, at) for key in keys])


def clear_failures(data_dir: Path, key: str) -> None:
    """After a successful login, the user name's failures are forgotten (the client's stay)."""
    with connect(data_dir) as conn:
        conn.execute("DELETE FROM login_failures WHERE key = ?", (key,))
