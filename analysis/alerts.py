"""Alert detection on event time: category spikes, fast-growing clusters, privacy leaks. Pure, no I/O.

The statistical model of a spike (`expected`, `spike_test`), stated so an analyst can check it:
- A series is the hourly count of posts carrying one category (overall or on one platform).
- Its expectation for an hour h is `level x day[hour of day of h] x week[weekday of h]`, all three
  estimated from the series' own history: the `baseline_days` before the window tested (at least
  `min_history_days`, a week by default: a weekly rhythm needs one). `level` is the median over the
  history's days of each day's count over its expected shape, so that a wave of a few days (a
  story, a campaign) does not become the baseline the next spike is measured against. The daily
  profile is fitted jointly with the weekly one (iterative proportional fitting), lightly smoothed
  over neighbouring hours and shrunk towards the whole stream's with the weight of `SHRINK` posts
  (a sparse series borrows the stream's rhythm, a busy one keeps its own); a weekday's factor is the
  median of its days' levels over the level, shrunk towards 1 with the weight of two days.
  Hours that were far above their expectation (a past spike, Poisson tail below 1e-3) are replaced
  by it, and the estimate redone, so a past spike does not raise the bar for the next one.
- Counts are negative-binomial around that expectation: var = mu + mu^2 / r, with 1 / r the
  overdispersion measured by moments on the history's ordinary days (within a factor 2 of the
  level; 0 when the series is Poisson-like).
- A window of the last 1, 3 or 6 hours (the rule's `windows`) spikes when its observed count has
  an upper-tail probability below `alpha` under NB(sum of the expectations), the count is at least
  `min_count` and at least `min_ratio` times the expectation. Of the windows that spike at one
  tick, the most improbable speaks.

Growth (`growth_test`): a topic or a family of near-copies whose posts in the last `window` are at
least `min_count` and `min_ratio` times what its own previous day predicts (a new cluster's past is
`floor` posts per window), with a Poisson tail below `alpha`: a cluster of similar posts growing
fast even when no category total moves. (Not on the stream's first day, where every cluster is
new; a family of near-copies inside a topic that grows at the same tick is left to the topic.)

Privacy: every `privacy_leak` post is alerted once; when more than `digest_at` arrive in one
interval they come as one digest alert listing all of them, never dropped.

Episodes (`Episode.step`): once a rule fires for a key (rule, category, platform or topic), it
does not fire again for that key until `cooldown` of event time passes without it firing; a spike
that keeps growing meanwhile raises a new alert only when its severity class rises (it escalates,
naming the alert it escalates), never the same severity twice.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from scipy import stats

from schemas.taxonomy import CATEGORIES

SEVERITIES: tuple[str, ...] = ("low", "medium", "high", "critical")
KINDS: tuple[str, ...] = ("spike", "growth", "privacy")
#: Posts' worth of weight the stream's rhythm has against a series' own in its profiles.
SHRINK = 200.0
#: A past hour whose Poisson upper tail is below this is a past spike, not baseline.
_PAST_SPIKE = 1e-3
_HOUR = timedelta(hours=1)


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------


def parse_duration(value: str | int | float | timedelta, what: str = "duration") -> timedelta:
    """'30m', '1h', '6h', '2d' (or seconds as a number) as a timedelta; ValueError otherwise."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return timedelta(seconds=float(value))
    text = str(value).strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    if len(text) >= 2 and text[-1] in units:
        try:
            return timedelta(seconds=float(text[:-1]) * units[text[-1]])
        except ValueError:
            pass
    raise ValueError(f"{what}: {value!r} is not a duration like '30m', '6h' or '2d'")


def format_duration(value: timedelta) -> str:
    """The shortest of '45m', '6h', '2d' that says it exactly."""
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@dataclass(frozen=True)
class SpikeRule:
    """A spike of one category, overall and (with `per_platform`) on each platform."""

    name: str
    category: str
    per_platform: bool = True
    windows: tuple[timedelta, ...] = (timedelta(hours=1), timedelta(hours=3), timedelta(hours=6))
    alpha: float = 1e-4
    min_count: int = 5
    min_ratio: float = 2.0
    enabled: bool = True


