"""Multi-label classification of posts into the domain's categories.

`BaselineClassifier` is the first honest baseline: multilingual cue patterns, plus similarity to a
few prototype sentences per category (`analysis.prototypes`), combined by noisy-OR; `privacy_leak`
comes from the personal data actually found in the post (`analysis.privacy.exposes_someone`).
A trained, calibrated head can replace it behind the same `Classifier` protocol.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from analysis.embedding import Embedder
from analysis.privacy import exposes_someone
from analysis.prototypes import (
    CUES,
    DEBUNK,
    LEGIT_PROVIDER,
    LEGIT_THERAPY,
    NEGATION_SENSITIVE,
    SUPPRESSED_TRUTH,
    Cue,
    prototype_items,
)
from schemas.posts import PiiSpan
from schemas.taxonomy import ALERT_CATEGORIES, CATEGORIES, Category, choose_primary

VERSION = "baseline-0.1"
DEFAULT_THRESHOLD = 0.5

#: Score given to privacy_leak when `exposes_someone` decides the post exposes a person.
PRIVACY_LEAK_SCORE = 0.95

# The prototype score is a logistic of the best cosine similarity to the category's prototypes.
# Its centre moves with the text's background similarity (the mean over categories of their best
# match), because an English-only model finds every Spanish text somewhat like every Spanish
# prototype: only a match that stands out from that background counts.
_PROTO_CENTRE = 0.57
_PROTO_BACKGROUND_REF = 0.40
_PROTO_BACKGROUND_WEIGHT = 0.8
_PROTO_TEMPERATURE = 0.05
#: A prototype is named in the evidence when its own score reaches this.
_PROTO_EVIDENCE_MIN = 0.5
#: Resemblance alone stays below this (so it needs a cue to make a label) for alert-worthy categories,
#: because an English-only model finds, say, any French post a bit like the French miracle-cure one;
#: and for negation-sensitive prototypes, because a claim embeds close to its own debunking.
_CUELESS_CAP = 0.45

_OTHER = Category.OTHER.value
_PRIVACY = Category.PRIVACY_LEAK.value
_MIRACLE = Category.MIRACLE_CURE.value
_SCAM = Category.SCAM_AD.value
_AWARENESS = Category.AWARENESS.value


@dataclass(frozen=True)
class Classification:
    """The categories of one post: labels over threshold, the primary one, all scores and why."""

    labels: list[str]
    primary: str
    scores: dict[str, float]
    evidence: dict[str, list[str]]


class Classifier(Protocol):
    """Anything that turns texts (with their vectors and personal-data spans) into classifications."""

    version: str

    def classify(
        self, texts: list[str], vectors: np.ndarray, pii: list[list[PiiSpan]]
    ) -> list[Classification]:
        """One Classification per text, in input order."""
        ...


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-ZÀ-ÞΑ-Ω]")


@dataclass(frozen=True)
class _CueSet:
    """Cues compiled into one alternation, one named group per cue."""

    pattern: re.Pattern[str]
    cues: dict[str, Cue]

    @classmethod
    def compile(cls, cues: Sequence[Cue]) -> _CueSet:
        """One pattern for all cues, tried only where a word (or '#', '$', '€', '£') starts.

        Patterns are lower-case and matched against lower-cased text: much faster than IGNORECASE,
        and the word-start guard lets the engine skip most positions without trying any cue.
        """
        groups = {f"c{i}": cue for i, cue in enumerate(cues)}
        for cue in cues:
            if _UPPER_LITERAL.search(cue.pattern):
                raise ValueError(f"cue {cue.name!r}: patterns must be lower-case")
            if re.compile(cue.pattern).groups:
                # `lastgroup` names the cue only when the cue itself captures nothing.
                raise ValueError(f"cue {cue.name!r}: use non-capturing groups (?:...)")
        alternation = "|".join(f"(?P<{name}>{cue.pattern})" for name, cue in groups.items())
        return cls(re.compile(rf"(?<!\w)(?=[\w#$€£])(?:{alternation})"), groups)

    def fired(self, lowered: str) -> list[Cue]:
        """The distinct cues matching somewhere in the lower-cased text, in order of first appearance."""
        seen: dict[str, Cue] = {}
        for match in self.pattern.finditer(lowered):
            group = match.lastgroup
            if group is not None and group not in seen:
                seen[group] = self.cues[group]
        return list(seen.values())


def _noisy_or(weights: Sequence[float]) -> float:
    """Probability that at least one of several independent signals is right."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


