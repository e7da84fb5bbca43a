"""Nothing personal leaves the pipeline: not in a log line, a dead letter's message or stored text."""

from __future__ import annotations

import json
import logging

import pytest

from oncowatch.cli import main
from tests.helpers import post, write_jsonl

pytestmark = pytest.mark.slow

PLANTED = {
    "names": ["Maria Lopez", "Carmen Ruiz", "Claire Dubois", "Anna Weber", "Tobias Grant", "Penhallow"],
    "phones": ["415 555 0142", "212-555-0188", "+34 600 000 117", "07700 900123"],
    "emails": ["maria.lopez@example.com", "t.grant@example.org"],
    "records": ["MRN 00482913", "4482019"],
    "addresses": ["12 Elm Street", "Rua das Flores 88"],
    "authors": ["@nosy_neighbour", "@gossip.girl", "real_name_jane"],
}
LEAKS = [
    post("1", "My neighbour Maria Lopez at St Mary's room 412 has leukaemia, call her at +1 415 555 0142",
         author="@nosy_neighbour"),
    post("2", "Please pray for Carmen Ruiz, she starts chemo Monday. Her son's number is 212-555-0188",
         platform="facebook", author="@gossip.girl"),
    post("3", "Ma voisine Claire Dubois est en chimio à l'hôpital, écrivez-lui: maria.lopez@example.com",
         platform="facebook", author="real_name_jane"),
    post("4", "Meine Kollegin Anna Weber hat Leukämie, sie wohnt 12 Elm Street, Tel +34 600 000 117",
         platform="reddit"),
    post("5", "Patient Tobias Grant MRN 00482913 stage 4 lung cancer, email t.grant@example.org",
         platform="forum"),
    post("6", "A senhora da Rua das Flores 88 tem cancro, prontuário 4482019, ligue 07700 900123",
         platform="telegram"),
    # A surname no list knows, in a post that exposes her: hidden by the wider pass over leaks.
    post("7", "Heard at the salon that Edwina Penhallow is at Royal Marsden for her lymphoma, room 12",
         platform="x"),
]
# The same leaks, broken: they become dead letters whose messages must not quote them.
BROKEN = [
    json.dumps({**LEAKS[0], "created_at": "2026-11-02T10:00:00"}).encode(),
    json.dumps({**LEAKS[1], "platform": "myspace"}).encode(),
    json.dumps({**LEAKS[2], "text": 12}).encode(),
    json.dumps(LEAKS[4]).encode()[:-20],
]


def _planted() -> list[str]:
    values = [v for group in PLANTED.values() for v in group]
    return values + [v.lstrip("@") for v in values if v.startswith("@")]


def test_no_planted_personal_data_in_logs_dead_letters_or_stored_text(tmp_path, caplog, capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_PRIVACY_KEY", "a-test-secret-of-enough-length")
    path = write_jsonl(tmp_path / "leaks.jsonl", [*LEAKS, *BROKEN])
    caplog.set_level(logging.DEBUG)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "-vv", "ingest", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["posts_written"] == len(LEAKS) and summary["dead_letters"] == len(BROKEN)

    assert main(["--data-dir", data, "dead-letters", "--json"]) == 0
    letters = json.loads(capsys.readouterr().out)["dead_letters"]
    assert main(["--data-dir", data, "export"]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    logged = [record.getMessage() for record in caplog.records]
    assert logged, "the run logged nothing at debug level: the scan would prove nothing"
    messages = [f"{d['reason']} {d['detail']}" for d in letters]
    stored = [json.dumps(p, ensure_ascii=False) for p in exported]
    for value in _planted():
        for where, texts in (("log", logged), ("dead letter", messages), ("stored post", stored)):
            hits = [t for t in texts if value.lower() in t.lower()]
            assert not hits, f"{value!r} reached a {where}: {hits[0][:120]}"

    by_id = {p["post_id"]: p for p in exported}
    assert all("privacy_leak" in p["labels"] for p in exported), [
        (p["post_id"], p["labels"]) for p in exported if "privacy_leak" not in p["labels"]
    ]
    assert "[NAME]" in by_id["x:1"]["redacted_text"] and "[PHONE]" in by_id["x:1"]["redacted_text"]
