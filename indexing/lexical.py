"""Lexical retrieval for rumour variants: an OR-query of a text's informative words, ranked by bm25.

Full-text search (`fts_query`) ANDs what a user typed; a variant of a rumour shares only some of
its words with the query post, so `or_query` ORs the informative ones instead (stop words, links,
handles, redaction placeholders and one-letter tokens dropped), and bm25 ranks the posts that share
the rarest of them first. Every term is quoted, so no text can make an FTS5 syntax error.

`LexicalIndex` is a small FTS5 table of (doc_id, text) for corpora that are not posts (the CLEF
verified claims of `oncowatch eval variants`); the store's `lexical_candidates` runs the same query
against its own `posts_fts`.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: At most this many terms per query: a long post would otherwise match most of the store.
MAX_TERMS = 32
#: The tokenizer of the store's `posts_fts`: the same words match in both.
TOKENIZE = "unicode61 remove_diacritics 2"
#: An OR-query leaves out terms held by more than this share of the documents, and by more than
#: `MIN_COMMON_DOCS` of them (see `or_query`).
MAX_DOC_SHARE = 0.2
MIN_COMMON_DOCS = 1000

#: (term, is_prefix) -> how many documents hold it.
DocCount = Callable[[str, bool], int]
#: (term, is_prefix) pairs -> how many documents hold each, and how many documents there are.
DocFrequency = Callable[[Sequence[tuple[str, bool]]], tuple[list[int], int]]

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@\w[\w.]*")
_REDACTION = re.compile(r"\[[A-Z_]+\]")
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A word that starts with a capital, not part of a handle (names, places, acronyms, and sentence starts).
_CAPITALISED = re.compile(r"(?<![\w@])#?([A-Z][\w'-]+)")
#: Caps on the shared numbers and capitalised words `QueryProfile.overlap` counts.
_MAX_SHARED_NUMBERS, _MAX_SHARED_CAPITALISED = 3, 5
#: Inflections `or_query` strips before a prefix match, longest first (tuned on CLEF 2020 train).
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s", "ly")
_MIN_STEM = 4

# English first, then the function words of the other languages the classifier knows (es, fr, de, pt),
# and the furniture of social-media posts. Short on purpose: a missing stop word costs a little
# bm25 noise, a content word wrongly listed here costs a match.
_STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each even ever every few for from further get gets got had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've
    if in into is isn't it it's its itself just let's like made make many may me might more most much
    must mustn't my myself no nor not now of off on once one only or other ought our ours ourselves out
    over own really said same say says see she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll they're they've
    this those though through to too under until up upon us very via was wasn't we we'd we'll we're we've
    were weren't what what's when when's where where's whether which while who who's whom why why's will
    with won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
    el la los las un una unos unas y o de del al en por para con sin que es son se su sus lo le les mi
    tu como pero mas más muy ya este esta estos estas ese esa hay fue ser está están
    le la les un une des et ou de du au aux en par pour avec sans que qui est sont se sa son ses ce cette
    ces il elle ils elles nous vous je tu ne pas plus mais très sur dans
    der die das den dem des ein eine einer eines einem einen und oder zu mit von für auf ist sind nicht
    ich du er sie es wir ihr aber auch noch sehr im am an bei aus wie
    o os um uma uns umas e ou de do da dos das no na nos nas em por para com sem que é são se seu sua
    não mais muito já
    rt amp http https www com pic twitter status html
    """.split()
)


def _terms(text: str) -> list[str]:
    """Informative words of a text, lower-case, in order of first appearance, without repeats."""
    text = unicodedata.normalize("NFKC", text.replace("\x00", " "))
    text = _REDACTION.sub(" ", _HANDLE.sub(" ", _URL.sub(" ", text)))
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.casefold()):
        word = word.strip("_")
        if len(word) < 2 or word in _STOP_WORDS or word in seen:
            continue
        seen[word] = None
    return list(seen)


