"""The alerts' state, kept in the SQLite store's own file beside the posts they are about.

Tables (created on first use):
- `alerts`: every alert raised, in the shape `oncowatch alerts --json` prints, with its p-value,
  whether it was raised by a backfill, and who acknowledged it when;
- `alert_episodes`: per key (a rule on a category and platform, a topic, a family) the episode it is
  in: when it started, last fired, its severity and alert (cooldown, de-duplication, escalation);
- `alert_privacy`: every privacy_leak post already alerted, and by which alert (each one once);
- `alert_deliveries`: per alert and channel, whether delivery worked, after how many attempts, why not;
- `alert_meta`: the frontier, the last tick of event time the rules were evaluated at.

An alert and the state it changes are written in one transaction, so a crash between ticks leaves
the frontier at the last tick whose alerts are all stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.alerts import Episode
from indexing.sqlite_store import StateFile

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS alerts (
        alert_id TEXT PRIMARY KEY, rule TEXT NOT NULL, kind TEXT NOT NULL, category TEXT, topic_id TEXT,
        platform TEXT, window_start TEXT NOT NULL, window_end TEXT NOT NULL, observed INTEGER NOT NULL,
        expected REAL NOT NULL, severity TEXT NOT NULL, p_value REAL, created_at TEXT NOT NULL,
        raised_at TEXT NOT NULL, post_ids TEXT NOT NULL, examples TEXT NOT NULL, escalates TEXT,
        family TEXT, backfilled INTEGER NOT NULL DEFAULT 0, acked_at TEXT, acked_by TEXT)""",
    "CREATE INDEX IF NOT EXISTS alerts_created ON alerts (created_at)",
    """CREATE TABLE IF NOT EXISTS alert_episodes (key TEXT PRIMARY KEY, started TEXT NOT NULL,
        last_fired TEXT NOT NULL, severity TEXT NOT NULL, alert_id TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS alert_privacy (post_id TEXT PRIMARY KEY, alert_id TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS alert_deliveries (alert_id TEXT NOT NULL, channel TEXT NOT NULL,
        ok INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT, at TEXT NOT NULL,
        PRIMARY KEY (alert_id, channel))""",
    "CREATE TABLE IF NOT EXISTS alert_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
_FIELDS = (
    "alert_id", "rule", "kind", "category", "topic_id", "platform", "window_start", "window_end",
    "observed", "expected", "severity", "p_value", "created_at", "raised_at", "post_ids", "examples",
    "escalates", "family", "backfilled", "acked_at", "acked_by",
)  # fmt: skip
_JSON_FIELDS = ("post_ids", "examples")


