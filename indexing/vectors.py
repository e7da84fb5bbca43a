"""The FAISS vector index of one embedding model, kept on disk beside the store and caught up from it.

Files: `<directory>/<slug of the model>/index.faiss` (an `IndexIDMap2` over `IndexFlatIP`; vectors are
L2-normalised, so inner product is cosine) and `meta.json` (model, dim, last synced change sequence,
and the int64 id -> post_id map). Each is replaced atomically; the index is written before the meta,
so after a crash between the two the meta's `last_seq` is older than the index, and the next
`sync_from` simply upserts those vectors again.

One index never mixes models or dimensions: opening an existing index with another dim or model
name raises ValueError. Not thread-safe: one writer (the sync) per index.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexing.base import Store
from indexing.files import atomic_write

try:
    import faiss
except ImportError as exc:  # pragma: no cover - faiss-cpu is a core dependency
    raise ImportError("the vector index needs FAISS: pip install faiss-cpu") from exc

log = logging.getLogger(__name__)

INDEX_FILE = "index.faiss"
META_FILE = "meta.json"
LOCK_FILE = ".lock"
_META_FORMAT = 1
_ID_MASK = (1 << 63) - 1


def model_slug(embedding_model: str) -> str:
    """A directory name for a model name (`sentence-transformers/all-MiniLM-L6-v2` -> `sentence-...`)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", embedding_model).strip("-.")
    if not slug:
        raise ValueError(f"embedding model name {embedding_model!r} gives no usable directory name")
    return slug


def vector_id(post_id: str) -> int:
    """The FAISS id of a post: 63 bits of blake2b of its post_id (non-negative int64, deterministic)."""
    return int.from_bytes(hashlib.blake2b(post_id.encode(), digest_size=8).digest(), "little") & _ID_MASK


