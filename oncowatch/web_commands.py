"""`oncowatch serve` (the web app) and `oncowatch users` (who may sign in to it)."""

from __future__ import annotations

import argparse
import getpass
import secrets
import string
import sys
from pathlib import Path

from oncowatch.commands import UserError, _print_json
from oncowatch.settings import StorageSettings, WebSettings

_SERVE_HELP = """\
Serves the dashboard, the HTTP API (/api/...) and its docs (/docs) over the store, behind a sign-in.
Nobody can sign in until a user exists: `oncowatch users add NAME --role admin`. Analysts read
everything and acknowledge alerts; admins also manage users and the alert rules.

The session cookie is Secure: browsers send it over HTTPS, and over plain http only to localhost or
127.0.0.1. Serving other hosts belongs behind an HTTPS reverse proxy. Settings: ONCOWATCH_WEB_HOST,
_PORT, _SESSION_HOURS, _LOGIN_ATTEMPTS, _LOGIN_WINDOW_MINUTES.
"""

_USERS_HELP = """\
Users of `oncowatch serve`, kept in <data dir>/auth.sqlite (argon2 password hashes; API tokens and
sessions only as hashes). There is no default user.

  oncowatch users add ana --role admin               asks for the password twice
  printf '%s\\n' "$PW" | oncowatch users add bo --role analyst --password-stdin
  oncowatch users token bo --label notebook           prints a new API token once (Authorization: Bearer ...)
  oncowatch users revoke-token 3f2a9c                 by the id `users list` shows
"""


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """`serve` and `users`."""
    web = WebSettings()
    p = sub.add_parser(
        "serve",
        help="the dashboard and HTTP API, behind a sign-in",
        description=_SERVE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--host", default=web.web_host, help=f"address to listen on (default {web.web_host})")
    p.add_argument("--port", type=int, default=web.web_port, help=f"port (default {web.web_port})")
    p.add_argument(
        "--insecure-cookies",
        action="store_true",
        help="send the session cookie over plain http too (development only)",
    )

    p = sub.add_parser(
        "users",
        help="who may sign in to `oncowatch serve`: add, list, remove, passwd, token, revoke-token",
        description=_USERS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    a = actions.add_parser("add", help="a new user")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=["analyst", "admin"])
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    a = actions.add_parser("list", help="every user and their tokens' ids")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("remove", help="remove a user with their tokens and sessions")
    a.add_argument("name", metavar="NAME")
    a = actions.add_parser("passwd", help="change a user's password (ends their sessions)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    a = actions.add_parser("token", help="a new API token for a user, printed once")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--label", default="", help="what the token is for")
    a = actions.add_parser("revoke-token", help="revoke an API token by its id (or the token itself)")
    a.add_argument("prefix", metavar="PREFIX")


def _data_dir() -> Path:
    return StorageSettings().data_dir


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise UserError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    """`oncowatch users ACTION`."""
    from oncowatch.web import accounts

    data_dir = _data_dir()
    action = args.users_command
    try:
        if action == "add":
            accounts.check_name(args.name)
            user = accounts.add_user(data_dir, args.name, args.role, _password(args.password_stdin))
            print(f"added {user['name']} ({user['role']})")
        elif action == "list":
            rows = accounts.list_users(data_dir)
            if args.json:
                _print_json(rows)
                return 0
            if not rows:
                print("no users: `oncowatch users add NAME --role admin` creates the first")
            for row in rows:
                tokens = ", ".join(f"{t['id']} {t['label']!r}".rstrip() for t in row["tokens"]) or "no tokens"
                off = "  disabled" if row["disabled"] else ""
                print(f"{row['name']:<20} {row['role']:<8} since {row['created_at'][:10]}{off}  {tokens}")
        elif action == "remove":
            accounts.remove_user(data_dir, args.name)
            print(f"removed {args.name}")
        elif action == "passwd":
            accounts.set_password(data_dir, args.name, _password(args.password_stdin))
            print(f"password of {args.name} changed; their sessions ended")
        elif action == "token":
            token = accounts.create_token(data_dir, args.name, args.label)
            print(token)
            print(
                f"the API token of {args.name} (id {accounts.token_id(token)}), shown only now: "
                "send it as `Authorization: Bearer <token>`",
                file=sys.stderr,
            )
        elif action == "revoke-token":
            owner = accounts.revoke_token(data_dir, args.prefix)
            print(f"revoked a token of {owner}")
    except (ValueError, LookupError) as exc:
        raise UserError(str(exc.args[0]) if exc.args else str(exc)) from exc
    return 0


def serve(host: str, port: int, secure_cookies: bool = True) -> None:
    """Run the web app over the configured data dir until interrupted (Ctrl-C, SIGTERM)."""
    import uvicorn

    from oncowatch.web.app import create_app
    from pipelines.variants import single_query_threads

    single_query_threads()  # a server answers one small query at a time per request
    app = create_app(_data_dir(), secure_cookies=secure_cookies)
    # No access log: a search or a rumour query in a URL may hold a name, and nothing personal
    # reaches a log line.
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def cmd_serve(args: argparse.Namespace) -> int:
    """`oncowatch serve`: refuses to start while nobody could sign in."""
    from oncowatch.web import accounts

    if not any(not user["disabled"] for user in accounts.list_users(_data_dir())):
        raise UserError(
            "no user can sign in yet: create one with `oncowatch users add NAME --role admin`, then serve"
        )
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.insecure_cookies:
        print(
            "oncowatch: note: the session cookie is Secure; browsers other than on this machine need HTTPS "
            "(a reverse proxy) to sign in",
            file=sys.stderr,
        )
    print(f"oncowatch: serving {_url(args.host, args.port)} (Ctrl-C stops)", flush=True)
    serve(args.host, args.port, secure_cookies=not args.insecure_cookies)
    return 0


def serve_demo(out=None) -> int:
    """`oncowatch run --serve`: a one-time analyst `demo-XXXX` with a random password, removed at the end."""
    from oncowatch.web import accounts

    out = out or sys.stdout
    web = WebSettings()
    data_dir = _data_dir()
    alphabet = string.ascii_letters + string.digits
    name = "demo-" + "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(4))
    password = "".join(secrets.choice(alphabet) for _ in range(20))
    accounts.add_user(data_dir, name, "analyst", password)
    try:
        print(f"dashboard: {_url(web.web_host, web.web_port)}  (Ctrl-C stops)", file=out)
        print(
            f"sign in as {name} with password {password} (this user is removed when the server stops)",
            file=out,
        )
        out.flush()
        serve(web.web_host, web.web_port)
    finally:
        accounts.remove_user(data_dir, name)
    return 0


COMMANDS = {"serve": cmd_serve, "users": cmd_users}
