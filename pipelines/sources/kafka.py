"""Kafka, through kafka-python: the raw-post topic, its consumer group, and the dead-letter topic.

Messages are one JSON post each, keyed by post_id. A consumer reads micro-batches and commits
offsets explicitly (never automatically): `pipelines.stream` commits only after the store and the
vector index have flushed the batch.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import apache_beam as beam
from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError, MessageSizeTooLargeError, NoBrokersAvailable

from pipelines.elements import RawRecord
from schemas import DeadLetter
from schemas.posts import make_post_id

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KafkaSpec:
    """Where the stream lives; picklable, so the dead-letter sink can open its producer in workers."""

    bootstrap: str
    topic: str = "posts.raw"
    dead_letter_topic: str = "posts.deadletter"
    group_id: str = "oncowatch-ingest"
    client_id: str = "oncowatch"
    #: The protocol version to speak, e.g. (2, 3); None negotiates it with the broker. The embedded
    #: broker needs (2, 3): it answers newer version probes in a form kafka-python cannot read.
    api_version: tuple[int, ...] | None = None

    def client_settings(self) -> dict:
        """Settings every kafka-python client of this cluster shares."""
        settings: dict = {"bootstrap_servers": self.bootstrap, "client_id": self.client_id}
        if self.api_version is not None:
            settings["api_version"] = self.api_version
        return settings


class BrokerUnreachable(RuntimeError):
    """No broker answered at the bootstrap address within the time allowed."""


def source_name(topic: str, partition: int) -> str:
    """How a partition is named in records, stored posts and dead letters: `kafka:posts.raw[2]`."""
    return f"kafka:{topic}[{partition}]"


def records_from(messages: Iterable) -> list[RawRecord]:
    """Consumer records -> RawRecords (rank = partition, position = offset; empty values kept)."""
    return [
        RawRecord(
            source=source_name(m.topic, m.partition),
            rank=m.partition,
            position=m.offset,
            data=m.value or b"",
            framing="message",
        )
        for m in messages
    ]


def wait_for_broker(
    spec: KafkaSpec,
    timeout_s: float | None = None,
    on_retry: Callable[[int, float, str], None] | None = None,
) -> None:
    """Return once a broker answers at `spec.bootstrap`; retry with backoff, forever when no timeout.

    `on_retry(attempt, delay_s, why)` is told before each wait. Raises BrokerUnreachable when
    `timeout_s` passes first.
    """
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    attempt = 0
    while True:
        attempt += 1
        try:
            _probe(spec)
            return
        except (NoBrokersAvailable, KafkaError, OSError) as exc:
            why = type(exc).__name__
        delay = min(30.0, 0.5 * 2 ** min(attempt, 6))
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrokerUnreachable(
                    f"no Kafka broker answered at {spec.bootstrap} after {attempt} attempts ({why}); "
                    "start one (`oncowatch broker`) or set --bootstrap / ONCOWATCH_KAFKA_BOOTSTRAP"
                )
            delay = min(delay, left)
        if on_retry is not None:
            on_retry(attempt, delay, why)
        time.sleep(delay)


def _probe(spec: KafkaSpec) -> None:
    """Raise unless some bootstrap broker accepts a connection (and, when the protocol version is
    negotiated, answers as Kafka), within a few seconds."""
    reached = None
    for address in spec.bootstrap.split(","):
        host, _, port = address.strip().rpartition(":")
        try:
            socket.create_connection((host.strip("[]") or "localhost", int(port)), timeout=3).close()
            reached = address
            break
        except OSError as exc:
            error = exc
    if reached is None:
        raise error
    if spec.api_version is None:
        # Negotiating the version speaks Kafka: raises NoBrokersAvailable when the listener is not one.
        KafkaConsumer(
            **{**spec.client_settings(), "client_id": "oncowatch-probe"}, api_version_auto_timeout_ms=3_000
        ).close()


def post_key(line: bytes) -> bytes | None:
    """The message key of one JSON line: its post_id (`platform:id`); None when unreadable."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    if obj.get("platform") and obj.get("id") is not None:
        return make_post_id(str(obj["platform"]).strip().lower(), str(obj["id"])).encode()
    return None


