"""Settings refuse unsafe values; the input schema is exported from the models."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from oncowatch.cli import main
from oncowatch.settings import DEMO_PRIVACY_KEY, MissingPrivacyKey, PrivacySettings, StorageSettings
from schemas import CATEGORIES


def test_no_key_outside_demo_mode_is_refused(monkeypatch):
    monkeypatch.delenv("ONCOWATCH_PRIVACY_KEY", raising=False)
    monkeypatch.delenv("ONCOWATCH_DEMO", raising=False)
    with pytest.raises(MissingPrivacyKey, match="ONCOWATCH_PRIVACY_KEY"):
        PrivacySettings().key()


def test_demo_mode_uses_the_public_demo_key(monkeypatch):
    monkeypatch.delenv("ONCOWATCH_PRIVACY_KEY", raising=False)
    monkeypatch.setenv("ONCOWATCH_DEMO", "1")
    assert PrivacySettings().key() == DEMO_PRIVACY_KEY


@pytest.mark.parametrize("secret", ["changeme", "short"])
def test_placeholder_or_short_keys_are_refused(monkeypatch, secret):
    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", secret)
    with pytest.raises(ValidationError):
        PrivacySettings()


def test_data_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ONCOWATCH_DATA_DIR", str(tmp_path))
    assert StorageSettings().store_path == tmp_path / "oncowatch.sqlite"


def test_schema_command_prints_the_input_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) == {"id", "platform", "created_at", "text"}
    assert schema["additionalProperties"] is True
    assert "miracle_cure" in schema["description"]


def test_taxonomy_is_the_ten_names_of_the_domain():
    assert CATEGORIES == (
        "miracle_cure", "scam_ad", "privacy_leak", "new_therapy", "peer_support", "emotional_distress",
        "awareness", "care_access", "financial_support", "other",
    )


def test_queries_on_a_missing_store_say_what_to_do(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "none"), "search", "x"]) == 2
    assert "ingest something first" in capsys.readouterr().err


def test_bad_time_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "oncowatch.sqlite").touch()
    assert main(["--data-dir", str(tmp_path), "search", "x", "--since", "yesterday"]) == 2
    assert "ISO 8601" in capsys.readouterr().err


def test_kafka_commands_without_a_cluster_say_what_to_do(monkeypatch, capsys):
    monkeypatch.delenv("ONCOWATCH_KAFKA_BOOTSTRAP", raising=False)
    monkeypatch.setenv("ONCOWATCH_DEMO", "1")
    assert main(["stream", "--once"]) == 2
    assert "ONCOWATCH_KAFKA_BOOTSTRAP" in capsys.readouterr().err
    assert main(["produce", "--sample", "3"]) == 2
    assert "oncowatch broker" in capsys.readouterr().err


def test_serving_flows_needs_a_prefect_api(monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("ONCOWATCH_DEMO", "1")
    assert main(["flows", "serve"]) == 2
    assert "PREFECT_API_URL" in capsys.readouterr().err
    assert main(["flows", "list"]) == 0
    listed = capsys.readouterr().out
    assert "stream-drain/stream  every 60s" in listed and "backfill-archive/backfill  on demand" in listed
