"""Alerts: the seasonal model, the rules file, episodes, and the checks on a real SQLite store.

The store is filled with posts written straight into it (labels as the classifier would give them),
so that the counts the rules read are exactly known: a daily rhythm of background posts, planted
spikes, families of near-copies and privacy leaks.
"""

from __future__ import annotations

import json
import math
import tomllib
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from analysis import alerts as model
from analysis.alerts import AlertRules, SpikeRule, Verdict, decide, epoch_hour
from indexing import SQLiteStore
from indexing.alerts import AlertStore
from oncowatch.cli import main
from pipelines.alerts import check
from schemas import EnrichedPost

T0 = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday
DAYS = 14
#: Background posts per hour of the day (a daily rhythm: quiet nights, busy evenings).
RHYTHM = [1, 1, 0.5, 0.5, 0.5, 1, 2, 3, 4, 4, 4, 4, 5, 5, 4, 4, 5, 6, 7, 7, 6, 4, 3, 2]


def post(n: str, at: datetime, labels: list[str], platform: str = "x", text: str = "", near_key: str = "") -> EnrichedPost:
    return EnrichedPost(
        post_id=f"{platform}:{n}", platform=platform, platform_post_id=n, created_at=at, ingested_at=at,
        redacted_text=text or f"post {n}", content_hash=f"c{n}", near_key=near_key or f"k{n}",
        labels=labels, primary=labels[0], embedding_model="m", classifier_version="clf",
    )  # fmt: skip


def background(rng: np.random.Generator, days: int = DAYS) -> list[EnrichedPost]:
    """miracle_cure on x and facebook with the daily rhythm, and peer_support beside them."""
    posts = []
    for hour in range(days * 24):
        start = T0 + timedelta(hours=hour)
        for category, platform, scale in (
            ("miracle_cure", "x", 0.6),
            ("miracle_cure", "facebook", 0.4),
            ("peer_support", "reddit", 1.5),
        ):
            for k in range(rng.poisson(RHYTHM[hour % 24] * scale)):
                at = start + timedelta(seconds=int(rng.integers(3600)))
                posts.append(post(f"b{hour}-{category[:3]}-{platform}-{k}", at, [category], platform))
    return posts


