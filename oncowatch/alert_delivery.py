"""Alert delivery: send one alert to every configured channel, with retries, never raising.

Public interface:

- ``ChannelSpec(name, type, options)``: one configured channel; ``type`` is ``"webhook"``, ``"slack"``,
  ``"email"`` or ``"file"``.
- ``channels_from_config(items) -> list[ChannelSpec]``: validates ``{"name", "type", ...options}`` items
  read from the configuration file; anything wrong is a ``ValueError`` that names the channel.
  Options: webhook ``{url, headers?, timeout_s?}``; slack ``{url, timeout_s?}``; email ``{host, port, from,
  to (list or comma string), starttls?, ssl?, username?, password_env?, timeout_s?}``; file ``{path}``
  (``"-"`` is stdout). A password never sits in the file: ``password_env`` names the environment variable
  that holds it, read when the e-mail is sent.
- ``summary(alert) -> str``: the one human line (e-mail subject, Slack text).
- ``deliver(alert, channels, *, attempts=3, backoff_s=0.5, sleep=time.sleep) -> list[DeliveryResult]``:
  every channel independently, one after the other, each tried up to ``attempts`` times with exponential
  backoff; a failure ends up in its ``DeliveryResult(channel, ok, attempts, error)``, never as an exception.
  A failed try is an exception, an HTTP status outside 2xx (redirects are not followed: urllib would turn
  the POST into a bodiless GET) or an SMTP error.
- ``slack_payload(alert)`` and ``email_message(alert, sender, to)``: what the Slack and e-mail channels send.

Formats: webhook POSTs the alert as JSON (plus the configured headers); slack POSTs an incoming-webhook
message; email sends a plain-text message with the alert as ``alert-<id>.json``; file appends one JSON line.

Logs carry the alert id, the rule, the channel's name and the outcome only: never the examples' text (even
redacted), never a URL (webhook URLs are secrets), never a header value or a password.
"""

from __future__ import annotations

import json
import logging
import os
import re
import smtplib
import ssl
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from types import MappingProxyType
from typing import Any

log = logging.getLogger(__name__)

_REQUIRED = {"webhook": {"url"}, "slack": {"url"}, "email": {"host", "port", "from", "to"}, "file": {"path"}}
_OPTIONAL = {
    "webhook": {"headers", "timeout_s"},
    "slack": {"timeout_s"},
    "email": {"starttls", "ssl", "username", "password_env", "timeout_s"},
    "file": set(),
}
_DEFAULT_TIMEOUT_S = 10.0
_SLACK_EXAMPLES = 3
_SLACK_EXAMPLE_CHARS = 280
_EMAIL_POST_IDS = 50


@dataclass(frozen=True)
class ChannelSpec:
    """One configured delivery channel: its unique name, its type and its validated options."""

    name: str
    type: str
    options: Mapping[str, Any]


@dataclass(frozen=True)
class DeliveryResult:
    """The outcome of one alert on one channel; ``error`` is a short reason without secrets."""

    channel: str
    ok: bool
    attempts: int
    error: str | None


def channels_from_config(items: Sequence[Mapping[str, Any]]) -> list[ChannelSpec]:
    """Validate configured channels; a ``ValueError`` names the channel and what is wrong with it."""
    specs: list[ChannelSpec] = []
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        name = item.get("name") if isinstance(item, Mapping) else None
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"alert channel #{position}: needs a non-empty 'name'")
        if name in seen:
            raise ValueError(f"alert channel {name!r}: the name is used twice; channel names must be unique")
        seen.add(name)
        kind = item.get("type")
        if kind not in _REQUIRED:
            raise ValueError(f"alert channel {name!r}: unknown type {kind!r}; use one of {sorted(_REQUIRED)}")
        options = {k: v for k, v in item.items() if k not in ("name", "type")}
        specs.append(ChannelSpec(name, kind, MappingProxyType(_checked(name, kind, options))))
    return specs


