"""Emerging topics on small planted streams: real model, real pipeline, real SQLite state."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from analysis import topics as method
from indexing.topics import TopicStore
from oncowatch.cli import main
from pipelines import ingest
from pipelines.topics import refresh
from tests.helpers import config, post, write_jsonl

T0 = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)

SOURSOP = [
    "Soursop leaf tea cured my uncle's prostate cancer in six weeks, doctors were speechless",
    "Graviola (soursop) is 10,000 times stronger than chemo at killing cancer cells, share this",
    "Boil 10 soursop leaves and drink the tea every morning, it melts tumours naturally",
    "my aunt stopped chemo and drank soursop juice instead, her tumour is shrinking!!",
    "Big pharma hides that soursop fruit kills cancer cells. Drink graviola, skip the chemo",
    "Soursop leaves destroy cancer cells better than chemotherapy, why does nobody talk about it",
    "Graviola capsules from soursop: the natural cancer cure they don't want you to know",
    "I swear by soursop leaf tea, it cleared my friend's breast cancer without surgery",
    "SOURSOP kills 12 types of cancer cells. Forward this to everyone you love",
    "soursop tea twice a day and her stage 3 cancer disappeared, natural healing works",
    "The soursop tree is nature's chemotherapy, its leaves cure cancer without side effects",
    "Forget radiation, soursop leaves boiled in water are the real cancer cure",
]

PARKING = [
    "Parking at the cancer centre costs me 18 pounds every day of radiotherapy, it's robbery",
    "Why do chemo patients have to pay for hospital parking every single week?",
    "The hospital car park charged my mum 40 quid during her chemo day, disgraceful",
    "Radiotherapy every weekday for six weeks and the parking fees are bankrupting us",
    "Hospital parking charges for cancer patients should be scrapped, sign the petition",
    "Spent more on oncology ward parking than on food this month, chemo is expensive",
    "Parking fees at the oncology clinic went up again, patients on daily radiotherapy suffer",
    "Free parking for cancer patients now! We pay to park while getting chemo",
    "The car park at the cancer hospital is always full and costs a fortune for chemo visits",
    "Paid 25 for parking today at my husband's chemotherapy appointment, this has to change",
    "Cancer patients should not pay hospital parking fees during radiotherapy",
    "Daily radiotherapy plus hospital parking charges, my savings are gone",
]

BACKGROUND = [
    "Got my mammogram booked for next Tuesday, remember to check yourselves ladies",
    "Does anyone know a good wig shop in Leeds? Starting chemo next month",
    "Feeling so tired after cycle 4, the fatigue is unreal",
    "The charity run for children's cancer raised 12,000 this weekend, thank you all",
    "New trial results for a lung cancer immunotherapy look promising",
    "My insurance denied the PET scan again, third appeal now",
    "Sending love to everyone waiting for scan results this week",
    "HPV vaccination prevents most cervical cancers, get your kids vaccinated",
    "Cancer season is here, time for my crab friends to shine",
    "Ginger tea really helped with my chemo nausea, small sips",
    "Can't sleep, scan tomorrow, scanxiety is the worst",
    "Our hospital is recruiting for a phase 2 trial in pancreatic cancer, ask your oncologist",
]


def _stream(start: datetime) -> list[dict]:
    """Background posts spread over the first day, then two bursts (soursop, then parking)."""
    posts = []
    for i, text in enumerate(BACKGROUND):
        posts.append(post(f"bg{i}", text, at=_iso(start + timedelta(hours=2 * i))))
    for i, text in enumerate(SOURSOP):
        posts.append(
            post(f"ss{i}", text, platform="facebook", at=_iso(start + timedelta(hours=30, minutes=20 * i)))
        )
    for i, text in enumerate(PARKING):
        posts.append(
            post(f"pk{i}", text, platform="reddit", at=_iso(start + timedelta(hours=40, minutes=15 * i)))
        )
    return posts


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _state(store: TopicStore) -> dict[str, list[str]]:
    """Topic id -> its members: what must not change across restarts and replays."""
    members: dict[str, list[str]] = {}
    for post_id, topic_id in store.query(
        "SELECT post_id, topic_id FROM topic_members WHERE topic_id IS NOT NULL"
    ):
        members.setdefault(topic_id, []).append(post_id)
    return {t: sorted(p) for t, p in sorted(members.items())}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A store holding the planted stream, ingested once; topics not refreshed yet."""
    base = tmp_path_factory.mktemp("topics")
    cfg = config(base)
    path = write_jsonl(base / "stream.jsonl", _stream(T0))
    ingest.run([str(path)], cfg)
    return cfg


def _backup(source_path, target) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path)
    with sqlite3.connect(target) as copy:
        source.backup(copy)
    copy.close()
    source.close()


def _copy(cfg, tmp_path) -> TopicStore:
    """A private copy of the planted store (each test changes topics its own way)."""
    _backup(cfg.store.path, tmp_path / "store.sqlite")
    return TopicStore(tmp_path / "store.sqlite", "all-MiniLM-L6-v2")


