"""End to end: a sample stream with bad lines, ingested and queried through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from oncowatch.cli import main
from pipelines.sources.sample import generate, make_bad_lines
from tests.helpers import write_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A data dir holding 600 sample posts plus every kind of bad line, ingested once."""
    base = tmp_path_factory.mktemp("e2e")
    posts = list(generate(600, days=3, seed=11))
    bad = make_bad_lines(seed=1)
    conflict = dict(posts[5], text="an edited text under an id already in this file")
    lines = posts[:300] + bad + posts[300:] + [conflict, posts[7]]
    path = write_jsonl(base / "stream.jsonl", lines)
    env = {"data_dir": str(base / "data"), "path": str(path), "posts": posts, "bad": bad}
    return env


def cli(env, capsys, *args) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", env["data_dir"], *args])
    return code, capsys.readouterr().out


def test_ingest_then_query_through_the_cli(ingested, capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", "a-test-secret-of-enough-length")
    code, out = cli(ingested, capsys, "ingest", ingested["path"], "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["posts_written"] == 600
    # every bad line, plus the conflicting re-use of an id, is a dead letter; the exact repeat is not
    assert summary["dead_letters"] == len(ingested["bad"]) + 1
    assert summary["redelivered"] == 1
    assert summary["duplicates_reusing_original"] > 0
    assert summary["texts_embedded"] < 600
    assert summary["vectors_indexed"] == 600
    assert summary["topics"]["born"] > 0  # ingest ends with the topics of what it brought in

    code, out = cli(ingested, capsys, "export")
    exported = [json.loads(line) for line in out.splitlines()]
    assert sorted(p["post_id"] for p in exported) == sorted(
        f"{p['platform']}:{p['id']}" for p in ingested["posts"]
    )
    for row in exported:
        assert "text" not in row and "author" not in row
        assert row["embedding_model"] == "all-MiniLM-L6-v2" and row["classifier_version"]
        assert row["primary"] in row["labels"] or row["labels"] == ["other"]
    assert all("topic_id" in row for row in exported) and any(row["topic_id"] for row in exported)
    duplicates = [p for p in exported if p["duplicate_of"]]
    originals = {p["post_id"]: p for p in exported}
    for dup in duplicates:
        assert originals[dup["duplicate_of"]]["labels"] == dup["labels"]

    code, out = cli(ingested, capsys, "search", "cancer", "--json", "--limit", "5")
    result = json.loads(out)
    assert result["total"] > 0 and len(result["hits"]) == 5
    assert set(result["hits"][0]) == {
        "post_id",
        "created_at",
        "platform",
        "primary",
        "labels",
        "redacted_text",
        "score",
        "topic_id",
    }

    code, out = cli(ingested, capsys, "search", "", "--platform", "reddit", "--json")
    assert all(h["platform"] == "reddit" for h in json.loads(out)["hits"])

    code, out = cli(ingested, capsys, "trends", "--by", "platform", "--interval", "1d", "--json")
    trends = json.loads(out)
    assert trends["interval"] == "1d"
    assert sum(b["count"] for s in trends["series"] for b in s["buckets"]) == 600

    some = exported[0]["post_id"]
    code, out = cli(ingested, capsys, "similar", "--post-id", some, "--k", "3", "--json")
    similar = json.loads(out)
    assert len(similar) == 3 and some not in [s["post_id"] for s in similar]
    assert similar[0]["score"] >= similar[-1]["score"]

    code, out = cli(ingested, capsys, "dead-letters", "--json")
    letters = json.loads(out)
    assert letters["total"] == len(ingested["bad"]) + 1
    assert "dedup:duplicate_id_conflict" in letters["counts"]

    # The same file again changes nothing.
    code, out = cli(ingested, capsys, "ingest", ingested["path"], "--json")
    again = json.loads(out)
    assert again["texts_embedded"] == 0
    code, out = cli(ingested, capsys, "export")
    assert [json.loads(line) for line in out.splitlines()] == exported
    code, out = cli(ingested, capsys, "dead-letters", "--json")
    assert json.loads(out)["total"] == letters["total"]


def test_ingest_refuses_to_run_without_a_key(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ONCOWATCH_PRIVACY_KEY", raising=False)
    monkeypatch.delenv("ONCOWATCH_DEMO", raising=False)
    path = write_jsonl(tmp_path / "one.jsonl", list(generate(3, seed=1)))
    code = main(["--data-dir", str(tmp_path / "d"), "ingest", str(path)])
    assert code == 2
    assert "ONCOWATCH_PRIVACY_KEY" in capsys.readouterr().err


def test_console_script_runs_the_main_job(tmp_path):
    exe = [sys.executable, "-m", "oncowatch.cli"]
    done = subprocess.run(
        [*exe, "--data-dir", str(tmp_path / "d"), "run", "--n", "150", "--days", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["posts_written"] == 150 and report["demo_key"] is True
    assert sum(report["by_category"].values()) == 150


def test_ingest_reads_stdin_and_names_it_in_dead_letters(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", "a-test-secret-of-enough-length")
    lines = [json.dumps(p).encode() for p in generate(5, seed=2)] + [b"{broken"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n")))
    assert main(["--data-dir", str(tmp_path), "ingest", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["posts_written"] == 5
    assert main(["--data-dir", str(tmp_path), "dead-letters", "--json"]) == 0
    (letter,) = json.loads(capsys.readouterr().out)["dead_letters"]
    assert (letter["source"], letter["position"], letter["reason"]) == ("<stdin>", 6, "invalid_json")
    assert not list((tmp_path / "tmp").iterdir())  # the spooled copy is gone


def test_classify_command_needs_no_store_and_keeps_lines_aligned(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", "a-test-secret-of-enough-length")
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "Apricot kernels cure cancer, skip the chemo! WhatsApp +1 415 555 0142 to order"},
        b"not json",
        {"id": "c", "text": "Our hospital is recruiting for a phase 2 immunotherapy trial in melanoma."},
    ])
    out = tmp_path / "out.jsonl"
    assert main(["--data-dir", str(tmp_path / "none"), "classify", "--input", str(source), "--output", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c"]
    assert rows[1] == {"line": 2, "error": "invalid_json: Expecting value"}
    first = rows[0]
    assert {"id", "labels", "primary", "scores", "redacted_text", "pii", "evidence"} <= set(first)
    assert "555" not in first["redacted_text"] and "[PHONE]" in first["redacted_text"]
    assert first["pii"][0]["type"] == "PHONE"
    assert first["primary"] in ("scam_ad", "miracle_cure")
    assert rows[2]["primary"] == "new_therapy"
    assert not (tmp_path / "none").exists()
