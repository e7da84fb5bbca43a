"""The embedded default `Store`: one SQLite file with FTS5 full-text, aggregations and dead letters.

- `posts`: filtered fields as columns, the rest of the `EnrichedPost` as JSON in `doc` (so `get_post`
  returns what was written). Timestamps are fixed-width ISO 8601 UTC text (`2026-01-02T03:04:05.000000Z`):
  they sort as they compare, and date buckets are prefixes. `seq` grows with every insert or real change
  of a post (rewriting an equal post, even with a later `ingested_at`, changes nothing), so the FAISS
  index catches up through `iter_vectors(after_seq=...)`.
- `posts_fts` (external-content FTS5 over `redacted_text`, bm25) and `post_labels` follow `posts`
  through triggers; `vectors` holds float32 embeddings by post_id with their model; `dead_letters`.
- Schema version in `PRAGMA user_version`; `MIGRATIONS` takes a file from one version to the next.

Filters: `category` matches a post whose labels contain it or whose primary is it (they differ only for
the "other" fallback of unlabelled posts); `since` is inclusive, `until` exclusive. Naive datetimes are
read as `EnrichedPost`'s serialiser reads them (local time): pass aware ones. Other processes (the
dashboard) read the file through `SQLiteStore(path, readonly=True)` while one writes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import numpy as np

from indexing.base import Bucket, Interval, KnownContent, PostFilter, SearchHit, SearchResult, TermField
from indexing.sqlite_schema import MIGRATIONS, SCHEMA_VERSION
from schemas import DeadLetter, EnrichedPost

log = logging.getLogger(__name__)

#: How long a call waits for another process's write lock before failing with "database is locked".
_BUSY_TIMEOUT_MS = 30_000
#: The empty filter (frozen, so safe as a default).
ANY_POST = PostFilter()
_TERM_COLUMNS = {"primary": "primary_label", "platform": "platform", "lang": "lang"}
_BUCKETS = {
    "1h": "substr(p.created_at, 1, 13) || ':00:00Z'",
    "1d": "substr(p.created_at, 1, 10) || 'T00:00:00Z'",
}
#: Fields kept in their own columns rather than in the `doc` JSON.
_OWN_COLUMNS: set[str] = {"redacted_text", "ingested_at"}
_CATEGORY = "(p.primary_label = ? OR p.id IN (SELECT post_rowid FROM post_labels WHERE label = ?))"
_HIT_COLUMNS = "p.post_id, p.created_at, p.platform, p.primary_label, p.labels, p.redacted_text"
_CREATE_BATCH = """CREATE TEMP TABLE IF NOT EXISTS post_batch (post_id, seq, created_at, platform, lang,
    primary_label, labels, near_key, duplicate_of, embedding_model, ingested_at, redacted_text, doc,
    vec_hash)"""
_STAGE_POST = "INSERT INTO temp.post_batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# One statement for the whole batch: run per row (executemany), a statement with triggers opens a
# statement journal per row, and FTS5 then flushes a segment per row, three times slower.
_UPSERT_POST = """
INSERT INTO posts (post_id, seq, created_at, platform, lang, primary_label, labels, near_key, duplicate_of,
    embedding_model, ingested_at, redacted_text, doc, vec_hash)
SELECT * FROM temp.post_batch WHERE true ORDER BY rowid
ON CONFLICT (post_id) DO UPDATE SET
    seq = excluded.seq, created_at = excluded.created_at, platform = excluded.platform,
    lang = excluded.lang, primary_label = excluded.primary_label, labels = excluded.labels,
    near_key = excluded.near_key, duplicate_of = excluded.duplicate_of,
    embedding_model = excluded.embedding_model, ingested_at = excluded.ingested_at,
    redacted_text = excluded.redacted_text, doc = excluded.doc,
    vec_hash = coalesce(excluded.vec_hash, posts.vec_hash)
WHERE posts.doc IS NOT excluded.doc OR posts.redacted_text IS NOT excluded.redacted_text
   OR (excluded.vec_hash IS NOT NULL AND posts.vec_hash IS NOT excluded.vec_hash)
