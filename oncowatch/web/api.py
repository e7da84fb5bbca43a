"""The HTTP API under /api: every answer has exactly the shape of the matching CLI command's `--json`.

Both build their answers with `oncowatch.queries`. Only redacted text and pseudonymised authors
leave it, because the store holds nothing else. Every route but /api/health needs a signed-in user.
"""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel

from indexing.files import atomic_write
from oncowatch import queries
from oncowatch.queries import Sources
from oncowatch.web import accounts
from oncowatch.web.auth import AdminUser, ApiUser

router = APIRouter(prefix="/api", tags=["oncowatch"])

Limit = Annotated[int, Query(ge=0, le=1000)]


def _sources(request: Request) -> Sources:
    return request.app.state.sources


def _time(value: str | None, name: str) -> datetime | None:
    """ISO 8601 date or date-time, UTC when no zone is given (as the CLI reads --since/--until)."""
    from oncowatch.commands import UserError, parse_time

    try:
        return parse_time(value)
    except UserError as exc:
        raise HTTPException(422, f"{name}: {exc}") from exc


def _filter(
    category: str | None, platform: str | None, lang: str | None, since: str | None, until: str | None
) -> Any:
    from indexing.base import PostFilter

    return PostFilter(
        category=category,
        platform=platform,
        lang=lang,
        since=_time(since, "since"),
        until=_time(until, "until"),
    )


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """Anonymous: is the service up, is there a store, how many posts it holds. Nothing personal."""
    return queries.health(_sources(request))


