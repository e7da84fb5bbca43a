"""Recognise exact and near duplicates, within the batch and against what the store already has.

Each duplicate is still a post of its own (it counts in trends and alerts), but it reuses its
original's embedding and labels instead of computing them again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

from pipelines.config import StoreSpec
from pipelines.elements import ContentGroup, ProtectedPost
from schemas import DeadLetter

log = logging.getLogger(__name__)

DEAD = "dead"


class _ResolveIdsFn(beam.DoFn):
    """The same post_id twice in one batch: first in reading order wins.

    An exact re-delivery (same text) is the same post and is dropped quietly; a different text
    under the same id is a conflict and becomes a dead letter, so nothing is silently lost.
    """

    def __init__(self) -> None:
        self.redelivered = Metrics.counter("oncowatch", "posts_redelivered")
        self.conflicts = Metrics.counter("oncowatch", "duplicate_id_conflicts")

    def process(self, keyed: tuple[str, Iterable[ProtectedPost]]) -> Iterator[object]:
        post_id, items = keyed
        ordered = sorted(items, key=lambda item: item.record.order)
        winner = ordered[0]
        yield winner
        for other in ordered[1:]:
            if other.post.text == winner.post.text:
                self.redelivered.inc()
                continue
            self.conflicts.inc()
            yield beam.pvalue.TaggedOutput(DEAD, DeadLetter(
                stage="dedup", reason="duplicate_id_conflict",
                detail=f"{post_id} already read at {winner.record.source}:{winner.record.position} "
                "with a different text; the first one read is kept",
                source=other.record.source, position=other.record.position,
                post_id=post_id, original=other.record.data,
            ))


def _to_group(keyed: tuple[str, Iterable[ProtectedPost]]) -> ContentGroup:
    key, items = keyed
    members = sorted(items, key=lambda item: (item.post.created_at, item.post.post_id))
    return ContentGroup(near_key=key, members=members)


class _LookupKnownFn(beam.DoFn):
    """Fill groups whose content an earlier run already embedded (and maybe classified)."""

    def __init__(self, store: StoreSpec, embedding_model: str, classifier_version: str) -> None:
        self._spec = store
        self._model = embedding_model
        self._classifier = classifier_version
        self._store = None
        self.reused = Metrics.counter("oncowatch", "groups_known_from_store")

    def setup(self) -> None:
        self._store = self._spec.open()

    def process(self, groups: list[ContentGroup]) -> Iterator[ContentGroup]:
        known = self._store.known_contents([g.near_key for g in groups], self._model)
        for group in groups:
            hit = known.get(group.near_key)
            if hit is not None and hit.vector is not None:
                self.reused.inc()
                group.known_original = hit.post_id
                group.vector = hit.vector
                group.embedding_model = hit.embedding_model
                if hit.classifier_version == self._classifier:
                    group.labels = list(hit.labels)
                    group.primary = hit.primary
                    group.scores = dict(hit.scores)
                    group.evidence = {k: list(v) for k, v in hit.evidence.items()}
                    group.classifier_version = hit.classifier_version
            yield group

    def teardown(self) -> None:
        if self._store is not None:
            self._store.close()


class DeduplicatePosts(beam.PTransform):
    """ProtectedPost -> ContentGroup (one per near_key); id conflicts to the `dead` output."""

    def __init__(self, store: StoreSpec, embedding_model: str, classifier_version: str) -> None:
        super().__init__()
        self._store = store
        self._model = embedding_model
        self._classifier = classifier_version

    def expand(self, posts):
        resolved = (
            posts
            | "KeyByPostId" >> beam.Map(lambda p: (p.post.post_id, p))
            | "GroupByPostId" >> beam.GroupByKey()
            | "ResolveIds" >> beam.ParDo(_ResolveIdsFn()).with_outputs(DEAD, main="posts")
        )
        groups = (
            resolved.posts
            | "KeyByNearKey" >> beam.Map(lambda p: (p.near_key, p))
            | "GroupByNearKey" >> beam.GroupByKey()
            | "ToGroups" >> beam.Map(_to_group)
            | "BatchLookups" >> beam.BatchElements(min_batch_size=100, max_batch_size=1000)
            | "LookupKnown" >> beam.ParDo(
                _LookupKnownFn(self._store, self._model, self._classifier)
            )
        )
        return {"groups": groups, DEAD: resolved[DEAD]}