def _checked(name: str, kind: str, options: dict[str, Any]) -> dict[str, Any]:
    """The options of one channel, validated and normalised."""

    def fail(why: str) -> ValueError:
        return ValueError(f"alert channel {name!r} ({kind}): {why}")

    if "password" in options:
        raise fail(
            "do not put a password in the configuration; set 'password_env' to the name of an "
            "environment variable that holds it"
        )
    missing = sorted(_REQUIRED[kind] - options.keys())
    if missing:
        raise fail(f"missing required option(s) {', '.join(missing)}")
    unknown = sorted(options.keys() - _REQUIRED[kind] - _OPTIONAL[kind])
    if unknown:
        raise fail(f"unknown option(s) {', '.join(unknown)}")
    if "url" in options:
        url = options["url"]
        # Only http(s): urllib would also open file: and ftp: URLs. The URL itself stays out of the message.
        if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
            raise fail("'url' must be an http:// or https:// URL")
    if kind != "file":
        timeout = options.setdefault("timeout_s", _DEFAULT_TIMEOUT_S)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise fail("'timeout_s' must be a positive number of seconds")
    if kind == "webhook":
        headers = options.setdefault("headers", {})
        if not isinstance(headers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and "\n" not in k + v and "\r" not in k + v
            for k, v in headers.items()
        ):
            raise fail("'headers' must map header names to single-line string values")
        options["headers"] = dict(headers)
    elif kind == "email":
        port = options["port"]
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise fail("'port' must be an integer between 1 and 65535")
        to = options["to"]
        addresses = to.split(",") if isinstance(to, str) else to
        if not isinstance(addresses, Sequence) or not all(isinstance(a, str) for a in addresses):
            raise fail("'to' must be a list of addresses or a comma-separated string")
        options["to"] = tuple(a.strip() for a in addresses if a.strip())
        if not options["to"]:
            raise fail("'to' names no address")
        for key in ("host", "from", "username", "password_env"):
            if key in options and (not isinstance(options[key], str) or not options[key].strip()):
                raise fail(f"{key!r} must be a non-empty string")
        for key in ("starttls", "ssl"):
            if not isinstance(options.setdefault(key, False), bool):
                raise fail(f"{key!r} must be true or false")
        if options["starttls"] and options["ssl"]:
            raise fail("choose either 'starttls' or 'ssl', not both")
        if ("username" in options) != ("password_env" in options):
            raise fail("'username' and 'password_env' go together: set both or neither")
    elif kind == "file" and (not isinstance(options["path"], str) or not options["path"]):
        raise fail("'path' must be a file path, or '-' for standard output")
    return options


def summary(alert: Mapping[str, Any]) -> str:
    """One line for humans: severity, kind, scope, observed vs expected, window, number of posts."""
    topic = alert.get("topic_id")
    scope = [
        alert.get("category"),
        f"topic {topic}" if topic not in (None, "") else None,
        alert.get("platform"),
    ]
    expected = alert.get("expected")
    expected_text = f"{expected:.1f}" if isinstance(expected, int | float) else "?"
    posts = len(alert.get("post_ids") or [])
    line = (
        f"{str(alert.get('severity', '?')).upper()} {alert.get('kind', 'alert')}: "
        f"{' / '.join(str(s) for s in scope if s) or 'all posts'}: "
        f"{alert.get('observed', '?')} observed vs {expected_text} expected, "
        f"{alert.get('window_start', '?')} to {alert.get('window_end', '?')}, "
        f"{posts} post{'' if posts == 1 else 's'}"
    )
    if alert.get("escalates"):
        line += f" (escalates {alert['escalates']})"
    if alert.get("backfilled"):
        line += " [backfilled]"
    # One line whatever the fields hold: it becomes an e-mail header.
    return " ".join(line.split())


