"""Alert delivery against real servers on localhost: an SMTP server (aiosmtpd) and an HTTP server."""

from __future__ import annotations

import email
import email.policy
import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from oncowatch.alert_delivery import (
    ChannelSpec,
    DeliveryResult,
    channels_from_config,
    deliver,
    summary,
)

LEAK = "Jane Doe 555-0100"


def make_alert(alert_id: str = "a-1", **changes) -> dict:
    """A spike alert as the alert checker would emit it."""
    alert = {
        "alert_id": alert_id,
        "rule": "miracle-cure-spike",
        "kind": "spike",
        "category": "miracle_cure",
        "topic_id": "t-7",
        "platform": "reddit",
        "window_start": "2026-11-02T10:00:00Z",
        "window_end": "2026-11-02T11:00:00Z",
        "observed": 48,
        "expected": 6.25,
        "severity": "high",
        "created_at": "2026-11-02T11:00:05Z",
        "post_ids": ["reddit:p1", "reddit:p2", "reddit:p3"],
        "examples": [
            {
                "post_id": "reddit:p1",
                "platform": "reddit",
                "created_at": "2026-11-02T10:12:00Z",
                "redacted_text": "Apricot kernels cured my [PERSON]'s tumour — skip the chemo",
            },
            {
                "post_id": "reddit:p2",
                "platform": "reddit",
                "created_at": "2026-11-02T10:40:00Z",
                "redacted_text": "DM me for the protocol, 100% natural",
            },
        ],
    }
    alert.update(changes)
    return alert


def no_sleep(_: float) -> None:
    """Tests never wait for a backoff."""


# --- an HTTP server that records requests and answers scripted statuses ---------------------------------


class _Recorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server = self.server
        with server.lock:
            server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
            script = server.scripts.get(self.path.split("?")[0], [])
            status = script.pop(0) if script else server.default.get(self.path.split("?")[0], 200)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.lock = threading.Lock()
    server.requests = []
    server.scripts = {}  # path -> statuses answered first, in order
    server.default = {}  # path -> status once the script is used up (200 if absent)
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def bodies(server, path: str) -> list[dict]:
    return [json.loads(r["body"]) for r in server.requests if r["path"].split("?")[0] == path]


