"""Sign-in for the web app: the login page, session cookies with CSRF tokens, API tokens, roles.

Pages depend on `page_user` (no session: 303 to /login), the API on `api_user` (a session or
`Authorization: Bearer <token>`; else 401), admin-only routes on `admin_user` (403 for analysts).
A state-changing request signed in by the session cookie must carry the session's CSRF token
(header X-CSRF-Token, or form field csrf_token); bearer-token requests need none.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from oncowatch.web import accounts
from oncowatch.web.accounts import (
    User,
    add_user,
    create_token,
    list_users,
    remove_user,
    revoke_token,
    set_password,
)

__all__ = [
    "AuthConfig",
    "LoginRequired",
    "User",
    "add_user",
    "admin_user",
    "api_user",
    "create_token",
    "csrf_token",
    "list_users",
    "page_user",
    "remove_user",
    "revoke_token",
    "router",
    "set_password",
]

SESSION_COOKIE = "oncowatch_session"
LOGIN_CSRF_COOKIE = "oncowatch_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass(frozen=True)
class AuthConfig:
    """How the app signs people in: where accounts live, how long sessions last, the login limits."""

    data_dir: Path
    session_hours: float = 12.0
    login_attempts: int = 5
    login_window: timedelta = timedelta(minutes=15)
    secure_cookies: bool = True


class LoginRequired(Exception):
    """A page was asked for without a session; the app answers 303 to /login?next=<path>."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def _config(request: Request) -> AuthConfig:
    return request.app.state.auth


async def _session_user(request: Request) -> User | None:
    """The session cookie's user, CSRF-checked on state-changing requests; None without a session."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    found = await run_in_threadpool(accounts.session, _config(request).data_dir, cookie)
    if found is None:
        return None
    request.state.session = found
    if request.method not in _SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER)
        if sent is None and request.headers.get("content-type", "").startswith(_FORM_TYPES):
            value = (await request.form()).get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
        if not sent or not _equal(sent, found.csrf):
            raise HTTPException(403, f"missing or wrong CSRF token: send the {CSRF_HEADER} header")
    return found.user


def _equal(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


async def page_user(request: Request) -> User:
    """Dependency of pages: the signed-in user, else LoginRequired (303 to /login?next=...)."""
    user = await _session_user(request)
    if user is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    return user


async def api_user(request: Request) -> User:
    """Dependency of the API: the session cookie's user or the bearer token's, else 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        user = await run_in_threadpool(accounts.token_user, _config(request).data_dir, token.strip())
        if user is None:
            raise HTTPException(401, "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return user
    user = await _session_user(request)
    if user is None:
        raise HTTPException(401, "sign in first, or send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return user


async def admin_user(user: Annotated[User, Depends(api_user)]) -> User:
    """Dependency of admin-only routes: 403 for analysts."""
    if user.role != "admin":
        raise HTTPException(403, "only an admin may do this")
    return user


def csrf_token(request: Request) -> str:
    """The current session's CSRF token (for templates; scripts send it as X-CSRF-Token); '' without one."""
    found = getattr(request.state, "session", None)
    if found is None:
        cookie = request.cookies.get(SESSION_COOKIE)
        found = accounts.session(_config(request).data_dir, cookie) if cookie else None
    return found.csrf if found else ""


PageUser = Annotated[User, Depends(page_user)]
ApiUser = Annotated[User, Depends(api_user)]
AdminUser = Annotated[User, Depends(admin_user)]


# ---- the login page -------------------------------------------------------------------------------

router = APIRouter(include_in_schema=False)


def safe_next(value: str | None) -> str:
    """A same-site relative path to go to after signing in; anything else becomes '/'."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(ord(c) < 32 or c == "\\" for c in value):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path.startswith("/login"):
        return "/"
    return value


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · oncowatch</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<style>
body{{font:16px/1.4 system-ui,sans-serif;background:#f4f5f7;color:#1d2330;margin:0;display:flex;
min-height:100vh;align-items:center;justify-content:center}}
form{{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:20rem}}
h1{{font-size:1.3rem;margin:0 0 1rem}} label{{display:block;margin:.8rem 0 .2rem}}
input[type=text],input[type=password]{{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #aab;
border-radius:4px;font:inherit}}
button{{margin-top:1.2rem;width:100%;padding:.6rem;border:0;border-radius:4px;background:#2450a0;
color:#fff;font:inherit;cursor:pointer}} .error{{color:#a01c1c;margin:0 0 .5rem}}
</style></head><body>
<form method="post" action="/login">
<h1>oncowatch</h1>
{message}
<label for="name">Name</label><input id="name" name="name" type="text" autocomplete="username" required
 value="{name}" autofocus>
<label for="password">Password</label><input id="password" name="password" type="password"
 autocomplete="current-password" required>
<input type="hidden" name="next" value="{next}"><input type="hidden" name="csrf_token" value="{csrf}">
<button type="submit">Sign in</button>
</form></body></html>
"""


def _login_page(
    config: AuthConfig, next_path: str, status: int = 200, message: str = "", name: str = "",
    headers: dict[str, str] | None = None,
) -> HTMLResponse:  # fmt: skip
    import secrets

    csrf = secrets.token_urlsafe(32)
    shown = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    body = _PAGE.format(message=shown, name=html.escape(name), next=html.escape(next_path), csrf=csrf)
    response = HTMLResponse(body, status_code=status, headers=headers)
    response.headers["Cache-Control"] = "no-store"
    response.set_cookie(
        LOGIN_CSRF_COOKIE, csrf, httponly=True, secure=config.secure_cookies, samesite="lax", path="/login"
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002 - the query's name
    """The sign-in form."""
    return _login_page(_config(request), safe_next(next))


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",  # noqa: A002 - the form field's name
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Check the name and password; on success a session cookie and 303 to `next`."""
    config = _config(request)
    target = safe_next(next)
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not csrf_token or not _equal(expected, csrf_token):
        return _login_page(config, target, 403, "The sign-in form expired; please sign in again.", name)
    client = request.client.host if request.client else "unknown"
    keys = [f"user:{name.lower()}", f"ip:{client}"]
    wait = accounts.retry_after(config.data_dir, keys, config.login_attempts, config.login_window)
    if wait:
        minutes = max(1, round(wait / 60))
        return _login_page(
            config, target, 429, f"Too many failed sign-ins: try again in about {minutes} minute(s).", name,
            headers={"Retry-After": str(wait)},
        )  # fmt: skip
    user = accounts.verify_password(config.data_dir, name, password)
    if user is None:
        accounts.record_failure(config.data_dir, keys)
        return _login_page(config, target, 401, "Wrong name or password.", name)
    accounts.clear_failures(config.data_dir, keys[0])
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        accounts.close_session(config.data_dir, old)
    session_id, session = accounts.open_session(config.data_dir, user, config.session_hours)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(config.session_hours * 3600),
        httponly=True,
        secure=config.secure_cookies,
        samesite="lax",
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """Sign out (CSRF-checked): the session is forgotten, 303 to /login."""
    config = _config(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie and await _session_user(request) is not None:
        await run_in_threadpool(accounts.close_session, config.data_dir, cookie)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=config.secure_cookies, httponly=True, samesite="lax"
    )
    return response


def login_redirect(next_path: str) -> RedirectResponse:
    """303 to the login page, coming back to `next_path` afterwards."""
    return RedirectResponse(f"/login?next={quote(safe_next(next_path), safe='/')}", status_code=303)
