"""Settings, read once at the edge (CLI, flows), one class per domain, env prefix ONCOWATCH_."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipelines.config import PipelineConfig, StoreSpec

#: The key used only in the clearly-named demo mode; pseudonyms made with it protect nobody.
DEMO_PRIVACY_KEY = b"oncowatch-demo-key-NOT-FOR-REAL-DATA"
_PLACEHOLDERS = {"changeme", "change-me", "secret", "password", "demo", "test", "key"}

_COMMON = SettingsConfigDict(env_prefix="ONCOWATCH_", extra="ignore", frozen=True)


class StorageSettings(BaseSettings):
    """Where the embedded default keeps everything it writes."""

    model_config = _COMMON

    data_dir: Path = Field(default=Path(".oncowatch"), description="Folder for the store, vectors, state.")
    store_backend: str = Field(default="sqlite", pattern="^(sqlite)$", description="Store backend.")
    store_busy_timeout_s: float = Field(
        default=30.0, gt=0, le=600, description="How long a write waits for another writer's lock."
    )

    @property
    def store_path(self) -> Path:
        """The SQLite file of the embedded store."""
        return self.data_dir / "oncowatch.sqlite"

    @property
    def vectors_dir(self) -> Path:
        """Folder of the FAISS indexes, one per embedding model."""
        return self.data_dir / "vectors"


class TopicSettings(BaseSettings):
    """Emerging topics: the step of event time and the method's thresholds (analysis/topics.py)."""

    model_config = _COMMON

    topic_interval_minutes: int = Field(default=30, ge=1, le=1440, description="Event time between ticks.")
    topic_window_hours: float = Field(
        default=24.0, gt=0, le=24 * 14, description="Waiting posts this recent are clustered into new topics."
    )
    topic_join: float = Field(default=0.55, gt=0, lt=1, description="Cosine to a centroid to join a topic.")
    topic_merge: float = Field(default=0.85, gt=0, lt=1, description="Cosine of two centroids that merge.")
    topic_min_size: int = Field(default=5, ge=2, le=1000, description="Posts a new topic needs.")
    topic_retire_days: float = Field(default=7.0, gt=0, description="Days without a post before retirement.")

    def params(self):
        """The method's parameters."""
        from datetime import timedelta

        from analysis.topics import TopicParams

        return TopicParams(
            interval=timedelta(minutes=self.topic_interval_minutes),
            window=timedelta(hours=self.topic_window_hours),
            join=self.topic_join,
            merge=self.topic_merge,
            min_size=self.topic_min_size,
            retire_after=timedelta(days=self.topic_retire_days),
        )


class AlertSettings(BaseSettings):
    """Where the alert rules and channels come from (the file's own keys are in alert_rules.toml)."""

    model_config = _COMMON

    alert_rules: Path | None = Field(
        default=None,
        description="Alert rules file (TOML); default: <data dir>/alerts.toml if present, else the defaults.",
    )

    def rules_path(self, data_dir: Path) -> Path:
        """The rules file in force."""
        from importlib import resources

        if self.alert_rules is not None:
            if not self.alert_rules.is_file():
                raise FileNotFoundError(f"ONCOWATCH_ALERT_RULES: no such file: {self.alert_rules}")
            return self.alert_rules
        local = data_dir / "alerts.toml"
        return local if local.is_file() else Path(str(resources.files("oncowatch") / "alert_rules.toml"))


class PrivacySettings(BaseSettings):
    """Pseudonymisation: the key is a deployment secret, required outside demo mode."""

    model_config = _COMMON

    privacy_key: SecretStr | None = Field(
        default=None, description="Secret key for pseudonymising authors and mentions (>= 16 chars)."
    )
    demo: bool = Field(default=False, description="Demo mode: use a fixed, public key. Never for real data.")
    phone_region: str = Field(
        default="US", min_length=2, max_length=2, description="Region for national phone numbers."
    )

    @field_validator("privacy_key")
    @classmethod
    def _not_a_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return value
        secret = value.get_secret_value()
        if secret.lower() in _PLACEHOLDERS or len(secret) < 16:
            raise ValueError("ONCOWATCH_PRIVACY_KEY must be a real secret of at least 16 characters")
        return value

    def key(self) -> bytes:
        """The key to use; refuses to run without one outside demo mode."""
        if self.privacy_key is not None:
            return self.privacy_key.get_secret_value().encode()
        if self.demo:
            return DEMO_PRIVACY_KEY
        raise MissingPrivacyKey(
            "no pseudonymisation key: set ONCOWATCH_PRIVACY_KEY to a secret of at least 16 characters, "
            "or pass --demo (ONCOWATCH_DEMO=1) to use the public demo key on synthetic data"
        )


class EmbeddingSettings(BaseSettings):
    """The sentence-transformers model; never downloaded at run time."""

    model_config = _COMMON

    embedding_model: str = Field(
        default="all-MiniLM-L6-v2",
        description="The packaged all-MiniLM-L6-v2, or a local sentence-transformers directory.",
    )
    embedding_device: str = Field(default="cpu", description="torch device.")
    embed_batch_size: int = Field(default=64, ge=1, le=4096, description="Texts per encode call.")


class PipelineSettings(BaseSettings):
    """How the Beam pipelines run."""

    model_config = _COMMON

    runner: str = Field(
        default="FnApiRunner",
        description="Beam runner: FnApiRunner (in process, the embedded default) or a distributed one.",
    )
    write_batch_size: int = Field(default=500, ge=1, le=100_000, description="Posts per store write.")


