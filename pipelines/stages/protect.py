"""Protect the people in a post: pseudonymise the author, find and redact personal data."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

from analysis.dedup import content_hash, near_key
from analysis.privacy import detect_pii, pseudonymise, redact
from pipelines.elements import DecodedPost, ProtectedPost
from schemas import DeadLetter

log = logging.getLogger(__name__)

DEAD = "dead"


def protect(item: DecodedPost, key: bytes, region: str) -> ProtectedPost:
    """Pseudonymise and redact one post; the keys for duplicates come from the redacted text."""
    post = item.post
    spans = detect_pii(post.text, default_region=region)
    redacted = redact(post.text, spans, mention_key=key, namespace=post.platform.value)
    author = pseudonymise(post.author, key, namespace=post.platform.value) if post.author else None
    return ProtectedPost(
        post=post,
        record=item.record,
        author_pseudonym=author,
        redacted_text=redacted,
        pii=tuple(spans),
        content_hash=content_hash(redacted),
        near_key=near_key(redacted),
    )


class _ProtectFn(beam.DoFn):
    def __init__(self, key: bytes, region: str) -> None:
        self._key = key
        self._region = region
        self.found = Metrics.counter("oncowatch", "pii_spans_found")

    def process(self, item: DecodedPost) -> Iterator[object]:
        try:
            protected = protect(item, self._key, self._region)
        except Exception as exc:  # a bad post must not stop the run: it becomes a dead letter
            # The exception text may quote the post; only its type reaches the log and the letter.
            log.warning("privacy stage failed on %s: %s", item.post.post_id, type(exc).__name__)
            yield beam.pvalue.TaggedOutput(DEAD, DeadLetter(
                stage="privacy", reason="privacy_error", detail=type(exc).__name__,
                source=item.record.source, position=item.record.position,
                post_id=item.post.post_id, original=item.record.data,
            ))
        else:
            self.found.inc(len(protected.pii))
            yield protected


class ProtectPosts(beam.PTransform):
    """DecodedPost -> ProtectedPost; failures to the `dead` output."""

    def __init__(self, key: bytes, region: str = "US") -> None:
        super().__init__()
        if not key:
            raise ValueError("a pseudonymisation key is required")
        self._key = key
        self._region = region

    def expand(self, posts):
        return posts | "Pseudonymise+Redact" >> beam.ParDo(
            _ProtectFn(self._key, self._region)
        ).with_outputs(DEAD, main="posts")