def _stem(word: str) -> str:
    """The word without one common English inflection, if at least 4 letters remain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def query_terms(text: str, max_terms: int = MAX_TERMS) -> list[tuple[str, bool]]:
    """The terms `or_query` ORs: (word or stem, whether it is a prefix), at most `max_terms`.

    A word of 4 letters or more becomes a prefix query of its stem (`cures` -> `cure*`), so `cure`,
    `cured` and `cures` meet whatever the tokenizer (the store's `posts_fts` does not stem). Over
    `max_terms` distinct terms, the longest are kept (length stands in for rarity), in text order.
    """
    terms: dict[tuple[str, bool], None] = {}
    for word in _terms(text):
        stem = _stem(word)
        terms[(stem, True) if len(stem) >= _MIN_STEM and not stem.isdigit() else (word, False)] = None
    ordered = list(terms)
    if len(ordered) > max_terms:
        keep = set(sorted(ordered, key=lambda t: (-len(t[0]), ordered.index(t)))[:max_terms])
        ordered = [t for t in ordered if t in keep]
    return ordered


def or_query(
    text: str, max_terms: int = MAX_TERMS, doc_count: DocCount | None = None, total: int = 0
) -> str | None:
    """An FTS5 query ORing the informative words of `text` (`query_terms`, each quoted); None when
    none is left.

    `doc_count(term, is_prefix)` over `total` documents: given it, a term held by more than
    `MAX_DOC_SHARE` of them (and more than `MIN_COMMON_DOCS`) is left out while rarer ones remain.
    bm25 gives such a term almost no weight, and alone it would make the query match a large part
    of the corpus ("cancer" in an oncology stream), which is where a query's time would go.
    """
    terms = query_terms(text, max_terms)
    if doc_count is not None:
        bar = max(MAX_DOC_SHARE * total, MIN_COMMON_DOCS)
        terms = [t for t in terms if doc_count(*t) <= bar] or terms
    return " OR ".join('"' + term + '"' + ("*" if prefix else "") for term, prefix in terms) or None


def term_matches(term: str, prefix: bool, words: set[str] | frozenset[str]) -> bool:
    """Whether a `query_terms` term (a word, or a prefix) is among `words` (`_terms` of a text)."""
    return any(w.startswith(term) for w in words) if prefix else term in words


@dataclass(frozen=True)
class QueryProfile:
    """What the text-pair features of the rumour-variant fusion compare each candidate's text with.

    The query's `query_terms` with bm25's idf from a corpus's document counts (a rare shared word
    says more than a common one), its numbers and its capitalised words (names, places). Built once
    per query, so each candidate costs a few set look-ups.
    """

    terms: tuple[tuple[str, bool], ...]
    weights: tuple[float, ...]
    numbers: frozenset[str]
    capitalised: frozenset[str]

    @classmethod
    def of(cls, text: str, frequency: DocFrequency | None = None) -> QueryProfile:
        """The profile of `text`; `frequency` gives the corpus's document counts (without it,
        every term weighs the same)."""
        terms = query_terms(text)
        if frequency is not None and terms:
            counts, total = frequency(terms)
            weights = tuple(_idf(count, total) for count in counts)
        else:
            weights = (1.0,) * len(terms)
        return cls(tuple(terms), weights, _numbers(text), _capitalised(text))

    def overlap(self, text: str) -> tuple[float, float, float, float, float]:
        """(term_cover, shared_numbers, number_clash, shared_capitalised, length_ratio) of a candidate:
        the idf-weighted share of the query's terms it holds, the numbers (at most 3) and capitalised
        words (at most 5) both hold, 1.0 when both hold numbers but none in common, and the log of
        its number of terms over the query's."""
        words = set(_terms(text))
        total = sum(self.weights)
        found = sum(
            w for (t, p), w in zip(self.terms, self.weights, strict=True) if term_matches(t, p, words)
        )
        numbers = _numbers(text)
        shared = len(self.numbers & numbers)
        return (
            found / total if total > 0 else 0.0,
            float(min(shared, _MAX_SHARED_NUMBERS)),
            float(bool(self.numbers) and bool(numbers) and not shared),
            float(min(len(self.capitalised & _capitalised(text)), _MAX_SHARED_CAPITALISED)),
            math.log((len(query_terms(text)) + 1) / (len(self.terms) + 1)),
        )


