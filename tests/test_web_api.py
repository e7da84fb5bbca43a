"""The web app: every route behind the sign-in, sessions, CSRF, tokens, roles, and the API's shapes
(equal to the CLI's --json) on a real SQLite store written straight from EnrichedPost objects."""

from __future__ import annotations

import io
import json
import re
import secrets
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from indexing import SQLiteStore
from indexing.alerts import AlertStore
from indexing.vectors import VectorIndex
from oncowatch.cli import main
from oncowatch.web import accounts
from oncowatch.web.app import create_app
from schemas import DeadLetter, EnrichedPost

T0 = datetime(2026, 11, 2, 8, tzinfo=UTC)
MODEL = "all-MiniLM-L6-v2"
PASSWORD = secrets.token_urlsafe(18)  # a fresh one each run: no password lives in the code
BASE = "https://testserver"

# -- the store ---------------------------------------------------------------------------------------

STORIES = [
    ("miracle_cure", "x", "baking soda cures cancer in two weeks, doctors hide it"),
    ("scam_ad", "facebook", "dm to order the herbal tumour shrinking capsules, limited stock"),
    ("peer_support", "reddit", "sending strength to everyone starting chemo this week"),
]


def _post(n: int, category: str, platform: str, text: str, at: datetime) -> EnrichedPost:
    return EnrichedPost(
        post_id=f"{platform}:{n}", platform=platform, platform_post_id=str(n), created_at=at, ingested_at=at,
        author_pseudonym=f"u{n % 7:02d}", lang="en", redacted_text=f"{text} #{n}", content_hash=f"c{n}",
        near_key=f"k{n}", labels=[category], primary=category, scores={category: 0.9},
        embedding_model=MODEL, classifier_version="clf",
    )  # fmt: skip


