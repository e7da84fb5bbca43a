"""The backfill flow runs the ingest graph under Prefect (a temporary local API, no server)."""

from __future__ import annotations

import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.backfill import backfill, expand
from indexing.sqlite_store import SQLiteStore
from pipelines.sources.sample import generate
from tests.helpers import config, write_jsonl

pytestmark = pytest.mark.slow


def test_backfill_flow_ingests_a_glob_and_reruns_without_duplicates(tmp_path):
    posts = list(generate(80, days=2, seed=1))
    write_jsonl(tmp_path / "day1.jsonl", posts[:40])
    write_jsonl(tmp_path / "day2.jsonl", posts[40:])
    cfg = config(tmp_path / "data")
    with prefect_test_harness():
        first = backfill([str(tmp_path / "day*.jsonl")], cfg)
        second = backfill([str(tmp_path / "day*.jsonl")], cfg)
    assert first["written"] == 80 and first["dead_letters"] == 0
    assert second["written"] == 80 and second["vectors_indexed"] == 0
    store = SQLiteStore(cfg.store.path)
    assert store.count() == 80
    store.close()


def test_expand_lists_each_file_once_in_order(tmp_path):
    for name in ("b.jsonl", "a.jsonl"):
        (tmp_path / name).write_text("")
    pattern = str(tmp_path / "*.jsonl")
    assert expand.fn([pattern, str(tmp_path / "a.jsonl")]) == [
        str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"),
    ]