class BaselineClassifier:
    """Cue patterns + prototype similarity, combined by noisy-OR; a baseline to beat."""

    version: str = VERSION

    def __init__(self, embedder: Embedder, thresholds: dict[str, float] | None = None) -> None:
        unknown = set(thresholds or {}) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"thresholds for unknown categories: {sorted(unknown)}")
        self.thresholds = {name: DEFAULT_THRESHOLD for name in CATEGORIES}
        for name, value in (thresholds or {}).items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for {name} must be within 0..1, got {value}")
            self.thresholds[name] = float(value)

        self._cues = {name: _CueSet.compile(cues) for name, cues in CUES.items()}
        self._debunk = _CueSet.compile(DEBUNK)
        self._legit_therapy = _CueSet.compile(LEGIT_THERAPY)
        self._legit_provider = _CueSet.compile(LEGIT_PROVIDER)

        items = prototype_items()
        # Categories in taxonomy order; prototypes sorted so that each category's block is contiguous.
        self._proto_categories = [c for c in CATEGORIES if any(item[0] == c for item in items)]
        items.sort(key=lambda item: self._proto_categories.index(item[0]))
        self._proto_ids = [proto_id for _, proto_id, _ in items]
        counts = [sum(1 for item in items if item[0] == c) for c in self._proto_categories]
        self._block_starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.intp)
        self._prototypes = np.asarray(embedder.embed([text for _, _, text in items]), dtype=np.float32)
        #: The embedding model the prototypes were embedded with; vectors passed in must match it.
        self.embedding_version = embedder.version

    @property
    def prototype_categories(self) -> list[str]:
        """The categories scored by prototype similarity, in the column order of `prototype_scores`."""
        return list(self._proto_categories)

    # -- prototype similarity, for a whole batch at once ------------------------------------------

    def prototype_scores(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per text and prototype-backed category: (score 0..1, index of the nearest prototype).

        One matrix multiply against the prototype matrix; columns follow `prototype_categories`.
        """
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self._prototypes.shape[1]:
            raise ValueError(
                f"vectors must be (n, {self._prototypes.shape[1]}), got {vectors.shape}: "
                "were they made by the embedder this classifier was built with?"
            )
        sims = vectors @ self._prototypes.T
        best = np.maximum.reduceat(sims, self._block_starts, axis=1)
        block_ends = np.append(self._block_starts[1:], sims.shape[1])
        nearest = np.stack(
            [
                start + np.argmax(sims[:, start:end], axis=1)
                for start, end in zip(self._block_starts, block_ends, strict=True)
            ],
            axis=1,
        )
        background = best.mean(axis=1, keepdims=True)
        centre = _PROTO_CENTRE + _PROTO_BACKGROUND_WEIGHT * (background - _PROTO_BACKGROUND_REF)
        scores = 1.0 / (1.0 + np.exp(-(best - centre) / _PROTO_TEMPERATURE))
        return scores, nearest

    def stance_cues(self, text: str) -> tuple[list[str], list[str]]:
        """The debunking phrases, and the suppressed-truth cure-claim phrases, found in a text.

        Whatever the labels: a classifier built on this one weighs them against its own reading.
        """
        lowered = text.lower()
        framing = [c.name for c in self._cues[_MIRACLE].fired(lowered) if c.name in SUPPRESSED_TRUTH]
        return [c.name for c in self._debunk.fired(lowered)], framing

    # -- the whole decision --------------------------------------------------------------------

    def classify(
        self, texts: list[str], vectors: np.ndarray, pii: list[list[PiiSpan]]
    ) -> list[Classification]:
        """Classify a batch: texts, their embedding rows and their personal-data spans, aligned."""
        if not texts:
            return []
        if len(pii) != len(texts) or len(vectors) != len(texts):
            raise ValueError(
                f"texts ({len(texts)}), vectors ({len(vectors)}) and pii ({len(pii)}) must align"
            )
        proto_scores, nearest = self.prototype_scores(vectors)
        return [
            self._one(text, spans, proto_scores[row], nearest[row])
            for row, (text, spans) in enumerate(zip(texts, pii, strict=True))
        ]

    def _one(
        self, text: str, spans: list[PiiSpan], proto_row: np.ndarray, nearest_row: np.ndarray
    ) -> Classification:
        lowered = text.lower()
        fired = {name: cue_set.fired(lowered) for name, cue_set in self._cues.items()}
        scores: dict[str, float] = dict.fromkeys(CATEGORIES, 0.0)
        evidence: dict[str, list[str]] = {name: [] for name in CATEGORIES}
        for name, cues in fired.items():
            scores[name] = _noisy_or([cue.weight for cue in cues])
            evidence[name] = [f"cue:{cue.name}" for cue in cues]
        debunk = self._debunk.fired(lowered)
        for column, name in enumerate(self._proto_categories):
            proto_score = float(proto_row[column])
            proto_id = self._proto_ids[int(nearest_row[column])]
            needs_cue = name in ALERT_CATEGORIES or (proto_id in NEGATION_SENSITIVE and not debunk)
            if needs_cue and not fired.get(name):
                proto_score = min(proto_score, _CUELESS_CAP)
            scores[name] = _noisy_or([scores[name], proto_score])
            if proto_score >= _PROTO_EVIDENCE_MIN:
                evidence[name].append(f"nearest:{proto_id}")

        self._adjust_for_context(lowered, fired, debunk, scores, evidence)

        leak, leak_evidence = exposes_someone(text, spans)
        scores[_PRIVACY] = PRIVACY_LEAK_SCORE if leak else 0.0
        evidence[_PRIVACY] = leak_evidence if leak else []

        scores = {name: min(1.0, max(0.0, value)) for name, value in scores.items()}
        scores[_OTHER] = 1.0 - max(value for name, value in scores.items() if name != _OTHER)
        labels = sorted(
            (n for n in CATEGORIES if n != _OTHER and scores[n] >= self.thresholds[n]),
            key=lambda n: -scores[n],
        )
        if not labels:
            labels = [_OTHER]
            evidence[_OTHER] = ["below_threshold"]
        return Classification(
            labels=labels,
            primary=choose_primary(labels, scores),
            scores=scores,
            evidence={name: evidence[name] for name in labels},
        )

    def _adjust_for_context(
        self,
        lowered: str,
        fired: dict[str, list[Cue]],
        debunk: list[Cue],
        scores: dict[str, float],
        evidence: dict[str, list[str]],
    ) -> None:
        """The hard cases of domain.md: debunking, hype about approved drugs, hospitals' own ads."""
        # A post that debunks a miracle cure, or warns about a scam, is awareness.
        if debunk:
            strength = _noisy_or([cue.weight for cue in debunk])
            scores[_MIRACLE] *= 1.0 - 0.85 * strength
            scores[_SCAM] *= 1.0 - 0.6 * strength
            scores[_AWARENESS] = _noisy_or([scores[_AWARENESS], 0.85 * strength])
            evidence[_AWARENESS] += [f"cue:debunk:{cue.name}" for cue in debunk]
        # Hype about an approved or trialled drug is new_therapy; an outright cure claim is not.
        if not any(cue.weight >= 0.75 for cue in fired[_MIRACLE]):
            if therapy := self._legit_therapy.fired(lowered):
                scores[_MIRACLE] *= 0.4
                evidence[_MIRACLE].append(f"dampened:{therapy[0].name}")
        # A hospital's own offer is not commercial exploitation, short of unmistakable scam cues.
        if not any(cue.weight >= 0.8 for cue in fired[_SCAM]):
            if provider := self._legit_provider.fired(lowered):
                scores[_SCAM] *= 0.5
                evidence[_SCAM].append(f"dampened:{provider[0].name}")
