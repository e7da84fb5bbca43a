"""The backfill flow: archive files through the ingest graph, with retries.

Configuration is read at the edge (the `oncowatch` CLI or a deployment entry point) and passed in
as a frozen `PipelineConfig`; the flow itself reads no environment.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task

from pipelines import ingest
from pipelines.config import PipelineConfig


@task(retries=2, retry_delay_seconds=[5, 30])
def ingest_files(paths: list[str], cfg: PipelineConfig) -> dict[str, int | float]:
    """Run the ingest graph over files; an upsert by post_id makes a retry safe."""
    report = ingest.run(paths, cfg)
    return {
        "read": report.read,
        "written": report.written,
        "dead_letters": report.dead_letters,
        "duplicates": report.duplicates,
        "vectors_indexed": report.vectors_indexed,
        "elapsed_s": round(report.elapsed_s, 2),
    }


@task
def expand(patterns: list[str]) -> list[str]:
    """Files named directly or by glob, sorted, each once."""
    found: list[str] = []
    for pattern in patterns:
        path = Path(pattern)
        is_glob = any(c in pattern for c in "*?[")
        matches = sorted(str(p) for p in path.parent.glob(path.name)) if is_glob else [pattern]
        found.extend(m for m in matches if m not in found)
    return found


@flow(name="backfill", log_prints=False)
def backfill(patterns: list[str], cfg: PipelineConfig) -> dict[str, int | float]:
    """Ingest archive files (names or globs) into the store; re-running it duplicates nothing."""
    logger = get_run_logger()
    paths = expand(patterns)
    if not paths:
        raise FileNotFoundError(f"no files match {patterns}")
    logger.info("backfill of %d files into %s", len(paths), cfg.store.path)
    summary = ingest_files(paths, cfg)
    logger.info("backfill done: %s", summary)
    return summary
