"""The trained classifier: a calibrated linear head per category over well-founded features.

Features per post (all computed in batch):
- the sentence embedding (meaning, strongest in English);
- character n-gram TF-IDF, hashed (spelling and wording in any language and script);
- the cue-and-prototype baseline's ten scores (patterns where a pattern is the honest tool:
  'DM to order', 'cures cancer', debunking phrases, in several languages).

Each category but `privacy_leak` and `other` gets a logistic regression whose decision values are
Platt-calibrated on out-of-fold predictions, and a threshold chosen on those same out-of-fold
probabilities to maximise F1. `privacy_leak` comes from the personal data actually found
(`analysis.privacy.exposes_someone`); `other` is what remains when nothing else applies.

Training and prediction are pure: the caller loads the corpus and caches the arrays
(`TrainedClassifier.to_arrays` / `from_arrays`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from analysis.classify import BaselineClassifier, Classification
from analysis.embedding import Embedder
from schemas.posts import PiiSpan
from schemas.taxonomy import CATEGORIES, Category, choose_primary

RECIPE = "lr-1"
_OTHER = Category.OTHER.value
_PRIVACY = Category.PRIVACY_LEAK.value
#: Categories with a trained head (privacy_leak is decided from the personal data found).
HEADS: tuple[str, ...] = tuple(c for c in CATEGORIES if c not in (_OTHER, _PRIVACY))
_HASH_FEATURES = 2**18
# Block weights: the hashed n-grams are many and sparse, the embedding is dense and unit-length.
_W_EMBED, _W_NGRAM, _W_BASE = 1.0, 1.0, 1.0
_C = 4.0
_THRESHOLD_GRID = np.round(np.arange(0.2, 0.81, 0.025), 3)
_NEAREST = 2


@dataclass(frozen=True)
class Example:
    """One labelled training or evaluation example."""

    id: str
    text: str
    labels: frozenset[str]
    lang: str | None = None
    hard_case: str | None = None


def corpus_digest(examples: Sequence[Example]) -> str:
    """A short hash of the training data: part of the classifier's version."""
    digest = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: e.id):
        digest.update(f"{ex.id}\x00{ex.text}\x00{','.join(sorted(ex.labels))}\x01".encode())
    return digest.hexdigest()[:10]