"""
_UPSERT_VECTOR = """
INSERT INTO vectors (post_id, model, dim, vector) VALUES (?, ?, ?, ?)
ON CONFLICT (post_id) DO UPDATE SET model = excluded.model, dim = excluded.dim, vector = excluded.vector
WHERE vectors.model IS NOT excluded.model OR vectors.vector IS NOT excluded.vector
"""
_DEAD_COLUMNS = ("dead_letter_id", "stage", "reason", "detail", "source", "position", "post_id", "original",
                 "created_at")  # fmt: skip
_UPSERT_DEAD = """INSERT OR REPLACE INTO dead_letters (dead_letter_id, stage, reason, detail, source,
    position, post_id, original, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


@contextmanager
def immediate_transaction(conn: sqlite3.Connection, lock: threading.RLock) -> Iterator[sqlite3.Connection]:
    """One IMMEDIATE transaction on a connection opened with isolation_level=None, under a lock."""
    with lock:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


class StateFile:
    """State kept beside the posts in the store's SQLite file (topics, alerts): one connection, one
    writer at a time (SQLite's lock, a busy timeout), IMMEDIATE transactions, read-only on request.

    A subclass creates its tables in `__init__` when not read-only. Reading a table no writer has
    created yet answers no rows in read-only mode.
    """

    def __init__(self, path: str | Path, busy_timeout_ms: int = 30_000, readonly: bool = False) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no oncowatch store at {self.path}")
        self.readonly = readonly
        self._lock = threading.RLock()
        if readonly:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One IMMEDIATE transaction."""
        return immediate_transaction(self._conn, self._lock)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if self.readonly and "no such table" in str(exc):
                    return []  # state no writer has created yet
                raise


def _ts(value: datetime) -> str:
    """Fixed-width UTC text, the stored form of every timestamp."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")[:26] + "Z"


def _display_ts(stored: str) -> str:
    """The stored form as `EnrichedPost` serialises it (no `.000000` when there are no microseconds)."""
    return stored[:-8] + "Z" if stored.endswith(".000000Z") else stored


def _vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


def _post(doc: str, ingested_at: str, redacted_text: str) -> EnrichedPost:
    data = json.loads(doc)
    data["ingested_at"], data["redacted_text"] = ingested_at, redacted_text
    return EnrichedPost.model_validate(data)


_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD_CHAR = re.compile(r"\w")
_MAX_TERMS = 64


def fts_query(text: str) -> str | None:
    """Turn what a user typed into an FTS5 query that cannot be a syntax error; None if nothing is left.

    Words and "quoted phrases" are ANDed; `a OR b` is an OR of neighbouring terms (grouped, so
    `cure vitamin OR herbal` means cure AND (vitamin OR herbal)); `canc*` is a prefix search.
    Everything else (parentheses, NEAR, column filters, stray quotes, operators) is literal text.
    """
    groups: list[list[str]] = []
    join_next = False
    for match in _QUERY_TOKEN.finditer(text.replace("\x00", " ")):
        phrase, word = match.group(1), match.group(2)
        prefix = False
        if phrase is None:
            if word in ("OR", "AND"):
                join_next = word == "OR" and bool(groups)
                continue
            prefix = word.endswith("*")
            phrase = word.replace('"', " ").rstrip("*")
        if not _WORD_CHAR.search(phrase):
            continue
        if sum(map(len, groups)) == _MAX_TERMS:
            log.debug("search query cut to its first %d terms", _MAX_TERMS)
            break
        quoted = '"' + phrase.replace('"', '""') + '"' + ("*" if prefix else "")
        if join_next:
            groups[-1].append(quoted)
        else:
            groups.append([quoted])
        join_next = False
    if not groups:
        return None
    return " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)


