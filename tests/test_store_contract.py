"""The `Store` contract: every backend must pass these (SQLite always; Elasticsearch when configured).

Tests call `flush()` after writing, which is what makes writes visible on a near-real-time backend.
"""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from indexing import PostFilter, SearchResult, SQLiteStore, Store
from schemas import DeadLetter, EnrichedPost, PiiSpan

MODEL = "all-MiniLM-L6-v2"
DIM = 8
T0 = datetime(2026, 3, 1, 9, 15, tzinfo=UTC)


def make_post(n: int, text: str = "", **fields: Any) -> EnrichedPost:
    """A stored post numbered n, created n hours after T0 unless told otherwise."""
    values: dict[str, Any] = {
        "post_id": f"x:{n}",
        "platform": "x",
        "platform_post_id": str(n),
        "created_at": T0 + timedelta(hours=n),
        "ingested_at": T0 + timedelta(days=30),
        "lang": "en",
        "redacted_text": text or f"post number {n} about scanxiety and waiting rooms",
        "content_hash": f"c{n}",
        "near_key": f"k{n}",
        "labels": ["peer_support"],
        "primary": "peer_support",
        "scores": {"peer_support": 0.8},
        "embedding_model": MODEL,
        "classifier_version": "clf-1",
    }
    values.update(fields)
    if "platform" in fields and "post_id" not in fields:
        values["post_id"] = f"{values['platform']}:{n}"
    return EnrichedPost(**values)


