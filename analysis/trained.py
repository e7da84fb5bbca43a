"""The trained classifier: a calibrated linear head per category over well-founded features.

Features per post (all computed in batch):
- the sentence embedding (meaning, strongest in English);
- its similarity to the nearest labelled examples of each category (a k-NN view of the same);
- character n-gram and word uni/bi-gram TF-IDF, hashed (wording in any language and script);
- the cue-and-prototype baseline's ten scores (patterns where a pattern is the honest tool:
  'DM to order', 'cures cancer', debunking phrases, in several languages).

Each category gets a logistic regression whose decision values are Platt-calibrated on
out-of-fold predictions, and a threshold chosen on those same out-of-fold probabilities to
maximise F1. For `privacy_leak`, where a miss costs more than a false alarm, the threshold is the
highest that keeps 97% out-of-fold recall (the goal is 95% on unseen posts), so precision is as
high as that recall allows; when no bar of the grid keeps it, the bar that maximises out-of-fold
F2 (recall weighed four times precision). On the lr-8 corpus the head alone finds at most 93% of the
leaks out of fold, so its bar is the F2 one (0.15, out-of-fold P 0.89 R 0.93); the rules below
find the rest. A post in which no personal data at all was found (no name, number,
address...) has only the head's word for a leak, and most false alarms are such posts: it must
reach a second bar, the one that maximises out-of-fold F1 among those posts (never lower than the
first). The `privacy_leak` head also sees which kinds of personal data were found and what the
rules of `analysis.privacy.exposes_someone` decided. A post whose `other` head
(cancer-adjacent chatter) reaches its bar and scores above every other category it got, alert
categories aside, is `other` (lr-8: out-of-fold macro-F1 0.804 -> 0.809 on the training split). A
post no head claims gets the category whose calibrated score comes nearest its threshold (often
`other`), never `privacy_leak`: a leak raises an alert on every post and must reach its own bar.

One rule stands without the head: a named third party beside a health cue *together with* their
phone, e-mail, address, record number or date of birth is domain.md's definition of a leak word for
word, and is labelled `privacy_leak` whatever the head says (on the corpus that rule is right 100%
of the time in training and held out, now that the author's own, a public figure's or a healer's
name is no third party's; the head alone let some such leaks pass as ads, e.g. "my neighbour X is
on chemo, write to her at x@...").

The opposite rule caps it: when the privacy rules find no leak and everyone the post names is the
author, a public figure, a provider or someone thanked (`analysis.name_roles.names_no_patient`), or
its only personal data are a helpline's or a seller's published contact with nobody named
(`analysis.privacy.published_contact_only`), the head's `privacy_leak` is set aside; it reads "a
name beside a hospital bed" as a leak even in "Hi, it's Anjali, that's me in bed 9" (on the
corpus, no post this rule clears is a leak).

The settings below were chosen by cross-validation on the training split only (lr-7: C from
{4, 16, 64, 256, 1024} by 5-fold out-of-fold macro-F1; 256 and 1024 tie, the smaller is kept).

Training and prediction are pure: the caller loads the corpus and caches the arrays
(`TrainedClassifier.to_arrays` / `from_arrays`).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from analysis import name_roles, names, privacy, prototypes
from analysis.classify import BaselineClassifier, Classification
from analysis.embedding import Embedder
from analysis.name_roles import names_no_patient
from analysis.privacy import detect_pii, published_contact_only
from schemas.posts import PiiSpan
from schemas.taxonomy import ALERT_CATEGORIES, CATEGORIES, Category, choose_primary

RECIPE = "lr-8"
_OTHER = Category.OTHER.value
_PRIVACY = Category.PRIVACY_LEAK.value
_MIRACLE = Category.MIRACLE_CURE.value
_AWARENESS = Category.AWARENESS.value
#: Categories with a trained head: all of them.
HEADS: tuple[str, ...] = CATEGORIES
_PII_TYPES = ("PHONE", "EMAIL", "RECORD_NUMBER", "ADDRESS", "DATE_OF_BIRTH", "NAME", "MENTION")
_HASH_FEATURES = 2**18
# Block weights: the hashed n-grams are many and sparse, the embedding is dense and unit-length.
_W_EMBED, _W_NGRAM, _W_WORDS, _W_BASE, _W_KNN = 1.0, 1.0, 1.0, 1.0, 2.0
_C = 256.0
_KNN = 3
_THRESHOLD_GRID = np.round(np.arange(0.1, 0.91, 0.025), 3)
#: Out-of-fold recall the privacy_leak bar must keep (the goal is 0.95 on unseen posts).
_PRIVACY_RECALL = 0.97
_NEAREST = 2
#: Cross-validation folds fitted at once (one per core of the 2-core machines this runs on).
_JOBS = 2


@dataclass(frozen=True)
class Example:
    """One labelled training or evaluation example."""

    id: str
    text: str
    labels: frozenset[str]
    lang: str | None = None
    hard_case: str | None = None


#: Personal data that, beside a named third party and a health cue, makes a post a leak outright.
_IDENTIFYING = {"pii:phone", "pii:email", "pii:address", "pii:record_number", "pii:date_of_birth"}
#: Modules whose rules make features (personal-data kinds, the privacy rules' decision, the
#: redaction the embedding sees): a change to any of them is a new classifier.
_PRIVACY_RULES = (names, name_roles, privacy)
#: The score such a post gets for privacy_leak when the head gave less.
_STRONG_LEAK_SCORE = 0.9
#: The most privacy_leak gets when the rules find no leak and the post names no one but the author,
#: public figures, providers and people thanked (the head reads "name + hospital" as a leak).
_NO_PATIENT_SCORE = 0.02


def _strong_leak(rule_evidence: Sequence[str]) -> bool:
    """The privacy rules found a named third party, a health cue, and their identifying details."""
    found = set(rule_evidence)
    return {"pii:name", "subject:third_party"} <= found and bool(found & _IDENTIFYING)


def version_for(examples: Sequence[Example]) -> str:
    """Recipe, training data, cue tables and privacy rules: a change to any of them is a new classifier."""
    return f"{RECIPE}+{corpus_digest(examples)}.{rules_digest()}"


def rules_digest() -> str:
    """A short hash of the cue tables and of the privacy rules' code: part of the classifier's version."""
    digest = hashlib.sha256(prototypes.digest().encode())
    for module in _PRIVACY_RULES:
        digest.update(inspect.getsource(module).encode())
    return digest.hexdigest()[:6]


def corpus_digest(examples: Sequence[Example]) -> str:
    """A short hash of the training data: part of the classifier's version."""
    digest = hashlib.sha256()
    for ex in sorted(examples, key=lambda e: e.id):
        digest.update(f"{ex.id}\x00{ex.text}\x00{','.join(sorted(ex.labels))}\x01".encode())
    return digest.hexdigest()[:10]


