"""Evaluate the alert rules (`analysis.alerts`) over event time, tick by tick, and store the alerts.

A tick is a boundary of event time aligned to the rules' interval (1 h by default). At tick t the
rules read what the store holds with created_at before t:
- spikes: hourly counts of each spike rule's category, overall and per platform, over the
  `baseline_days` before t (the history) and the longest window (what is tested);
- growth: posts per topic (members that had joined by t) and per family of near-copies in the
  last window and the day before it;
- privacy: every privacy_leak post created before t that no alert holds yet; and, at the end of
  every check, every one up to the newest post (a leak is alerted soon, not at the next tick).
Ticks are evaluated once, in order, from the frontier (the last tick evaluated) to the last tick
the stored posts have passed: a live check after each micro-batch and a backfill of the same posts
step through the same ticks with the same counts, so they raise the same alerts with the same
ids (privacy alerts may group the same leaks differently: by check live, by tick in a backfill). A
post that arrives after its hour was evaluated still gets its privacy alert but no longer counts
towards that hour's spike. `backfilled` marks alerts raised by a
backfill; those are not delivered unless asked.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from analysis import alerts as rules_mod
from analysis.alerts import AlertRules, Episode, Verdict, decide, epoch_hour, severity
from indexing.alerts import AlertStore, iso, parse_iso
from indexing.topics import ts as store_ts

log = logging.getLogger(__name__)

_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)
ALL = "*"


@dataclass
class CheckReport:
    """What one check did."""

    ticks: int = 0
    first_tick: str | None = None
    last_tick: str | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)
    skipped_ticks: int = 0
    elapsed_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        by_kind = Counter(a["kind"] for a in self.alerts)
        return {
            "ticks": self.ticks,
            "first_tick": self.first_tick,
            "last_tick": self.last_tick,
            "new_alerts": len(self.alerts),
            "by_kind": dict(sorted(by_kind.items())),
            "alert_ids": [a["alert_id"] for a in self.alerts],
            "elapsed_s": round(self.elapsed_s, 2),
        }

    def line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(Counter(a["kind"] for a in self.alerts).items()))
        span = f" ({self.first_tick} .. {self.last_tick})" if self.ticks else ""
        return f"alerts: {self.ticks} ticks{span}, {len(self.alerts)} new{': ' + kinds if kinds else ''}"


def tick_floor(moment: datetime, interval: timedelta) -> datetime:
    """The tick at or before `moment` (ticks are multiples of the interval since the epoch)."""
    step = interval.total_seconds()
    return datetime.fromtimestamp(np.floor(moment.timestamp() / step) * step, tz=UTC)


class _Series:
    """Hourly counts of each (category, platform) and of all posts, over a span of epoch hours."""

    def __init__(self, store: AlertStore, categories: Sequence[str], start: datetime, end: datetime) -> None:
        self.h0 = epoch_hour(start)
        self.size = max(0, epoch_hour(end) - self.h0)
        self.total = np.zeros(self.size)
        self.series: dict[tuple[str, str], np.ndarray] = {}
        lo, hi = store_ts(start), store_ts(end)
        for hour, n in store.query(
            "SELECT substr(created_at, 1, 13), count(*) FROM posts WHERE created_at >= ? AND created_at < ? "
            "GROUP BY 1",
            [lo, hi],
        ):
            self.total[self._index(hour)] += n
        if not categories:
            return
        marks = ",".join("?" * len(categories))
        rows = store.query(
            "SELECT substr(p.created_at, 1, 13), p.platform, l.label, count(*) FROM posts p "  # noqa: S608
            f"JOIN post_labels l ON l.post_rowid = p.id WHERE l.label IN ({marks}) "
            "AND p.created_at >= ? AND p.created_at < ? GROUP BY 1, 2, 3",
            [*categories, lo, hi],
        )
        for hour, platform, label, n in rows:
            i = self._index(hour)
            for key in ((label, platform), (label, ALL)):
                self.series.setdefault(key, np.zeros(self.size))[i] += n

    def _index(self, hour: str) -> int:
        moment = datetime.fromisoformat(hour + ":00:00+00:00")
        return epoch_hour(moment) - self.h0

    def window(self, key: tuple[str, str] | None, end_hour: int, hours: int) -> tuple[np.ndarray, np.ndarray]:
        """Counts and epoch hours of [end_hour - hours, end_hour) (zeros outside the loaded span)."""
        epoch = np.arange(end_hour - hours, end_hour)
        values = self.total if key is None else self.series.get(key)
        out = np.zeros(hours)
        if values is not None:
            idx = epoch - self.h0
            ok = (idx >= 0) & (idx < self.size)
            out[ok] = values[idx[ok]]
        return out, epoch

    def platforms(self, category: str) -> list[str]:
        return sorted(p for c, p in self.series if c == category and p != ALL)


class _Checker:
    """Steps the rules through ticks; holds the episodes between ticks."""

    def __init__(
        self,
        store: AlertStore,
        rules: AlertRules,
        backfilled: bool,
        read_examples: Callable[[Sequence[str]], list[dict[str, Any]]],
    ) -> None:
        self.store = store
        self.rules = rules
        self.backfilled = backfilled
        self.read_examples = read_examples
        self.episodes: dict[str, Episode] = store.episodes()
        oldest = store.query("SELECT min(created_at) FROM posts")[0][0]
        self.oldest = parse_iso(oldest) if oldest else datetime.max.replace(tzinfo=UTC)

    # ---- one tick ------------------------------------------------------------------------------

    def tick(self, now: datetime, series: _Series, clusters: _Clusters) -> list[dict[str, Any]]:
        self.changed: dict[str, Episode] = {}
        alerts: list[dict[str, Any]] = []
        for rule in self.rules.spikes:
            if rule.enabled:
                alerts += self._spikes(rule, now, series)
        if self.rules.growth.enabled:
            alerts += self._growth(now, clusters)
        if self.rules.privacy.enabled:
            alerts += self._privacy(now)
        return alerts

    def _fire(self, key: str, now: datetime, test: Verdict) -> tuple[Episode, str | None] | None:
        """The episode of a key that fires now, and the alert it escalates, or None when it only
        keeps its open episode alive (same or lower severity: no new alert, the cooldown restarts)."""
        previous = self.episodes.get(key)
        decision = decide(previous, key, now, severity(test), self.rules.cooldown)
        if decision is None:
            if previous is not None:
                kept = Episode(key, previous.started, now, previous.severity, previous.alert_id)
                self.episodes[key] = self.changed[key] = kept
            return None
        what, episode = decision
        self.episodes[key] = self.changed[key] = episode
        return episode, (previous.alert_id if what == "escalate" and previous else None)

    def _spikes(self, rule: rules_mod.SpikeRule, now: datetime, series: _Series) -> list[dict[str, Any]]:
        out = []
        end = epoch_hour(now)
        longest = max(_hours(w) for w in rule.windows)
        history_hours = self.rules.baseline_days * 24
        stream_hist, stream_hours = series.window(None, end - longest, history_hours)
        first = np.flatnonzero(stream_hist)
        if first.size == 0 or (history_hours - first[0]) < self.rules.min_history_days * 24:
            return out  # not enough history for a baseline yet
        stream_profiles = rules_mod.profiles(stream_hist[first[0] :], stream_hours[first[0] :])
        platforms = [ALL] + (series.platforms(rule.category) if rule.per_platform else [])
        for platform in platforms:
            key = (rule.category, platform)
            hist, hours = series.window(key, end - longest, history_hours)
            hist, hours = hist[first[0] :], hours[first[0] :]
            recent, recent_hours = series.window(key, end, longest)
            if recent.sum() < rule.min_count:
                continue
            mu, overdispersion = rules_mod.expected(hist, hours, recent_hours, stream_profiles)
            test = rules_mod.spike_test(rule, recent, mu, overdispersion)
            if test is None:
                continue
            fired = self._fire(f"spike:{rule.name}:{platform}", now, test)
            if fired is None:
                continue
            episode, escalates = fired
            start = now - test.window
            post_ids = self._posts_in(rule.category, None if platform == ALL else platform, start, now)
            out.append(
                self._alert(
                    episode, rule.name, "spike", test, start, now, post_ids, escalates=escalates,
                    category=rule.category, platform=None if platform == ALL else platform,
                )
            )  # fmt: skip
        return out

    def _growth(self, now: datetime, clusters: _Clusters) -> list[dict[str, Any]]:
        rule = self.rules.growth
        out: list[dict[str, Any]] = []
        start = now - rule.window
        if start - _DAY < self.oldest:
            return out  # the stream's first day: every cluster is new, none has a past to outgrow
        growing: set[str] = set()  # posts of the topics growing now
        for key, topic_id, family, recent, previous in clusters.at(now, rule.window):
            test = rules_mod.growth_test(rule, len(recent), previous)
            if test is None:
                continue
            if family is not None and sum(p in growing for p in recent) * 2 >= len(recent):
                continue  # a family inside a growing topic: the topic's alert speaks for it
            if topic_id is not None:
                growing.update(recent)
            fired = self._fire(f"growth:{key}", now, test)
            if fired is None:
                continue
            episode, escalates = fired
            categories = Counter(clusters.primary[p] for p in recent)
            out.append(
                self._alert(
                    episode, rule.name, "growth", test, start, now, sorted(recent), escalates=escalates,
                    category=categories.most_common(1)[0][0] if categories else None,
                    topic_id=topic_id, family=family,
                )
            )  # fmt: skip
        return out

    def _privacy(self, now: datetime) -> list[dict[str, Any]]:
        rule = self.rules.privacy
        rows = self.store.query(
            "SELECT p.post_id, p.created_at FROM posts p JOIN post_labels l ON l.post_rowid = p.id "
            "WHERE l.label = 'privacy_leak' AND p.created_at < ? "
            "AND p.post_id NOT IN (SELECT post_id FROM alert_privacy) ORDER BY p.created_at, p.post_id",
            [store_ts(now)],
        )
        if not rows:
            return []
        groups = [[row] for row in rows] if len(rows) <= rule.digest_at else [rows]
        out = []
        for group in groups:
            post_ids = [post_id for post_id, _ in group]
            first = parse_iso(group[0][1])
            test = Verdict(len(post_ids), 0.0, 0.0, now - first)
            alert_id = rules_mod.privacy_alert_id(post_ids)
            episode = Episode("privacy", first, now, "high", alert_id)
            alert = self._alert(
                episode, rule.name, "privacy", test, min(first, now - self.rules.interval), now, post_ids
            )
            alert["severity"] = "critical" if len(post_ids) > 1 else "high"
            out.append(alert)
        return out

    # ---- building an alert ---------------------------------------------------------------------

    def _posts_in(self, category: str, platform: str | None, start: datetime, end: datetime) -> list[str]:
        sql = (
            "SELECT p.post_id FROM posts p JOIN post_labels l ON l.post_rowid = p.id WHERE l.label = ? "
            "AND p.created_at >= ? AND p.created_at < ?"
        )
        params: list[Any] = [category, store_ts(start), store_ts(end)]
        if platform is not None:
            sql += " AND p.platform = ?"
            params.append(platform)
        return [post_id for (post_id,) in self.store.query(sql + " ORDER BY p.created_at, p.post_id", params)]

    def _alert(
        self,
        episode: Episode,
        rule: str,
        kind: str,
        test: Verdict,
        start: datetime,
        end: datetime,
        post_ids: Sequence[str],
        **about: Any,
    ) -> dict[str, Any]:
        """The alert's JSON shape; `about`: category, platform, topic_id, family, escalates (if any)."""
        return {
            "alert_id": episode.alert_id,
            "rule": rule,
            "kind": kind,
            **{k: v for k, v in about.items() if v is not None},
            "window_start": iso(start),
            "window_end": iso(end),
            "observed": int(test.observed),
            "expected": round(float(test.expected), 2),
            "severity": episode.severity,
            "p_value": float(f"{test.p_value:.3g}"),
            "created_at": iso(end),
            "raised_at": iso(datetime.now(UTC)),
            "post_ids": list(post_ids),
            "examples": self.read_examples(list(post_ids)[-self.rules.examples * 4 :])[: self.rules.examples],
            "backfilled": self.backfilled,
        }


