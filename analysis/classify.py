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

from analysis.classify_cues import CUES, DEBUNK, LEGIT_PROVIDER, LEGIT_THERAPY, Cue
from analysis.embedding import Embedder
from analysis.privacy import exposes_someone
from analysis.prototypes import prototype_items
from schemas.posts import PiiSpan
from schemas.taxonomy import CATEGORIES, Category, choose_primary

VERSION = "baseline-0.1"
DEFAULT_THRESHOLD = 0.5

#: Score given to privacy_leak when `exposes_someone` decides the post exposes a person.
PRIVACY_LEAK_SCORE = 0.95

# The prototype score is a logistic of the best cosine similarity to the category's prototypes.
# Its centre moves with the text's background similarity (the mean over categories of their best
# match), because an English-only model finds every Spanish text somewhat like every Spanish
# prototype: only a match that stands out from that background counts.
_PROTO_CENTRE = 0.55
_PROTO_BACKGROUND_REF = 0.40
_PROTO_BACKGROUND_WEIGHT = 0.8
_PROTO_TEMPERATURE = 0.05
#: A prototype is named in the evidence when its own score reaches this.
_PROTO_EVIDENCE_MIN = 0.5

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


@dataclass(frozen=True)
class _CueSet:
    """Cues compiled into one alternation, one named group per cue."""

    pattern: re.Pattern[str]
    cues: dict[str, Cue]

    @classmethod
    def compile(cls, cues: Sequence[Cue]) -> _CueSet:
        groups = {f"c{i}": cue for i, cue in enumerate(cues)}
        alternation = "|".join(f"(?P<{name}>{cue.pattern})" for name, cue in groups.items())
        return cls(re.compile(alternation, re.IGNORECASE), groups)

    def fired(self, text: str) -> list[Cue]:
        """The distinct cues matching somewhere in the text, in order of first appearance."""
        seen: dict[str, Cue] = {}
        for match in self.pattern.finditer(text):
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
        matrix = np.asarray(embedder.embed([text for _, _, text in items]), dtype=np.float32)
        self._prototypes = matrix
        self.embedding_version = embedder.version

    # -- prototype similarity, for a whole batch at once ------------------------------------------

    def prototype_scores(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per text and prototype-backed category: (score 0..1, index of the nearest prototype).

        One matrix multiply against the prototype matrix; columns follow `self._proto_categories`.
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
        scores: dict[str, float] = {}
        evidence: dict[str, list[str]] = {}
        proto_of = dict(zip(self._proto_categories, range(len(self._proto_categories)), strict=True))

        for name in CATEGORIES:
            if name in (_OTHER, _PRIVACY):
                continue
            fired = self._cues[name].fired(text) if name in self._cues else []
            cue_score = _noisy_or([cue.weight for cue in fired])
            why = [f"cue:{cue.name}" for cue in fired]
            proto_score = 0.0
            if name in proto_of:
                column = proto_of[name]
                proto_score = float(proto_row[column])
                if proto_score >= _PROTO_EVIDENCE_MIN:
                    why.append(f"nearest:{self._proto_ids[int(nearest_row[column])]}")
            scores[name] = _noisy_or([cue_score, proto_score])
            evidence[name] = why
            if name == _MIRACLE:
                # Strong claims survive a legitimate-therapy context; mere hype does not.
                strong_claim = any(cue.weight >= 0.75 for cue in fired)
                if not strong_claim and (therapy := self._legit_therapy.fired(text)):
                    scores[name] *= 0.4
                    evidence[name].append(f"dampened:{therapy[0].name}")

        self._apply_debunk(text, scores, evidence)
        self._apply_legit_provider(text, scores, evidence)

        leak, leak_evidence = exposes_someone(text, spans)
        scores[_PRIVACY] = PRIVACY_LEAK_SCORE if leak else 0.0
        evidence[_PRIVACY] = leak_evidence if leak else []

        scores = {name: min(1.0, max(0.0, float(scores.get(name, 0.0)))) for name in CATEGORIES}
        scores[_OTHER] = 1.0 - max(v for k, v in scores.items() if k != _OTHER)
        labels = sorted(
            (n for n in CATEGORIES if n != _OTHER and scores[n] >= self.thresholds[n]),
            key=lambda n: -scores[n],
        )
        if not labels:
            labels = [_OTHER]
            evidence[_OTHER] = ["below_threshold"]
        kept = {name: evidence.get(name, []) for name in labels}
        return Classification(
            labels=labels, primary=choose_primary(labels, scores), scores=scores, evidence=kept
        )

    def _apply_debunk(self, text: str, scores: dict[str, float], evidence: dict[str, list[str]]) -> None:
        """A post that debunks a miracle cure or warns about a scam is awareness."""
        fired = self._debunk.fired(text)
        if not fired:
            return
        strength = _noisy_or([cue.weight for cue in fired])
        scores[_MIRACLE] *= 1.0 - 0.85 * strength
        scores[_SCAM] *= 1.0 - 0.6 * strength
        scores[_AWARENESS] = _noisy_or([scores[_AWARENESS], 0.85 * strength])
        evidence[_AWARENESS] = evidence.get(_AWARENESS, []) + [f"cue:debunk:{c.name}" for c in fired]

    def _apply_legit_provider(
        self, text: str, scores: dict[str, float], evidence: dict[str, list[str]]
    ) -> None:
        """A hospital's or cancer centre's own offer is not commercial exploitation, short of
        the unmistakable scam cues."""
        fired = self._legit_provider.fired(text)
        if not fired:
            return
        scam_cues = self._cues[_SCAM].fired(text)
        if any(cue.weight >= 0.8 for cue in scam_cues):
            return
        scores[_SCAM] *= 0.5
        evidence[_SCAM] = evidence.get(_SCAM, []) + [f"dampened:{fired[0].name}"]
