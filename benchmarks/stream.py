"""Stream throughput and latency: Kafka -> searchable, beside the file-ingest rate of the same run.

    .venv/bin/python benchmarks/stream.py [--n 20000] [--max-batch 2000] [--max-wait 0.25] [--json]

Three parts, one process, models loaded once beforehand (a running worker has them):
1. file ingest: the n sample posts from a JSONL file through `ingest.run` (fresh data dir);
2. sustained stream: the same n posts produced to a topic first, then one consumer drains it;
   rate = posts written / time from its first poll to its last commit;
3. latency at half load: n posts produced at half the sustained rate, from another process (as
   producers are), while the consumer runs;
   latency of a post = the commit of its batch (store and vector index flushed, so it is
   searchable) minus the moment the producer sent it; p50 and p95 reported.
The broker is the embedded one (librdkafka's mock cluster) unless ONCOWATCH_KAFKA_BOOTSTRAP is set.
Goals (issue 5): stream rate >= 90% of file ingest; p95 latency < 5 s at half load.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import logging  # noqa: E402

from pipelines import ingest  # noqa: E402
from pipelines.config import PipelineConfig, StoreSpec  # noqa: E402
from pipelines.models import shared_classifier  # noqa: E402
from pipelines.sources.kafka import KafkaSpec, post_key, producer, publish_lines  # noqa: E402
from pipelines.sources.sample import generate, to_json_line  # noqa: E402
from pipelines.stream import StreamConsumer  # noqa: E402

logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
_VERBOSE = bool(os.environ.get("BENCH_VERBOSE"))  # BENCH_VERBOSE=1: one log line per batch
logging.getLogger("pipelines.stream").setLevel(logging.INFO if _VERBOSE else logging.WARNING)


def _config(data_dir: Path) -> PipelineConfig:
    return PipelineConfig(
        store=StoreSpec(path=data_dir / "oncowatch.sqlite", vectors_dir=data_dir / "vectors"),
        privacy_key=b"benchmark-key-not-a-secret",
    )


def _spec(bootstrap: str, api_version) -> KafkaSpec:
    tag = uuid.uuid4().hex[:8]
    return KafkaSpec(
        bootstrap=bootstrap, topic=f"bench.raw.{tag}", dead_letter_topic=f"bench.dead.{tag}",
        group_id=f"bench-{tag}", api_version=api_version,
    )


class _TimedConsumer(StreamConsumer):
    """Remembers when each message's batch was committed (after store and vectors flushed)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.searchable_at: dict[bytes, float] = {}
        self.first_poll: float | None = None
        self._batch_keys: list[bytes] = []

    def poll_batch(self) -> list:
        batch = super().poll_batch()
        if batch and self.first_poll is None:
            self.first_poll = time.time()
        return batch

    def process(self, messages: list):
        report = super().process(messages)
        self._batch_keys = [m.key for m in messages]
        return report

    def commit(self, messages: list) -> bool:
        done = super().commit(messages)
        now = time.time()  # wall clock: the producer's send times come from another process
        for key in self._batch_keys:
            self.searchable_at.setdefault(key, now)
        return done


def part_file(lines: list[bytes], work: Path) -> dict:
    path = work / "stream.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = ingest.run([str(path)], _config(work / "file"))
    rate = report.written / report.elapsed_s
    return {"posts": report.written, "elapsed_s": report.elapsed_s, "per_s": rate}


def part_sustained(lines: list[bytes], work: Path, spec: KafkaSpec, max_batch: int, max_wait: float) -> dict:
    publish_lines(lines, spec)
    consumer = _TimedConsumer(_config(work / "sustained"), spec, max_batch=max_batch, max_wait_s=max_wait)
    consumer.connect(timeout_s=60)
    try:
        summary = consumer.run(drain=True)
    finally:
        consumer.close()
    last = max(consumer.searchable_at.values())
    elapsed = last - (consumer.first_poll or last)
    return {
        "posts": summary.written, "batches": summary.batches, "elapsed_s": elapsed,
        "per_s": summary.written / elapsed if elapsed else 0.0,
    }


def _produce_paced(lines: list[bytes], spec: KafkaSpec, rate: float, out: str) -> None:
    """In its own process, as real producers are: send at `rate`/s, write each key's send time."""
    client = producer(spec, linger_ms=0)
    sent_at = {}
    started = time.time()
    for n, line in enumerate(lines):
        wait = started + n / rate - time.time()
        if wait > 0:
            time.sleep(wait)
        key = post_key(line)
        sent_at[key.decode()] = time.time()
        client.send(spec.topic, key=key, value=line)
    client.flush()
    client.close()
    Path(out).write_text(json.dumps(sent_at))


