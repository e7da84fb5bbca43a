"""The FAISS vector index: idempotent upserts, nearest neighbours, persistence, catch-up from a store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from indexing import SQLiteStore, VectorIndex, model_slug, vector_id
from schemas import EnrichedPost

MODEL = "sentence-transformers/all-MiniLM-L6-v2"
DIM = 16


def unit_vectors(count: int, seed: int = 0) -> np.ndarray:
    matrix = np.random.default_rng(seed).normal(size=(count, DIM)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def make_post(n: int, text: str = "", model: str = MODEL) -> EnrichedPost:
    created = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=n)
    return EnrichedPost(
        post_id=f"x:{n}", platform="x", platform_post_id=str(n), created_at=created, ingested_at=created,
        redacted_text=text or f"post {n}", content_hash=f"c{n}", near_key=f"k{n}", embedding_model=model,
    )  # fmt: skip


def test_ids_and_slug_are_stable() -> None:
    assert vector_id("x:1") == vector_id("x:1") != vector_id("x:2")
    assert 0 <= vector_id("reddit:abc") < 2**63
    assert model_slug(MODEL) == "sentence-transformers-all-MiniLM-L6-v2"
    with pytest.raises(ValueError):
        model_slug("///")


def test_upsert_is_idempotent(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, DIM, MODEL)
    vectors = unit_vectors(10)
    post_ids = [f"x:{n}" for n in range(10)]
    assert index.upsert(post_ids, vectors) == 10
    assert index.upsert(post_ids, vectors) == 10
    assert len(index) == 10
    moved = unit_vectors(1, seed=5)
    index.upsert(["x:3"], moved)
    assert len(index) == 10
    assert index.search(moved[0], 1) == [("x:3", pytest.approx(1.0, abs=1e-5))]
    index.upsert(["x:20", "x:20"], unit_vectors(2, seed=6))  # last one wins within a batch
    assert len(index) == 11 and "x:20" in index and "x:21" not in index


def test_search_returns_the_nearest(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, DIM, MODEL)
    vectors = unit_vectors(50)
    index.upsert([f"x:{n}" for n in range(50)], vectors)
    query = vectors[17] + 0.05 * unit_vectors(1, seed=3)[0]
    query /= np.linalg.norm(query)
    hits = index.search(query, 5)
    assert hits[0][0] == "x:17"
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)
    assert len(index.search(query, 500)) == 50
    assert index.search(query, 0) == []
    many = index.search_many(vectors[[4, 9]], 1)
    assert [row[0][0] for row in many] == ["x:4", "x:9"]
    assert VectorIndex(tmp_path / "empty", DIM, MODEL).search(query, 3) == []
    within = [f"x:{n}" for n in range(0, 50, 5)]  # only these may come back, nearest first
    hits = index.search(query, 4, within)
    expected = sorted(within, key=lambda p: -float(vectors[int(p[2:])] @ query))[:4]
    assert [post_id for post_id, _ in hits] == expected
    assert len(index.search(query, 100, within)) == len(within)
    assert index.search(query, 5, []) == []
    with pytest.raises(ValueError, match="dim"):
        index.search(np.ones(DIM + 1, dtype=np.float32), 3)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, DIM, MODEL)
    vectors = unit_vectors(20)
    index.upsert([f"x:{n}" for n in range(20)], vectors)
    index.last_seq = 42
    index.save()
    folder = tmp_path / model_slug(MODEL)
    assert sorted(p.name for p in folder.iterdir()) == ["index.faiss", "meta.json"]
    meta = json.loads((folder / "meta.json").read_text())
    assert (meta["dim"], meta["embedding_model"], meta["last_seq"]) == (DIM, MODEL, 42)
    again = VectorIndex(tmp_path, DIM, MODEL)
    assert len(again) == 20 and again.last_seq == 42
    assert again.search(vectors[7], 3) == index.search(vectors[7], 3)
    again.upsert(["x:7"], vectors[7:8])  # still idempotent after a reload
    assert len(again) == 20


def test_mismatched_dim_or_model_is_refused(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, DIM, "model/a")
    index.upsert(["x:1"], unit_vectors(1))
    index.save()
    with pytest.raises(ValueError, match="dimensional"):
        VectorIndex(tmp_path, DIM * 2, "model/a")
    with pytest.raises(ValueError, match="never mixed"):
        VectorIndex(tmp_path, DIM, "model-a")  # same directory name, another model
    with pytest.raises(ValueError, match="dim"):
        index.upsert(["x:2"], np.ones((1, DIM + 1), dtype=np.float32))


def test_sync_from_a_store_is_incremental(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite")
    vectors = unit_vectors(6)
    store.upsert_posts([make_post(n) for n in range(5)], vectors[:5])
    store.upsert_posts([make_post(9, model="other-model")], vectors[5:])
    index = VectorIndex.for_store(tmp_path / "vectors", MODEL, store)
    assert index is not None and index.dim == DIM
    assert index.sync_from(store, batch_size=2) == 5
    assert len(index) == 5 and "x:9" not in index
    assert index.sync_from(store) == 0
    store.upsert_posts([make_post(n) for n in range(5)], vectors[:5])  # a replay
    assert index.sync_from(store) == 0
    changed = unit_vectors(2, seed=7)
    store.upsert_posts([make_post(2), make_post(5)], changed)
    assert index.sync_from(store) == 2
    assert len(index) == 6
    assert index.search(changed[0], 1)[0][0] == "x:2"
    index.save()
    reopened = VectorIndex.for_store(tmp_path / "vectors", MODEL, store)
    assert reopened is not None and reopened.last_seq == index.last_seq
    assert reopened.sync_from(store) == 0
    assert VectorIndex.for_store(tmp_path / "vectors", "never-used", store) is None
    store.close()


def test_sync_refuses_vectors_of_another_dim(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite")
    store.upsert_posts([make_post(1)], np.ones((1, DIM * 2), dtype=np.float32))
    with pytest.raises(ValueError, match="dimensional"):
        VectorIndex(tmp_path / "vectors", DIM, MODEL).sync_from(store)
    store.close()


def test_an_open_index_takes_up_what_another_process_saved(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite")
    vectors = unit_vectors(6)
    store.upsert_posts([make_post(n) for n in range(3)], vectors[:3])
    kept = VectorIndex(tmp_path / "vectors", DIM, MODEL)  # a stream worker's, open across batches
    with kept.locked():
        kept.sync_from(store)
        kept.save()
    store.upsert_posts([make_post(n) for n in range(3, 6)], vectors[3:])
    other = VectorIndex(tmp_path / "vectors", DIM, MODEL)  # a second worker syncs and saves first
    with other.locked():
        other.sync_from(store)
        other.save()
    assert not kept.dirty and kept.refresh() and len(kept) == 6
    assert not kept.refresh()  # nothing newer on disk now
    kept.upsert(["x:9"], unit_vectors(1, seed=9))
    assert kept.dirty
    kept.save()
    assert not kept.dirty
    store.close()
