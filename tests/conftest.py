"""Shared fixtures: the real embedding model is loaded once per test session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# A busy 2-core machine (CI) can take more than the default 20 s to start the ephemeral API.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture(scope="session", autouse=True)
def _model_cache(tmp_path_factory):
    """Trained classifiers go to a folder of this test session, never the user's cache.

    ONCOWATCH_TEST_MODEL_CACHE names a folder to reuse across sessions instead (a developer's
    shortcut past the minute of training; CI leaves it unset).
    """
    reuse = os.environ.get("ONCOWATCH_TEST_MODEL_CACHE")
    os.environ["ONCOWATCH_MODEL_CACHE"] = reuse or str(tmp_path_factory.mktemp("model-cache"))


@pytest.fixture(scope="session")
def embedder():
    """The packaged all-MiniLM-L6-v2, shared by every test that needs real embeddings."""
    from analysis.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()
