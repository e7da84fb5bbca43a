"""`oncowatch eval classify`: the classifier against labelled lines, with the metrics of analysis."""

from __future__ import annotations

import time
from typing import Any, TextIO

from analysis.evaluation import Gold, evaluate
from pipelines.classify_file import DirectClassifier, read_rows
from pipelines.config import PipelineConfig


def evaluate_labelled(source: TextIO, cfg: PipelineConfig, chunk: int = 512) -> dict[str, Any]:
    """Per-category P/R/F1, macro-F1, confusion and hard cases; lines that cannot be read are counted."""
    classifier = DirectClassifier(cfg)
    gold: list[Gold] = []
    labels: list[list[str]] = []
    primaries: list[str] = []
    skipped: dict[str, int] = {}
    batch: list[dict[str, Any]] = []
    started = time.perf_counter()

    def flush() -> None:
        for item in classifier.classify_rows(batch):
            labels.append(item.result.labels)
            primaries.append(item.result.primary)
        batch.clear()

    for number, row, error in read_rows(source):
        if row is None:
            skipped[str(error).split(":")[0]] = skipped.get(str(error).split(":")[0], 0) + 1
            continue
        try:
            gold.append(Gold.from_row(row))
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from exc
        batch.append(row)
        if len(batch) >= chunk:
            flush()
    flush()
    elapsed = time.perf_counter() - started
    report = evaluate(gold, labels, primaries).as_dict()
    report["classifier_version"] = classifier.version
    report["skipped_lines"] = skipped
    report["elapsed_s"] = round(elapsed, 2)
    return report