class VectorIndex:
    """Cosine nearest neighbours over the posts' embeddings of one model; upserts by post_id."""

    def __init__(self, directory: str | Path, dim: int, embedding_model: str) -> None:
        if dim <= 0:
            raise ValueError(f"dim must be positive, got {dim}")
        self.dim = int(dim)
        self.embedding_model = embedding_model
        self.directory = Path(directory) / model_slug(embedding_model)
        self.last_seq = 0
        #: Changed in memory since the last save (or load).
        self.dirty = False
        self._post_ids: dict[int, str] = {}
        self._index: Any = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        if (self.directory / META_FILE).exists():
            self._load()

    @classmethod
    def for_store(cls, directory: str | Path, embedding_model: str, store: Store) -> VectorIndex | None:
        """Open the model's index (dim from disk, else from the store's first vector), or None."""
        meta_path = Path(directory) / model_slug(embedding_model) / META_FILE
        if meta_path.exists():
            return cls(directory, int(json.loads(meta_path.read_text())["dim"]), embedding_model)
        for _, _, matrix in store.iter_vectors(embedding_model, after_seq=0, batch_size=1):
            return cls(directory, int(matrix.shape[1]), embedding_model)
        return None

    def _load(self) -> None:
        meta = json.loads((self.directory / META_FILE).read_text())
        if meta["embedding_model"] != self.embedding_model:
            raise ValueError(
                f"{self.directory} holds vectors of model {meta['embedding_model']!r}, "
                f"not {self.embedding_model!r}; vectors of two models are never mixed"
            )
        if int(meta["dim"]) != self.dim:
            raise ValueError(
                f"{self.directory} holds {meta['dim']}-dimensional vectors, not {self.dim}; "
                "a model change needs a new index"
            )
        index = faiss.read_index(str(self.directory / INDEX_FILE))
        if index.d != self.dim:
            raise ValueError(f"{self.directory / INDEX_FILE} has dim {index.d}, its meta says {self.dim}")
        self._index = index
        self._post_ids = dict(zip(meta["ids"], meta["post_ids"], strict=True))
        self.last_seq = int(meta["last_seq"])
        self.dirty = False
        if index.ntotal != len(self._post_ids):
            # Only after a crash between writing the index and the meta; the next sync repairs it.
            log.warning(
                "vector index %s has %d vectors but %d known ids",
                self.directory,
                index.ntotal,
                len(self._post_ids),
            )
        log.info("loaded vector index %s: %d vectors, last_seq=%d", self.directory, len(self), self.last_seq)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def __contains__(self, post_id: object) -> bool:
        return isinstance(post_id, str) and self._post_ids.get(vector_id(post_id)) == post_id

    def _matrix(self, vectors: np.ndarray) -> np.ndarray:
        matrix = np.ascontiguousarray(vectors, dtype=np.float32)
        if matrix.ndim == 1:
            matrix = matrix.reshape(1, -1)
        if matrix.ndim != 2 or matrix.shape[1] != self.dim:
            raise ValueError(f"expected vectors of dim {self.dim}, got shape {np.shape(vectors)}")
        return matrix

    def upsert(self, post_ids: list[str], vectors: np.ndarray) -> int:
        """Add or replace the vectors of these posts (last one wins within a batch); returns how many."""
        matrix = self._matrix(vectors)
        if matrix.shape[0] != len(post_ids):
            raise ValueError(f"{len(post_ids)} post ids but {matrix.shape[0]} vectors")
        if not post_ids:
            return 0
        latest = {post_id: row for row, post_id in enumerate(post_ids)}
        if len(latest) != len(post_ids):
            matrix = matrix[list(latest.values())]
        ids = [vector_id(post_id) for post_id in latest]
        existing: list[int] = []
        for vid, post_id in zip(ids, latest, strict=True):
            known = self._post_ids.get(vid)
            if known is not None and known != post_id:
                raise ValueError(f"vector id collision between {known!r} and {post_id!r}")
            if known is not None:
                existing.append(vid)
        id_array = np.asarray(ids, dtype=np.int64)
        if existing:
            self._index.remove_ids(np.asarray(existing, dtype=np.int64))
        self._index.add_with_ids(matrix, id_array)
        self._post_ids.update(zip(ids, latest, strict=True))
        self.dirty = True
        return len(ids)

    def search(
        self, vector: np.ndarray, k: int, within: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """The k nearest posts to one vector: (post_id, cosine similarity), best first.

        `within`: only these posts are candidates (a FAISS id selector, so a narrow time window
        costs one pass over the index, not a widening search filtered afterwards).
        """
        return self.search_many(self._matrix(vector)[:1], k, within)[0]

    def search_many(
        self, matrix: np.ndarray, k: int, within: Sequence[str] | None = None
    ) -> list[list[tuple[str, float]]]:
        """`search` for each row of a matrix."""
        queries = self._matrix(matrix)
        if within is not None:
            ids = np.fromiter((vector_id(p) for p in within), dtype=np.int64, count=len(within))
            k = min(k, len(ids))
        if k <= 0 or len(self) == 0:
            return [[] for _ in range(queries.shape[0])]
        if within is None:
            scores, ids = self._index.search(queries, min(k, len(self)))
        else:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(ids))
            scores, ids = self._index.search(queries, min(k, len(self)), params=params)
        return [
            [
                (self._post_ids[vid], float(score))
                for score, vid in zip(row_scores.tolist(), row_ids.tolist(), strict=True)
                if vid in self._post_ids
            ]
            for row_scores, row_ids in zip(scores, ids, strict=True)
        ]

    def sync_from(self, store: Store, batch_size: int = 5000) -> int:
        """Upsert every vector of this model the store changed after `last_seq`; returns how many.

        Call `save()` afterwards to make the progress durable.
        """
        synced = 0
        for seq, post_ids, matrix in store.iter_vectors(self.embedding_model, self.last_seq, batch_size):
            if matrix.shape[1] != self.dim:
                raise ValueError(
                    f"store has {matrix.shape[1]}-dimensional vectors for {self.embedding_model!r}, "
                    f"this index holds {self.dim}"
                )
            synced += self.upsert(post_ids, matrix)
            self.last_seq = max(self.last_seq, seq)
        if synced:
            log.info(
                "vector index %s: synced %d vectors, now %d, last_seq=%d",
                self.directory,
                synced,
                len(self),
                self.last_seq,
            )
        return synced

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this index's lock file: one process at a time syncs and saves it."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / LOCK_FILE).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def refresh(self) -> bool:
        """Reload from disk if another process saved a newer state; True if it did."""
        meta_path = self.directory / META_FILE
        if not meta_path.exists():
            return False
        if int(json.loads(meta_path.read_text())["last_seq"]) <= self.last_seq:
            return False
        self._load()
        return True

    def save(self) -> None:
        """Write the index, then the meta, each atomically (temporary file, fsync, rename)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        atomic_write(self.directory / INDEX_FILE, faiss.serialize_index(self._index).tobytes())
        meta = {
            "format": _META_FORMAT,
            "embedding_model": self.embedding_model,
            "dim": self.dim,
            "last_seq": self.last_seq,
            "ntotal": len(self),
            "ids": list(self._post_ids),
            "post_ids": list(self._post_ids.values()),
        }
        atomic_write(self.directory / META_FILE, json.dumps(meta).encode())
        self.dirty = False
