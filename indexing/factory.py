"""Open a store backend by name."""

from __future__ import annotations

from pathlib import Path

from indexing.base import Store

BACKENDS = ("sqlite",)


def open_store(backend: str, path: str | Path) -> Store:
    """The store for `backend` at `path` (a file for SQLite)."""
    if backend == "sqlite":
        from indexing.sqlite_store import SQLiteStore

        return SQLiteStore(path)
    raise ValueError(f"unknown store backend {backend!r}; known: {', '.join(BACKENDS)}")
