"""Open a store backend by name."""

from __future__ import annotations

from pathlib import Path

from indexing.base import Store

BACKENDS = ("sqlite",)


def open_store(backend: str, path: str | Path) -> Store:
    """The store for `backend` at `path` (a file for SQLite)."""
    if backend == "sqlite":
        from indexing.sqlite_store import SQLiteStore

        # FULL: a flushed batch survives a power loss too, so offsets may be committed after it.
        return SQLiteStore(path, synchronous="FULL")
    raise ValueError(f"unknown store backend {backend!r}; known: {', '.join(BACKENDS)}")
