"""`oncowatch variants`: every stored post that makes the same claim as a text or a stored post.

The path of a query (its steps read top to bottom in `VariantFinder._accepted`):
1. Dense candidates: the FAISS index's nearest posts, widened (4x at a time, up to `MAX_DENSE`)
   until `pool` distinct texts (near_keys) survive the event-time filter, so that a copy campaign
   of the query, or a narrow --since/--until, does not crowd the rewordings out. A narrow window
   (`_window`) is searched with a FAISS id selector over its own posts instead.
2. Lexical candidates: the store's bm25 OR-query of the text's informative words (`lexical_candidates`),
   under the same filter.
3. Near-copies are one candidate (one near_key: one text); the query's own near_key is the query
   itself (score 1.0). The others get the fusion features (their places in both lists, their
   redacted text against the query's, idf from the store's `posts_fts`) and P(same claim) of the shipped
   `FusionModel`; those at or above its cut-off are variants, with every copy retrieved beside them.
4. Stance from the stored labels and evidence, families (near-copies of one stance), the per-day
   timeline and the platforms.

The answer (`find_variants`): {"query", "total", "families": [{"representative", "count", "stance",
"post_ids"}], "timeline": [{"day", "count"}], "platforms": {platform: count}}. `representative` is
{"post_id", "redacted_text"} of the family's best-scoring member (the earliest on ties); `total`,
the timeline and the platforms count every variant post, `--limit` only cuts the families listed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from analysis.dedup import near_key
from analysis.embedding import Embedder
from analysis.variants import (
    FusionModel,
    Variant,
    clean_text,
    fusion_features,
    group_families,
    platforms,
    stance_of,
    timeline,
)
from indexing.base import PostFilter, Store
from indexing.lexical import QueryProfile
from indexing.vectors import VectorIndex
from schemas import EnrichedPost

log = logging.getLogger(__name__)

#: Distinct texts taken from each of the dense and the lexical list (what the fusion was fitted on).
POOL = 100
#: The dense search never reads more than this many neighbours, however narrow the time filter.
MAX_DENSE = 3200
#: A time filter holding at most 1/WINDOW_SHARE of the index searches among its posts only.
WINDOW_SHARE = 4


@dataclass(frozen=True)
class _Query:
    text: str
    vector: np.ndarray
    post_id: str | None
    near_key: str


class VariantFinder:
    """Rumour variants over one store and its vector index; holds the embedder and the fusion model."""

    def __init__(
        self,
        store: Store,
        index: VectorIndex,
        embedder: Embedder,
        model: FusionModel | None = None,
        pool: int = POOL,
    ) -> None:
        self.store = store
        self.index = index
        self.embedder = embedder
        self.model = model or FusionModel.load()
        self.pool = pool
        self._posts: dict[str, EnrichedPost | None] = {}

    # -- queries -------------------------------------------------------------------------------

    def query_for_post(self, post_id: str) -> _Query:
        """A stored post as a query (its stored vector, its redacted text); LookupError if unknown."""
        post = self.store.get_post(post_id)
        if post is None:
            raise LookupError(f"no stored post {post_id!r}")
        vector = self.store.get_vectors([post_id]).get(post_id)
        if vector is None:
            vector = self.embedder.embed([post.redacted_text])[0]
        return _Query(post.redacted_text, np.asarray(vector, dtype=np.float32), post_id, post.near_key)

    def queries_for_texts(self, texts: Sequence[str]) -> list[_Query]:
        """Texts as queries (embedded in one batch); ValueError for a blank one."""
        if any(not t.strip() for t in texts):
            raise ValueError("a query text is empty")
        vectors = self.embedder.embed([clean_text(t) or t for t in texts])
        return [_Query(t, vectors[i], None, near_key(t)) for i, t in enumerate(texts)]

    # -- the search ----------------------------------------------------------------------------

    def _load(self, post_ids: Sequence[str]) -> None:
        for post_id in post_ids:
            if post_id not in self._posts:
                self._posts[post_id] = self.store.get_post(post_id)

    def _kept(self, post_id: str, query: _Query, flt: PostFilter) -> EnrichedPost | None:
        post = self._posts.get(post_id)
        if post is None or post_id == query.post_id:
            return None
        if (flt.since and post.created_at < flt.since) or (flt.until and post.created_at >= flt.until):
            return None
        return post

    def _distinct(
        self,
        hits: Sequence[tuple[str, float]],
        query: _Query,
        flt: PostFilter,
        kept: list[tuple[EnrichedPost, float]],
        texts: set[str],
    ) -> bool:
        """Read hits best first into `kept` until `pool` distinct texts are in; True once they are.

        Copies of a text tie on score (they share its vector) and come together: the run of the
        last one is read to its end, so its family is whole.
        """
        for post_id, score in hits:
            if len(texts) >= self.pool and score != kept[-1][1]:
                return True
            self._load([post_id])
            if post := self._kept(post_id, query, flt):
                kept.append((post, score))
                if post.near_key != query.near_key:
                    texts.add(post.near_key)
        return len(texts) >= self.pool

    def _dense(self, query: _Query, flt: PostFilter) -> list[tuple[EnrichedPost, float]]:
        """Nearest posts under the filter, widening the search until `pool` distinct texts are in."""
        kept: list[tuple[EnrichedPost, float]] = []
        texts: set[str] = set()
        within = self._window(flt)
        read, k = 0, self.pool * 2
        while True:
            hits = self.index.search(query.vector, k, within)
            if self._distinct(hits[read:], query, flt, kept, texts) or len(hits) < k or k >= MAX_DENSE:
                return kept
            read, k = len(hits), min(k * 4, MAX_DENSE)

    def _window(self, flt: PostFilter) -> list[str] | None:
        """The posts inside a narrow time filter, to search among only them; None for a wide one
        (at most a quarter of the index), where filtering the nearest hits afterwards is cheaper."""
        if flt.since is None and flt.until is None:
            return None
        bound = len(self.index) // WINDOW_SHARE
        ids = self.store.post_ids(flt, limit=bound + 1)
        return ids if len(ids) <= bound else None

    def _accepted(self, query: _Query, flt: PostFilter, cutoff: float) -> list[tuple[EnrichedPost, float]]:
        """(post, P(same claim)) of every variant, best first."""
        self._posts.clear()  # read fresh for each query: the store may have changed
        dense = self._dense(query, flt)
        cleaned = clean_text(query.text) or query.text
        lexical_ids = self.store.lexical_candidates(cleaned, flt, self.pool * 2)
        lexical: list[tuple[EnrichedPost, float]] = []
        self._distinct(lexical_ids, query, flt, lexical, set())

        # One candidate per text: near-copies share a near_key (and, as duplicates, a vector).
        members: dict[str, dict[str, EnrichedPost]] = {}
        for post, _ in (*dense, *lexical):
            members.setdefault(post.near_key, {})[post.post_id] = post
        dense_keys = _best_first((p.near_key, s) for p, s in dense if p.near_key != query.near_key)
        lexical_keys = _best_first((p.near_key, s) for p, s in lexical if p.near_key != query.near_key)
        dense_keys, lexical_keys = dense_keys[: self.pool], lexical_keys[: self.pool]
        in_dense = {key for key, _ in dense_keys}
        missing = {key: next(iter(members[key])) for key, _ in lexical_keys if key not in in_dense}
        vectors = self.store.get_vectors(list(missing.values()))
        cosines = {
            key: float(np.dot(vectors[post_id], query.vector))
            for key, post_id in missing.items()
            if post_id in vectors
        }
        texts = {key: next(iter(group.values())).redacted_text for key, group in members.items()}
        profile = QueryProfile.of(cleaned, self.store.document_frequency)
        keys, features = fusion_features(dense_keys, lexical_keys, cosines, query=profile, texts=texts)
        scores = dict(zip(keys, self.model.probability(features).tolist(), strict=True)) if keys else {}
        scores[query.near_key] = 1.0  # a copy of the query makes its claim
        accepted = [
            (post, scores[key])
            for key, group in members.items()
            if scores.get(key, 0.0) >= cutoff
            for post in group.values()
        ]
        accepted.sort(key=lambda ps: (-ps[1], ps[0].created_at, ps[0].post_id))
        return accepted

    def find(
        self,
        query: _Query,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        cutoff: float | None = None,
    ) -> dict[str, Any]:
        """The one-query answer (see the module docstring)."""
        accepted = self._accepted(query, PostFilter(since=since, until=until), _cut(self.model, cutoff))
        variants = [_variant(post, score) for post, score in accepted]
        heads: dict[str, str] = {}
        for v in variants:
            heads.setdefault(v.near_key, v.post_id)
        families = group_families(variants, self.store.get_vectors(list(heads.values())))
        return {
            "query": {
                "text": query.text,
                "post_id": query.post_id,
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
            },
            "total": len(variants),
            "families": [
                {
                    "representative": {
                        "post_id": f.representative.post_id,
                        "redacted_text": f.representative.text,
                    },
                    "count": len(f.members),
                    "stance": f.stance,
                    "post_ids": [m.post_id for m in f.members],
                }
                for f in families[: max(0, limit)]
            ],
            "timeline": timeline(variants),
            "platforms": platforms(variants),
        }

    def find_many(
        self,
        queries: Sequence[tuple[str, str]],
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        cutoff: float | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Batch mode: {"query_id", "results": [{"post_id", "score", "stance"}]} per query, best first."""
        flt = PostFilter(since=since, until=until)
        cut = _cut(self.model, cutoff)
        built = self.queries_for_texts([text for _, text in queries]) if queries else []
        for (query_id, _), query in zip(queries, built, strict=True):
            accepted = self._accepted(query, flt, cut)[: max(0, limit)]
            results = [
                {
                    "post_id": p.post_id,
                    "score": round(s, 4),
                    "stance": stance_of(p.labels, p.evidence, p.redacted_text),
                }
                for p, s in accepted
            ]
            yield {"query_id": query_id, "results": results}


