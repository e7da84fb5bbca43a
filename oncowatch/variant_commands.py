"""`oncowatch variants` and `oncowatch eval variants`: every variant of a rumour, and how well it is found."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from oncowatch.commands import UserError, _one_line, _open_store, _print_json, parse_time
from oncowatch.settings import EmbeddingSettings, StorageSettings

_VARIANTS_HELP = """\
Finds the stored posts that make the same claim as a text or a stored post: nearest posts by meaning
(FAISS) fused with posts sharing its rare words (full-text bm25), then a calibrated cut-off on
P(same claim) (analysis/variant_fusion.json, fitted on CLEF CheckThat! 2020 train). Near-copies form
families with their counts; each family has one stance, asserts, debunks or unclear, so debunks are
shown apart. The answer also gives the variants per day (event time) and per platform.

  oncowatch variants --text "baking soda cures cancer" --json
  oncowatch variants --post-id x:1234 --since 2026-11-01 --until 2026-11-08
  oncowatch variants --queries queries.jsonl > results.jsonl      # lines {"id", "text"}

--json: {"query", "total", "families": [{"representative": {"post_id", "redacted_text"}, "count",
"stance", "post_ids"}], "timeline": [{"day", "count"}], "platforms": {platform: count}}.
Batch mode writes one line per query: {"query_id", "results": [{"post_id", "score", "stance"}]}, best first.
"""

_EVAL_HELP = """\
Rumour-variant retrieval in the CLEF CheckThat! 2020 Task 2 set-up: each query (a tweet) ranks the
corpus (verified claims) by the same fused retrieval as `oncowatch variants`; reported are MAP@1,
MAP@5 (the official measure), MRR and recall@10 for the fusion's rank head (`fused`), for the order
of its P(same claim) (`same_claim`, what `oncowatch variants` orders by), and for dense and lexical
retrieval alone. Files: the CLEF TSVs as published (verified_claims.docs.tsv, tweets.queries.tsv)
or JSON lines {"id", "text"[, "title"]}; qrels in TREC form (query_id 0 doc_id relevance).

  oncowatch eval variants --corpus ../shared/data/clef2020_claim_retrieval/verified_claims.docs.tsv \\
      --queries ../shared/data/clef2020_claim_retrieval/dev/tweets.queries.tsv \\
      --qrels ../shared/data/clef2020_claim_retrieval/dev/tweet-vclaim-pairs.qrels