def deliver(
    alert: Mapping[str, Any],
    channels: Sequence[ChannelSpec],
    *,
    attempts: int = 3,
    backoff_s: float = 0.5,
    sleep: Callable[[float], object] = time.sleep,
) -> list[DeliveryResult]:
    """Send ``alert`` to every channel, each up to ``attempts`` tries apart by backoff_s, 2*backoff_s, ..."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    alert_id, rule = alert.get("alert_id"), alert.get("rule")
    results = []
    for spec in channels:
        error: str | None = None
        for attempt in range(1, attempts + 1):
            if attempt > 1:
                sleep(backoff_s * 2 ** (attempt - 2))
            try:
                _SENDERS[spec.type](alert, spec)
            except Exception as exc:  # any failure is a failed try, reported in the result, never raised
                error = _reason(exc, spec)
                log.warning(
                    "alert %s (rule %s): channel %s, try %d of %d failed: %s",
                    alert_id,
                    rule,
                    spec.name,
                    attempt,
                    attempts,
                    error,
                )
                continue
            error = None
            log.info(
                "alert %s (rule %s): delivered to channel %s (try %d)", alert_id, rule, spec.name, attempt
            )
            break
        if error is not None:
            log.error(
                "alert %s (rule %s): channel %s gave up after %d tries", alert_id, rule, spec.name, attempts
            )
        results.append(DeliveryResult(spec.name, error is None, attempt, error))
    return results


def _reason(exc: Exception, spec: ChannelSpec) -> str:
    """A short reason for a failed try, with the channel's secrets (URL, header values) blanked out."""
    if isinstance(exc, urllib.error.HTTPError):
        text = f"HTTP {exc.code}" + (" (redirects are not followed)" if 300 <= exc.code < 400 else "")
    elif isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        text = f"connection failed: {getattr(reason, 'strerror', None) or reason}"
    elif isinstance(exc, smtplib.SMTPResponseException):
        message = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        text = f"SMTP {exc.smtp_code}: {message}"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        text = f"SMTP: all {len(exc.recipients)} recipient(s) refused"
    elif isinstance(exc, OSError) and exc.strerror:
        text = f"connection failed: {exc.strerror}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    secrets = [spec.options.get("url"), *dict(spec.options.get("headers") or {}).values()]
    for secret in secrets:
        if secret:
            text = text.replace(secret, "<redacted>")
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: urllib would turn the POST into a bodiless GET and call it delivered."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _post_json(url: str, payload: Any, headers: Mapping[str, str], timeout: float) -> None:
    """POST ``payload`` as JSON; any status outside 2xx raises."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - the scheme was checked to be http(s) in the config
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "oncowatch", **headers},
    )
    try:
        response = _OPENER.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise
    with response:
        response.read(65536)
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(url, response.status, response.reason, response.headers, None)


def _send_webhook(alert: Mapping[str, Any], spec: ChannelSpec) -> None:
    o = spec.options
    _post_json(o["url"], alert, o.get("headers") or {}, o.get("timeout_s", _DEFAULT_TIMEOUT_S))


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(alert: Mapping[str, Any]) -> dict[str, Any]:
    """The Slack incoming-webhook message of an alert: the summary, up to 3 examples, the alert id."""
    lines = []
    for example in list(alert.get("examples") or [])[:_SLACK_EXAMPLES]:
        text = " ".join(str(example.get("redacted_text", "")).split())
        if len(text) > _SLACK_EXAMPLE_CHARS:
            text = text[: _SLACK_EXAMPLE_CHARS - 1] + "…"
        lines.append(f"• _{_slack_escape(str(example.get('platform', '?')))}_: {_slack_escape(text)}")
    head = _slack_escape(summary(alert))
    return {
        "text": head,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{head}*"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines) or "_no examples_"}},
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": _slack_escape(f"alert {alert.get('alert_id')} · rule {alert.get('rule')}"),
                    }
                ],
            },
        ],
    }


def _send_slack(alert: Mapping[str, Any], spec: ChannelSpec) -> None:
    _post_json(
        spec.options["url"], slack_payload(alert), {}, spec.options.get("timeout_s", _DEFAULT_TIMEOUT_S)
    )


def email_message(alert: Mapping[str, Any], sender: str, to: Sequence[str]) -> EmailMessage:
    """The e-mail of an alert: plain-text body and the alert as a JSON attachment."""
    post_ids = [str(p) for p in alert.get("post_ids") or []]
    body = [
        summary(alert),
        "",
        f"Alert:    {alert.get('alert_id')} (rule {alert.get('rule')}, created {alert.get('created_at')})",
        f"Window:   {alert.get('window_start')} to {alert.get('window_end')}",
        f"Observed: {alert.get('observed')}, expected: {alert.get('expected')}",
    ]
    if alert.get("escalates"):
        body.append(f"Escalates: {alert['escalates']}")
    body += ["", f"Posts ({len(post_ids)}):", *(f"  {p}" for p in post_ids[:_EMAIL_POST_IDS])]
    if len(post_ids) > _EMAIL_POST_IDS:
        body.append(f"  ... and {len(post_ids) - _EMAIL_POST_IDS} more")
    examples = list(alert.get("examples") or [])
    if examples:
        body += ["", "Examples (personal data redacted):"]
        for example in examples:
            body += [
                "",
                f"- {example.get('post_id')} ({example.get('platform')}, {example.get('created_at')})",
                f"  {' '.join(str(example.get('redacted_text', '')).split())}",
            ]
    message = EmailMessage()
    message["Subject"] = "[oncowatch] " + summary(alert)
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid("oncowatch", domain=sender.rpartition("@")[2] or "oncowatch.invalid")
    message.set_content("\n".join(body) + "\n")
    safe_id = re.sub(r"[^A-Za-z0-9._-]+", "_", str(alert.get("alert_id")))
    message.add_attachment(
        json.dumps(alert, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"),
        maintype="application",
        subtype="json",
        filename=f"alert-{safe_id}.json",
    )
    return message


def _send_email(alert: Mapping[str, Any], spec: ChannelSpec) -> None:
    o = spec.options
    password = None
    if "password_env" in o:
        password = os.environ.get(o["password_env"])
        if not password:
            raise RuntimeError(f"environment variable {o['password_env']} (password_env) is not set")
    message = email_message(alert, o["from"], o["to"])
    context = ssl.create_default_context()
    timeout = o.get("timeout_s", _DEFAULT_TIMEOUT_S)
    if o.get("ssl"):
        client: smtplib.SMTP = smtplib.SMTP_SSL(o["host"], o["port"], timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(o["host"], o["port"], timeout=timeout)
    with client:
        if o.get("starttls"):
            client.starttls(context=context)
        if "username" in o:
            client.login(o["username"], password or "")
        refused = client.send_message(message, from_addr=o["from"], to_addrs=list(o["to"]))
    if refused:
        # Accepted for the others: a retry would send them a second copy.
        log.warning(
            "alert %s (rule %s): channel %s refused %d recipient(s)",
            alert.get("alert_id"),
            alert.get("rule"),
            spec.name,
            len(refused),
        )


def _send_file(alert: Mapping[str, Any], spec: ChannelSpec) -> None:
    line = json.dumps(alert, sort_keys=True, ensure_ascii=False) + "\n"
    if spec.options["path"] == "-":
        sys.stdout.write(line)
        sys.stdout.flush()
        return
    path = Path(spec.options["path"]).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(line)


_SENDERS: dict[str, Callable[[Mapping[str, Any], ChannelSpec], None]] = {
    "webhook": _send_webhook,
    "slack": _send_slack,
    "email": _send_email,
    "file": _send_file,
}
