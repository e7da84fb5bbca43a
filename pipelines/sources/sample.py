"""The synthetic sample stream: oncology social-media posts for demos, tests and evaluation.

Every post says it is synthetic (`"synthetic": true`) and carries, as extra fields the pipeline keeps,
`truth_category` (the category its template was written as), `story` on the planted stories, and
`copy_of` (`<platform>:<id>` of the original) on reposts and near-copies. Background posts follow a
daily rhythm; four planted stories each have a start and a shape: a miracle-cure rumour that grows
over days with debunking replies, a burst of copy-paste scam ads, a drug approval with its news and
discussion, and a patient's details shared and re-shared. The texts are composed (`sample_grammar`)
from `sample_templates` and `sample_stories`, so that only copies share their wording; never from
classifier training data, and every personal detail in them is fake.

Planted spikes, for evaluating the alert rules, come on top when asked for (`plan_spikes`, then
`generate(..., spikes=...)`): in each spike's window (2 to 8 hours, after a 7-day baseline) extra
everyday posts of one category, on one platform or on all, so that the window holds about
`multiplier` times its baseline (`series_baseline`: what the window holds of that category without
them, or what the rhythm predicts there from the stream's ordinary posts of it, whichever is more),
marked `"spike": "<index>"`. `spike_truth` describes them and the stories'
windows for the truth file; with no spikes the stream is what it always was.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from pipelines.sources import sample_fill as F
from pipelines.sources import sample_pools as P
from pipelines.sources import sample_stories as S
from pipelines.sources import sample_templates as T
from pipelines.sources.sample_fill import Slots
from pipelines.sources.sample_grammar import Parts, compose, expand
from schemas.taxonomy import CATEGORIES

#: Where the window starts unless told otherwise, so that a seed alone fixes the output.
DEFAULT_START = datetime(2026, 11, 1, tzinfo=UTC)

RUMOUR, SCAM, APPROVAL, PRIVACY = "soursop_rumour", "capsule_scam", "drug_approval", "privacy_leak_share"
#: The planted stories' names, as found in the `story` field.
STORIES: tuple[str, ...] = (RUMOUR, SCAM, APPROVAL, PRIVACY)

#: Share of the n posts each part of the stream gets; background posts are the rest (about 72%).
_SHARES: dict[str, float] = {
    "repost": 0.08, "near_copy": 0.04, "reply": 0.05,
    RUMOUR: 0.055, SCAM: 0.03, APPROVAL: 0.025, PRIVACY: 0.003,
}
_STORY_TABLES: dict[str, dict[str, float]] = {
    "rumour_lang": {"en": 0.75, "es": 0.1, "pt": 0.1, "fr": 0.05},
    "rumour_platform": {"facebook": 0.33, "x": 0.2, "tiktok": 0.12, "telegram": 0.12, "instagram": 0.08,
                        "youtube": 0.08, "other": 0.07},
    "debunk_platform": {"x": 0.4, "facebook": 0.3, "youtube": 0.15, "reddit": 0.15},
    "scam_platform": {"facebook": 0.3, "instagram": 0.25, "telegram": 0.2, "x": 0.15, "tiktok": 0.1},
    "approval_kind": {"news": 0.3, "discussion": 0.35, "hype": 0.15, "cost": 0.2},
    "news_lang": {"en": 0.82, "es": 0.06, "fr": 0.06, "de": 0.06},
    "news_platform": {"x": 0.55, "facebook": 0.25, "telegram": 0.1, "youtube": 0.1},
    "talk_platform": {"reddit": 0.3, "x": 0.25, "facebook": 0.2, "news_comment": 0.15, "forum": 0.1},
    "leak_platform": {"facebook": 0.7, "x": 0.15, "instagram": 0.15},
    "share_platform": {"facebook": 0.4, "x": 0.3, "telegram": 0.15, "instagram": 0.15},
}
_SCAM_LANG_SHARE: dict[str, float] = {"en": 0.8, "es": 0.12, "fa": 0.08}
_URL_SHARE: dict[str, float] = {"x": 0.6, "reddit": 0.8, "youtube": 0.5, "news_comment": 0.7, "forum": 0.6}

_DAY, _HOUR = 86_400, 3_600
_REPLYABLE = frozenset({"x", "facebook", "reddit", "youtube", "forum", "instagram", "tiktok", "news_comment"})
_CASUAL = frozenset({"x", "facebook", "instagram", "tiktok", "youtube", "reddit"})
_URL_RE = re.compile(r"https?://\S+")
_MENTION_RE = re.compile(r"(?<![\w.])@\w+")
_EMOJI = P.POOLS["en"]["emoji"]

Table = tuple[list[str], list[float]]


def _table(weights: Mapping[str, float]) -> Table:
    return list(weights), list(itertools.accumulate(weights.values()))


def _counts(n: int) -> dict[str, int]:
    """Posts of each part of the stream but the background."""
    return {name: int(n * share) for name, share in _SHARES.items()}


def _background_count(n: int) -> int:
    return n - sum(_counts(n).values())


def _category_weights(lang: str) -> dict[str, float]:
    """The background's category mix in `lang`: the categories it has templates for."""
    return {c: w for c, w in P.CATEGORY_WEIGHTS.items() if c in T.BACKGROUND[lang]}


