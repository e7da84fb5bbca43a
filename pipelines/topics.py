"""Topic refresh: step through event time, tick by tick, over the posts no refresh has seen yet.

`refresh` is what `oncowatch topics refresh`, the end of `ingest` and the scheduled Prefect flow call.
It reads posts and vectors from the store, runs the method of `analysis.topics` and writes the state
to `indexing.topics.TopicStore`, one transaction per day of event time, so that a crash loses at
most the day in hand and the next run redoes exactly that day.

Lateness: a post joins topics at the first tick after it is stored, and counts in a topic's series
at its own `created_at`. It takes part in discovering new topics as long as it arrives within the
`window` (24 h by default) of a tick not yet processed; a tick already processed (a replay, or a
post later than that) only assigns posts to existing topics, so replaying data never invents
topics that live processing did not have.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from analysis import topics as method
from analysis.embedding import model_version
from analysis.topics import MERGED, RETIRED
from indexing.topics import Member, Topic, TopicStore, parse_ts, ts
from pipelines.config import PipelineConfig

log = logging.getLogger(__name__)

#: Ticks written per transaction.
_CHUNK = timedelta(days=1)
#: Members read to pick examples and to test a split.
_SAMPLE = 2000
#: Event time between two looks for topics to split (aligned to the epoch like the ticks).
_SPLIT_EVERY = timedelta(days=1)


@dataclass
class RefreshReport:
    """What one refresh did."""

    ticks: int = 0
    posts_seen: int = 0
    joined: int = 0
    waiting: int = 0
    born: list[str] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)
    split: list[tuple[str, str]] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    first_tick: str | None = None
    last_tick: str | None = None
    elapsed_s: float = 0.0

    def as_dict(self) -> dict:
        return {
            "ticks": self.ticks,
            "posts_seen": self.posts_seen,
            "joined": self.joined,
            "waiting": self.waiting,
            "born": self.born,
            "merged": [{"from": a, "into": b} for a, b in self.merged],
            "split": [{"from": a, "new": b} for a, b in self.split],
            "retired": self.retired,
            "first_tick": self.first_tick,
            "last_tick": self.last_tick,
            "elapsed_s": round(self.elapsed_s, 2),
        }

    def line(self) -> str:
        span = f"{self.first_tick} .. {self.last_tick}" if self.first_tick else "nothing new"
        return (
            f"topics refreshed over {span}: {self.ticks} ticks, {self.posts_seen} posts seen, "
            f"{self.joined} joined a topic, {len(self.born)} born, {len(self.merged)} merged, "
            f"{len(self.split)} split, {len(self.retired)} retired, {self.elapsed_s:.1f}s"
        )


class _Run:
    """One refresh: the live topics and the waiting pool in memory, written per chunk of ticks."""

    def __init__(self, store: TopicStore, params: method.TopicParams, report: RefreshReport) -> None:
        self.store = store
        self.params = params
        self.report = report
        self.topics: dict[str, Topic] = store.topics()
        self.pool: list[Member] = []
        self.frontier = store.frontier()
        self._reset_pending()

    def _reset_pending(self) -> None:
        self.members: list[tuple[str, str | None, str, str]] = []
        self.moves: list[tuple[str, str, str | None]] = []
        self.stats: list[tuple[str, Member]] = []
        self.lineage: list[tuple[str, str, str, str | None, int]] = []
        self.ticks: list[str] = []
        self.changed: set[str] = set()
        self.rebuilt: set[str] = set()
        self.merges_pending: list[tuple[str, str]] = []
        #: Topics whose members changed in this chunk: their examples are picked again.
        self.fresh: set[str] = set()

    # ---- one tick ------------------------------------------------------------------------------

    def tick(self, tick: datetime, batch: list[Member], replay: bool) -> None:
        at = ts(tick)
        if not replay:
            # Event time may jump (a quiet month, a gap in an archive): a topic that went quiet for
            # the retirement period is retired before anything new can join it.
            self._retire(tick, at)
        alive = [t for t in self.topics.values() if t.live and t.born <= at]
        new_waiting = 0
        if batch:
            vectors = np.stack([m.vector for m in batch])
            centroids = np.stack([t.centroid() for t in alive]) if alive else np.zeros((0, vectors.shape[1]))
            best, sims = method.nearest(vectors, centroids)
            for post, row, sim in zip(batch, best.tolist(), sims.tolist(), strict=True):
                if row >= 0 and sim >= self.params.join:
                    topic = alive[row]
                    self._join(topic, post)
                    self.members.append((post.post_id, topic.topic_id, post.created_at, at))
                    self.report.joined += 1
                else:
                    self.members.append((post.post_id, None, post.created_at, at))
                    self.pool.append(post)
                    new_waiting += 1
            self.report.posts_seen += len(batch)
        if replay:
            return
        self.ticks.append(at)
        self.frontier = max(self.frontier or at, at)
        if new_waiting:
            self._discover(tick, at)
        self._retire(tick, at)

    def _join(self, topic: Topic, post: Member) -> None:
        topic.size += 1
        topic.centroid_sum = topic.centroid_sum + post.vector
        topic.first_seen = min(topic.first_seen, post.created_at)
        topic.last_seen = max(topic.last_seen, post.created_at)
        self.stats.append((topic.topic_id, post))
        self.changed.add(topic.topic_id)
        self.fresh.add(topic.topic_id)

    def _discover(self, tick: datetime, at: str) -> None:
        oldest = ts(tick - self.params.window)
        self.pool = [p for p in self.pool if p.created_at >= oldest]
        pool = self.pool[-self.params.max_pool :]
        if len(pool) < self.params.min_size:
            return
        vectors = np.stack([p.vector for p in pool])
        groups = method.discover(vectors, [p.near_key for p in pool], self.params)
        if not groups:
            return
        alive = [t for t in self.topics.values() if t.live and t.born <= at]
        taken: set[str] = set()
        for rows in groups:
            posts = [pool[i] for i in rows]
            centroid = vectors[rows].mean(axis=0, keepdims=True)
            best, sims = method.nearest(
                centroid, np.stack([t.centroid() for t in alive]) if alive else centroid[:0]
            )
            if best[0] >= 0 and sims[0] >= self.params.join:
                topic = alive[int(best[0])]
            else:
                topic_id = method.topic_id_for(p.post_id for p in posts)
                first = min(p.created_at for p in posts)
                topic = Topic(
                    topic_id,
                    born=at,
                    first_seen=first,
                    last_seen=first,
                    size=0,
                    centroid_sum=np.zeros(vectors.shape[1], dtype=np.float32),
                )
                self.topics[topic_id] = topic
                alive.append(topic)
                self.lineage.append((at, "born", topic_id, None, len(posts)))
                self.report.born.append(topic_id)
            for post in posts:
                self._join(topic, post)
                self.moves.append((post.post_id, topic.topic_id, at))
                taken.add(post.post_id)
        self.pool = [p for p in self.pool if p.post_id not in taken]
        self._merge(at)

    def _merge(self, at: str) -> None:
        """Live topics whose centroids came within `merge` cosine become one: the older one stays."""
        while True:
            alive = sorted((t for t in self.topics.values() if t.live), key=lambda t: (t.born, t.topic_id))
            if len(alive) < 2:
                return
            centroids = method.unit(np.stack([t.centroid() for t in alive]))
            sims = centroids @ centroids.T
            np.fill_diagonal(sims, -1.0)
            older, younger = np.unravel_index(int(np.argmax(sims)), sims.shape)
            if sims[older, younger] < self.params.merge:
                return
            keep, gone = alive[min(older, younger)], alive[max(older, younger)]
            keep.size += gone.size
            keep.centroid_sum = keep.centroid_sum + gone.centroid_sum
            keep.first_seen = min(keep.first_seen, gone.first_seen)
            keep.last_seen = max(keep.last_seen, gone.last_seen)
            gone.ended_at, gone.status, gone.merged_into = at, MERGED, keep.topic_id
            self.lineage.append((at, "merged", gone.topic_id, keep.topic_id, gone.size))
            self.report.merged.append((gone.topic_id, keep.topic_id))
            self._moved_topic(gone.topic_id, keep.topic_id)
            self.changed.update({keep.topic_id, gone.topic_id})
            self.fresh.add(keep.topic_id)
            self.rebuilt.add(keep.topic_id)

    def _moved_topic(self, gone: str, keep: str) -> None:
        # Members written earlier are moved in the save (below); pending ones are re-pointed here.
        self.members = [(p, keep if t == gone else t, c, k) for p, t, c, k in self.members]
        self.moves = [(p, keep if t == gone else t, a) for p, t, a in self.moves]
        self.stats = [(keep if t == gone else t, m) for t, m in self.stats]
        self.merges_pending.append((gone, keep))

    def _retire(self, tick: datetime, at: str) -> None:
        cutoff = ts(tick - self.params.retire_after)
        for topic in self.topics.values():
            if topic.live and topic.last_seen < cutoff and topic.born <= at:
                topic.ended_at, topic.status = at, RETIRED
                self.lineage.append((at, "retired", topic.topic_id, None, topic.size))
                self.report.retired.append(topic.topic_id)
                self.changed.add(topic.topic_id)

    # ---- per chunk -----------------------------------------------------------------------------

    def flush(self, now: datetime) -> None:
        """Describe the changed topics and write the chunk in one transaction."""
        self.describe(now, sorted(self.changed))
        changed = [self.topics[t] for t in sorted(self.changed)]
        with self.store.write() as conn:
            for gone, keep in self.merges_pending:
                conn.execute("UPDATE topic_members SET topic_id = ? WHERE topic_id = ?", (keep, gone))
        self.store.save(
            changed,
            self.members,
            self.moves,
            self.stats,
            self.lineage,
            self.ticks,
            sorted(self.rebuilt),
            terms_of=method.terms,
        )
        self._reset_pending()

    def split_grown(self, at: str) -> None:
        """Re-cluster topics that doubled since their last check; a split is recorded and written."""
        for topic in sorted((t for t in self.topics.values() if t.live), key=lambda t: t.topic_id):
            if topic.size < max(4 * self.params.min_size, 2 * topic.split_checked):
                continue
            topic.split_checked = topic.size
            self.changed.add(topic.topic_id)
            sample = self.store.member_rows(topic.topic_id, limit=_SAMPLE)
            parts = method.split(np.stack([m.vector for m in sample]), self.params) if sample else []
            for rows in parts[1:]:
                posts = [sample[i] for i in rows]
                new_id = method.topic_id_for(p.post_id for p in posts)
                part_sum = np.sum([p.vector for p in posts], axis=0).astype(np.float32)
                created = sorted(p.created_at for p in posts)
                new = Topic(
                    new_id,
                    born=at,
                    first_seen=created[0],
                    last_seen=created[-1],
                    size=len(posts),
                    centroid_sum=part_sum,
                    split_checked=len(posts),
                )
                self.topics[new_id] = new
                topic.size -= len(posts)
                topic.centroid_sum = topic.centroid_sum - part_sum
                self.moves.extend((p.post_id, new_id, None) for p in posts)
                self.lineage.append((at, "split", new_id, topic.topic_id, len(posts)))
                self.report.split.append((topic.topic_id, new_id))
                self.changed.update({new_id, topic.topic_id})
                self.fresh.update({new_id, topic.topic_id})
                self.rebuilt.update({new_id, topic.topic_id})

    def describe(self, now: datetime, topic_ids: list[str]) -> None:
        """Status, growth, key terms, label and examples of these topics, as of event time `now`."""
        if not topic_ids:
            return
        days = self.params.growth_days + 1
        since = now - timedelta(days=days)
        hourly = self.store.daily_volume(topic_ids, ts(since))
        pending: dict[str, list[Member]] = {}
        for topic_id, post in self.stats:
            pending.setdefault(topic_id, []).append(post)
        for topic_id in topic_ids:
            topic = self.topics[topic_id]
            daily = [0] * days
            series = list(hourly.get(topic_id, []))
            series += [(p.created_at, 1) for p in pending.get(topic_id, [])]
            for hour, count in series:
                index = int((parse_ts(hour) - since).total_seconds() // 86400)
                if 0 <= index < days:
                    daily[index] += count
            topic.growth = method.growth(daily)
            if topic.live:
                topic.status = method.status(
                    now, parse_ts(topic.born), parse_ts(topic.last_seen), daily, self.params
                )
        self._terms(topic_ids, pending)
        self._examples(topic_ids, pending)

    def _terms(self, topic_ids: list[str], pending: dict[str, list[Member]]) -> None:
        live = sorted({t.topic_id for t in self.topics.values() if t.live} | set(topic_ids))
        counts = self.store.term_counts(live)
        for topic_id, posts in pending.items():
            bag = counts.setdefault(topic_id, {})
            for post in posts:
                for term, n in method.terms(post.text).items():
                    bag[term] = bag.get(term, 0) + n
        key_terms = method.c_tf_idf(counts)
        for topic_id in topic_ids:
            topic = self.topics[topic_id]
            topic.key_terms = key_terms.get(topic_id, topic.key_terms)
            topic.label = method.label_for(topic.key_terms)

    def _examples(self, topic_ids: list[str], pending: dict[str, list[Member]]) -> None:
        for topic_id in topic_ids:
            topic = self.topics[topic_id]
            if topic_id not in self.fresh and topic.examples:
                continue
            sample = self.store.member_rows(topic_id, limit=_SAMPLE) + pending.get(topic_id, [])
            if not sample:
                continue
            sims = (
                method.unit(np.stack([m.vector for m in sample])) @ method.unit(topic.centroid()[None, :])[0]
            )
            order = np.argsort(-sims, kind="stable")
            seen: set[str] = set()
            examples: list[str] = []
            for i in order.tolist():
                if sample[i].near_key in seen:
                    continue
                seen.add(sample[i].near_key)
                examples.append(sample[i].post_id)
                if len(examples) == 3:
                    break
            topic.examples = examples


def open_topics(cfg: PipelineConfig, readonly: bool = False) -> TopicStore:
    """The topic state beside the configured store (the embedded SQLite store keeps it in its file)."""
    if cfg.store.backend != "sqlite":
        raise ValueError(f"topics are kept in the SQLite store; backend {cfg.store.backend!r} has none yet")
    return TopicStore(
        cfg.store.path, model_version(cfg.embedding_model), cfg.store.busy_timeout_ms, readonly=readonly
    )


def refresh_store(cfg: PipelineConfig, params: method.TopicParams | None = None, **kwargs) -> RefreshReport:
    """`refresh` on the configured store's topics (kwargs as for `refresh`)."""
    with open_topics(cfg) as store:
        return refresh(store, params, **kwargs)


