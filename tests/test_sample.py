"""The synthetic sample stream: determinism, contract, mix, planted stories, rhythm, and bad lines."""

from __future__ import annotations

import io
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from analysis.dedup import near_key
from pipelines.sources.sample import (
    APPROVAL,
    BAD_LINE_KINDS,
    DEFAULT_START,
    PRIVACY,
    RUMOUR,
    SCAM,
    STORIES,
    generate,
    make_bad_lines,
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
        return any(post["truth_category"] == category and all(n in post["text"] for n in needles)
                   for post in big)

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
    posts = [post for post in generate(5000, days=DAYS, seed=seed)
             if "copy_of" not in post and post.get("story") != SCAM]
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
