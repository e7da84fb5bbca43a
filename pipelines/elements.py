"""The elements that travel between stages of the Beam graphs."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from schemas import PiiSpan, Post


@dataclass(frozen=True)
class RawRecord:
    """One undecoded input: where it came from (source, its rank among sources, line or offset).

    `framing` is "line" for archive files (a blank line is no post) or "message" for Kafka (an
    empty message is malformed and becomes a dead letter).
    """

    source: str
    rank: int
    position: int
    data: bytes
    framing: str = "line"

    @property
    def order(self) -> tuple[int, int]:
        """Reading order across sources: the first occurrence of an id wins."""
        return (self.rank, self.position)


@dataclass(frozen=True)
class DecodedPost:
    """A valid post and the record it came from."""

    post: Post
    record: RawRecord


@dataclass(frozen=True)
class ProtectedPost:
    """A post after the privacy stage: pseudonymised author, personal data found and redacted.

    The raw text stays in memory only until classification (the privacy_leak decision needs
    it); it is never written anywhere.
    """

    post: Post
    record: RawRecord
    author_pseudonym: str | None
    redacted_text: str
    pii: tuple[PiiSpan, ...]
    content_hash: str
    near_key: str


@dataclass
class ContentGroup:
    """Posts that share a near_key: the first is the original, the rest reuse its results."""

    near_key: str
    members: list[ProtectedPost]
    vector: np.ndarray | None = None
    embedding_model: str = ""
    labels: list[str] = field(default_factory=list)
    primary: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    classifier_version: str = ""
    #: post_id of an original stored by an earlier run, when this content was seen before.
    known_original: str | None = None

    @property
    def representative(self) -> ProtectedPost:
        """The post whose text is embedded and classified for the whole group."""
        return self.members[0]
