"""The synthetic sample stream: determinism, contract, mix, planted stories, rhythm, and bad lines."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from analysis.dedup import near_key
from oncowatch.cli import main
from pipelines.sources.sample import (
    APPROVAL,
    BAD_LINE_KINDS,
    DEFAULT_START,
    PRIVACY,
    RUMOUR,
    SCAM,
    STORIES,
    PlantedSpike,
    expected_background,
    generate,
    make_bad_lines,
    plan_spikes,
    series_baseline,
    spike_truth,
    truth_path,
    write_jsonl,
)
from pipelines.sources.sample_fill import fill
from pipelines.sources.sample_grammar import slot_names
from pipelines.sources.sample_stories import STORY_DRUGS
from pipelines.sources.sample_templates import all_templates
from schemas.posts import Post
from schemas.taxonomy import CATEGORIES

N = 3000
DAYS = 7


def _jsonl(posts: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_jsonl(posts, out)
    return out.getvalue()


def _when(post: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(post["created_at"])


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _jsonl(generate(N, days=DAYS, seed=11)).splitlines()


@pytest.fixture(scope="module")
def posts(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def big() -> list[dict[str, Any]]:
    return list(generate(20_000, days=DAYS, seed=3))


# --- determinism, count, time ----------------------------------------------------------------


def test_same_seed_and_arguments_give_byte_identical_output() -> None:
    first = _jsonl(generate(800, days=3, seed=5)).encode("utf-8")
    assert first == _jsonl(generate(800, days=3, seed=5)).encode("utf-8")
    assert first != _jsonl(generate(800, days=3, seed=6)).encode("utf-8")


def test_write_jsonl_writes_one_compact_line_per_post_and_counts_them() -> None:
    out = io.StringIO()
    assert write_jsonl(generate(50, seed=1), out) == 50
    text = out.getvalue()
    assert text.endswith("\n") and text.count("\n") == 50
    assert all(line.startswith('{"id":') for line in text.splitlines())


@pytest.mark.parametrize("n", [0, 1, 2, 19, 20, 137, 1000])
def test_count_is_exactly_n(n: int) -> None:
    assert len(list(generate(n, days=2, seed=n))) == n


def test_sorted_by_time_and_inside_the_window(posts: list[dict[str, Any]]) -> None:
    times = [_when(post) for post in posts]
    assert times == sorted(times)
    assert DEFAULT_START <= times[0] and times[-1] < DEFAULT_START + timedelta(days=DAYS)
    assert times[-1] - times[0] > timedelta(days=DAYS - 1)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", post["created_at"]) for post in posts)


def test_start_in_another_zone_is_honoured_and_written_in_utc() -> None:
    start = datetime(2027, 3, 10, 15, 30, tzinfo=timezone(timedelta(hours=-5)))
    times = [_when(post) for post in generate(300, days=1, seed=2, start=start)]
    assert start <= times[0] and times[-1] < start + timedelta(days=1)
    assert all(t.utcoffset() == timedelta(0) for t in times)


@pytest.mark.parametrize(
    "kwargs", [{"n": -1}, {"n": 10, "days": 0}, {"n": 10, "start": datetime(2026, 11, 1)}]
)
def test_bad_arguments_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        generate(**kwargs)


def test_twenty_thousand_posts_are_twenty_thousand_lines() -> None:
    # Its speed is measured by benchmarks/ingest.py, not asserted here.
    text = _jsonl(generate(20_000, days=DAYS, seed=9))
    assert text.count("\n") == 20_000


# --- the input contract ----------------------------------------------------------------------


def test_every_line_is_a_valid_post_that_says_it_is_synthetic(lines: list[str]) -> None:
    for line in lines:
        post = Post.model_validate_json(line)
        assert post == Post.model_validate(json.loads(line))
        assert post.extra["synthetic"] is True
        assert post.extra["truth_category"] in CATEGORIES
        assert post.extra.get("story", STORIES[0]) in STORIES


def test_ids_are_unique_per_platform(posts: list[dict[str, Any]]) -> None:
    keys = [(post["platform"], post["id"]) for post in posts]
    assert len(set(keys)) == len(keys)
    assert all(isinstance(post["id"], str) for post in posts)


def test_optional_fields_are_on_some_posts_but_not_all(posts: list[dict[str, Any]]) -> None:
    for field in ("author", "lang", "url", "metrics", "reply_to"):
        having = sum(field in post for post in posts)
        assert 0 < having < len(posts), field
    authors = Counter(post["author"] for post in posts if "author" in post)
    assert authors.most_common(1)[0][1] >= 10, "some authors post many times"
    assert len(authors) > 300


def test_replies_point_to_an_earlier_post_on_the_same_platform(posts: list[dict[str, Any]]) -> None:
    by_key = {(post["platform"], post["id"]): post for post in posts}
    replies = [post for post in posts if "reply_to" in post]
    assert len(replies) > N * 0.04
    for reply in replies:
        parent = by_key[(reply["platform"], reply["reply_to"])]
        assert _when(parent) <= _when(reply)


# --- the mix ---------------------------------------------------------------------------------


def test_all_ten_categories_in_a_plausible_mix(posts: list[dict[str, Any]]) -> None:
    counts = Counter(post["truth_category"] for post in posts)
    assert set(counts) == set(CATEGORIES)
    for common in ("peer_support", "emotional_distress", "awareness"):
        assert counts[common] > 0.08 * N, common
    assert 0.003 * N <= counts["privacy_leak"] <= 0.025 * N


def test_several_platforms_and_languages(posts: list[dict[str, Any]]) -> None:
    platforms = Counter(post["platform"] for post in posts)
    assert len(platforms) >= 8
    assert max(platforms.values()) < 0.4 * N
    langs = Counter(post.get("lang") for post in posts)
    assert {"en", "es", "pt", "fr", "de", "fa"} <= set(langs)
    assert 0 < langs[None] < 0.2 * N, "lang is on most posts but missing on some"
    non_english = sum(count for lang, count in langs.items() if lang not in ("en", None))
    assert 0.08 * N < non_english < 0.25 * N


def test_reposts_and_near_copies(posts: list[dict[str, Any]]) -> None:
    by_text: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for post in posts:
        by_text[post["text"]].add((post["platform"], post["id"]))
    assert sum(len(ids) > 1 for ids in by_text.values()) > 0.02 * N

    by_post_id = {f"{post['platform']}:{post['id']}": post for post in posts}
    copies = [post for post in posts if "copy_of" in post]
    assert 0.09 * N < len(copies) < 0.15 * N
    retweets = near = 0
    for copy in copies:
        original = by_post_id[copy["copy_of"]]
        assert _when(original) <= _when(copy)
        assert copy["truth_category"] == original["truth_category"]
        if copy["text"] == f"RT @{original.get('author')}: {original['text']}":
            retweets += 1
        elif copy["text"] != original["text"]:
            near += 1
    assert retweets > 0
    assert near > 0.02 * N


# --- planted stories -------------------------------------------------------------------------


def _story(posts: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [post for post in posts if post.get("story") == name]


def test_every_planted_story_is_there(posts: list[dict[str, Any]]) -> None:
    for name in STORIES:
        assert _story(posts, name), name


def test_the_rumour_spreads_in_variants_grows_over_days_and_is_debunked(posts: list[dict[str, Any]]) -> None:
    rumour = _story(posts, RUMOUR)
    claims = [post for post in rumour if post["truth_category"] == "miracle_cure"]
    assert len(claims) > 100
    herb = re.compile(r"soursop|graviola|guanábana|corossol", re.IGNORECASE)
    assert sum(bool(herb.search(post["text"])) for post in claims) > 0.9 * len(claims)  # typos are allowed
    assert len({post["text"] for post in claims}) > 20
    assert len({post["platform"] for post in claims}) >= 5
    assert len({post.get("lang") for post in claims} - {None}) >= 3

    per_day = Counter(post["created_at"][:10] for post in claims)
    days = sorted(per_day)
    assert len(days) >= 3
    first, later = per_day[days[0]], [per_day[day] for day in days[1:]]
    assert max(later) > 2 * first, per_day

    claim_ids = {(post["platform"], post["id"]) for post in claims}
    debunks = [post for post in rumour if post["truth_category"] == "awareness"]
    assert debunks
    assert any((post["platform"], post.get("reply_to")) in claim_ids for post in debunks)


def test_the_scam_campaign_is_a_burst_of_copy_paste_ads(posts: list[dict[str, Any]]) -> None:
    scam = _story(posts, SCAM)
    assert len(scam) > 0.02 * N
    assert all(post["truth_category"] == "scam_ad" for post in scam)
    assert len({post["author"] for post in scam}) >= 5
    text, times = Counter(post["text"] for post in scam).most_common(1)[0]
    assert times >= 3 and len({post["author"] for post in scam if post["text"] == text}) >= 2
    assert all(re.search(r"WhatsApp|واتساپ|DM", post["text"]) for post in scam)
    span = max(_when(post) for post in scam) - min(_when(post) for post in scam)
    assert span < timedelta(days=1)


def test_the_drug_approval_is_a_burst_of_news_then_discussion(posts: list[dict[str, Any]]) -> None:
    approval = _story(posts, APPROVAL)
    assert len(approval) > 0.015 * N
    assert Counter(post["truth_category"] for post in approval).most_common(1)[0][0] == "new_therapy"
    assert any("FDA" in post["text"] for post in approval)
    first = min(_when(post) for post in approval)
    early = sum(_when(post) - first < timedelta(days=1) for post in approval)
    assert early > 0.6 * len(approval)


def test_privacy_leaks_expose_a_person_but_only_with_fake_details(big: list[dict[str, Any]]) -> None:
    leaks = [post for post in big if post["truth_category"] == "privacy_leak"]
    assert leaks and _story(big, PRIVACY)
    phones = emails = 0
    for post in leaks:
        for number in re.findall(r"\+?[\d(][\d ()-]{8,}\d", post["text"]):
            digits = re.sub(r"\D", "", number)
            assert "55501" in digits or "7700900" in digits, number
            phones += 1
        for email in re.findall(r"[\w.+-]+@[\w.-]+", post["text"]):
            assert re.search(r"@example\.(com|org|net)$", email), email
            emails += 1
    assert phones and emails
    assert any("MRN" in post["text"] for post in leaks)


def test_hard_cases_are_in_the_stream(big: list[dict[str, Any]]) -> None:
    def some(category: str, *needles: str) -> bool:
        return any(
            post["truth_category"] == category and all(n in post["text"] for n in needles) for post in big
        )

    assert some("awareness", "does not cure")  # a debunk is awareness
    assert some("new_therapy", "recruiting")  # trial recruitment, a hospital's legitimate message
    assert some("awareness", "privacy")  # a privacy worry that exposes nobody
    assert some("new_therapy", "miracle")  # hype about an approved drug
    assert some("other", "Cancer season")
    assert some("other", "traffic is cancer")
    assert some("financial_support", "helpline")
    assert some("peer_support", "nausea", "Not a cure")


# --- rhythm ----------------------------------------------------------------------------------


def test_hour_of_day_volume_is_not_flat(posts: list[dict[str, Any]]) -> None:
    per_hour = Counter(_when(post).hour for post in posts)
    night = sum(per_hour[h] for h in (2, 3, 4, 5))
    evening = sum(per_hour[h] for h in (19, 20, 21, 22))
    assert evening > 2.5 * night
    assert max(per_hour.values()) > 2.5 * min(per_hour[h] for h in range(24))


# --- templates and bad lines -----------------------------------------------------------------


def test_every_template_fills_without_leftover_slots() -> None:
    rng = random.Random(0)  # noqa: S311 - synthetic text, not security
    fixed = dict(STORY_DRUGS[0])
    for lang, template in all_templates():
        for _ in range(3):
            text = fill(template, lang, rng, fixed)
            assert text.strip() and not set(text) & set("{}[]|"), template
        # every slot of every alternative has a pool or a maker, not only those drawn above
        every_slot = " ".join(f"{{{name}}}" for name in sorted(slot_names(template)))
        assert "{" not in fill(every_slot, lang, rng, fixed), template


@pytest.mark.parametrize("seed", range(6))
def test_independent_posts_are_worded_differently(seed: int) -> None:
    # Only reposts, near-copies and the copy-paste scam ads may share their wording; the rest differ in
    # words, not just in emoji, handles, numbers or links (which near_key drops).
    posts = [
        post
        for post in generate(5000, days=DAYS, seed=seed)
        if "copy_of" not in post and post.get("story") != SCAM
    ]
    assert len({near_key(post["text"]) for post in posts}) >= 0.9 * len(posts)


def test_bad_lines_are_each_rejected() -> None:
    bad = make_bad_lines(seed=4)
    assert len(bad) == len(BAD_LINE_KINDS)
    assert bad == make_bad_lines(seed=4)
    for kind, line in zip(BAD_LINE_KINDS, bad, strict=True):
        assert isinstance(line, bytes) and not line.endswith(b"\n"), kind
        with pytest.raises(ValidationError):
            Post.model_validate_json(line)
        try:
            obj = json.loads(line)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
            continue
        with pytest.raises(ValidationError):
            Post.model_validate(obj)
    assert len(bad[BAD_LINE_KINDS.index("huge_text")]) >= 1 << 20


def test_default_start_is_fixed() -> None:
    assert DEFAULT_START == datetime(2026, 11, 1, tzinfo=UTC)


# --- planted spikes --------------------------------------------------------------------------

SPIKE_N, SPIKE_DAYS, SPIKE_SEED = 6000, 21, 4
Spiked = tuple[list[PlantedSpike], list[dict[str, Any]], list[dict[str, Any]]]


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _in_spike(post: dict[str, Any], spike: PlantedSpike) -> bool:
    return (
        _iso(spike.start) <= post["created_at"] < _iso(spike.end)
        and post["truth_category"] == spike.category
        and spike.platform in (None, post["platform"])
    )


@pytest.fixture(scope="module")
def spiked() -> Spiked:
    """The spikes of a 21-day stream, the stream without them, and the stream with them."""
    spikes = plan_spikes(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED)
    plain = list(generate(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED))
    return spikes, plain, list(generate(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED, spikes=spikes))


def test_without_spikes_the_stream_is_what_it_was() -> None:
    # The digest of this stream before spikes existed: a change to the generator that alters it must be meant.
    text = _jsonl(generate(500, days=3, seed=8, spikes=()))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == (
        "5f538183e23024af18652954553d39df06e25fe7babf7e5d1e12a242fb866825"
    )
    assert "spike" not in text


def test_same_seed_gives_the_same_spikes_and_the_same_stream(spiked: Spiked) -> None:
    spikes, _, posts = spiked
    assert spikes == plan_spikes(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED)
    assert spikes != plan_spikes(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED + 1)
    assert _jsonl(posts) == _jsonl(generate(SPIKE_N, SPIKE_DAYS, seed=SPIKE_SEED, spikes=spikes))


@pytest.mark.parametrize("seed", range(8))
def test_spikes_are_planned_after_the_baseline_apart_and_within_bounds(seed: int) -> None:
    spikes = plan_spikes(SPIKE_N, SPIKE_DAYS, seed=seed)
    assert len(spikes) == 4  # one per 5 days
    assert spikes == sorted(spikes, key=lambda spike: spike.start)
    categories = Counter(spike.category for spike in spikes)
    assert categories["miracle_cure"] and categories["scam_ad"]
    assert sum(spike.platform is None for spike in spikes) == 2
    for spike in spikes:
        assert spike.start >= DEFAULT_START + timedelta(days=7)
        assert spike.end <= DEFAULT_START + timedelta(days=SPIKE_DAYS)
        assert spike.start.minute == spike.start.second == 0
        assert timedelta(hours=2) <= spike.end - spike.start <= timedelta(hours=8)
        assert 3.0 <= spike.multiplier <= 6.0
    for i, a in enumerate(spikes):
        for b in spikes[i + 1 :]:
            assert a.category != b.category or a.end + timedelta(days=1) <= b.start, (a, b)


def test_spikes_keep_away_from_the_busiest_hours_of_the_stories_of_their_category(spiked: Spiked) -> None:
    spikes, plain, _ = spiked
    for spike in spikes:
        story_hours = Counter(
            post["created_at"][:13]
            for post in plain
            if "story" in post and post["truth_category"] == spike.category
        )
        if not story_hours:
            continue
        busiest = datetime.fromisoformat(story_hours.most_common(1)[0][0] + ":00:00+00:00")
        assert busiest + timedelta(days=2) <= spike.start or spike.end + timedelta(days=2) <= busiest, spike


def test_spike_windows_hold_several_times_their_background(spiked: Spiked) -> None:
    spikes, plain, posts = spiked
    with_spikes = [sum(_in_spike(post, spike) for post in posts) for spike in spikes]
    without = [sum(_in_spike(post, spike) for post in plain) for spike in spikes]
    assert sum(with_spikes) >= 2.5 * sum(without), (with_spikes, without)
    for index, spike in enumerate(spikes):
        planted = [post for post in posts if post.get("spike") == str(index)]
        assert planted and all(_in_spike(post, spike) for post in planted)
        assert with_spikes[index] - without[index] == len(planted)
        # The baseline is what the window holds of the category without the spike (background, story
        # tails, replies, copies), or the weights' expectation when that is more.
        present = sum(
            1 for post in plain
            if _in_spike(post, spike) and post["truth_category"] == spike.category
        )  # fmt: skip
        baseline = series_baseline(plain, spike, SPIKE_DAYS, DEFAULT_START)
        assert baseline >= present
        assert len(planted) == max(1, round((spike.multiplier - 1) * baseline))


def test_spike_posts_come_on_top_of_an_otherwise_unchanged_stream(spiked: Spiked) -> None:
    _, plain, posts = spiked

    def key(post: dict[str, Any]) -> tuple[str, str, str, str]:
        return post["created_at"], post["platform"], post["truth_category"], post["text"]

    assert Counter(key(post) for post in posts if "spike" not in post) == Counter(key(post) for post in plain)
    assert len(plain) == SPIKE_N
    for line in _jsonl(post for post in posts if "spike" in post).splitlines():
        assert Post.model_validate_json(line).extra["synthetic"] is True


def test_expected_background_follows_the_daily_rhythm() -> None:
    day = DEFAULT_START + timedelta(days=10)

    def expected(hour: int, platform: str | None = None) -> float:
        at = day + timedelta(hours=hour)
        return expected_background(
            PlantedSpike("miracle_cure", platform, at, at + timedelta(hours=3), 3.0), 10_000, 21
        )

    assert expected(19) > 3 * expected(2)
    assert 0 < expected(19, "facebook") < expected(19)


def test_spikes_need_a_baseline_and_must_lie_inside_the_window() -> None:
    with pytest.raises(ValueError, match="7-day baseline"):
        plan_spikes(1000, days=7)
    assert plan_spikes(1000, days=7, count=0) == []
    late = PlantedSpike(
        "scam_ad", None, DEFAULT_START + timedelta(days=6), DEFAULT_START + timedelta(days=8), 3
    )
    with pytest.raises(ValueError):
        generate(100, days=7, spikes=[late])


@pytest.mark.parametrize(
    ("out", "truth"),
    [
        ("d/stream.jsonl", "d/stream.spikes.json"),
        ("stream.jsonl.gz", "stream.spikes.json"),
        ("s", "s.spikes.json"),
    ],
)
def test_the_truth_file_goes_next_to_the_stream(out: str, truth: str) -> None:
    assert truth_path(out) == Path(truth)


def test_the_cli_writes_the_stream_and_its_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stream.jsonl"
    args = ["sample", "--n", "3000", "--days", "10", "--seed", "2", "--inject-spikes", "--spikes", "3"]
    assert main([*args, "--out", str(out)]) == 0
    path = tmp_path / "stream.spikes.json"
    assert str(path) in capsys.readouterr().err
    truth = json.loads(path.read_text(encoding="utf-8"))
    assert {key: truth[key] for key in ("stream", "n", "days", "seed", "start")} == {
        "stream": "stream.jsonl",
        "n": 3000,
        "days": 10,
        "seed": 2,
        "start": "2026-11-01T00:00:00Z",
    }
    posts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(truth["spikes"]) == 3
    for spike in truth["spikes"]:
        assert set(spike) == {
            "id",
            "category",
            "platform",
            "start",
            "end",
            "multiplier",
            "expected_background",
            "baseline_posts",
            "series_baseline",
            "planted_posts",
        }
        assert spike["planted_posts"] == sum(post.get("spike") == spike["id"] for post in posts) > 0
        assert spike["start"].endswith("Z") and spike["end"].endswith("Z")
    assert {story["story"] for story in truth["stories"]} == set(STORIES)
    assert truth == spike_truth(
        posts, plan_spikes(3000, 10, seed=2, count=3), stream="stream.jsonl", n=3000, days=10, seed=2
    )


@pytest.mark.parametrize("out", [None, "-"])
def test_inject_spikes_without_an_output_file_is_refused(
    out: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["sample", "--n", "100", "--days", "10", "--inject-spikes"] + (["--out", out] if out else [])
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "--inject-spikes needs --out" in captured.err and captured.out == ""
