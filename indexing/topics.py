"""The topics' state, kept in the SQLite store's own file beside the posts it is made of.

Tables (created on first use, versioned in `topic_meta`):
- `topics`: one row per topic ever born: times (event time), size, the sum of its members' vectors
  (the centroid is sum / size), status, label, key terms, examples, and where a merged one went;
- `topic_members`: every post the method has looked at, with its topic or NULL while it waits;
- `topic_counts`, `topic_volume`, `topic_terms`: running counts per topic (category, platform,
  language; posts per hour of event time; words for c-TF-IDF), so that nothing is re-read;
- `topic_lineage`: births, merges and splits, with the tick they happened at;
- `topic_ticks`: the ticks already processed with discovery (a replay of one only assigns).

Posts and their vectors are read straight from the store's `posts` and `vectors` tables, in the same
file, so "the posts no topic has looked at yet" is one indexed anti-join.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from indexing.sqlite_store import StateFile

TOPIC_SCHEMA_VERSION = 1

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS topics (
        topic_id TEXT PRIMARY KEY, born TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        size INTEGER NOT NULL, centroid_sum BLOB NOT NULL, status TEXT NOT NULL, ended_at TEXT,
        merged_into TEXT, split_checked INTEGER NOT NULL DEFAULT 0, label TEXT NOT NULL DEFAULT '',
        key_terms TEXT NOT NULL DEFAULT '[]', examples TEXT NOT NULL DEFAULT '[]',
        growth REAL NOT NULL DEFAULT 0)""",
    # tick: when a refresh first looked at the post; joined: the tick it joined its topic.
    """CREATE TABLE IF NOT EXISTS topic_members (post_id TEXT PRIMARY KEY, topic_id TEXT,
        created_at TEXT NOT NULL, tick TEXT NOT NULL, joined TEXT)""",
    "CREATE INDEX IF NOT EXISTS topic_members_topic ON topic_members (topic_id, created_at)",
    "CREATE INDEX IF NOT EXISTS topic_members_waiting ON topic_members (created_at) WHERE topic_id IS NULL",
    """CREATE TABLE IF NOT EXISTS topic_counts (topic_id TEXT NOT NULL, field TEXT NOT NULL,
        value TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (topic_id, field, value)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS topic_volume (topic_id TEXT NOT NULL, hour TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (topic_id, hour)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS topic_terms (topic_id TEXT NOT NULL, term TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (topic_id, term)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS topic_lineage (at TEXT NOT NULL, kind TEXT NOT NULL, topic_id TEXT NOT NULL,
        other TEXT, size INTEGER NOT NULL, PRIMARY KEY (topic_id, kind, at, other))""",
    "CREATE TABLE IF NOT EXISTS topic_ticks (tick TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS topic_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


#: What `_member` reads, from `posts p` and `vectors v`.
_MEMBER_COLUMNS = (
    "p.post_id, p.created_at, v.vector, p.near_key, p.primary_label, p.labels, p.platform, p.lang, "
    "p.redacted_text"
)


def ts(value: datetime) -> str:
    """The store's fixed-width UTC text form (sorts as time)."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")[:26] + "Z"


def parse_ts(value: str) -> datetime:
    """Back from the stored form."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def hour_of(stored: str) -> str:
    """The hour bucket of a stored timestamp."""
    return stored[:13] + ":00:00Z"


@dataclass
class Member:
    """A post as the topic method sees it."""

    post_id: str
    created_at: str
    vector: np.ndarray
    near_key: str
    primary: str
    labels: list[str]
    platform: str
    lang: str | None
    text: str


@dataclass
class Topic:
    """A topic's state while a refresh runs."""

    topic_id: str
    born: str
    first_seen: str
    last_seen: str
    size: int
    centroid_sum: np.ndarray
    status: str = "emerging"
    ended_at: str | None = None
    merged_into: str | None = None
    split_checked: int = 0
    growth: float = 0.0
    label: str = ""
    key_terms: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    @property
    def live(self) -> bool:
        return self.ended_at is None

    def centroid(self) -> np.ndarray:
        return self.centroid_sum / max(self.size, 1)


