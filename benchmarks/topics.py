"""Topic refresh cost: seconds per 10,000 new posts, and one live tick against the interval it covers.

    .venv/bin/python benchmarks/topics.py [--n 10000] [--days 7] [--seed 5] [--store DIR] [--json]

1. A sample stream of N posts over D days is ingested once into DIR (default `.bench/topics-nN-dD-sS`;
   reused by later runs, since ingest is not what is measured here; `benchmarks/sample_store.py`).
2. Backfill: topics are forgotten and rebuilt over the whole range, as `ingest` ends or a replay does;
   reported as seconds per 10,000 posts and event-time covered per second of wall time.
3. Live: the same posts are refreshed tick by tick, as the scheduled flow does every interval; the
   slowest and the median tick against the interval of event time it covers (goal: well inside it).
Results are saved under benchmarks/results/topics-*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent

from sample_store import sample_store  # noqa: E402 - a sibling script, found once HERE is on the path


def measure(store_dir: Path) -> dict:
    from analysis.topics import TopicParams
    from indexing.topics import TopicStore, parse_ts
    from pipelines.topics import refresh

    params = TopicParams()
    store = TopicStore(store_dir / "oncowatch.sqlite", "all-MiniLM-L6-v2")
    posts = store.query("SELECT count(*), min(created_at), max(created_at) FROM posts")[0]
    count, first, last = posts[0], parse_ts(posts[1]), parse_ts(posts[2])

    store.reset()
    started = time.perf_counter()
    backfill = refresh(store, params, include_partial=True)
    backfill_s = time.perf_counter() - started
    topics = len([t for t in store.topics().values() if t.live])

    store.reset()
    ticks: list[float] = []
    moment = first + params.interval
    while moment <= last + params.interval:
        began = time.perf_counter()
        refresh(store, params, until=moment)
        ticks.append(time.perf_counter() - began)
        moment += params.interval
    store.close()
    interval_s = params.interval.total_seconds()
    span_h = (last - first).total_seconds() / 3600
    return {
        "posts": count,
        "event_time_hours": round(span_h, 1),
        "backfill": {
            "elapsed_s": round(backfill_s, 2),
            "s_per_10k_posts": round(backfill_s * 10_000 / count, 2),
            "event_hours_per_s": round(span_h / backfill_s, 1),
            "ticks": backfill.ticks,
            "born": len(backfill.born),
            "split": len(backfill.split),
            "merged": len(backfill.merged),
            "live_topics": topics,
            "posts_in_topics": backfill.joined,
        },
        "live": {
            "ticks": len(ticks),
            "interval_s": interval_s,
            "posts_per_tick": round(count / max(len(ticks), 1), 1),
            "median_tick_s": round(statistics.median(ticks), 3),
            "p95_tick_s": round(sorted(ticks)[int(0.95 * (len(ticks) - 1))], 3),
            "max_tick_s": round(max(ticks), 3),
            "max_share_of_interval": round(max(ticks) / interval_s, 5),
            "total_s": round(sum(ticks), 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store_dir = args.store or Path(".bench") / f"topics-n{args.n}-d{args.days}-s{args.seed}"
    sample_store(store_dir, args.n, args.days, args.seed)
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.python_version()}",
        "sample": {"n": args.n, "days": args.days, "seed": args.seed},
        **measure(store_dir),
    }
    out = HERE / "results" / f"topics-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    if args.json:
        print(json.dumps(result))
        return
    b, live = result["backfill"], result["live"]
    print(
        f"{result['posts']} posts over {result['event_time_hours']} h of event time\n"
        f"backfill refresh: {b['elapsed_s']} s ({b['s_per_10k_posts']} s per 10,000 posts, "
        f"{b['event_hours_per_s']} event-hours per second), {b['born']} born, {b['split']} split, "
        f"{b['live_topics']} live\n"
        f"live: {live['ticks']} ticks of {live['interval_s']:.0f} s, ~{live['posts_per_tick']} posts each; "
        f"median {live['median_tick_s']} s, p95 {live['p95_tick_s']} s, max {live['max_tick_s']} s "
        f"({live['max_share_of_interval']:.2%} of the interval)\nsaved {out}"
    )


if __name__ == "__main__":
    main()
