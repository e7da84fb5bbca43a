"""The Kafka commands: `broker`, `produce`, `stream`."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from oncowatch.commands import UserError, _config, _print_json
from oncowatch.settings import KafkaSettings, MissingBootstrap, TopicSettings

log = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The sub-commands of the stream, added to the main parser."""
    p = sub.add_parser(
        "broker",
        help="start an embedded Kafka broker for demos and tests; prints its bootstrap address",
        description="librdkafka's mock cluster (from the confluent-kafka wheel): the real Kafka wire "
        "protocol, in memory, for as long as this command runs. Topics appear on first use with 4 "
        "partitions. Not for production: point --bootstrap / ONCOWATCH_KAFKA_BOOTSTRAP at a real cluster.",
    )
    p.add_argument("--brokers", type=int, default=1, help="brokers in the mock cluster (default 1)")
    p.add_argument("--address-file", help="also write the bootstrap address to this file")

    p = sub.add_parser(
        "produce",
        help="publish a JSON-lines file (or a fresh sample stream) to the raw-post topic",
        description="Each line becomes one message keyed by its post_id (platform:id); malformed "
        "lines are sent as they are, for the consumer to dead-letter.",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("file", nargs="?", metavar="FILE", help="JSON lines (.jsonl, .jsonl.gz, - for stdin)")
    src.add_argument("--sample", type=int, metavar="N", help="publish N posts of the synthetic sample stream")
    p.add_argument("--days", type=int, default=7, help="days the --sample stream spans (default 7)")
    p.add_argument("--seed", type=int, default=0, help="seed of the --sample stream (default 0)")
    p.add_argument("--rate", type=float, help="messages per second (default: as fast as the broker takes)")
    p.add_argument("--topic", help="topic (default ONCOWATCH_KAFKA_TOPIC or posts.raw)")
    p.add_argument("--bootstrap", help="Kafka bootstrap servers (env ONCOWATCH_KAFKA_BOOTSTRAP)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser(
        "stream",
        help="consume the raw-post topic in micro-batches into the store (SIGTERM/Ctrl-C finish the batch)",
        description="A member of the consumer group ONCOWATCH_KAFKA_GROUP_ID: reads micro-batches of at "
        "most --max-batch messages or --max-wait seconds, runs them through the ingest graph, flushes the "
        "store and the vector index, then commits the offsets. Run several to share the partitions.",
    )
    p.add_argument("--max-batch", type=int, help="messages per batch (default 2000)")
    p.add_argument("--max-wait", type=float, help="seconds a batch may wait to fill (default 0.25)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="process one batch, commit and exit")
    mode.add_argument("--drain", action="store_true", help="exit once a whole --max-wait brings nothing")
    p.add_argument("--topic", help="topic (default ONCOWATCH_KAFKA_TOPIC or posts.raw)")
    p.add_argument("--bootstrap", help="Kafka bootstrap servers (env ONCOWATCH_KAFKA_BOOTSTRAP)")
    p.add_argument(
        "--connect-timeout",
        type=float,
        help="give up when no broker answers within this many seconds (default: keep retrying)",
    )
    p.add_argument("--demo", action="store_true", help="use the public demo key (synthetic data only)")
    p.add_argument("--json", action="store_true", help="print the run's summary as JSON at the end")

    p = sub.add_parser(
        "backfill",
        help="run the Prefect backfill flow over archive files or globs, optionally an event-time range",
        description="The same graph as `ingest`, as a Prefect flow run (retries, logs and state in "
        "Prefect: PREFECT_API_URL for a server, else a temporary local API). Posts created outside "
        "[--since, --until) are counted and skipped. Re-running it duplicates nothing.",
    )
    p.add_argument("patterns", nargs="+", metavar="FILE_OR_GLOB", help="files, or quoted globs ('a/*.jsonl')")
    p.add_argument("--since", help="only posts created at or after this time (ISO 8601)")
    p.add_argument("--until", help="only posts created before this time (ISO 8601)")
    p.add_argument("--demo", action="store_true", help="use the public demo key (synthetic data only)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("flows", help="Prefect deployments of the stream, backfill and scheduled hooks")
    flows = p.add_subparsers(dest="flows_command", required=True, metavar="WHAT")
    flows.add_parser(
        "serve",
        help="serve every deployment from this process (stream every minute, hooks every 5 minutes)",
        description="Needs a Prefect API: start one with `prefect server start` and set PREFECT_API_URL. "
        "Settings come from this process's ONCOWATCH_* variables. See deploy/README.md.",
    )
    flows.add_parser("list", help="the deployments, their entry points and schedules")


def _spec(args: argparse.Namespace):
    try:
        return KafkaSettings().spec(bootstrap=args.bootstrap, topic=args.topic)
    except MissingBootstrap as exc:
        raise UserError(str(exc)) from exc


def cmd_broker(args: argparse.Namespace) -> int:
    """Run the embedded broker until SIGTERM or Ctrl-C."""
    from pipelines.sources.embedded_broker import API_VERSION, EmbeddedBroker

    if args.brokers < 1:
        raise UserError("--brokers must be at least 1")
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    with EmbeddedBroker(args.brokers) as broker:
        if args.address_file:
            Path(args.address_file).write_text(broker.bootstrap + "\n", encoding="utf-8")
        print(broker.bootstrap, flush=True)
        print(
            f"embedded Kafka broker (in memory) at {broker.bootstrap}; Ctrl-C stops it, losing its messages."
            f"\nPoint oncowatch at it with:\n  export ONCOWATCH_KAFKA_BOOTSTRAP={broker.bootstrap} "
            f"ONCOWATCH_KAFKA_API_VERSION={API_VERSION}",
            file=sys.stderr,
            flush=True,
        )
        stop.wait()
    return 0


def _lines(args: argparse.Namespace) -> Iterator[bytes]:
    if args.sample is not None:
        from pipelines.sources.sample import generate, to_json_line

        if args.sample < 0:
            raise UserError("--sample must be >= 0")
        for post in generate(args.sample, days=args.days, seed=args.seed):
            yield to_json_line(post).encode()
        return
    if args.file == "-":
        for line in sys.stdin.buffer:
            yield line.rstrip(b"\r\n")
        return
    from pipelines.sources.files import open_binary

    if not Path(args.file).is_file():
        raise UserError(f"no such file: {args.file}")
    with open_binary(args.file) as handle:
        for line in handle:
            yield line.rstrip(b"\r\n")


def cmd_produce(args: argparse.Namespace) -> int:
    """Publish lines to the topic, optionally paced."""
    import time

    from tqdm import tqdm

    from pipelines.sources.kafka import BrokerUnreachable, publish_lines, wait_for_broker

    if args.rate is not None and args.rate <= 0:
        raise UserError("--rate must be positive")
    spec = _spec(args)
    lines = _lines(args)
    try:
        wait_for_broker(spec, timeout_s=30)
    except BrokerUnreachable as exc:
        raise UserError(str(exc)) from exc
    started = time.perf_counter()
    with tqdm(unit="msg", desc=f"produce {spec.topic}", file=sys.stderr, disable=None) as bar:
        report = publish_lines(lines, spec, rate=args.rate, on_sent=lambda _k, _v: bar.update(1))
    elapsed = time.perf_counter() - started
    sent = report.sent
    summary = {
        "topic": spec.topic,
        "bootstrap": spec.bootstrap,
        "messages": sent,
        "rejected": [{"line": number, "reason": reason} for number, reason in report.rejected],
        "elapsed_s": round(elapsed, 2),
        "messages_per_s": round(sent / elapsed, 1) if elapsed else 0.0,
    }
    for number, reason in report.rejected:
        print(f"oncowatch: warning: line {number} not published: {reason}", file=sys.stderr)
    if args.json:
        _print_json(summary)
    else:
        print(f"published {sent} messages to {spec.topic} at {spec.bootstrap} in {elapsed:.1f}s")
    return 0


def cmd_stream(args: argparse.Namespace) -> int:
    """The consumer loop; exits 0 when stopped, drained or done with --once."""
    from pipelines.sources.kafka import BrokerUnreachable
    from pipelines.stream import StreamConsumer

    settings = KafkaSettings()
    spec = _spec(args)
    cfg = _config()
    max_batch = args.max_batch or settings.stream_max_batch
    max_wait = args.max_wait or settings.stream_max_wait_s
    if max_batch < 1 or max_wait <= 0:
        raise UserError("--max-batch must be >= 1 and --max-wait > 0")
    # One line per batch is what an operator watches: shown without -v.
    logging.getLogger("pipelines.stream").setLevel(logging.INFO)
    logging.getLogger("pipelines.sources.kafka").setLevel(logging.INFO)
    log.setLevel(logging.INFO)
    from oncowatch.alert_commands import after_batch

    # After every micro-batch: topics and alerts of the ticks it completed; new alerts delivered.
    consumer = StreamConsumer(cfg, spec, max_batch=max_batch, max_wait_s=max_wait, on_batch=after_batch)
    _stop_on_signals(consumer)
    try:
        consumer.connect(timeout_s=args.connect_timeout)
    except BrokerUnreachable as exc:
        raise UserError(str(exc)) from exc
    log.info(
        "consuming %s at %s as group %s (batches of %d messages or %.1fs)",
        spec.topic,
        spec.bootstrap,
        spec.group_id,
        max_batch,
        max_wait,
    )
    try:
        summary = consumer.run(once=args.once, drain=args.drain)
    finally:
        consumer.close()
    if args.json:
        _print_json(summary.as_dict())
    else:
        print(
            f"stream stopped ({summary.stopped_by}): {summary.batches} batches, {summary.messages} messages, "
            f"{summary.written} posts written, {summary.dead_letters} dead letters, "
            f"{summary.failed_batches} failed attempts, {summary.elapsed_s:.1f}s",
            file=sys.stderr,
        )
    return 0


def _stop_on_signals(consumer) -> None:
    """SIGTERM and the first Ctrl-C finish the batch in hand; a second Ctrl-C interrupts at once."""

    def graceful(signum, _frame) -> None:
        if consumer.stopping and signum == signal.SIGINT:
            raise KeyboardInterrupt
        log.warning("stopping after the batch in hand (signal %d)", signum)
        consumer.stop()

    signal.signal(signal.SIGTERM, graceful)
    signal.signal(signal.SIGINT, graceful)


def cmd_backfill(args: argparse.Namespace) -> int:
    """Run the backfill flow in this process."""
    from flows.backfill import backfill
    from oncowatch.commands import parse_time

    since, until = parse_time(args.since), parse_time(args.until)
    if since and until and since >= until:
        raise UserError("--since must be before --until")
    cfg = _config()
    try:
        summary = backfill(
            args.patterns, cfg, since=since, until=until, topic_params=TopicSettings().params()
        )
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        _print_json(summary)
    else:
        print(
            f"backfill: read {summary['read']}, written {summary['written']}, outside the range "
            f"{summary['outside_window']}, dead letters {summary['dead_letters']}, "
            f"duplicates {summary['duplicates']} in {summary['elapsed_s']}s"
        )
        topics = summary["topics"]
        print(
            f"topics: {topics['posts_seen']} posts seen, {len(topics['born'])} born, "
            f"{topics['joined']} joined"
        )
    return 0


def cmd_flows(args: argparse.Namespace) -> int:
    """List or serve the Prefect deployments."""
    from oncowatch import deployments

    if args.flows_command == "list":
        for entry, name, interval in deployments.DEPLOYMENTS:
            schedule = f"every {interval}s" if interval else "on demand"
            print(f"{entry.name}/{name}  {schedule}  oncowatch/deployments.py:{entry.fn.__name__}")
        return 0
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    if not url:
        raise UserError(
            "serving deployments needs a Prefect API that outlives this command: start one with "
            "`prefect server start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)"
        )
    import httpx

    try:
        deployments.serve()
    except (httpx.ConnectError, httpx.TimeoutException) as exc:
        raise UserError(f"cannot reach the Prefect API at {url}: {exc}") from exc
    return 0


COMMANDS = {
    "broker": cmd_broker,
    "produce": cmd_produce,
    "stream": cmd_stream,
    "backfill": cmd_backfill,
    "flows": cmd_flows,
}
