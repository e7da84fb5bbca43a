"""Emerging topics: the method, apart from storage and schedule.

A topic is a group of posts close in meaning that appeared together. The method works on event time
(the posts' `created_at`) in fixed steps (`TopicParams.interval`), so a backfill of last month and a
live run over the same posts step through the same ticks and reach the same topics:

- at each tick the posts created before it join the nearest live topic whose centroid is within
  `join` cosine; the others wait;
- among the posts that waited during the last `window`, density-based clustering (scikit-learn's
  HDBSCAN on unit vectors) finds groups of at least `min_size` posts; a group close to a live topic
  joins it, any other group is a new topic;
- a topic's id is a digest of the post_ids it was born with, so the same data give the same ids
  whatever the order of runs, restarts or replays;
- topics whose centroids come within `merge` cosine are merged into the older one, and a topic that
  has grown is re-clustered and split when it holds two well-separated groups; both are recorded as
  lineage, never as silent renumbering;
- a topic that gains nothing for `retire_after` is retired.

Key terms are class-based TF-IDF (c-TF-IDF, Grootendorst 2022) over the words of each topic's posts,
kept as running counts so that no text is re-read; the label is the top terms.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

#: Statuses of a live topic, and of one that ended.
STATUSES = ("emerging", "growing", "steady", "fading")
RETIRED = "retired"
MERGED = "merged"


@dataclass(frozen=True)
class TopicParams:
    """The knobs of the method; defaults chosen on the synthetic stream and CrisisLexT26 (README)."""

    interval: timedelta = timedelta(minutes=30)
    window: timedelta = timedelta(hours=24)
    join: float = 0.55
    merge: float = 0.85
    min_size: int = 5
    #: HDBSCAN's min_samples: lower finds small young groups sooner, higher is more conservative.
    min_samples: int = 3
    #: Fewer distinct texts (near-copy keys) than this and a cluster is one post's reposts, not a topic.
    min_distinct: int = 3
    #: Mean cosine of a new cluster's posts to their centroid must reach this (random oncology posts
    #: reach 0.59 by five, 0.51 by ten; real topics 0.65-0.85).
    min_cohesion: float = 0.6
    #: The same for a lone group found only when HDBSCAN may return its whole tree as one cluster.
    min_cohesion_alone: float = 0.7
    #: Split a topic into parts whose centroids are further apart than this cosine.
    split_below: float = 0.6
    retire_after: timedelta = timedelta(days=7)
    emerging_for: timedelta = timedelta(hours=24)
    #: Growth (last day against the mean day before it) at or above this is `growing`.
    growing_at: float = 1.5
    #: Growth at or below this is `fading`.
    fading_at: float = 0.5
    #: Days of history the growth score compares against.
    growth_days: int = 7
    #: At most this many waiting posts are clustered at once (the newest); bounds a refresh's cost.
    max_pool: int = 6000


def tick_floor(when: datetime, interval: timedelta) -> datetime:
    """The tick at or before `when`: ticks are aligned to the Unix epoch, so every run shares them."""
    step = int(interval.total_seconds())
    seconds = int(when.astimezone(UTC).timestamp())
    return datetime.fromtimestamp(seconds - seconds % step, UTC)


def topic_id_for(founders: Iterable[str]) -> str:
    """A topic's id: a digest of the post_ids it was born with (same data, same id)."""
    digest = hashlib.blake2b("\n".join(sorted(founders)).encode(), digest_size=6).hexdigest()
    return f"t-{digest}"


