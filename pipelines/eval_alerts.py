"""`oncowatch eval alerts`: the alert rules on a stream with planted spikes (`sample --inject-spikes`).

The stream goes through the real pipeline into a temporary store; topics are refreshed; then the
rules step through event time twice: as live checks, one after every 6 hours of event time (each
sees only the ticks its posts have passed), and, after forgetting everything, as one backfill.
Both must raise the same alerts.

Scoring, per spike rule (its category):
- each planted spike's *measured multiplier* is what it made of the series the rules see: (its
  posts labelled with its category + the baseline) over the baseline, the median count of the
  series in the same hours of the 7 days before (at least half a post); the
  goal counts spikes measured at 3x or more (`planted_3x`, `found_3x`, `within_one_interval_3x`);
- a planted spike of that category is *found* by a spike alert of the category on its platform
  (or overall) whose window overlaps the spike's [start, end + one interval); its *delay* is from
  the spike's start to the first such alert's tick; *within one interval* when that is at most the
  rules' interval;
- an alert matching no planted spike is *false*, unless it is about a planted story (the sample's
  growing rumour and scam burst are real spikes; the truth file lists them as stories): 30% of its
  posts are story posts, or it falls in the active window (+1 day) of a story of its category.
  Those are counted apart, as `on_stories`;
- false alerts per simulated week = false / (days of the stream / 7).
Privacy: every post the store labels `privacy_leak` must be in a privacy alert; also reported is how
many of the posts written as leaks (`truth_category`) the classifier labelled and alerted.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from analysis.alerts import AlertRules, format_duration
from indexing.alerts import AlertStore, parse_iso
from pipelines.config import PipelineConfig

LIVE_SLICE = timedelta(hours=6)
#: An alert whose posts are at least this share a planted story's is about that story.
STORY_SHARE = 0.3


def _share(post_ids: list[str], among: set[str]) -> float:
    return sum(p in among for p in post_ids) / len(post_ids) if post_ids else 0.0


def read_truth(path: Path) -> dict[str, Any]:
    """The truth file; ValueError when it is not one."""
    try:
        truth = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a truth file: {exc}") from exc
    if not isinstance(truth, dict) or not isinstance(truth.get("spikes"), list):
        raise ValueError(
            f"{path}: not a truth file (no 'spikes' list); see `oncowatch sample --inject-spikes`"
        )
    return truth


def evaluate_alerts(
    stream: Path,
    truth_path: Path,
    rules: AlertRules,
    cfg: PipelineConfig,
    keep: str | None = None,
    progress: Callable[[str], None] | None = None,
    labels: str = "classifier",
) -> dict[str, Any]:
    """Ingest, refresh topics, check live and as a backfill, score (see the module docstring).

    `labels="truth"` runs the rules on a copy of the store whose labels are the stream's
    `truth_category` (the rules measured apart from the classifier's mistakes)."""
    if labels not in ("classifier", "truth"):
        raise ValueError(f"labels must be 'classifier' or 'truth', not {labels!r}")
    from indexing.factory import open_store
    from pipelines import ingest
    from pipelines.alerts import check, examples_from, tick_floor
    from pipelines.topics import open_topics, refresh

    truth = read_truth(truth_path)
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="oncowatch-eval-alerts-"))
    folder.mkdir(parents=True, exist_ok=True)
    cfg = replace(
        cfg, store=replace(cfg.store, path=folder / "oncowatch.sqlite", vectors_dir=folder / "vectors")
    )
    if keep and (folder / "oncowatch.sqlite").exists():
        # A store kept by an earlier run of the same stream: only the checks are redone.
        with AlertStore(cfg.store.path) as kept:
            written = kept.query("SELECT count(*) FROM posts")[0][0]
    else:
        if progress:
            progress(f"eval alerts: ingesting {stream} into {folder}")
        written = ingest.run([str(stream)], cfg).written
        with open_topics(cfg) as topics:
            refresh(topics, include_partial=True)
    if labels == "truth":
        cfg = replace(cfg, store=replace(cfg.store, path=_with_truth_labels(cfg.store.path)))
    store = open_store(cfg.store.backend, cfg.store.path)
    alerts = AlertStore(cfg.store.path)
    try:
        alerts.reset()  # a kept store holds the alerts of an earlier run
        read = examples_from(store)
        newest = parse_iso(alerts.query("SELECT max(created_at) FROM posts")[0][0])
        oldest = parse_iso(alerts.query("SELECT min(created_at) FROM posts")[0][0])
        cut = tick_floor(oldest, LIVE_SLICE) + LIVE_SLICE
        while cut <= newest + LIVE_SLICE:
            check(alerts, rules, read, until=min(cut, newest), backfilled=False)
            cut += LIVE_SLICE
        live = _signature(alerts)
        if progress:
            progress(f"eval alerts: {len(live)} alerts live; now as one backfill")
        alerts.reset()
        check(alerts, rules, read, backfilled=True)
        backfill = _signature(alerts)
        report = score(alerts, truth, rules, newest - oldest)
        report["posts_stored"] = written
        report["backfill_identical_to_live"] = live == backfill
        report["alerts_differing"] = sorted(set(live) ^ set(backfill))[:20]
        report["rules"] = report.pop("per_rule")
        report["store"] = str(folder) if keep else None
        report["labels"] = labels
    finally:
        alerts.close()
        store.close()
        if not keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    return report