@dataclass(frozen=True)
class GrowthRule:
    """Growth of topics (`topics`) and of families of near-copies (`families`)."""

    name: str = "cluster-growth"
    topics: bool = True
    families: bool = True
    window: timedelta = timedelta(hours=6)
    min_count: int = 8
    min_ratio: float = 3.0
    alpha: float = 1e-4
    floor: float = 1.0
    enabled: bool = True


@dataclass(frozen=True)
class PrivacyRule:
    """Every privacy_leak post; a digest per interval when more than `digest_at` come at once."""

    name: str = "privacy-leak"
    digest_at: int = 3
    enabled: bool = True


@dataclass(frozen=True)
class AlertRules:
    """Every rule and the schedule they share; `from_mapping` reads the configuration file's form."""

    spikes: tuple[SpikeRule, ...]
    growth: GrowthRule = field(default_factory=GrowthRule)
    privacy: PrivacyRule = field(default_factory=PrivacyRule)
    interval: timedelta = timedelta(hours=1)
    cooldown: timedelta = timedelta(hours=6)
    baseline_days: int = 28
    min_history_days: int = 7
    examples: int = 3

    @classmethod
    def default(cls) -> AlertRules:
        """On out of the box: spikes of miracle_cure and scam_ad, cluster growth, every privacy leak."""
        return cls(
            spikes=(SpikeRule("miracle-cure-spike", "miracle_cure"), SpikeRule("scam-ad-spike", "scam_ad"))
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> AlertRules:
        """Rules from a parsed TOML/JSON document; a key left out keeps its default.

        ValueError names the offending key: an unknown key, an unknown category, a bad duration.
        """
        top = {f.name for f in fields(cls)} - {"spikes", "growth", "privacy"}
        unknown = set(data) - top - {"spike", "growth", "privacy", "channel"}
        if unknown:
            raise ValueError(f"alert rules: unknown key(s) {sorted(unknown)}")
        base = cls.default()
        settings: dict[str, Any] = {}
        for key in top & set(data):
            value = data[key]
            if key in ("interval", "cooldown"):
                value = parse_duration(value, key)
                if value <= timedelta(0):
                    raise ValueError(f"alert rules: {key} must be positive")
            elif not isinstance(value, int) or value < 1:
                raise ValueError(f"alert rules: {key} must be a positive integer, got {value!r}")
            settings[key] = value
        spikes = base.spikes
        if "spike" in data:
            spikes = tuple(_spike(item, i) for i, item in enumerate(_table_list(data["spike"], "spike")))
            names = [s.name for s in spikes]
            if len(set(names)) != len(names):
                raise ValueError(f"alert rules: spike rule names repeat: {names}")
        growth = _update(base.growth, data.get("growth"), "growth")
        privacy = _update(base.privacy, data.get("privacy"), "privacy")
        rules = replace(base, spikes=spikes, growth=growth, privacy=privacy, **settings)
        if rules.baseline_days < rules.min_history_days:
            raise ValueError("alert rules: baseline_days must be at least min_history_days")
        return rules

    def to_mapping(self) -> dict[str, Any]:
        """The configuration file's form (what `oncowatch alerts rules` prints)."""
        return {
            "interval": format_duration(self.interval),
            "cooldown": format_duration(self.cooldown),
            "baseline_days": self.baseline_days,
            "min_history_days": self.min_history_days,
            "examples": self.examples,
            "spike": [_plain(rule) for rule in self.spikes],
            "growth": _plain(self.growth),
            "privacy": _plain(self.privacy),
        }


def _table_list(value: Any, what: str) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
        return value
    raise ValueError(f"alert rules: [[{what}]] must be a list of tables")


def _spike(item: Mapping[str, Any], index: int) -> SpikeRule:
    if "category" not in item:
        raise ValueError(f"alert rules: spike rule #{index + 1} needs a category")
    category = item["category"]
    if category not in CATEGORIES:
        raise ValueError(f"alert rules: unknown category {category!r}; known: {', '.join(CATEGORIES)}")
    return _update(
        SpikeRule(item.get("name") or f"{category.replace('_', '-')}-spike", category), item, "spike"
    )


def _update(rule: Any, item: Mapping[str, Any] | None, what: str) -> Any:
    """A copy of a rule dataclass with the item's keys set, each converted to the field's type."""
    if item is None:
        return rule
    if not isinstance(item, Mapping):
        raise ValueError(f"alert rules: [{what}] must be a table")
    known = {f.name: f for f in fields(rule)}
    unknown = set(item) - set(known)
    if unknown:
        raise ValueError(f"alert rules: [{what}] has unknown key(s) {sorted(unknown)}")
    changes: dict[str, Any] = {}
    for key, value in item.items():
        current = getattr(rule, key)
        if key == "windows":
            windows = tuple(parse_duration(v, f"{what}.windows") for v in value)
            if not windows:
                raise ValueError(f"alert rules: [{what}] windows is empty")
            changes[key] = windows
        elif isinstance(current, timedelta):
            changes[key] = parse_duration(value, f"{what}.{key}")
        elif isinstance(current, bool):
            if not isinstance(value, bool):
                raise ValueError(f"alert rules: {what}.{key} must be true or false")
            changes[key] = value
        elif isinstance(current, int | float):
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"alert rules: {what}.{key} must be a non-negative number, got {value!r}")
            changes[key] = type(current)(value)
        else:
            changes[key] = str(value)
    return replace(rule, **changes)


