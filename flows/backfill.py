"""The backfill flow: archive files through the ingest graph, with retries.

Configuration is read at the edge (the `oncowatch` CLI or a deployment entry point) and passed in
as a frozen `PipelineConfig`; the flow itself reads no environment.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.tasks import exponential_backoff

from analysis.alerts import AlertRules
from analysis.topics import TopicParams
from flows.hooks import evaluate_alerts, step_topics
from pipelines import ingest
from pipelines.config import PipelineConfig
from pipelines.stages.decode import EventWindow


@task(retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=5))
def ingest_files(
    paths: list[str], cfg: PipelineConfig, window: EventWindow | None = None
) -> dict[str, int | float]:
    """Run the ingest graph over files; an upsert by post_id makes a retry safe."""
    report = ingest.run(paths, cfg, window=window)
    return {
        "read": report.read,
        "written": report.written,
        "outside_window": report.outside_window,
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
def backfill(
    patterns: list[str],
    cfg: PipelineConfig,
    since: datetime | None = None,
    until: datetime | None = None,
    topic_params: TopicParams | None = None,
    alert_rules: AlertRules | None = None,
) -> dict:
    """Ingest archive files (names or globs) into the store, step topics through what came in, then
    evaluate the alert rules over it (alerts marked backfilled: the caller decides on delivery).

    `since`/`until` keep only posts created in that event-time range (until exclusive). Re-running
    it duplicates nothing and changes no topic: the posts are already stored and already seen.
    """
    logger = get_run_logger()
    window = EventWindow(since, until) if since or until else None
    paths = expand(patterns)
    if not paths:
        raise FileNotFoundError(f"no files match {patterns}")
    logger.info(
        "backfill of %d files into %s (event time %s to %s)",
        len(paths),
        cfg.store.path,
        since or "the beginning",
        until or "now",
    )
    summary = ingest_files(paths, cfg, window)
    summary["topics"] = step_topics(cfg, topic_params, None, None, True)
    summary["alerts"] = evaluate_alerts(cfg, alert_rules or AlertRules.default(), None, True)
    logger.info("backfill done: %s", summary)
    return summary
