"""Decode and validate: bytes in, valid posts out, everything else a dead letter with a reason."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import apache_beam as beam
from apache_beam.metrics import Metrics
from pydantic import ValidationError

from pipelines.elements import DecodedPost, RawRecord
from schemas import DeadLetter, Post

log = logging.getLogger(__name__)

DEAD = "dead"


def _reason_from(error: ValidationError) -> tuple[str, str]:
    """A machine reason and a human detail from the first validation error, never the input value."""
    first = error.errors(include_input=False, include_url=False)[0]
    field = ".".join(str(part) for part in first["loc"]) or "post"
    kind = first["type"]
    if kind == "missing":
        return f"missing_field:{field}", f"required field {field!r} is missing"
    if kind == "timezone_aware":
        return f"no_timezone:{field}", f"{field} has no time zone; ISO 8601 with a zone is required"
    if field == "text" and kind == "string_too_long":
        return "text_too_long", first["msg"]
    if field == "text" and kind in ("string_too_short", "value_error"):
        return "empty_text", "text is empty or blank"
    return f"invalid_field:{field}", first["msg"]


def decode(record: RawRecord) -> Post | DeadLetter:
    """One record to a Post, or a DeadLetter saying why not."""

    def dead(reason: str, detail: str) -> DeadLetter:
        return DeadLetter(
            stage="decode", reason=reason, detail=detail, source=record.source,
            position=record.position, original=record.data,
        )

    try:
        text = record.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return dead("invalid_utf8", f"byte {exc.start} is not UTF-8")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return dead("invalid_json", f"{exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return dead("not_an_object", f"a post is a JSON object, got {type(obj).__name__}")
    try:
        return Post.model_validate(obj)
    except ValidationError as exc:
        reason, detail = _reason_from(exc)
        return dead(reason, detail)


class _DecodeFn(beam.DoFn):
    def __init__(self) -> None:
        self.decoded = Metrics.counter("oncowatch", "posts_decoded")
        self.rejected = Metrics.counter("oncowatch", "posts_rejected_at_decode")

    def process(self, record: RawRecord) -> Iterator[object]:
        if not record.data.strip() and record.framing == "line":
            pass  # blank lines between posts are not posts
        elif not record.data.strip():
            self.rejected.inc()
            yield beam.pvalue.TaggedOutput(DEAD, DeadLetter(
                stage="decode", reason="empty_message", detail="the message has no value",
                source=record.source, position=record.position, original=record.data,
            ))
        elif isinstance(result := decode(record), DeadLetter):
            self.rejected.inc()
            log.debug("dead letter at %s:%s: %s", record.source, record.position, result.reason)
            yield beam.pvalue.TaggedOutput(DEAD, result)
        else:
            self.decoded.inc()
            yield DecodedPost(post=result, record=record)


class DecodePosts(beam.PTransform):
    """RawRecord -> DecodedPost (main output) and DeadLetter (tag `dead`)."""

    def expand(self, records):
        return records | "Decode" >> beam.ParDo(_DecodeFn()).with_outputs(DEAD, main="posts")


@dataclass(frozen=True)
class EventWindow:
    """A range of event time (posts' `created_at`): since inclusive, until exclusive, either open."""

    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        for bound in (self.since, self.until):
            if bound is not None and bound.tzinfo is None:
                raise ValueError("event-time bounds need a time zone")
        if self.since and self.until and self.since >= self.until:
            raise ValueError(f"empty event-time window: since {self.since} is not before until {self.until}")

    def __contains__(self, when: datetime) -> bool:
        return (self.since is None or when >= self.since) and (self.until is None or when < self.until)


class _KeepWindowFn(beam.DoFn):
    def __init__(self, window: EventWindow) -> None:
        self._window = window
        self.outside = Metrics.counter("oncowatch", "posts_outside_window")

    def process(self, decoded: DecodedPost) -> Iterator[DecodedPost]:
        if decoded.post.created_at in self._window:
            yield decoded
        else:
            self.outside.inc()


class KeepEventWindow(beam.PTransform):
    """DecodedPost -> only those created inside the window; the others are counted, not stored."""

    def __init__(self, window: EventWindow) -> None:
        super().__init__()
        self._window = window

    def expand(self, decoded):
        return decoded | "InWindow" >> beam.ParDo(_KeepWindowFn(self._window))
