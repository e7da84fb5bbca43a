"""The stream flow: drain the raw-post topic in micro-batches, one Prefect task run per batch.

Run on a schedule (every minute in `deploy/`), each run joins the consumer group, works through
what the topic holds, commits each batch after the store and the vector index have flushed it,
and leaves. A failing batch is rewound and its task retried with backoff; the offsets stay.
"""

from __future__ import annotations

from collections.abc import Callable

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from pipelines.config import PipelineConfig
from pipelines.sources.kafka import KafkaSpec
from pipelines.stream import StreamConsumer, StreamSummary


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def connect(consumer: StreamConsumer, timeout_s: float) -> None:
    """Wait for the broker (a clear error after `timeout_s`) and join the group."""
    consumer.connect(timeout_s=timeout_s)


@task(
    retries=5, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE,
    task_run_name="batch",
)
def consume_batch(consumer: StreamConsumer) -> dict | None:
    """One micro-batch: poll, graph, store and vectors, commit; None when the topic is drained."""
    report = consumer.step()
    return None if report is None else report.as_dict()


@flow(name="stream", log_prints=False)
def stream(
    cfg: PipelineConfig,
    spec: KafkaSpec,
    max_batch: int = 2000,
    max_wait_s: float = 0.25,
    max_batches: int | None = None,
    connect_timeout_s: float = 60.0,
    after_batch: Callable[[dict], None] | None = None,
) -> dict:
    """Drain the topic: batches until one wait window brings nothing (or `max_batches`)."""
    logger = get_run_logger()
    consumer = StreamConsumer(cfg, spec, max_batch=max_batch, max_wait_s=max_wait_s)
    summary = StreamSummary()
    connect(consumer, connect_timeout_s)
    try:
        empty_windows = 0
        while max_batches is None or summary.batches < max_batches:
            report = consume_batch(consumer)
            if report is None:
                # The first empty windows may come before the group has handed out partitions,
                # or before the first fetch of a fresh assignment returns.
                empty_windows += 1
                settled = consumer.assigned() and (summary.batches > 0 or empty_windows >= 3)
                if settled or empty_windows * max_wait_s > connect_timeout_s:
                    break
                continue
            if after_batch is not None:
                after_batch(report)  # topics and alerts of what the batch completed (oncowatch/)
            summary.batches += 1
            summary.messages += report["messages"]
            summary.written += report["written"]
            summary.dead_letters += report["dead_letters"]
    finally:
        consumer.close()
    logger.info(
        "stream drained %s: %d batches, %d messages, %d posts written, %d dead letters",
        spec.topic, summary.batches, summary.messages, summary.written, summary.dead_letters,
    )
    return summary.as_dict()
