"""Classify a file of posts directly, with no store and no Beam: `oncowatch classify`."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

from analysis.classify import BaselineClassifier
from analysis.embedding import SentenceTransformerEmbedder
from analysis.privacy import detect_pii, redact

log = logging.getLogger(__name__)


def _lines(source: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
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


def classify_file(
    source: TextIO,
    sink: TextIO,
    key: bytes,
    model: str,
    batch_size: int = 64,
    region: str = "US",
    chunk: int = 512,
) -> dict[str, int]:
    """Each input line -> {"id", "labels", "primary", "scores", "evidence", "redacted_text", "pii"}.

    Lines that are not posts get {"line", "error"} so output stays aligned with input.
    """
    embedder = SentenceTransformerEmbedder(model, batch_size=batch_size)
    classifier = BaselineClassifier(embedder)
    counts = {"classified": 0, "errors": 0}
    pending: list[tuple[int, dict[str, Any] | None, str | None]] = []

    def flush() -> None:
        good = [(n, obj) for n, obj, err in pending if obj is not None]
        texts = [obj["text"] for _, obj in good]
        spans = [detect_pii(text, default_region=region) for text in texts]
        redacted = [redact(text, s, mention_key=key) for text, s in zip(texts, spans, strict=True)]
        results = iter(classifier.classify(texts, embedder.embed(redacted), spans) if texts else [])
        at = iter(zip(redacted, spans, strict=True))
        for number, obj, error in pending:
            if obj is None:
                counts["errors"] += 1
                row: dict[str, Any] = {"line": number, "error": error}
            else:
                result, (text, pii) = next(results), next(at)
                counts["classified"] += 1
                row = {
                    "id": obj.get("id"),
                    "labels": result.labels,
                    "primary": result.primary,
                    "scores": {k: round(v, 4) for k, v in result.scores.items()},
                    "evidence": result.evidence,
                    "redacted_text": text,
                    "pii": [{"type": s.type, "start": s.start, "end": s.end} for s in pii],
                    "classifier_version": classifier.version,
                }
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
        pending.clear()

    started = datetime.now(UTC)
    for item in _lines(source):
        pending.append(item)
        if len(pending) >= chunk:
            flush()
    flush()
    log.info("classified %d posts in %s", counts["classified"], datetime.now(UTC) - started)
    return counts