def _platform_weights(category: str) -> dict[str, float]:
    boost = P.PLATFORM_BOOST.get(category, {})
    return {p: w * boost.get(p, 1.0) for p, w in P.PLATFORM_WEIGHTS.items()}


def _seconds_into_day(start: datetime) -> int:
    return start.hour * _HOUR + start.minute * 60 + start.second


def _hour_weights(days: int, start: datetime) -> list[float]:
    """The relative volume of each hour of the window: hour of the day times day of the week."""
    first = _seconds_into_day(start) // _HOUR
    return [
        P.HOUR_WEIGHTS[(first + h) % 24] * P.WEEKDAY_WEIGHTS[(start + timedelta(hours=h)).weekday()]
        for h in range(days * 24)
    ]


def _utc(start: datetime | None) -> datetime:
    start = DEFAULT_START if start is None else start
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must carry a time zone")
    return start.astimezone(UTC).replace(microsecond=0)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- planted spikes --------------------------------------------------------------------------

#: Categories of the spikes after the first two (miracle_cure, then scam_ad): mostly the alert defaults.
_SPIKE_CATEGORIES: dict[str, float] = {
    "miracle_cure": 0.4,
    "scam_ad": 0.4,
    "emotional_distress": 0.1,
    "care_access": 0.05,
    "financial_support": 0.05,
}
#: The categories each planted story carries.
_STORY_CATEGORIES: dict[str, tuple[str, ...]] = {
    RUMOUR: ("miracle_cure", "awareness"),
    SCAM: ("scam_ad", "miracle_cure"),  # capsules "that cure": classified as both
    APPROVAL: ("new_therapy", "care_access"),
    PRIVACY: ("privacy_leak", "awareness"),
}
_BASELINE = 7 * _DAY  # the alert rules need a history before a spike
_STORY_MARGIN = 2 * _DAY  # so that a spike is never the tail of a story of its category
_SPIKE_GAP = _DAY  # between two spikes of one category, so that each has a quiet baseline
_MIN_EXPECTED = 2.0  # background posts a spike's window should hold, so that it stands out of the noise
_COMMON = 0.1  # the share of a category's posts that makes a platform one where it is common


@dataclass(frozen=True, slots=True)
class PlantedSpike:
    """Extra posts of `category` on `platform` (None: all) in [start, end): `multiplier` x the background."""

    category: str
    platform: str | None
    start: datetime
    end: datetime
    multiplier: float


def _window(spike: PlantedSpike, start: datetime) -> tuple[int, int]:
    return int((spike.start - start).total_seconds()), int((spike.end - start).total_seconds())


def _overlap(hour: int, lo: int, hi: int) -> int:
    """Seconds of hour `hour` of the window inside [lo, hi)."""
    return max(0, min(hi, (hour + 1) * _HOUR) - max(lo, hour * _HOUR))


def _langs_of(category: str) -> dict[str, float]:
    """Each language's share of all background posts that are of `category`."""
    total = sum(P.LANG_WEIGHTS.values())
    shares = {}
    for lang, weight in P.LANG_WEIGHTS.items():
        mix = _category_weights(lang)
        if category in mix:
            shares[lang] = weight / total * mix[category] / sum(mix.values())
    return shares


def _platform_share(category: str, platform: str | None) -> float:
    if platform is None:
        return 1.0
    weights = _platform_weights(category)
    return weights.get(platform, 0.0) / sum(weights.values())


