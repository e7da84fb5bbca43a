"""The ingest graph: records -> decode -> protect -> deduplicate -> embed -> classify -> write.

`build_enrich` and `build` make the graph apart from launching it, so tests feed the same graph
with `beam.Create([...])`; `run` launches it on files and then brings the vector index up to date.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions

from analysis.embedding import model_version
from pipelines.classifiers import classifier_version
from pipelines.config import PipelineConfig
from pipelines.elements import RawRecord
from pipelines.sources.files import read_records
from pipelines.stages.decode import DecodePosts, EventWindow, KeepEventWindow
from pipelines.stages.dedup import DeduplicatePosts
from pipelines.stages.enrich import ClassifyPosts, EmbedPosts
from pipelines.stages.protect import ProtectPosts
from pipelines.stages.write import ExpandGroups, WriteDeadLetters, WritePosts, on_progress

log = logging.getLogger(__name__)


def build_enrich(
    records, cfg: PipelineConfig, window: EventWindow | None = None
) -> dict[str, beam.PCollection]:
    """RawRecord -> {"posts": (EnrichedPost, vector), "dead": DeadLetter}; writes nothing.

    With a `window`, valid posts created outside it are counted and left out (not dead letters).
    """
    decoded = records | "DecodePosts" >> DecodePosts()
    valid = decoded.posts
    if window is not None:
        valid = valid | "KeepEventWindow" >> KeepEventWindow(window)
    protected = valid | "ProtectPosts" >> ProtectPosts(cfg.privacy_key, cfg.default_phone_region)
    deduplicated = protected.posts | "DeduplicatePosts" >> DeduplicatePosts(
        cfg.store, model_version(cfg.embedding_model), classifier_version(cfg.classifier)
    )
    embedded = deduplicated["groups"] | "EmbedPosts" >> EmbedPosts(cfg)
    classified = embedded.groups | "ClassifyPosts" >> ClassifyPosts(cfg)
    posts = classified.groups | "ExpandGroups" >> ExpandGroups()
    dead = (
        decoded.dead,
        protected.dead,
        deduplicated["dead"],
        embedded.dead,
        classified.dead,
    ) | "AllDeadLetters" >> beam.Flatten()
    return {"posts": posts, "dead": dead}


def build(records, cfg: PipelineConfig, window: EventWindow | None = None) -> dict[str, beam.PCollection]:
    """The enrich graph plus its writes: {"written": post_ids, "dead_written": dead_letter_ids}."""
    out = build_enrich(records, cfg, window)
    written = out["posts"] | "WritePosts" >> WritePosts(cfg.store, cfg.write_batch_size)
    dead_written = out["dead"] | "WriteDeadLetters" >> WriteDeadLetters(cfg.store)
    return {**out, "written": written, "dead_written": dead_written}


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0
    written: int = 0
    dead_letters: int = 0
    duplicates: int = 0
    redelivered: int = 0
    embedded: int = 0
    outside_window: int = 0
    vectors_indexed: int = 0
    elapsed_s: float = 0.0
    counters: dict[str, int] = field(default_factory=dict)
    #: What the topic refresh after the ingest did (filled by the caller that runs it).
    topics: dict[str, float] = field(default_factory=dict)
    #: What the alert check after the topic refresh did (filled by the caller that runs it).
    alerts: dict[str, Any] = field(default_factory=dict)

    def by(self, namespace: str) -> dict[str, int]:
        """This run's written posts per primary category or platform."""
        prefix = f"{namespace}:"
        return {k[len(prefix) :]: v for k, v in sorted(self.counters.items()) if k.startswith(prefix)}

    @property
    def posts_per_s(self) -> float:
        """Posts written per second of wall time."""
        return self.written / self.elapsed_s if self.elapsed_s else 0.0


def pipeline_options(runner: str = "FnApiRunner") -> PipelineOptions:
    """Options for the embedded default: Beam's in-process portable runner (FnApiRunner).

    Not "DirectRunner": since Beam 2.6x it first tries the Prism runner, which downloads a binary
    from GitHub at run time (never allowed here), and only then falls back to the FnApiRunner,
    paying for the attempt and leaving a temporary folder behind on every run.
    """
    # flags=[]: never parse our own command line as Beam options.
    return PipelineOptions(
        flags=[],
        runner=runner,
        direct_num_workers=1,
        direct_running_mode="in_memory",
        save_main_session=False,
    )