class _Ngrams:
    """Hashed character n-grams with TF-IDF weights learnt from the training texts."""

    def __init__(self, idf: np.ndarray | None = None) -> None:
        self._vectorizer = HashingVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), n_features=_HASH_FEATURES,
            alternate_sign=False, norm=None, lowercase=True,
        )
        self.idf = idf

    def fit(self, texts: Sequence[str]) -> _Ngrams:
        counts = self._vectorizer.transform(texts)
        df = np.bincount(counts.indices, minlength=_HASH_FEATURES)
        self.idf = (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        counts = self._vectorizer.transform(texts).astype(np.float32)
        counts.data = np.log1p(counts.data)
        weighted = counts.multiply(self.idf).tocsr()
        norms = np.sqrt(weighted.multiply(weighted).sum(axis=1)).A.ravel()
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ weighted


def _best_threshold(y: np.ndarray, probs: np.ndarray) -> float:
    best, best_f1 = 0.5, -1.0
    for t in _THRESHOLD_GRID:
        said = probs >= t
        tp = float(np.sum(said & (y == 1)))
        fp = float(np.sum(said & (y == 0)))
        fn = float(np.sum(~said & (y == 1)))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        # Ties go to the threshold nearest 0.5, where a calibrated score means what it says.
        if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
            best, best_f1 = float(t), f1
    return best


class TrainedClassifier:
    """Calibrated linear heads over embeddings, character n-grams and the baseline's cue scores."""

    def __init__(
        self,
        embedder: Embedder,
        arrays: dict[str, np.ndarray],
        thresholds: dict[str, float] | None = None,
    ) -> None:
        self._baseline = BaselineClassifier(embedder)
        self._ngrams = _Ngrams(arrays["idf"])
        self._coef = arrays["coef"]  # (heads, features)
        self._intercept = arrays["intercept"]
        self._platt = arrays["platt"]  # (heads, 2): a, b of sigmoid(a * decision + b)
        self._train_vectors = arrays["train_vectors"]
        self._train_labels = arrays["train_labels"]  # (n, heads + 1) booleans, privacy last
        self._train_ids = [str(i) for i in arrays["train_ids"]]
        self.thresholds = dict(zip(HEADS, (float(t) for t in arrays["thresholds"]), strict=True))
        self.thresholds[_PRIVACY] = 0.5
        for name, value in (thresholds or {}).items():
            if name not in self.thresholds:
                raise ValueError(f"no threshold for {name!r}; known: {sorted(self.thresholds)}")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for {name} must be within 0..1, got {value}")
            self.thresholds[name] = float(value)
        self.version = str(arrays["version"])
        self.embedding_version = embedder.version

    # -- training ---------------------------------------------------------------------------------

    @classmethod
    def train(
        cls, embedder: Embedder, examples: Sequence[Example], folds: int = 5, seed: int = 0
    ) -> TrainedClassifier:
        """Fit every head on the examples; thresholds and calibration from out-of-fold predictions."""
        if len(examples) < 50:
            raise ValueError(f"too few training examples: {len(examples)}")
        texts = [ex.text for ex in examples]
        vectors = embedder.embed(texts)
        baseline = BaselineClassifier(embedder)
        ngrams = _Ngrams().fit(texts)
        features = cls._features(baseline, ngrams, texts, vectors, [[] for _ in texts])[0]
        coef, intercept, platt, thresholds = [], [], [], []
        for name in HEADS:
            y = np.array([name in ex.labels for ex in examples], dtype=np.int8)
            if y.sum() < folds or (len(y) - y.sum()) < folds:
                raise ValueError(f"category {name} needs at least {folds} positive and negative examples")
            model = LogisticRegression(C=_C, max_iter=2000, solver="liblinear")
            split = StratifiedKFold(folds, shuffle=True, random_state=seed)
            oof = cross_val_predict(model, features, y, cv=split, method="decision_function")
            calibrator = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y)
            probs = calibrator.predict_proba(oof.reshape(-1, 1))[:, 1]
            thresholds.append(_best_threshold(y, probs))
            model.fit(features, y)
            coef.append(model.coef_.ravel().astype(np.float32))
            intercept.append(float(model.intercept_[0]))
            platt.append((float(calibrator.coef_[0, 0]), float(calibrator.intercept_[0])))
        labels = np.array(
            [[name in ex.labels for name in (*HEADS, _PRIVACY)] for ex in examples], dtype=bool
        )
        arrays = {
            "version": np.array(f"{RECIPE}+{corpus_digest(examples)}"),
            "idf": ngrams.idf,
            "coef": np.stack(coef),
            "intercept": np.array(intercept, dtype=np.float32),
            "platt": np.array(platt, dtype=np.float32),
            "thresholds": np.array(thresholds, dtype=np.float32),
            "train_vectors": np.asarray(vectors, dtype=np.float32),
            "train_labels": labels,
            "train_ids": np.array([ex.id for ex in examples]),
        }
        return cls(embedder, arrays)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything needed to rebuild this classifier (with the same embedder): for `np.savez`."""
        return {
            "version": np.array(self.version),
            "idf": self._ngrams.idf,
            "coef": self._coef,
            "intercept": self._intercept,
            "platt": self._platt,
            "thresholds": np.array([self.thresholds[h] for h in HEADS], dtype=np.float32),
            "train_vectors": self._train_vectors,
            "train_labels": self._train_labels,
            "train_ids": np.array(self._train_ids),
        }

    @staticmethod
    def _features(
        baseline: BaselineClassifier,
        ngrams: _Ngrams,
        texts: Sequence[str],
        vectors: np.ndarray,
        pii: Sequence[Sequence[PiiSpan]],
    ) -> tuple[sparse.csr_matrix, list[Classification]]:
        base = baseline.classify(list(texts), vectors, [list(p) for p in pii])
        base_scores = np.array([[b.scores[name] for name in HEADS] for b in base], dtype=np.float32)
        blocks = [
            sparse.csr_matrix(_W_EMBED * np.asarray(vectors, dtype=np.float32)),
            _W_NGRAM * ngrams.transform(texts),
            sparse.csr_matrix(_W_BASE * base_scores),
        ]
        return sparse.hstack(blocks, format="csr"), base

    # -- prediction -----------------------------------------------------------------------------

    def classify(
        self, texts: list[str], vectors: np.ndarray, pii: list[list[PiiSpan]]
    ) -> list[Classification]:
        """Classify a batch: texts, their embedding rows and their personal-data spans, aligned."""
        if not texts:
            return []
        features, base = self._features(self._baseline, self._ngrams, texts, vectors, pii)
        decision = features @ self._coef.T + self._intercept
        probs = 1.0 / (1.0 + np.exp(-(decision * self._platt[:, 0] + self._platt[:, 1])))
        sims = np.asarray(vectors, dtype=np.float32) @ self._train_vectors.T
        return [
            self._one(probs[row], base[row], sims[row]) for row in range(len(texts))
        ]

    def _one(self, probs: np.ndarray, base: Classification, sims: np.ndarray) -> Classification:
        scores = {name: float(p) for name, p in zip(HEADS, probs, strict=True)}
        scores[_PRIVACY] = base.scores[_PRIVACY]
        scores[_OTHER] = 1.0 - max(scores.values())
        labels = sorted(
            (n for n in scores if n != _OTHER and scores[n] >= self.thresholds[n]), key=lambda n: -scores[n]
        )
        if not labels:
            labels = [_OTHER]
        evidence: dict[str, list[str]] = {}
        for name in labels:
            why = [e for e in base.evidence.get(name, []) if not e.startswith("nearest:")]
            if name != _OTHER:
                column = (*HEADS, _PRIVACY).index(name)
                having = np.flatnonzero(self._train_labels[:, column])
                if len(having):
                    best = having[np.argsort(-sims[having])[:_NEAREST]]
                    why += [f"example:{self._train_ids[i]} ({sims[i]:.2f})" for i in best]
            evidence[name] = why or ["below_threshold" if name == _OTHER else "model"]
        return Classification(
            labels=labels, primary=choose_primary(labels, scores), scores=scores, evidence=evidence
        )