def part_latency(lines: list[bytes], work: Path, spec: KafkaSpec, rate: float, max_batch: int,
                 max_wait: float) -> dict:
    consumer = _TimedConsumer(_config(work / "latency"), spec, max_batch=max_batch, max_wait_s=max_wait)
    # The topic exists before the consumer subscribes, so its first assignment covers it.
    publish_lines([lines[0]], spec)
    consumer.connect(timeout_s=60)
    worker = threading.Thread(target=consumer.run, daemon=True)
    worker.start()
    while not consumer.assigned():
        time.sleep(0.1)
    out = work / "sent_at.json"
    started = time.time()
    child = multiprocessing.get_context("spawn").Process(
        target=_produce_paced, args=(lines[1:], spec, rate, str(out))
    )
    child.start()
    child.join()
    produce_s = time.time() - started
    sent_at = {k.encode(): t for k, t in json.loads(out.read_text()).items()}
    deadline = time.monotonic() + 600
    while not all(k in consumer.searchable_at for k in sent_at) and time.monotonic() < deadline:
        time.sleep(0.2)
    consumer.stop()
    worker.join(120)
    consumer.close()
    done = consumer.searchable_at
    latencies = sorted(done[k] - t for k, t in sent_at.items() if k in done)
    return {
        "posts": len(sent_at), "searchable": len(latencies), "rate_per_s": rate, "produce_s": produce_s,
        "p50_s": statistics.median(latencies), "p95_s": latencies[int(0.95 * (len(latencies) - 1))],
        "max_s": latencies[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--max-batch", type=int, default=2000)
    parser.add_argument("--max-wait", type=float, default=0.25)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    lines = [to_json_line(p).encode() for p in generate(args.n, days=14, seed=args.seed)]
    bootstrap = os.environ.get("ONCOWATCH_KAFKA_BOOTSTRAP")
    broker = None
    if bootstrap:
        version = os.environ.get("ONCOWATCH_KAFKA_API_VERSION")
        api_version = tuple(int(p) for p in version.split(".")) if version else None
    else:
        from pipelines.sources.embedded_broker import API_VERSION, EmbeddedBroker

        broker = EmbeddedBroker()
        bootstrap, api_version = broker.bootstrap, tuple(int(p) for p in API_VERSION.split("."))
    with tempfile.TemporaryDirectory(prefix="oncowatch-bench-") as tmp:
        work = Path(tmp)
        shared_classifier(_config(work / "warm"))  # models loaded (or trained) before any timing
        print(f"file ingest of {args.n} posts...", file=sys.stderr)
        file_part = part_file(lines, work)
        print(f"  {file_part['per_s']:.1f} posts/s; sustained stream...", file=sys.stderr)
        sustained = part_sustained(lines, work, _spec(bootstrap, api_version), args.max_batch, args.max_wait)
        print(f"  {sustained['per_s']:.1f} posts/s; latency at half load...", file=sys.stderr)
        latency = part_latency(
            lines, work, _spec(bootstrap, api_version), sustained["per_s"] / 2, args.max_batch, args.max_wait
        )
    if broker is not None:
        broker.close()
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cpus, {platform.machine()}",
        "broker": "embedded (librdkafka mock cluster)" if broker else bootstrap,
        "n": args.n, "max_batch": args.max_batch, "max_wait_s": args.max_wait,
        "file_ingest": file_part, "stream_sustained": sustained, "stream_latency_half_load": latency,
        "stream_to_file_ratio": sustained["per_s"] / file_part["per_s"],
        "goals": {
            "ratio_at_least_0.9": sustained["per_s"] / file_part["per_s"] >= 0.9,
            "p95_under_5s": latency["p95_s"] < 5.0,
        },
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    out = HERE / "results" / f"stream-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str))
    if args.json:
        print(json.dumps(result, default=str))
    else:
        print(f"file ingest      {file_part['per_s']:8.1f} posts/s ({file_part['posts']} posts)")
        print(f"stream sustained {sustained['per_s']:8.1f} posts/s ({sustained['batches']} batches), "
              f"ratio {result['stream_to_file_ratio']:.2f}")
        print(f"latency at {latency['rate_per_s']:.0f}/s: p50 {latency['p50_s']:.2f}s, "
              f"p95 {latency['p95_s']:.2f}s, max {latency['max_s']:.2f}s")
        print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
