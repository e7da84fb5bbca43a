"""The Kafka stream loses nothing and duplicates nothing.

Every test runs against a real Kafka wire protocol: librdkafka's mock cluster (the embedded broker)
by default, or the cluster named by ONCOWATCH_KAFKA_BOOTSTRAP when it is set (the same tests, each
on topics of its own). Consumers run as `oncowatch stream` processes, so they can be killed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from kafka import KafkaConsumer, TopicPartition

from indexing.alerts import AlertStore
from indexing.sqlite_store import SQLiteStore
from indexing.vectors import VectorIndex
from pipelines.config import StoreSpec
from pipelines.sources.kafka import KafkaSpec, publish_lines
from pipelines.sources.sample import generate, make_bad_lines, to_json_line
from pipelines.stream import StreamConsumer
from tests.helpers import config

pytestmark = pytest.mark.slow

REAL_KAFKA = os.environ.get("ONCOWATCH_KAFKA_BOOTSTRAP")
PRIVACY_KEY = "a-test-secret-of-enough-length"


@pytest.fixture(scope="module")
def broker():
    """(bootstrap, api_version): a real cluster when ONCOWATCH_KAFKA_BOOTSTRAP is set, else embedded."""
    if REAL_KAFKA:
        version = os.environ.get("ONCOWATCH_KAFKA_API_VERSION")
        yield REAL_KAFKA, tuple(int(p) for p in version.split(".")) if version else None
        return
    from pipelines.sources.embedded_broker import API_VERSION, EmbeddedBroker

    with EmbeddedBroker() as embedded:
        yield embedded.bootstrap, tuple(int(p) for p in API_VERSION.split("."))


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """Train (or load) the classifier once, into the session's model cache the subprocesses share."""
    from pipelines.models import shared_classifier

    shared_classifier(config(tmp_path_factory.mktemp("warm")))


@pytest.fixture
def spec(broker) -> KafkaSpec:
    """Topics and a group of this test alone."""
    bootstrap, api_version = broker
    tag = uuid.uuid4().hex[:8]
    spec = KafkaSpec(
        bootstrap=bootstrap, topic=f"posts.raw.{tag}", dead_letter_topic=f"posts.deadletter.{tag}",
        group_id=f"oncowatch-test-{tag}", api_version=api_version,
    )
    if REAL_KAFKA:
        _create_topics(spec)
    return spec


def _create_topics(spec: KafkaSpec) -> None:
    # A real cluster may not auto-create topics, and would create them with one partition.
    from kafka.admin import KafkaAdminClient, NewTopic

    admin = KafkaAdminClient(**spec.client_settings())
    admin.create_topics([NewTopic(spec.topic, 4, 1), NewTopic(spec.dead_letter_topic, 1, 1)])
    admin.close()


def _env(spec: KafkaSpec, data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ONCOWATCH_DATA_DIR=str(data_dir),
        ONCOWATCH_PRIVACY_KEY=PRIVACY_KEY,
        ONCOWATCH_KAFKA_BOOTSTRAP=spec.bootstrap,
        ONCOWATCH_KAFKA_TOPIC=spec.topic,
        ONCOWATCH_KAFKA_DEAD_LETTER_TOPIC=spec.dead_letter_topic,
        ONCOWATCH_KAFKA_GROUP_ID=spec.group_id,
        **extra,
    )
    if spec.api_version:
        env["ONCOWATCH_KAFKA_API_VERSION"] = ".".join(map(str, spec.api_version))
    return env


