"""Models loaded once per worker process and shared by every DoFn (and every run) that needs them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.embedding import Embedder, SentenceTransformerEmbedder
from pipelines.classifiers import build_classifier

# A process-wide cache rather than Beam's weak-referencing `Shared`: a stream consumer or a test
# session runs many pipelines in one process and must not reload the model for each of them.
_LOCK = threading.Lock()
_LOADED: dict[tuple[Any, ...], Any] = {}


def _once(key: tuple[Any, ...], load: Callable[[], Any]) -> Any:
    with _LOCK:
        if key not in _LOADED:
            _LOADED[key] = load()
        return _LOADED[key]


def shared_embedder(model: str, device: str, batch_size: int) -> Embedder:
    """The embedder for this model, loaded at most once per process."""
    return _once(
        ("embedder", model, device, batch_size),
        lambda: SentenceTransformerEmbedder(model, device=device, batch_size=batch_size),
    )


def shared_classifier(
    model: str,
    device: str,
    batch_size: int,
    thresholds: tuple[tuple[str, float], ...],
    kind: str = "trained",
    cache_dir: Path | None = None,
):
    """The classifier on that embedder, built (or trained, or read from its cache) once per process."""
    embedder = shared_embedder(model, device, batch_size)
    return _once(
        ("classifier", kind, model, device, batch_size, thresholds, cache_dir),
        lambda: build_classifier(kind, embedder, cache_dir, dict(thresholds) or None),
    )