def _idf(count: int, total: int) -> float:
    """bm25's idf (FTS5's, without its floor); a prefix's count, an upper bound, is capped at `total`."""
    count = min(max(count, 0), total)
    return math.log(1.0 + (total - count + 0.5) / (count + 0.5))


def _numbers(text: str) -> frozenset[str]:
    return frozenset(_NUMBER.findall(_URL.sub(" ", text)))


def _capitalised(text: str) -> frozenset[str]:
    text = _REDACTION.sub(" ", _URL.sub(" ", text))
    return frozenset(word.casefold() for word in _CAPITALISED.findall(text))


def vocabulary_count(rows: Callable[[str, Sequence[Any]], list[Any]], vocab: str) -> DocCount:
    """`doc_count` from an fts5vocab `row` table named `vocab` (a fixed name, never user input),
    read through `rows(sql, params)`. A prefix sums the documents of each word it covers (an upper
    bound: a document holding two of them counts twice)."""

    def count(term: str, prefix: bool) -> int:
        if prefix:
            sql = f"SELECT coalesce(sum(doc), 0) FROM {vocab} WHERE term >= ? AND term < ?"  # noqa: S608
            found = rows(sql, (term, term + "\U0010ffff"))
        else:
            found = rows(f"SELECT coalesce(sum(doc), 0) FROM {vocab} WHERE term = ?", (term,))  # noqa: S608
        return int(found[0][0])

    return count


class LexicalIndex:
    """An FTS5 table of (doc_id, text) ranked by bm25; in memory (":memory:") or in a file.

    Scores are `-bm25`, so higher is better (like `SQLiteStore.search`). Safe to share between
    threads (calls are serialised).
    """

    def __init__(self, path: str | Path = ":memory:", tokenize: str = TOKENIZE) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5 (doc_id UNINDEXED, text, "
            f"tokenize = '{tokenize.replace(chr(39), '')}')"
        )
        self._conn.execute("CREATE VIRTUAL TABLE temp.docs_vocab USING fts5vocab(main, 'docs', 'row')")

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM docs").fetchone()[0])

    def add(self, docs: Iterable[tuple[str, str]]) -> int:
        """Add (doc_id, text) pairs in one transaction; returns how many."""
        rows = [(str(doc_id), text) for doc_id, text in docs]
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                self._conn.executemany("INSERT INTO docs (doc_id, text) VALUES (?, ?)", rows)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return len(rows)

    def document_frequency(self, terms: Sequence[tuple[str, bool]]) -> tuple[list[int], int]:
        """Documents holding each (term, is_prefix) of `query_terms`, and all documents (`DocFrequency`)."""
        with self._lock:
            total = int(self._conn.execute("SELECT count(*) FROM docs").fetchone()[0])
            counts = vocabulary_count(lambda sql, p: self._conn.execute(sql, p).fetchall(), "temp.docs_vocab")
            return [counts(term, prefix) for term, prefix in terms], total

    def search(self, text: str, limit: int = 100) -> list[tuple[str, float]]:
        """Documents sharing informative words with `text`, best first: (doc_id, -bm25)."""
        if limit <= 0:
            return []
        with self._lock:
            total = int(self._conn.execute("SELECT count(*) FROM docs").fetchone()[0])
            counts = vocabulary_count(lambda sql, p: self._conn.execute(sql, p).fetchall(), "temp.docs_vocab")
            match = or_query(text, doc_count=counts, total=total)
            if match is None:
                return []
            rows = self._conn.execute(
                "SELECT doc_id, -rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (match, limit)
            ).fetchall()
        return [(doc_id, float(score)) for doc_id, score in rows]

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()
