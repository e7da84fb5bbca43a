"""Near-duplicate keys, and reading archive files (plain and gzip)."""

from __future__ import annotations

import gzip

from analysis.dedup import canonical_text, content_hash, near_key
from pipelines.sources.files import count_lines, read_records


def test_reposts_and_copy_paste_variants_share_a_near_key():
    original = "Graviola capsules CURE cancer!!! DM @herbalqueen to order https://shop.example/a"
    assert near_key(original) == near_key("RT @someone: " + original)
    assert near_key(original) == near_key(
        "Graviola capsules cure cancer! DM @otherseller to order https://shop.example/zz 🌿"
    )
    assert near_key(original) != near_key("Graviola capsules do not cure cancer, see the trial")


def test_short_texts_are_only_exact_copies():
    assert near_key("Thanks! 🙏") != near_key("Thanks! ❤️")
    assert near_key("Thanks! 🙏") == near_key("Thanks! 🙏")


def test_canonical_text_drops_redaction_tokens_and_numbers():
    assert canonical_text("Call [PHONE] now, 24/7") == "call now"
    assert content_hash("a") != content_hash("b")


def test_read_records_numbers_lines_and_reads_gzip(tmp_path):
    plain = tmp_path / "a.jsonl"
    plain.write_bytes(b'{"a": 1}\r\n{"b": 2}\n\xff\n')
    packed = tmp_path / "b.jsonl.gz"
    with gzip.open(packed, "wb") as out:
        out.write(b'{"c": 3}\n')
    got = list(read_records((0, str(plain)))) + list(read_records((1, str(packed))))
    assert [(r.rank, r.position, r.data) for r in got] == [
        (0, 1, b'{"a": 1}'), (0, 2, b'{"b": 2}'), (0, 3, b"\xff"), (1, 1, b'{"c": 3}'),
    ]
    assert count_lines(plain) == 3 and count_lines(packed) == 1