class _Clusters:
    """Posts per topic (joined by the tick) and per family of near-copies, over the checked span."""

    def __init__(
        self, store: AlertStore, start: datetime, end: datetime, topics: bool, families: bool
    ) -> None:
        lo, hi = store_ts(start), store_ts(end)
        self.primary: dict[str, str] = {}
        self.members: list[tuple[str, str, str | None, str | None]] = []  # created, post, topic, joined
        self.families: list[tuple[str, str, str]] = []  # created, post, near_key
        rows = store.query(
            "SELECT post_id, created_at, primary_label, near_key FROM posts "
            "WHERE created_at >= ? AND created_at < ?",
            [lo, hi],
        )
        for post_id, created, primary, near_key in rows:
            self.primary[post_id] = primary
            if families:
                self.families.append((created, post_id, near_key))
        if topics and store.query("SELECT name FROM sqlite_master WHERE name = 'topic_members'"):
            self.members = store.query(
                "SELECT created_at, post_id, topic_id, joined FROM topic_members "
                "WHERE topic_id IS NOT NULL AND created_at >= ? AND created_at < ?",
                [lo, hi],
            )
        self.members.sort()
        self.families.sort()
        self._member_times = [m[0] for m in self.members]
        self._family_times = [f[0] for f in self.families]

    def at(self, now: datetime, window: timedelta):
        """(key, topic_id, family, recent post_ids, count the day before) of every cluster active now."""
        import bisect

        end, start, before = store_ts(now), store_ts(now - window), store_ts(now - window - _DAY)
        by_topic: dict[str, list[str]] = defaultdict(list)
        previous: Counter[str] = Counter()
        lo = bisect.bisect_left(self._member_times, before)
        hi = bisect.bisect_left(self._member_times, end)
        for created, post_id, topic_id, joined in self.members[lo:hi]:
            if joined is None or joined > end:
                continue  # not in its topic yet at this tick
            if created >= start:
                by_topic[topic_id].append(post_id)
            else:
                previous[topic_id] += 1
        for topic_id, posts in sorted(by_topic.items()):
            yield f"topic:{topic_id}", topic_id, None, posts, previous[topic_id]
        by_family: dict[str, list[str]] = defaultdict(list)
        earlier: Counter[str] = Counter()
        lo = bisect.bisect_left(self._family_times, before)
        hi = bisect.bisect_left(self._family_times, end)
        for created, post_id, near_key in self.families[lo:hi]:
            if created >= start:
                by_family[near_key].append(post_id)
            else:
                earlier[near_key] += 1
        for near_key, posts in sorted(by_family.items()):
            if len(posts) > 1:
                yield f"family:{near_key}", None, near_key, posts, earlier[near_key]


