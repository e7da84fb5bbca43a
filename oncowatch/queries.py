"""The answers of the query commands, one function per `--json` shape, shared by the CLI and the HTTP API.

Both print or return exactly what these functions build, so the two can never drift apart. They read
the store of a `Sources` (built once at the edge from the settings) and hold no state of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indexing.base import PostFilter
    from oncowatch.alert_commands import AlertConfig
    from oncowatch.settings import EmbeddingSettings, StorageSettings
    from schemas import EnrichedPost


class NoStore(RuntimeError):
    """Nothing was ingested into the data dir yet: there is no store to query."""


@dataclass(frozen=True)
class Sources:
    """Where the queries read: the store, its vector indexes, the embedding model topics are keyed by."""

    data_dir: Path
    store_path: Path
    vectors_dir: Path
    backend: str
    busy_timeout_ms: int
    embedding_model: str

    @classmethod
    def from_settings(cls, storage: StorageSettings, embedding: EmbeddingSettings) -> Sources:
        """The sources of these settings."""
        return cls(
            data_dir=storage.data_dir,
            store_path=storage.store_path,
            vectors_dir=storage.vectors_dir,
            backend=storage.store_backend,
            busy_timeout_ms=int(storage.store_busy_timeout_s * 1000),
            embedding_model=embedding.embedding_model,
        )

    @property
    def model_version(self) -> str:
        """The embedding model's version: topics and vectors are kept per version."""
        from analysis.embedding import model_version

        return model_version(self.embedding_model)

    def require(self) -> Path:
        """The store's path; NoStore when nothing was ingested there yet."""
        if not self.store_path.exists():
            raise NoStore(
                f"no store at {self.store_path}: ingest something first (`oncowatch run` or "
                "`oncowatch ingest FILE`)"
            )
        return self.store_path

    @contextmanager
    def store(self) -> Iterator[Any]:
        """The document store."""
        from indexing.factory import open_store

        store = open_store(self.backend, self.require(), self.busy_timeout_ms)
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def topics(self) -> Iterator[Any]:
        """The topic state (opened as `oncowatch topics` opens it)."""
        from indexing.topics import TopicStore

        store = TopicStore(self.require(), self.model_version, busy_timeout_ms=self.busy_timeout_ms)
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def alerts(self, readonly: bool = False) -> Iterator[Any]:
        """The alert state."""
        from indexing.alerts import AlertStore

        store = AlertStore(self.require(), busy_timeout_ms=self.busy_timeout_ms, readonly=readonly)
        try:
            yield store
        finally:
            store.close()

    def topic_ids(self, post_ids: list[str]) -> dict[str, str]:
        """The topic of each of these posts that has one; {} when no refresh ever ran (read-only)."""
        from indexing.topics import TopicStore

        if not post_ids or not self.store_path.exists():
            return {}
        with TopicStore(self.store_path, self.model_version, readonly=True) as topics:
            return topics.topic_of(post_ids)


