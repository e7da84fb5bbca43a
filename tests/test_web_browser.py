"""The analysts' dashboard end to end in a real browser.

Playwright drives Debian's Chromium (Playwright's own browser download cannot work here) against the
app served by uvicorn on 127.0.0.1, over a data dir holding a sample stream ingested by the real
pipeline. Every page visited is saved as a full-page screenshot under
`$ONCOWATCH_TEST_OUTPUT/screenshots/` (default `test-output/screenshots/`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: the dashboard's browser tests need Debian's chromium package "
        "(make browser, or apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)

pytestmark = pytest.mark.slow

USER = "ana"
PASSWORD = "correct-horse-battery-7"  # noqa: S105 - a throwaway test account
#: The sample stream's miracle-cure rumour (pipelines/sources/sample_stories.py), as an analyst pastes it.
CLAIM = "Soursop cures stage 4 cancer and doctors hide it. Share before this gets taken down!"
SCREENSHOTS = Path(os.environ.get("ONCOWATCH_TEST_OUTPUT", "test-output")) / "screenshots"
TREND_SUMS = """() => {
  const chart = Chart.getChart(document.getElementById("trend-chart"));
  if (!chart) return null;
  return Object.fromEntries(chart.data.datasets.filter((d) => d.label !== "spike alerts")
    .map((d) => [d.label, d.data.reduce((a, b) => a + (b || 0), 0)]));
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own 127.0.0.1 server
                return
        except urllib.error.HTTPError:
            return  # it answers (a 401 still means it is up)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[dict]:
    """A sample stream ingested by `oncowatch run`, an analyst, and the app serving them."""
    import uvicorn

    from oncowatch import cli
    from oncowatch.web.app import create_app
    from oncowatch.web.auth import add_user

    data_dir = tmp_path_factory.mktemp("web-data")
    with pytest.MonkeyPatch.context() as mp:
        # cli.main sets ONCOWATCH_DATA_DIR; setting it here first restores it afterwards.
        mp.setenv("ONCOWATCH_DATA_DIR", str(data_dir))
        mp.setenv("ONCOWATCH_PRIVACY_KEY", "browser-test-key-0123456789")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert cli.main(["--data-dir", str(data_dir), "run", "--n", "600", "--days", "9", "--json"]) == 0
        report = json.loads(out.getvalue())
        add_user(data_dir, USER, "analyst", PASSWORD)

        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(data_dir, secure_cookies=False), host="127.0.0.1", port=port, log_level="warning"
            )
        )
        thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
        thread.start()
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{base_url}/api/health")
            yield {"base_url": base_url, "report": report, "data_dir": data_dir}
        finally:
            server.should_exit = True
            thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, served) -> Iterator:
    """A fresh browser context (no session) that must never reach past 127.0.0.1 or throw."""
    context = browser.new_context(base_url=served["base_url"], viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert requested, "the page made no request at all"
    foreign = [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]
    assert not foreign, f"requests left 127.0.0.1: {foreign}"
    assert not errors, f"scripts failed: {errors}"


def shot(page, name: str) -> None:
    """A full-page screenshot of what the analyst sees now."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    broken = re.search(r"\[object \w+\]|\bundefined\b|\bNaN\b", page.inner_text("body"))
    assert broken is None, f"{name}: a script wrote {broken.group()!r} into the page"


def sign_in(page, path: str = "/") -> None:
    """Through the login form, landing back on `path`."""
    page.goto(path)
    page.wait_for_url("**/login**")
    page.fill("#name", USER)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(path).path)


def test_anonymous_visit_lands_on_login_and_overview_charts_the_stream(page, served):
    page.goto("/")
    page.wait_for_url("**/login?next=/")
    assert page.locator("#password").is_visible()
    shot(page, "login")

    sign_in(page, "/")
    page.wait_for_function(f"() => ({TREND_SUMS})() !== null")
    sums = page.evaluate(TREND_SUMS)
    report = served["report"]
    assert sum(sums.values()) == report["posts_written"] == 600
    assert {key: n for key, n in sums.items() if n} == report["by_category"]
    labels = page.evaluate("""() => Chart.getChart(document.getElementById("trend-chart")).data.labels""")
    assert 9 <= len(labels) <= 10  # one point a day over the 9 days of the stream
    assert page.locator("#total-posts").inner_text() == "600"
    assert page.locator(".who").inner_text() == USER
    shot(page, "overview")

    # Filters reload the data: one platform, by the hour.
    page.select_option("select[name=platform]", "x")
    page.select_option("select[name=interval]", "1h")
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        f"() => {{ const s = ({TREND_SUMS})(); return s && Object.values(s).reduce((a, b) => a + b, 0) === "
        f"{report['by_platform']['x']}; }}"
    )
    assert "platform=x" in page.url
    drawn = page.evaluate(
        """() => Chart.getChart(document.getElementById("trend-chart")).getDatasetMeta(0).data.length"""
    )
    assert drawn > 24 * 8  # hours, not days
    shot(page, "overview-x-hourly")


def test_topics_list_opens_a_topic_page(page):
    sign_in(page, "/topics")
    first = page.locator(".topic .topic-link").first
    first.wait_for()
    assert page.locator(".topic").count() >= 3
    shot(page, "topics")

    label = first.inner_text()
    first.click()
    page.wait_for_url("**/topics/t-*")
    page.wait_for_function("""() => { const c = Chart.getChart(document.getElementById("volume-chart"));
        return c && c.data.datasets[0].data.some((n) => n > 0); }""")
    assert page.locator("#topic-label").inner_text() == label
    categories = page.evaluate(
        """() => Chart.getChart(document.getElementById("category-chart")).data.datasets[0].data"""
    )
    assert sum(categories) > 0
    assert page.locator("#topic-examples .post").count() >= 1
    shot(page, "topic")

    # What comes back from the server is shown as text, never run as markup.
    page.goto("/topics/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    page.locator("#topic-status.error").wait_for()
    assert "<img" in page.locator("h1").inner_text()
    assert "<img" in page.locator("#topic-status").inner_text()
    assert page.locator("main img").count() == 0


def test_acknowledging_an_alert_marks_it_for_everyone(page):
    sign_in(page, "/alerts")
    page.locator(".alert").first.wait_for()
    shot(page, "alerts")

    card = page.locator('.alert[data-acked="false"]').first
    alert_id = card.get_attribute("data-alert-id")
    card.locator("button.ack").click()
    acked = page.locator(f'.alert[data-alert-id="{alert_id}"] .acked')
    acked.wait_for()
    assert f"Acknowledged by {USER}" in acked.inner_text()
    shot(page, "alerts-acked")

    alerts = page.request.get("/api/alerts").json()
    assert next(a for a in alerts if a["alert_id"] == alert_id)["acked_by"] == USER
    page.reload()
    assert "Acknowledged by" in page.locator(f'.alert[data-alert-id="{alert_id}"] .acked').inner_text()


def test_search_lists_redacted_posts(page):
    sign_in(page, "/search")
    page.fill("input[name=q]", "soursop")
    page.click("#filters button[type=submit]")
    hits = page.locator("#results .post")
    hits.first.wait_for()
    assert "soursop" in hits.first.locator(".post-text").inner_text().lower()
    assert hits.first.locator(".badge.primary").count() == 1
    shot(page, "search")


def test_rumour_search_finds_families_with_a_stance(page):
    sign_in(page, "/rumours")
    page.fill("textarea[name=text]", CLAIM)
    page.click("#claim-form button[type=submit]")
    families = page.locator("#families .family")
    families.first.wait_for()
    stances = families.evaluate_all("(nodes) => nodes.map((n) => n.dataset.stance)")
    assert set(stances) <= {"asserts", "debunks", "unclear"}
    assert "asserts" in stances
    timeline = page.evaluate(
        """() => Chart.getChart(document.getElementById("timeline-chart")).data.datasets[0].data"""
    )
    assert sum(timeline) == int(page.locator("#variant-total").inner_text().replace(",", ""))
    shot(page, "rumours")


def test_logout_returns_to_the_login_page(page):
    sign_in(page, "/")
    page.click("form.logout button[type=submit]")
    page.wait_for_url("**/login**")
    shot(page, "logged-out")
    page.goto("/alerts")
    page.wait_for_url("**/login?next=/alerts")
