"""Scheduled hooks the later stages fill: `refresh-topics` and `check-alerts`.

Both work on event time over a window of posts' `created_at`. Today `refresh-topics` brings the
vector index up to date (what topic discovery reads) and `check-alerts` counts the window's posts
per primary category and platform (what spike rules read); topic discovery and the alert rules
themselves arrive with their issues and plug in here.
"""

from __future__ import annotations

from datetime import datetime

from prefect import flow, get_run_logger, task
from prefect.tasks import exponential_backoff

from pipelines import ingest
from pipelines.config import PipelineConfig


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def sync_vectors(cfg: PipelineConfig) -> int:
    """Vectors added to the current model's FAISS index from the store."""
    return ingest.sync_vectors(cfg)


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def window_counts(cfg: PipelineConfig, since: datetime | None, until: datetime | None) -> dict:
    """Posts created in [since, until) per primary category and per platform."""
    from indexing.base import PostFilter

    store = cfg.store.open()
    try:
        flt = PostFilter(since=since, until=until)
        return {
            "posts": store.count(flt),
            "by_category": store.terms("primary", flt),
            "by_platform": store.terms("platform", flt),
        }
    finally:
        store.close()


@flow(name="refresh-topics")
def refresh_topics(cfg: PipelineConfig, since: datetime | None = None, until: datetime | None = None) -> dict:
    """Bring what topic discovery reads up to date for [since, until)."""
    added = sync_vectors(cfg)
    get_run_logger().info("refresh-topics: %d vectors added to the index", added)
    return {"vectors_added": added, "since": since, "until": until}


@flow(name="check-alerts")
def check_alerts(cfg: PipelineConfig, since: datetime | None = None, until: datetime | None = None) -> dict:
    """Count the window's posts per category and platform, the series the alert rules read."""
    counts = window_counts(cfg, since, until)
    get_run_logger().info("check-alerts: %d posts in the window", counts["posts"])
    return counts
