"""Prefect deployment entry points: the flows of `flows/`, configured from settings at the edge.

Deployments carry only plain parameters (never the pseudonymisation key): each entry point reads
the settings of the machine that runs it (ONCOWATCH_* variables) and calls its flow.
`oncowatch flows serve` serves them all from one process; `deploy/prefect.yaml` declares the same
entry points for a work pool.
"""

from __future__ import annotations

from datetime import datetime

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.backfill import backfill
from flows.hooks import check_alerts, refresh_topics
from flows.stream import stream
from oncowatch.alert_commands import after_batch, deliver_alerts, load_config, open_alerts
from oncowatch.commands import _config
from oncowatch.settings import KafkaSettings, TopicSettings


@flow(name="stream-drain")
def stream_drain(max_batch: int | None = None, max_wait_s: float | None = None) -> dict:
    """Drain the raw-post topic (settings: ONCOWATCH_KAFKA_*, ONCOWATCH_STREAM_*); after every
    micro-batch, topics and alerts are brought up to date and new alerts delivered."""
    kafka = KafkaSettings()
    return stream(
        _config(),
        kafka.spec(),
        max_batch=max_batch or kafka.stream_max_batch,
        max_wait_s=max_wait_s or kafka.stream_max_wait_s,
        after_batch=after_batch,
    )


@flow(name="backfill-archive")
def backfill_archive(
    patterns: list[str], since: datetime | None = None, until: datetime | None = None
) -> dict:
    """Backfill archive files or globs, optionally only posts created in [since, until)."""
    summary = backfill(
        patterns,
        _config(),
        since=since,
        until=until,
        topic_params=TopicSettings().params(),
        alert_rules=load_config().rules,
    )
    summary["alerts"].pop("alerts", None)  # stored, not delivered: `oncowatch alerts` shows them
    return summary


@flow(name="refresh-topics-job")
def refresh_topics_job(since: datetime | None = None, until: datetime | None = None) -> dict:
    """Vectors, then topics stepped through every complete tick of event time not yet processed."""
    return refresh_topics(_config(), since=since, until=until, params=TopicSettings().params())


@flow(name="check-alerts-job")
def check_alerts_job(until: datetime | None = None) -> dict:
    """The alert rules at every complete tick not yet evaluated; the new alerts delivered."""
    config = load_config()
    report = check_alerts(_config(), config.rules, until=until)
    report["delivered"] = deliver_task(report.pop("alerts"), config.channels)
    return report


@task(cache_policy=NO_CACHE)
def deliver_task(alerts: list[dict], channels: list) -> dict:
    """Each new alert to each channel (retried with backoff inside); failures are stored and reported."""
    with open_alerts() as store:
        return deliver_alerts(store, alerts, channels)


#: (entry point, deployment name, schedule interval in seconds or None)
DEPLOYMENTS = (
    (stream_drain, "stream", 60),
    (backfill_archive, "backfill", None),
    (refresh_topics_job, "refresh-topics", 300),
    (check_alerts_job, "check-alerts", 300),
)


def serve() -> None:
    """Serve every deployment from this process (needs a Prefect API: PREFECT_API_URL or a local server)."""
    from prefect import serve as prefect_serve

    prefect_serve(
        *[
            entry.to_deployment(name=name, interval=interval) if interval else entry.to_deployment(name=name)
            for entry, name, interval in DEPLOYMENTS
        ]
    )