class TopicStore(StateFile):
    """Topic state in the store's SQLite file; one writer at a time (SQLite's lock, busy timeout)."""

    def __init__(
        self, path: str | Path, embedding_model: str, busy_timeout_ms: int = 30_000, readonly: bool = False
    ) -> None:
        super().__init__(path, busy_timeout_ms, readonly)
        self.embedding_model = embedding_model
        if readonly:
            return
        with self.write() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO topic_meta VALUES ('schema_version', ?)", (str(TOPIC_SCHEMA_VERSION),)
            )

    # ---- what the refresh reads ----------------------------------------------------------------

    def unseen_range(self) -> tuple[str, str] | None:
        """Event-time range (min, max created_at) of stored posts no refresh has looked at yet."""
        row = self.query(
            "SELECT min(p.created_at), max(p.created_at) FROM posts p "
            "JOIN vectors v ON v.post_id = p.post_id "
            "AND v.model = ? WHERE NOT EXISTS (SELECT 1 FROM topic_members m WHERE m.post_id = p.post_id)",
            (self.embedding_model,),
        )[0]
        return None if row[0] is None else (row[0], row[1])

    def latest_post(self) -> str | None:
        """The newest created_at in the store."""
        return self.query("SELECT max(created_at) FROM posts")[0][0]

    def unseen(self, since: str, until: str) -> list[Member]:
        """Posts created in [since, until) with a vector of this model that no refresh has seen, in order."""
        rows = self.query(
            f"SELECT {_MEMBER_COLUMNS} FROM posts p "  # noqa: S608 - fixed fragments
            "JOIN vectors v ON v.post_id = p.post_id AND v.model = ? "
            "WHERE p.created_at >= ? AND p.created_at < ? "
            "AND NOT EXISTS (SELECT 1 FROM topic_members m WHERE m.post_id = p.post_id) "
            "ORDER BY p.created_at, p.post_id",
            (self.embedding_model, since, until),
        )
        return [_member(row) for row in rows]

    def waiting(self, since: str, until: str) -> list[Member]:
        """Posts that joined no topic, created in [since, until), oldest first."""
        rows = self.query(
            f"SELECT {_MEMBER_COLUMNS} FROM topic_members m "  # noqa: S608 - fixed fragments
            "JOIN posts p ON p.post_id = m.post_id JOIN vectors v ON v.post_id = p.post_id AND v.model = ? "
            "WHERE m.topic_id IS NULL AND m.created_at >= ? AND m.created_at < ? "
            "ORDER BY m.created_at, m.post_id",
            (self.embedding_model, since, until),
        )
        return [_member(row) for row in rows]

    def member_rows(self, topic_id: str, limit: int | None = None) -> list[Member]:
        """A topic's posts (newest `limit` when given), oldest first."""
        sql = (
            f"SELECT {_MEMBER_COLUMNS} FROM topic_members m "  # noqa: S608 - fixed fragments
            "JOIN posts p ON p.post_id = m.post_id JOIN vectors v ON v.post_id = p.post_id AND v.model = ? "
            "WHERE m.topic_id = ? "
            "ORDER BY m.created_at DESC, m.post_id DESC"
        )
        params: list[Any] = [self.embedding_model, topic_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return list(reversed([_member(row) for row in self.query(sql, params)]))

    def topics(self) -> dict[str, Topic]:
        """Every topic ever born, by id."""
        rows = self.query(
            "SELECT topic_id, born, first_seen, last_seen, size, centroid_sum, status, ended_at, "
            "merged_into, "
            "split_checked, growth, label, key_terms, examples FROM topics"
        )
        return {
            row[0]: Topic(
                topic_id=row[0],
                born=row[1],
                first_seen=row[2],
                last_seen=row[3],
                size=row[4],
                centroid_sum=np.frombuffer(row[5], dtype="<f4").astype(np.float32),
                status=row[6],
                ended_at=row[7],
                merged_into=row[8],
                split_checked=row[9],
                growth=row[10],
                label=row[11],
                key_terms=json.loads(row[12]),
                examples=json.loads(row[13]),
            )
            for row in rows
        }

    def processed_ticks(self, since: str, until: str) -> set[str]:
        """Ticks in [since, until] already processed with discovery."""
        rows = self.query("SELECT tick FROM topic_ticks WHERE tick >= ? AND tick <= ?", (since, until))
        return {row[0] for row in rows}

    def frontier(self) -> str | None:
        """The latest tick processed."""
        return self.query("SELECT max(tick) FROM topic_ticks")[0][0]

    def daily_volume(self, topic_ids: Sequence[str], since: str) -> dict[str, list[tuple[str, int]]]:
        """Hourly counts from `since` on, per topic."""
        out: dict[str, list[tuple[str, int]]] = {t: [] for t in topic_ids}
        if not topic_ids:
            return out
        marks = ",".join("?" * len(topic_ids))
        rows = self.query(
            f"SELECT topic_id, hour, count FROM topic_volume WHERE topic_id IN ({marks}) AND hour >= ? "  # noqa: S608
            "ORDER BY hour",
            [*topic_ids, since],
        )
        for topic_id, hour, count in rows:
            out[topic_id].append((hour, count))
        return out

    def term_counts(self, topic_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """Word counts of these topics."""
        out: dict[str, dict[str, int]] = {t: {} for t in topic_ids}
        for chunk in _chunks(list(topic_ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.query(
                f"SELECT topic_id, term, count FROM topic_terms WHERE topic_id IN ({marks})",  # noqa: S608
                chunk,
            )
            for topic_id, term, count in rows:
                out[topic_id][term] = count
        return out

    # ---- what the CLI reads --------------------------------------------------------------------

    def counts(self, topic_id: str) -> dict[str, dict[str, int]]:
        """Category (primary), label, platform and language counts of a topic."""
        out: dict[str, dict[str, int]] = {"primary": {}, "labels": {}, "platform": {}, "lang": {}}
        for fld, value, count in self.query(
            "SELECT field, value, count FROM topic_counts WHERE topic_id = ? ORDER BY count DESC, value",
            (topic_id,),
        ):
            out.setdefault(fld, {})[value] = count
        return out

    def volume(self, topic_id: str) -> list[tuple[str, int]]:
        """Posts per hour of event time."""
        return [
            (hour, count)
            for hour, count in self.query(
                "SELECT hour, count FROM topic_volume WHERE topic_id = ? ORDER BY hour", (topic_id,)
            )
        ]

    def lineage(self, topic_id: str) -> list[dict[str, Any]]:
        """Births, merges and splits this topic took part in, in order."""
        rows = self.query(
            "SELECT at, kind, topic_id, other, size FROM topic_lineage WHERE topic_id = ? OR other = ? "
            "ORDER BY at, kind",
            (topic_id, topic_id),
        )
        return [{"at": at, "event": kind, "topic_id": t, "other": o, "size": s} for at, kind, t, o, s in rows]

    def topic_of(self, post_ids: Sequence[str]) -> dict[str, str]:
        """The topic of each of these posts that has one (a merged topic's posts point to the survivor).

        Empty when no refresh ever ran on this store (read-only: the tables may not exist yet).
        """
        out: dict[str, str] = {}
        if not self.query("SELECT 1 FROM sqlite_master WHERE name = 'topic_members'"):
            return out
        for chunk in _chunks(list(post_ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.query(
                "SELECT post_id, topic_id FROM topic_members "  # noqa: S608 - placeholders only
                f"WHERE topic_id IS NOT NULL AND post_id IN ({marks})",
                chunk,
            )
            out.update(dict(rows))
        return out

    # ---- what the refresh writes ---------------------------------------------------------------

    def save(
        self,
        topics: Sequence[Topic],
        members: Sequence[tuple[str, str | None, str, str]],
        moves: Sequence[tuple[str, str, str | None]],
        stats: Sequence[tuple[str, Member]],
        lineage: Sequence[tuple[str, str, str, str | None, int]],
        ticks: Sequence[str],
        rebuilt: Sequence[str] = (),
        *,
        terms_of: Callable[[str], Mapping[str, int]],
    ) -> None:
        """Everything a stretch of ticks changed, in one transaction.

        `members`: (post_id, topic_id or None, created_at, tick) first looks; `moves`: (post_id,
        topic_id, tick or None to keep the join time) later joins of waiting posts and splits;
        `stats`: (topic_id, post) counted once each;
        `rebuilt`: topics whose counts are recomputed from their members (after a merge or split);
        `terms_of`: the words of a text a key term may be made of (the method's, passed in).
        """
        counts: dict[tuple[str, str, str], int] = {}
        volume: dict[tuple[str, str], int] = {}
        words: dict[tuple[str, str], int] = {}
        for topic_id, post in stats:
            if topic_id in rebuilt:
                continue
            _count_post(topic_id, post, counts, volume, words, terms_of)
        with self.write() as conn:
            conn.executemany(
                "INSERT INTO topic_members VALUES (?1, ?2, ?3, ?4, iif(?2 IS NULL, NULL, ?4)) "
                "ON CONFLICT (post_id) DO NOTHING",
                members,
            )
            conn.executemany(
                "UPDATE topic_members SET topic_id = ?, joined = coalesce(?, joined) WHERE post_id = ?",
                [(t, at, p) for p, t, at in moves],
            )
            conn.executemany(
                "INSERT INTO topics (topic_id, born, first_seen, last_seen, size, centroid_sum, status, "
                "ended_at, "
                "merged_into, split_checked, growth, label, key_terms, examples) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic_id) DO UPDATE SET "
                "first_seen = excluded.first_seen, last_seen = excluded.last_seen, size = excluded.size, "
                "centroid_sum = excluded.centroid_sum, status = excluded.status, "
                "ended_at = excluded.ended_at, "
                "merged_into = excluded.merged_into, split_checked = excluded.split_checked, "
                "growth = excluded.growth, label = excluded.label, key_terms = excluded.key_terms, "
                "examples = excluded.examples",
                [
                    (
                        t.topic_id,
                        t.born,
                        t.first_seen,
                        t.last_seen,
                        t.size,
                        np.asarray(t.centroid_sum, dtype="<f4").tobytes(),
                        t.status,
                        t.ended_at,
                        t.merged_into,
                        t.split_checked,
                        t.growth,
                        t.label,
                        json.dumps(t.key_terms, ensure_ascii=False),
                        json.dumps(t.examples),
                    )
                    for t in topics
                ],
            )
            _add_counts(conn, counts, volume, words)
            conn.executemany("INSERT OR IGNORE INTO topic_lineage VALUES (?, ?, ?, ?, ?)", lineage)
            conn.executemany("INSERT OR IGNORE INTO topic_ticks VALUES (?)", [(t,) for t in ticks])
            for topic_id in rebuilt:
                self._rebuild_counts(conn, topic_id, terms_of)

    def _rebuild_counts(self, conn: sqlite3.Connection, topic_id: str, terms_of: Any) -> None:
        for table in ("topic_counts", "topic_volume", "topic_terms"):
            conn.execute(f"DELETE FROM {table} WHERE topic_id = ?", (topic_id,))  # noqa: S608
        rows = conn.execute(
            "SELECT p.post_id, p.created_at, p.near_key, p.primary_label, p.labels, p.platform, p.lang, "
            "p.redacted_text FROM topic_members m JOIN posts p ON p.post_id = m.post_id WHERE m.topic_id = ?",
            (topic_id,),
        ).fetchall()
        counts: dict[tuple[str, str, str], int] = {}
        volume: dict[tuple[str, str], int] = {}
        words: dict[tuple[str, str], int] = {}
        for post_id, created_at, near_key, primary, labels, platform, lang, text in rows:
            post = Member(
                post_id, created_at, np.zeros(0), near_key, primary, json.loads(labels), platform, lang, text
            )
            _count_post(topic_id, post, counts, volume, words, terms_of)
        _add_counts(conn, counts, volume, words)

    def reset(self) -> None:
        """Forget every topic (a rebuild after a model change starts from nothing)."""
        with self.write() as conn:
            for table in (
                "topics",
                "topic_members",
                "topic_counts",
                "topic_volume",
                "topic_terms",
                "topic_lineage",
                "topic_ticks",
            ):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608


def _member(row: Sequence[Any]) -> Member:
    post_id, created_at, blob, near_key, primary, labels, platform, lang, text = row
    vector = np.frombuffer(blob, dtype="<f4").astype(np.float32)
    return Member(post_id, created_at, vector, near_key, primary, json.loads(labels), platform, lang, text)


def _count_post(
    topic_id: str,
    post: Member,
    counts: dict[tuple[str, str, str], int],
    volume: dict[tuple[str, str], int],
    words: dict[tuple[str, str], int],
    terms_of: Any,
) -> None:
    keys = [("primary", post.primary), ("platform", post.platform), ("lang", post.lang or "und")]
    keys += [("labels", label) for label in post.labels]
    for fld, value in keys:
        counts[(topic_id, fld, value)] = counts.get((topic_id, fld, value), 0) + 1
    hour = hour_of(post.created_at)
    volume[(topic_id, hour)] = volume.get((topic_id, hour), 0) + 1
    for term, n in terms_of(post.text).items():
        words[(topic_id, term)] = words.get((topic_id, term), 0) + n


def _add_counts(
    conn: sqlite3.Connection,
    counts: dict[tuple[str, str, str], int],
    volume: dict[tuple[str, str], int],
    words: dict[tuple[str, str], int],
) -> None:
    conn.executemany(
        "INSERT INTO topic_counts VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO UPDATE SET count = count + excluded.count",
        [(*k, v) for k, v in counts.items()],
    )
    conn.executemany(
        "INSERT INTO topic_volume VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET count = count + excluded.count",
        [(*k, v) for k, v in volume.items()],
    )
    conn.executemany(
        "INSERT INTO topic_terms VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET count = count + excluded.count",
        [(*k, v) for k, v in words.items()],
    )


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["Member", "Topic", "TopicStore", "hour_of", "parse_ts", "ts"]
