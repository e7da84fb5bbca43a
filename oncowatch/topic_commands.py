"""`oncowatch topics`, `topic`, `topics refresh` and `eval emergence`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from oncowatch.commands import UserError, _one_line, _print_json, existing_store, parse_time, sources
from oncowatch.settings import EmbeddingSettings, StorageSettings, TopicSettings

_STATUSES = ("emerging", "growing", "steady", "fading", "retired", "merged")

_TOPICS_HELP = """\
Topics emerge from the stored posts on event time (their created_at): every tick (30 min by default)
posts join the nearest topic they are close enough to, the others wait, and density-based clustering
of the recent waiting posts gives birth to new topics. A topic keeps its id from birth to retirement;
merges and splits are recorded as lineage (`oncowatch topic ID`).

  oncowatch topics                         live topics, emerging and growing first
  oncowatch topics --status growing --json
  oncowatch topics refresh                 process every post no refresh has seen yet
  oncowatch topics refresh --since 2026-11-01 --until 2026-11-08   step through a range (backfill)
  oncowatch topics refresh --rebuild       forget every topic and rebuild (after a model change)

Settings: ONCOWATCH_TOPIC_INTERVAL_MINUTES, _WINDOW_HOURS, _JOIN, _MERGE, _MIN_SIZE, _RETIRE_DAYS.
"""


def add_parsers(sub: argparse._SubParsersAction, evals: argparse._SubParsersAction) -> None:
    """The topic commands and `eval emergence`."""
    p = sub.add_parser(
        "topics",
        help="emerging topics (`topics refresh` brings them up to date)",
        description=_TOPICS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", nargs="?", choices=["list", "refresh"], default="list", help="default: list")
    p.add_argument("--since", help="list: topics seen at or after; refresh: start of the event-time range")
    p.add_argument("--until", help="refresh: end of the event-time range (default: the newest post)")
    p.add_argument("--status", choices=_STATUSES, help="list: only topics of this status")
    p.add_argument("--limit", type=int, default=50, help="list: at most this many (default 50)")
    p.add_argument("--rebuild", action="store_true", help="refresh: forget every topic first")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("topic", help="one topic: key terms, examples, volume series, lineage")
    p.add_argument("topic_id", metavar="ID")
    p.add_argument("--json", action="store_true")

    e = evals.add_parser(
        "emergence",
        help="topic emergence on a labelled stream (CrisisLexT26 stream_labeled_sorted.csv)",
        description="Replays a time-sorted labelled stream (CSV with timestamp_utc, event, tweet_id, text, "
        "informativeness) through embedding and topic refresh in a temporary store, then reports per "
        "event the delay from its first related tweet to the birth of a topic made mostly of it, that "
        "topic's purity, how many topics the event was split into, and topics that match no event.",
    )
    e.add_argument("--stream", required=True, metavar="F", help="the labelled stream (CSV)")
    e.add_argument("--limit", type=int, help="only the first N lines (a quick look)")
    e.add_argument("--json", action="store_true")


@contextmanager
def open_topics() -> Iterator:
    """The topic state of the configured store."""
    from analysis.embedding import model_version
    from indexing.topics import TopicStore

    storage = StorageSettings()
    store = TopicStore(
        existing_store(storage),
        model_version(EmbeddingSettings().embedding_model),
        busy_timeout_ms=int(storage.store_busy_timeout_s * 1000),
    )
    try:
        yield store
    finally:
        store.close()


def topic_ids_of(post_ids: list[str]) -> dict[str, str]:
    """The topic of each of these posts that has one; {} when no refresh ever ran (read-only)."""
    from oncowatch.queries import Sources

    return Sources.from_settings(StorageSettings(), EmbeddingSettings()).topic_ids(post_ids)


def refresh_topics(since=None, until=None, include_partial=False, rebuild=False, progress=None):
    """Refresh the configured store's topics; the report."""
    from pipelines.topics import refresh

    with open_topics() as topics:
        if rebuild:
            topics.reset()
        return refresh(
            topics,
            TopicSettings().params(),
            since=since,
            until=until,
            include_partial=include_partial,
            progress=progress,
        )


