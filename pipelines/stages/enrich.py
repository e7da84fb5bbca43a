"""Embed and classify content groups, in batches, with models loaded once per worker."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterator

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics

from pipelines.config import PipelineConfig
from pipelines.elements import ContentGroup
from pipelines.models import shared_classifier, shared_embedder
from schemas import DeadLetter

log = logging.getLogger(__name__)

DEAD = "dead"


def _dead_letters(group: ContentGroup, stage: str, exc: Exception) -> Iterator[beam.pvalue.TaggedOutput]:
    # Only the exception type: its message could quote the post.
    for member in group.members:
        yield beam.pvalue.TaggedOutput(DEAD, DeadLetter(
            stage=stage, reason=f"{stage}_error", detail=type(exc).__name__,
            source=member.record.source, position=member.record.position,
            post_id=member.post.post_id, original=member.record.data,
        ))


class _EmbedFn(beam.DoFn):
    """Embeds the representative of each group that has no vector yet; caches by content hash."""

    def __init__(self, cfg: PipelineConfig, cache_size: int = 50_000) -> None:
        self._cfg = cfg
        self._cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.embedded = Metrics.counter("oncowatch", "texts_embedded")
        self.cached = Metrics.counter("oncowatch", "embeddings_from_cache")

    def setup(self) -> None:
        self._embedder = shared_embedder(self._cfg)

    def process(self, groups: list[ContentGroup]) -> Iterator[object]:
        todo: list[ContentGroup] = []
        for group in groups:
            if group.vector is None:
                cached = self._cache.get(group.representative.content_hash)
                if cached is not None:
                    self.cached.inc()
                    group.vector = cached
                    group.embedding_model = self._embedder.version
                else:
                    todo.append(group)
        if todo:
            try:
                vectors = self._embedder.embed([g.representative.redacted_text for g in todo])
            except Exception as exc:
                log.exception("embedding a batch of %d failed", len(todo))
                for group in todo:
                    yield from _dead_letters(group, "embed", exc)
                failed = {id(g) for g in todo}
                groups = [g for g in groups if id(g) not in failed]
                vectors, todo = np.zeros((0, 0), dtype=np.float32), []
            for group, vector in zip(todo, vectors, strict=True):
                group.vector = vector
                group.embedding_model = self._embedder.version
                self._remember(group.representative.content_hash, vector)
            self.embedded.inc(len(todo))
        yield from groups

    def _remember(self, key: str, vector: np.ndarray) -> None:
        self._cache[key] = vector
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


class _ClassifyFn(beam.DoFn):
    """Classifies groups the store did not already know under this classifier version."""

    def __init__(self, cfg: PipelineConfig) -> None:
        self._cfg = cfg
        self.classified = Metrics.counter("oncowatch", "groups_classified")

    def setup(self) -> None:
        self._classifier = shared_classifier(self._cfg)

    def process(self, groups: list[ContentGroup]) -> Iterator[object]:
        todo = [g for g in groups if g.classifier_version != self._classifier.version]
        if todo:
            try:
                results = self._classifier.classify(
                    [g.representative.post.text for g in todo],
                    np.stack([g.vector for g in todo]),
                    [list(g.representative.pii) for g in todo],
                )
            except Exception as exc:
                log.exception("classifying a batch of %d failed", len(todo))
                for group in todo:
                    yield from _dead_letters(group, "classify", exc)
                failed = {id(g) for g in todo}
                groups = [g for g in groups if id(g) not in failed]
                results, todo = [], []
            for group, result in zip(todo, results, strict=True):
                group.labels = list(result.labels)
                group.primary = result.primary
                group.scores = dict(result.scores)
                group.evidence = {k: list(v) for k, v in result.evidence.items()}
                group.classifier_version = self._classifier.version
            self.classified.inc(len(todo))
        yield from groups


class EmbedPosts(beam.PTransform):
    """ContentGroup -> ContentGroup with a vector; failures to `dead`."""

    def __init__(self, cfg: PipelineConfig) -> None:
        super().__init__()
        self._cfg = cfg

    def expand(self, groups):
        size = self._cfg.embed_batch_size
        # Large batches: encode() sorts a batch by length before padding, so a bigger batch wastes
        # less work on padding (and the per-call overhead is paid less often).
        return (
            groups
            | "BatchForEmbedding" >> beam.BatchElements(min_batch_size=size * 4, max_batch_size=size * 32)
            | "Embed" >> beam.ParDo(_EmbedFn(self._cfg)).with_outputs(DEAD, main="groups")
        )


class ClassifyPosts(beam.PTransform):
    """ContentGroup -> ContentGroup with labels, scores, evidence; failures to `dead`."""

    def __init__(self, cfg: PipelineConfig) -> None:
        super().__init__()
        self._cfg = cfg

    def expand(self, groups):
        return (
            groups
            | "BatchForClassifier" >> beam.BatchElements(min_batch_size=64, max_batch_size=1024)
            | "Classify" >> beam.ParDo(_ClassifyFn(self._cfg)).with_outputs(DEAD, main="groups")
        )
