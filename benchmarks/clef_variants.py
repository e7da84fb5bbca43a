"""Rumour-variant retrieval on CLEF CheckThat! 2020 Task 2 (train and dev), saved under benchmarks/results/.

    .venv/bin/python benchmarks/clef_variants.py [--cache-dir DIR] [--json]

1. Claim retrieval, the shared task's set-up (`oncowatch eval variants` on the published files):
   tweets against the 10,375 verified claims, MAP@1, MAP@5 (official), MRR and recall@10 of the
   fused ranking, of dense (FAISS cosine) and of lexical (FTS5 bm25) retrieval alone.
2. Post-to-post variants, what `oncowatch variants` does on the store: `tweet_variant_pairs.tsv`
   pairs tweets that make the same fact-checked claim. Each dev tweet with a variant queries every
   train and dev tweet (itself excluded); reported are the ranking metrics and the precision and
   recall of the shipped cut-off (`analysis/variant_fusion.json`) over its "same claim" decisions.

Data: `../shared/data/clef2020_claim_retrieval/` (read in place, never copied). The corpus vectors
take about four minutes to compute on 2 CPU cores; `--cache-dir` (default $ONCOWATCH_BENCH_DIR/cache,
else ./.bench/cache) keeps them for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CLEF = HERE.parent.parent / "shared" / "data" / "clef2020_claim_retrieval"
#: Where benchmarks keep what they build (stores, vectors): ONCOWATCH_BENCH_DIR, else ./.bench.
BENCH = Path(os.environ.get("ONCOWATCH_BENCH_DIR") or ".bench")


def _progress(what: str, done: int, total: int) -> None:
    print(f"\r{what}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)


def load_split(split: str) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """(queries, qrels) of a CLEF split."""
    from pipelines.eval_variants import read_qrels, read_queries

    folder = CLEF / split
    return read_queries(folder / "tweets.queries.tsv"), read_qrels(folder / "tweet-vclaim-pairs.qrels")


def variant_pairs() -> dict[str, set[str]]:
    """`split:tweet_id` -> the tweets that make the same claim."""
    pairs: dict[str, set[str]] = defaultdict(set)
    lines = (CLEF / "tweet_variant_pairs.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        query, relevant, _ = line.split("\t")
        pairs[query].add(relevant)
    return pairs


def tweet_candidates(embedder, corpus_splits: tuple[str, ...], query_split: str, cache_dir, progress=None):
    """Post-to-post set-up: candidates of each `query_split` tweet that has variants in `corpus_splits`.

    Returns (candidates per query, relevant per query); ids are `split:tweet_id`.
    """
    from pipelines.eval_variants import Doc, Retriever

    tweets = {split: dict(load_split(split)[0]) for split in {*corpus_splits, query_split}}
    docs = [Doc(f"{s}:{tid}", (text,)) for s in corpus_splits for tid, text in tweets[s].items()]
    pairs = variant_pairs()
    relevant = {
        q: {d for d in rel if d.split(":")[0] in corpus_splits}
        for q, rel in pairs.items()
        if q.startswith(query_split + ":")
    }
    relevant = {q: rel for q, rel in relevant.items() if rel}
    queries = [(q, tweets[query_split][q.split(":", 1)[1]]) for q in sorted(relevant)]
    retriever = Retriever(docs, embedder, progress, cache_dir)
    return retriever.candidates(queries, exclude_self=True), relevant


def decision_quality(candidates, relevant, model) -> dict:
    """Precision and recall of `p >= model.cutoff` over every (query, candidate) pair."""
    chosen = hits = 0
    for query, (ids, features, _, _) in candidates.items():
        if not ids:
            continue
        accepted = [d for d, p in zip(ids, model.probability(features), strict=True) if p >= model.cutoff]
        chosen += len(accepted)
        hits += len(set(accepted) & relevant[query])
    total = sum(len(r) for r in relevant.values())
    return {
        "cutoff": model.cutoff,
        "pairs_relevant": total,
        "pairs_accepted": chosen,
        "precision": round(hits / chosen, 4) if chosen else 0.0,
        "recall": round(hits / total, 4) if total else 0.0,
    }


def main() -> None:
    """Evaluate train and dev, print, and save JSON under benchmarks/results/."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache-dir", default=str(BENCH / "cache"), help="corpus vectors")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()

    from analysis.embedding import SentenceTransformerEmbedder
    from analysis.variants import FusionModel, retrieval_metrics
    from pipelines.eval_variants import evaluate_variants, rankings, read_corpus

    embedder = SentenceTransformerEmbedder()
    model = FusionModel.load()
    docs = read_corpus(CLEF / "verified_claims.docs.tsv")
    report: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "data": str(CLEF),
        "fusion": model.to_json(),
        "claims": {},
    }
    started = time.perf_counter()
    for split in ("train", "dev"):
        queries, qrels = load_split(split)
        report["claims"][split] = evaluate_variants(
            docs, queries, qrels, embedder, model, _progress, args.cache_dir
        )
    candidates, relevant = tweet_candidates(embedder, ("train", "dev"), "dev", args.cache_dir, _progress)
    runs = rankings(candidates, model)
    report["tweet_variants_dev"] = {
        "queries": len(relevant),
        **{name: retrieval_metrics(run, relevant) for name, run in runs.items()},
        "decisions": decision_quality(candidates, relevant, model),
    }
    report["elapsed_s"] = round(time.perf_counter() - started, 1)
    out = HERE / "results" / f"clef-variants-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for split, result in report["claims"].items():
        for method in ("fused", "same_claim", "dense", "lexical"):
            m = result[method]
            print(
                f"claims {split:5s} {method:10s} MAP@1 {m['map@1']:.3f}  MAP@5 {m['map@5']:.3f}  "
                f"MRR {m['mrr']:.3f}  R@10 {m['recall@10']:.3f}  ({m['queries']} queries)"
            )
    tv = report["tweet_variants_dev"]
    d = tv["decisions"]
    print(
        f"tweet->tweet dev ({tv['queries']} queries): MAP@5 {tv['same_claim']['map@5']:.3f} in the order "
        f"of P(same claim) ({tv['fused']['map@5']:.3f} rank head); cut-off "
        f"{d['cutoff']}: precision {d['precision']:.3f}, recall {d['recall']:.3f}"
    )
    print(f"saved {out}")


if __name__ == "__main__":
    main()
