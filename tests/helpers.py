"""Small builders shared by the pipeline tests."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.config import PipelineConfig, StoreSpec
from pipelines.elements import RawRecord

KEY = b"test-key-0123456789abcdef"


def post(pid: str, text: str, platform: str = "x", at: str = "2026-11-02T10:00:00Z", **extra) -> dict:
    """An input post as a dict."""
    return {"id": pid, "platform": platform, "created_at": at, "text": text, **extra}


def records(items: list[dict | bytes], source: str = "test.jsonl", rank: int = 0) -> list[RawRecord]:
    """RawRecords numbered from 1, as a file would give them."""
    out = []
    for number, item in enumerate(items, start=1):
        data = item if isinstance(item, bytes) else json.dumps(item).encode()
        out.append(RawRecord(source=source, rank=rank, position=number, data=data))
    return out


def config(tmp_path: Path) -> PipelineConfig:
    """A pipeline configuration writing under tmp_path."""
    return PipelineConfig(
        store=StoreSpec(path=tmp_path / "store.sqlite", vectors_dir=tmp_path / "vectors"),
        privacy_key=KEY,
    )


def write_jsonl(path: Path, items: list[dict | bytes]) -> Path:
    """A JSONL file of these posts (bytes are written as given)."""
    with path.open("wb") as out:
        for item in items:
            out.write(item if isinstance(item, bytes) else json.dumps(item).encode())
            out.write(b"\n")
    return path