def planted(hour: int, count: int, category: str = "miracle_cure", platform: str = "x", tag: str = "s") -> list[EnrichedPost]:
    start = T0 + timedelta(hours=hour)
    return [
        post(f"{tag}{hour}-{k}", start + timedelta(seconds=3600 * k // count), [category], platform)
        for k in range(count)
    ]


def make_store(path: Path, posts: list[EnrichedPost]) -> Path:
    with SQLiteStore(path) as store:
        store.upsert_posts(posts)
    return path


def no_examples(post_ids):
    return [{"post_id": p, "platform": "x", "created_at": "", "redacted_text": "redacted"} for p in post_ids]


RULES = AlertRules(spikes=(SpikeRule("miracle-cure-spike", "miracle_cure"),), baseline_days=14)


# -- the model -----------------------------------------------------------------------------------


def test_the_seasonal_expectation_follows_the_series_rhythm():
    rng = np.random.default_rng(1)
    hours = np.arange(epoch_hour(T0), epoch_hour(T0) + 21 * 24)
    truth = np.array([RHYTHM[h % 24] for h in range(21 * 24)], dtype=float) * 2
    counts = rng.poisson(truth)
    target = np.arange(hours[-1] + 1, hours[-1] + 25)
    mu, overdispersion = model.expected(counts, hours, target)
    want = np.array([RHYTHM[(h - hours[0]) % 24] for h in target]) * 2
    assert np.abs(mu - want).sum() / want.sum() < 0.12  # within 12% over the day
    assert mu[20 - (target[0] - hours[0]) % 24] > 3 * mu[3 - (target[0] - hours[0]) % 24]  # evening >> night
    assert overdispersion < 0.05  # Poisson counts: no overdispersion to speak of


def test_a_past_spike_does_not_raise_the_bar():
    rng = np.random.default_rng(2)
    hours = np.arange(0, 14 * 24)
    counts = rng.poisson(3.0, size=hours.size)
    clean, _ = model.expected(counts, hours, np.array([14 * 24]))
    counts[100:104] += 60  # a past spike
    spiked, _ = model.expected(counts, hours, np.array([14 * 24]))
    assert spiked[0] == pytest.approx(clean[0], rel=0.1)


def test_spike_test_needs_an_improbable_count_a_minimum_and_a_ratio():
    rule = SpikeRule("r", "miracle_cure", windows=(timedelta(hours=1), timedelta(hours=3)))
    mu = np.full(6, 4.0)
    assert model.spike_test(rule, np.array([4, 5, 3, 4, 4, 5]), mu, 0.0) is None  # ordinary
    hit = model.spike_test(rule, np.array([4, 5, 3, 14, 15, 16]), mu, 0.0)
    assert hit is not None and hit.window == timedelta(hours=3) and hit.observed == 45
    assert hit.p_value < 1e-4 and hit.expected == pytest.approx(12.0)
    tiny = np.full(6, 0.1)
    assert model.spike_test(rule, np.array([0, 0, 0, 0, 0, 4]), tiny, 0.0) is None  # below min_count
    # Overdispersion widens the tail: the same count is less surprising.
    assert model.upper_tail(20, 10.0, 0.5, 100.0) > model.upper_tail(20, 10.0, 0.0, 100.0)


def test_severity_classes():
    assert model.severity(Verdict(25, 10, 1e-5, timedelta(hours=1))) == "low"
    assert model.severity(Verdict(40, 10, 1e-9, timedelta(hours=1))) == "medium"
    assert model.severity(Verdict(60, 10, 1e-9, timedelta(hours=1))) == "high"
    assert model.severity(Verdict(120, 10, 1e-30, timedelta(hours=1))) == "critical"


def test_cooldown_deduplicates_and_a_growing_spike_escalates():
    cooldown = timedelta(hours=6)
    first = decide(None, "k", T0, "low", cooldown)
    assert first is not None and first[0] == "new"
    episode = first[1]
    assert decide(episode, "k", T0 + timedelta(hours=1), "low", cooldown) is None  # same spike, same class
    up = decide(episode, "k", T0 + timedelta(hours=2), "high", cooldown)
    assert up is not None and up[0] == "escalate" and up[1].alert_id != episode.alert_id
    assert up[1].started == episode.started
    later = decide(up[1], "k", T0 + timedelta(hours=9), "low", cooldown)
    assert later is not None and later[0] == "new"  # the cooldown passed: a new episode
    # Ids depend on the key, the episode's start and the severity only: a replay raises the same.
    assert decide(None, "k", T0, "low", cooldown)[1].alert_id == episode.alert_id  # type: ignore[index]


# -- the rules file ------------------------------------------------------------------------------


def test_the_shipped_rules_file_is_the_default():
    text = (resources.files("oncowatch") / "alert_rules.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert AlertRules.from_mapping(data) == AlertRules.default()
    assert {r.category for r in AlertRules.default().spikes} == {"miracle_cure", "scam_ad"}
    again = AlertRules.from_mapping(AlertRules.default().to_mapping())
    assert again == AlertRules.default()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"spike": [{"category": "miracle_cures"}]}, "unknown category"),
        ({"interval": "soon"}, "not a duration"),
        ({"colour": "red"}, "unknown key"),
        ({"growth": {"window": "6h", "speed": 3}}, "unknown key"),
        ({"spike": [{"category": "scam_ad", "alpha": -1}]}, "non-negative"),
        ({"baseline_days": 2, "min_history_days": 3}, "baseline_days"),
    ],
)
def test_bad_rules_are_refused_with_the_key_named(data, message):
    with pytest.raises(ValueError, match=message):
        AlertRules.from_mapping(data)


def test_any_category_can_have_a_spike_rule():
    rules = AlertRules.from_mapping({"spike": [{"category": "emotional_distress", "per_platform": False}]})
    assert [(r.name, r.category, r.per_platform) for r in rules.spikes] == [
        ("emotional-distress-spike", "emotional_distress", False)
    ]


# -- checks on a store ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spiked(tmp_path_factory):
    """14 days of background; a 5x miracle_cure spike on x at day 10, 14:00-17:00."""
    rng = np.random.default_rng(7)
    spike_hour = 10 * 24 + 14
    extra = [p for h in range(3) for p in planted(spike_hour + h, 4 * math.ceil(RHYTHM[14] * 0.6) + 6)]
    return make_store(tmp_path_factory.mktemp("spiked") / "oncowatch.sqlite", background(rng) + extra), spike_hour


