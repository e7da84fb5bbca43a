"""`oncowatch eval emergence`: do topics emerge where a labelled stream says events began?

The stream (CrisisLexT26's `stream_labeled_sorted.csv`: timestamp_utc, event, tweet_id, text,
informativeness) is ingested through the real pipeline into a temporary store and topics are
refreshed as live processing would: after every 6-hour slice of event time, over the complete ticks
so far (a refresh never looks past its `until`). Then, per event:

- `first_related`: its first tweet labelled related to it;
- `delay_hours`: from then to the tick at which one of its related tweets first joined a topic whose
  posts are mostly that event's related tweets (None if no topic is);
- `detectable_at` and `delay_from_detectable_hours`: the same from its `min_size`-th related tweet,
  the earliest moment any method that needs `min_size` posts could see it (the labelled sample is
  sparse: some events' first tweets come days before the next ones);
- `purity`: the share of the event's largest topic's posts that are the event's related tweets;
- `topics`: how many topics are mostly that event (more than one: the event was split);
and the topics that are mostly no event (noise, or several events mixed). Last, the topics are
rebuilt in one backfill refresh and compared with the live ones: on event time they must be the same.
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from analysis.embedding import model_version
from analysis.topics import TopicParams
from indexing.topics import TopicStore, parse_ts
from pipelines.config import PipelineConfig
from pipelines.elements import RawRecord
from pipelines.topics import refresh

_COLUMNS = {"timestamp_utc", "event", "tweet_id", "text"}
#: Event time ingested between two refreshes, as a scheduled refresh would see it.
SLICE = timedelta(hours=6)


def read_stream(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """The labelled rows, sorted by time; a clear error when columns are missing."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = _COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)} (need {sorted(_COLUMNS)})")
        rows = [row for _, row in zip(range(limit or 10**12), reader, strict=False)]
    rows.sort(key=lambda r: (r["timestamp_utc"], r["tweet_id"]))
    return rows


def _related(row: dict[str, str]) -> bool:
    return row.get("informativeness", "Related").startswith("Related")


