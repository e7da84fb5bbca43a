"""Exact and near-duplicate recognition: content hashes and canonical-text keys.

A repost or a copy-paste campaign is still one post each, but it shares its original's
embedding and labels. Two keys do the work:
- `content_hash`: sha256 of the redacted text, the embedding cache key (exact copies);
- `near_key`: hash of a canonical form that drops what copy-paste campaigns vary (retweet
  prefixes, handles, links, numbers, emoji, punctuation, case, spacing).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_RT_PREFIX = re.compile(r"^\s*(?:rt|repost|shared?|via)\s*@?[\w.]*\s*:\s*", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w[\w.]*")
_REDACTION = re.compile(r"\[[A-Z_]+\]")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w]+")


def content_hash(text: str) -> str:
    """sha256 of the text exactly as given (use the redacted text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_text(text: str) -> str:
    """The text reduced to what a copy keeps: lower-case words, no handles, links or numbers."""
    text = unicodedata.normalize("NFKC", text)
    text = _RT_PREFIX.sub("", text)
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _REDACTION.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    text = _NON_WORD.sub(" ", text.casefold())
    return " ".join(text.split())


def near_key(text: str) -> str:
    """A short key shared by near-copies; falls back to the exact hash for textless posts."""
    canonical = canonical_text(text)
    if len(canonical) < 12:
        # Too little left to call two posts copies of each other ("Thanks! 🙏" vs "Thanks! ❤️").
        canonical = "\x00exact\x00" + text
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()