def cmd_topics(args: argparse.Namespace) -> int:
    """List topics, or refresh them."""
    from oncowatch import queries

    since, until = parse_time(args.since), parse_time(args.until)
    if args.action == "refresh":
        say = None if args.json else (lambda line: print(line, file=sys.stderr))
        report = refresh_topics(
            since, until, include_partial=until is None, rebuild=args.rebuild, progress=say
        )
        if args.json:
            _print_json(report.as_dict())
        else:
            print(report.line())
        return 0
    if args.until:
        raise UserError("--until is for `topics refresh`; a listing takes --since")
    rows = queries.topics(sources(), since=since, status=args.status, limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print("no topics yet: `oncowatch topics refresh` discovers them from the stored posts")
        return 0
    for row in rows:
        print(
            f"{row['topic_id']}  {row['status']:<9} {row['size']:>6} posts  growth {row['growth']:>5.2f}  "
            f"{row['label']}"
        )
        print(f"    last seen {row['last_seen']}  key terms: {', '.join(row['key_terms'][:8])}")
    return 0


def cmd_topic(args: argparse.Namespace) -> int:
    """One topic in detail."""
    from oncowatch import queries

    found = queries.topic(sources(), args.topic_id)
    if found is None:
        raise UserError(f"no topic {args.topic_id!r} (see `oncowatch topics`)")
    if args.json:
        _print_json(found)
        return 0
    print(f"{found['topic_id']}  {found['label']}")
    print(f"status {found['status']}, {found['size']} posts, growth {found['growth']}, born {found['born']}")
    if found["merged_into"]:
        print(f"merged into {found['merged_into']}")
    print(f"first seen {found['first_seen']}, last seen {found['last_seen']}")
    print("key terms: " + ", ".join(found["key_terms"]))
    for name in ("categories", "platforms", "languages"):
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in found[name].items()))
    print("posts per day:")
    for day in found["volume"]["daily"]:
        print(f"  {day['day']}  {day['count']:>6}  {'#' * min(60, day['count'])}")
    print("examples:")
    for example in found["examples"]:
        print(f"  {example['post_id']}  {_one_line(example['redacted_text'])}")
    if found["lineage"]:
        print("lineage:")
        words = {"born": "born", "merged": "merged into", "split": "split from", "retired": "retired"}
        for event in found["lineage"]:
            other = f" {words.get(event['event'], event['event'])} {event['other']}" if event["other"] else ""
            what = event["event"] if not other else ""
            print(f"  {event['at']}  {event['topic_id']}{other} {what} ({event['size']} posts)")
    return 0


def cmd_eval_emergence(args: argparse.Namespace) -> int:
    """Topic emergence against a labelled stream."""
    from pathlib import Path

    from pipelines.eval_emergence import evaluate_stream

    if not Path(args.stream).is_file():
        raise UserError(f"no such file: {args.stream}")
    from oncowatch.commands import throwaway_config

    cfg = throwaway_config()
    say = None if args.json else (lambda line: print(line, file=sys.stderr))
    try:
        report = evaluate_stream(
            Path(args.stream), cfg, TopicSettings().params(), limit=args.limit, progress=say
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        _print_json(report)
        return 0
    print(
        f"{report['events']} events, {report['posts']} posts, {report['topics']} topics "
        f"({report['unmatched_topics']} match no event); refresh {report['live_refresh_s']} s live, "
        f"{report['backfill_refresh_s']} s as one backfill; backfill identical to live: "
        f"{report['backfill_identical_to_live']}"
    )
    print(f"{'event':<28} {'first related':<21} {'delay h':>8} {'from 5th':>8} {'purity':>7} {'topics':>7}")
    for name, row in report["per_event"].items():
        delay = "-" if row["delay_hours"] is None else f"{row['delay_hours']:.1f}"
        late = (
            "-" if row["delay_from_detectable_hours"] is None else f"{row['delay_from_detectable_hours']:.1f}"
        )
        purity = "-" if row["purity"] is None else f"{row['purity']:.2f}"
        first = row["first_related"] or "-"
        print(f"{name:<28} {first:<21} {delay:>8} {late:>8} {purity:>7} {row['topics']:>7}")
    print(
        f"events with a topic within 12 h of their first related post: {report['within_12h']} of "
        f"{report['events']}; within 12 h of their min_size-th: {report['within_12h_of_detectable']}; "
        f"purity >= 0.8: {report['pure_enough']} of {report['events']}"
    )
    return 0


COMMANDS = {"topics": cmd_topics, "topic": cmd_topic}
EVALS = {"emergence": cmd_eval_emergence}