def evaluate_stream(
    path: Path,
    cfg: PipelineConfig,
    params: TopicParams,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Replay the stream into a temporary store (cfg's store is replaced) and score the topics."""
    from pipelines.ingest import run_records

    rows = read_stream(path, limit)
    if not rows:
        raise ValueError(f"{path}: no rows")
    event_of = {f"x:{r['tweet_id']}": (r["event"], _related(r)) for r in rows}
    with tempfile.TemporaryDirectory(prefix="oncowatch-emergence-") as tmp:
        store_spec = replace(
            cfg.store, path=Path(tmp) / "oncowatch.sqlite", vectors_dir=Path(tmp) / "vectors"
        )
        cfg = replace(cfg, store=store_spec)
        if progress:
            progress(f"emergence: ingesting {len(rows)} posts through the pipeline")
        ingested = run_records([_record(row, number) for number, row in enumerate(rows)], cfg)
        topics = TopicStore(store_spec.path, model_version(cfg.embedding_model))
        try:
            # Live: a refresh after every slice of event time that saw posts, as the schedule runs
            # it; a refresh only sees posts created before its `until`, as if later ones had not
            # arrived yet.
            start = parse_ts(rows[0]["timestamp_utc"])
            slices = sorted({int((parse_ts(row["timestamp_utc"]) - start) / SLICE) for row in rows})
            began = time.perf_counter()
            for done, index in enumerate(slices, start=1):
                refresh(topics, params, until=start + SLICE * (index + 1))
                if progress and done % 50 == 0:
                    progress(f"emergence: refreshed {done} of {len(slices)} slices of {SLICE}")
            refresh(topics, params, include_partial=True)
            live_s = time.perf_counter() - began
            report = score(rows, event_of, topics, params.min_size)
            live = _membership(topics)
            # Backfill: forget everything and refresh the whole range at once; event time says
            # both must give the same topics with the same members.
            topics.reset()
            began = time.perf_counter()
            refresh(topics, params, include_partial=True)
            backfill_s = time.perf_counter() - began
            backfill = _membership(topics)
        finally:
            topics.close()
    differing = sorted(t for t in set(live) | set(backfill) if live.get(t) != backfill.get(t))
    report["posts_stored"] = ingested.written
    report["live_refresh_s"] = round(live_s, 1)
    report["backfill_refresh_s"] = round(backfill_s, 1)
    report["backfill_identical_to_live"] = not differing
    report["topics_differing_between_live_and_backfill"] = differing
    report["params"] = {k: str(v) for k, v in params.__dict__.items()}
    return report


def _membership(topics: TopicStore) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for post_id, topic_id in topics.query(
        "SELECT post_id, topic_id FROM topic_members WHERE topic_id IS NOT NULL"
    ):
        members[topic_id].add(post_id)
    return {t: frozenset(p) for t, p in members.items()}


def _record(row: dict[str, str], number: int) -> RawRecord:
    post = {
        "id": row["tweet_id"],
        "platform": "x",
        "created_at": row["timestamp_utc"],
        "text": row["text"] or "-",
    }
    return RawRecord("emergence", 0, number, json.dumps(post).encode())


def score(
    rows: list[dict[str, str]], event_of: dict[str, tuple[str, bool]], topics: TopicStore, min_size: int = 5
) -> dict[str, Any]:
    """Per-event delay, purity and split count; topics that match no event."""
    members: dict[str, list[str]] = defaultdict(list)
    joined: dict[str, str] = {}
    for post_id, topic_id, at in topics.query(
        "SELECT post_id, topic_id, joined FROM topic_members WHERE topic_id IS NOT NULL"
    ):
        members[topic_id].append(post_id)
        joined[post_id] = at
    related: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if _related(row):
            related[row["event"]].append(row["timestamp_utc"])
    majority: dict[str, tuple[str | None, float]] = {}
    for topic_id, posts in members.items():
        counts = Counter(event_of[p][0] for p in posts if p in event_of and event_of[p][1])
        event, n = counts.most_common(1)[0] if counts else (None, 0)
        purity = n / len(posts)
        majority[topic_id] = (event if purity > 0.5 else None, purity)
    per_event: dict[str, dict[str, Any]] = {}
    for event in sorted({r["event"] for r in rows}):
        mine = [t for t, (e, _) in majority.items() if e == event]
        times = related.get(event, [])
        first = times[0] if times else None
        nth = times[min_size - 1] if len(times) >= min_size else None
        row: dict[str, Any] = {
            "first_related": first,
            "detectable_at": nth,
            "topics": len(mine),
            "delay_hours": None,
            "delay_from_detectable_hours": None,
            "purity": None,
            "topic_id": None,
            "topic_posts": 0,
        }
        # When the event first showed in a topic of its own: the earliest tick one of its related
        # posts joined a topic that is mostly the event (a topic born earlier that drifted into the
        # event counts from then, not from its birth).
        seen = [
            (joined[p], t)
            for t in mine
            for p in members[t]
            if event_of.get(p) == (event, True) and joined.get(p)
        ]
        if seen and first:
            at, topic_id = min(seen)
            row["delay_hours"] = round((parse_ts(at) - parse_ts(first)).total_seconds() / 3600, 2)
            if nth:
                row["delay_from_detectable_hours"] = round(
                    (parse_ts(at) - parse_ts(nth)).total_seconds() / 3600, 2
                )
            biggest = max(mine, key=lambda t: len(members[t]))
            row["purity"] = round(majority[biggest][1], 3)
            row["topic_id"], row["topic_posts"] = biggest, len(members[biggest])
        per_event[event] = row
    unmatched = [t for t, (e, _) in majority.items() if e is None]
    ok = [r for r in per_event.values() if r["delay_hours"] is not None]
    return {
        "events": len(per_event),
        "posts": len(rows),
        "topics": len(members),
        "unmatched_topics": len(unmatched),
        "within_12h": sum(1 for r in ok if r["delay_hours"] <= 12),
        "within_12h_of_detectable": sum(
            1
            for r in ok
            if r["delay_from_detectable_hours"] is not None and r["delay_from_detectable_hours"] <= 12
        ),
        "pure_enough": sum(1 for r in ok if r["purity"] >= 0.8),
        "posts_in_topics": sum(len(p) for p in members.values()),
        "per_event": per_event,
        "unmatched": [
            {"topic_id": t, "posts": len(members[t]), "purity": round(majority[t][1], 3)} for t in unmatched
        ],
    }