def unit_vectors(count: int, seed: int = 0) -> np.ndarray:
    """Random L2-normalised float32 rows."""
    matrix = np.random.default_rng(seed).normal(size=(count, DIM)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _sqlite(tmp_path: Path) -> Store:
    return SQLiteStore(tmp_path / "nested" / "oncowatch.sqlite")


def _elasticsearch(tmp_path: Path) -> Store:
    # The Elasticsearch backend lands later; each test gets its own index prefix.
    es_store = pytest.importorskip("indexing.es_store")
    prefix = f"oncowatch-test-{uuid.uuid4().hex[:8]}"
    store: Store = es_store.ElasticsearchStore(os.environ["ONCOWATCH_ES_URL"], index_prefix=prefix)
    return store


BACKENDS = [
    pytest.param(_sqlite, id="sqlite"),
    pytest.param(
        _elasticsearch,
        id="elasticsearch",
        marks=pytest.mark.skipif(
            not os.environ.get("ONCOWATCH_ES_URL"),
            reason="Elasticsearch contract runs only when ONCOWATCH_ES_URL points at a cluster",
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend."""
    factory: Callable[[Path], Store] = request.param
    backend = factory(tmp_path)
    yield backend
    backend.close()


def write(store: Store, posts: list[EnrichedPost], vectors: np.ndarray | None = None) -> None:
    assert store.upsert_posts(posts, vectors) == len(posts)
    store.flush()


def ids(result: SearchResult) -> list[str]:
    return [hit.post_id for hit in result.hits]


def all_vectors(store: Store, after_seq: int = 0, model: str = MODEL) -> tuple[int, list[str]]:
    """(highest seq seen, post_ids in order) of iter_vectors."""
    last, seen = after_seq, []
    for seq, post_ids, matrix in store.iter_vectors(model, after_seq=after_seq, batch_size=2):
        assert seq > last and matrix.shape == (len(post_ids), DIM)
        last, seen = seq, seen + post_ids
    return last, seen


def test_backend_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)
    assert store.count() == 0
    assert store.search("").total == 0


def test_writing_the_same_posts_twice_changes_nothing(store: Store) -> None:
    posts = [make_post(n, f"turmeric paste number {n}") for n in range(5)]
    vectors = unit_vectors(5)
    write(store, posts, vectors)
    first = store.search("turmeric", limit=50)
    last_seq, synced = all_vectors(store)
    write(store, posts, vectors)
    again = store.search("turmeric", limit=50)
    assert store.count() == 5
    assert again.total == first.total == 5
    assert sorted(ids(again)) == sorted(ids(first)) == sorted(p.post_id for p in posts)
    assert sorted(synced) == sorted(p.post_id for p in posts)
    assert all_vectors(store, after_seq=last_seq) == (last_seq, [])


def test_reingesting_an_unchanged_post_is_no_change(store: Store) -> None:
    first = make_post(1)
    write(store, [first], unit_vectors(1))
    seq, _ = all_vectors(store)
    later = first.model_copy(update={"ingested_at": first.ingested_at + timedelta(days=3)})
    write(store, [later], unit_vectors(1))
    assert all_vectors(store, after_seq=seq) == (seq, [])
    assert store.get_post("x:1") == first  # the first ingestion time stays


def test_duplicate_ids_in_one_batch_keep_the_last(store: Store) -> None:
    write(store, [make_post(1, "first wording"), make_post(1, "second wording")])
    assert store.count() == 1
    assert store.search("first").total == 0
    assert ids(store.search("second")) == ["x:1"]


def test_update_replaces_text_and_full_text_follows(store: Store) -> None:
    write(store, [make_post(1, "turmeric cures cancer, skip chemo"), make_post(2, "turmeric latte")])
    write(store, [make_post(1, "started chemotherapy today, feeling hopeful")])
    assert store.count() == 2
    assert ids(store.search("turmeric")) == ["x:2"]
    assert ids(store.search("chemotherapy")) == ["x:1"]
    post = store.get_post("x:1")
    assert post is not None and post.redacted_text.startswith("started chemotherapy")


def test_update_relabels_and_filters_follow(store: Store) -> None:
    write(store, [make_post(1, labels=["miracle_cure"], primary="miracle_cure")])
    assert store.count(PostFilter(category="miracle_cure")) == 1
    write(store, [make_post(1, labels=["awareness"], primary="awareness")])
    assert store.count(PostFilter(category="miracle_cure")) == 0
    assert store.terms("labels") == {"awareness": 1}


def test_get_post_round_trips(store: Store) -> None:
    post = make_post(
        7,
        "call [PHONE] about my mother's [DIAGNOSIS]",
        author_pseudonym="anon-3f2a",
        url="https://x.com/i/7",
        reply_to="6",
        metrics={"likes": 12, "shares": 3, "ratio": 0.25},
        extra={"hashtags": ["bcsm"], "geo": {"country": "US"}, "edited": True},
        pii=[PiiSpan(type="PHONE", start=5, end=17), PiiSpan(type="EMAIL", start=20, end=31)],
        labels=["privacy_leak", "peer_support"],
        primary="privacy_leak",
        scores={"privacy_leak": 0.97, "peer_support": 0.41},
        evidence={"privacy_leak": ["phone with diagnosis"], "peer_support": []},
        duplicate_of="x:1",
        source="posts.raw[3]@1042",
        created_at=datetime(2026, 3, 2, 10, 11, 12, 345678, tzinfo=UTC),
    )
    write(store, [post])
    assert store.get_post("x:7") == post
    assert store.get_post("x:404") is None


def test_vectors_are_stored_and_kept(store: Store) -> None:
    vectors = unit_vectors(3)
    vectors[2] = np.nan  # no embedding for this one
    write(store, [make_post(n) for n in range(3)], vectors)
    got = store.get_vectors(["x:0", "x:1", "x:2", "x:404"])
    assert sorted(got) == ["x:0", "x:1"]
    np.testing.assert_array_equal(got["x:1"], vectors[1])
    assert got["x:1"].dtype == np.float32
    write(store, [make_post(1, "new words")])  # no vectors given: the stored one stays
    np.testing.assert_array_equal(store.get_vectors(["x:1"])["x:1"], vectors[1])


def test_search_filters(store: Store) -> None:
    posts = [
        make_post(0, "herbal capsules cure tumours", labels=["miracle_cure", "scam_ad"], primary="scam_ad"),
        make_post(1, "herbal tea while on chemo", platform="reddit", lang="de"),
        make_post(2, "herbal remedy, DM to order", labels=["scam_ad"], primary="scam_ad"),
        make_post(3, "herbal advice from my oncologist", platform="facebook"),
        make_post(4, "an herbal fundraiser", labels=[], primary="other"),
    ]
    write(store, posts)
    assert store.search("herbal").total == 5
    assert sorted(ids(store.search("herbal", PostFilter(category="scam_ad")))) == ["x:0", "x:2"]
    assert ids(store.search("herbal", PostFilter(category="miracle_cure"))) == ["x:0"]
    assert ids(store.search("herbal", PostFilter(category="other"))) == ["x:4"]  # matches the primary
    assert ids(store.search("herbal", PostFilter(platform="reddit"))) == ["reddit:1"]
    assert ids(store.search("herbal", PostFilter(lang="de"))) == ["reddit:1"]
    # since is inclusive, until exclusive
    window = PostFilter(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=3))
    assert sorted(ids(store.search("herbal", window))) == ["reddit:1", "x:2"]
    other_zone = datetime(2026, 3, 1, 17, 15, tzinfo=timezone(timedelta(hours=5)))
    assert store.count(PostFilter(since=other_zone)) == 2  # posts 3 and 4, same instant in another zone
    hit = store.search("herbal", PostFilter(platform="facebook")).hits[0]
    assert (hit.created_at, hit.platform, hit.primary, hit.labels) == (
        "2026-03-01T12:15:00Z",
        "facebook",
        "peer_support",
        ["peer_support"],
    )


def test_search_ranks_and_pages(store: Store) -> None:
    write(store, [
        make_post(0, "laetrile laetrile laetrile, the apricot miracle"),
        make_post(1, "is laetrile safe? asking for my dad, his oncologist said no"),
        make_post(2, "nothing relevant"),
    ])  # fmt: skip
    result = store.search("laetrile")
    assert result.total == 2 and ids(result)[0] == "x:0"
    assert result.hits[0].score >= result.hits[1].score
    assert ids(store.search("laetrile", limit=1, offset=1)) == ["x:1"]
    assert store.search("laetrile", limit=1).total == 2
    assert len(ids(store.search("apricot OR oncologist"))) == 2
    assert store.search("apricot oncologist").total == 0  # words are ANDed
    assert ids(store.search('"apricot miracle"')) == ["x:0"]
    assert ids(store.search("apric*")) == ["x:0"]


def test_empty_query_is_newest_first(store: Store) -> None:
    write(store, [make_post(n) for n in (2, 0, 3, 1)])
    result = store.search("", limit=3)
    assert result.total == 4
    assert ids(result) == ["x:3", "x:2", "x:1"]
    assert ids(store.search("   ", PostFilter(until=T0 + timedelta(hours=2)))) == ["x:1", "x:0"]


@pytest.mark.parametrize(
    "query",
    [
        '"miracle cure" OR (',
        "(((",
        '"',
        '"unterminated phrase',
        "OR",
        "AND OR NOT",
        "NEAR(miracle cure, 2)",
        "redacted_text:miracle",
        "* ^ - + : { } [ ]",
        "miracle*cure",
        "'; DROP TABLE posts; --",
        "\x00 miracle",
        "治愈 癌症 ünïcödé",
        "miracle " * 500,
    ],
)
def test_hostile_queries_never_raise(store: Store, query: str) -> None:
    write(store, [make_post(1, "this miracle cure is a scam"), make_post(2, "peer support group")])
    result = store.search(query)
    assert isinstance(result, SearchResult)
    assert result.total >= 0
    assert store.count() == 2


def test_quoted_phrase_with_dangling_operator_still_finds_it(store: Store) -> None:
    write(store, [make_post(1, "this miracle cure is a scam"), make_post(2, "a cure for boredom")])
    assert ids(store.search('"miracle cure" OR (')) == ["x:1"]


def test_document_frequency_counts_posts_per_term(store: Store) -> None:
    write(store, [
        make_post(0, "soursop leaf tea cures cancer"),
        make_post(1, "soursop juice every morning"),
        make_post(2, "ginger tea for chemo nausea"),
    ])  # fmt: skip
    counts, total = store.document_frequency([("soursop", False), ("tea", False), ("cur", True), ("zzz", False)])
    assert counts == [2, 2, 1, 0] and total == 3


def test_count_and_terms(store: Store) -> None:
    write(store, [
        make_post(0, labels=["miracle_cure", "scam_ad"], primary="scam_ad"),
        make_post(1, labels=["scam_ad"], primary="scam_ad", platform="reddit"),
        make_post(2, labels=["peer_support"], lang=None),
    ])  # fmt: skip
    assert store.count() == 3
    assert store.count(PostFilter(category="scam_ad")) == 2
    assert store.count(PostFilter(category="scam_ad", platform="reddit")) == 1
    assert store.terms("labels") == {"scam_ad": 2, "miracle_cure": 1, "peer_support": 1}
    assert list(store.terms("labels"))[0] == "scam_ad"  # largest first
    assert store.terms("primary") == {"scam_ad": 2, "peer_support": 1}
    assert store.terms("platform") == {"x": 2, "reddit": 1}
    assert store.terms("lang") == {"en": 2}  # posts without a language are not a bucket
    assert store.terms("labels", PostFilter(platform="x")) == {
        "miracle_cure": 1,
        "scam_ad": 1,
        "peer_support": 1,
    }
    assert len(store.terms("labels", size=1)) == 1


def test_date_histogram(store: Store) -> None:
    times = [T0, T0 + timedelta(minutes=30), T0 + timedelta(hours=2), T0 + timedelta(days=1, hours=20)]
    posts = [make_post(n, created_at=t) for n, t in enumerate(times)]
    posts[3] = make_post(3, created_at=times[3], platform="reddit")
    write(store, posts)
    hourly = store.date_histogram("1h")
    assert list(hourly) == ["all"]
    assert [(b.start, b.count) for b in hourly["all"]] == [
        ("2026-03-01T09:00:00Z", 2),
        ("2026-03-01T11:00:00Z", 1),
        ("2026-03-03T05:00:00Z", 1),
    ]
    daily = store.date_histogram("1d")["all"]
    assert [(b.start, b.count) for b in daily] == [("2026-03-01T00:00:00Z", 3), ("2026-03-03T00:00:00Z", 1)]
    by_platform = store.date_histogram("1d", by="platform")
    assert {k: [(b.start, b.count) for b in v] for k, v in by_platform.items()} == {
        "x": [("2026-03-01T00:00:00Z", 3)],
        "reddit": [("2026-03-03T00:00:00Z", 1)],
    }
    by_label = store.date_histogram("1d", by="labels", flt=PostFilter(platform="x"))
    assert {k: sum(b.count for b in v) for k, v in by_label.items()} == {"peer_support": 3}
    assert store.date_histogram("1h", flt=PostFilter(platform="tiktok")) == {"all": []}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:00:00Z", b.start) for b in hourly["all"])


def test_iter_posts_is_oldest_first_across_batches(store: Store) -> None:
    same_time = [make_post(n, created_at=T0) for n in range(10, 14)]
    write(store, [make_post(n) for n in (5, 3, 4)] + same_time)
    got = [p.post_id for p in store.iter_posts(batch_size=2)]
    assert len(got) == len(set(got)) == 7
    assert got[4:] == ["x:3", "x:4", "x:5"]
    created = [p.created_at for p in store.iter_posts(batch_size=3)]
    assert created == sorted(created)
    assert [p.post_id for p in store.iter_posts(PostFilter(since=T0 + timedelta(hours=4)))] == ["x:4", "x:5"]

    assert sorted(store.post_ids(PostFilter(since=T0 + timedelta(hours=4)))) == ["x:4", "x:5"]
    assert len(store.post_ids()) == 7
    assert len(store.post_ids(limit=2)) == 2 and store.post_ids(limit=0) == []


def test_iter_vectors_catches_up_after_seq(store: Store) -> None:
    posts = [make_post(n) for n in range(3)]
    vectors = unit_vectors(3)
    write(store, posts, vectors)
    seq, seen = all_vectors(store)
    assert sorted(seen) == ["x:0", "x:1", "x:2"]
    write(store, posts, vectors)  # a replay: nothing new
    assert all_vectors(store, after_seq=seq) == (seq, [])
    changed = [make_post(1, "edited text"), make_post(3), make_post(4)]
    write(store, changed, unit_vectors(3, seed=1))
    new_seq, seen = all_vectors(store, after_seq=seq)
    assert new_seq > seq and sorted(seen) == ["x:1", "x:3", "x:4"]
    write(store, [make_post(0)], unit_vectors(1, seed=9))  # same post, new vector
    assert all_vectors(store, after_seq=new_seq)[1] == ["x:0"]
    write(store, [make_post(9, embedding_model="other-model")], unit_vectors(1))
    assert all_vectors(store, model="other-model")[1] == ["x:9"]
    assert "x:9" not in all_vectors(store)[1]


def test_known_contents_picks_the_first_original_of_the_model(store: Store) -> None:
    vectors = unit_vectors(5)
    write(store, [make_post(0, near_key="dup", duplicate_of="x:1")], vectors[:1])
    write(store, [
        make_post(1, near_key="dup", labels=["miracle_cure"], primary="miracle_cure",
                  scores={"miracle_cure": 0.9}, evidence={"miracle_cure": ["cures cancer"]}),
        make_post(2, near_key="dup"),
        make_post(3, near_key="old", embedding_model="old-model"),
        make_post(4, near_key="solo"),
    ], vectors[1:])  # fmt: skip
    known = store.known_contents(["dup", "old", "solo", "missing"], MODEL)
    assert sorted(known) == ["dup", "solo"]
    hit = known["dup"]
    assert (hit.post_id, hit.near_key, hit.primary, hit.labels) == (
        "x:1",
        "dup",
        "miracle_cure",
        ["miracle_cure"],
    )
    assert hit.scores == {"miracle_cure": 0.9} and hit.evidence == {"miracle_cure": ["cures cancer"]}
    assert (hit.embedding_model, hit.classifier_version) == (MODEL, "clf-1")
    assert hit.vector is not None
    np.testing.assert_allclose(hit.vector, vectors[1])
    assert store.known_contents(["old"], "old-model")["old"].post_id == "x:3"
    assert store.known_contents([], MODEL) == {}


def test_dead_letters_upsert_and_count(store: Store) -> None:
    letters = [
        DeadLetter(stage="decode", reason="invalid_json", source="a.jsonl", position=n, original=b"{oops",
                   created_at=T0 + timedelta(minutes=n))
        for n in range(3)
    ] + [DeadLetter(stage="validate", reason="text_too_long", source="a.jsonl", position=9, post_id="x:9",
                    detail="41000 characters", original=b"\x00\xff", created_at=T0)]  # fmt: skip
    assert store.upsert_dead_letters(letters) == 4
    assert store.upsert_dead_letters(letters) == 4
    store.flush()
    assert store.dead_letter_counts() == {"decode:invalid_json": 3, "validate:text_too_long": 1}
    newest = store.dead_letters(limit=2)
    assert [d.position for d in newest] == [2, 1]
    assert sorted(store.dead_letters(), key=lambda d: d.dead_letter_id) == sorted(
        letters, key=lambda d: d.dead_letter_id
    )


# --------------------------------------------------------------------------- SQLite specifics


def test_sqlite_schema_pragmas_and_fts_integrity(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with SQLiteStore(path) as store:
        posts = [make_post(n, f"turmeric {n}") for n in range(4)]
        store.upsert_posts(posts, unit_vectors(4))
        store.upsert_posts(posts, unit_vectors(4))
        store.upsert_posts([make_post(1, "changed")])
        store.flush()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')")
    assert conn.execute("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'turmeric'").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM post_labels").fetchone()[0] == 4
    conn.close()


def test_sqlite_reopens_and_reads_only(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with SQLiteStore(path) as store:
        store.upsert_posts([make_post(1, "persisted words")])
    with SQLiteStore(path) as store:
        assert store.count() == 1
    reader = SQLiteStore(path, readonly=True)
    assert ids(reader.search("persisted")) == ["x:1"]
    with pytest.raises(sqlite3.OperationalError):
        reader.upsert_posts([make_post(2)])
    reader.close()
    reader.close()
    with pytest.raises(FileNotFoundError):
        SQLiteStore(tmp_path / "absent.sqlite", readonly=True)


def test_sqlite_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(RuntimeError, match="schema version 999"):
        SQLiteStore(path)