def search(src: Sources, query: str, flt: PostFilter, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """`oncowatch search --json`: {"total", "hits": [{..., "topic_id"}]}."""
    with src.store() as store:
        result = store.search(query, flt, limit=limit, offset=offset)
    topics = src.topic_ids([hit.post_id for hit in result.hits])
    hits = [{**hit.__dict__, "topic_id": topics.get(hit.post_id)} for hit in result.hits]
    return {"total": result.total, "hits": hits}


def trends(src: Sources, by: str, interval: str, flt: PostFilter) -> dict[str, Any]:
    """`oncowatch trends --json`: {"interval", "series": [{"key", "buckets": [{"start", "count"}]}]}."""
    field = "primary" if by == "category" else "platform"
    with src.store() as store:
        series = store.date_histogram(interval, by=field, flt=flt)
    return {
        "interval": interval,
        "series": [
            {"key": key, "buckets": [{"start": b.start, "count": b.count} for b in buckets]}
            for key, buckets in sorted(series.items())
        ],
    }


def topics(
    src: Sources, since: datetime | None = None, status: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """`oncowatch topics --json`: live topics (or those of one status), emerging and growing first."""
    from pipelines.topics import listing

    with src.topics() as topic_store, src.store() as store:
        return listing(topic_store, store.get_post, since=since, status=status, limit=limit)


def topic(src: Sources, topic_id: str) -> dict[str, Any] | None:
    """`oncowatch topic ID --json`: one topic with its volume series and lineage; None if unknown."""
    from pipelines.topics import detail

    with src.topics() as topic_store, src.store() as store:
        return detail(topic_store, topic_id, store.get_post)


def alerts(
    src: Sources,
    since: datetime | None = None,
    kind: str | None = None,
    unacked: bool = False,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """`oncowatch alerts --json`: alerts newest first, each with its deliveries."""
    with src.alerts(readonly=True) as alert_store:
        return alert_store.list(since=since, kind=kind, unacked=unacked, limit=limit)


def alert_rules(config: AlertConfig) -> dict[str, Any]:
    """`oncowatch alerts rules --json`: the rules file in force, its rules and channels (no secrets)."""
    return {
        "file": str(config.path),
        **config.rules.to_mapping(),
        "channel": [_channel_view(c) for c in config.channels],
    }


def _channel_view(channel: Any) -> dict[str, Any]:
    """A channel as `alerts rules` shows it: no URL (it may hold a token), no secrets."""
    shown = {"name": channel.name, "type": channel.type}
    for key, value in channel.options.items():
        if key in ("url", "headers"):
            value = "<set>"
        shown[key] = list(value) if isinstance(value, tuple) else value
    return shown


def dead_letters(src: Sources, limit: int = 50) -> dict[str, Any]:
    """`oncowatch dead-letters --json`: counts per stage:reason and the newest letters, without bytes."""
    with src.store() as store:
        counts = store.dead_letter_counts()
        letters = store.dead_letters(limit=limit)
    rows = [
        {
            "dead_letter_id": d.dead_letter_id,
            "stage": d.stage,
            "reason": d.reason,
            "detail": d.detail,
            "source": d.source,
            "position": d.position,
            "post_id": d.post_id,
            "created_at": d.model_dump(mode="json")["created_at"],
            "size": len(d.original),
        }
        for d in letters
    ]
    return {"total": sum(counts.values()), "counts": counts, "dead_letters": rows}


def export_row(post: EnrichedPost, topic_id: str | None) -> dict[str, Any]:
    """One line of `oncowatch export`: the stored (redacted) post, no embedding, with its topic."""
    row = post.model_dump(mode="json")
    row["topic_id"] = topic_id
    return row


def export_rows(src: Sources, flt: PostFilter, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching post as `export_row`, oldest first; topics looked up a batch at a time."""
    with src.store() as store:
        batch: list[EnrichedPost] = []
        for post in store.iter_posts(flt):
            batch.append(post)
            if len(batch) == batch_size:
                yield from _with_topics(src, batch)
                batch = []
        yield from _with_topics(src, batch)


def _with_topics(src: Sources, batch: list[EnrichedPost]) -> Iterator[dict[str, Any]]:
    topic_of = src.topic_ids([post.post_id for post in batch])
    for post in batch:
        yield export_row(post, topic_of.get(post.post_id))


def post(src: Sources, post_id: str) -> dict[str, Any] | None:
    """One stored post in the `oncowatch export` line shape; None if unknown."""
    with src.store() as store:
        found = store.get_post(post_id)
    if found is None:
        return None
    return export_row(found, src.topic_ids([post_id]).get(post_id))


def variant_finder(src: Sources, store: Any, embedder: Callable[[], Any]) -> Any:
    """A `VariantFinder` over this open store and its vector index; `embedder()` is called only when
    the index holds vectors (loading the model is slow). NoStore when the index is empty."""
    from indexing.vectors import VectorIndex
    from pipelines.variants import VariantFinder

    index = VectorIndex.for_store(src.vectors_dir, src.model_version, store)
    if index is None or len(index) == 0:
        raise NoStore("the vector index is empty: ingest something first")
    return VariantFinder(store, index, embedder())


def variants(
    finder: Any,
    text: str | None = None,
    post_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 20,
    min_score: float | None = None,
) -> dict[str, Any]:
    """`oncowatch variants --json` for a text or a stored post (LookupError: unknown post; ValueError)."""
    query = finder.query_for_post(post_id) if post_id else finder.queries_for_texts([text or ""])[0]
    return finder.find(query, since, until, limit, min_score)


def health(src: Sources) -> dict[str, Any]:
    """Is the store there, and how many posts it holds: nothing else, nothing personal."""
    if not src.store_path.exists():
        return {"status": "ok", "store": False, "posts": None}
    with src.store() as store:
        return {"status": "ok", "store": True, "posts": store.count()}
