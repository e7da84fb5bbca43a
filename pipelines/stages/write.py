"""Expand content groups back into posts, and write posts and dead letters to the store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics

from analysis.privacy import redact_possible_names
from pipelines.config import StoreSpec
from pipelines.elements import ContentGroup, ProtectedPost
from schemas import DeadLetter, EnrichedPost

log = logging.getLogger(__name__)

#: In-process progress callbacks (DirectRunner runs in the launching process); a no-op elsewhere.
_PROGRESS: list[Callable[[int], None]] = []


def on_progress(callback: Callable[[int], None] | None) -> None:
    """Register (or clear, with None) a callback told how many posts each write flushed."""
    _PROGRESS.clear()
    if callback is not None:
        _PROGRESS.append(callback)


def enriched(member: ProtectedPost, group: ContentGroup, original: str | None, now: datetime) -> EnrichedPost:
    """The stored form of one post: its own identity and privacy results, the group's labels."""
    post = member.post
    text = member.redacted_text
    if "privacy_leak" in group.labels:
        text = redact_possible_names(text)  # a leak's names are hidden even when no list knew them
    return EnrichedPost(
        post_id=post.post_id,
        platform=post.platform.value,
        platform_post_id=post.id,
        created_at=post.created_at,
        ingested_at=now,
        author_pseudonym=member.author_pseudonym,
        lang=post.lang,
        url=post.url,
        reply_to=post.reply_to,
        metrics=dict(post.metrics or {}),
        extra=post.extra,
        redacted_text=text,
        pii=list(member.pii),
        content_hash=member.content_hash,
        near_key=member.near_key,
        duplicate_of=original,
        labels=group.labels,
        primary=group.primary,
        scores=group.scores,
        evidence=group.evidence,
        embedding_model=group.embedding_model,
        classifier_version=group.classifier_version,
        source=f"{member.record.source}:{member.record.position}",
    )


class _ExpandFn(beam.DoFn):
    def __init__(self) -> None:
        self.duplicates = Metrics.counter("oncowatch", "posts_reusing_an_original")

    def process(self, group: ContentGroup) -> Iterator[tuple[EnrichedPost, np.ndarray]]:
        now = datetime.now(UTC)
        original = group.known_original or group.representative.post.post_id
        for member in group.members:
            own = member.post.post_id == original
            if not own:
                self.duplicates.inc()
            # Per-run counts for the report; Beam keeps one counter per name.
            Metrics.counter("primary", group.primary).inc()
            Metrics.counter("platform", member.post.platform.value).inc()
            yield enriched(member, group, None if own else original, now), group.vector


class ExpandGroups(beam.PTransform):
    """ContentGroup -> (EnrichedPost, vector), one per member post."""

    def expand(self, groups):
        return groups | "Expand" >> beam.ParDo(_ExpandFn())


class _WritePostsFn(beam.DoFn):
    def __init__(self, spec: StoreSpec) -> None:
        self._spec = spec
        self.written = Metrics.counter("oncowatch", "posts_written")

    def setup(self) -> None:
        self._store = self._spec.open()

    def process(self, batch: list[tuple[EnrichedPost, np.ndarray]]) -> Iterator[str]:
        posts = [post for post, _ in batch]
        self._store.upsert_posts(posts, np.stack([vector for _, vector in batch]))
        self._store.flush()
        self.written.inc(len(posts))
        for callback in _PROGRESS:
            callback(len(posts))
        yield from (post.post_id for post in posts)

    def teardown(self) -> None:
        self._store.close()


class _WriteDeadFn(beam.DoFn):
    def __init__(self, spec: StoreSpec) -> None:
        self._spec = spec
        self.written = Metrics.counter("oncowatch", "dead_letters_written")

    def setup(self) -> None:
        self._store = self._spec.open()

    def process(self, batch: list[DeadLetter]) -> Iterator[str]:
        self._store.upsert_dead_letters(batch)
        self._store.flush()
        self.written.inc(len(batch))
        for callback in _PROGRESS:
            callback(len(batch))
        yield from (letter.dead_letter_id for letter in batch)

    def teardown(self) -> None:
        self._store.close()


class WritePosts(beam.PTransform):
    """(EnrichedPost, vector) -> the store, in batches, upsert by post_id; yields written ids."""

    def __init__(self, spec: StoreSpec, batch_size: int = 500) -> None:
        super().__init__()
        self._spec = spec
        self._batch_size = batch_size

    def expand(self, posts):
        return (
            posts
            | "BatchWrites" >> beam.BatchElements(min_batch_size=1, max_batch_size=self._batch_size)
            | "Upsert" >> beam.ParDo(_WritePostsFn(self._spec))
        )


class WriteDeadLetters(beam.PTransform):
    """DeadLetter -> the store's dead letters, upsert by dead_letter_id; yields written ids."""

    def __init__(self, spec: StoreSpec) -> None:
        super().__init__()
        self._spec = spec

    def expand(self, letters):
        return (
            letters
            | "BatchDeadLetters" >> beam.BatchElements(min_batch_size=1, max_batch_size=500)
            | "UpsertDeadLetters" >> beam.ParDo(_WriteDeadFn(self._spec))
        )
