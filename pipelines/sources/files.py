"""Archive files: JSON lines, plain or gzip-compressed, read as raw bytes with line numbers."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pipelines.elements import RawRecord


def open_binary(path: str | Path) -> BinaryIO:
    """Open a file for reading bytes, decompressing `.gz` transparently."""
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_records(source: tuple[int, str] | tuple[int, str, str]) -> Iterator[RawRecord]:
    """Every line of one file as a RawRecord (rank = the file's place in the list, 1-based lines).

    An optional third item names the source in records and dead letters (e.g. `<stdin>` for a
    spooled standard input) instead of the path.
    """
    rank, path = source[0], source[1]
    name = source[2] if len(source) > 2 else str(path)
    with open_binary(path) as handle:
        for number, line in enumerate(handle, start=1):
            yield RawRecord(source=name, rank=rank, position=number, data=line.rstrip(b"\r\n"))


def count_lines(path: str | Path) -> int:
    """Lines in a file (for progress totals); one pass over the bytes."""
    total = 0
    with open_binary(path) as handle:
        while chunk := handle.read(1 << 20):
            total += chunk.count(b"\n")
    return total
