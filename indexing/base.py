"""The `Store` interface: what every storage backend (SQLite, Elasticsearch) must do.

Shaped after what Elasticsearch does natively (filters, full-text, date histograms, terms
aggregations, upsert by id, versioned indexes) so the scale backend is a thin mapping.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

import numpy as np

from schemas import DeadLetter, EnrichedPost

Interval = Literal["1h", "1d"]
TermField = Literal["primary", "platform", "lang", "labels"]


@dataclass(frozen=True)
class PostFilter:
    """Filters shared by search, counts and aggregations. `None` means no filter."""

    category: str | None = None
    platform: str | None = None
    lang: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class SearchHit:
    """One search result, in the CLI's `--json` shape."""

    post_id: str
    created_at: str
    platform: str
    primary: str
    labels: list[str]
    redacted_text: str
    score: float


@dataclass(frozen=True)
class SearchResult:
    """`{"total": n, "hits": [...]}` as the CLI prints it."""

    total: int
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True)
class Bucket:
    """One bucket of a date histogram: start of the bucket (ISO 8601, UTC) and its count."""

    start: str
    count: int


@dataclass(frozen=True)
class KnownContent:
    """What a previous run computed for a content: reused by duplicates instead of recomputing."""

    post_id: str
    near_key: str
    labels: list[str]
    primary: str
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    embedding_model: str
    classifier_version: str
    vector: np.ndarray | None


@runtime_checkable
class Store(Protocol):
    """Documents, dead letters and aggregations; every write is an idempotent upsert."""

    def upsert_posts(self, posts: Sequence[EnrichedPost], vectors: np.ndarray | None = None) -> int:
        """Insert or replace posts by post_id, with their embedding rows (same order); returns count."""

    def upsert_dead_letters(self, letters: Sequence[DeadLetter]) -> int:
        """Insert or replace dead letters by dead_letter_id; returns count."""

    def get_post(self, post_id: str) -> EnrichedPost | None:
        """One post by id, or None."""

    def get_vectors(self, post_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored embeddings of these posts (only those that have one)."""

    def known_contents(self, near_keys: Sequence[str], embedding_model: str) -> dict[str, KnownContent]:
        """For each near_key already stored with this embedding model, the original's results."""

    def search(
        self, query: str, flt: PostFilter = PostFilter(), limit: int = 20, offset: int = 0
    ) -> SearchResult:
        """Full-text search (empty query: newest first) under the filter."""

    def lexical_candidates(
        self, text: str, flt: PostFilter = PostFilter(), limit: int = 100
    ) -> list[tuple[str, float]]:
        """Posts sharing informative words with `text` (OR-query), best first: (post_id, score)."""

    def document_frequency(self, terms: Sequence[tuple[str, bool]]) -> tuple[list[int], int]:
        """Posts holding each (term, is_prefix) of `indexing.lexical.query_terms`, and all posts."""

    def count(self, flt: PostFilter = PostFilter()) -> int:
        """How many posts match the filter."""

    def post_ids(self, flt: PostFilter = PostFilter(), limit: int | None = None) -> list[str]:
        """The post_ids of the posts that match the filter (at most `limit`), in no set order."""

    def terms(self, field: TermField, flt: PostFilter = PostFilter(), size: int = 50) -> dict[str, int]:
        """Counts per distinct value of a field (labels counts each label of a post)."""

    def date_histogram(
        self, interval: Interval, by: TermField | None = None, flt: PostFilter = PostFilter()
    ) -> dict[str, list[Bucket]]:
        """Counts per interval on created_at, split by a field (key "all" when by is None)."""

    def iter_posts(self, flt: PostFilter = PostFilter(), batch_size: int = 1000) -> Iterator[EnrichedPost]:
        """Every matching post, oldest first."""

    def iter_vectors(
        self, embedding_model: str, after_seq: int = 0, batch_size: int = 5000
    ) -> Iterator[tuple[int, list[str], np.ndarray]]:
        """Vectors written after a change sequence number: (max seq of batch, post_ids, matrix)."""

    def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        """Newest dead letters first."""

    def dead_letter_counts(self) -> dict[str, int]:
        """Counts per `stage:reason`."""

    def flush(self) -> None:
        """Make every write so far durable."""

    def close(self) -> None:
        """Release connections."""