def producer(spec: KafkaSpec, **overrides) -> KafkaProducer:
    """A producer that waits for every in-sync replica, retries, and keeps order per partition."""
    settings = dict(
        spec.client_settings(), acks="all", retries=10, linger_ms=5, max_in_flight_requests_per_connection=1,
    )
    settings.update(overrides)
    return KafkaProducer(**settings)


@dataclass
class PublishReport:
    """What `publish_lines` did: messages the broker acknowledged, lines it could not take."""

    sent: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def publish_lines(
    lines: Iterable[bytes],
    spec: KafkaSpec,
    topic: str | None = None,
    rate: float | None = None,
    on_sent: Callable[[bytes | None, bytes], None] | None = None,
) -> PublishReport:
    """Publish lines as messages (keyed by post_id when readable), at most `rate` per second.

    Malformed lines are published as they are: the consumer's job is to dead-letter them. A line
    the broker cannot take (larger than its message size limit) is reported with its number and
    skipped; any other failure raises.
    """
    topic = topic or spec.topic
    client = producer(spec)
    report = PublishReport()
    started = time.monotonic()
    pending: list[tuple[int, object]] = []
    try:
        for number, line in _paced(lines, rate, started):
            key = post_key(line)
            pending.append((number, client.send(topic, key=key, value=line)))
            if on_sent is not None:
                on_sent(key, line)
            if len(pending) >= 1000:
                _settle(client, pending, report)
        _settle(client, pending, report)
    finally:
        client.close()
    return report


def _paced(lines: Iterable[bytes], rate: float | None, started: float) -> Iterator[tuple[int, bytes]]:
    sent = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if rate:
            wait = started + sent / rate - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        sent += 1
        yield number, line


def _settle(client: KafkaProducer, pending: list, report: PublishReport | None = None) -> None:
    client.flush()
    for number, future in pending:
        try:
            future.get(timeout=30)  # raises the send's error, if any
        except MessageSizeTooLargeError:
            if report is None:
                raise
            report.rejected.append((number, "larger than the broker's message size limit"))
        else:
            if report is not None:
                report.sent += 1
    pending.clear()


#: Dead-letter messages stay under Kafka's default 1 MB limit: a larger original is cut (the store
#: keeps it whole), or a poison message could never be published and would stall its partition.
MAX_DEAD_LETTER_BYTES = 900_000


def dead_letter_message(letter: DeadLetter) -> bytes:
    """The dead-letter topic's message: the letter as JSON, its original cut short if need be."""
    message = letter.model_dump_json().encode()
    if len(message) <= MAX_DEAD_LETTER_BYTES:
        return message
    cut = letter.model_copy(update={"original": letter.original[:65_536]})
    body = json.loads(cut.model_dump_json())
    body["original_truncated_from"] = len(letter.original)
    return json.dumps(body).encode()


class _PublishDeadFn(beam.DoFn):
    def __init__(self, spec: KafkaSpec) -> None:
        self._spec = spec

    def setup(self) -> None:
        self._producer = producer(self._spec)
        self._pending: list = []

    def process(self, letter: DeadLetter) -> None:
        message = dead_letter_message(letter)
        key = letter.dead_letter_id.encode()
        future = self._producer.send(self._spec.dead_letter_topic, key=key, value=message)
        self._pending.append((letter.position, future))

    def finish_bundle(self) -> None:
        # The batch is done only when the broker has every dead letter: a failure here fails the
        # run, so its offsets are not committed and the batch is read again.
        _settle(self._producer, self._pending)

    def teardown(self) -> None:
        self._producer.close()


class PublishDeadLetters(beam.PTransform):
    """DeadLetter -> the dead-letter topic, keyed by its stable id (a replay re-sends the same key)."""

    def __init__(self, spec: KafkaSpec) -> None:
        super().__init__()
        self._spec = spec

    def expand(self, letters):
        return letters | "Publish" >> beam.ParDo(_PublishDeadFn(self._spec))
