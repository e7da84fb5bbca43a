"""The post contracts: the input format, the enriched post that is stored, and dead letters."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

#: Longest text accepted, in characters. Reddit's own limit is 40,000; anything longer is
#: not a social-media post but a paste, and goes to the dead letters with a reason.
MAX_TEXT_CHARS = 40_000


class Platform(StrEnum):
    """Where a post was published."""

    X = "x"
    FACEBOOK = "facebook"
    REDDIT = "reddit"
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"
    TELEGRAM = "telegram"
    TIKTOK = "tiktok"
    FORUM = "forum"
    NEWS_COMMENT = "news_comment"
    OTHER = "other"


PLATFORMS: tuple[str, ...] = tuple(p.value for p in Platform)


def make_post_id(platform: str, platform_post_id: str) -> str:
    """The identity of a post everywhere in the system: `<platform>:<platform's id>`."""
    return f"{platform}:{platform_post_id}"


class Post(BaseModel):
    """One input post, as read from a JSON line or a Kafka message.

    Unknown fields are kept in `extra` rather than rejected, so that a platform export with
    more fields than we know still ingests.
    """

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=256, description="The platform's own id of the post.")
    platform: Platform = Field(description="Where the post was published.")
    created_at: AwareDatetime = Field(description="When it was published, ISO 8601 with a zone.")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The post's text.")
    author: str | None = Field(default=None, max_length=512, description="Platform handle or id.")
    lang: str | None = Field(default=None, max_length=16, description="BCP 47 language tag.")
    url: str | None = Field(default=None, max_length=2048)
    reply_to: str | None = Field(default=None, max_length=256, description="Platform id of the parent.")
    metrics: dict[str, int | float] | None = Field(default=None, description="Likes, shares, views...")

    @field_validator("id", "reply_to", mode="before")
    @classmethod
    def _integer_ids_become_strings(cls, value: Any) -> Any:
        # Platform exports often carry numeric ids; their decimal string is the id. bool is an int
        # subclass in Python and never a valid id.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @field_validator("created_at")
    @classmethod
    def _to_utc(cls, value: datetime) -> datetime:
        return value.astimezone(UTC)

    @property
    def post_id(self) -> str:
        """`<platform>:<id>`, the identity used for every upsert."""
        return make_post_id(self.platform.value, self.id)

    @property
    def extra(self) -> dict[str, Any]:
        """Fields the input carried that the contract does not name."""
        return dict(self.__pydantic_extra__ or {})


class PiiSpan(BaseModel):
    """A piece of personal data found in a text: its type and where it is (original text offsets)."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="PHONE, EMAIL, RECORD_NUMBER, ADDRESS, ...")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EnrichedPost(BaseModel):
    """A post after the pipeline: pseudonymised, redacted, embedded, classified. What is stored.

    It never carries the raw text or the raw author: only `redacted_text` and `author_pseudonym`.
    """

    model_config = ConfigDict(frozen=True)

    post_id: str
    platform: str
    platform_post_id: str
    created_at: datetime
    ingested_at: datetime
    author_pseudonym: str | None = None
    lang: str | None = None
    url: str | None = None
    reply_to: str | None = None
    metrics: dict[str, int | float] = Field(default_factory=dict)
    extra: dict[str, Any] = Field(default_factory=dict)
    redacted_text: str
    pii: list[PiiSpan] = Field(default_factory=list)
    content_hash: str = Field(description="sha256 of the redacted text: the embedding cache key.")
    near_key: str = Field(description="Hash of the canonical text: posts sharing it are near-copies.")
    duplicate_of: str | None = Field(
        default=None, description="post_id of the original whose embedding and labels this reuses."
    )
    labels: list[str] = Field(default_factory=list)
    primary: str = "other"
    scores: dict[str, float] = Field(default_factory=dict)
    evidence: dict[str, list[str]] = Field(default_factory=dict)
    embedding_model: str = ""
    classifier_version: str = ""
    source: str | None = Field(default=None, description="File or topic[partition]@offset it came from.")

    @field_serializer("created_at", "ingested_at")
    def _iso(self, value: datetime) -> str:
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


class DeadLetter(BaseModel):
    """An input that could not become a stored post, with why, where, and the original bytes."""

    model_config = ConfigDict(frozen=True)

    dead_letter_id: str = ""
    stage: str = Field(description="decode, validate, privacy, embed, classify, write, ...")
    reason: str = Field(description="Short machine-readable reason, e.g. invalid_json.")
    detail: str = Field(default="", description="Human explanation; never carries the post's text.")
    source: str | None = None
    position: int | None = Field(default=None, description="Line number or Kafka offset.")
    post_id: str | None = None
    original: bytes = b""
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))

    @model_validator(mode="after")
    def _stable_id(self) -> DeadLetter:
        # The id is a hash of where and what, so that re-reading the same bad line is an upsert.
        if not self.dead_letter_id:
            digest = hashlib.sha256()
            for part in (self.stage, self.reason, self.source or "", str(self.position)):
                digest.update(part.encode() + b"\x00")
            digest.update(self.original)
            object.__setattr__(self, "dead_letter_id", digest.hexdigest()[:32])
        return self

    @field_serializer("original")
    def _b64(self, value: bytes) -> str:
        return base64.b64encode(value).decode("ascii")

    @field_validator("original", mode="before")
    @classmethod
    def _from_b64(cls, value: Any) -> Any:
        if isinstance(value, str):
            return base64.b64decode(value)
        return value

    @field_serializer("created_at")
    def _iso(self, value: datetime) -> str:
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