def unit(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def nearest(vectors: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each vector, the index of the nearest centroid by cosine and that cosine (-1 when none)."""
    if len(centroids) == 0 or len(vectors) == 0:
        return np.full(len(vectors), -1), np.full(len(vectors), -1.0, dtype=np.float32)
    sims = unit(vectors) @ unit(centroids).T
    best = sims.argmax(axis=1)
    return best, sims[np.arange(len(vectors)), best]


def discover(vectors: np.ndarray, near_keys: Sequence[str], params: TopicParams) -> list[np.ndarray]:
    """Dense groups among waiting posts: row indices of each accepted cluster, largest first.

    HDBSCAN on unit vectors (Euclidean distance there is a monotone function of cosine). A cluster
    must be cohesive and hold at least `min_distinct` different texts: one post and its reposts is
    spread, not a topic.
    """
    if len(vectors) < params.min_size:
        return []
    points = unit(vectors).astype(np.float64)
    groups = _accepted(points, _hdbscan(points, params, single=False), near_keys, params, params.min_cohesion)
    if not groups:
        # With one dense group among scattered posts the hierarchy never splits: the group is the
        # root itself, which HDBSCAN does not select unless asked (a lone emerging topic). Asked,
        # it may also return a loose crowd, hence the higher bar.
        labels = _hdbscan(points, params, single=True)
        groups = _accepted(points, labels, near_keys, params, params.min_cohesion_alone)
    groups.sort(key=lambda rows: (-len(rows), int(rows[0])))
    return groups


def _hdbscan(points: np.ndarray, params: TopicParams, single: bool) -> np.ndarray:
    from sklearn.cluster import HDBSCAN

    return HDBSCAN(
        min_cluster_size=params.min_size,
        min_samples=params.min_samples,
        allow_single_cluster=single,
        copy=True,
    ).fit_predict(points)


def _accepted(
    points: np.ndarray, labels: np.ndarray, near_keys: Sequence[str], params: TopicParams, cohesion: float
) -> list[np.ndarray]:
    groups: list[np.ndarray] = []
    for label in sorted(set(labels.tolist()) - {-1}):
        rows = np.flatnonzero(labels == label)
        if len({near_keys[int(i)] for i in rows}) < params.min_distinct:
            continue
        centroid = unit(points[rows].mean(axis=0, keepdims=True))[0]
        if float((points[rows] @ centroid).mean()) < cohesion:
            continue
        groups.append(rows)
    return groups


def split(vectors: np.ndarray, params: TopicParams) -> list[np.ndarray]:
    """Well-separated parts of one topic's posts (row indices, largest first), or [] if it is one."""
    if len(vectors) < 4 * params.min_size:
        return []
    from sklearn.cluster import HDBSCAN

    points = unit(vectors).astype(np.float64)
    labels = HDBSCAN(min_cluster_size=2 * params.min_size, copy=True).fit_predict(points)
    parts = [np.flatnonzero(labels == label) for label in sorted(set(labels.tolist()) - {-1})]
    if len(parts) < 2:
        return []
    centroids = unit(np.stack([points[rows].mean(axis=0) for rows in parts]))
    sims = centroids @ centroids.T
    np.fill_diagonal(sims, -1.0)
    if float(sims.max()) >= params.split_below:
        return []
    parts.sort(key=lambda rows: (-len(rows), int(rows[0])))
    return parts


# ---- key terms ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
_DROP = re.compile(r"https?://\S+|www\.\S+|\[[A-Z_]+\]|@\w+|&amp;|&\w+;")
#: Function words of the languages posts come in; key terms should say what a topic is about.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further get got
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    let me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own rt same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up us very via was we were what when where which while who whom
    why will with would you your yours yourself yourselves amp http https co im dont cant its thats
    i'm i've i'll i'd you're you've you'll we're we've they're they've he's she's it's that's there's
    what's let's don't doesn't didn't can't won't isn't aren't wasn't weren't couldn't wouldn't
    shouldn't haven't hasn't hadn't"""
    """
    el la los las un una unos unas de del al y o que en por para con sin se su sus es son fue como mas
    más pero muy ya lo le les me mi mis te tu tus nos este esta estos estas ese esa eso hay ha han
    le la les des du de et ou en un une dans pour par sur avec sans ce cette ces qui que est sont pas
    plus ne se sa son ses il elle ils elles nous vous je tu au aux
    der die das den dem des ein eine einen einem einer und oder in im auf mit für von zu zum zur ist
    sind nicht auch es sie er wir ihr ich du bei aus an als wie noch nach
    o a os as um uma de do da dos das e ou em no na nos nas por para com sem que se é são não mais
    il lo gli le di da in con su per tra fra che non è sono del della dei delle""".split()
)


def terms(text: str) -> Counter[str]:
    """The words of a text a key term may be made of: lower case, no stop words, links or handles."""
    words = _WORD.findall(_DROP.sub(" ", text).lower().replace("’", "'"))
    return Counter(w.strip("'’-") for w in words if len(w) > 2 and w not in STOP_WORDS)


def c_tf_idf(term_counts: Mapping[str, Mapping[str, int]], top: int = 10) -> dict[str, list[str]]:
    """Top terms of each class by c-TF-IDF: tf(t, c) / |c| * log(1 + A / f(t)).

    `term_counts` maps a class (topic id) to its term counts; A is the mean number of words per
    class and f(t) the frequency of t over all classes, as in BERTopic.
    """
    if not term_counts:
        return {}
    totals = {c: sum(counts.values()) for c, counts in term_counts.items()}
    mean_words = sum(totals.values()) / len(totals)
    frequency: Counter[str] = Counter()
    for counts in term_counts.values():
        frequency.update(counts)
    best: dict[str, list[str]] = {}
    for c, counts in term_counts.items():
        size = max(totals[c], 1)
        weights = {
            t: (n / size) * math.log(1.0 + mean_words / frequency[t]) for t, n in counts.items() if n > 1
        } or {t: (n / size) * math.log(1.0 + mean_words / frequency[t]) for t, n in counts.items()}
        best[c] = [t for t, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return best


def label_for(key_terms: Sequence[str]) -> str:
    """A readable label from the top key terms."""
    return " · ".join(key_terms[:3]) if key_terms else "(no terms yet)"


# ---- growth and status -------------------------------------------------------------------------


def growth(daily: Sequence[int]) -> float:
    """Posts of the last day against the mean day before it (daily counts, oldest first).

    Smoothed by one post so that a topic that had nothing before grows by its size, not to infinity.
    """
    if not daily:
        return 0.0
    last, before = daily[-1], daily[:-1]
    mean_before = sum(before) / len(before) if before else 0.0
    return round((last + 1.0) / (mean_before + 1.0), 3)


def status(
    now: datetime, born: datetime, last_seen: datetime, daily: Sequence[int], params: TopicParams
) -> str:
    """`emerging`, `growing`, `steady`, `fading` (or `retired`), all on event time."""
    if now - last_seen >= params.retire_after:
        return RETIRED
    if now - born < params.emerging_for:
        return "emerging"
    score = growth(daily)
    if score >= params.growing_at and daily and daily[-1] >= params.min_size:
        return "growing"
    if score <= params.fading_at:
        return "fading"
    return "steady"