def _with_truth_labels(path: Path) -> Path:
    """A copy of the store beside it whose posts carry their `truth_category` as their only label."""
    import sqlite3

    target = path.with_name("truth-labels.sqlite")
    target.unlink(missing_ok=True)
    source, copy = sqlite3.connect(path), sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute(
            "UPDATE posts SET labels = json_array(json_extract(doc, '$.extra.truth_category')), "
            "primary_label = json_extract(doc, '$.extra.truth_category') "
            "WHERE json_extract(doc, '$.extra.truth_category') IS NOT NULL"
        )
        copy.commit()
    finally:
        source.close()
        copy.close()
    return target


def _signature(alerts: AlertStore) -> dict[str, tuple]:
    """Spike and growth alerts as raised, and the set of leaks alerted (privacy alerts group the
    leaks each check finds, so live checks group them by check, a backfill by tick)."""
    rows = alerts.query(
        "SELECT alert_id, kind, severity, window_start, window_end, observed, post_ids FROM alerts "
        "WHERE kind != 'privacy'"
    )
    signature: dict[str, tuple] = {row[0]: tuple(row[1:]) for row in rows}
    signature["leaks alerted"] = tuple(
        sorted(p for (p,) in alerts.query("SELECT post_id FROM alert_privacy"))
    )
    return signature


def _measured_multiplier(alerts: AlertStore, extras: dict[str, dict], spike: dict[str, Any]) -> float | None:
    """What the spike made of the series an alert rule sees: (its posts labelled with its category
    + the baseline) over the baseline, where the baseline is the median count of the series' posts
    in the same hours of the 7 days before (the window itself is too small a sample of it)."""

    def labelled(start: datetime, end: datetime) -> list[str]:
        sql = (
            "SELECT p.post_id FROM posts p JOIN post_labels l ON l.post_rowid = p.id WHERE l.label = ? "
            "AND p.created_at >= ? AND p.created_at < ?"
        )
        params: list[Any] = [spike["category"], _stored(start), _stored(end)]
        if spike.get("platform"):
            sql += " AND p.platform = ?"
            params.append(spike["platform"])
        return [pid for (pid,) in alerts.query(sql, params)]

    start, end = parse_iso(spike["start"]), parse_iso(spike["end"])
    planted = sum(1 for pid in labelled(start, end) if extras.get(pid, {}).get("spike") is not None)
    before = [
        sum(
            1
            for pid in labelled(start - timedelta(days=k), end - timedelta(days=k))
            if "spike" not in extras.get(pid, {})
        )
        for k in range(1, 8)
    ]
    baseline = max(statistics.median(before), 0.5)  # a series that is empty there: half a post
    return round((planted + baseline) / baseline, 2)


def _stored(moment: datetime) -> str:
    from indexing.topics import ts

    return ts(moment)


