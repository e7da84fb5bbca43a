"""The frozen configuration the pipeline graphs are built from (made once, at the edge)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class StoreSpec:
    """Which store backend to open inside workers, and where it lives."""

    backend: str = "sqlite"
    path: Path = Path(".oncowatch/oncowatch.sqlite")
    vectors_dir: Path = Path(".oncowatch/vectors")
    busy_timeout_ms: int = 30_000

    def open(self):  # -> indexing.Store, imported lazily so the spec pickles light
        """Open the store (one per worker, in `DoFn.setup`)."""
        from indexing.factory import open_store

        return open_store(self.backend, self.path, self.busy_timeout_ms)


@dataclass(frozen=True)
class PipelineConfig:
    """Everything a pipeline stage needs; picklable, so it travels to Beam workers."""

    store: StoreSpec
    privacy_key: bytes = field(repr=False)
    embedding_model: str = "all-MiniLM-L6-v2"
    embedding_device: str = "cpu"
    embed_batch_size: int = 64
    write_batch_size: int = 500
    default_phone_region: str = "US"
    thresholds: tuple[tuple[str, float], ...] = ()
    classifier: str = "trained"
    runner: str = "FnApiRunner"
    model_cache: Path | None = None
    demo: bool = False