@pytest.fixture
def closed_port() -> int:
    """A port nobody listens on: bound, then released."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


# --- an SMTP server that keeps the messages -------------------------------------------------------------


class _Keep:
    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    handler = _Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _parse(envelope) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.original_content, policy=email.policy.default)


# --- tests -----------------------------------------------------------------------------------------------


def test_summary_is_one_line_with_the_essentials():
    line = summary(make_alert())
    assert line == (
        "HIGH spike: miracle_cure / topic t-7 / reddit: 48 observed vs 6.2 expected, "
        "2026-11-02T10:00:00Z to 2026-11-02T11:00:00Z, 3 posts"
    )
    privacy = summary(
        make_alert(kind="privacy", category="bad\ncategory", topic_id=None, escalates="a-0", backfilled=True)
    )
    assert "\n" not in privacy
    assert privacy.startswith("HIGH privacy: bad category / reddit:")
    assert privacy.endswith("(escalates a-0) [backfilled]")


def test_email_arrives_with_subject_body_and_json_attachment(smtp_server):
    controller, handler = smtp_server
    channels = channels_from_config(
        [
            {
                "name": "analysts-mail",
                "type": "email",
                "host": "127.0.0.1",
                "port": controller.port,
                "from": "oncowatch@example.org",
                "to": "a@example.org, b@example.org",
            }
        ]
    )
    many = [f"x:{i}" for i in range(60)]
    alert = make_alert(post_ids=many)

    assert deliver(alert, channels, sleep=no_sleep) == [DeliveryResult("analysts-mail", True, 1, None)]

    (envelope,) = handler.envelopes
    assert envelope.rcpt_tos == ["a@example.org", "b@example.org"]
    message = _parse(envelope)
    assert message["Subject"] == "[oncowatch] " + summary(alert)
    body = message.get_body(("plain",)).get_content()
    assert summary(alert) in body
    assert "x:0" in body and "x:49" in body and "x:50" not in body
    assert "... and 10 more" in body
    assert "Apricot kernels cured my [PERSON]'s tumour" in body
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "alert-a-1.json"
    assert json.loads(attachment.get_content()) == alert


def test_email_login_reads_the_password_from_the_environment(monkeypatch):
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret-pw")

    handler = _Keep()
    controller = Controller(
        handler, hostname="127.0.0.1", port=_free_port(), authenticator=authenticator, auth_require_tls=False
    )
    controller.start()
    try:
        config = {
            "name": "mail",
            "type": "email",
            "host": "127.0.0.1",
            "port": controller.port,
            "from": "oncowatch@example.org",
            "to": ["a@example.org"],
            "username": "watcher",
            "password_env": "ONCOWATCH_TEST_SMTP_PASSWORD",
        }
        channels = channels_from_config([config])

        monkeypatch.delenv("ONCOWATCH_TEST_SMTP_PASSWORD", raising=False)
        (missing,) = deliver(make_alert(), channels, sleep=no_sleep)
        assert not missing.ok and "ONCOWATCH_TEST_SMTP_PASSWORD" in missing.error

        monkeypatch.setenv("ONCOWATCH_TEST_SMTP_PASSWORD", "s3cret-pw")
        (result,) = deliver(make_alert(), channels, sleep=no_sleep)
        assert result.ok, result.error
        assert seen[-1] == (b"watcher", b"s3cret-pw")
        assert len(handler.envelopes) == 1
    finally:
        controller.stop()


def test_webhook_and_slack_payloads(http_server):
    channels = channels_from_config(
        [
            {
                "name": "ops-webhook",
                "type": "webhook",
                "url": http_server.base + "/hook",
                "headers": {"X-Api-Key": "k-123"},
            },
            {"name": "team-slack", "type": "slack", "url": http_server.base + "/slack"},
        ]
    )
    alert = make_alert(examples=make_alert()["examples"] * 2)  # 4 examples: Slack shows 3

    results = deliver(alert, channels, sleep=no_sleep)

    assert [r.ok for r in results] == [True, True]
    (hook,) = [r for r in http_server.requests if r["path"] == "/hook"]
    assert json.loads(hook["body"]) == alert
    assert hook["headers"]["X-Api-Key"] == "k-123"
    assert hook["headers"]["Content-Type"] == "application/json"
    assert hook["headers"]["User-Agent"] == "oncowatch"
    (slack,) = bodies(http_server, "/slack")
    assert slack["text"] == summary(alert)
    blocks = slack["blocks"]
    assert [b["type"] for b in blocks] == ["section", "section", "context"]
    examples_text = blocks[1]["text"]["text"]
    assert "Apricot kernels cured my [PERSON]" in examples_text
    assert examples_text.count("•") == 3
    assert "a-1" in blocks[2]["elements"][0]["text"]


def test_slack_truncates_long_examples(http_server):
    channels = channels_from_config([{"name": "s", "type": "slack", "url": http_server.base + "/slack"}])
    long_text = "word " * 200
    alert = make_alert(
        examples=[{"post_id": "x:1", "platform": "x", "created_at": "", "redacted_text": long_text}]
    )
    deliver(alert, channels, sleep=no_sleep)
    (slack,) = bodies(http_server, "/slack")
    shown = slack["blocks"][1]["text"]["text"]
    assert len(shown) < 320 and shown.endswith("…")


def test_retries_with_exponential_backoff_until_ok(http_server):
    http_server.scripts["/flaky"] = [500, 500]
    waits = []
    channels = channels_from_config(
        [{"name": "flaky", "type": "webhook", "url": http_server.base + "/flaky"}]
    )

    (result,) = deliver(make_alert(), channels, sleep=waits.append)

    assert result == DeliveryResult("flaky", True, 3, None)
    assert waits == [0.5, 1.0]
    assert len(bodies(http_server, "/flaky")) == 3


def test_failing_channels_do_not_stop_the_others(http_server, closed_port, tmp_path):
    http_server.default["/broken"] = 500
    channels = channels_from_config(
        [
            {"name": "broken", "type": "webhook", "url": http_server.base + "/broken?token=sekrit-token"},
            {"name": "nobody-home", "type": "slack", "url": f"http://127.0.0.1:{closed_port}/hook"},
            {"name": "good", "type": "webhook", "url": http_server.base + "/hook"},
            {"name": "archive", "type": "file", "path": str(tmp_path / "alerts.jsonl")},
        ]
    )
    waits = []

    broken, down, good, archive = deliver(make_alert(), channels, sleep=waits.append)

    assert (broken.ok, broken.attempts) == (False, 3)
    assert "500" in broken.error and "sekrit-token" not in broken.error
    assert (down.ok, down.attempts) == (False, 3)
    assert "connection" in down.error.lower() and "refused" in down.error.lower()
    assert good == DeliveryResult("good", True, 1, None)
    assert archive.ok
    assert waits == [0.5, 1.0, 0.5, 1.0]


def test_redirect_is_a_failed_try(http_server):
    http_server.default["/moved"] = 302
    channels = channels_from_config(
        [{"name": "moved", "type": "webhook", "url": http_server.base + "/moved"}]
    )
    (result,) = deliver(make_alert(), channels, attempts=1, sleep=no_sleep)
    assert not result.ok and "302" in result.error


def test_file_channel_appends_lines_and_dash_is_stdout(tmp_path, capsys):
    path = tmp_path / "new" / "folder" / "alerts.jsonl"
    channels = channels_from_config([{"name": "archive", "type": "file", "path": str(path)}])
    first, second = make_alert("a-1"), make_alert("a-2", examples=[], severity="critical")

    deliver(first, channels, sleep=no_sleep)
    deliver(second, channels, sleep=no_sleep)

    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [first, second]
    assert "—" in lines[0]  # ensure_ascii False
    assert lines[0] == json.dumps(first, sort_keys=True, ensure_ascii=False)

    (result,) = deliver(first, channels_from_config([{"name": "out", "type": "file", "path": "-"}]))
    assert result.ok
    assert json.loads(capsys.readouterr().out) == first


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"name": "x", "type": "pager", "url": "http://h"}], "'x': unknown type 'pager'"),
        ([{"name": "hook", "type": "webhook"}], "'hook' (webhook): missing required option(s) url"),
        ([{"name": "s", "type": "slack", "url": "file:///etc/passwd"}], "'s' (slack): 'url' must be an http"),
        (
            [{"name": "a", "type": "file", "path": "x"}, {"name": "a", "type": "file", "path": "y"}],
            "'a': the name is used twice",
        ),
        (
            [
                {
                    "name": "mail",
                    "type": "email",
                    "host": "h",
                    "port": 25,
                    "from": "f@x",
                    "to": "t@x",
                    "username": "u",
                    "password": "hunter2",
                }
            ],
            "set 'password_env'",
        ),
        (
            [{"name": "m", "type": "email", "host": "h", "port": "25", "from": "f", "to": "t"}],
            "'port' must be",
        ),
        (
            [{"name": "m", "type": "email", "host": "h", "port": 25, "from": "f", "to": " , "}],
            "'to' names no",
        ),
        (
            [
                {
                    "name": "m",
                    "type": "email",
                    "host": "h",
                    "port": 25,
                    "from": "f",
                    "to": "t",
                    "ssl": True,
                    "starttls": True,
                }
            ],
            "either 'starttls' or 'ssl'",
        ),
        (
            [{"name": "h", "type": "webhook", "url": "http://h", "tiemout_s": 3}],
            "unknown option(s) tiemout_s",
        ),
        ([{"type": "file", "path": "x"}], "#1: needs a non-empty 'name'"),
    ],
)
def test_channels_from_config_refuses_bad_items(items, message):
    with pytest.raises(ValueError) as raised:
        channels_from_config(items)
    assert message in str(raised.value)
    assert "hunter2" not in str(raised.value)


def test_channels_from_config_normalises_options():
    (mail, hook) = channels_from_config(
        [
            {
                "name": "m",
                "type": "email",
                "host": "h",
                "port": 465,
                "from": "f@x",
                "to": "a@x, b@x",
                "ssl": True,
            },
            {"name": "w", "type": "webhook", "url": "https://h/x"},
        ]
    )
    assert mail == ChannelSpec("m", "email", mail.options)
    assert mail.options["to"] == ("a@x", "b@x")
    assert (mail.options["ssl"], mail.options["starttls"]) == (True, False)
    assert hook.options["headers"] == {} and hook.options["timeout_s"] > 0
    with pytest.raises(TypeError):
        hook.options["url"] = "http://elsewhere"  # read-only once validated


def test_no_example_text_or_url_secret_reaches_the_logs(http_server, caplog):
    caplog.set_level(logging.DEBUG)
    http_server.default["/broken"] = 500
    leaky = make_alert(
        examples=[
            {"post_id": "x:9", "platform": "x", "created_at": "2026-11-02T10:00:00Z", "redacted_text": LEAK}
        ]
    )
    channels = channels_from_config(
        [
            {"name": "broken", "type": "webhook", "url": http_server.base + "/broken?token=sekrit-token"},
            {"name": "slack", "type": "slack", "url": http_server.base + "/broken"},
        ]
    )

    results = deliver(leaky, channels, sleep=no_sleep)

    assert [r.ok for r in results] == [False, False]
    assert caplog.records, "failures are logged"
    assert any("a-1" in r.getMessage() and "broken" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        text = record.getMessage()
        assert "Jane Doe" not in text and "555-0100" not in text
        assert "sekrit-token" not in text and "127.0.0.1" not in text
    assert LEAK not in caplog.text
