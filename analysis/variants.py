"""Rumour variants: fuse dense and lexical retrieval, decide "same claim", give each variant a stance,
group near-copies into families, and measure retrieval the way CLEF CheckThat! 2020 Task 2 does.

Pure: no store, no index, no model. `pipelines/variants.py` feeds it the candidate lists of FAISS
and of the store's full-text index; `pipelines/eval_variants.py` those of a verified-claims corpus.

- Fusion: each candidate gets the features of `FEATURES` from the two best-first lists and from
  what its text shares with the query's (`indexing.lexical.QueryProfile`: idf-weighted share of
  the query's terms, numbers, capitalised words, length), and a `FusionModel` (a ranker and a
  logistic regression fitted on CLEF 2020 train by
  `benchmarks/fit_variant_fusion.py`, shipped as `analysis/variant_fusion.json`) turns them into a
  ranking score and a calibrated P(same claim); `cutoff` is the probability from which a candidate
  is a variant.
- Stance: what the stored labels and evidence say (the classifier already tells a cure claim from its
  debunk), else the debunking cues of `analysis.prototypes` on the text.
- Families: near-copies (same `near_key`, a `duplicate_of` link, or cosine >= `FAMILY_COSINE`) of
  one stance; a family never mixes stances, so debunks are always shown apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from analysis.prototypes import DEBUNK
from indexing.lexical import QueryProfile

Stance = Literal["asserts", "debunks", "unclear"]

#: The fusion features of a candidate, the columns of `fusion_features`: its place in the dense and
#: lexical lists, then what its text shares with the query's (`indexing.lexical.QueryProfile.overlap`),
#: then two products a linear head cannot form itself (a word-for-word match counts for more when
#: the meaning is close too; so does being near the top of both lists).
FEATURES = (
    "cosine",
    "cosine_gap",
    "bm25_norm",
    "rr_dense",
    "rr_lexical",
    "both",
    "term_cover",
    "shared_numbers",
    "number_clash",
    "shared_capitalised",
    "length_ratio",
    "cosine_x_cover",
    "rr_product",
)
#: What P(same claim) is computed from: no ranks, so the n-th variant of a big family counts as the first.
SAME_CLAIM_FEATURES = ("cosine", "cosine_gap", "bm25_norm", "both", "term_cover", "cosine_x_cover")
#: Two posts this close in meaning are one family even without a shared near_key (a copy with a
#: word changed); measured on the sample stream's copy campaigns, rewordings stay well below it.
FAMILY_COSINE = 0.95
FUSION_FILE = "variant_fusion.json"
#: Families compared pairwise by cosine at most (a square matrix of this side).
_MAX_COSINE_MERGE = 2000

# A media link is often glued to the word before it (`#IranUsapic.twitter.com/x`): only the link goes.
_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S*", re.IGNORECASE)
_HANDLE = re.compile(r"@(\w[\w.]*)")
_HASHTAG = re.compile(r"#(\w+)")
_WORD_BREAK = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])|_+"
)
_DEBUNK = re.compile("|".join(f"(?:{cue.pattern})" for cue in DEBUNK))
_ASSERTS = frozenset({"miracle_cure", "scam_ad"})


def _words_of(name: str) -> str:
    """A handle or hashtag as the words it joins: `HillaryClinton` -> `Hillary Clinton`."""
    return " ".join(_WORD_BREAK.sub(" ", name).split())


def _hashtag(match: re.Match[str]) -> str:
    words = _words_of(match.group(1))
    # The tag stays (posts that carry it match it), its words join it (texts that spell them out).
    return f" {match.group(0)} " if words == match.group(1) else f" {match.group(0)} {words} "


def clean_text(text: str) -> str:
    """A post as a query: links and `pic.twitter.com` media links removed, an @handle as its words
    (`@HillaryClinton` -> `Hillary Clinton`: who a post names or quotes is often what its claim is
    about), a joined-up hashtag followed by its words, spaces folded."""
    text = _HANDLE.sub(lambda m: f" {_words_of(m.group(1))} ", _URL.sub(" ", text))
    return " ".join(_HASHTAG.sub(_hashtag, text).split())


# --------------------------------------------------------------------------------------------
# Fusion
# --------------------------------------------------------------------------------------------


def fusion_features(
    dense: Sequence[tuple[str, float]],
    lexical: Sequence[tuple[str, float]],
    cosines: Mapping[str, float] | None = None,
    *,
    query: QueryProfile,
    texts: Mapping[str, str],
) -> tuple[list[str], np.ndarray]:
    """Every candidate of either best-first list and its `FEATURES` row.

    `dense` holds (id, cosine), `lexical` (id, bm25 score, higher is better). A lexical-only
    candidate takes its cosine from `cosines` (compute it: it matters) or else the lowest dense
    cosine seen, a bound it cannot have beaten. The gap is to the best cosine of all candidates;
    bm25 is divided by the query's best bm25, so 1.0 is the best lexical match of this query.
    `query` is the profile of the (cleaned) query text, with document counts from the corpus the
    lexical list came from; `texts` each candidate's text (one missing counts as empty).
    """
    dense_rank = {doc: rank for rank, (doc, _) in enumerate(dense, start=1)}
    lexical_rank = {doc: rank for rank, (doc, _) in enumerate(lexical, start=1)}
    cosine = dict(dense)
    floor = min(cosine.values()) if cosine else 0.0
    bm25 = dict(lexical)
    best_bm25 = max(bm25.values(), default=0.0)
    ids = list(dict.fromkeys([doc for doc, _ in dense] + [doc for doc, _ in lexical]))
    if not ids:
        return [], np.zeros((0, len(FEATURES)))
    cos = np.array([cosine.get(doc, (cosines or {}).get(doc, floor)) for doc in ids], dtype=np.float64)
    rows = np.column_stack(
        [
            cos,
            cos - cos.max(),
            [bm25.get(doc, 0.0) / best_bm25 if best_bm25 > 0 else 0.0 for doc in ids],
            [1.0 / dense_rank[doc] if doc in dense_rank else 0.0 for doc in ids],
            [1.0 / lexical_rank[doc] if doc in lexical_rank else 0.0 for doc in ids],
            [float(doc in dense_rank and doc in lexical_rank) for doc in ids],
        ]
    )
    overlap = np.array([query.overlap(texts.get(doc, "")) for doc in ids], dtype=np.float64)
    return ids, np.column_stack([rows, overlap, cos * overlap[:, 0], rows[:, 3] * rows[:, 4]])


@dataclass(frozen=True)
class LogisticHead:
    """A logistic regression over some of `FEATURES` (it picks its columns from full feature rows)."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def __post_init__(self) -> None:
        unknown = set(self.features) - set(FEATURES)
        if unknown or len(self.coef) != len(self.features):
            raise ValueError(f"a head over {self.features} with {len(self.coef)} coefficients")

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        """The probability of each row of `fusion_features`."""
        rows = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURES))
        logit = rows[:, [FEATURES.index(f) for f in self.features]] @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logit, -40.0, 40.0)))

    @classmethod
    def fit(
        cls, rows: np.ndarray, labels: np.ndarray, features: Sequence[str], c: float = 1.0
    ) -> LogisticHead:
        """Fit (L2, inverse strength `c`) on full feature rows labelled 1 for the same claim."""
        from sklearn.linear_model import LogisticRegression

        columns = [FEATURES.index(f) for f in features]
        model = LogisticRegression(C=c, max_iter=5000).fit(np.asarray(rows)[:, columns], np.asarray(labels))
        return cls(tuple(features), tuple(float(x) for x in model.coef_[0]), float(model.intercept_[0]))

    @classmethod
    def fit_ranking(
        cls,
        groups: Sequence[tuple[np.ndarray, np.ndarray]],
        features: Sequence[str],
        c: float = 1.0,
    ) -> LogisticHead:
        """Fit a ranker on (full feature rows, 0/1 labels) per query: a conditional logit, the
        softmax over each query's candidates of their linear scores, so it learns what puts the
        answer above the other candidates of the same query (what MAP measures) rather than what
        makes a row relevant among all rows. L2 (inverse strength `c`) on standardised columns;
        a query without a relevant candidate teaches nothing and is left out. The scale and
        intercept of the sigmoid are then fitted on all rows (one-feature logistic regression),
        so the head still reads as a probability; the order it gives does not depend on them."""
        from scipy.optimize import minimize
        from sklearn.linear_model import LogisticRegression

        columns = [FEATURES.index(f) for f in features]
        kept = [(np.asarray(x)[:, columns], np.asarray(y, dtype=np.float64)) for x, y in groups if np.any(y)]
        if not kept:
            raise ValueError("no query has a relevant candidate")
        stacked = np.vstack([x for x, _ in kept])
        mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
        standard = [((x - mean) / scale, y / y.sum()) for x, y in kept]

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            value, grad = 0.5 * float(w @ w) / c, w / c
            for x, target in standard:
                logits = x @ w
                logits -= logits.max()
                p = np.exp(logits)
                p /= p.sum()
                value -= float(target @ np.log(p + 1e-300))
                grad = grad + x.T @ (p - target)
            return value, grad

        w = minimize(loss, np.zeros(len(columns)), jac=True, method="L-BFGS-B").x
        coef = w / scale  # the per-query shift of standardising changes no order
        rows = np.vstack([np.asarray(x) for x, _ in groups])
        labels = np.concatenate([np.asarray(y) for _, y in groups])
        platt = LogisticRegression(max_iter=1000).fit(rows[:, columns] @ coef[:, None], labels)
        a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
        return cls(tuple(features), tuple(float(x) for x in a * coef), b)

    def to_json(self) -> dict[str, Any]:
        """The head as JSON."""
        return {"features": list(self.features), "coef": list(self.coef), "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LogisticHead:
        """Read what `to_json` wrote."""
        return cls(tuple(data["features"]), tuple(float(x) for x in data["coef"]), float(data["intercept"]))


@dataclass(frozen=True)
class FusionModel:
    """Two logistic heads over the fusion features and the cut-off of the second.

    - `rank` orders candidates when one document is *the* answer (a claim for a tweet, CLEF's
      task): it leans on reciprocal ranks, which say "best of this list", and is fitted as a
      ranker (`LogisticHead.fit_ranking`).
    - `same_claim` is P(a candidate makes the query's claim), fitted on post pairs that make the same
      claim; it leaves ranks out, so the tenth rewording of a rumour is judged like the first.
      `cutoff` applies to it, and `oncowatch variants` accepts, scores and orders by it.
    """

    rank: LogisticHead
    same_claim: LogisticHead
    cutoff: float
    provenance: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.cutoff <= 1.0:
            raise ValueError(f"cut-off {self.cutoff} is not a probability")

    def ranking(self, rows: np.ndarray) -> np.ndarray:
        """Ranking scores (higher first) for rows of `fusion_features`."""
        return self.rank(rows)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """Calibrated P(same claim) for rows of `fusion_features`."""
        return self.same_claim(rows)

    def with_cutoff(self, cutoff: float, **provenance: Any) -> FusionModel:
        """The same heads with another cut-off (and provenance merged in)."""
        return FusionModel(self.rank, self.same_claim, cutoff, {**self.provenance, **provenance})

    def to_json(self) -> dict[str, Any]:
        """What `variant_fusion.json` holds."""
        return {
            "rank": self.rank.to_json(),
            "same_claim": self.same_claim.to_json(),
            "cutoff": self.cutoff,
            "provenance": self.provenance,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FusionModel:
        """Read what `to_json` wrote."""
        return cls(
            LogisticHead.from_json(data["rank"]),
            LogisticHead.from_json(data["same_claim"]),
            float(data["cutoff"]),
            dict(data.get("provenance", {})),
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> FusionModel:
        """The model in `path`, or the one shipped with the package."""
        if path is None:
            text = (resources.files("analysis") / FUSION_FILE).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return cls.from_json(json.loads(text))


def best_cutoff(probabilities: np.ndarray, labels: np.ndarray, total_relevant: int | None = None) -> float:
    """The probability cut-off with the best F1 of "same claim" decisions (ties: the higher cut).

    `total_relevant` counts relevant pairs the candidates missed too (they are misses at any cut).
    """
    p, y = np.asarray(probabilities, dtype=np.float64), np.asarray(labels).astype(bool)
    relevant = int(total_relevant if total_relevant is not None else y.sum())
    best, best_f1 = 0.5, -1.0
    for cut in np.round(np.arange(0.01, 1.0, 0.01), 2):
        chosen = p >= cut
        hits = int((chosen & y).sum())
        f1 = 2 * hits / (int(chosen.sum()) + relevant) if relevant else 0.0
        if f1 >= best_f1:
            best, best_f1 = float(cut), f1
    return best


# --------------------------------------------------------------------------------------------
# Stance
# --------------------------------------------------------------------------------------------


def text_debunks(text: str) -> bool:
    """Whether a text carries a debunking phrase (the classifier's cues, several languages)."""
    return _DEBUNK.search(text.lower()) is not None


def stance_of(labels: Sequence[str], evidence: Mapping[str, Sequence[str]] | None, text: str = "") -> Stance:
    """`asserts`, `debunks` or `unclear` for a stored post (labels, evidence) or a bare text.

    The classifier marks a debunk as `awareness` with evidence `stance:debunks_a_cure (...)` or
    `cue:debunk:...`; `miracle_cure` and `scam_ad` push a claim. Without either, the debunking
    cues on the text decide between `debunks` and `unclear`.
    """
    if "miracle_cure" in labels:
        return "asserts"  # the classifier has already weighed any debunking phrase in it
    awareness = (evidence or {}).get("awareness", [])
    if any(e.startswith(("stance:debunks_a_cure", "cue:debunk:")) for e in awareness):
        return "debunks"
    if _ASSERTS & set(labels):
        return "asserts"
    return "debunks" if text and text_debunks(text) else "unclear"


# --------------------------------------------------------------------------------------------
# Families, timeline, platforms
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """A post judged to make the query's claim."""

    post_id: str
    score: float
    stance: Stance
    created_at: datetime
    platform: str
    near_key: str
    duplicate_of: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Family:
    """Near-copies of one stance: the representative (best score, then earliest) and every member."""

    representative: Variant
    members: tuple[Variant, ...]

    @property
    def stance(self) -> Stance:
        """The stance every member shares."""
        return self.representative.stance

    @property
    def score(self) -> float:
        """The best score of a member."""
        return self.representative.score


def group_families(
    variants: Sequence[Variant],
    vectors: Mapping[str, np.ndarray] | None = None,
    bar: float = FAMILY_COSINE,
) -> list[Family]:
    """Union near-copies (same near_key, duplicate_of, cosine >= bar) within each stance.

    Families come best score first, then largest, then by the representative's post_id.
    """
    parent = list(range(len(variants)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        if variants[i].stance == variants[j].stance:
            parent[find(i)] = find(j)

    by_key: dict[tuple[str, str], int] = {}
    index = {v.post_id: i for i, v in enumerate(variants)}
    for i, v in enumerate(variants):
        for key in (v.near_key, v.duplicate_of):
            if key:
                union(i, by_key.setdefault((v.stance, key), i))
        if v.duplicate_of in index:
            union(i, index[v.duplicate_of])
    if vectors:
        # One vector per family so far (copies share their original's), compared pairwise.
        heads: dict[int, int] = {}
        for i, v in enumerate(variants):
            if v.post_id in vectors:
                heads.setdefault(find(i), i)
        have = list(heads.values())[:_MAX_COSINE_MERGE]
        if len(have) > 1:
            matrix = np.stack([np.asarray(vectors[variants[i].post_id], dtype=np.float32) for i in have])
            close = np.argwhere(np.triu(matrix @ matrix.T >= bar, k=1))
            for a, b in close.tolist():
                union(have[a], have[b])
    groups: dict[int, list[Variant]] = {}
    for i, v in enumerate(variants):
        groups.setdefault(find(i), []).append(v)
    families = []
    for members in groups.values():
        members.sort(key=lambda v: (-v.score, v.created_at, v.post_id))
        families.append(Family(members[0], tuple(members)))
    families.sort(key=lambda f: (-f.score, -len(f.members), f.representative.post_id))
    return families


def timeline(variants: Iterable[Variant]) -> list[dict[str, Any]]:
    """Posts per UTC day of created_at, oldest first: [{"day": "YYYY-MM-DD", "count": n}]."""
    days = Counter(v.created_at.astimezone(UTC).date().isoformat() for v in variants)
    return [{"day": day, "count": count} for day, count in sorted(days.items())]


def platforms(variants: Iterable[Variant]) -> dict[str, int]:
    """Posts per platform, largest first."""
    return dict(sorted(Counter(v.platform for v in variants).items(), key=lambda kv: (-kv[1], kv[0])))


# --------------------------------------------------------------------------------------------
# Retrieval metrics (CLEF CheckThat! 2020 Task 2)
# --------------------------------------------------------------------------------------------


def average_precision_at(ranked: Sequence[str], relevant: set[str] | frozenset[str], k: int) -> float:
    """AP@k as the CLEF 2020 scorer (trectools) computes it: the precision at each relevant document
    within the first k, summed and divided by the number of relevant documents (all of them, not
    min(k, |relevant|)); 0 when there are none."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def reciprocal_rank(ranked: Sequence[str], relevant: set[str] | frozenset[str]) -> float:
    """1 / rank of the first relevant document; 0 when none is ranked."""
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def recall_at(ranked: Sequence[str], relevant: set[str] | frozenset[str], k: int) -> float:
    """Share of the relevant documents within the first k."""
    return len(set(ranked[:k]) & set(relevant)) / len(relevant) if relevant else 0.0


def retrieval_metrics(
    runs: Mapping[str, Sequence[str]], qrels: Mapping[str, set[str] | frozenset[str]]
) -> dict[str, float | int]:
    """MAP@1, MAP@5 (the official measure), MRR and recall@10, averaged over every query of `qrels`
    (a query with no run counts 0)."""
    queries = [q for q in qrels if qrels[q]]
    if not queries:
        raise ValueError("no query has a relevant document")

    def mean(values: Iterable[float]) -> float:
        return round(float(np.mean(list(values))), 4)

    return {
        "map@1": mean(average_precision_at(runs.get(q, []), qrels[q], 1) for q in queries),
        "map@5": mean(average_precision_at(runs.get(q, []), qrels[q], 5) for q in queries),
        "mrr": mean(reciprocal_rank(runs.get(q, []), qrels[q]) for q in queries),
        "recall@10": mean(recall_at(runs.get(q, []), qrels[q], 10) for q in queries),
        "queries": len(queries),
    }