def build_store(data: Path) -> None:
    """Three stories of near-identical vectors (topics form), their FAISS index, dead letters, alerts."""
    rng = np.random.default_rng(0)
    posts, vectors = [], []
    for s, (category, platform, text) in enumerate(STORIES):
        centre = rng.normal(size=64)
        for k in range(12):
            n = s * 100 + k
            posts.append(_post(n, category, platform, text, T0 + timedelta(minutes=37 * k + s)))
            vectors.append(centre + rng.normal(scale=0.05, size=64))
    matrix = np.asarray(vectors, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    with SQLiteStore(data / "oncowatch.sqlite") as store:
        store.upsert_posts(posts, matrix)
        store.upsert_dead_letters(
            [
                DeadLetter(
                    stage="decode",
                    reason="invalid_json",
                    detail="line 3",
                    source="a.jsonl",
                    position=3,
                    original=b"{nope",
                    created_at=T0,
                ),
                DeadLetter(
                    stage="decode",
                    reason="empty_text",
                    source="a.jsonl",
                    position=9,
                    post_id="x:9",
                    original=b'{"text": ""}',
                    created_at=T0,
                ),
            ]  # fmt: skip
        )
        index = VectorIndex.for_store(data / "vectors", MODEL, store)
        index.sync_from(store)
        index.save()
    with AlertStore(data / "oncowatch.sqlite") as alerts:
        alerts.save_alerts([_alert(i, kind) for i, kind in enumerate(("spike", "privacy", "growth"))])


def _alert(i: int, kind: str) -> dict:
    at = T0 + timedelta(hours=i + 1)
    return {
        "alert_id": f"a-00{i}", "rule": f"{kind}-rule", "kind": kind, "category": "miracle_cure",
        "window_start": (at - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "window_end": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "observed": 9 + i, "expected": 2.5, "severity": "high",
        "p_value": 1e-6, "created_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "raised_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "post_ids": ["x:1", "x:2"], "examples": [{"post_id": "x:1", "redacted_text": "baking soda #1"}],
        "backfilled": True,
    }  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A data dir with the store, its topics refreshed by the CLI, an admin and an analyst."""
    data = tmp_path_factory.mktemp("web") / "data"
    data.mkdir()
    build_store(data)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONCOWATCH_DATA_DIR", str(data))
        assert main(["topics", "refresh", "--json"]) == 0
    accounts.add_user(data, "ada", "admin", PASSWORD)
    accounts.add_user(data, "ann", "analyst", PASSWORD)
    return data


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.delenv("ONCOWATCH_ALERT_RULES", raising=False)
    monkeypatch.delenv("ONCOWATCH_WEB_SECURE_COOKIES", raising=False)


@pytest.fixture(scope="module")
def app(data):
    return create_app(data)


def client(app) -> TestClient:
    return TestClient(app, base_url=BASE, follow_redirects=False)


def login(c: TestClient, name: str, password: str = PASSWORD, next_path: str = "/"):
    form = c.get("/login", params={"next": next_path})
    assert form.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    return c.post("/login", data={"name": name, "password": password, "next": next_path, "csrf_token": csrf})


def signed_in(app, name: str) -> TestClient:
    c = client(app)
    assert login(c, name).status_code == 303
    return c


def csrf_of(c: TestClient) -> str:
    page = c.get("/docs")
    return re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)


def cli_json(data: Path, argv: list[str], capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(data))
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# -- 1. every route refuses an anonymous request -------------------------------------------------------

PUBLIC = {("GET", "/api/health"), ("GET", "/login"), ("POST", "/login")}


def app_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves but static files, wherever it was included."""
    try:  # FastAPI >= 0.150 keeps included routers apart in app.routes; this yields their routes
        from fastapi.routing import iter_route_contexts

        routes = list(iter_route_contexts(app.routes))
    except ImportError:
        routes = list(app.routes)
    found = []
    for route in routes:
        if isinstance(getattr(route, "route", route), Mount):  # the static files
            continue
        assert isinstance(getattr(route, "route", route), APIRoute | Route), route
        found += [(method, route.path) for method in sorted(route.methods or ()) if method != "HEAD"]
    return found


def test_every_route_but_health_and_login_refuses_anonymous_requests(app):
    anonymous = client(app)
    checked = []
    for method, template in app_routes(app):
        if (method, template) in PUBLIC:
            continue
        path = re.sub(r"\{[^}]+\}", "dummy", template)
        response = anonymous.request(method, path, headers={"Accept": "text/html,application/xhtml+xml"})
        if path.startswith("/api/") or path == "/openapi.json":
            assert response.status_code == 401, (method, path, response.status_code)
            assert "detail" in response.json()
        else:
            assert response.status_code == 303, (method, path, response.status_code)
            assert response.headers["location"].startswith("/login"), (method, path)
        checked.append((method, path))
    assert len(checked) >= 17 and ("GET", "/docs") in checked and ("PUT", "/api/alerts/rules") in checked
    # A page asked for anonymously comes back to itself after signing in.
    assert anonymous.get("/docs", headers={"Accept": "text/html"}).headers["location"] == "/login?next=/docs"
    assert anonymous.get("/api/health").json() == {"status": "ok", "store": True, "posts": 36}


# -- 2. sign-in, cookies, rate limit, redirects ----------------------------------------------------------


def test_login_sets_a_secure_httponly_lax_cookie_and_logout_ends_the_session(app):
    c = client(app)
    response = login(c, "ann", next_path="/docs")
    assert response.status_code == 303 and response.headers["location"] == "/docs"
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("oncowatch_session="))
    flags = [part.strip().lower() for part in cookie.split(";")]
    assert "httponly" in flags and "secure" in flags and "samesite=lax" in flags and "path=/" in flags
    assert c.get("/api/search").status_code == 200
    assert c.post("/logout").status_code == 403  # without the CSRF token
    out = c.post("/logout", headers={"X-CSRF-Token": csrf_of(c)})
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert c.get("/api/search").status_code == 401


def test_wrong_password_is_a_generic_401_and_the_limit_holds_even_for_the_right_one(tmp_path):
    accounts.add_user(tmp_path, "bo", "analyst", PASSWORD)
    app = create_app(tmp_path)
    c = client(app)
    wrong = login(c, "bo", "not the password")
    unknown = login(c, "nobody-here", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong name or password." in wrong.text and "Wrong name or password." in unknown.text
    for _ in range(3):
        assert login(c, "bo", "still not it").status_code == 401
    limited = login(c, "bo", PASSWORD)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
    assert "oncowatch_session" not in limited.headers.get("set-cookie", "")


def test_login_needs_its_form_token_and_refuses_an_open_redirect(tmp_path):
    accounts.add_user(tmp_path, "bo", "analyst", PASSWORD)
    c = client(create_app(tmp_path))
    forged = c.post("/login", data={"name": "bo", "password": PASSWORD, "next": "/", "csrf_token": "x"})
    assert forged.status_code == 403 and "oncowatch_session" not in forged.headers.get("set-cookie", "")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        response = login(client(c.app), "bo", next_path=target)
        assert response.status_code == 303 and response.headers["location"] == "/", target
    assert login(client(c.app), "bo", next_path="/search?q=soda").headers["location"] == "/search?q=soda"


# -- 3. CSRF and tokens ----------------------------------------------------------------------------------


def test_ack_needs_the_csrf_token_with_a_session_and_none_with_a_bearer_token(app, data):
    c = signed_in(app, "ann")
    assert c.post("/api/alerts/a-000/ack").status_code == 403
    acked = c.post("/api/alerts/a-000/ack", headers={"X-CSRF-Token": csrf_of(c)})
    assert acked.status_code == 200 and acked.json()["acked_by"] == "ann"
    assert c.post("/api/alerts/a-nope/ack", headers={"X-CSRF-Token": csrf_of(c)}).status_code == 404

    token = accounts.create_token(data, "ada", "notebook")
    bearer = TestClient(
        app, base_url=BASE, follow_redirects=False, headers={"Authorization": f"Bearer {token}"}
    )
    acked = bearer.post("/api/alerts/a-001/ack")
    assert acked.status_code == 200 and acked.json()["acked_by"] == "ada"
    accounts.revoke_token(data, accounts.token_id(token))
    assert bearer.get("/api/alerts").status_code == 401
    assert bearer.get("/docs", headers={"Accept": "text/html"}).status_code == 303  # pages need a session


# -- 4. roles ----------------------------------------------------------------------------------------------


def test_analysts_read_admins_also_manage_rules_and_users(app, data):
    rules = '[[spike]]\ncategory = "miracle_cure"\n'
    analyst = signed_in(app, "ann")
    headers = {"X-CSRF-Token": csrf_of(analyst)}
    assert analyst.put("/api/alerts/rules", content=rules, headers=headers).status_code == 403
    new = {"name": "cy", "role": "analyst", "password": PASSWORD}
    assert analyst.post("/api/users", json=new, headers=headers).status_code == 403
    assert analyst.get("/api/users").status_code == 403

    admin = signed_in(app, "ada")
    headers = {"X-CSRF-Token": csrf_of(admin)}
    bad = admin.put("/api/alerts/rules", content=rules + "bogus = 1\n", headers=headers)
    assert bad.status_code == 400 and "bogus" in bad.json()["detail"]
    bad = admin.put("/api/alerts/rules", json={"spike": [{"category": "no_such"}]}, headers=headers)
    assert bad.status_code == 400 and "no_such" in bad.json()["detail"]
    assert not (data / "alerts.toml").exists()
    put = admin.put("/api/alerts/rules", content=rules, headers=headers)
    assert put.status_code == 200 and [s["category"] for s in put.json()["spike"]] == ["miracle_cure"]
    assert (data / "alerts.toml").read_text() == rules
    assert admin.get("/api/alerts/rules").json() == put.json()

    assert admin.post("/api/users", json={**new, "password": "short"}, headers=headers).status_code == 400
    created = admin.post("/api/users", json=new, headers=headers)
    assert created.status_code == 201 and created.json()["role"] == "analyst"
    assert "cy" in [u["name"] for u in admin.get("/api/users").json()]
    assert admin.delete("/api/users/cy", headers=headers).status_code == 204
    assert admin.delete("/api/users/cy", headers=headers).status_code == 404
    (data / "alerts.toml").unlink()


# -- 5. shapes: the API answers exactly what the CLI prints ---------------------------------------------


def test_api_answers_equal_the_cli_json(app, data, capsys, monkeypatch):
    c = signed_in(app, "ann")
    pairs = [
        ("/api/search?q=cure&limit=5", ["search", "cure", "--limit", "5"]),
        ("/api/search?platform=facebook&since=2026-11-02", ["search", "--platform", "facebook", "--since", "2026-11-02"]),
        ("/api/trends?by=platform&interval=1h", ["trends", "--by", "platform", "--interval", "1h"]),
        ("/api/trends?category=scam_ad", ["trends", "--category", "scam_ad"]),
        ("/api/topics", ["topics"]),
        ("/api/alerts?kind=privacy", ["alerts", "--kind", "privacy"]),
        ("/api/alerts?unacked=true&limit=2", ["alerts", "--unacked", "--limit", "2"]),
        ("/api/dead-letters?limit=1", ["dead-letters", "--limit", "1"]),
        ("/api/alerts/rules", ["alerts", "rules"]),
    ]  # fmt: skip
    for url, argv in pairs:
        response = c.get(url)
        assert response.status_code == 200, (url, response.text)
        assert response.json() == cli_json(data, argv, capsys, monkeypatch), url
    topics = c.get("/api/topics").json()
    assert len(topics) >= 2  # the stories
    one = topics[0]["topic_id"]
    assert c.get(f"/api/topics/{one}").json() == cli_json(data, ["topic", one], capsys, monkeypatch)
    assert c.get("/api/topics/t-nope").status_code == 404
    hits = c.get("/api/search", params={"q": "", "limit": 2, "offset": 1}).json()["hits"]
    assert [h["post_id"] for h in hits] == [
        h["post_id"] for h in c.get("/api/search", params={"limit": 3}).json()["hits"][1:]
    ]

    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(data))
    capsys.readouterr()
    assert main(["export", "--platform", "reddit"]) == 0
    exported = {row["post_id"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert c.get("/api/posts/reddit:205").json() == exported["reddit:205"]
    assert "embedding" not in exported["reddit:205"] and c.get("/api/posts/x:nope").status_code == 404


def test_variants_take_one_of_text_and_post_id(app):
    c = signed_in(app, "ann")
    assert c.get("/api/variants").status_code == 422
    assert c.get("/api/variants", params={"text": "soda", "post_id": "x:1"}).status_code == 422
    assert c.get("/api/variants", params={"post_id": "x:nope"}).status_code == 404
    found = c.get("/api/variants", params={"post_id": "x:1"})
    assert found.status_code == 200 and set(found.json()) >= {"total", "families", "timeline", "platforms"}


def test_no_store_yet_is_a_clear_503(tmp_path):
    accounts.add_user(tmp_path, "bo", "analyst", PASSWORD)
    app = create_app(tmp_path)
    assert client(app).get("/api/health").json() == {"status": "ok", "store": False, "posts": None}
    c = signed_in(app, "bo")
    for url in ("/api/search", "/api/topics", "/api/alerts", "/api/dead-letters", "/api/posts/x:1"):
        response = c.get(url)
        assert response.status_code == 503 and "no store" in response.json()["detail"], url


# -- 6. docs from local assets only ------------------------------------------------------------------------


def test_docs_and_openapi_for_signed_in_users_from_local_assets(app):
    c = signed_in(app, "ann")
    spec = c.get("/openapi.json")
    assert spec.status_code == 200 and "/api/search" in spec.json()["paths"]
    assert "/login" not in spec.json()["paths"]
    page = c.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/static/") for a in assets), assets
    assert not re.search(r"https?://", page.text)
    for asset in assets:
        assert c.get(asset).status_code == 200, asset


# -- 7. what is stored ---------------------------------------------------------------------------------------


def test_passwords_are_argon2_and_tokens_and_sessions_are_never_stored_in_clear(
    tmp_path, capsys, monkeypatch
):
    app = create_app(tmp_path)
    assert client(app).get("/login").status_code == 200
    assert accounts.list_users(tmp_path) == []  # no default user, no default password
    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("too short\n"))
    assert main(["users", "add", "bo", "--role", "admin", "--password-stdin"]) == 2
    assert "too short: at least 12 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "bo", "--role", "admin", "--password-stdin"]) == 0
    assert main(["users", "token", "bo", "--label", "ci"]) == 0
    token = capsys.readouterr().out.split()[-1]
    c = client(app)
    session_id = login(c, "bo").cookies["oncowatch_session"]
    with sqlite3.connect(tmp_path / "auth.sqlite") as conn:
        (hashed,) = conn.execute("SELECT password_hash FROM users WHERE name = 'bo'").fetchone()
        assert hashed.startswith("$argon2") and PASSWORD not in hashed
        assert conn.execute("SELECT token_hash FROM tokens").fetchall() == [(accounts.digest(token),)]
        assert conn.execute("SELECT id_hash FROM sessions").fetchall() == [(accounts.digest(session_id),)]
    raw = (tmp_path / "auth.sqlite").read_bytes()
    assert token.encode() not in raw and session_id.encode() not in raw and PASSWORD.encode() not in raw
    assert main(["users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["name"] == "bo" and listed[0]["tokens"][0]["id"] == accounts.token_id(token)
    assert main(["users", "revoke-token", accounts.token_id(token)]) == 0
    assert main(["users", "remove", "bo"]) == 0 and accounts.list_users(tmp_path) == []


# -- 8. serve ---------------------------------------------------------------------------------------------------


def test_serve_refuses_to_start_without_users(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(tmp_path))
    assert main(["serve"]) == 2
    assert "oncowatch users add NAME --role admin" in capsys.readouterr().err