def check(
    store: AlertStore,
    rules: AlertRules,
    read_examples: Callable[[Sequence[str]], list[dict[str, Any]]],
    until: datetime | None = None,
    backfilled: bool = False,
    progress: Callable[[str], None] | None = None,
) -> CheckReport:
    """Evaluate every tick after the frontier up to the last one the stored posts have passed
    (or `until`); store the alerts and return the new ones."""
    started = time.perf_counter()
    report = CheckReport()
    newest = store.query("SELECT max(created_at), min(created_at) FROM posts")
    if not newest or newest[0][0] is None:
        return report
    latest, oldest = parse_iso(newest[0][0]), parse_iso(newest[0][1])
    interval = rules.interval
    last = tick_floor(min(latest, until) if until else latest, interval)
    frontier = store.frontier()
    first = frontier + interval if frontier else tick_floor(oldest, interval) + interval
    checker = _Checker(store, rules, backfilled, read_examples)
    if last < first:
        report.alerts += _leaks_now(store, checker, min(latest, until) if until else latest)
        report.elapsed_s = time.perf_counter() - started
        return report
    categories = sorted({r.category for r in rules.spikes if r.enabled})
    longest = max((_hours(w) for r in rules.spikes for w in r.windows), default=1)
    reach = timedelta(days=rules.baseline_days) + timedelta(hours=longest)
    growth_reach = rules.growth.window + _DAY
    chunk = timedelta(days=7)
    report.first_tick = iso(first)
    tick = first
    while tick <= last:
        chunk_end = min(tick + chunk, last + interval)
        series = _Series(store, categories, tick - reach - interval, chunk_end)
        clusters = _Clusters(
            store, tick - growth_reach - interval, chunk_end, rules.growth.topics, rules.growth.families
        )
        while tick < chunk_end:
            alerts = checker.tick(tick, series, clusters)
            new = set(store.save_tick(tick, alerts, checker.changed.values()))
            report.alerts += [a for a in alerts if a["alert_id"] in new]
            report.ticks += 1
            report.last_tick = iso(tick)
            tick += interval
        if progress:
            progress(f"alerts: through {iso(tick - interval)}, {len(report.alerts)} new")
    report.alerts += _leaks_now(store, checker, min(latest, until) if until else latest)
    report.elapsed_s = time.perf_counter() - started
    log.info(report.line())
    return report


