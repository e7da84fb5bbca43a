"""Storage and retrieval behind one `Store` interface, and the FAISS vector index.

- `Store` (in `indexing.base`): the protocol every backend implements; its contract tests are
  `tests/test_store_contract.py`.
- `SQLiteStore`: the embedded default, one SQLite file (WAL, FTS5, aggregations, dead letters).
- `VectorIndex`: a FAISS index per embedding model, caught up from a store by change sequence.
"""

from __future__ import annotations

from indexing.base import (
    Bucket,
    Interval,
    KnownContent,
    PostFilter,
    SearchHit,
    SearchResult,
    Store,
    TermField,
)
from indexing.sqlite_store import SQLiteStore, fts_query
from indexing.vectors import VectorIndex, model_slug, vector_id

__all__ = [
    "Bucket",
    "Interval",
    "KnownContent",
    "PostFilter",
    "SQLiteStore",
    "SearchHit",
    "SearchResult",
    "Store",
    "TermField",
    "VectorIndex",
    "fts_query",
    "model_slug",
    "vector_id",
]