def refresh(
    store: TopicStore,
    params: method.TopicParams | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    include_partial: bool = False,
    progress: Callable[[str], None] | None = None,
) -> RefreshReport:
    """Bring topics up to date over [since, until) of event time (defaults: every unseen post).

    Ticks run up to the last complete one before `until` (the newest post when not given); with
    `include_partial` the tick after it too, so a finished backfill leaves no post unseen.
    """
    params = params or method.TopicParams()
    report = RefreshReport()
    started = time.perf_counter()
    unseen = store.unseen_range()
    if unseen is None and since is None:
        report.elapsed_s = time.perf_counter() - started
        return report
    start = since or parse_ts(unseen[0])  # type: ignore[index]
    end = until or parse_ts(store.latest_post() or unseen[1])  # type: ignore[index]
    first = method.tick_floor(start, params.interval) + params.interval
    last = method.tick_floor(end, params.interval)
    if include_partial:
        last = last + params.interval
    if last < first:
        report.elapsed_s = time.perf_counter() - started
        return report
    run = _Run(store, params, report)
    processed = store.processed_ticks(ts(first), ts(last))
    run.pool = store.waiting(ts(first - params.window), ts(first))
    report.first_tick, report.last_tick = ts(first), ts(last)
    low = ts(first - params.interval)
    chunk_start = first
    while chunk_start <= last:
        chunk_end = min(chunk_start + _CHUNK, last + params.interval)
        posts = store.unseen(low, ts(chunk_end - params.interval))
        cursor = 0
        tick = chunk_start
        while tick < chunk_end:
            at = ts(tick)
            batch_end = cursor
            while batch_end < len(posts) and posts[batch_end].created_at < at:
                batch_end += 1
            replay = at in processed
            run.tick(tick, posts[cursor:batch_end], replay=replay)
            cursor = batch_end
            report.ticks += 1
            if not replay and tick == method.tick_floor(tick, _SPLIT_EVERY):
                # Splits are looked for at fixed ticks of event time (midnight UTC), never at the
                # edges of a run: a live run and a backfill split the same topics at the same tick.
                run.flush(tick)
                run.split_grown(at)
            tick += params.interval
        now = tick - params.interval
        run.flush(now)
        low = ts(chunk_end - params.interval)
        if progress:
            progress(f"topics: through {ts(now)}, {report.posts_seen} posts seen, {len(report.born)} born")
        chunk_start = chunk_end
    _restate(run, parse_ts(run.frontier) if run.frontier else last)
    report.waiting = len(run.pool)
    report.elapsed_s = time.perf_counter() - started
    log.info(report.line())
    return report


