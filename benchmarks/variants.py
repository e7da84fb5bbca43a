"""Latency of `oncowatch variants` on a store of 100,000 posts (p50, p95), saved under benchmarks/results/.

    .venv/bin/python benchmarks/variants.py [--n 100000] [--queries 200] [--json]

The store is the synthetic sample stream (`--n` posts over `--days` days) ingested through the real
pipeline once and kept in $ONCOWATCH_BENCH_DIR/variants-n<N>-d<D>-s<S>/ (default ./.bench/...):
later runs reuse it. Building it is the slow part (about 9 minutes per 100,000 posts on 2 CPU cores;
more cores, or ONCOWATCH_EMBEDDING_DEVICE=cuda, go faster); the queries take seconds.

Timed per query, in one warm process (model loaded, store and FAISS index open, one thread each
for torch and FAISS, as `oncowatch variants` and a query server run):
- `post`: `--post-id` of a random stored post (its stored vector, no encoding);
- `text`: `--text` of a planted rumour phrasing (one encoding of the query);
- `window`: `--post-id` with a 1-day `--since/--until` window (searched among its own posts).
The whole answer is built each time: candidates, fusion, posts read, stance, families, timeline.
Goal (issue 6): p95 under 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
BENCH = Path(os.environ.get("ONCOWATCH_BENCH_DIR") or ".bench")

from sample_store import sample_store  # noqa: E402 - a sibling script, found once HERE is on the path

TEXTS = [
    "baking soda cures cancer",
    "drinking alkaline water kills cancer cells",
    "apricot kernels vitamin B17 cure cancer naturally",
    "chemo is poison, doctors hide the natural cure",
    "soursop leaf tea is stronger than chemotherapy",
    "DM me to order the herbal capsules that shrink tumours",
    "new immunotherapy approved for lung cancer",
    "my neighbour's medical record number was posted online",
    "turmeric cured my aunt's breast cancer",
    "cannabis oil cures every cancer, big pharma hides it",
]


def build_store(n: int, days: int, seed: int) -> Path:
    """The data dir of an ingested sample stream, built once and reused."""
    return sample_store(BENCH / f"variants-n{n}-d{days}-s{seed}", n, days, seed)


def _percentiles(values: list[float]) -> dict:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(pick(0.95), 1),
        "max_ms": round(ordered[-1], 1),
    }


def main() -> None:
    """Build (or reuse) the store, time the queries, print and save the report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="posts in the store (default 100,000)")
    parser.add_argument("--days", type=int, default=30, help="days the stream spans (default 30)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--queries", type=int, default=200, help="timed queries of each kind (default 200)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from analysis.embedding import SentenceTransformerEmbedder
    from indexing import SQLiteStore, VectorIndex
    from pipelines.variants import VariantFinder, single_query_threads

    folder = build_store(args.n, args.days, args.seed)
    single_query_threads()  # as `oncowatch variants` and a query server run
    store = SQLiteStore(folder / "oncowatch.sqlite", readonly=True)
    index = VectorIndex.for_store(folder / "vectors", "all-MiniLM-L6-v2", store)
    if index is None:
        raise SystemExit(f"no vector index in {folder}")
    finder = VariantFinder(store, index, SentenceTransformerEmbedder())
    rng = random.Random(args.seed)  # noqa: S311 - choosing queries, not secrets
    post_ids = [p.post_id for p in store.iter_posts()]
    start = store.get_post(post_ids[0]).created_at  # iter_posts gives the oldest first
    finder.find(finder.query_for_post(post_ids[0]))  # warm-up: first reads, first FTS pages

    def timed(make, **window) -> tuple[float, dict]:
        began = time.perf_counter()
        answer = finder.find(make(), **window)
        return (time.perf_counter() - began) * 1000, answer

    kinds: dict[str, list[float]] = {"post": [], "text": [], "window": []}
    totals: dict[str, list[int]] = {k: [] for k in kinds}
    for i in range(args.queries):
        post_id = rng.choice(post_ids)
        ms, answer = timed(lambda pid=post_id: finder.query_for_post(pid))
        kinds["post"].append(ms)
        totals["post"].append(answer["total"])
        text = TEXTS[i % len(TEXTS)]
        ms, answer = timed(lambda t=text: finder.queries_for_texts([t])[0])
        kinds["text"].append(ms)
        totals["text"].append(answer["total"])
        since = start + timedelta(days=rng.randrange(args.days))
        ms, answer = timed(
            lambda pid=post_id: finder.query_for_post(pid), since=since, until=since + timedelta(days=1)
        )
        kinds["window"].append(ms)
        totals["window"].append(answer["total"])
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "store": {"posts": store.count(), "vectors": len(index), "folder": str(folder)},
        "build": json.loads((folder / "BUILT").read_text()),
        "latency": {kind: _percentiles(values) for kind, values in kinds.items()},
        "all": _percentiles([v for values in kinds.values() for v in values]),
        "variants_found_median": {kind: statistics.median(t) for kind, t in totals.items()},
    }
    store.close()
    out = HERE / "results" / f"variants-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"store: {report['store']['posts']} posts, {report['store']['vectors']} vectors ({folder})")
    for kind, lat in report["latency"].items():
        p50, p95, top = lat["p50_ms"], lat["p95_ms"], lat["max_ms"]
        print(f"{kind:<7} p50 {p50:>7.1f} ms  p95 {p95:>7.1f} ms  max {top:>7.1f} ms")
    print(f"all     p50 {report['all']['p50_ms']:>7.1f} ms  p95 {report['all']['p95_ms']:>7.1f} ms")
    print(f"saved {out}")


if __name__ == "__main__":
    main()