def _best_first(pairs: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """(key, score) pairs, each key once with its first (best) score, in the given order."""
    seen: dict[str, float] = {}
    for key, score in pairs:
        seen.setdefault(key, score)
    return list(seen.items())


def _cut(model: FusionModel, cutoff: float | None) -> float:
    if cutoff is None:
        return model.cutoff
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"a score cut-off is a probability in [0, 1], not {cutoff}")
    return cutoff


def _variant(post: EnrichedPost, score: float) -> Variant:
    return Variant(
        post_id=post.post_id,
        score=round(score, 4),
        stance=stance_of(post.labels, post.evidence, post.redacted_text),
        created_at=post.created_at,
        platform=post.platform,
        near_key=post.near_key,
        duplicate_of=post.duplicate_of,
        text=post.redacted_text,
    )


def single_query_threads() -> None:
    """One thread each for torch and FAISS, for a process answering one query at a time.

    Their thread pools otherwise spin against each other, and against anything else on the
    machine, over work too small to share: on 2 busy cores, embedding one query took 383 ms on two
    threads and 9 ms on one, a flat search of 100,000 vectors 45 ms and 13 ms. Call it at the edge
    (the CLI, a server's start); batch work (ingest, evaluation) keeps its threads.
    """
    import faiss
    import torch

    faiss.omp_set_num_threads(1)
    torch.set_num_threads(1)


def find_variants(
    store: Store,
    index: VectorIndex,
    embedder: Embedder,
    *,
    text: str | None = None,
    post_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 20,
    model: FusionModel | None = None,
) -> dict[str, Any]:
    """Variants of `text` or of the stored post `post_id` (itself excluded): the one-query answer."""
    if (text is None) == (post_id is None):
        raise ValueError("give exactly one of text and post_id")
    finder = VariantFinder(store, index, embedder, model)
    query = (
        finder.query_for_post(post_id) if post_id is not None else finder.queries_for_texts([text or ""])[0]
    )
    return finder.find(query, since=since, until=until, limit=limit)
