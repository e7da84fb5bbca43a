"""The stream: a Kafka consumer group feeding micro-batches through the ingest graph.

Each batch holds at most `max_batch` messages or what arrived in `max_wait_s`. It runs through
the same Beam graph as `ingest` (dead letters also go to the dead-letter topic), then the vector
index is synced and saved, and only then are the offsets committed. A crash anywhere before the
commit means the batch is read again; writes are upserts by post_id and dead letters have stable
ids, so a replay stores nothing twice. A batch that fails (the store locked, the dead-letter topic
unreachable) is rewound and retried with backoff; the consumer neither spins nor exits.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kafka import ConsumerRebalanceListener, KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.errors import CommitFailedError, KafkaError

from pipelines import ingest
from pipelines.config import PipelineConfig
from pipelines.sources.kafka import KafkaSpec, PublishDeadLetters, records_from, wait_for_broker

log = logging.getLogger(__name__)

#: Longest pause between retries of a failing batch.
MAX_BACKOFF_S = 60.0


@dataclass
class BatchReport:
    """What one micro-batch did: offsets per partition, counts, time."""

    offsets: dict[tuple[str, int], tuple[int, int]]
    messages: int
    written: int = 0
    dead_letters: int = 0
    duplicates: int = 0
    elapsed_s: float = 0.0
    committed: bool = False

    def line(self) -> str:
        """The one log line of a batch: topic[partition] first-last offsets, counts, time."""
        spans = " ".join(
            f"{topic}[{partition}]@{first}-{last}"
            for (topic, partition), (first, last) in sorted(self.offsets.items())
        )
        return (
            f"batch {spans or '(empty)'}: {self.messages} messages, {self.written} posts written, "
            f"{self.dead_letters} dead letters, {self.duplicates} duplicates, {self.elapsed_s:.2f}s"
            + ("" if self.committed else " (offsets NOT committed)")
        )

    def as_dict(self) -> dict:
        """JSON-ready form, offsets as `topic[partition]` -> [first, last]."""
        return {
            "offsets": {f"{t}[{p}]": list(span) for (t, p), span in sorted(self.offsets.items())},
            "messages": self.messages, "written": self.written, "dead_letters": self.dead_letters,
            "duplicates": self.duplicates, "elapsed_s": round(self.elapsed_s, 3), "committed": self.committed,
        }


@dataclass
class StreamSummary:
    """What a whole consumer run did."""

    batches: int = 0
    messages: int = 0
    written: int = 0
    dead_letters: int = 0
    failed_batches: int = 0
    elapsed_s: float = 0.0
    stopped_by: str = ""
    last_batches: list[BatchReport] = field(default_factory=list)

    def add(self, report: BatchReport) -> None:
        self.batches += 1
        self.messages += report.messages
        self.written += report.written
        self.dead_letters += report.dead_letters
        self.last_batches = [*self.last_batches[-9:], report]

    def as_dict(self) -> dict:
        return {
            "batches": self.batches, "messages": self.messages, "written": self.written,
            "dead_letters": self.dead_letters, "failed_batches": self.failed_batches,
            "elapsed_s": round(self.elapsed_s, 2), "stopped_by": self.stopped_by,
        }


class StreamConsumer:
    """One member of the consumer group; `run` is the loop, `stop()` ends it after the batch in hand."""

    def __init__(
        self,
        cfg: PipelineConfig,
        spec: KafkaSpec,
        max_batch: int = 2000,
        max_wait_s: float = 0.25,
        on_batch: Callable[[BatchReport], None] | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        if max_wait_s <= 0:
            raise ValueError("max_wait_s must be positive")
        self.cfg = cfg
        self.spec = spec
        self.max_batch = max_batch
        self.max_wait_s = max_wait_s
        self.on_batch = on_batch
        self._stop = threading.Event()
        self._consumer: KafkaConsumer | None = None
        self._vectors = None  # the FAISS index, kept open across batches once it exists

    # -- lifecycle ---------------------------------------------------------------------------

    def connect(self, timeout_s: float | None = None) -> None:
        """Wait for the broker (retrying, with a warning per attempt), then join the group."""

        def warn(attempt: int, delay: float, why: str) -> None:
            log.warning(
                "Kafka at %s is unreachable (%s); retrying in %.1fs (attempt %d)",
                self.spec.bootstrap, why, delay, attempt,
            )

        wait_for_broker(self.spec, timeout_s, warn)
        self._consumer = KafkaConsumer(
            **self.spec.client_settings(),
            group_id=self.spec.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=self.max_batch,
            # A batch may take a while (a cold model, a locked store): stay in the group meanwhile.
            max_poll_interval_ms=600_000,
        )
        self._consumer.subscribe([self.spec.topic], listener=_LogAssignments())

    def stop(self) -> None:
        """Finish the batch in hand, commit it, and leave (safe from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        """Leave the group (the partitions go to the other members at once)."""
        if self._consumer is not None:
            self._consumer.close(autocommit=False)
            self._consumer = None

    # -- one batch ---------------------------------------------------------------------------

    def poll_batch(self) -> list:
        """Up to `max_batch` messages, or what arrived within `max_wait_s` of the first poll."""
        consumer = self._require()
        batch: list = []
        deadline = time.monotonic() + self.max_wait_s
        while len(batch) < self.max_batch and not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            wait_ms = int(min(left, 0.5) * 1000)
            polled = consumer.poll(timeout_ms=wait_ms, max_records=self.max_batch - len(batch))
            for messages in polled.values():
                batch.extend(messages)
        return batch

    def process(self, messages: list) -> BatchReport:
        """Run one batch through the graph and the vector index; raises if anything failed."""
        started = time.perf_counter()
        report = BatchReport(offsets=_spans(messages), messages=len(messages))
        if messages:
            result = ingest.run_records(
                records_from(messages), self.cfg, dead_letter_sink=PublishDeadLetters(self.spec),
                vector_index=self._vectors,
            )
            if self._vectors is None:
                self._vectors = ingest.open_vector_index(self.cfg)
            report.written = result.written
            report.dead_letters = result.dead_letters
            report.duplicates = result.duplicates
        report.elapsed_s = time.perf_counter() - started
        return report

    def commit(self, messages: list) -> bool:
        """Commit the next offset of every partition in the batch; False if a rebalance refused it."""
        if not messages:
            return True
        offsets = {
            TopicPartition(topic, partition): OffsetAndMetadata(last + 1, "", -1)
            for (topic, partition), (_, last) in _spans(messages).items()
        }
        try:
            self._require().commit(offsets)
            return True
        except CommitFailedError:
            # The partitions moved to another member during the batch: it reads them again from
            # the last commit. The writes were upserts, so the store holds each post once.
            log.warning("offsets not committed: the group rebalanced during the batch; it will be re-read")
            return False

    def rewind(self, messages: list) -> None:
        """Seek back to the first offset of every partition in a failed batch."""
        consumer = self._require()
        assigned = consumer.assignment()
        for (topic, partition), (first, _) in _spans(messages).items():
            tp = TopicPartition(topic, partition)
            if tp in assigned:
                consumer.seek(tp, first)

    def step(self) -> BatchReport | None:
        """Poll one batch, process it, commit it; None when nothing came within `max_wait_s`.

        On failure the consumer is rewound to the batch's first offsets and the error raised: the
        next step reads the same messages again.
        """
        messages = self.poll_batch()
        if not messages:
            return None
        try:
            report = self.process(messages)
        except Exception:
            self.rewind(messages)
            raise
        report.committed = self.commit(messages)
        log.info("%s", report.line())
        if self.on_batch is not None:
            self.on_batch(report)
        return report

    # -- the loop ----------------------------------------------------------------------------

    def run(self, once: bool = False, drain: bool = False, first_wait_s: float = 30.0) -> StreamSummary:
        """Consume until stopped; `once`: one batch; `drain`: until a whole wait window is empty.

        With once or drain, `first_wait_s` is how long to wait for partitions and a first message.
        A failing batch is retried with backoff (1 s doubling to a minute) until it succeeds or
        the consumer is stopped.
        """
        summary = StreamSummary()
        started = time.perf_counter()
        backoff = 1.0
        first_deadline = time.monotonic() + first_wait_s
        try:
            while not self._stop.is_set():
                try:
                    report = self.step()
                except Exception as exc:  # noqa: BLE001 - any failure: keep the offsets, retry later
                    summary.failed_batches += 1
                    log.error("batch failed (%s); offsets kept, retrying in %.0fs", _brief(exc), backoff)
                    self._stop.wait(backoff)
                    backoff = min(MAX_BACKOFF_S, backoff * 2)
                    continue
                backoff = 1.0
                if report is not None:
                    summary.add(report)
                    if once:
                        summary.stopped_by = "once"
                        break
                    continue
                settled = self.assigned() and (summary.batches > 0 or time.monotonic() > first_deadline)
                if (once or drain) and settled:
                    summary.stopped_by = "drained"
                    break
                if (once or drain) and time.monotonic() > first_deadline:
                    summary.stopped_by = "no partitions assigned"
                    break
            if not summary.stopped_by:
                summary.stopped_by = "stop requested"
        finally:
            summary.elapsed_s = time.perf_counter() - started
        return summary

    # -- helpers -----------------------------------------------------------------------------

    def assigned(self) -> bool:
        """Whether the group has handed this member any partition."""
        return bool(self._require().assignment())

    def _require(self) -> KafkaConsumer:
        if self._consumer is None:
            raise RuntimeError("not connected: call connect() first")
        return self._consumer


class _LogAssignments(ConsumerRebalanceListener):
    """One line when the group hands this member its partitions, or takes them away."""

    def on_partitions_revoked(self, revoked) -> None:
        if revoked:
            log.info("partitions revoked: %s", _names(revoked))

    def on_partitions_assigned(self, assigned) -> None:
        log.info("partitions assigned: %s", _names(assigned) or "(none)")


def _names(partitions) -> str:
    return " ".join(f"{tp.topic}[{tp.partition}]" for tp in sorted(partitions))


def _spans(messages: list) -> dict[tuple[str, int], tuple[int, int]]:
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for m in messages:
        key = (m.topic, m.partition)
        first, last = spans.get(key, (m.offset, m.offset))
        spans[key] = (min(first, m.offset), max(last, m.offset))
    return spans


def _brief(exc: BaseException) -> str:
    """Type and first line of an error, cut short: enough to act on, never a post's text."""
    text = str(exc).strip().splitlines()
    first = text[0][:200] if text else ""
    if isinstance(exc, KafkaError):
        return f"Kafka: {type(exc).__name__}"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