def _story_peaks(total: int) -> dict[str, tuple[int, int]]:
    """Where each planted story is busiest, in seconds into the window, as the `_Stream` methods place it."""
    rumour, scam = int(0.2 * total), int(0.62 * total)
    scam_half = min(10 * _HOUR, total // 6) // 2 + 1
    announce = (int(0.42 * total) // _DAY) * _DAY + 14 * _HOUR
    return {
        RUMOUR: (rumour, rumour + min(3 * _DAY, int(0.6 * total)) + _HOUR),
        SCAM: (scam - scam_half, scam + scam_half),
        APPROVAL: (announce, announce + 2 * _DAY),
        PRIVACY: (int(0.72 * total), int(0.72 * total) + _DAY),
    }


def expected_background(spike: PlantedSpike, n: int, days: int = 7, start: datetime | None = None) -> float:
    """The background posts of the spike's category (and platform) expected in its window, spike-free.

    Computed from the generator's own weights, not from a draw: the background's size (about 72% of n)
    x the category's share over the languages x the platform's share of the category x the window's
    share of the hour-and-weekday weights. Reposts, near-copies and replies add about 15% on top.
    """
    start = _utc(start)
    weights = _hour_weights(days, start)
    lo, hi = _window(spike, start)
    in_window = sum(w * _overlap(h, lo, hi) for h, w in enumerate(weights)) / _HOUR
    share = sum(_langs_of(spike.category).values()) * _platform_share(spike.category, spike.platform)
    return _background_count(n) * share * in_window / sum(weights)


def _window_share(spike: PlantedSpike, days: int, start: datetime) -> float:
    """The share of the stream's hour-and-weekday weight that falls in the spike's window."""
    weights = _hour_weights(days, start)
    lo, hi = _window(spike, start)
    return sum(w * _overlap(h, lo, hi) for h, w in enumerate(weights)) / _HOUR / sum(weights)


def series_baseline(drafts: Iterable[Any], spike: PlantedSpike, days: int, start: datetime) -> float:
    """What a spike multiplies: the most of (a) what its window holds of the category (and platform)
    without it, and (b) what the rhythm predicts there from the whole stream's ordinary posts of
    the category (background, replies, copies; not the stories' bursts). `drafts` are the stream's
    posts as drafts (offset, truth, platform, story, spike) or as JSON dicts."""
    lo, hi = _window(spike, start)
    ordinary = present = 0
    for d in drafts:
        get = d.get if isinstance(d, dict) else (lambda key, d=d: getattr(d, key, None))
        if get("spike") is not None or (get("truth") or get("truth_category")) != spike.category:
            continue
        if spike.platform is not None and get("platform") != spike.platform:
            continue
        offset = get("offset")
        if offset is None:
            created = datetime.fromisoformat(get("created_at").replace("Z", "+00:00"))
            offset = (created - start).total_seconds()
        present += lo <= offset < hi
        ordinary += get("story") is None
    return max(present, ordinary * _window_share(spike, days, start))


def _planted_count(spike: PlantedSpike, expected: float) -> int:
    """Posts to add so that the window holds about `multiplier` times its background; at least one."""
    return max(1, round((spike.multiplier - 1.0) * expected))


def plan_spikes(
    n: int, days: int = 7, seed: int = 0, start: datetime | None = None, count: int | None = None
) -> list[PlantedSpike]:
    """`count` spikes (default one per 5 days, at least 2) for a stream of these arguments, in time order.

    The seed alone fixes them. The first two are miracle_cure and scam_ad, the rest mostly so; half are on
    one platform where the category is common, half on all. Each lasts 2 to 8 hours (longer where the
    series is thin, so that its window expects at least 2 background posts), multiplies its background
    3 to 6 times, starts on the hour after the first 7 days, and keeps 1 day from any other spike of its
    category and 2 days from the peak of a planted story of its category. Raises ValueError where there
    is no room for them.
    """
    if n < 0 or days < 1:
        raise ValueError(f"n must be >= 0 and days >= 1, got n={n}, days={days}")
    start, total = _utc(start), days * _DAY
    count = max(2, round(days / 5)) if count is None else count
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    if count and total < _BASELINE + 2 * _HOUR:
        raise ValueError(f"spikes start after a 7-day baseline: days must be >= 8, got {days}")
    rng = random.Random(f"spikes:{seed}")  # noqa: S311 - synthetic data, not security
    categories = ["miracle_cure", "scam_ad"][:count]
    categories += rng.choices(list(_SPIKE_CATEGORIES), list(_SPIKE_CATEGORIES.values()), k=max(0, count - 2))
    one_platform = [i < count // 2 for i in range(count)]
    rng.shuffle(one_platform)
    busy: dict[str, list[tuple[int, int]]] = {c: [] for c in _SPIKE_CATEGORIES}
    for story, (lo, hi) in _story_peaks(total).items():
        for category in set(_STORY_CATEGORIES[story]) & set(busy):
            busy[category].append((lo - _STORY_MARGIN, hi + _STORY_MARGIN))
    per_hour, weights = _background_count(n) / (days * 24), _hour_weights(days, start)
    first = _BASELINE + (-_seconds_into_day(start)) % _HOUR
    spikes = []
    for category, single in zip(categories, one_platform, strict=True):
        platform = None
        if single:
            shares = {p: _platform_share(category, p) for p in P.PLATFORM_WEIGHTS}
            common = {p: share for p, share in shares.items() if share >= _COMMON}
            platform = rng.choices(list(common), list(common.values()))[0]
        rate = per_hour * sum(_langs_of(category).values()) * _platform_share(category, platform)
        hours = max(rng.randint(2, 8), min(8, math.ceil(_MIN_EXPECTED / rate) if rate > 0 else 8))
        length = hours * _HOUR
        free = [
            t
            for t in range(first, total - length + 1, _HOUR)
            if all(t + length <= lo or t >= hi for lo, hi in busy[category])
        ]
        if not free:
            raise ValueError(
                f"no room for {count} spikes in {days} days: they start after day 7, 1 day apart within a"
                " category and 2 days from the planted stories; give more days or fewer spikes"
            )
        # Spikes break out when people post, more often in the evening than at night.
        t = rng.choices(free, [weights[t // _HOUR] for t in free])[0]
        busy[category].append((t - _SPIKE_GAP, t + length + _SPIKE_GAP))
        multiplier = round(rng.uniform(3.0, 6.0), 1)
        when = start + timedelta(seconds=t)
        spikes.append(PlantedSpike(category, platform, when, when + timedelta(seconds=length), multiplier))
    return sorted(spikes, key=lambda spike: (spike.start, spike.category))


def _check_spikes(spikes: Sequence[PlantedSpike], start: datetime, days: int) -> None:
    for spike in spikes:
        lo, hi = _window(spike, start)
        if not _langs_of(spike.category):
            raise ValueError(f"no background posts of category {spike.category!r} to spike")
        if spike.platform is not None and spike.platform not in P.PLATFORM_WEIGHTS:
            raise ValueError(f"unknown platform {spike.platform!r}")
        if not 0 <= lo < hi <= days * _DAY or spike.multiplier < 1.0:
            raise ValueError(f"a spike must lie inside the window and multiply by >= 1: {spike}")


# --- the stream ------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Draft:
    """A post before the stream is sorted and ids are given; `offset` is seconds into the window."""

    offset: int
    seq: int
    platform: str
    text: str
    truth: str
    lang: str
    author: str | None
    story: str | None
    parent: _Draft | None
    copy_of: _Draft | None
    metrics: dict[str, int] | None
    id: str = ""
    spike: str | None = None


class _Stream:
    """Builds one stream: background, planted stories, replies, then reposts and near-copies."""

    def __init__(
        self, n: int, days: int, seed: int, start: datetime, spikes: Sequence[PlantedSpike] = ()
    ) -> None:
        self.rng = rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.n, self.start, self.total, self.days = n, start, days * _DAY, days
        self.planted = tuple(spikes)
        self.drafts: list[_Draft] = []
        handles = F.make_handles(rng, min(3000, 200 + n // 5))
        self.ctx = F.SlotContext(rng, handles, F.make_sellers(rng, 40))
        # A long tail of authors: a few post very often, most once or twice.
        self._author_cum = list(itertools.accumulate(1.0 / (i + 20) for i in range(len(handles))))
        self._sec0 = _seconds_into_day(start)
        self._hour_weights = _hour_weights(days, start)
        self._hour_cum = list(itertools.accumulate(self._hour_weights))
        self._max_hour_weight = max(P.HOUR_WEIGHTS)
        self._tables = {name: _table(weights) for name, weights in _STORY_TABLES.items()}
        self._lang_table = _table(P.LANG_WEIGHTS)
        self._category_tables = {lang: _table(_category_weights(lang)) for lang in T.BACKGROUND}
        self._platform_tables = {c: _table(_platform_weights(c)) for c in CATEGORIES}

    def _pick(self, table: Table) -> str:
        return self.rng.choices(table[0], cum_weights=table[1])[0]

    def _author(self, exclude: str | None = None) -> str:
        handles = self.ctx.handles
        index = self.rng.choices(range(len(handles)), cum_weights=self._author_cum)[0]
        if handles[index] == exclude:
            index = (index + 1) % len(handles)
        return handles[index]

    def _in_rhythm(self, offset: int) -> bool:
        weight = P.HOUR_WEIGHTS[((self._sec0 + offset) // _HOUR) % 24]
        return self.rng.random() * self._max_hour_weight <= weight

    def _after(self, base: int, mean: float, rhythm: bool = False) -> int:
        """An offset a random delay after `base` (mean `mean` seconds), inside the window."""
        for _ in range(8):
            offset = base + int(self.rng.expovariate(1.0 / mean))
            if offset >= self.total:
                offset = base + self.rng.randrange(max(1, self.total - base))
            if not rhythm or self._in_rhythm(offset):
                break
        return offset

    def _growth(self, count: int, t0: int, span: int, ratio: float) -> list[int]:
        """Offsets in [t0, t0+span) whose density grows `ratio`-fold, following the daily rhythm."""
        out: list[int] = []
        log_ratio = math.log(ratio)
        while len(out) < count:
            x = math.log1p(self.rng.random() * (ratio - 1.0)) / log_ratio
            offset = min(t0 + int(x * span), self.total - 1)
            if self._in_rhythm(offset):
                out.append(offset)
        return out

    def _metrics(self, platform: str, reach: float) -> dict[str, int] | None:
        rng = self.rng
        if rng.random() > 0.65:
            return None
        likes = int((rng.paretovariate(1.3) - 1.0) * 6 * reach)
        shares = int(likes * rng.random() * 0.4)
        if platform == "reddit":
            return {"score": likes, "comments": int(likes * rng.random() * 0.5)}
        if platform == "youtube":
            return {"likes": likes}
        if platform == "tiktok":
            views = likes * rng.randrange(20, 80) + rng.randrange(500)
            return {"likes": likes, "shares": shares, "views": views}
        return {"likes": likes, "shares": shares}

    def _render(self, source: str | Parts, lang: str, fixed: Mapping[str, str] | None = None
                ) -> tuple[str, Slots]:
        """A text from a template or from parts: its choices drawn, its slots filled."""
        template = compose(source, self.rng) if isinstance(source, Parts) else expand(source, self.rng)
        slots = Slots(self.ctx, lang, fixed)
        text = template.format_map(slots)
        if template.startswith("{"):  # '{herb} cures...' starts a sentence
            text = text[:1].upper() + text[1:]
        return text, slots

    def _add(self, offset: int, platform: str, text: str, truth: str, lang: str, author: str | None, *,
             story: str | None = None, parent: _Draft | None = None, copy_of: _Draft | None = None,
             reach: float = 1.0) -> _Draft:
        draft = _Draft(offset, len(self.drafts), platform, text, truth, lang, author, story, parent, copy_of,
                       self._metrics(platform, reach))
        self.drafts.append(draft)
        return draft

    def _decorate(self, text: str, platform: str, truth: str, lang: str, slots: Slots) -> str:
        """Give a text its platform's register: hashtags, longer context, tails, emoji, typos."""
        rng = self.rng
        roll = rng.random()
        if platform in ("x", "instagram", "tiktok") and "#" not in text and roll < 0.55:
            tags = [slots.get("tag") or rng.choice(P.HASHTAGS[truth])]
            if platform != "x":
                tags += rng.sample(P.HASHTAGS[truth], rng.randrange(1, 3))
            text += ("\n\n" if platform == "instagram" else " ") + " ".join(dict.fromkeys(tags))
        elif platform in ("reddit", "forum") and lang == "en" and truth in P.LONG_EXTRAS and roll < 0.6:
            text += "\n\n" + rng.choice(P.LONG_EXTRAS[truth]).format_map(slots)
        elif platform == "facebook" and lang == "en" and truth in P.FACEBOOK_TAILS and roll < 0.2:
            text += " " + rng.choice(P.FACEBOOK_TAILS[truth])
        elif platform == "youtube" and lang == "en" and roll < 0.3:
            text = rng.choice(P.YOUTUBE_OPENERS).format_map(slots) + text
        if platform in _CASUAL and rng.random() < 0.15:
            text += " " + rng.choice(_EMOJI)
        if rng.random() < 0.04:
            text = F.typo(text, rng)
        if platform == "x" and len(text) > 280:
            text = text[:279].rsplit(" ", 1)[0] + "…"
        return text

    def _mutate(self, text: str) -> str:
        """A near-copy: another handle, link, emoji or one changed word."""
        rng = self.rng
        words = text.split(" ")
        swappable = [i for i, word in enumerate(words) if word in P.WORD_SWAPS]
        ops = ["emoji"]
        if _MENTION_RE.search(text):
            ops.append("mention")
        if _URL_RE.search(text):
            ops.append("link")
        if swappable:
            ops.append("word")
        op = rng.choice(ops)
        if op == "mention":
            changed = _MENTION_RE.sub("@" + rng.choice(self.ctx.handles), text, count=1)
        elif op == "link":
            changed = _URL_RE.sub(F.link(self.ctx), text, count=1)
        elif op == "word":
            i = rng.choice(swappable)
            words[i] = P.WORD_SWAPS[words[i]]
            changed = " ".join(words)
        else:
            changed = f"{text.rstrip()} {rng.choice(_EMOJI)}"
        return changed if changed != text else f"{text} ‼️"

    def background(self, count: int) -> list[_Draft]:
        """Everyday posts of every category, timed by the daily and weekly rhythm."""
        rng, start = self.rng, len(self.drafts)
        hours = rng.choices(range(len(self._hour_cum)), cum_weights=self._hour_cum, k=count)
        langs = rng.choices(self._lang_table[0], cum_weights=self._lang_table[1], k=count)
        for hour, lang in zip(hours, langs, strict=True):
            truth = self._pick(self._category_tables[lang])
            platform = self._pick(self._platform_tables[truth])
            text, author = self._everyday(lang, truth, platform)
            self._add(hour * _HOUR + rng.randrange(_HOUR), platform, text, truth, lang, author)
        return self.drafts[start:]

    def _everyday(self, lang: str, truth: str, platform: str) -> tuple[str, str | None]:
        """The text and author of one everyday post of `truth` on `platform`."""
        text, slots = self._render(T.BACKGROUND[lang][truth], lang)
        # Guests on news sites, deleted accounts elsewhere.
        anonymous = self.rng.random() < (0.25 if platform == "news_comment" else 0.02)
        author = None if anonymous else self._author()
        return self._decorate(text, platform, truth, lang, slots), author

    def spike(self, index: int, spike: PlantedSpike) -> None:
        """Everyday posts of the spike's category crowded into its window, following the daily rhythm."""
        rng, truth = self.rng, spike.category
        lo, hi = _window(spike, self.start)
        # The baseline is what the window already holds of the series (background, story tails,
        # replies, copies), or what the weights predict when that is more: a 3x spike is 3x the
        # series an alert rule sees, not 3x one part of it.
        count = _planted_count(spike, series_baseline(self.drafts, spike, self.days, self.start))
        hours = range(lo // _HOUR, (hi - 1) // _HOUR + 1)
        weights = [self._hour_weights[h] * _overlap(h, lo, hi) for h in hours]
        langs = _table(_langs_of(truth))
        for hour in rng.choices(hours, weights=weights, k=count):
            offset = rng.randrange(max(lo, hour * _HOUR), min(hi, (hour + 1) * _HOUR))
            lang = self._pick(langs)
            platform = spike.platform or self._pick(self._platform_tables[truth])
            text, author = self._everyday(lang, truth, platform)
            self._add(offset, platform, text, truth, lang, author).spike = str(index)

    def replies(self, count: int, parents: list[_Draft]) -> None:
        """Replies to background posts, on the parent's platform, in the parent's language where possible."""
        candidates = [d for d in parents if d.platform in _REPLYABLE]
        if not candidates:
            self.background(count)
            return
        for _ in range(count):
            parent = self.rng.choice(candidates)
            lang = parent.lang if parent.truth in T.REPLIES.get(parent.lang, {}) else "en"
            truth, parts = T.REPLIES[lang][parent.truth]
            text, _ = self._render(parts, lang)
            self._add(self._after(parent.offset, 3 * _HOUR), parent.platform, text, truth, lang,
                      self._author(exclude=parent.author), parent=parent)

    def rumour(self, count: int) -> None:
        """'<herb> cures stage 4 cancer, doctors hide it': grows for days, then fades; debunks follow."""
        if count <= 0:
            return
        rng, total = self.rng, self.total
        debunks = count // 5
        t0 = int(0.2 * total) + rng.randrange(_HOUR)
        span = min(3 * _DAY, int(0.6 * total))
        tail = (count - debunks) * 15 // 100
        offsets = self._growth(count - debunks - tail, t0, span, ratio=12.0)
        offsets += [self._after(t0 + span, 10 * _HOUR, rhythm=True) for _ in range(tail)]
        claims = []
        for offset in offsets:
            lang = self._pick(self._tables["rumour_lang"])
            platform = self._pick(self._tables["rumour_platform"])
            text, slots = self._render(S.RUMOUR[lang], lang)
            text = self._decorate(text, platform, "miracle_cure", lang, slots)
            claims.append(self._add(offset, platform, text, "miracle_cure", lang, self._author(),
                                    story=RUMOUR, reach=4.0))
        for _ in range(debunks):
            claim = rng.choice(claims)
            lang = claim.lang if claim.lang in S.DEBUNK else "en"
            text, _ = self._render(S.DEBUNK[lang], lang)
            offset = self._after(claim.offset, 4 * _HOUR)
            if rng.random() < 0.7:
                self._add(offset, claim.platform, text, "awareness", lang, self._author(), story=RUMOUR,
                          parent=claim)
            else:
                self._add(offset, self._pick(self._tables["debunk_platform"]), text, "awareness", lang,
                          self._author(), story=RUMOUR)

    def scam(self, count: int) -> None:
        """A few copy-paste ads posted in a burst by many seller accounts sharing a few WhatsApp numbers."""
        if count <= 0:
            return
        rng, total = self.rng, self.total
        fixed = {"product": rng.choice(P.POOLS["en"]["product"]),
                 "abroad_city": rng.choice(P.POOLS["en"]["abroad_city"]), "wa": "{wa}", "seller": "{seller}"}
        masters: list[tuple[str, str]] = []
        weights: list[float] = []
        for lang, share in _SCAM_LANG_SHARE.items():
            chosen = rng.sample(S.SCAM_ADS[lang], min(3, len(S.SCAM_ADS[lang])))
            masters += [(lang, self._render(template, lang, fixed)[0]) for template in chosen]
            weights += [share / len(chosen)] * len(chosen)
        sellers = rng.sample(self.ctx.sellers, min(14, 4 + count // 15))
        numbers = [F.whatsapp(self.ctx) for _ in range(max(2, len(sellers) // 3))]
        number_of = {seller: rng.choice(numbers) for seller in sellers}
        centre, width = int(0.62 * total), min(10 * _HOUR, total // 6)
        for _ in range(count):
            offset = int(rng.triangular(centre - width / 2, centre + width / 2, centre - width / 4))
            lang, master = rng.choices(masters, weights=weights)[0]
            seller = rng.choice(sellers)
            text = master.replace("{wa}", number_of[seller]).replace("{seller}", seller)
            if rng.random() < 0.2:
                text += " " + rng.choice(("🔥", "✅", "💯", "🌿"))
            platform = self._pick(self._tables["scam_platform"])
            self._add(offset, platform, text, "scam_ad", lang, seller, story=SCAM)

    def approval(self, count: int) -> None:
        """An invented FDA approval: a burst of news at the announcement, then a day or two of discussion."""
        if count <= 0:
            return
        rng, total = self.rng, self.total
        fixed = dict(rng.choice(S.STORY_DRUGS))
        announce = (int(0.42 * total) // _DAY) * _DAY + 14 * _HOUR + rng.randrange(1800)
        if announce >= total:
            announce = int(0.42 * total)
        for _ in range(count):
            kind = self._pick(self._tables["approval_kind"])
            truth, by_lang = S.APPROVAL[kind]
            if kind == "news":
                lang = self._pick(self._tables["news_lang"])
                platform = self._pick(self._tables["news_platform"])
                text, _ = self._render(by_lang[lang], lang, fixed)
                self._add(self._after(announce, 2 * _HOUR), platform, text, truth, lang,
                          rng.choice(P.NEWS_HANDLES), story=APPROVAL, reach=3.0)
                continue
            platform = self._pick(self._tables["talk_platform"])
            text, slots = self._render(by_lang["en"], "en", fixed)
            self._add(self._after(announce, 16 * _HOUR, rhythm=True), platform,
                      self._decorate(text, platform, truth, "en", slots), truth, "en", self._author(),
                      story=APPROVAL)

    def privacy(self, count: int) -> None:
        """One patient's name, room, diagnosis and phone posted, then shared on; one reply objects."""
        if count <= 0:
            return
        rng = self.rng
        slots = Slots(self.ctx, "en")
        fixed = {key: slots[key] for key in ("name", "room", "hospital", "cancer", "phone", "email")}
        platform = self._pick(self._tables["leak_platform"])
        text, _ = self._render(S.PRIVACY_STORY["origin"], "en", fixed)
        offset = int(0.72 * self.total) + rng.randrange(_HOUR)
        origin = self._add(offset, platform, text, "privacy_leak", "en", self._author(), story=PRIVACY,
                           reach=2.0)
        for i in range(count - 1):
            offset = self._after(origin.offset, 3 * _HOUR)
            if i == 1:
                text, _ = self._render(S.PRIVACY_STORY["objection"], "en")
                self._add(offset, origin.platform, text, "awareness", "en", self._author(), story=PRIVACY,
                          parent=origin)
                continue
            text, _ = self._render(S.PRIVACY_STORY["share"], "en", fixed)
            same = rng.random() < 0.7
            self._add(offset, origin.platform if same else self._pick(self._tables["share_platform"]), text,
                      "privacy_leak", "en", self._author(), story=PRIVACY,
                      parent=origin if same and rng.random() < 0.4 else None)

    def copies(self, reposts: int, near_copies: int) -> None:
        """Reposts (same text, 'RT @handle: ' on x) and near-copies of earlier originals."""
        rng = self.rng
        sources = [d for d in self.drafts if d.parent is None]
        boosted = sources + [d for d in sources if d.story in (RUMOUR, SCAM, PRIVACY)]
        for i in range(reposts + near_copies):
            source = rng.choice(boosted)
            near = i >= reposts
            same = rng.random() < (0.5 if near else 0.85)
            platform = source.platform if same else self._pick(self._tables["share_platform"])
            text = self._mutate(source.text) if near else source.text
            if not near and platform == "x" == source.platform and source.author and rng.random() < 0.7:
                text = f"RT @{source.author}: {text}"
            # A scam is re-posted by another seller account, anything else by another user.
            author = rng.choice(self.ctx.sellers) if source.story == SCAM else self._author(source.author)
            offset = self._after(source.offset, 3 * _HOUR)
            self._add(offset, platform, text, source.truth, source.lang, author, story=source.story,
                      copy_of=source)

    def build(self) -> list[dict[str, Any]]:
        """The whole stream as JSON-ready dicts, sorted by time."""
        counts = _counts(self.n)
        parents = self.background(_background_count(self.n))
        self.rumour(counts[RUMOUR])
        self.scam(counts[SCAM])
        self.approval(counts[APPROVAL])
        self.privacy(counts[PRIVACY])
        self.replies(counts["reply"], parents)
        self.copies(counts["repost"], counts["near_copy"])
        # Last, so that the posts drawn before keep their times, categories and platforms.
        for index, spike in enumerate(self.planted):
            self.spike(index, spike)
        return self._finish()

    def _finish(self) -> list[dict[str, Any]]:
        rng = self.rng
        # A child never precedes its parent: its offset is not smaller and, on a tie, its seq is larger.
        self.drafts.sort(key=lambda d: (d.offset, d.seq))
        counters: dict[str, int] = {}
        posts = []
        for d in self.drafts:
            count = counters.get(d.platform, 0)
            counters[d.platform] = count + 1
            d.id = F.platform_id(d.platform, count, rng)
            created = (self.start + timedelta(seconds=d.offset)).strftime("%Y-%m-%dT%H:%M:%SZ")
            post: dict[str, Any] = {"id": d.id, "platform": d.platform, "created_at": created}
            if d.author:
                post["author"] = d.author
            if rng.random() < 0.9:
                post["lang"] = d.lang
            post["text"] = d.text
            if rng.random() < _URL_SHARE.get(d.platform, 0.35):
                post["url"] = F.post_url(d.platform, d.id, d.author, rng)
            if d.parent is not None:
                post["reply_to"] = d.parent.id
            if d.metrics:
                post["metrics"] = d.metrics
            post["synthetic"] = True
            if d.story:
                post["story"] = d.story
            if d.spike is not None:
                post["spike"] = d.spike
            post["truth_category"] = d.truth
            if d.copy_of is not None:
                post["copy_of"] = f"{d.copy_of.platform}:{d.copy_of.id}"
            posts.append(post)
        return posts


# --- public API ------------------------------------------------------------------------------


def generate(
    n: int,
    days: int = 7,
    seed: int = 0,
    start: datetime | None = None,
    spikes: Sequence[PlantedSpike] = (),
) -> Iterator[dict[str, Any]]:
    """n synthetic posts over `days` days from `start` (default 2026-11-01T00:00Z), sorted by created_at.

    The same arguments always give the same posts. Each of `spikes` (see `plan_spikes`) adds posts on top
    of the n, marked `"spike": "<its index>"`; the other posts keep their times, categories and platforms.
    Raises ValueError for n < 0, days < 1, a naive start or a spike outside the window.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if days < 1:
        raise ValueError(f"days must be >= 1, got {days}")
    start = _utc(start)
    _check_spikes(spikes, start, days)
    return iter(_Stream(n, days, seed, start, spikes).build())


def truth_path(out: str | Path) -> Path:
    """Where the truth file of the stream written to `out` goes: stream.jsonl(.gz) -> stream.spikes.json."""
    out = Path(out)
    name = out.name.removesuffix(".gz")
    return out.with_name(f"{Path(name).stem or name}.spikes.json")


def spike_truth(
    posts: Iterable[dict[str, Any]],
    spikes: Sequence[PlantedSpike],
    *,
    stream: str,
    n: int,
    days: int = 7,
    seed: int = 0,
    start: datetime | None = None,
) -> dict[str, Any]:
    """The truth file of a stream: its arguments, its planted spikes, and each planted story's window.

    `stories` lists, per story and category it carries, the first and last post (copies included), so that
    an evaluation does not count alerts on them as false.
    """
    start = _utc(start)
    posts = list(posts)
    planted: dict[str, int] = {}
    baseline: dict[str, int] = {}
    for i, spike in enumerate(spikes):
        lo, hi = _iso(spike.start), _iso(spike.end)
        baseline[str(i)] = sum(
            1
            for post in posts
            if "spike" not in post and post.get("truth_category") == spike.category
            and lo <= post["created_at"] < hi and spike.platform in (None, post["platform"])
        )  # fmt: skip
    stories: dict[tuple[str, str], list[str]] = {}
    for post in posts:
        if "spike" in post:
            planted[post["spike"]] = planted.get(post["spike"], 0) + 1
        if "story" in post:
            window = stories.setdefault((post["story"], post["truth_category"]), [post["created_at"]] * 2)
            window[0], window[1] = min(window[0], post["created_at"]), max(window[1], post["created_at"])
    return {
        "stream": stream,
        "n": n,
        "days": days,
        "seed": seed,
        "start": _iso(start),
        "spikes": [
            {
                "id": str(i),
                "category": spike.category,
                "platform": spike.platform,
                "start": _iso(spike.start),
                "end": _iso(spike.end),
                "multiplier": spike.multiplier,
                "expected_background": round(expected_background(spike, n, days, start), 2),
                "baseline_posts": baseline.get(str(i), 0),
                "series_baseline": round(series_baseline(posts, spike, days, start), 2),
                "planted_posts": planted.get(str(i), 0),
            }
            for i, spike in enumerate(spikes)
        ],
        "stories": [
            {"story": story, "category": category, "start": first, "end": last}
            for (story, category), (first, last) in sorted(
                stories.items(), key=lambda item: (STORIES.index(item[0][0]), item[1][0])
            )
        ],
    }


def to_json_line(post: dict[str, Any]) -> str:
    """One post as a compact JSON line (no newline)."""
    return json.dumps(post, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(posts: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write posts as compact UTF-8 JSON lines (open `out` with encoding='utf-8'); returns the count."""
    count = 0
    for post in posts:
        out.write(to_json_line(post))
        out.write("\n")
        count += 1
    return count


#: What each line of `make_bad_lines` is, in order.
BAD_LINE_KINDS: tuple[str, ...] = (
    "truncated_json", "missing_text", "text_not_a_string", "empty_text", "huge_text", "invalid_utf8",
    "naive_created_at", "unknown_platform", "json_array",
)


def make_bad_lines(seed: int = 0) -> list[bytes]:
    """Malformed input lines, one of each kind in `BAD_LINE_KINDS`, as raw bytes without a newline."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    base: dict[str, Any] = {
        "id": str(rng.randrange(10**17, 10**18)), "platform": "x", "created_at": "2026-11-02T14:03:11Z",
        "text": F.fill(rng.choice(T.BACKGROUND["en"]["peer_support"].cores), "en", rng), "synthetic": True,
    }

    def dump(obj: Any) -> bytes:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    good = dump(base)
    return [
        good[: len(good) // 2],
        dump({key: value for key, value in base.items() if key != "text"}),
        dump({**base, "text": rng.randrange(1, 10**6)}),
        dump({**base, "text": ""}),
        dump({**base, "text": ("My whole treatment diary, day by day. " * 28_000)[: 1 << 20]}),
        dump({**base, "text": "@@BAD@@"}).replace(b"@@BAD@@", b"caf\xe9 after chemo \xff\xfe day 3"),
        dump({**base, "created_at": "2026-11-02T14:03:11"}),
        dump({**base, "platform": rng.choice(("myspace", "Twitter", "orkut"))}),
        dump([base]),
    ]