class _Ngrams:
    """Hashed n-grams (characters or words) with TF-IDF weights learnt from the training texts."""

    def __init__(self, analyzer: str, ngram_range: tuple[int, int], idf: np.ndarray | None = None) -> None:
        self._vectorizer = HashingVectorizer(
            analyzer=analyzer,
            ngram_range=ngram_range,
            n_features=_HASH_FEATURES,
            alternate_sign=False,
            norm=None,
            lowercase=True,
        )
        self.idf: np.ndarray = idf if idf is not None else np.ones(_HASH_FEATURES, dtype=np.float32)

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


def _chars(idf: np.ndarray | None = None) -> _Ngrams:
    return _Ngrams("char_wb", (2, 4), idf)


def _words(idf: np.ndarray | None = None) -> _Ngrams:
    return _Ngrams("word", (1, 2), idf)


def _knn(vectors: np.ndarray, train: np.ndarray, labels: np.ndarray, leave_one_out: bool) -> np.ndarray:
    """Per category, the mean similarity of the k nearest training examples that carry it."""
    sims = np.asarray(vectors, dtype=np.float32) @ train.T
    if leave_one_out:
        np.fill_diagonal(sims, -1.0)
    columns = []
    for j in range(labels.shape[1]):
        having = sims[:, labels[:, j]]
        k = min(_KNN, having.shape[1])
        columns.append(np.sort(having, axis=1)[:, -k:].mean(axis=1) if k else np.zeros(len(sims)))
    return np.stack(columns, axis=1).astype(np.float32)


def _best_threshold(y: np.ndarray, probs: np.ndarray, beta: float = 1.0) -> float:
    best, best_f1 = 0.5, -1.0
    b2 = beta * beta
    for t in _THRESHOLD_GRID:
        said = probs >= t
        tp = float(np.sum(said & (y == 1)))
        fp = float(np.sum(said & (y == 0)))
        fn = float(np.sum(~said & (y == 1)))
        f1 = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        # Ties go to the threshold nearest 0.5, where a calibrated score means what it says.
        if f1 > best_f1 + 1e-9 or (abs(f1 - best_f1) <= 1e-9 and abs(t - 0.5) < abs(best - 0.5)):
            best, best_f1 = float(t), f1
    return best