class ClassifierSettings(BaseSettings):
    """Which classifier labels posts, its per-category thresholds, and where its trained form is cached."""

    model_config = _COMMON

    classifier: str = Field(
        default="trained",
        pattern="^(trained|baseline)$",
        description="trained: calibrated heads on the labelled corpus; baseline: cues + prototypes.",
    )
    thresholds: dict[str, float] = Field(
        default_factory=dict,
        description='Per-category label thresholds, JSON, e.g. {"miracle_cure": 0.6}; others keep theirs.',
    )
    model_cache: Path | None = Field(
        default=None, description="Folder for trained classifiers (default ~/.cache/oncowatch/models)."
    )

    @field_validator("thresholds")
    @classmethod
    def _known_and_bounded(cls, value: dict[str, float]) -> dict[str, float]:
        from schemas import CATEGORIES

        for name, threshold in value.items():
            if name not in CATEGORIES or name == "other":
                raise ValueError(f"no threshold for {name!r}: use one of the categories but 'other'")
            if not 0.0 <= threshold <= 1.0:
                raise ValueError(f"threshold for {name} must be within 0..1")
        return value


class KafkaSettings(BaseSettings):
    """The stream: where the broker is, the topics, the consumer group and the micro-batch size."""

    model_config = _COMMON

    kafka_bootstrap: str | None = Field(
        default=None, description="host:port[,...] of the Kafka cluster (`oncowatch broker` prints one)."
    )
    kafka_api_version: str | None = Field(
        default=None,
        pattern=r"^\d+\.\d+(\.\d+)?$",
        description="Kafka protocol version to speak, e.g. 2.3 (the embedded broker's); unset: negotiate.",
    )
    kafka_topic: str = Field(default="posts.raw", min_length=1, description="Topic of raw posts.")
    kafka_dead_letter_topic: str = Field(
        default="posts.deadletter", min_length=1, description="Topic of malformed messages."
    )
    kafka_group_id: str = Field(default="oncowatch-ingest", min_length=1, description="Consumer group.")
    stream_max_batch: int = Field(default=2000, ge=1, le=100_000, description="Messages per micro-batch.")
    stream_max_wait_s: float = Field(
        default=0.25, gt=0, le=300, description="Longest wait for a micro-batch to fill, in seconds."
    )

    def spec(self, bootstrap: str | None = None, topic: str | None = None):
        """The frozen KafkaSpec the pipelines use; raises when no bootstrap address is known."""
        from pipelines.sources.kafka import KafkaSpec

        address = bootstrap or self.kafka_bootstrap
        if not address:
            raise MissingBootstrap(
                "no Kafka cluster: pass --bootstrap HOST:PORT or set ONCOWATCH_KAFKA_BOOTSTRAP "
                "(for a demo, `oncowatch broker` starts an embedded one and prints its address)"
            )
        return KafkaSpec(
            bootstrap=address,
            topic=topic or self.kafka_topic,
            dead_letter_topic=self.kafka_dead_letter_topic,
            group_id=self.kafka_group_id,
            api_version=tuple(int(part) for part in self.kafka_api_version.split("."))
            if self.kafka_api_version
            else None,
        )


class WebSettings(BaseSettings):
    """`oncowatch serve`: where it listens, how long a sign-in lasts, how failed sign-ins are limited."""

    model_config = _COMMON

    web_host: str = Field(default="127.0.0.1", min_length=1, description="Address the server listens on.")
    web_port: int = Field(default=8750, ge=1, le=65535, description="Port the server listens on.")
    web_session_hours: float = Field(
        default=12.0, gt=0, le=24 * 30, description="Hours a sign-in lasts before a new login is needed."
    )
    web_login_attempts: int = Field(
        default=5, ge=1, le=100, description="Failed logins allowed per user name and per client per window."
    )
    web_login_window_minutes: float = Field(
        default=15.0, gt=0, le=24 * 60, description="The window failed logins are counted over, in minutes."
    )
    web_secure_cookies: bool = Field(
        default=True, description="Send the session cookie only over HTTPS (and http://localhost)."
    )


class MissingBootstrap(RuntimeError):
    """Raised when a Kafka command has no cluster address."""


class MissingPrivacyKey(RuntimeError):
    """Raised when a run would pseudonymise with no key outside demo mode."""


def pipeline_config(
    storage: StorageSettings,
    privacy: PrivacySettings,
    embedding: EmbeddingSettings,
    pipeline: PipelineSettings,
    classifier: ClassifierSettings | None = None,
) -> PipelineConfig:
    """The frozen configuration passed inward to the pipelines."""
    labels = classifier or ClassifierSettings()
    return PipelineConfig(
        store=StoreSpec(
            backend=storage.store_backend,
            path=storage.store_path,
            vectors_dir=storage.vectors_dir,
            busy_timeout_ms=int(storage.store_busy_timeout_s * 1000),
        ),
        privacy_key=privacy.key(),
        embedding_model=embedding.embedding_model,
        embedding_device=embedding.embedding_device,
        embed_batch_size=embedding.embed_batch_size,
        write_batch_size=pipeline.write_batch_size,
        runner=pipeline.runner,
        default_phone_region=privacy.phone_region,
        demo=privacy.key() == DEMO_PRIVACY_KEY,
        classifier=labels.classifier,
        thresholds=tuple(sorted(labels.thresholds.items())),
        model_cache=labels.model_cache,
    )
