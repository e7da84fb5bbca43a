"""Contracts every room shares: posts, enriched posts, dead letters, the taxonomy."""

from __future__ import annotations

from schemas.posts import (
    PLATFORMS,
    DeadLetter,
    EnrichedPost,
    PiiSpan,
    Platform,
    Post,
    make_post_id,
)
from schemas.taxonomy import CATEGORIES, Category, choose_primary

__all__ = [
    "CATEGORIES",
    "PLATFORMS",
    "Category",
    "DeadLetter",
    "EnrichedPost",
    "PiiSpan",
    "Platform",
    "Post",
    "choose_primary",
    "make_post_id",
]