def _recall_threshold(y: np.ndarray, probs: np.ndarray, recall: float) -> float | None:
    """The highest threshold whose out-of-fold recall still reaches `recall` (None if none does)."""
    positives = float(np.sum(y == 1))
    for t in sorted(_THRESHOLD_GRID, reverse=True):
        if positives and float(np.sum((probs >= t) & (y == 1))) / positives >= recall:
            return float(t)
    return None


_ALL = HEADS


class TrainedClassifier:
    """Calibrated linear heads over embeddings, k-NN similarities, n-grams and the baseline's cues."""

    def __init__(
        self,
        embedder: Embedder,
        arrays: dict[str, np.ndarray],
        thresholds: dict[str, float] | None = None,
        baseline: BaselineClassifier | None = None,
    ) -> None:
        # The baseline embeds its prototypes when built: training hands over the one it used.
        self._baseline = baseline or BaselineClassifier(embedder)
        self._chars = _chars(arrays["idf_chars"])
        self._words = _words(arrays["idf_words"])
        self._coef = arrays["coef"]  # (heads, features)
        self._intercept = arrays["intercept"]
        self._platt = arrays["platt"]  # (heads, 2): a, b of sigmoid(a * decision + b)
        self._train_vectors = arrays["train_vectors"]
        self._train_labels = arrays["train_labels"]  # (n, len(_ALL)) booleans
        self._train_ids = [str(i) for i in arrays["train_ids"]]
        self.thresholds = dict(zip(HEADS, (float(t) for t in arrays["thresholds"]), strict=True))
        #: The privacy_leak bar for a post in which no personal data was found (see the module's doc).
        self.privacy_bare_threshold = float(arrays.get("privacy_bare_threshold", self.thresholds[_PRIVACY]))
        for name, value in (thresholds or {}).items():
            if name not in self.thresholds:
                raise ValueError(f"no threshold for {name!r}; known: {sorted(self.thresholds)}")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for {name} must be within 0..1, got {value}")
            self.thresholds[name] = float(value)
            if name == _PRIVACY:  # a configured bar is the one bar, with personal data found or not
                self.privacy_bare_threshold = float(value)
        self._stance = (arrays["stance_coef"], float(arrays["stance_intercept"]), arrays["stance_platt"])
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
        vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
        labels = np.array([[name in ex.labels for name in _ALL] for ex in examples], dtype=bool)
        baseline = BaselineClassifier(embedder)
        chars, words = _chars().fit(texts), _words().fit(texts)
        knn = _knn(vectors, vectors, labels, leave_one_out=True)
        pii = [detect_pii(text) for text in texts]
        features = cls._features(baseline, chars, words, texts, vectors, knn, pii)[0]
        coef, intercept, platt, thresholds = [], [], [], []
        for column, name in enumerate(HEADS):
            y = labels[:, column].astype(np.int8)
            if y.sum() < folds or (len(y) - y.sum()) < folds:
                raise ValueError(f"category {name} needs at least {folds} positive and negative examples")
            model = LogisticRegression(C=_C, max_iter=2000, solver="liblinear")
            split = StratifiedKFold(folds, shuffle=True, random_state=seed)
            oof = cross_val_predict(model, features, y, cv=split, method="decision_function", n_jobs=_JOBS)
            calibrator = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y)
            probs = calibrator.predict_proba(oof.reshape(-1, 1))[:, 1]
            if name == _PRIVACY:
                # Recall first, then as precise as that allows: the highest bar that still finds
                # `_PRIVACY_RECALL` of the leaks out of fold (F2 on failure).
                chosen = _recall_threshold(y, probs, _PRIVACY_RECALL)
                thresholds.append(chosen if chosen is not None else _best_threshold(y, probs, beta=2.0))
                # Posts with no personal data found: the head alone, held to the F1-best bar among them.
                bare = np.array([not spans for spans in pii])
                privacy_bare = max(thresholds[-1], _best_threshold(y[bare], probs[bare]))
            else:
                thresholds.append(_best_threshold(y, probs))
            model.fit(features, y)
            coef.append(model.coef_.ravel().astype(np.float32))
            intercept.append(float(model.intercept_[0]))
            platt.append((float(calibrator.coef_[0, 0]), float(calibrator.intercept_[0])))
        stance_coef, stance_intercept, stance_platt = cls._train_stance(
            examples, labels, features, folds, seed
        )
        arrays = {
            "version": np.array(version_for(examples)),
            "stance_coef": stance_coef,
            "stance_intercept": np.array(stance_intercept, dtype=np.float32),
            "stance_platt": stance_platt,
            "idf_chars": chars.idf,
            "idf_words": words.idf,
            "coef": np.stack(coef),
            "intercept": np.array(intercept, dtype=np.float32),
            "platt": np.array(platt, dtype=np.float32),
            "thresholds": np.array(thresholds, dtype=np.float32),
            "privacy_bare_threshold": np.array(privacy_bare, dtype=np.float32),
            "train_vectors": vectors,
            "train_labels": labels,
            "train_ids": np.array([ex.id for ex in examples]),
        }
        return cls(embedder, arrays, baseline=baseline)

    @staticmethod
    def _train_stance(
        examples: Sequence[Example], labels: np.ndarray, features: sparse.csr_matrix, folds: int, seed: int
    ) -> tuple[np.ndarray, float, np.ndarray]:
        """A head that only tells a debunk from the cure claim it quotes (they share most words).

        Trained on the contrast set alone: posts that push a cure against posts that debunk one.
        """
        pushes = labels[:, _ALL.index(_MIRACLE)]
        debunks = np.array([ex.hard_case == "debunk" for ex in examples]) & ~pushes
        rows = np.flatnonzero(pushes | debunks)
        y = debunks[rows].astype(np.int8)
        if y.sum() < folds or (len(y) - y.sum()) < folds:
            raise ValueError(f"the stance head needs at least {folds} debunks and {folds} cure claims")
        model = LogisticRegression(C=_C, max_iter=2000, solver="liblinear")
        split = StratifiedKFold(folds, shuffle=True, random_state=seed)
        oof = cross_val_predict(model, features[rows], y, cv=split, method="decision_function", n_jobs=_JOBS)
        calibrator = LogisticRegression(C=1e4, max_iter=1000).fit(oof.reshape(-1, 1), y)
        model.fit(features[rows], y)
        platt = np.array([calibrator.coef_[0, 0], calibrator.intercept_[0]], dtype=np.float32)
        return model.coef_.ravel().astype(np.float32), float(model.intercept_[0]), platt

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything needed to rebuild this classifier (with the same embedder): for `np.savez`."""
        return {
            "version": np.array(self.version),
            "stance_coef": self._stance[0],
            "stance_intercept": np.array(self._stance[1], dtype=np.float32),
            "stance_platt": self._stance[2],
            "idf_chars": self._chars.idf,
            "idf_words": self._words.idf,
            "coef": self._coef,
            "intercept": self._intercept,
            "platt": self._platt,
            "thresholds": np.array([self.thresholds[h] for h in HEADS], dtype=np.float32),
            "privacy_bare_threshold": np.array(self.privacy_bare_threshold, dtype=np.float32),
            "train_vectors": self._train_vectors,
            "train_labels": self._train_labels,
            "train_ids": np.array(self._train_ids),
        }

    @staticmethod
    def _features(
        baseline: BaselineClassifier,
        chars: _Ngrams,
        words: _Ngrams,
        texts: Sequence[str],
        vectors: np.ndarray,
        knn: np.ndarray,
        pii: Sequence[Sequence[PiiSpan]],
    ) -> tuple[sparse.csr_matrix, list[Classification]]:
        base = baseline.classify(list(texts), vectors, [list(p) for p in pii])
        base_scores = np.array([[b.scores[name] for name in CATEGORIES] for b in base], dtype=np.float32)
        found = np.array(
            [[any(s.type == t for s in spans) for t in _PII_TYPES] for spans in pii], dtype=np.float32
        )
        blocks = [
            sparse.csr_matrix(found),
            sparse.csr_matrix(_W_EMBED * np.asarray(vectors, dtype=np.float32)),
            sparse.csr_matrix(_W_KNN * knn),
            _W_NGRAM * chars.transform(texts),
            _W_WORDS * words.transform(texts),
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
        vectors = np.asarray(vectors, dtype=np.float32)
        knn = _knn(vectors, self._train_vectors, self._train_labels, leave_one_out=False)
        features, base = self._features(self._baseline, self._chars, self._words, texts, vectors, knn, pii)
        decision = features @ self._coef.T + self._intercept
        probs = 1.0 / (1.0 + np.exp(-(decision * self._platt[:, 0] + self._platt[:, 1])))
        coef, intercept, platt = self._stance
        stance = features @ coef + intercept
        debunk = 1.0 / (1.0 + np.exp(-(stance * platt[0] + platt[1])))
        sims = vectors @ self._train_vectors.T
        # The baseline's privacy_leak score is the rules' decision: 0 when they find no leak.
        cleared = [
            not b.scores[_PRIVACY] and (names_no_patient(t) or published_contact_only(t, list(spans)))
            for b, t, spans in zip(base, texts, pii, strict=True)
        ]
        stance_cues = [self._baseline.stance_cues(t) for t in texts]
        return [
            self._one(
                probs[row], float(debunk[row]), base[row], sims[row], cleared[row], bool(pii[row]),
                stance_cues[row],
            )
            for row in range(len(texts))
        ]

    def _one(
        self,
        probs: np.ndarray,
        debunk: float,
        base: Classification,
        sims: np.ndarray,
        no_patient: bool,
        personal_data: bool,
        stance_cues: tuple[list[str], list[str]],
    ) -> Classification:
        scores = {name: float(p) for name, p in zip(HEADS, probs, strict=True)}
        bars = dict(self.thresholds)
        if not personal_data:
            bars[_PRIVACY] = self.privacy_bare_threshold
        labels = sorted((n for n in scores if n != _OTHER and scores[n] >= bars[n]), key=lambda n: -scores[n])
        debunk_cues, framing = stance_cues
        # The stance head alone does not overrule a post that asserts a suppressed truth in its own
        # voice ("what your oncologist won't tell you", "big pharma buried the study"): debunks quote
        # that framing, and the head reads the shared words as a debunk.
        flipped = _MIRACLE in labels and (bool(debunk_cues) or (debunk >= 0.5 and not framing))
        if flipped:
            # A post either pushes a cure or takes it apart: a debunking phrase, or the stance head,
            # makes it awareness and not miracle_cure (domain.md's hard case).
            labels.remove(_MIRACLE)
            if _AWARENESS not in labels:
                labels.append(_AWARENESS)
            scores[_MIRACLE] = min(scores[_MIRACLE], 1.0 - debunk)
        if no_patient:
            # The privacy rules found no leak, and everyone the post names is the author, a public
            # figure, a provider or someone thanked: "Hi, it's Anjali, that's me in bed 9"; or its
            # only personal data are a helpline's or a seller's published contact.
            scores[_PRIVACY] = min(scores[_PRIVACY], _NO_PATIENT_SCORE)
            if _PRIVACY in labels:
                labels.remove(_PRIVACY)
        strong_leak = _strong_leak(base.evidence.get(_PRIVACY, []))
        if strong_leak:
            scores[_PRIVACY] = max(scores[_PRIVACY], _STRONG_LEAK_SCORE)
            if _PRIVACY not in labels:
                labels.insert(0, _PRIVACY)
        best_soft = max((scores[n] for n in labels if n not in ALERT_CATEGORIES), default=1.0)
        chatter = scores[_OTHER] >= bars[_OTHER] and scores[_OTHER] > best_soft
        if chatter and not flipped:
            # `other` has a head of its own: more likely than every other category the post got
            # (alert categories aside), it is cancer-adjacent chatter ("this traffic is cancer").
            labels = [n for n in labels if n in ALERT_CATEGORIES] + [_OTHER]
        if not labels:
            # Nothing reached its threshold: the category that came nearest, relative to its own bar.
            # Never privacy_leak: a leak is an alert on every post, and needs its own bar reached.
            fallback = [n for n in HEADS if n != _PRIVACY]
            labels = [max(fallback, key=lambda n: scores[n] / max(self.thresholds[n], 1e-6))]
        evidence: dict[str, list[str]] = {}
        for name in labels:
            why = [e for e in base.evidence.get(name, []) if not e.startswith("nearest:")]
            having = np.flatnonzero(self._train_labels[:, _ALL.index(name)])
            if len(having):
                best = having[np.argsort(-sims[having])[:_NEAREST]]
                why += [f"example:{self._train_ids[i]} ({sims[i]:.2f})" for i in best]
            evidence[name] = why
        if flipped:
            why = f"cue:debunk:{debunk_cues[0]}" if debunk_cues else f"stance:debunks_a_cure ({debunk:.2f})"
            if why not in evidence[_AWARENESS]:
                evidence[_AWARENESS].insert(0, why)
        elif _MIRACLE in evidence and framing:
            said = [f"cue:{name}" for name in framing]
            evidence[_MIRACLE] = [*said, *(e for e in evidence[_MIRACLE] if e not in said)]
        if strong_leak:
            evidence[_PRIVACY].insert(0, "rule:named_person_with_contact_or_record")
        return Classification(
            labels=labels, primary=choose_primary(labels, scores), scores=scores, evidence=evidence
        )
