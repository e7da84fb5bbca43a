"""Fit the rumour-variant fusion on CLEF CheckThat! 2020 train and write `analysis/variant_fusion.json`.

    .venv/bin/python benchmarks/fit_variant_fusion.py [--cache-dir DIR] [--c 1.0]

1. The rank head: a ranker (`LogisticHead.fit_ranking`, a conditional logit: the softmax over each
   query's candidates) over `analysis.variants.FEATURES` of every candidate (the union of the dense
   and lexical top-100) of every train tweet against the verified claims, labelled 1 for the claim
   the qrels give (one answer per query: CLEF's task). The design (features, ranker, C=1) was chosen
   by 5-fold cross-validation by query on train.
2. The same-claim head and its cut-off: what `oncowatch variants` decides is post-to-post, with
   many answers per query, so P(same claim) is fitted (without the rank features) on train tweets
   querying the other train tweets, labelled by `tweet_variant_pairs.tsv` (train pairs only), and
   the cut-off is the one with the best F1 of its decisions there.
Dev is only reported (claims MAP@5, post-to-post precision and recall at the cut-off), never used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from clef_variants import BENCH, CLEF, HERE, _progress, decision_quality, load_split, tweet_candidates

OUT = HERE.parent / "analysis" / "variant_fusion.json"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> None:
    """Fit, choose the cut-off, report dev, write the JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache-dir", default=str(BENCH / "cache"), help="corpus vectors")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the regression")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()

    from analysis.embedding import SentenceTransformerEmbedder
    from analysis.variants import (
        FEATURES,
        SAME_CLAIM_FEATURES,
        FusionModel,
        LogisticHead,
        best_cutoff,
        retrieval_metrics,
    )
    from pipelines.eval_variants import POOL, Retriever, rankings, read_corpus

    embedder = SentenceTransformerEmbedder()
    docs = read_corpus(CLEF / "verified_claims.docs.tsv")
    retriever = Retriever(docs, embedder, _progress, args.cache_dir)
    train_queries, train_qrels = load_split("train")
    judged = [(q, t) for q, t in train_queries if train_qrels.get(q)]
    train = retriever.candidates(judged)
    groups = [
        (features, np.array([d in train_qrels[q] for d in ids], dtype=int))
        for q, (ids, features, _, _) in train.items()
        if ids
    ]
    labels = np.concatenate([y for _, y in groups])
    rank = LogisticHead.fit_ranking(groups, FEATURES, c=args.c)

    pairs, relevant = tweet_candidates(embedder, ("train",), "train", args.cache_dir, _progress)
    pair_rows = np.vstack([features for ids, features, _, _ in pairs.values() if ids])
    pair_labels = np.array([d in relevant[q] for q, (ids, _, _, _) in pairs.items() for d in ids], dtype=int)
    same_claim = LogisticHead.fit(pair_rows, pair_labels, SAME_CLAIM_FEATURES, c=args.c)
    probabilities = same_claim(pair_rows)
    cutoff = best_cutoff(probabilities, pair_labels, total_relevant=sum(len(r) for r in relevant.values()))
    model = FusionModel(rank, same_claim, cutoff)
    train_decisions = decision_quality(pairs, relevant, model)

    dev_queries, dev_qrels = load_split("dev")
    dev_judged = [(q, t) for q, t in dev_queries if dev_qrels.get(q)]
    dev_runs = rankings(retriever.candidates(dev_judged), model)
    train_runs = rankings(train, model)
    dev_pairs, dev_relevant = tweet_candidates(embedder, ("train", "dev"), "dev", args.cache_dir, _progress)
    figures = {
        "claims_train": retrieval_metrics(train_runs["fused"], train_qrels),
        "claims_dev": retrieval_metrics(dev_runs["fused"], dev_qrels),
        "claims_dev_same_claim_order": retrieval_metrics(dev_runs["same_claim"], dev_qrels),
        "tweet_variants_dev": retrieval_metrics(rankings(dev_pairs, model)["same_claim"], dev_relevant),
        "tweet_variants_train_at_cutoff": train_decisions,
        "tweet_variants_dev_at_cutoff": decision_quality(dev_pairs, dev_relevant, model),
    }
    model = model.with_cutoff(
        cutoff,
        fitted_on="CLEF CheckThat! 2020 Task 2, train split",
        date=datetime.now(UTC).date().isoformat(),
        data={
            name: _sha(CLEF / name)
            for name in (
                "verified_claims.docs.tsv",
                "train/tweets.queries.tsv",
                "train/tweet-vclaim-pairs.qrels",
                "tweet_variant_pairs.tsv",
            )
        },
        data_note="sha256 prefixes of the files in ../shared/data/clef2020_claim_retrieval/",
        method=(
            f"two heads over the union of the dense and lexical top-{POOL} candidates, L2 C={args.c}. "
            "rank: a conditional logit (softmax over each query's candidates, standardised features, "
            "then a sigmoid fitted on its score), every feature, train tweets against the verified "
            f"claims ({len(judged)} queries, {len(labels)} candidates, {int(labels.sum())} relevant). "
            "same_claim: a logistic regression, no rank features, train tweets against the other train "
            f"tweets ({len(pairs)} queries with a variant in tweet_variant_pairs.tsv, {len(pair_labels)} "
            f"candidates, {int(pair_labels.sum())} relevant); cut-off: the best F1 of its same-claim "
            "decisions there"
        ),
        embedding_model=embedder.version,
        figures=figures,
    )
    Path(args.out).write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    print(json.dumps(model.to_json(), indent=2))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