def test_a_planted_spike_raises_one_alert_and_the_background_none(spiked, tmp_path):
    path, spike_hour = spiked
    copy = tmp_path / "s.sqlite"
    copy.write_bytes(path.read_bytes())
    with AlertStore(copy) as alerts:
        report = check(alerts, RULES, no_examples)
        spikes = [a for a in report.alerts if a["kind"] == "spike"]
        start = T0 + timedelta(hours=spike_hour)
        on_time = [a for a in spikes if start < datetime.fromisoformat(a["created_at"].replace("Z", "+00:00")) <= start + timedelta(hours=1)]
        assert on_time, f"the spike was not found within an hour: {spikes}"
        assert {a.get("platform") for a in on_time} <= {None, "x"}
        assert all(a["category"] == "miracle_cure" and a["observed"] > a["expected"] for a in spikes)
        false = [a for a in spikes if abs(datetime.fromisoformat(a["created_at"].replace("Z", "+00:00")) - start) > timedelta(hours=8)]
        assert len(false) <= 1, f"false alarms on the background: {false}"
        # One alert per key and severity: the spike's later hours keep its episode, no repeats.
        keys = [(a.get("platform"), a["severity"]) for a in spikes]
        assert len(keys) == len(set(keys))
        for alert in on_time:
            assert set(alert) >= {"alert_id", "rule", "kind", "category", "window_start", "window_end", "observed",
                                  "expected", "severity", "created_at", "post_ids", "examples"}  # fmt: skip
            assert alert["post_ids"] and len(alert["examples"]) <= 3
        # A second check has nothing new to say; the frontier moved to the last complete tick.
        assert check(alerts, RULES, no_examples).alerts == []
        assert alerts.frontier() is not None


def test_live_checks_and_one_backfill_raise_the_same_alerts(spiked, tmp_path):
    path, _ = spiked
    copy = tmp_path / "s.sqlite"
    copy.write_bytes(path.read_bytes())
    with AlertStore(copy) as alerts:
        until = T0 + timedelta(hours=6)
        while until < T0 + timedelta(days=DAYS + 1):
            check(alerts, RULES, no_examples, until=until)
            until += timedelta(hours=5)
        live = {r[0]: r[1:] for r in alerts.query("SELECT alert_id, severity, window_start, observed, post_ids FROM alerts")}
        alerts.reset()
        report = check(alerts, RULES, no_examples, backfilled=True)
        backfill = {r[0]: r[1:] for r in alerts.query("SELECT alert_id, severity, window_start, observed, post_ids FROM alerts")}
        assert live and live == backfill
        assert all(a["backfilled"] for a in report.alerts)


def test_a_spike_that_keeps_growing_escalates_instead_of_repeating(tmp_path):
    rng = np.random.default_rng(3)
    hour = 9 * 24 + 13
    grow = planted(hour, 12) + planted(hour + 1, 30) + planted(hour + 2, 80)
    path = make_store(tmp_path / "g.sqlite", background(rng, 11) + grow)
    rules = AlertRules(
        spikes=(SpikeRule("mc", "miracle_cure", per_platform=False, windows=(timedelta(hours=1),)),), baseline_days=14
    )
    with AlertStore(path) as alerts:
        spikes = [a for a in check(alerts, rules, no_examples).alerts if a["kind"] == "spike"]
    near = sorted(
        (a for a in spikes if a["window_start"] >= (T0 + timedelta(hours=hour)).strftime("%Y-%m-%dT%H")),
        key=lambda a: a["created_at"],
    )
    assert len(near) >= 2, near
    levels = [model.SEVERITIES.index(a["severity"]) for a in near]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)  # each one a higher class
    for before, after in zip(near, near[1:], strict=False):
        assert after["escalates"] == before["alert_id"]


def test_every_privacy_leak_is_alerted_once_and_many_come_as_a_digest(tmp_path):
    rng = np.random.default_rng(4)
    leaks = [post(f"p{k}", T0 + timedelta(days=5, minutes=7 * k), ["privacy_leak", "care_access"]) for k in range(6)]
    lone = [post("q1", T0 + timedelta(days=6, hours=3), ["privacy_leak"]), post("q2", T0 + timedelta(days=6, hours=4), ["privacy_leak"])]
    path = make_store(tmp_path / "p.sqlite", background(rng, 8) + leaks[:1])
    rules = AlertRules(spikes=(), baseline_days=7)
    with AlertStore(path) as alerts:
        first = check(alerts, rules, no_examples, until=T0 + timedelta(days=5, hours=2)).alerts
        assert [a["post_ids"] for a in first if a["kind"] == "privacy"] == [["x:p0"]]
        with SQLiteStore(path) as store:
            store.upsert_posts(leaks[1:] + lone)
        later = [a for a in check(alerts, rules, no_examples).alerts if a["kind"] == "privacy"]
    digest = [a for a in later if len(a["post_ids"]) > 1]
    singles = [a for a in later if len(a["post_ids"]) == 1]
    # The five late leaks arrived after their hour was checked: still alerted, as one digest.
    assert len(digest) == 1 and set(digest[0]["post_ids"]) == {f"x:p{k}" for k in range(1, 6)}
    assert digest[0]["severity"] == "critical"
    assert sorted(a["post_ids"][0] for a in singles) == ["x:q1", "x:q2"]
    alerted = [p for a in first + later if a["kind"] == "privacy" for p in a["post_ids"]]
    assert sorted(alerted) == sorted({*alerted}) and len(alerted) == 8