def test_a_burst_becomes_an_emerging_topic_with_terms_examples_and_series(planted, tmp_path):
    store = _copy(planted, tmp_path)
    report = refresh(store, include_partial=True)
    state = _state(store)
    soursop = [t for t, members in state.items() if sum(":ss" in m for m in members) >= 8]
    assert len(soursop) == 1, state
    topic = store.topics()[soursop[0]]
    assert topic.topic_id in report.born
    assert topic.status == "emerging"  # born within the last day of event time
    assert "soursop" in topic.key_terms[:5] and "soursop" in topic.label
    assert len(topic.examples) == 3 and all(e.split(":")[1].startswith("ss") for e in topic.examples)
    counts = store.counts(topic.topic_id)
    assert counts["platform"]["facebook"] == len(SOURSOP) and sum(counts["platform"].values()) == topic.size
    assert max(counts["primary"], key=counts["primary"].get) == "miracle_cure"
    hours = store.volume(topic.topic_id)
    assert sum(c for _, c in hours) == topic.size
    assert dict(hours)["2026-11-03T06:00:00Z"] >= 3  # the burst counts at its own hours
    # the parking complaints are a topic of their own, and the background mostly waits
    parking = [t for t, members in state.items() if sum(":pk" in m for m in members) >= 8]
    assert len(parking) == 1 and parking[0] != soursop[0]
    assert store.lineage(topic.topic_id)[0]["event"] == "born"
    store.close()


def test_ids_survive_a_restart_and_a_replay_of_the_same_data(planted, tmp_path):
    once = _copy(planted, tmp_path / "once")
    refresh(once, include_partial=True)
    expected = _state(once)
    assert expected

    # the same posts refreshed in three runs, as a scheduler would, give the same topics
    (tmp_path / "steps").mkdir()
    steps = _copy(planted, tmp_path / "steps")
    for hours in (20, 35):
        refresh(steps, until=T0 + timedelta(hours=hours))
    refresh(steps, include_partial=True)
    assert _state(steps) == expected

    # replaying the whole range changes nothing and invents nothing
    replay = refresh(once, since=T0, include_partial=True)
    assert replay.born == [] and replay.posts_seen == 0
    assert _state(once) == expected

    # forgetting everything and rebuilding gives the same ids (ids are digests of the founders)
    once.reset()
    refresh(once, include_partial=True)
    assert _state(once) == expected
    once.close()
    steps.close()


def test_a_late_post_joins_its_topic_and_counts_at_its_own_time(planted, tmp_path):
    store = _copy(planted, tmp_path)
    refresh(store, include_partial=True)
    (topic_id,) = [t for t, m in _state(store).items() if sum(":ss" in p for p in m) >= 8]
    before = store.topics()[topic_id].size
    # a post created during the burst arrives after its ticks were processed
    late = post(
        "late1", "Soursop leaf tea cures cancer, my neighbour stopped chemo for it", at="2026-11-03T07:10:00Z"
    )
    cfg = replace(planted, store=replace(planted.store, path=store.path, vectors_dir=tmp_path / "vectors"))
    ingest.run([str(write_jsonl(tmp_path / "late.jsonl", [late]))], cfg)
    report = refresh(store, include_partial=True)
    assert report.posts_seen == 1 and report.born == []
    assert store.topic_of(["x:late1"]) == {"x:late1": topic_id}
    assert store.topics()[topic_id].size == before + 1
    assert dict(store.volume(topic_id))["2026-11-03T07:00:00Z"] >= 1
    store.close()


def test_merges_are_recorded_as_lineage_and_members_follow(planted, tmp_path):
    store = _copy(planted, tmp_path)
    # a merge bar this low makes the second burst's topic fold into the first one
    params = method.TopicParams(merge=0.2)
    report = refresh(store, params, include_partial=True)
    assert report.merged
    gone, kept = report.merged[0]
    topics = store.topics()
    assert topics[gone].status == "merged" and topics[gone].merged_into == kept and topics[kept].live
    assert any(e["event"] == "merged" and e["topic_id"] == gone for e in store.lineage(kept))
    assert gone not in _state(store)
    counts = store.counts(kept)
    assert sum(counts["primary"].values()) == topics[kept].size
    store.close()