def _plain(rule: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(rule):
        value = getattr(rule, f.name)
        if isinstance(value, timedelta):
            value = format_duration(value)
        elif isinstance(value, tuple):
            value = [format_duration(v) if isinstance(v, timedelta) else v for v in value]
        out[f.name] = value
    return out


# --------------------------------------------------------------------------------------------
# The seasonal baseline and the tests
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One window's verdict: what was seen, what was expected, how improbable."""

    observed: int
    expected: float
    p_value: float
    window: timedelta

    @property
    def ratio(self) -> float:
        return self.observed / max(self.expected, 1e-9)


def profiles(counts: np.ndarray, hours: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Factors per hour of day (24) and per weekday (7) of a series, mean 1 over its history.

    Fitted jointly (iterative proportional fitting), so that a weekday seen only at night does not
    pass for a quiet weekday. `hours` are the hours' starts as epoch hours (UTC). An hour of day or a
    weekday with no history (or no expected count) gets 1.0.
    """
    day, week = np.ones(24), np.ones(7)
    mean = counts.mean() if counts.size else 0.0
    if mean <= 0:
        return day, week
    hod, dow = hours % 24, ((hours // 24) + 3) % 7  # 1970-01-01 was a Thursday (weekday 3)
    for _ in range(4):
        for key, size, out, other in ((hod, 24, day, week[dow]), (dow, 7, week, day[hod])):
            seen = np.bincount(key, weights=counts, minlength=size)
            base = np.bincount(key, weights=mean * other, minlength=size)
            out[:] = np.where(base > 0, seen / np.maximum(base, 1e-12), 1.0)
    # Neighbouring hours share most of their rhythm: a light circular smoothing keeps one noisy
    # hour of a short history from setting a bar far below its neighbours'.
    day = 0.25 * np.roll(day, 1) + 0.5 * day + 0.25 * np.roll(day, -1)
    scale = float((day[hod] * week[dow]).mean())
    return day / max(scale, 1e-12), week


def expected(
    history: np.ndarray,
    history_hours: np.ndarray,
    target_hours: np.ndarray,
    stream_profiles: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, float]:
    """Expected counts for `target_hours` from a series' hourly history, and its overdispersion 1/r.

    See the module docstring; `stream_profiles` (day, week) is the whole stream's rhythm the series'
    own is shrunk towards.
    """
    raw = np.asarray(history, dtype=np.float64)
    if raw.size == 0:
        return np.zeros(len(target_hours)), 0.0
    counts = raw
    for _ in range(3):  # estimate, set past spikes to their expectation, estimate again
        level, shape, quiet = _level(counts, history_hours, stream_profiles)
        mu = level * shape(history_hours)
        spikes = stats.poisson.sf(raw - 1, np.maximum(mu, 1e-9)) < _PAST_SPIKE
        if not spikes.any():
            break
        counts = np.where(spikes, mu, raw)
    level, shape, quiet = _level(counts, history_hours, stream_profiles)
    mu = level * shape(history_hours)
    excess = float(((counts[quiet] - mu[quiet]) ** 2 - mu[quiet]).sum())
    overdispersion = min(1.0, max(0.0, excess / max(float((mu[quiet] ** 2).sum()), 1e-9)))
    return level * shape(target_hours), overdispersion


def _level(
    counts: np.ndarray, hours: np.ndarray, stream_profiles: tuple[np.ndarray, np.ndarray] | None
) -> tuple[float, Any, np.ndarray]:
    """The series' level, its shape (hours -> day x week factor) and which history hours are quiet.

    Robust to waves that lasted a few days (a story, a campaign), which must not become the
    baseline the next spike is measured against: each day of the history gets its own level (its
    count over its hour-of-day shape); the level is their median; a weekday's factor is the median
    of its days' levels over that, shrunk towards 1 with the weight of two ordinary days (one
    Saturday in a wave is not "Saturdays are busy"). Quiet hours are those of days within a factor
    2 of the level (what overdispersion is measured on).
    """
    day, _ = _shrunk(counts, hours, counts.mean(), stream_profiles)
    days = hours // 24
    by_day: dict[int, float] = {}
    for d in np.unique(days):
        inside = days == d
        expected_shape = day[hours[inside] % 24].sum()
        if inside.sum() >= 12 and expected_shape > 0:
            by_day[int(d)] = float(counts[inside].sum() / expected_shape)
    if not by_day:
        level = float(counts.sum() / max(float(day[hours % 24].sum()), 1e-9))
        return level, (lambda h: day[h % 24]), np.ones(counts.shape, dtype=bool)
    level = float(np.median(list(by_day.values())))
    week = np.ones(7)
    if level > 0:
        for weekday in range(7):
            seen = [v for d, v in by_day.items() if (d + 3) % 7 == weekday]
            if seen:
                weight = len(seen) / (len(seen) + 2)
                week[weekday] = weight * float(np.median(seen)) / level + (1 - weight)
    calm = {d for d, v in by_day.items() if level / 2 <= v <= 2 * level} if level > 0 else set(by_day)

    def shape(h: np.ndarray) -> np.ndarray:
        return day[h % 24] * week[((h // 24) + 3) % 7]

    return level, shape, np.isin(days, list(calm))


def _shrunk(
    counts: np.ndarray,
    hours: np.ndarray,
    level: float,
    stream_profiles: tuple[np.ndarray, np.ndarray] | None,
) -> tuple[np.ndarray, np.ndarray]:
    own_day, own_week = profiles(counts, hours)
    if stream_profiles is None:
        return own_day, own_week
    weight = counts.sum() / (counts.sum() + SHRINK)
    day = weight * own_day + (1 - weight) * stream_profiles[0]
    week = weight * own_week + (1 - weight) * stream_profiles[1]
    # Renormalise to mean 1 over the history's own hours, so that level stays the mean.
    scale = float((day[hours % 24] * week[((hours // 24) + 3) % 7]).mean()) if level > 0 else 1.0
    return day / max(scale, 1e-9), week


def upper_tail(observed: int, mean: float, overdispersion: float, second_moment: float) -> float:
    """P(X >= observed) for X negative-binomial with this mean and variance mean + od * second_moment.

    `second_moment` is the sum of the squared hourly expectations of the window (a sum of hourly
    NB counts with one dispersion); od = 0 is Poisson.
    """
    if observed <= 0:
        return 1.0
    mean = max(mean, 1e-9)
    extra = overdispersion * second_moment
    if extra <= 1e-12:
        return float(stats.poisson.sf(observed - 1, mean))
    size = mean**2 / extra
    return float(stats.nbinom.sf(observed - 1, size, size / (size + mean)))


def spike_test(
    rule: SpikeRule,
    recent: np.ndarray,
    recent_expected: np.ndarray,
    overdispersion: float,
) -> Verdict | None:
    """The most improbable window of the rule that spikes at the end of `recent` (hourly counts,
    oldest first, aligned with `recent_expected`), or None."""
    best: Verdict | None = None
    for window in rule.windows:
        hours = max(1, int(window / _HOUR))
        if hours > len(recent):
            continue
        observed = int(recent[-hours:].sum())
        mu = recent_expected[-hours:]
        mean = float(mu.sum())
        if observed < rule.min_count or observed < rule.min_ratio * mean:
            continue
        p = upper_tail(observed, mean, overdispersion, float((mu**2).sum()))
        if p < rule.alpha and (best is None or p < best.p_value):
            best = Verdict(observed, mean, p, window)
    return best


def growth_test(rule: GrowthRule, recent: int, previous_day: int) -> Verdict | None:
    """A cluster with `recent` posts in the last window and `previous_day` in the 24 h before it."""
    per_window = previous_day * (rule.window / timedelta(days=1))
    mean = max(per_window, rule.floor)
    if recent < rule.min_count or recent < rule.min_ratio * mean:
        return None
    p = float(stats.poisson.sf(recent - 1, mean))
    return Verdict(recent, mean, p, rule.window) if p < rule.alpha else None


def severity(test: Verdict) -> str:
    """low under 3x the expectation, medium under 5x, high under 10x, critical beyond (or p < 1e-12
    on a big count: a flood is critical whatever its baseline)."""
    ratio = test.ratio
    if ratio >= 10 or (test.p_value < 1e-12 and test.observed >= 50):
        return "critical"
    if ratio >= 5:
        return "high"
    if ratio >= 3:
        return "medium"
    return "low"


# --------------------------------------------------------------------------------------------
# Episodes: cooldown, de-duplication, escalation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Episode:
    """What one key (a rule on a category and platform, or a topic) last did."""

    key: str
    started: datetime
    last_fired: datetime
    severity: str
    alert_id: str

    def open_at(self, now: datetime, cooldown: timedelta) -> bool:
        """Still the same episode: it fired less than `cooldown` ago."""
        return now - self.last_fired < cooldown


def decide(
    previous: Episode | None, key: str, now: datetime, level: str, cooldown: timedelta
) -> tuple[str, Episode] | None:
    """A firing at `now` with severity `level`: ("new" | "escalate", the episode after it), or None
    when it only keeps an open episode alive (its cooldown restarts)."""
    if previous is None or not previous.open_at(now, cooldown):
        alert_id = alert_id_for(key, now, level)
        return "new", Episode(key, now, now, level, alert_id)
    if SEVERITIES.index(level) > SEVERITIES.index(previous.severity):
        alert_id = alert_id_for(key, previous.started, level)
        return "escalate", Episode(key, previous.started, now, level, alert_id)
    return None


def alert_id_for(key: str, started: datetime, level: str) -> str:
    """Same key, same episode start, same severity: same id (a replay or a backfill raises the same)."""
    text = f"{key}\x00{started.isoformat()}\x00{level}"
    return "a-" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def privacy_alert_id(post_ids: Sequence[str]) -> str:
    """The id of a privacy alert: its posts (each post is alerted once)."""
    text = "\x00".join(sorted(post_ids))
    return "a-p" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def epoch_hour(moment: datetime) -> int:
    """Hours since the epoch (UTC) of the hour holding `moment`."""
    return math.floor(moment.timestamp() / 3600)
