"""`oncowatch eval variants`: rumour-variant retrieval measured in the CLEF CheckThat! 2020 Task 2 set-up.

Queries are posts (tweets), the corpus is verified claims, the qrels say which claim each tweet makes.
The retrieval is the one `oncowatch variants` runs on the store: dense cosine on an exact FAISS
inner-product index, a bm25 OR-query on an FTS5 table (`indexing.lexical`), fused by the shipped
`FusionModel`'s rank head (`fused`). Beside it: the order of its P(same claim) head (`same_claim`,
what `oncowatch variants` orders by), and dense-only and lexical-only rankings.

A document may have several fields (CLEF: the claim and the title of its fact-check): its vector is
the mean of the fields' unit vectors, so its inner product with a query is their mean cosine, and
its lexical text, and the text the fusion's text-pair features compare with the query's, is the
fields joined.

Files (`read_corpus`, `read_queries`, `read_qrels`): the CLEF TSVs as published (`id <TAB> text
[<TAB> title]`, header line optional, quoted fields) or JSON lines `{"id", "text"[, "title"]}`;
qrels in TREC form (`query_id 0 doc_id relevance`, relevance > 0 counts).
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.embedding import Embedder
from analysis.variants import FusionModel, clean_text, fusion_features, retrieval_metrics
from indexing.lexical import LexicalIndex, QueryProfile

log = logging.getLogger(__name__)

#: Candidates taken from each list per query (the fusion reranks their union).
POOL = 100
_EMBED_CHUNK = 512

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Doc:
    """One corpus document: an id and one or more text fields."""

    doc_id: str
    fields: tuple[str, ...]


def _rows(path: Path) -> Iterable[list[str]]:
    """Rows of a TSV (CSV quoting, as the CLEF files use) or of a JSON-lines file as [id, text, title]."""
    if path.suffix in (".jsonl", ".json"):
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    yield [
                        str(row["id"]),
                        str(row["text"]),
                        *([str(row["title"])] if row.get("title") else []),
                    ]
                except (ValueError, KeyError, TypeError) as exc:
                    raise ValueError(f"{path}:{number}: expected a JSON object with id and text") from exc
        return
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if number == 1 and (not row or row[0].strip() in ("", "id", "tweet_id", "vclaim_id")):
                continue  # the header line of the CLEF files
            if not row or not "".join(row).strip():
                continue
            if len(row) < 2:
                raise ValueError(f"{path}:{number}: expected `id<TAB>text`, got {len(row)} column")
            yield row


def read_corpus(path: str | Path) -> list[Doc]:
    """Documents of a corpus file (CLEF `verified_claims.docs.tsv`: id, claim, title)."""
    docs = [Doc(row[0], tuple(f for f in row[1:] if f.strip())) for row in _rows(Path(path))]
    return [d for d in docs if d.fields]


def read_queries(path: str | Path) -> list[tuple[str, str]]:
    """(query_id, text) of a queries file (CLEF `tweets.queries.tsv`)."""
    return [(row[0], " ".join(row[1:])) for row in _rows(Path(path))]


def read_qrels(path: str | Path) -> dict[str, set[str]]:
    """query_id -> relevant doc_ids, from TREC qrels (`qid 0 doc_id relevance`)."""
    qrels: dict[str, set[str]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise ValueError(f"{path}:{number}: expected `query_id 0 doc_id relevance`")
            try:
                relevant = float(parts[3]) > 0
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: relevance {parts[3]!r} is not a number") from exc
            if relevant:
                qrels.setdefault(parts[0], set()).add(parts[2])
    return qrels


def embed_texts(
    embedder: Embedder, texts: Sequence[str], progress: Progress | None = None, what: str = "embed"
) -> np.ndarray:
    """Embed in chunks, reporting progress as (what, done, total)."""
    parts = []
    for start in range(0, len(texts), _EMBED_CHUNK):
        parts.append(embedder.embed(list(texts[start : start + _EMBED_CHUNK])))
        if progress:
            progress(what, min(start + _EMBED_CHUNK, len(texts)), len(texts))
    return np.vstack(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)


class Retriever:
    """Dense (FAISS inner product) and lexical (FTS5 bm25) retrieval over a corpus, and their fusion.

    `cache_dir`: keep the corpus vectors there, keyed by model and texts, so that a second run over
    the same corpus skips the embedding.
    """

    def __init__(
        self,
        docs: Sequence[Doc],
        embedder: Embedder,
        progress: Progress | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        import faiss

        if not docs:
            raise ValueError("the corpus is empty")
        self.ids = [d.doc_id for d in docs]
        self._embedder = embedder
        self._progress = progress
        self.matrix = self._doc_vectors(docs, cache_dir)
        self._index = faiss.IndexFlatIP(self.matrix.shape[1])
        self._index.add(self.matrix)
        self._texts = {d.doc_id: " ".join(d.fields) for d in docs}
        self._lexical = LexicalIndex()
        self._lexical.add(self._texts.items())
        self._row = {doc_id: row for row, doc_id in enumerate(self.ids)}

    def _doc_vectors(self, docs: Sequence[Doc], cache_dir: str | Path | None) -> np.ndarray:
        width = max(len(d.fields) for d in docs)
        texts = [d.fields[i] if i < len(d.fields) else "" for i in range(width) for d in docs]
        cache = None
        if cache_dir is not None:
            digest = hashlib.sha256(self._embedder.version.encode())
            for text in texts:
                digest.update(text.encode() + b"\x00")
            cache = Path(cache_dir) / f"corpus-{digest.hexdigest()[:20]}.npy"
            if cache.exists():
                log.info("corpus vectors from %s", cache)
                return np.load(cache)
        present = [i for i, t in enumerate(texts) if t]
        vectors = np.zeros((len(texts), self._embedder.dim), dtype=np.float32)
        vectors[present] = embed_texts(self._embedder, [texts[i] for i in present], self._progress, "corpus")
        counts = np.zeros(len(docs), dtype=np.float32)
        total = np.zeros((len(docs), self._embedder.dim), dtype=np.float32)
        for field in range(width):
            block = vectors[field * len(docs) : (field + 1) * len(docs)]
            total += block
            counts += (np.abs(block).sum(axis=1) > 0).astype(np.float32)
        matrix = np.ascontiguousarray(total / np.maximum(counts, 1.0)[:, None], dtype=np.float32)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.save(cache, matrix)
        return matrix

    def candidates(
        self, queries: Sequence[tuple[str, str]], pool: int = POOL, exclude_self: bool = False
    ) -> dict[str, tuple[list[str], np.ndarray, list[tuple[str, float]], list[tuple[str, float]]]]:
        """Per query: (candidate ids, their fusion features, the dense list, the lexical list).

        `exclude_self`: drop a document whose id is the query's (queries drawn from the corpus).
        """
        texts = [clean_text(text) or text for _, text in queries]
        vectors = embed_texts(self._embedder, texts, self._progress, "queries")
        depth = min(len(self.ids), pool + int(exclude_self))
        scores, rows = self._index.search(np.ascontiguousarray(vectors, dtype=np.float32), depth)
        out = {}
        for i, (query_id, _) in enumerate(queries):
            dense = [(self.ids[r], float(s)) for s, r in zip(scores[i], rows[i], strict=True) if r >= 0]
            lexical = self._lexical.search(texts[i], pool + int(exclude_self))
            if exclude_self:
                dense = [(d, s) for d, s in dense if d != query_id][:pool]
                lexical = [(d, s) for d, s in lexical if d != query_id][:pool]
            missing = [d for d, _ in lexical if d not in dict(dense)]
            cosines = {d: float(self.matrix[self._row[d]] @ vectors[i]) for d in missing}
            profile = QueryProfile.of(texts[i], self._lexical.document_frequency)
            ids, features = fusion_features(dense, lexical, cosines, query=profile, texts=self._texts)
            out[query_id] = (ids, features, dense, lexical)
        return out


def rankings(
    candidates: dict[str, tuple[list[str], np.ndarray, list[tuple[str, float]], list[tuple[str, float]]]],
    model: FusionModel,
) -> dict[str, dict[str, list[str]]]:
    """Per method: query_id -> doc ids, best first. `fused`: the rank head; `same_claim`: P(same claim),
    the order of `oncowatch variants`; `dense` and `lexical`: each list alone."""
    runs: dict[str, dict[str, list[str]]] = {"fused": {}, "same_claim": {}, "dense": {}, "lexical": {}}
    for query_id, (ids, features, dense, lexical) in candidates.items():
        for name, score in (("fused", model.ranking), ("same_claim", model.probability)):
            values = score(features) if ids else np.zeros(0)
            runs[name][query_id] = [ids[j] for j in sorted(range(len(ids)), key=lambda j: (-values[j], j))]
        runs["dense"][query_id] = [d for d, _ in dense]
        runs["lexical"][query_id] = [d for d, _ in lexical]
    return runs


def evaluate_variants(
    docs: Sequence[Doc],
    queries: Sequence[tuple[str, str]],
    qrels: dict[str, set[str]],
    embedder: Embedder,
    model: FusionModel,
    progress: Progress | None = None,
    cache_dir: str | Path | None = None,
) -> dict[str, Any]:
    """MAP@1, MAP@5, MRR and recall@10 of the fused ranking, of P(same claim), of dense and lexical alone."""
    started = time.perf_counter()
    judged = [(q, text) for q, text in queries if qrels.get(q)]
    if not judged:
        raise ValueError("no query of the queries file has a relevant document in the qrels")
    known = {d.doc_id for d in docs}
    unknown = sum(1 for q, _ in judged for d in qrels[q] if d not in known)
    retriever = Retriever(docs, embedder, progress, cache_dir)
    runs = rankings(retriever.candidates(judged), model)
    report: dict[str, Any] = {
        name: retrieval_metrics(run, {q: qrels[q] for q, _ in judged}) for name, run in runs.items()
    }
    report.update(
        {
            "queries": len(judged),
            "queries_without_qrels": len(queries) - len(judged),
            "documents": len(docs),
            "relevant_not_in_corpus": unknown,
            "pool_per_list": POOL,
            "embedding_model": embedder.version,
            "fusion": {"cutoff": model.cutoff, **{k: model.provenance.get(k) for k in ("fitted_on", "date")}},
            "elapsed_s": round(time.perf_counter() - started, 1),
        }
    )
    return report
