"""An embedded Kafka broker for demos and tests: librdkafka's mock cluster, from confluent-kafka.

It speaks the real Kafka wire protocol (produce, fetch, consumer groups, offset commits) from
memory, inside the process that holds it; it stores nothing on disk and vanishes with that
process. Topics are created on first use with 4 partitions. It is no substitute for a real
cluster in production: point `--bootstrap` / ONCOWATCH_KAFKA_BOOTSTRAP at one instead.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: Partitions of a topic the mock cluster creates on first use (librdkafka's default).
PARTITIONS = 4

#: The protocol version kafka-python must speak to it (ONCOWATCH_KAFKA_API_VERSION): the mock
#: cluster answers newer ApiVersions and LeaveGroup requests in a form kafka-python cannot read.
API_VERSION = "2.3"


class EmbeddedBroker:
    """A mock cluster of `brokers` brokers on 127.0.0.1; `bootstrap` is its address."""

    def __init__(self, brokers: int = 1) -> None:
        try:
            from confluent_kafka import Producer
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise RuntimeError("the embedded broker needs the confluent-kafka package") from exc
        # The mock cluster lives as long as this client handle; bootstrap.servers is ignored.
        self._handle = Producer({"test.mock.num.brokers": brokers, "bootstrap.servers": "", "log_level": 3})
        metadata = self._handle.list_topics(timeout=10)
        if not metadata.brokers:
            raise RuntimeError("the embedded broker did not start")
        self.bootstrap = ",".join(f"{b.host}:{b.port}" for b in sorted(
            metadata.brokers.values(), key=lambda broker: broker.id
        ))
        log.info("embedded Kafka broker at %s", self.bootstrap)

    def close(self) -> None:
        """Stop the cluster; every message it held is gone."""
        if self._handle is not None:
            self._handle.flush(1)
            self._handle = None

    def __enter__(self) -> EmbeddedBroker:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
