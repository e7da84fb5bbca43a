"""A data dir holding an ingested sample stream: built once per (n, days, seed), reused by benchmarks."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def sample_store(folder: Path, n: int, days: int, seed: int) -> Path:
    """`folder` with N sample posts over D days ingested through the pipeline (slow, only the first time).

    A `BUILT` file marks a finished build; an interrupted one is simply built again.
    """
    from pipelines import ingest
    from pipelines.config import PipelineConfig, StoreSpec
    from pipelines.sources.sample import generate, write_jsonl

    done = folder / "BUILT"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    stream = folder / "stream.jsonl"
    with stream.open("w", encoding="utf-8") as out:
        write_jsonl(generate(n, days=days, seed=seed), out)
    cfg = PipelineConfig(
        store=StoreSpec(path=folder / "oncowatch.sqlite", vectors_dir=folder / "vectors"),
        privacy_key=b"benchmark-key-not-a-secret",
        embedding_device=os.environ.get("ONCOWATCH_EMBEDDING_DEVICE", "cpu"),
    )
    print(f"building the store: {n} posts through ingest into {folder} (slow, once)", file=sys.stderr)
    started = time.perf_counter()
    report = ingest.run([str(stream)], cfg)
    elapsed = time.perf_counter() - started
    done.write_text(json.dumps({"posts": report.written, "build_s": round(elapsed, 1)}) + "\n")
    stream.unlink()
    return folder
