"""Scheduled flows on event time: `refresh-topics` and `check-alerts`.

`refresh-topics` brings the vector index up to date and then steps topics through every complete
tick of event time that the stored posts reach (pipelines/topics.py): scheduled every few minutes
beside the stream, it is the live topic refresh. `check-alerts` counts the window's posts per
primary category and platform (what the spike rules of the alerts read).
"""

from __future__ import annotations

from datetime import datetime

from prefect import flow, get_run_logger, task
from prefect.tasks import exponential_backoff

from analysis.topics import TopicParams
from pipelines import ingest
from pipelines import topics as topic_refresh
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


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def step_topics(
    cfg: PipelineConfig,
    params: TopicParams | None,
    since: datetime | None,
    until: datetime | None,
    include_partial: bool,
) -> dict:
    """Topics stepped through event time; a retry redoes only the day that was not written."""
    report = topic_refresh.refresh_store(
        cfg, params, since=since, until=until, include_partial=include_partial
    )
    return report.as_dict()


@flow(name="refresh-topics")
def refresh_topics(
    cfg: PipelineConfig,
    since: datetime | None = None,
    until: datetime | None = None,
    params: TopicParams | None = None,
    include_partial: bool = False,
) -> dict:
    """Vectors, then topics over [since, until) of event time (default: every post not seen yet).

    Live schedules leave `include_partial` off: the tick in progress waits until it is complete, so
    live topics are those a backfill of the same posts would give.
    """
    added = sync_vectors(cfg)
    topics = step_topics(cfg, params, since, until, include_partial)
    get_run_logger().info(
        "refresh-topics: %d vectors added; %d posts seen, %d born, %d retired over %s .. %s",
        added, topics["posts_seen"], len(topics["born"]), len(topics["retired"]), topics["first_tick"],
        topics["last_tick"],
    )  # fmt: skip
    return {"vectors_added": added, "topics": topics}


@flow(name="check-alerts")
def check_alerts(cfg: PipelineConfig, since: datetime | None = None, until: datetime | None = None) -> dict:
    """Count the window's posts per category and platform, the series the alert rules read."""
    counts = window_counts(cfg, since, until)
    get_run_logger().info("check-alerts: %d posts in the window", counts["posts"])
    return counts