def _leaks_now(store: AlertStore, checker: _Checker, newest: datetime) -> list[dict[str, Any]]:
    """Privacy leaks are alerted soon, not at the next tick: every leak up to the newest post that
    no alert holds yet (the frontier stays; spikes and growth wait for their tick)."""
    if not checker.rules.privacy.enabled:
        return []
    alerts = checker._privacy(newest + timedelta(microseconds=1))
    new = set(store.save_alerts(alerts))
    return [a for a in alerts if a["alert_id"] in new]


def examples_from(store: Any) -> Callable[[Sequence[str]], list[dict[str, Any]]]:
    """What alerts show of their posts: redacted text, platform, time; newest first."""

    def read(post_ids: Sequence[str]) -> list[dict[str, Any]]:
        posts = [p for p in (store.get_post(pid) for pid in post_ids) if p is not None]
        posts.sort(key=lambda p: (p.created_at, p.post_id), reverse=True)
        return [
            {
                "post_id": p.post_id,
                "platform": p.platform,
                "created_at": iso(p.created_at),
                "redacted_text": p.redacted_text,
            }
            for p in posts
        ]

    return read


def check_store(
    cfg: Any,
    rules: AlertRules,
    until: datetime | None = None,
    backfilled: bool = False,
    progress: Callable[[str], None] | None = None,
) -> CheckReport:
    """`check` on the configured store (the embedded SQLite store keeps alert state in its file)."""
    if cfg.store.backend != "sqlite":
        raise ValueError(f"alerts are kept in the SQLite store; backend {cfg.store.backend!r} has none yet")
    store = cfg.store.open()
    try:
        with AlertStore(cfg.store.path, cfg.store.busy_timeout_ms) as alerts:
            read = examples_from(store)
            return check(alerts, rules, read, until=until, backfilled=backfilled, progress=progress)
    finally:
        store.close()


def _hours(window: timedelta) -> int:
    return max(1, int(window / _HOUR))