def _start(spec: KafkaSpec, data_dir: Path, log: Path, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "oncowatch.cli", "stream", *args],
        env=_env(spec, data_dir, **env), stdout=subprocess.PIPE, stderr=log.open("wb"),
    )


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _lines(spec: KafkaSpec, n: int, seed: int) -> tuple[list[bytes], set[str], list[bytes]]:
    """n sample posts with every bad line that fits in a message, interleaved; (lines, ids, bad)."""
    posts = list(generate(n, days=2, seed=seed))
    bad = [line for line in make_bad_lines(seed=seed) if len(line) < 500_000 and line.strip()]
    lines = [to_json_line(p).encode() for p in posts]
    for i, line in enumerate(bad):
        lines.insert((i + 1) * len(lines) // (len(bad) + 1), line)
    return lines, {f"{p['platform']}:{p['id']}" for p in posts}, bad


def _committed(spec: KafkaSpec) -> tuple[int, int]:
    """(messages committed by the group, messages in the topic)."""
    consumer = KafkaConsumer(**spec.client_settings(), group_id=spec.group_id, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(spec.topic, p) for p in consumer.partitions_for_topic(spec.topic) or ()]
        ends = consumer.end_offsets(partitions)
        return sum(consumer.committed(tp) or 0 for tp in partitions), sum(ends.values())
    finally:
        consumer.close(autocommit=False)


def _topic_messages(spec: KafkaSpec, topic: str) -> list:
    consumer = KafkaConsumer(**spec.client_settings(), enable_auto_commit=False, consumer_timeout_ms=3000)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        return list(consumer)
    finally:
        consumer.close(autocommit=False)


def _store_state(store_path: Path, vectors_dir: Path) -> tuple[set[str], int, int, int]:
    """(post ids, rows, dead letters, vectors) of a store and its vector index."""
    store = SQLiteStore(store_path, readonly=True)
    try:
        ids = [p.post_id for p in store.iter_posts()]
        dead = sum(store.dead_letter_counts().values())
        index = VectorIndex.for_store(vectors_dir, "all-MiniLM-L6-v2", store)
        return set(ids), len(ids), dead, len(index) if index is not None else 0
    finally:
        store.close()


def _cli_store(data_dir: Path) -> tuple[Path, Path]:
    """The store and vectors of a CLI data dir."""
    return data_dir / "oncowatch.sqlite", data_dir / "vectors"


def _posts_in_store(path: Path) -> int:
    if not path.exists():
        return 0
    store = SQLiteStore(path, readonly=True)
    try:
        return store.count()
    finally:
        store.close()


def _batch_spans(log_text: str) -> list[tuple[int, int, int]]:
    """(partition, first, last) of every committed batch in a consumer's log."""
    spans = []
    for line in log_text.splitlines():
        if " batch " not in line or "NOT committed" in line:
            continue
        for word in line.split():
            if "]@" in word:
                partition = int(word[word.index("[") + 1:word.index("]")])
                first, last = word.split("@")[1].rstrip(":").split("-")
                spans.append((partition, int(first), int(last)))
    return spans


def test_round_trip_in_process(spec, trained, tmp_path):
    lines, ids, bad = _lines(spec, 120, seed=21)
    assert publish_lines(lines, spec).sent == len(lines)
    cfg = config(tmp_path)
    consumer = StreamConsumer(cfg, spec, max_batch=50, max_wait_s=1.0)
    consumer.connect(timeout_s=30)
    try:
        summary = consumer.run(drain=True)
    finally:
        consumer.close()
    assert summary.messages == len(lines)
    assert summary.written == len(ids) and summary.dead_letters == len(bad)
    store_ids, rows, dead, vectors = _store_state(cfg.store.path, cfg.store.vectors_dir)
    assert store_ids == ids and rows == len(ids) and vectors == len(ids) and dead == len(bad)
    assert _committed(spec) == (len(lines), len(lines))
    letters = [json.loads(m.value) for m in _topic_messages(spec, spec.dead_letter_topic)]
    assert len({m["dead_letter_id"] for m in letters}) == len(bad)
    assert all(m["reason"] and m["source"].startswith(f"kafka:{spec.topic}[") for m in letters)


def test_sigkill_mid_batch_loses_and_duplicates_nothing(spec, trained, tmp_path):
    lines, ids, bad = _lines(spec, 400, seed=22)
    publish_lines(lines, spec)
    log = tmp_path / "first.log"
    first = _start(spec, tmp_path, log, "--max-batch", "40", "--max-wait", "1")
    try:
        _wait_for(lambda: log.read_text().count(" batch ") >= 2, 180, "two batches")
        time.sleep(0.4)  # the third batch is on its way through the graph
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        first.kill()
    committed, total = _committed(spec)
    assert committed < total, "the consumer was killed after it had finished: nothing was proven"

    second = _start(spec, tmp_path, tmp_path / "second.log", "--drain", "--max-wait", "2", "--json")
    out, _ = second.communicate(timeout=300)
    assert second.returncode == 0, (tmp_path / "second.log").read_text()[-2000:]
    store_ids, rows, dead, vectors = _store_state(*_cli_store(tmp_path))
    assert store_ids == ids, f"missing: {len(ids - store_ids)}"
    assert rows == len(ids) and vectors == len(ids)
    assert dead == len(bad)
    assert _committed(spec) == (total, total)
    # After every micro-batch the alert rules ran live: every leak the classifier found has its
    # alert, delivered (at least once, even across the kill) to the default file channel.
    with AlertStore(tmp_path / "oncowatch.sqlite") as alerts:
        leaks = {pid for (pid,) in alerts.query(
            "SELECT p.post_id FROM posts p JOIN post_labels l ON l.post_rowid = p.id WHERE l.label = 'privacy_leak'"
        )}  # fmt: skip
        stored = alerts.list(kind="privacy", limit=10_000)
    assert leaks, "the sample stream should hold privacy leaks"
    assert {p for a in stored for p in a["post_ids"]} == leaks
    assert not any(a["backfilled"] for a in stored)
    delivered = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert {p for a in delivered if a["kind"] == "privacy" for p in a["post_ids"]} == leaks


def test_a_locked_store_holds_the_offsets_until_it_is_back(spec, trained, tmp_path, caplog):
    import logging
    import sqlite3

    lines, ids, bad = _lines(spec, 60, seed=23)
    publish_lines(lines, spec)
    path = tmp_path / "store.sqlite"
    SQLiteStore(path).close()  # the store exists, then another writer takes it for a while
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    cfg = replace(config(tmp_path), store=StoreSpec(path=path, vectors_dir=tmp_path / "vectors", busy_timeout_ms=300))
    consumer = StreamConsumer(cfg, spec, max_batch=100, max_wait_s=1.0)
    consumer.connect(timeout_s=30)
    result = {}
    caplog.set_level(logging.INFO, logger="pipelines.stream")
    worker = threading.Thread(target=lambda: result.update(summary=consumer.run()))
    worker.start()
    try:
        _wait_for(lambda: "failed" in caplog.text, 120, "a failed batch")
        time.sleep(4)
        assert _committed(spec)[0] == 0
        assert _posts_in_store(path) == 0  # readers see the last committed state (WAL)
        blocker.execute("COMMIT")
        blocker.close()
        _wait_for(lambda: _committed(spec)[0] == len(lines), 180, "every offset committed")
    finally:
        consumer.stop()
        worker.join(60)
        consumer.close()
    summary = result["summary"]
    # backoff (1, 2, 4 s...) rather than a spin: a handful of attempts in several seconds
    assert 1 <= summary.failed_batches <= 6
    store_ids, rows, dead, vectors = _store_state(path, tmp_path / "vectors")
    assert store_ids == ids and vectors == len(ids) and dead == len(bad)
    assert "offsets kept" in caplog.text


def test_an_unreachable_broker_is_a_clear_error_after_retries(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nobody listens there
    spec = KafkaSpec(bootstrap=f"127.0.0.1:{port}", api_version=(2, 3))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "oncowatch.cli", "stream", "--connect-timeout", "4"],
        env=_env(spec, tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert "unreachable" in done.stderr and "retrying in" in done.stderr
    assert f"no Kafka broker answered at 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started >= 4


def test_two_consumers_split_the_partitions_and_process_nothing_twice(spec, trained, tmp_path):
    data = tmp_path / "data"
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    # The topic exists once a message names it; then both members join and share it.
    publish_lines([to_json_line(next(generate(1, seed=99))).encode()], spec)
    members = [_start(spec, data, log, "--max-batch", "25", "--max-wait", "1") for log in logs]
    try:
        _wait_for(lambda: _assigned_everywhere(logs), 180, "both members to hold partitions")
        lines, ids, _ = _lines(spec, 300, seed=24)
        publish_lines(lines, spec)
        _wait_for(lambda: _committed(spec)[0] == len(lines) + 1, 240, "every offset committed")
    finally:
        for member in members:
            member.send_signal(signal.SIGTERM)
        for member in members:
            member.wait(60)
    assert all(m.returncode == 0 for m in members)
    spans = [_batch_spans(log.read_text()) for log in logs]
    offsets = [{(p, o) for p, first, last in s for o in range(first, last + 1)} for s in spans]
    assert offsets[0] and offsets[1], "one member did all the work"
    assert not offsets[0] & offsets[1], "an offset was processed by both members"
    assert sum(len(o) for o in offsets) == len(lines) + 1
    assert all("stream stopped (stop requested)" in log.read_text() for log in logs)


def _assigned_everywhere(logs: list[Path]) -> bool:
    """Both members' latest assignment is non-empty (the group has settled with both in it)."""
    for log in logs:
        assigned = [line for line in log.read_text().splitlines() if "partitions assigned" in line]
        if not assigned or assigned[-1].endswith("(none)"):
            return False
    return True


def test_sigterm_finishes_the_batch_in_hand(spec, trained, tmp_path):
    lines, ids, _ = _lines(spec, 200, seed=25)
    publish_lines(lines, spec)
    log = tmp_path / "run.log"
    member = _start(spec, tmp_path, log, "--max-batch", "50", "--max-wait", "1")
    try:
        _wait_for(lambda: log.read_text().count(" batch ") >= 1, 180, "a batch")
        member.send_signal(signal.SIGTERM)
        member.wait(120)
    finally:
        member.kill()
    assert member.returncode == 0
    text = log.read_text()
    assert "stopping after the batch in hand" in text
    committed, _ = _committed(spec)
    # what was committed is exactly what the batches written said, and all of it is stored
    spans = _batch_spans(text)
    assert committed == sum(last - first + 1 for _, first, last in spans)
    assert _posts_in_store(_cli_store(tmp_path)[0]) >= committed - len(make_bad_lines())


def test_key_of_each_message_is_the_post_id(spec):
    posts = list(generate(5, seed=26))
    publish_lines([to_json_line(p).encode() for p in posts], spec)
    keys = {m.key.decode() for m in _topic_messages(spec, spec.topic)}
    assert keys == {f"{p['platform']}:{p['id']}" for p in posts}
