"""Ingest throughput: end-to-end `ingest` against raw `SentenceTransformer.encode`, same texts, same run.

    .venv/bin/python benchmarks/ingest.py [--n 5000] [--seed 3] [--json]

Each side runs in its own process so that each peak memory (max RSS) is its own. The pipeline side
is the whole path (Beam DirectRunner, privacy, duplicates, embedding, classification, SQLite and
FAISS writes) on a fresh data dir, model load included; the raw side is `encode` alone on every text.
Goal (issue 3): pipeline rate >= 70% of the raw encoder's. "cold" includes loading the model and
classifier in the process; "warm" starts with them loaded, as a running stream worker has them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def part_raw(stream: Path) -> dict:
    """Load the model (not timed), then time encode() over every text."""
    from sentence_transformers import SentenceTransformer

    from analysis.embedding import resolve_model_path

    texts = [json.loads(line)["text"] for line in stream.open(encoding="utf-8")]
    model = SentenceTransformer(resolve_model_path("all-MiniLM-L6-v2"), device="cpu")
    model.encode(texts[:64], batch_size=64)  # warm-up, as the pipeline's first batch is
    started = time.perf_counter()
    model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    elapsed = time.perf_counter() - started
    return {"texts": len(texts), "elapsed_s": elapsed, "per_s": len(texts) / elapsed, "peak_mib": _peak_mib()}


def part_pipeline(stream: Path, data_dir: Path, warm: bool = False) -> dict:
    """The whole ingest on a fresh data dir; `warm`: models already loaded, as in a running worker."""
    from pipelines import ingest
    from pipelines.config import PipelineConfig, StoreSpec
    from pipelines.models import shared_classifier

    cfg = PipelineConfig(
        store=StoreSpec(path=data_dir / "oncowatch.sqlite", vectors_dir=data_dir / "vectors"),
        privacy_key=b"benchmark-key-not-a-secret",
    )
    if warm:
        shared_classifier(cfg)
    started = time.perf_counter()
    report = ingest.run([str(stream)], cfg)
    elapsed = time.perf_counter() - started
    return {
        "posts": report.written,
        "embedded": report.embedded,
        "duplicates": report.duplicates,
        "elapsed_s": elapsed,
        "per_s": report.written / elapsed,
        "peak_mib": _peak_mib(),
    }


def _child(part: str, stream: Path, data_dir: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--part", part, "--stream", str(stream), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run both sides and report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--part", choices=["raw", "pipeline", "warm"], help=argparse.SUPPRESS)
    parser.add_argument("--stream", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    if args.part == "raw":
        print(json.dumps(part_raw(args.stream)))
        return
    if args.part in ("pipeline", "warm"):
        print(json.dumps(part_pipeline(args.stream, args.data_dir, warm=args.part == "warm")))
        return

    from analysis.embedding import SentenceTransformerEmbedder
    from pipelines.classifiers import build_classifier
    from pipelines.sources.sample import generate, write_jsonl

    # Training the classifier is a one-off (cached by corpus digest), like installing: not timed.
    build_classifier("trained", SentenceTransformerEmbedder())
    with tempfile.TemporaryDirectory(prefix="oncowatch-bench-") as tmp:
        stream = Path(tmp) / "stream.jsonl"
        with stream.open("w", encoding="utf-8") as out:
            write_jsonl(generate(args.n, days=7, seed=args.seed), out)
        raw = _child("raw", stream, Path(tmp) / "unused")
        pipe = _child("pipeline", stream, Path(tmp) / "data")
        warm = _child("warm", stream, Path(tmp) / "data-warm")
    result = {
        "benchmark": "ingest",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus",
        "n": args.n,
        "raw_encode": raw,
        "pipeline": pipe,
        "pipeline_warm": warm,
        "ratio": pipe["per_s"] / raw["per_s"],
        "ratio_warm": warm["per_s"] / raw["per_s"],
        "goal_ratio": 0.70,
    }
    out_file = HERE / "results" / f"ingest-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out_file.write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"raw encode : {raw['per_s']:8.1f} texts/s  ({raw['texts']} in {raw['elapsed_s']:.1f} s, "
        f"peak {raw['peak_mib']:.0f} MiB)"
    )
    print(
        f"ingest     : {pipe['per_s']:8.1f} posts/s  ({pipe['posts']} in {pipe['elapsed_s']:.1f} s, "
        f"{pipe['embedded']} embedded, peak {pipe['peak_mib']:.0f} MiB)"
    )
    print(f"ingest warm: {warm['per_s']:8.1f} posts/s  ({warm['posts']} in {warm['elapsed_s']:.1f} s, "
          f"models already loaded, peak {warm['peak_mib']:.0f} MiB)")
    print(f"ratio      : {result['ratio']:.2f} cold, {result['ratio_warm']:.2f} warm (goal >= 0.70); "
          f"saved {out_file.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