def test_a_fast_growing_family_of_near_copies_raises_a_growth_alert(tmp_path):
    rng = np.random.default_rng(5)
    hour = 7 * 24 + 10
    copies = [
        post(f"f{k}", T0 + timedelta(hours=hour, minutes=9 * k), ["peer_support"], "facebook", "same words", "fam1")
        for k in range(20)
    ]
    path = make_store(tmp_path / "f.sqlite", background(rng, 9) + copies)
    rules = AlertRules(spikes=(), baseline_days=7)
    with AlertStore(path) as alerts:
        growth = [a for a in check(alerts, rules, no_examples).alerts if a["kind"] == "growth"]
    assert len(growth) == 1, growth
    alert = growth[0]
    assert alert["family"] == "fam1" and alert["category"] == "peer_support"
    assert set(alert["post_ids"]) <= {p.post_id for p in copies} and alert["observed"] >= 8


# -- the command line ----------------------------------------------------------------------------


def test_alerts_cli_check_list_ack_rules_and_delivery_to_a_file(spiked, tmp_path, monkeypatch, capsys):
    path, _ = spiked
    data = tmp_path / "data"
    data.mkdir()
    (data / "oncowatch.sqlite").write_bytes(path.read_bytes())
    (data / "alerts.toml").write_text(
        'baseline_days = 14\n[[spike]]\ncategory = "miracle_cure"\n'
        '[[channel]]\nname = "out"\ntype = "file"\npath = "delivered.jsonl"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(data))
    monkeypatch.delenv("ONCOWATCH_ALERT_RULES", raising=False)

    assert main(["alerts", "rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert rules["baseline_days"] == 14 and [s["category"] for s in rules["spike"]] == ["miracle_cure"]
    assert rules["channel"] == [{"name": "out", "type": "file", "path": str(data / "delivered.jsonl")}]

    assert main(["alerts", "check", "--deliver", "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["new_alerts"] >= 1 and outcome["delivered"]["failed"] == {}
    lines = (data / "delivered.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["alert_id"] for line in lines) == sorted(outcome["alert_ids"])

    assert main(["alerts", "--kind", "spike", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and all(a["kind"] == "spike" for a in listed)
    assert [a["created_at"] for a in listed] == sorted((a["created_at"] for a in listed), reverse=True)
    assert listed[0]["deliveries"][0]["ok"] is True

    target = listed[0]["alert_id"]
    assert main(["alerts", "ack", target, "--by", "ana"]) == 0
    capsys.readouterr()
    assert main(["alerts", "--unacked", "--json"]) == 0
    assert target not in {a["alert_id"] for a in json.loads(capsys.readouterr().out)}
    assert main(["alerts", "ack", "a-nope"]) == 2
    assert "no alert" in capsys.readouterr().err
    assert main(["alerts"]) == 0
    assert "miracle_cure" in capsys.readouterr().out


def test_a_broken_rules_file_is_a_clear_error(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "rules.toml"
    bad.write_text('[[spike]]\ncategory = "miracle"\n', encoding="utf-8")
    monkeypatch.setenv("ONCOWATCH_ALERT_RULES", str(bad))
    assert main(["alerts", "rules"]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "unknown category" in err


@pytest.mark.slow
def test_eval_alerts_on_a_sample_stream_with_planted_spikes(tmp_path, capsys, monkeypatch):
    stream = tmp_path / "stream.jsonl"
    assert main(["sample", "--n", "1500", "--days", "9", "--seed", "5", "--inject-spikes", "--spikes", "2",
                 "--out", str(stream)]) == 0  # fmt: skip
    truth = json.loads((tmp_path / "stream.spikes.json").read_text(encoding="utf-8"))
    capsys.readouterr()
    monkeypatch.delenv("ONCOWATCH_PRIVACY_KEY", raising=False)
    monkeypatch.delenv("ONCOWATCH_ALERT_RULES", raising=False)
    argv = ["--data-dir", str(tmp_path / "unused"), "eval", "alerts", "--stream", str(stream),
            "--truth", str(tmp_path / "stream.spikes.json"), "--json"]  # fmt: skip
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["backfill_identical_to_live"] is True
    assert report["privacy"]["all_alerted"] is True and report["privacy"]["labelled"] > 0
    planted = {rule["category"]: rule["planted"] for rule in report["rules"].values()}
    for category, count in planted.items():
        assert count == sum(s["category"] == category for s in truth["spikes"])
    for rule in report["rules"].values():
        assert rule["alerts"] == rule["true_alerts"] + rule["on_stories"] + rule["false"]
        assert 0 <= rule["found"] <= rule["planted"] and len(rule["delays_h"]) == rule["found"]
    assert report["posts_stored"] == sum(1 for _ in stream.open(encoding="utf-8"))
    assert not (tmp_path / "unused").exists()  # the evaluation's store is temporary
