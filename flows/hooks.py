"""Scheduled flows on event time: `refresh-topics` and `check-alerts`.

`refresh-topics` brings the vector index up to date and then steps topics through every complete
tick of event time that the stored posts reach (pipelines/topics.py): scheduled every few minutes
beside the stream, it is the live topic refresh. `check-alerts` evaluates the alert rules at every
complete tick of event time not yet evaluated (pipelines/alerts.py) and returns the new alerts.
"""

from __future__ import annotations

from datetime import datetime

from prefect import flow, get_run_logger, task
from prefect.tasks import exponential_backoff

from analysis.alerts import AlertRules
from analysis.topics import TopicParams
from pipelines import alerts as alert_checks
from pipelines import ingest
from pipelines import topics as topic_refresh
from pipelines.config import PipelineConfig


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def sync_vectors(cfg: PipelineConfig) -> int:
    """Vectors added to the current model's FAISS index from the store."""
    return ingest.sync_vectors(cfg)


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2))
def evaluate_alerts(cfg: PipelineConfig, rules: AlertRules, until: datetime | None, backfilled: bool) -> dict:
    """The alert rules at every tick not yet evaluated; a retry redoes only the ticks not stored."""
    report = alert_checks.check_store(cfg, rules, until=until, backfilled=backfilled)
    return {**report.as_dict(), "alerts": report.alerts}


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
def check_alerts(
    cfg: PipelineConfig,
    rules: AlertRules | None = None,
    until: datetime | None = None,
    backfilled: bool = False,
) -> dict:
    """The alert rules over every complete tick of event time not yet evaluated (after the topics,
    which the growth rule reads). Returns the check's report with the new alerts; delivering them is
    the caller's (oncowatch/)."""
    report = evaluate_alerts(cfg, rules or AlertRules.default(), until, backfilled)
    get_run_logger().info(
        "check-alerts: %d ticks (%s .. %s), %d new alerts %s",
        report["ticks"], report["first_tick"], report["last_tick"], report["new_alerts"], report["by_kind"],
    )  # fmt: skip
    return report
