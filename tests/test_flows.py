"""The Prefect flows run the pipelines under a temporary local API (no server), and the deployment
definitions in deploy/ point at entry points that exist."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from prefect.testing.utilities import prefect_test_harness

from flows.backfill import backfill, expand
from flows.hooks import check_alerts, refresh_topics
from flows.stream import stream
from indexing.alerts import AlertStore
from indexing.sqlite_store import SQLiteStore
from pipelines.sources.kafka import KafkaSpec, publish_lines
from pipelines.sources.sample import generate, make_bad_lines, to_json_line
from tests.helpers import config, write_jsonl

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", autouse=True)
def harness():
    """One temporary Prefect API for the whole module (starting one takes seconds)."""
    with prefect_test_harness():
        yield


def test_backfill_flow_ingests_a_glob_and_reruns_without_duplicates(tmp_path):
    posts = list(generate(80, days=2, seed=1))
    write_jsonl(tmp_path / "day1.jsonl", posts[:40])
    write_jsonl(tmp_path / "day2.jsonl", posts[40:])
    cfg = config(tmp_path / "data")
    first = backfill([str(tmp_path / "day*.jsonl")], cfg)
    second = backfill([str(tmp_path / "day*.jsonl")], cfg)
    assert first["written"] == 80 and first["dead_letters"] == 0
    assert second["written"] == 80 and second["vectors_indexed"] == 0
    # the backfill left its topics behind; the re-run saw nothing new and changed no topic
    assert first["topics"]["posts_seen"] == 80
    assert second["topics"]["posts_seen"] == 0 and second["topics"]["born"] == []
    store = SQLiteStore(cfg.store.path)
    assert store.count() == 80
    store.close()


def test_backfill_keeps_only_its_event_time_range(tmp_path):
    start = datetime(2026, 11, 2, tzinfo=UTC)
    posts = list(generate(120, days=4, seed=2, start=start))
    write_jsonl(tmp_path / "archive.jsonl", posts)
    since, until = datetime(2026, 11, 3, tzinfo=UTC), datetime(2026, 11, 5, tzinfo=UTC)
    inside = {
        f"{p['platform']}:{p['id']}" for p in posts
        if since <= datetime.fromisoformat(p["created_at"].replace("Z", "+00:00")) < until
    }
    assert 0 < len(inside) < len(posts)
    cfg = config(tmp_path / "data")
    summary = backfill([str(tmp_path / "archive.jsonl")], cfg, since=since, until=until)
    assert summary["written"] == len(inside)
    assert summary["outside_window"] == len(posts) - len(inside)
    store = SQLiteStore(cfg.store.path)
    assert {p.post_id for p in store.iter_posts()} == inside
    store.close()


def test_stream_flow_drains_the_topic_batch_by_batch(tmp_path):
    from pipelines.sources.embedded_broker import API_VERSION, EmbeddedBroker

    posts = list(generate(70, days=1, seed=3))
    bad = [line for line in make_bad_lines(seed=3) if len(line) < 500_000 and line.strip()]
    with EmbeddedBroker() as broker:
        spec = KafkaSpec(broker.bootstrap, api_version=tuple(int(p) for p in API_VERSION.split(".")))
        publish_lines([to_json_line(p).encode() for p in posts] + bad, spec)
        cfg = config(tmp_path / "data")
        summary = stream(cfg, spec, max_batch=30, max_wait_s=1.0)
    assert summary["messages"] == len(posts) + len(bad)
    assert summary["written"] == len(posts) and summary["dead_letters"] == len(bad)
    assert summary["batches"] >= 3
    store = SQLiteStore(cfg.store.path)
    assert store.count() == len(posts)
    store.close()


def test_backfill_leaves_topics_and_alerts_and_the_hooks_catch_up(tmp_path):
    posts = list(generate(40, days=2, seed=4, start=datetime(2026, 11, 2, tzinfo=UTC)))
    write_jsonl(tmp_path / "a.jsonl", posts)
    cfg = config(tmp_path / "data")
    summary = backfill([str(tmp_path / "a.jsonl")], cfg)
    leaks = {p["id"] for p in posts if p.get("truth_category") == "privacy_leak"}
    assert summary["alerts"]["ticks"] > 0
    assert all(a["backfilled"] for a in summary["alerts"]["alerts"])
    with AlertStore(cfg.store.path) as alerts:
        alerted = {pid for (pid,) in alerts.query("SELECT post_id FROM alert_privacy")}
        labelled = {pid for (pid,) in alerts.query(
            "SELECT p.post_id FROM posts p JOIN post_labels l ON l.post_rowid = p.id WHERE l.label = 'privacy_leak'"
        )}  # fmt: skip
    assert labelled <= alerted  # every labelled leak has its alert
    assert not leaks or labelled, "the sample's leaks should be labelled"
    again = check_alerts(cfg)  # the scheduled check: nothing left to evaluate, nothing new
    assert again["new_alerts"] == 0 and again["alerts"] == []
    refreshed = refresh_topics(cfg)
    assert refreshed["vectors_added"] == 0  # the backfill already indexed every post
    assert refreshed["topics"]["posts_seen"] == 0  # and stepped topics through every one of them


def test_deployments_point_at_flows_that_exist():
    from prefect.flows import load_flow_from_entrypoint

    spec = yaml.safe_load((ROOT / "deploy" / "prefect.yaml").read_text())
    names = {d["name"] for d in spec["deployments"]}
    assert {"stream", "backfill", "refresh-topics", "check-alerts"} <= names
    for deployment in spec["deployments"]:
        path, _, _ = deployment["entrypoint"].partition(":")
        assert (ROOT / path).is_file()
        flow = load_flow_from_entrypoint(str(ROOT / deployment["entrypoint"]))
        assert callable(flow.fn)
    scheduled = {d["name"] for d in spec["deployments"] if d.get("schedules")}
    assert scheduled == {"stream", "refresh-topics", "check-alerts"}


def test_expand_lists_each_file_once_in_order(tmp_path):
    for name in ("b.jsonl", "a.jsonl"):
        (tmp_path / name).write_text("")
    pattern = str(tmp_path / "*.jsonl")
    assert expand.fn([pattern, str(tmp_path / "a.jsonl")]) == [
        str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"),
    ]
