"""The analysts' dashboard: HTML pages that draw what the JSON API under /api serves.

Every page needs a signed-in user. The pages carry no data of their own: small scripts in
`static/` fetch the API (which serves only redacted text and pseudonymised authors) and write
it into the page as text, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from oncowatch.web.auth import User, csrf_token, page_user
from schemas.posts import PLATFORMS
from schemas.taxonomy import CATEGORIES

router = APIRouter()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

PageUser = Annotated[User, Depends(page_user)]

#: (path, key, label) of the navigation bar, in order.
NAV: tuple[tuple[str, str, str], ...] = (
    ("/", "overview", "Overview"),
    ("/topics", "topics", "Topics"),
    ("/alerts", "alerts", "Alerts"),
    ("/search", "search", "Search"),
    ("/rumours", "rumours", "Rumours"),
)
#: Languages offered in the filters (the sample's and the classifier's); any code can be typed.
LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt", "fa", "und")
ALERT_KINDS: tuple[str, ...] = ("spike", "growth", "privacy")


def _render(request: Request, user: User, template: str, active: str, **context: Any) -> HTMLResponse:
    """A page of the dashboard with the navigation, the user and the CSRF token."""
    return templates.TemplateResponse(
        request,
        template,
        {
            "user": user,
            "csrf_token": csrf_token(request),
            "nav": NAV,
            "active": active,
            "categories": CATEGORIES,
            "platforms": PLATFORMS,
            "languages": LANGUAGES,
            **context,
        },
    )


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview(request: Request, user: PageUser) -> HTMLResponse:
    """Posts per category over time with spikes marked, and a summary."""
    return _render(request, user, "overview.html", "overview")


@router.get("/topics", response_class=HTMLResponse, include_in_schema=False)
def topics(request: Request, user: PageUser) -> HTMLResponse:
    """Emerging and live topics."""
    return _render(request, user, "topics.html", "topics")


@router.get("/topics/{topic_id}", response_class=HTMLResponse, include_in_schema=False)
def topic(request: Request, user: PageUser, topic_id: str) -> HTMLResponse:
    """One topic: volume, category mix, platforms, lineage, examples."""
    return _render(request, user, "topic.html", "topics", topic_id=topic_id)


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts(request: Request, user: PageUser) -> HTMLResponse:
    """Alerts, newest first, each with an acknowledge button."""
    return _render(request, user, "alerts.html", "alerts", kinds=ALERT_KINDS)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search(request: Request, user: PageUser) -> HTMLResponse:
    """Full-text search with filters."""
    return _render(request, user, "search.html", "search")


@router.get("/rumours", response_class=HTMLResponse, include_in_schema=False)
def rumours(request: Request, user: PageUser) -> HTMLResponse:
    """Every variant of a claim, in families with their stance."""
    return _render(request, user, "rumours.html", "rumours")
