"""The web app: the HTTP API, the dashboard pages and the API's docs, all behind a sign-in."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from oncowatch import __version__
from oncowatch.queries import NoStore, Sources
from oncowatch.settings import EmbeddingSettings, StorageSettings, WebSettings
from oncowatch.web.auth import (
    CSRF_HEADER,
    ApiUser,
    AuthConfig,
    LoginRequired,
    PageUser,
    csrf_token,
    login_redirect,
)

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"

_DOCS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>oncowatch API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
<link rel="icon" type="image/png" href="/static/swagger/favicon-32x32.png">
<meta name="csrf-token" content="{csrf}">
</head><body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script>
const csrf = document.querySelector('meta[name="csrf-token"]').content;
window.ui = SwaggerUIBundle({{
  url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
  // The session cookie signs these requests in; a state-changing one must carry the CSRF token.
  requestInterceptor: (req) => {{ req.headers["{header}"] = csrf; return req; }},
}});
</script></body></html>
"""


class LazyEmbedder:
    """The sentence-transformers model, loaded on first use (seconds) and then shared by every request."""

    def __init__(self, settings: EmbeddingSettings) -> None:
        self._settings = settings
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                from analysis.embedding import SentenceTransformerEmbedder

                s = self._settings
                self._model = SentenceTransformerEmbedder(
                    s.embedding_model, device=s.embedding_device, batch_size=s.embed_batch_size
                )
            return self._model

    def embed(self, texts: list[str]) -> Any:
        """Embed like the model does; one request at a time uses it."""
        model = self._loaded()
        with self._lock:
            return model.embed(texts)


def create_app(data_dir: Path | None = None, *, secure_cookies: bool = True) -> FastAPI:
    """The app over the store in `data_dir` (default: the configured one)."""
    from oncowatch.web import api, auth, pages

    web = WebSettings()
    storage = StorageSettings(data_dir=data_dir) if data_dir is not None else StorageSettings()
    embedding = EmbeddingSettings()
    app = FastAPI(
        title="oncowatch",
        version=__version__,
        description="Oncology social-media monitoring: search, trends, topics, rumour variants, alerts. "
        "Only redacted text and pseudonymised authors are ever returned.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.sources = Sources.from_settings(storage, embedding)
    app.state.embedder = LazyEmbedder(embedding)
    app.state.auth = AuthConfig(
        data_dir=storage.data_dir,
        session_hours=web.web_session_hours,
        login_attempts=web.web_login_attempts,
        login_window=timedelta(minutes=web.web_login_window_minutes),
        secure_cookies=secure_cookies and web.web_secure_cookies,
    )

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        accept = request.headers.get("accept", "")
        wants_json = "application/json" in accept and "text/html" not in accept
        if request.url.path.startswith("/api/") or wants_json:
            return JSONResponse({"detail": "sign in first"}, status_code=401)
        return login_redirect(exc.next_path)

    @app.exception_handler(NoStore)
    async def _no_store(request: Request, exc: NoStore) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(user: ApiUser) -> JSONResponse:
        """The OpenAPI description, for signed-in users only."""
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request, user: PageUser) -> HTMLResponse:
        """Swagger UI from the packaged assets (no CDN), for signed-in users only."""
        return HTMLResponse(_DOCS.format(csrf=csrf_token(request), header=CSRF_HEADER))

    app.include_router(auth.router)
    app.include_router(api.router)
    app.include_router(pages.router)

    import swagger_ui_bundle

    # The more specific mount first: /static would otherwise answer for /static/swagger/ too.
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    STATIC_DIR.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
