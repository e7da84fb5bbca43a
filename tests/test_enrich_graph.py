"""The enrich graph on a TestPipeline with the real model: vectors, labels, duplicates, dead letters."""

from __future__ import annotations

import apache_beam as beam
import numpy as np
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipelines.ingest import build_enrich
from schemas import CATEGORIES
from tests.helpers import config, post, records

RUMOUR = "Soursop tea cures stage 4 cancer and doctors hide it, skip the chemo!"


def test_enrich_embeds_classifies_and_shares_results_with_copies(tmp_path, embedder):
    cfg = config(tmp_path)
    items = [
        post("1", RUMOUR, at="2026-11-02T10:00:00Z", author="@a"),
        post("2", "RT @a: " + RUMOUR, at="2026-11-02T11:00:00Z", author="@b"),
        post("3", "FDA approves a new targeted therapy for ALK-positive lung cancer", platform="reddit"),
        b'{"id": "4", "platform": "x", "text": "no date"}',
    ]

    def summary(item):
        enriched, vector = item
        return (
            enriched.post_id,
            enriched.duplicate_of,
            vector.shape,
            bool(np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)),
            set(enriched.scores) == set(CATEGORIES),
            enriched.primary in enriched.labels or enriched.labels == ["other"],
            enriched.embedding_model,
        )

    with TestPipeline() as p:
        out = build_enrich(p | beam.Create(records(items)), cfg)
        model = "all-MiniLM-L6-v2"
        assert_that(
            out["posts"] | beam.Map(summary),
            equal_to([
                ("x:1", None, (384,), True, True, True, model),
                ("x:2", "x:1", (384,), True, True, True, model),
                ("reddit:3", None, (384,), True, True, True, model),
            ]),
        )
        assert_that(
            out["dead"] | beam.Map(lambda d: (d.stage, d.reason, d.position)),
            equal_to([("decode", "missing_field:created_at", 4)]),
            label="dead",
        )
        # The repost carries exactly the labels of its original.
        assert_that(
            out["posts"]
            | beam.Map(lambda item: (item[0].near_key, tuple(item[0].labels)))
            | beam.GroupByKey()
            | beam.Map(lambda kv: len(set(kv[1]))),
            equal_to([1, 1]),
            label="copies agree",
        )