Embedding the 10,375 CLEF claims takes about four minutes on 2 CPU cores; --cache-dir keeps them.
"""


def add_parsers(sub: argparse._SubParsersAction, evals: argparse._SubParsersAction) -> None:
    """`variants` on the main parser, `variants` under `eval`."""
    p = sub.add_parser(
        "variants",
        help="every stored post making the same claim, in families with stance, timeline and platforms",
        description=_VARIANTS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", help="the claim, as text")
    what.add_argument("--post-id", help="a stored post (itself excluded from the answer)")
    what.add_argument("--queries", metavar="F", help='batch: JSON lines {"id", "text"} (- for stdin)')
    p.add_argument("--since", help="only variants created at or after this time (event time)")
    p.add_argument("--until", help="only variants created before this time")
    p.add_argument(
        "--limit", type=int, default=20, help="families listed (batch: results per query); default 20"
    )
    p.add_argument(
        "--min-score",
        type=float,
        help="accept P(same claim) from this value instead of the calibrated cut-off",
    )
    p.add_argument("--json", action="store_true", help="print the answer as JSON (batch mode always does)")

    e = evals.add_parser(
        "variants",
        help="rumour-variant retrieval: MAP@1, MAP@5, MRR, recall@10 (CLEF CheckThat! 2020 Task 2)",
        description=_EVAL_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--corpus", required=True, metavar="F", help="documents (verified claims)")
    e.add_argument("--queries", required=True, metavar="F", help="queries (tweets)")
    e.add_argument("--qrels", required=True, metavar="F", help="relevant pairs, TREC form")
    e.add_argument("--model", metavar="F", help="a fusion model JSON (default: the shipped one)")
    e.add_argument("--cache-dir", metavar="DIR", help="keep the corpus vectors here for the next run")
    e.add_argument("--json", action="store_true")


def _finder(store: Any):
    from analysis.embedding import SentenceTransformerEmbedder
    from oncowatch import queries

    embedding = EmbeddingSettings()

    def embedder() -> SentenceTransformerEmbedder:
        return SentenceTransformerEmbedder(
            embedding.embedding_model,
            device=embedding.embedding_device,
            batch_size=embedding.embed_batch_size,
        )

    src = queries.Sources.from_settings(StorageSettings(), embedding)
    try:
        return queries.variant_finder(src, store, embedder)
    except queries.NoStore as exc:
        raise UserError(str(exc)) from exc


def _read_queries(name: str) -> list[tuple[str, str]]:
    if name != "-" and not Path(name).is_file():
        raise UserError(f"no such file: {name}")
    source = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
    queries = []
    try:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                query_id, text = str(row["id"]), row["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise UserError(f'{name}:{number}: expected a JSON object with "id" and "text"') from exc
            if not isinstance(text, str) or not text.strip():
                raise UserError(f"{name}:{number}: empty text")
            queries.append((query_id, text))
    finally:
        if source is not sys.stdin:
            source.close()
    return queries


def cmd_variants(args: argparse.Namespace) -> int:
    """Variants of one claim (or of each line of --queries)."""
    since, until = parse_time(args.since), parse_time(args.until)
    if since and until and since >= until:
        raise UserError("--since must be before --until")
    if args.limit < 0:
        raise UserError("--limit must be >= 0")
    if args.text is not None and not args.text.strip():
        raise UserError("--text is empty")
    from oncowatch import queries

    batch = _read_queries(args.queries) if args.queries else None
    if batch is None:
        from pipelines.variants import single_query_threads

        single_query_threads()
    with _open_store() as store:
        finder = _finder(store)
        try:
            if batch is not None:
                for line in finder.find_many(batch, since, until, args.limit, args.min_score):
                    _print_json(line)
                return 0
            answer = queries.variants(
                finder, args.text, args.post_id, since, until, args.limit, args.min_score
            )
        except (LookupError, ValueError) as exc:
            raise UserError(str(exc).strip("'\"")) from exc
    if args.json:
        _print_json(answer)
        return 0
    _print_answer(answer)
    return 0


def _print_answer(answer: dict[str, Any]) -> None:
    families = answer["families"]
    print(f"{answer['total']} posts make this claim, in {len(families)} families listed")
    for stance in ("asserts", "unclear", "debunks"):
        chosen = [f for f in families if f["stance"] == stance]
        if chosen:
            print(f"{stance}:")
            for f in chosen:
                rep = f["representative"]
                print(f"  {f['count']:>5}  {rep['post_id']:<24} {_one_line(rep['redacted_text'], 80)}")
    if answer["timeline"]:
        print("per day: " + ", ".join(f"{d['day']} {d['count']}" for d in answer["timeline"]))
    if answer["platforms"]:
        print("platforms: " + ", ".join(f"{k} {v}" for k, v in answer["platforms"].items()))


def cmd_eval_variants(args: argparse.Namespace) -> int:
    """MAP@1, MAP@5, MRR, recall@10 of variant retrieval on a labelled corpus."""
    from analysis.embedding import SentenceTransformerEmbedder
    from analysis.variants import FusionModel
    from pipelines.eval_variants import evaluate_variants, read_corpus, read_qrels, read_queries

    names = [args.corpus, args.queries, args.qrels] + ([args.model] if args.model else [])
    missing = [name for name in names if not Path(name).is_file()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    try:
        docs, queries, qrels = read_corpus(args.corpus), read_queries(args.queries), read_qrels(args.qrels)
        model = FusionModel.load(args.model)
    except (ValueError, KeyError) as exc:
        raise UserError(str(exc)) from exc
    if not docs:
        raise UserError(f"the corpus {args.corpus} holds no document")
    embedding = EmbeddingSettings()
    embedder = SentenceTransformerEmbedder(
        embedding.embedding_model, device=embedding.embedding_device, batch_size=embedding.embed_batch_size
    )
    with _Progress() as progress:
        try:
            report = evaluate_variants(docs, queries, qrels, embedder, model, progress, args.cache_dir)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    if args.json:
        _print_json(report)
        return 0
    print(
        f"{report['queries']} queries, {report['documents']} documents, {report['elapsed_s']} s "
        f"(embedding {report['embedding_model']}, fusion cut-off {report['fusion']['cutoff']})"
    )
    print(f"{'method':<10} {'MAP@1':>6} {'MAP@5':>6} {'MRR':>6} {'R@10':>6}")
    for method in ("fused", "same_claim", "dense", "lexical"):
        m = report[method]
        print(f"{method:<10} {m['map@1']:>6.3f} {m['map@5']:>6.3f} {m['mrr']:>6.3f} {m['recall@10']:>6.3f}")
    if report["relevant_not_in_corpus"]:
        print(f"note: {report['relevant_not_in_corpus']} relevant pairs name documents not in the corpus")
    return 0


class _Progress:
    """Progress bars on stderr, one per stage (`corpus`, `queries`), for `evaluate_variants`."""

    def __enter__(self) -> _Progress:
        self._bars: dict[str, Any] = {}
        return self

    def __call__(self, what: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = self._bars.get(what)
        if bar is None:
            bar = self._bars[what] = tqdm(total=total, desc=what, unit="text", file=sys.stderr, disable=None)
        bar.update(done - bar.n)

    def __exit__(self, *exc: object) -> None:
        for bar in self._bars.values():
            bar.close()


COMMANDS = {"variants": cmd_variants}
EVALS = {"variants": cmd_eval_variants}