def _restate(run: _Run, now: datetime) -> None:
    """Statuses of every live topic as of the newest tick (a quiet topic fades without new posts)."""
    run._retire(now, ts(now))
    run.changed.update(t.topic_id for t in run.topics.values() if t.live)
    run.flush(now)


# ---- what analysts read ------------------------------------------------------------------------

_STATUS_ORDER = {"emerging": 0, "growing": 1, "steady": 2, "fading": 3, RETIRED: 4, MERGED: 5}


def summary(topic: Topic, store: TopicStore, read_post: Callable[[str], object | None]) -> dict:
    """A topic as `oncowatch topics --json` prints it; examples are redacted texts."""
    counts = store.counts(topic.topic_id)
    examples = []
    for post_id in topic.examples:
        post = read_post(post_id)
        if post is not None:
            examples.append(
                {
                    "post_id": post_id,
                    "created_at": post.model_dump(mode="json")["created_at"],  # type: ignore[attr-defined]
                    "platform": post.platform,
                    "redacted_text": post.redacted_text,  # type: ignore[attr-defined]
                }
            )
    return {
        "topic_id": topic.topic_id,
        "label": topic.label,
        "key_terms": topic.key_terms,
        "status": topic.status,
        "size": topic.size,
        "growth": topic.growth,
        "born": topic.born,
        "first_seen": topic.first_seen,
        "last_seen": topic.last_seen,
        "categories": counts.get("primary", {}),
        "labels": counts.get("labels", {}),
        "platforms": counts.get("platform", {}),
        "languages": counts.get("lang", {}),
        "examples": examples,
        "merged_into": topic.merged_into,
    }


