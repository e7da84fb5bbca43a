"""Classification metrics: per-category precision/recall/F1, macro-F1, confusion, hard cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas.taxonomy import CATEGORIES, choose_primary

#: What each hard case must get right: labels it must carry and labels it must not carry.
HARD_CASE_RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "debunk": (frozenset({"awareness"}), frozenset({"miracle_cure"})),
    "legit_ad": (frozenset({"new_therapy"}), frozenset({"scam_ad"})),
    "privacy_fear": (frozenset(), frozenset({"privacy_leak"})),
    "approved_drug_hype": (frozenset({"new_therapy"}), frozenset({"miracle_cure"})),
    "self_disclosure": (frozenset(), frozenset({"privacy_leak"})),
    "helpline": (frozenset(), frozenset({"privacy_leak"})),
    "public_figure": (frozenset(), frozenset({"privacy_leak"})),
    "gentle_remedy": (frozenset({"peer_support"}), frozenset({"miracle_cure", "scam_ad"})),
    "astrology": (frozenset({"other"}), frozenset()),
    "figurative": (frozenset({"other"}), frozenset()),
}


@dataclass(frozen=True)
class Gold:
    """One labelled example: its labels (primary derived when only labels are given) and hard case."""

    labels: frozenset[str]
    primary: str
    hard_case: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> Gold:
        """From a labelled line: `labels` (list) and/or `primary`, optional `hard_case`."""
        labels = set(row.get("labels") or [])
        primary = row.get("primary")
        if primary:
            labels.add(primary)
        if not labels:
            raise ValueError("a labelled line needs `labels` or `primary`")
        unknown = labels - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories {sorted(unknown)}")
        return cls(frozenset(labels), primary or choose_primary(sorted(labels), {}), row.get("hard_case"))


@dataclass
class Report:
    """The evaluation of a classifier on labelled examples."""

    n: int
    per_category: dict[str, dict[str, float]]
    macro_f1: float
    primary_accuracy: float
    confusion: dict[str, dict[str, int]]
    hard_cases: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """JSON-ready."""
        return {
            "n": self.n,
            "macro_f1": round(self.macro_f1, 4),
            "primary_accuracy": round(self.primary_accuracy, 4),
            "per_category": self.per_category,
            "confusion": self.confusion,
            "hard_cases": self.hard_cases,
        }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def hard_case_ok(case: str, predicted: set[str]) -> bool:
    """Did the prediction respect what this hard case demands?"""
    must, must_not = HARD_CASE_RULES[case]
    return must <= predicted and not (must_not & predicted)


def evaluate(gold: Sequence[Gold], labels: Sequence[Sequence[str]], primaries: Sequence[str]) -> Report:
    """Multi-label metrics per category (macro over categories present in gold or predictions)."""
    if not (len(gold) == len(labels) == len(primaries)):
        raise ValueError("gold and predictions differ in length")
    per_category: dict[str, dict[str, float]] = {}
    f1s: list[float] = []
    for category in CATEGORIES:
        tp = fp = fn = 0
        for truth, predicted in zip(gold, labels, strict=True):
            has, said = category in truth.labels, category in predicted
            tp += has and said
            fp += said and not has
            fn += has and not said
        support = tp + fn
        if support == 0 and fp == 0:
            continue
        precision, recall, f1 = _prf(tp, fp, fn)
        per_category[category] = {
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": support, "predicted": tp + fp,
        }
        if support:
            f1s.append(f1)
    confusion: dict[str, dict[str, int]] = {}
    for truth, primary in zip(gold, primaries, strict=True):
        row = confusion.setdefault(truth.primary, {})
        row[primary] = row.get(primary, 0) + 1
    correct = sum(truth.primary == primary for truth, primary in zip(gold, primaries, strict=True))
    cases: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for truth, predicted in zip(gold, labels, strict=True):
        if truth.hard_case in HARD_CASE_RULES:
            cases[truth.hard_case] += 1
            right[truth.hard_case] += hard_case_ok(truth.hard_case, set(predicted))
    hard = {c: {"n": n, "accuracy": round(right[c] / n, 4)} for c, n in sorted(cases.items())}
    return Report(
        n=len(gold),
        per_category=per_category,
        macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        primary_accuracy=correct / len(gold) if gold else 0.0,
        confusion=confusion,
        hard_cases=hard,
    )