def score(alerts: AlertStore, truth: dict[str, Any], rules: AlertRules, span: timedelta) -> dict[str, Any]:
    """Precision, recall, delays per spike rule; privacy coverage (see the module docstring)."""
    weeks = max(span / timedelta(days=7), 1e-9)
    raised = alerts.list(limit=1_000_000)
    extras = {
        pid: json.loads(doc).get("extra", {}) for pid, doc in alerts.query("SELECT post_id, doc FROM posts")
    }
    story_posts = {pid for pid, extra in extras.items() if extra.get("story")}
    per_rule: dict[str, Any] = {}
    for rule in rules.spikes:
        planted = [s for s in truth["spikes"] if s["category"] == rule.category]
        stories = [s for s in truth.get("stories", []) if s.get("category") == rule.category]
        mine = [a for a in raised if a["kind"] == "spike" and a.get("category") == rule.category]
        matched: set[str] = set()
        delays: list[float] = []
        found = within = 0
        spikes_seen: list[dict[str, Any]] = []
        for spike in planted:
            start, end = parse_iso(spike["start"]), parse_iso(spike["end"]) + rules.interval
            measured = _measured_multiplier(alerts, extras, spike)
            hits = [
                a
                for a in mine
                if (a.get("platform") in (None, spike.get("platform")) or spike.get("platform") is None)
                and parse_iso(a["window_start"]) < end
                and parse_iso(a["window_end"]) > start
            ]
            matched.update(a["alert_id"] for a in hits)
            delay = None
            if hits:
                found += 1
                delay = round((min(parse_iso(a["created_at"]) for a in hits) - start) / timedelta(hours=1), 2)
                delays.append(delay)
                within += delay <= rules.interval / timedelta(hours=1)
            spikes_seen.append(
                {
                    "id": spike["id"],
                    "platform": spike.get("platform"),
                    "start": spike["start"],
                    "planted_multiplier": spike["multiplier"],
                    "measured_multiplier": measured,
                    "found": bool(hits),
                    "delay_h": delay,
                }
            )
        on_stories = {
            a["alert_id"]
            for a in mine
            if a["alert_id"] not in matched
            and (
                _share(a["post_ids"], story_posts) >= STORY_SHARE
                or any(
                    parse_iso(a["window_start"]) < parse_iso(s["end"]) + timedelta(days=1)
                    and parse_iso(a["window_end"]) > parse_iso(s["start"])
                    for s in stories
                )
            )
        }
        false = [a for a in mine if a["alert_id"] not in matched and a["alert_id"] not in on_stories]
        per_rule[rule.name] = {
            "category": rule.category,
            "planted": len(planted),
            "found": found,
            "recall": round(found / len(planted), 3) if planted else None,
            "within_one_interval": within,
            "delays_h": delays,
            "spikes": spikes_seen,
            "planted_3x": sum(1 for x in spikes_seen if (x["measured_multiplier"] or 0) >= 3),
            "found_3x": sum(1 for x in spikes_seen if x["found"] and (x["measured_multiplier"] or 0) >= 3),
            "within_one_interval_3x": sum(
                1
                for x in spikes_seen
                if x["found"]
                and (x["measured_multiplier"] or 0) >= 3
                and x["delay_h"] <= rules.interval / timedelta(hours=1)
            ),
            "median_delay_h": statistics.median(delays) if delays else None,
            "alerts": len(mine),
            "true_alerts": len(matched),
            "on_stories": len(on_stories),
            "false": len(false),
            "false_per_week": round(len(false) / weeks, 2),
            "precision": round(len(matched) / (len(matched) + len(false)), 3) if matched or false else None,
            "false_alerts": [
                {k: a.get(k) for k in ("alert_id", "platform", "window_start", "observed", "expected")}
                for a in false[:10]
            ],
        }
    labelled = {pid for (pid,) in alerts.query(
        "SELECT p.post_id FROM posts p JOIN post_labels l ON l.post_rowid = p.id "
        "WHERE l.label = 'privacy_leak'"
    )}  # fmt: skip
    alerted = {pid for (pid,) in alerts.query("SELECT post_id FROM alert_privacy")}
    written = {pid for pid, extra in extras.items() if extra.get("truth_category") == "privacy_leak"}
    return {
        "interval": format_duration(rules.interval),
        "weeks": round(weeks, 2),
        "per_rule": per_rule,
        "growth_alerts": sum(1 for a in raised if a["kind"] == "growth"),
        "privacy": {
            "labelled": len(labelled),
            "alerted": len(labelled & alerted),
            "all_alerted": labelled <= alerted,
            "written_as_leaks": len(written),
            "written_labelled": len(written & labelled),
            "written_alerted": len(written & alerted),
        },
        "alerts_total": len(raised),
        "by_kind": {k: sum(1 for a in raised if a["kind"] == k) for k in ("spike", "growth", "privacy")},
        "checked_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