def iso(moment: datetime) -> str:
    """UTC, seconds, 'Z': the form alerts carry."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class AlertStore(StateFile):
    """Alert state in the store's SQLite file; one writer at a time (SQLite's lock, busy timeout)."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 30_000, readonly: bool = False) -> None:
        super().__init__(path, busy_timeout_ms, readonly)
        if not readonly:
            with self.write() as conn:
                for statement in _SCHEMA:
                    conn.execute(statement)

    # ---- state ---------------------------------------------------------------------------------

    def frontier(self) -> datetime | None:
        """The last tick the rules were evaluated at."""
        rows = self.query("SELECT value FROM alert_meta WHERE key = 'frontier'")
        return parse_iso(rows[0][0]) if rows else None

    def episodes(self) -> dict[str, Episode]:
        return {
            key: Episode(key, parse_iso(started), parse_iso(last), severity, alert_id)
            for key, started, last, severity, alert_id in self.query(
                "SELECT key, started, last_fired, severity, alert_id FROM alert_episodes"
            )
        }

    def alerted_leaks(self, post_ids: Sequence[str]) -> set[str]:
        """Which of these privacy_leak posts already have their alert."""
        found: set[str] = set()
        for start in range(0, len(post_ids), 500):
            chunk = list(post_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.query(f"SELECT post_id FROM alert_privacy WHERE post_id IN ({marks})", chunk)  # noqa: S608
            found.update(post_id for (post_id,) in rows)
        return found

    def save_tick(
        self,
        tick: datetime,
        alerts: Sequence[Mapping[str, Any]],
        episodes: Iterable[Episode],
    ) -> list[str]:
        """Store one tick's alerts and episode changes and move the frontier, in one transaction.

        Returns the ids of the alerts that are new (a replayed tick stores nothing twice).
        """
        with self.write() as conn:
            new = _insert(conn, alerts)
            conn.executemany(
                "INSERT OR REPLACE INTO alert_episodes VALUES (?, ?, ?, ?, ?)",
                [(e.key, iso(e.started), iso(e.last_fired), e.severity, e.alert_id) for e in episodes],
            )
            conn.execute("INSERT OR REPLACE INTO alert_meta VALUES ('frontier', ?)", (iso(tick),))
        return new

    def save_alerts(self, alerts: Sequence[Mapping[str, Any]]) -> list[str]:
        """Store alerts raised between ticks (privacy leaks); the ids of the new ones."""
        with self.write() as conn:
            return _insert(conn, alerts)

    def reset(self) -> None:
        """Forget every alert and all state (`alerts check --rebuild`); deliveries go with them."""
        with self.write() as conn:
            for table in ("alerts", "alert_episodes", "alert_privacy", "alert_deliveries", "alert_meta"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names

    # ---- what analysts read and do -------------------------------------------------------------

    def get(self, alert_id: str) -> dict[str, Any] | None:
        rows = self.query(f"SELECT {', '.join(_FIELDS)} FROM alerts WHERE alert_id = ?", [alert_id])  # noqa: S608
        return _alert(rows[0]) if rows else None

    def list(
        self,
        since: datetime | None = None,
        kind: str | None = None,
        unacked: bool = False,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Newest first (by event time, then id)."""
        clauses, params = ["1"], []
        if since is not None:
            clauses.append("created_at >= ?")
            params.append(iso(since))
        if kind is not None:
            clauses.append("kind = ?")
            params.append(kind)
        if unacked:
            clauses.append("acked_at IS NULL")
        rows = self.query(
            f"SELECT {', '.join(_FIELDS)} FROM alerts WHERE {' AND '.join(clauses)} "  # noqa: S608
            "ORDER BY created_at DESC, alert_id LIMIT ?",
            [*params, max(0, limit)],
        )
        alerts = [_alert(row) for row in rows]
        deliveries = self.deliveries([a["alert_id"] for a in alerts])
        for alert in alerts:
            alert["deliveries"] = deliveries.get(alert["alert_id"], [])
        return alerts

    def ack(self, alert_id: str, by: str, at: datetime) -> bool:
        """Acknowledge; False when there is no such alert. Acknowledging twice keeps the first."""
        with self.write() as conn:
            if conn.execute("SELECT 1 FROM alerts WHERE alert_id = ?", [alert_id]).fetchone() is None:
                return False
            conn.execute(
                "UPDATE alerts SET acked_at = ?, acked_by = ? WHERE alert_id = ? AND acked_at IS NULL",
                [iso(at), by, alert_id],
            )
        return True

    def record_delivery(
        self, alert_id: str, channel: str, ok: bool, attempts: int, error: str | None, at: datetime
    ) -> None:
        with self.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO alert_deliveries VALUES (?, ?, ?, ?, ?, ?)",
                [alert_id, channel, int(ok), attempts, error, iso(at)],
            )

    def deliveries(self, alert_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for start in range(0, len(alert_ids), 500):
            chunk = list(alert_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.query(
                "SELECT alert_id, channel, ok, attempts, error, at FROM alert_deliveries "  # noqa: S608
                f"WHERE alert_id IN ({marks}) ORDER BY channel",
                chunk,
            )
            for alert_id, channel, ok, attempts, error, at in rows:
                out.setdefault(alert_id, []).append(
                    {"channel": channel, "ok": bool(ok), "attempts": attempts, "error": error, "at": at}
                )
        return out

    def undelivered(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Live alerts no delivery was ever attempted for (a crash between storing and delivering)."""
        rows = self.query(
            f"SELECT {', '.join(_FIELDS)} FROM alerts WHERE backfilled = 0 AND alert_id NOT IN "  # noqa: S608
            "(SELECT alert_id FROM alert_deliveries) ORDER BY created_at, alert_id LIMIT ?",
            [limit],
        )
        return [_alert(row) for row in rows]

    def failing_channels(self) -> dict[str, int]:
        """Channels whose latest delivery failed, with how many alerts they failed to deliver."""
        rows = self.query("SELECT channel, count(*) FROM alert_deliveries WHERE ok = 0 GROUP BY channel")
        return {channel: n for channel, n in rows}

    def counts(self) -> dict[str, int]:
        """Alerts per kind, and how many are not acknowledged."""
        out = {kind: n for kind, n in self.query("SELECT kind, count(*) FROM alerts GROUP BY kind")}
        out["unacknowledged"] = sum(
            n for (n,) in self.query("SELECT count(*) FROM alerts WHERE acked_at IS NULL")
        )
        return out


def _insert(conn: sqlite3.Connection, alerts: Sequence[Mapping[str, Any]]) -> list[str]:
    """Insert alerts (an id already stored is left as it is); privacy posts are marked alerted."""
    new: list[str] = []
    for alert in alerts:
        row = [
            json.dumps(alert.get(name, [])) if name in _JSON_FIELDS else alert.get(name) for name in _FIELDS
        ]
        row[_FIELDS.index("backfilled")] = int(bool(alert.get("backfilled")))
        cursor = conn.execute(
            f"INSERT OR IGNORE INTO alerts ({', '.join(_FIELDS)}) "  # noqa: S608 - fixed names
            f"VALUES ({', '.join('?' * len(_FIELDS))})",
            row,
        )
        if cursor.rowcount:
            new.append(alert["alert_id"])
        if alert["kind"] == "privacy":
            conn.executemany(
                "INSERT OR IGNORE INTO alert_privacy VALUES (?, ?)",
                [(post_id, alert["alert_id"]) for post_id in alert["post_ids"]],
            )
    return new


def _alert(row: Sequence[Any]) -> dict[str, Any]:
    alert = dict(zip(_FIELDS, row, strict=True))
    for name in _JSON_FIELDS:
        alert[name] = json.loads(alert[name])
    alert["backfilled"] = bool(alert["backfilled"])
    for optional in ("category", "topic_id", "platform", "escalates", "family", "acked_at", "acked_by"):
        if alert[optional] is None:
            del alert[optional]
    return alert