def test_cli_lists_topics_and_search_and_export_carry_topic_ids(planted, tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    _backup(planted.store.path, data / "oncowatch.sqlite")
    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", "a-test-secret-of-enough-length")
    args = ["--data-dir", str(data)]
    assert main([*args, "topics", "refresh", "--json"]) == 0
    refreshed = json.loads(capsys.readouterr().out)
    assert len(refreshed["born"]) >= 2 and refreshed["posts_seen"] == 36

    assert main([*args, "topics", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    keys = {
        "topic_id",
        "label",
        "key_terms",
        "status",
        "size",
        "growth",
        "first_seen",
        "last_seen",
        "categories",
    }
    assert listed and all(keys | {"examples"} <= set(row) for row in listed)
    soursop = next(row for row in listed if "soursop" in row["key_terms"])
    assert soursop["examples"] and all("redacted_text" in e for e in soursop["examples"])
    assert main([*args, "topics", "--status", "fading", "--json"]) == 0
    assert all(row["status"] == "fading" for row in json.loads(capsys.readouterr().out))

    assert main([*args, "topic", soursop["topic_id"], "--json"]) == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["volume"]["daily"] and detail["lineage"][0]["event"] == "born"
    assert main([*args, "topic", "t-nosuchtopic"]) == 2
    assert "no topic" in capsys.readouterr().err

    assert main([*args, "search", "soursop", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {h["topic_id"] for h in hits if h["post_id"].startswith("facebook:ss")} == {
        soursop["topic_id"]
    }

    assert main([*args, "export"]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(exported) == 36 and all("topic_id" in row for row in exported)
    assert sum(row["topic_id"] == soursop["topic_id"] for row in exported) == soursop["size"]


def test_ticks_are_aligned_so_every_run_shares_them():
    step = timedelta(minutes=30)
    assert method.tick_floor(datetime(2026, 1, 1, 10, 59, tzinfo=UTC), step) == datetime(
        2026, 1, 1, 10, 30, tzinfo=UTC
    )
    assert method.tick_floor(datetime(2026, 1, 1, 11, 0, tzinfo=UTC), step) == datetime(
        2026, 1, 1, 11, 0, tzinfo=UTC
    )


def test_topic_ids_depend_on_the_founders_not_their_order():
    assert method.topic_id_for(["a", "b", "c"]) == method.topic_id_for(["c", "a", "b"])
    assert method.topic_id_for(["a", "b"]) != method.topic_id_for(["a", "b", "c"])


def test_c_tf_idf_prefers_what_sets_a_topic_apart():
    counts = {
        "t1": method.terms("soursop cures cancer. soursop tea cancer cells. graviola soursop cancer"),
        "t2": method.terms("parking fees cancer hospital. parking charges cancer chemo parking"),
    }
    best = method.c_tf_idf(counts, top=3)
    assert best["t1"][0] == "soursop" and best["t2"][0] == "parking"
    # a word every topic uses ranks below the words of the topic itself, even when as frequent
    assert best["t1"].index("soursop") < best["t1"].index("cancer")
    assert not {"parking", "fees"} & set(best["t1"])
    assert "the" not in method.terms("the [NAME] at https://x.co and @someone")


@pytest.mark.parametrize(
    ("born_days_ago", "daily", "expected"),
    [
        (0.5, [0, 0, 0, 0, 0, 0, 0, 9], "emerging"),
        (5, [0, 0, 2, 2, 2, 2, 2, 12], "growing"),
        (5, [0, 0, 4, 4, 4, 4, 4, 4], "steady"),
        (5, [0, 0, 8, 8, 8, 8, 8, 1], "fading"),
    ],
)
def test_status_follows_growth_on_event_time(born_days_ago, daily, expected):
    now = T0 + timedelta(days=10)
    born = now - timedelta(days=born_days_ago)
    assert method.status(now, born, now - timedelta(hours=1), daily, method.TopicParams()) == expected


def test_a_topic_quiet_for_the_retirement_period_is_retired():
    now = T0 + timedelta(days=30)
    params = method.TopicParams()
    assert method.status(now, T0, now - params.retire_after, [0] * 8, params) == "retired"


def test_eval_emergence_scores_a_labelled_stream_and_checks_live_against_backfill(
    tmp_path, capsys, monkeypatch
):
    import csv

    rows = []
    for event, texts, offset in (("soursop_rumour", SOURSOP, 30), ("parking_fees", PARKING, 40)):
        for i, text in enumerate(texts):
            at = T0 + timedelta(hours=offset, minutes=20 * i)
            rows.append((_iso(at), event, f"{event}{i}", text, "Related and informative"))
    for i, text in enumerate(BACKGROUND):
        rows.append((_iso(T0 + timedelta(hours=2 * i)), "soursop_rumour", f"noise{i}", text, "Not related"))
    path = tmp_path / "stream.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["timestamp_utc", "event", "tweet_id", "text", "informativeness"])
        writer.writerows(sorted(rows))
    monkeypatch.delenv("ONCOWATCH_PRIVACY_KEY", raising=False)
    assert (
        main(["--data-dir", str(tmp_path / "unused"), "eval", "emergence", "--stream", str(path), "--json"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["events"] == 2 and report["posts"] == 36
    for name in ("soursop_rumour", "parking_fees"):
        event = report["per_event"][name]
        assert event["topics"] == 1 and event["purity"] >= 0.8
        assert 0 <= event["delay_hours"] <= 3  # the fifth post of each burst comes 80 and 60 minutes in
    assert report["backfill_identical_to_live"] is True
    assert not (tmp_path / "unused").exists()  # the evaluation's store is temporary

    (tmp_path / "bad.csv").write_text("when,what\n1,2\n")
    assert main(["eval", "emergence", "--stream", str(tmp_path / "bad.csv")]) == 2
    assert "missing columns" in capsys.readouterr().err