@router.get("/search")
def search(
    request: Request,
    user: ApiUser,
    q: str = "",
    category: str | None = None,
    platform: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Full-text search (`oncowatch search --json`): {"total", "hits"}."""
    flt = _filter(category, platform, lang, since, until)
    return queries.search(_sources(request), q, flt, limit=limit, offset=offset)


@router.get("/trends")
def trends(
    request: Request,
    user: ApiUser,
    by: Literal["category", "platform"] = "category",
    interval: Literal["1h", "1d"] = "1d",
    category: str | None = None,
    platform: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Posts per interval by category or platform (`oncowatch trends --json`)."""
    return queries.trends(_sources(request), by, interval, _filter(category, platform, lang, since, until))


@router.get("/topics")
def topics(
    request: Request,
    user: ApiUser,
    since: str | None = None,
    status: Literal["emerging", "growing", "steady", "fading", "retired", "merged"] | None = None,
    limit: Limit = 50,
) -> list[dict[str, Any]]:
    """Live topics, emerging and growing first (`oncowatch topics --json`)."""
    return queries.topics(_sources(request), since=_time(since, "since"), status=status, limit=limit)


@router.get("/topics/{topic_id}")
def topic(request: Request, user: ApiUser, topic_id: str) -> dict[str, Any]:
    """One topic with its volume series and lineage (`oncowatch topic ID --json`)."""
    found = queries.topic(_sources(request), topic_id)
    if found is None:
        raise HTTPException(404, f"no topic {topic_id!r}")
    return found


@router.get("/variants")
def variants(
    request: Request,
    user: ApiUser,
    text: str | None = None,
    post_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Limit = 20,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> dict[str, Any]:
    """Every stored post making the same claim as a text or a stored post (`oncowatch variants --json`)."""
    if (text is None) == (post_id is None):
        raise HTTPException(422, "give exactly one of text and post_id")
    if text is not None and not text.strip():
        raise HTTPException(422, "text is empty")
    start, end = _time(since, "since"), _time(until, "until")
    if start and end and start >= end:
        raise HTTPException(422, "since must be before until")
    src = _sources(request)
    embedder = request.app.state.embedder
    with src.store() as store:
        finder = queries.variant_finder(src, store, lambda: embedder)
        try:
            return queries.variants(finder, text, post_id, start, end, limit, min_score)
        except LookupError as exc:
            raise HTTPException(404, str(exc.args[0]) if exc.args else "not found") from exc
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get("/alerts")
def alerts(
    request: Request,
    user: ApiUser,
    since: str | None = None,
    kind: Literal["spike", "growth", "privacy"] | None = None,
    unacked: bool = False,
    limit: Limit = 50,
) -> list[dict[str, Any]]:
    """Alerts, newest first (`oncowatch alerts --json`)."""
    return queries.alerts(_sources(request), _time(since, "since"), kind, unacked, limit)


def _rules_path(src: Sources) -> Path:
    from oncowatch.settings import AlertSettings

    try:
        return AlertSettings().rules_path(src.data_dir)
    except FileNotFoundError as exc:
        raise HTTPException(500, str(exc)) from exc


def _load_rules(path: Path) -> Any:
    from oncowatch.alert_commands import load_config
    from oncowatch.commands import UserError

    try:
        return load_config(path)
    except UserError as exc:
        raise HTTPException(500, str(exc)) from exc


@router.get("/alerts/rules")
def alert_rules(request: Request, user: ApiUser) -> dict[str, Any]:
    """The rules and channels in force (`oncowatch alerts rules --json`; no URLs or secrets)."""
    return queries.alert_rules(_load_rules(_rules_path(_sources(request))))


@router.put("/alerts/rules")
async def put_alert_rules(request: Request, user: AdminUser) -> dict[str, Any]:
    """Admin: replace `<data dir>/alerts.toml` with a TOML text or the JSON mapping; 400 when invalid."""
    from oncowatch.settings import AlertSettings

    src = _sources(request)
    if AlertSettings().alert_rules is not None:
        raise HTTPException(409, "the rules come from ONCOWATCH_ALERT_RULES: edit that file instead")
    raw = await request.body()
    text = _rules_text(raw, request.headers.get("content-type", ""))
    target = src.data_dir / "alerts.toml"
    atomic_write(target, text.encode("utf-8"))
    return queries.alert_rules(_load_rules(target))


def _rules_text(raw: bytes, content_type: str) -> str:
    """The body as the rules file's TOML text, validated as `oncowatch alerts` would read it."""
    from analysis.alerts import AlertRules
    from oncowatch.alert_commands import _toml
    from oncowatch.alert_delivery import channels_from_config

    try:
        body = raw.decode("utf-8")
        if content_type.startswith("application/json"):
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("expected a JSON object (the rules file's mapping)")
            text = _toml(data)
            if tomllib.loads(text) != data:
                raise ValueError("this mapping cannot be written as a rules file: send the TOML text instead")
        else:
            text = body
            data = tomllib.loads(text)
        AlertRules.from_mapping(data)
        channels_from_config([dict(item) for item in data.get("channel", [])])
    except (UnicodeDecodeError, ValueError, TypeError, AttributeError, tomllib.TOMLDecodeError) as exc:
        raise HTTPException(400, f"alert rules: {exc}") from exc
    return text if text.endswith("\n") else text + "\n"


@router.post("/alerts/{alert_id}/ack")
def ack_alert(request: Request, user: ApiUser, alert_id: str) -> dict[str, Any]:
    """Acknowledge an alert as the signed-in user (`oncowatch alerts ack ID --json`)."""
    with _sources(request).alerts() as store:
        if not store.ack(alert_id, user.name, datetime.now(UTC)):
            raise HTTPException(404, f"no alert {alert_id!r}")
        return store.get(alert_id)


@router.get("/posts/{post_id}")
def post(request: Request, user: ApiUser, post_id: str) -> dict[str, Any]:
    """One stored post as `oncowatch export` writes it: redacted, no embedding."""
    found = queries.post(_sources(request), post_id)
    if found is None:
        raise HTTPException(404, f"no stored post {post_id!r}")
    return found


@router.get("/dead-letters")
def dead_letters(request: Request, user: ApiUser, limit: Limit = 50) -> dict[str, Any]:
    """Inputs that could not become posts, and why (`oncowatch dead-letters --json`; no bytes)."""
    return queries.dead_letters(_sources(request), limit=limit)


class NewUser(BaseModel):
    """A user to create."""

    name: str
    role: Literal["analyst", "admin"] = "analyst"
    password: str


def _data_dir(request: Request) -> Path:
    return request.app.state.auth.data_dir


@router.get("/users")
def users(request: Request, user: AdminUser) -> list[dict[str, Any]]:
    """Admin: every user with their tokens' ids (`oncowatch users list --json`)."""
    return accounts.list_users(_data_dir(request))


@router.post("/users", status_code=201)
def add_user(request: Request, user: AdminUser, new: NewUser) -> dict[str, Any]:
    """Admin: a new user; 400 for a bad name or password, 409 when the name is taken."""
    data_dir = _data_dir(request)
    if any(u["name"] == new.name for u in accounts.list_users(data_dir)):
        raise HTTPException(409, f"user {new.name!r} exists already")
    try:
        return accounts.add_user(data_dir, new.name, new.role, new.password)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.delete("/users/{name}", status_code=204)
def remove_user(request: Request, user: AdminUser, name: str) -> Response:
    """Admin: remove a user with their tokens and sessions (not oneself)."""
    if name == user.name:
        raise HTTPException(409, "you cannot remove yourself")
    try:
        accounts.remove_user(_data_dir(request), name)
    except LookupError as exc:
        raise HTTPException(404, str(exc.args[0]) if exc.args else "not found") from exc
    return Response(status_code=204)