def _where(flt: PostFilter) -> tuple[str, list[Any]]:
    """SQL conditions on posts aliased `p`, and their parameters."""
    clauses, params = ["1"], []
    if flt.category is not None:
        clauses.append(_CATEGORY)
        params += [flt.category, flt.category]
    for clause, value in (
        ("p.platform = ?", flt.platform),
        ("p.lang = ?", flt.lang),
        ("p.created_at >= ?", None if flt.since is None else _ts(flt.since)),
        ("p.created_at < ?", None if flt.until is None else _ts(flt.until)),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return " AND ".join(clauses), params


def _group_key(field: TermField | None) -> tuple[str, str, str]:
    """(key expression, join, extra condition) to group posts `p` by a field."""
    if field is None:
        return "'all'", "", ""
    if field == "labels":
        return "l.label", "JOIN post_labels l ON l.post_rowid = p.id", ""
    if field not in _TERM_COLUMNS:
        raise ValueError(f"unknown field {field!r}; expected one of primary, platform, lang, labels")
    column = f"p.{_TERM_COLUMNS[field]}"
    return column, "", f" AND {column} IS NOT NULL"


class SQLiteStore:
    """`Store` over one SQLite file (WAL); one connection, one write transaction per call.

    With `synchronous="NORMAL"` (the default) a committed write survives a crash of the process, while
    an operating-system crash or power loss may roll back the last commits; `"FULL"` syncs the WAL on
    every commit and survives those too, for an fsync per write call. Safe to share between threads
    (calls are serialised). `readonly=True` opens an existing file for queries only.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        readonly: bool = False,
        synchronous: str = "NORMAL",
        busy_timeout_ms: int = _BUSY_TIMEOUT_MS,
    ) -> None:
        if synchronous not in ("NORMAL", "FULL"):
            raise ValueError(f"synchronous must be NORMAL or FULL, not {synchronous!r}")
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no oncowatch store at {self.path}")
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self._conn.execute(f"PRAGMA synchronous = {synchronous}")
        self._conn.execute("PRAGMA temp_store = MEMORY")
        self._migrate()
        if not readonly:
            self._conn.execute(_CREATE_BATCH)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} has schema version {version}; this code knows {SCHEMA_VERSION}")
        if self.readonly:
            raise RuntimeError(f"{self.path} has schema version {version}; open it once for writing")
        with self._write() as conn:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")
                log.info("store %s migrated to schema version %d", self.path, target)

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One IMMEDIATE transaction: the write lock is taken before anything is read."""
        return immediate_transaction(self._conn, self._lock)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def upsert_posts(self, posts: Sequence[EnrichedPost], vectors: np.ndarray | None = None) -> int:
        """Insert or update posts by post_id, in one transaction; returns how many were given.

        A post equal to the stored one but for `ingested_at` is no change: its row, seq and first
        ingestion time stay. `vectors` has one row per post; a row with a non-finite value (NaN)
        means "no embedding" and, like `vectors=None`, leaves a stored one in place.
        """
        if not posts:
            return 0
        blobs: list[bytes | None] = [None] * len(posts)
        dim = 0
        if vectors is not None:
            matrix = np.asarray(vectors, dtype="<f4")
            if matrix.ndim != 2 or matrix.shape[0] != len(posts):
                raise ValueError(f"vectors must be ({len(posts)}, dim), got {matrix.shape}")
            dim, raw = matrix.shape[1], matrix.tobytes()
            finite = np.isfinite(matrix).all(axis=1).tolist()
            blobs = [raw[i * dim * 4 : (i + 1) * dim * 4] if ok else None for i, ok in enumerate(finite)]
        rows: list[tuple[Any, ...]] = []
        vector_rows: list[tuple[str, str, int, bytes]] = []
        for i, (post, blob) in enumerate(zip(posts, blobs, strict=True)):
            vec_hash = None
            if blob is not None:
                vector_rows.append((post.post_id, post.embedding_model, dim, blob))
                vec_hash = hashlib.blake2b(post.embedding_model.encode() + b"\x00" + blob, digest_size=16)
            rows.append((
                post.post_id, i, _ts(post.created_at), post.platform, post.lang, post.primary,
                json.dumps(post.labels), post.near_key, post.duplicate_of, post.embedding_model,
                _ts(post.ingested_at), post.redacted_text, post.model_dump_json(exclude=_OWN_COLUMNS),
                vec_hash.digest() if vec_hash else None,
            ))  # fmt: skip
        with self._write() as conn:
            # Under the write lock, so seqs only grow, across processes too; unchanged rows skip theirs.
            base = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM posts").fetchone()[0]
            conn.executemany(_STAGE_POST, [(r[0], base + r[1], *r[2:]) for r in rows])
            conn.execute(_UPSERT_POST)
            conn.execute("DELETE FROM temp.post_batch")
            if vector_rows:
                conn.executemany(_UPSERT_VECTOR, vector_rows)
        return len(posts)

    def upsert_dead_letters(self, letters: Sequence[DeadLetter]) -> int:
        """Insert or replace dead letters by dead_letter_id."""
        rows = [
            (d.dead_letter_id, d.stage, d.reason, d.detail, d.source, d.position, d.post_id,
             d.original, _ts(d.created_at))
            for d in letters
        ]  # fmt: skip
        if rows:
            with self._write() as conn:
                conn.executemany(_UPSERT_DEAD, rows)
        return len(rows)

    def flush(self) -> None:
        """Commit anything pending (every write call already commits its own transaction)."""
        with self._lock:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        """Commit anything pending and close the connection; closing twice is harmless."""
        with self._lock:
            try:
                self.flush()
            except sqlite3.ProgrammingError:
                return  # already closed
            self._conn.close()

    def get_post(self, post_id: str) -> EnrichedPost | None:
        """One post by id, or None."""
        rows = self._query("SELECT doc, ingested_at, redacted_text FROM posts WHERE post_id = ?", (post_id,))
        return _post(*rows[0]) if rows else None

    def get_vectors(self, post_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored embeddings of these posts (only those that have one)."""
        rows = self._query(
            "SELECT post_id, vector FROM vectors WHERE post_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(post_ids)),),
        )
        return {post_id: _vector(blob) for post_id, blob in rows}

    def known_contents(self, near_keys: Sequence[str], embedding_model: str) -> dict[str, KnownContent]:
        """For each near_key, the earliest-stored original (not a duplicate) embedded with this model."""
        rows = self._query(
            """SELECT p.post_id, p.near_key, p.doc, v.vector, v.model
            FROM posts p LEFT JOIN vectors v ON v.post_id = p.post_id
            WHERE p.id IN (SELECT min(id) FROM posts WHERE duplicate_of IS NULL AND embedding_model = ?
                           AND near_key IN (SELECT value FROM json_each(?)) GROUP BY near_key)""",
            (embedding_model, json.dumps(list(near_keys))),
        )
        known: dict[str, KnownContent] = {}
        for post_id, near_key, doc, blob, vector_model in rows:
            data = json.loads(doc)
            results = ("labels", "primary", "scores", "evidence", "embedding_model", "classifier_version")
            known[near_key] = KnownContent(
                post_id=post_id,
                near_key=near_key,
                vector=_vector(blob) if blob is not None and vector_model == embedding_model else None,
                **{name: data[name] for name in results},
            )
        return known

    def search(
        self, query: str, flt: PostFilter = ANY_POST, limit: int = 20, offset: int = 0
    ) -> SearchResult:
        """Full-text search ranked by bm25, score = -bm25 (higher is better); empty query: newest first."""
        where, params = _where(flt)
        page = [max(0, limit), max(0, offset)]
        if not query.strip():
            total = self.count(flt)
            rows = self._query(
                f"SELECT {_HIT_COLUMNS}, 0.0 FROM posts p WHERE {where} "  # noqa: S608 - fixed fragments
                "ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?",
                [*params, *page],
            )
        else:
            match = fts_query(query)
            if match is None:
                return SearchResult(total=0)
            source = f"FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ? AND {where}"
            total = self._query(f"SELECT count(*) {source}", [match, *params])[0][0]  # noqa: S608
            rows = self._query(
                f"SELECT {_HIT_COLUMNS}, -f.rank {source} "  # noqa: S608 - fixed fragments
                "ORDER BY f.rank, p.created_at DESC LIMIT ? OFFSET ?",
                [match, *params, *page],
            )
        hits = [
            SearchHit(post_id, _display_ts(created_at), platform, primary, json.loads(labels), text, score)
            for post_id, created_at, platform, primary, labels, text, score in rows
        ]
        return SearchResult(total=total, hits=hits)

    def lexical_candidates(
        self, text: str, flt: PostFilter = ANY_POST, limit: int = 100
    ) -> list[tuple[str, float]]:
        """Posts sharing informative words with `text` (an OR of them, `indexing.lexical.or_query`),
        best bm25 first: (post_id, -bm25). For rumour variants: a rewording keeps only some words."""
        from indexing.lexical import or_query, vocabulary_count

        if limit <= 0:
            return []
        # Documents per term, to leave out terms too common to rank by (a temp table: this
        # connection's view of posts_fts, nothing written to the file).
        self._query(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_fts_vocab USING fts5vocab(main, posts_fts, row)"
        )
        match = or_query(
            text, doc_count=vocabulary_count(self._query, "temp.posts_fts_vocab"), total=self.count()
        )
        if match is None:
            return []
        where, params = _where(flt)
        rows = self._query(
            "SELECT p.post_id, -f.rank FROM posts_fts f JOIN posts p ON p.id = f.rowid "  # noqa: S608
            f"WHERE posts_fts MATCH ? AND {where} ORDER BY f.rank LIMIT ?",
            [match, *params, limit],
        )
        return [(post_id, float(score)) for post_id, score in rows]

    def document_frequency(self, terms: Sequence[tuple[str, bool]]) -> tuple[list[int], int]:
        """Posts holding each (term, is_prefix) of `indexing.lexical.query_terms` (from posts_fts's
        vocabulary), and all posts: the idf of the rumour-variant fusion's text-pair features."""
        from indexing.lexical import vocabulary_count

        self._query(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_fts_vocab USING fts5vocab(main, posts_fts, row)"
        )
        count = vocabulary_count(self._query, "temp.posts_fts_vocab")
        return [count(term, prefix) for term, prefix in terms], self.count()

    def count(self, flt: PostFilter = ANY_POST) -> int:
        """How many posts match the filter."""
        where, params = _where(flt)
        return int(self._query(f"SELECT count(*) FROM posts p WHERE {where}", params)[0][0])  # noqa: S608

    def post_ids(self, flt: PostFilter = ANY_POST, limit: int | None = None) -> list[str]:
        """The post_ids of the posts that match the filter (at most `limit`), in no set order."""
        where, params = _where(flt)
        rows = self._query(
            f"SELECT p.post_id FROM posts p WHERE {where} LIMIT ?",  # noqa: S608
            [*params, -1 if limit is None else max(0, limit)],
        )
        return [post_id for (post_id,) in rows]

    def terms(self, field: TermField, flt: PostFilter = ANY_POST, size: int = 50) -> dict[str, int]:
        """Counts per distinct value of a field, largest first (labels counts each label of a post)."""
        key, join, cond = _group_key(field)
        where, params = _where(flt)
        rows = self._query(
            f"SELECT {key} AS k, count(*) AS n FROM posts p {join} WHERE {where}{cond} "  # noqa: S608
            "GROUP BY k ORDER BY n DESC, k LIMIT ?",
            [*params, max(0, size)],
        )
        return dict(rows)

    def date_histogram(
        self, interval: Interval, by: TermField | None = None, flt: PostFilter = ANY_POST
    ) -> dict[str, list[Bucket]]:
        """Counts per UTC hour or day of created_at per value of `by` ("all" when None); non-empty
        buckets only, oldest first."""
        if interval not in _BUCKETS:
            raise ValueError(f"unknown interval {interval!r}; expected 1h or 1d")
        key, join, cond = _group_key(by)
        where, params = _where(flt)
        rows = self._query(
            f"SELECT {key} AS k, {_BUCKETS[interval]} AS b, count(*) "  # noqa: S608 - fixed fragments
            f"FROM posts p {join} WHERE {where}{cond} GROUP BY k, b ORDER BY k, b",
            params,
        )
        result: dict[str, list[Bucket]] = {"all": []} if by is None else {}
        for k, start, n in rows:
            result.setdefault(k, []).append(Bucket(start=start, count=n))
        return result

    def iter_posts(self, flt: PostFilter = ANY_POST, batch_size: int = 1000) -> Iterator[EnrichedPost]:
        """Every matching post, oldest first, read in keyset-paginated batches (no cursor held open)."""
        where, params = _where(flt)
        batch_size = max(1, batch_size)
        after: list[Any] = []
        while True:
            rows = self._query(
                "SELECT p.created_at, p.id, p.doc, p.ingested_at, p.redacted_text FROM posts p "  # noqa: S608
                f"WHERE {where}{' AND (p.created_at, p.id) > (?, ?)' if after else ''} "
                "ORDER BY p.created_at, p.id LIMIT ?",
                [*params, *after, batch_size],
            )
            for _, _, doc, ingested_at, text in rows:
                yield _post(doc, ingested_at, text)
            if len(rows) < batch_size:
                return
            after = [rows[-1][0], rows[-1][1]]

    def iter_vectors(
        self, embedding_model: str, after_seq: int = 0, batch_size: int = 5000
    ) -> Iterator[tuple[int, list[str], np.ndarray]]:
        """Vectors of this model on posts changed after `after_seq`, by seq: (max seq, post_ids, matrix)."""
        batch_size = max(1, batch_size)
        while True:
            rows = self._query(
                "SELECT p.seq, p.post_id, v.vector FROM posts p JOIN vectors v ON v.post_id = p.post_id "
                "WHERE v.model = ? AND p.seq > ? ORDER BY p.seq LIMIT ?",
                (embedding_model, after_seq, batch_size),
            )
            if not rows:
                return
            after_seq = rows[-1][0]
            yield after_seq, [row[1] for row in rows], np.stack([_vector(row[2]) for row in rows])
            if len(rows) < batch_size:
                return

    def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        """Newest dead letters first."""
        rows = self._query(
            f"SELECT {', '.join(_DEAD_COLUMNS)} FROM dead_letters "  # noqa: S608 - constant
            "ORDER BY created_at DESC, dead_letter_id LIMIT ?",
            (max(0, limit),),
        )
        return [DeadLetter.model_validate(dict(zip(_DEAD_COLUMNS, row, strict=True))) for row in rows]

    def dead_letter_counts(self) -> dict[str, int]:
        """Counts per `stage:reason`, largest first."""
        sql = "SELECT stage || ':' || reason AS k, count(*) AS n FROM dead_letters GROUP BY stage, reason"
        return dict(self._query(sql + " ORDER BY n DESC, k"))
