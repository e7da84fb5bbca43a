"""Models loaded once per worker process and shared by every DoFn (and every run) that needs them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from analysis.embedding import Embedder, SentenceTransformerEmbedder
from pipelines.classifiers import build_classifier
from pipelines.config import PipelineConfig

# A process-wide cache rather than Beam's weak-referencing `Shared`: a stream consumer or a test
# session runs many pipelines in one process and must not reload the model for each of them.
_LOCK = threading.Lock()
_LOADED: dict[tuple[Any, ...], Any] = {}


def _once(key: tuple[Any, ...], load: Callable[[], Any]) -> Any:
    with _LOCK:
        if key not in _LOADED:
            _LOADED[key] = load()
        return _LOADED[key]


def shared_embedder(cfg: PipelineConfig) -> Embedder:
    """The embedder of this configuration, loaded at most once per process."""
    key = (cfg.embedding_model, cfg.embedding_device, cfg.embed_batch_size)
    return _once(
        ("embedder", *key),
        lambda: SentenceTransformerEmbedder(
            cfg.embedding_model, device=cfg.embedding_device, batch_size=cfg.embed_batch_size
        ),
    )


def shared_classifier(cfg: PipelineConfig):
    """The classifier of this configuration on its embedder, built (or trained, or read from its
    cache) once per process."""
    embedder = shared_embedder(cfg)
    key = (cfg.classifier, cfg.embedding_model, cfg.embedding_device, cfg.embed_batch_size, cfg.thresholds)
    return _once(
        ("classifier", *key, cfg.model_cache),
        lambda: build_classifier(cfg.classifier, embedder, cfg.model_cache, dict(cfg.thresholds) or None),
    )
