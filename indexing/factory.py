"""Open a store backend by name."""

from __future__ import annotations

from pathlib import Path

from indexing.base import Store

BACKENDS = ("sqlite",)


def open_store(backend: str, path: str | Path, busy_timeout_ms: int = 30_000) -> Store:
    """The store for `backend` at `path` (a file for SQLite).

    `busy_timeout_ms`: how long a write waits for another writer's lock before it fails.
    """
    if backend == "sqlite":
        from indexing.sqlite_store import SQLiteStore

        # FULL: a flushed batch survives a power loss too, so offsets may be committed after it.
        return SQLiteStore(path, synchronous="FULL", busy_timeout_ms=busy_timeout_ms)
    raise ValueError(f"unknown store backend {backend!r}; known: {', '.join(BACKENDS)}")