def run(
    paths: Sequence[str],
    cfg: PipelineConfig,
    options: PipelineOptions | None = None,
    progress: Callable[[int], None] | None = None,
    names: Sequence[str] | None = None,
    window: EventWindow | None = None,
) -> IngestReport:
    """Ingest files (JSONL, optionally .gz) into the store, then sync the vector index.

    `names`, one per path, is how each source is named in records and dead letters; `window`
    keeps only posts created inside an event-time range (a backfill of one month of an archive).
    """
    labelled = zip(paths, names or paths, strict=True)
    sources = [(rank, path, name) for rank, (path, name) in enumerate(labelled)]

    def read(pipeline: beam.Pipeline) -> beam.PCollection:
        return pipeline | "ListSources" >> beam.Create(sources) | "ReadLines" >> beam.FlatMap(read_records)

    return _execute(read, cfg, options, progress, window)


def run_records(
    records: Sequence[RawRecord],
    cfg: PipelineConfig,
    options: PipelineOptions | None = None,
    dead_letter_sink: beam.PTransform | None = None,
    vector_index=None,
) -> IngestReport:
    """Ingest records already in memory (a Kafka micro-batch) through the same graph.

    `vector_index`: the caller's open FAISS index, synced and saved in place (see `sync_vectors`).

    `dead_letter_sink`, when given, also receives every dead letter (the stream publishes them to
    its dead-letter topic); the run fails, and nothing counts as done, if the sink fails.
    """

    def read(pipeline: beam.Pipeline) -> beam.PCollection:
        return pipeline | "Records" >> beam.Create(list(records), reshuffle=False)

    return _execute(read, cfg, options, None, None, dead_letter_sink, vector_index)


def _execute(
    read: Callable[[beam.Pipeline], beam.PCollection],
    cfg: PipelineConfig,
    options: PipelineOptions | None,
    progress: Callable[[int], None] | None,
    window: EventWindow | None,
    dead_letter_sink: beam.PTransform | None = None,
    vector_index=None,
) -> IngestReport:
    started = time.perf_counter()
    on_progress(progress)
    try:
        pipeline = beam.Pipeline(options=options or pipeline_options(cfg.runner))
        out = build(read(pipeline), cfg, window)
        if dead_letter_sink is not None:
            _ = out["dead"] | "PublishDeadLetters" >> dead_letter_sink
        result = pipeline.run()
        result.wait_until_finish()
    finally:
        on_progress(None)
    counters: dict[str, int] = {}
    for metric in result.metrics().query()["counters"]:
        name = metric.key.metric
        key = name.name if name.namespace == "oncowatch" else f"{name.namespace}:{name.name}"
        counters[key] = counters.get(key, 0) + int(metric.committed or metric.attempted or 0)
    indexed = sync_vectors(cfg, vector_index)
    report = IngestReport(
        read=counters.get("posts_decoded", 0) + counters.get("posts_rejected_at_decode", 0),
        written=counters.get("posts_written", 0),
        dead_letters=counters.get("dead_letters_written", 0),
        duplicates=counters.get("posts_reusing_an_original", 0),
        redelivered=counters.get("posts_redelivered", 0),
        embedded=counters.get("texts_embedded", 0),
        outside_window=counters.get("posts_outside_window", 0),
        vectors_indexed=indexed,
        elapsed_s=time.perf_counter() - started,
        counters=counters,
    )
    log.info(
        "ingest: read=%d written=%d dead=%d duplicates=%d embedded=%d in %.1fs",
        report.read,
        report.written,
        report.dead_letters,
        report.duplicates,
        report.embedded,
        report.elapsed_s,
    )
    return report


def open_vector_index(cfg: PipelineConfig, store=None):
    """The FAISS index of the current model (None while neither disk nor store holds a vector)."""
    from indexing.vectors import VectorIndex

    own = store is None
    store = store or cfg.store.open()
    try:
        return VectorIndex.for_store(cfg.store.vectors_dir, model_version(cfg.embedding_model), store)
    finally:
        if own:
            store.close()


def sync_vectors(cfg: PipelineConfig, index=None) -> int:
    """Bring the FAISS index of the current model up to date with the store; returns vectors added.

    `index`, when given, is an index this process keeps open across calls (a stream worker): it is
    refreshed from disk only if another process saved a newer state, instead of re-read every time.
    Sync and save run under the index's lock file, so saves across processes never go backwards.
    """
    store = cfg.store.open()
    try:
        index = index or open_vector_index(cfg, store)
        if index is None:
            return 0
        with index.locked():
            if not index.dirty:  # a failed save keeps its changes: never reload over them
                index.refresh()
            added = index.sync_from(store)
            if index.dirty:
                index.save()
        return added
    finally:
        store.close()
