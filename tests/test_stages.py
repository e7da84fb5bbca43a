"""Stage tests: each composite PTransform on a TestPipeline, good and dead-letter outputs."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.stages.decode import DecodePosts, decode
from pipelines.stages.dedup import DeduplicatePosts
from pipelines.stages.protect import ProtectPosts
from schemas import DeadLetter
from tests.helpers import KEY, config, post, records

GOOD = post("1", "Finished my last round of chemo today, thank you all #bcsm", author="@alice")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"id": "1", "platform": "x", "created_at": "2026-11-02T10:00:00Z", "text": "tr', "invalid_json"),
        (b"\xff\xfe not utf-8", "invalid_utf8"),
        (b"[1, 2]", "not_an_object"),
        (b'{"platform": "x", "created_at": "2026-11-02T10:00:00Z", "text": "t"}', "missing_field:id"),
        (
            b'{"id": "1", "platform": "x", "created_at": "2026-11-02T10:00:00Z", "text": 5}',
            "invalid_field:text",
        ),
        (b'{"id": "1", "platform": "x", "created_at": "2026-11-02T10:00:00Z", "text": "  "}', "empty_text"),
        (
            b'{"id": "1", "platform": "x", "created_at": "2026-11-02T10:00:00", "text": "t"}',
            "no_timezone:created_at",
        ),
        (
            b'{"id": "1", "platform": "myspace", "created_at": "2026-11-02T10:00:00Z", "text": "t"}',
            "invalid_field:platform",
        ),
    ],
)
def test_decode_gives_a_reason_for_each_kind_of_bad_input(data, reason):
    letter = decode(records([data])[0])
    assert isinstance(letter, DeadLetter)
    assert letter.reason == reason
    assert letter.original == data
    assert letter.stage == "decode"


def test_decode_rejects_a_megabyte_text_and_keeps_the_original():
    data = (
        '{"id": "1", "platform": "x", "created_at": "2026-11-02T10:00:00Z", "text": "%s"}' % ("a" * 1_000_000)
    ).encode()
    letter = decode(records([data])[0])
    assert isinstance(letter, DeadLetter) and letter.reason == "text_too_long"
    assert letter.original == data


def test_decode_keeps_unknown_fields_and_numeric_ids():
    result = decode(records([post(123, "hello world", campaign="x1")])[0])
    assert result.post_id == "x:123"
    assert result.extra == {"campaign": "x1"}


def test_decode_posts_splits_good_and_dead():
    with TestPipeline() as p:
        out = (
            p
            | beam.Create(records([GOOD, b"{oops", b"", post("2", "second post about scans")]))
            | DecodePosts()
        )
        assert_that(out.posts | "Ids" >> beam.Map(lambda d: d.post.post_id), equal_to(["x:1", "x:2"]))
        assert_that(
            out.dead | "Reasons" >> beam.Map(lambda d: (d.reason, d.position)),
            equal_to([("invalid_json", 2)]),
            label="dead",
        )


def test_protect_pseudonymises_and_redacts():
    leak = post("9", "Call my neighbour Jo at +1 415 555 0142, she has leukaemia", author="@bob")
    with TestPipeline() as p:
        decoded = p | beam.Create(records([GOOD, leak])) | DecodePosts()
        out = decoded.posts | ProtectPosts(KEY)
        assert_that(
            out.posts
            | beam.Map(
                lambda x: (
                    x.post.post_id,
                    x.author_pseudonym.startswith("u_")
                    and "bob" not in x.author_pseudonym
                    and "alice" not in x.author_pseudonym,
                    "555" in x.redacted_text,
                    [s.type for s in x.pii],
                )
            ),
            equal_to([("x:1", True, False, []), ("x:9", True, False, ["NAME", "PHONE"])]),
        )
        assert_that(out.dead, equal_to([]), label="no dead")


def test_protect_refuses_an_empty_key():
    with pytest.raises(ValueError, match="key"):
        ProtectPosts(b"")


def test_dedup_groups_reposts_and_dead_letters_id_conflicts(tmp_path):
    cfg = config(tmp_path)
    items = [
        post(
            "1",
            "Turmeric cures stage 4 cancer, doctors hide it! https://a.example/x",
            at="2026-11-02T10:00:00Z",
        ),
        post(
            "2",
            "RT @someone: Turmeric cures stage 4 cancer, doctors hide it! https://b.example/y",
            at="2026-11-02T11:00:00Z",
        ),
        post("3", "My scan results came back clear today", at="2026-11-02T12:00:00Z"),
        post(
            "1",
            "Turmeric cures stage 4 cancer, doctors hide it! https://a.example/x",
            at="2026-11-02T10:00:00Z",
        ),
        post("3", "A different text under the same id", at="2026-11-02T12:00:00Z"),
    ]
    with TestPipeline() as p:
        decoded = p | beam.Create(records(items)) | DecodePosts()
        protected = decoded.posts | ProtectPosts(KEY)
        out = protected.posts | DeduplicatePosts(cfg.store, "all-MiniLM-L6-v2", "none")
        assert_that(
            out["groups"] | beam.Map(lambda g: sorted(m.post.post_id for m in g.members)),
            equal_to([["x:1", "x:2"], ["x:3"]]),
        )
        assert_that(
            out["dead"] | beam.Map(lambda d: (d.reason, d.position, d.post_id)),
            equal_to([("duplicate_id_conflict", 5, "x:3")]),
            label="conflicts",
        )


def test_a_mentioned_handle_gets_the_same_pseudonym_as_that_author():
    from pipelines.elements import DecodedPost
    from pipelines.stages.decode import decode
    from pipelines.stages.protect import protect

    first, second = records([GOOD, post("5", "Thinking of you @alice, you've got this", author="@carol")])
    mine = protect(DecodedPost(decode(first), first), KEY, "US")
    theirs = protect(DecodedPost(decode(second), second), KEY, "US")
    assert f"@{mine.author_pseudonym}" in theirs.redacted_text
    assert "alice" not in theirs.redacted_text