def listing(
    store: TopicStore,
    read_post: Callable[[str], object | None],
    since: datetime | None = None,
    status: str | None = None,
    limit: int = 50,
) -> list[dict]:
    """Live topics (or those of one status), seen since `since`, emerging and growing first."""
    chosen = [
        t
        for t in store.topics().values()
        if (t.status == status if status else t.live) and (since is None or t.last_seen >= ts(since))
    ]
    chosen.sort(key=lambda t: (_STATUS_ORDER.get(t.status, 9), -t.growth, -t.size, t.topic_id))
    return [summary(t, store, read_post) for t in chosen[:limit]]


def detail(store: TopicStore, topic_id: str, read_post: Callable[[str], object | None]) -> dict | None:
    """One topic with its hourly and daily volume series and its lineage; None if unknown."""
    topic = store.topics().get(topic_id)
    if topic is None:
        return None
    hourly = store.volume(topic_id)
    daily: dict[str, int] = {}
    for hour, count in hourly:
        daily[hour[:10]] = daily.get(hour[:10], 0) + count
    return {
        **summary(topic, store, read_post),
        "volume": {
            "hourly": [{"hour": h, "count": c} for h, c in hourly],
            "daily": [{"day": d, "count": c} for d, c in sorted(daily.items())],
        },
        "lineage": store.lineage(topic_id),
    }
