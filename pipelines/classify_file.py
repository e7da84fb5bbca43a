"""Classify posts directly, with no store and no Beam: `oncowatch classify` and `oncowatch eval classify`."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from analysis.classify import Classification
from analysis.privacy import detect_pii, redact, redact_possible_names
from pipelines.config import PipelineConfig
from pipelines.models import shared_classifier, shared_embedder
from schemas import PiiSpan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Classified:
    """One classified text with what the analyst may see of it."""

    result: Classification
    redacted_text: str
    pii: list[PiiSpan]


class DirectClassifier:
    """Privacy, embedding and classification of plain rows, batched, models shared per process."""

    def __init__(self, cfg: PipelineConfig) -> None:
        self._cfg = cfg
        self._embedder = shared_embedder(cfg)
        self._classifier = shared_classifier(cfg)
        self.version = self._classifier.version

    def classify_rows(self, rows: Sequence[dict[str, Any]]) -> list[Classified]:
        """Rows with `text` (and optional `platform`), classified the way the pipeline does it."""
        texts = [row["text"] for row in rows]
        spans = [detect_pii(text, default_region=self._cfg.default_phone_region) for text in texts]
        redacted = [
            redact(text, found, mention_key=self._cfg.privacy_key, namespace=str(row.get("platform") or ""))
            for text, found, row in zip(texts, spans, rows, strict=True)
        ]
        if not texts:
            return []
        results = self._classifier.classify(texts, self._embedder.embed(redacted), spans)
        return [
            Classified(r, redact_possible_names(t) if "privacy_leak" in r.labels else t, s)
            for r, t, s in zip(results, redacted, spans, strict=True)
        ]


def read_rows(source: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, row, None) for each usable line, (line number, None, reason) for the others."""
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"invalid_json: {exc.msg}"
            continue
        if not isinstance(obj, dict):
            yield number, None, "not_an_object"
        elif not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield number, None, "missing_field:text"
        else:
            yield number, obj, None


def classify_file(source: TextIO, sink: TextIO, cfg: PipelineConfig, chunk: int = 512) -> dict[str, int]:
    """Each input line -> {"id", "labels", "primary", "scores", "evidence", "redacted_text", "pii"}.

    Lines that are not posts get {"line", "error"} so output stays aligned with input.
    """
    classifier = DirectClassifier(cfg)
    counts = {"classified": 0, "errors": 0}
    pending: list[tuple[int, dict[str, Any] | None, str | None]] = []

    def flush() -> None:
        done = iter(classifier.classify_rows([obj for _, obj, _ in pending if obj is not None]))
        for number, obj, error in pending:
            if obj is None:
                counts["errors"] += 1
                row: dict[str, Any] = {"line": number, "error": error}
            else:
                item = next(done)
                counts["classified"] += 1
                row = {
                    "id": obj.get("id"),
                    "labels": item.result.labels,
                    "primary": item.result.primary,
                    "scores": {k: round(v, 4) for k, v in item.result.scores.items()},
                    "evidence": item.result.evidence,
                    "redacted_text": item.redacted_text,
                    "pii": [{"type": s.type, "start": s.start, "end": s.end} for s in item.pii],
                    "classifier_version": classifier.version,
                }
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
        pending.clear()

    started = time.perf_counter()
    for item in read_rows(source):
        pending.append(item)
        if len(pending) >= chunk:
            flush()
    flush()
    log.info("classified %d posts in %.1f s", counts["classified"], time.perf_counter() - started)
    return counts
