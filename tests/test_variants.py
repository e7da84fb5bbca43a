"""Rumour variants on a small planted store (real model, real SQLite and FAISS), the retrieval
metrics on hand-computed cases, and `oncowatch eval variants` on a tiny CLEF-style set."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from analysis.variants import (
    FEATURES,
    SAME_CLAIM_FEATURES,
    FusionModel,
    LogisticHead,
    Variant,
    average_precision_at,
    clean_text,
    fusion_features,
    group_families,
    recall_at,
    reciprocal_rank,
    retrieval_metrics,
    stance_of,
    timeline,
)
from indexing import SQLiteStore, VectorIndex
from indexing.base import PostFilter
from indexing.lexical import LexicalIndex, QueryProfile, or_query
from oncowatch.cli import main
from pipelines import ingest
from pipelines.config import PipelineConfig, StoreSpec
from pipelines.variants import VariantFinder, find_variants
from tests.helpers import KEY, post, write_jsonl

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

#: id, text, platform, day after T0. `bs0`-`bs2` are near-copies, `bs3`/`bs4` reword the claim,
#: `db0`/`db1` debunk it; `ak*` push another remedy, the rest is ordinary oncology chatter.
PLANTED = [
    ("bs0", "Baking soda cures cancer! Mix a teaspoon in water every morning and the tumour dissolves.", "x", 0),
    ("bs1", "RT @anna_k: Baking soda cures cancer!! Mix a teaspoon in water every morning and the tumour "
            "dissolves https://t.co/ab12cd", "x", 1),
    ("bs2", "baking soda CURES cancer. mix a teaspoon in water every morning and the tumour dissolves",
     "facebook", 1),
    ("bs3", "My neighbour beat stage 4 cancer by drinking bicarbonate of soda dissolved in water every day, "
            "no chemo needed", "facebook", 2),
    ("bs4", "Sodium bicarbonate kills cancer cells: alkalise your body with soda water and the tumours "
            "melt away", "instagram", 3),
    ("db0", "No, baking soda does not cure cancer. This claim has been debunked many times, please talk to "
            "your oncologist.", "reddit", 2),
    ("db1", "Fact check: drinking baking soda water will not cure cancer and can be dangerous. Don't fall "
            "for it.", "x", 3),
    ("ak0", "Apricot kernels are full of vitamin B17, eat ten a day and cancer cells die", "facebook", 1),
    ("ak1", "Laetrile from apricot seeds is the natural chemo big pharma hides from you", "x", 2),
    ("bg0", "Got my mammogram booked for next Tuesday, remember to check yourselves", "x", 0),
    ("bg1", "Does anyone know a good wig shop in Leeds? Starting chemo next month", "reddit", 0),
    ("bg2", "Feeling so tired after cycle 4, the fatigue is unreal", "x", 1),
    ("bg3", "The charity run for children's cancer raised 12,000 this weekend, thank you all", "facebook", 1),
    ("bg4", "New trial results for a lung cancer immunotherapy look promising", "x", 2),
    ("bg5", "My insurance denied the PET scan again, third appeal now", "reddit", 2),
    ("bg6", "Ginger tea really helped with my chemo nausea, small sips", "instagram", 3),
    ("bg7", "Can't sleep, scan tomorrow, scanxiety is the worst", "x", 3),
    ("bg8", "Hospital parking charges for cancer patients should be scrapped, sign the petition", "x", 0),
    ("bg9", "Our hospital is recruiting for a phase 2 trial in pancreatic cancer, ask your oncologist", "x", 1),
]  # fmt: skip
COPIES = {"x:bs0", "x:bs1", "facebook:bs2"}
REWORDED = {"facebook:bs3", "instagram:bs4"}
DEBUNKS = {"reddit:db0", "x:db1"}


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A data dir (CLI layout) holding the planted posts, ingested once through the real pipeline
    (which is why the tests that use it are marked slow)."""
    base = tmp_path_factory.mktemp("variants")
    cfg = PipelineConfig(
        store=StoreSpec(path=base / "oncowatch.sqlite", vectors_dir=base / "vectors"), privacy_key=KEY
    )
    lines = [
        post(pid, text, platform=platform, at=_iso(T0 + timedelta(days=day, minutes=7 * i)))
        for i, (pid, text, platform, day) in enumerate(PLANTED)
    ]
    ingest.run([str(write_jsonl(base / "planted.jsonl", lines))], cfg)
    return base


@pytest.fixture(scope="module")
def finder(planted, embedder):
    """A VariantFinder on the planted store."""
    store = SQLiteStore(planted / "oncowatch.sqlite")
    index = VectorIndex.for_store(planted / "vectors", "all-MiniLM-L6-v2", store)
    assert index is not None and len(index) == len(PLANTED)
    yield VariantFinder(store, index, embedder)
    store.close()


def _members(answer: dict) -> set[str]:
    return {pid for family in answer["families"] for pid in family["post_ids"]}


def _family_of(answer: dict, post_id: str) -> dict:
    return next(f for f in answer["families"] if post_id in f["post_ids"])


# -- finding variants -----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_variant_worded_differently_is_found(finder):
    answer = finder.find(
        finder.queries_for_texts(["Drinking baking soda dissolved in water cures cancer"])[0]
    )
    found = _members(answer)
    assert COPIES <= found
    assert found & REWORDED, "no rewording of the claim was found"
    assert not found & {"x:bg0", "reddit:bg1", "x:bg2", "reddit:bg5", "instagram:bg6", "x:bg7"}
    assert answer["total"] == len(found)
    assert set(answer) == {"query", "total", "families", "timeline", "platforms"}


@pytest.mark.slow
def test_a_stored_post_finds_its_copies_and_rewordings_but_not_itself(finder):
    answer = finder.find(finder.query_for_post("x:bs0"))
    found = _members(answer)
    assert "x:bs0" not in found
    assert {"x:bs1", "facebook:bs2"} <= found
    assert found & REWORDED
    assert answer["query"]["post_id"] == "x:bs0"


@pytest.mark.slow
def test_a_debunk_is_marked_debunks_and_kept_in_its_own_family(finder):
    answer = finder.find(finder.queries_for_texts(["Baking soda cures cancer"])[0], limit=50)
    debunks = _members(answer) & DEBUNKS
    assert debunks, "the debunks of the claim were not found"
    for post_id in debunks:
        family = _family_of(answer, post_id)
        assert family["stance"] == "debunks"
        assert not set(family["post_ids"]) & (COPIES | REWORDED)
    assert _family_of(answer, "x:bs0")["stance"] == "asserts"
    for family in answer["families"]:
        assert family["stance"] in ("asserts", "debunks", "unclear")


@pytest.mark.slow
def test_near_copies_form_one_family_with_its_count(finder):
    answer = finder.find(finder.queries_for_texts(["Baking soda cures cancer"])[0], limit=50)
    family = _family_of(answer, "x:bs0")
    assert set(family["post_ids"]) >= COPIES
    assert family["count"] == len(family["post_ids"])
    assert family["representative"]["post_id"] in family["post_ids"]
    assert "baking soda" in family["representative"]["redacted_text"].lower()
    assert sum(f["count"] for f in answer["families"]) == answer["total"]


@pytest.mark.slow
def test_since_and_until_keep_to_event_time(finder):
    query = finder.queries_for_texts(["Baking soda cures cancer"])[0]
    since, until = T0 + timedelta(days=2), T0 + timedelta(days=3)
    answer = finder.find(query, since=since, until=until, limit=50)
    found = _members(answer)
    assert found, "nothing in the window"
    assert not found & COPIES  # days 0 and 1
    assert not found & {"instagram:bs4", "x:db1"}  # day 3: until is exclusive
    assert [d["day"] for d in answer["timeline"]] == ["2026-11-04"]
    assert sum(d["count"] for d in answer["timeline"]) == answer["total"]
    assert sum(answer["platforms"].values()) == answer["total"]


@pytest.mark.slow
def test_a_narrow_window_searched_among_its_posts_answers_as_a_filtered_search(finder, monkeypatch):
    import pipelines.variants as variants

    query = finder.queries_for_texts(["Baking soda cures cancer"])[0]
    window = {"since": T0 + timedelta(days=2), "until": T0 + timedelta(days=3)}
    monkeypatch.setattr(variants, "WINDOW_SHARE", 1)  # every window is narrow: id selector
    assert finder._window(PostFilter(**window)) is not None
    selected = finder.find(query, limit=50, **window)
    monkeypatch.setattr(variants, "WINDOW_SHARE", 10**9)  # no window is: filter the nearest hits
    assert finder._window(PostFilter(**window)) is None
    filtered = finder.find(query, limit=50, **window)
    assert _members(selected) and _members(selected) == _members(filtered)
    assert selected["timeline"] == filtered["timeline"]


@pytest.mark.slow
def test_find_variants_takes_one_query_and_explains_a_missing_post(finder):
    with pytest.raises(ValueError):
        find_variants(finder.store, finder.index, finder.embedder)
    with pytest.raises(LookupError):
        find_variants(finder.store, finder.index, finder.embedder, post_id="x:nope")


@pytest.mark.slow
def test_lexical_candidates_use_the_store_index_under_a_filter(finder):
    hits = finder.store.lexical_candidates("bicarbonate soda tumours", PostFilter(), limit=5)
    assert hits and hits[0][0] in REWORDED
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    late = PostFilter(since=T0 + timedelta(days=3))
    assert {pid for pid, _ in finder.store.lexical_candidates("bicarbonate soda", late)} <= {
        "instagram:bs4",
        "x:db1",
    }
    assert finder.store.lexical_candidates("the and of", PostFilter()) == []


# -- the command line ------------------------------------------------------------------------------


@pytest.mark.slow
def test_variants_cli_answers_in_json_and_in_batch(planted, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(planted), "variants", "--text", "baking soda cures cancer", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert COPIES <= _members(answer)

    queries = write_jsonl(
        tmp_path / "q.jsonl",
        [{"id": "q1", "text": "baking soda cures cancer"}, {"id": 2, "text": "apricot kernels kill cancer"}],
    )
    assert main(["--data-dir", str(planted), "variants", "--queries", str(queries), "--limit", "5"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query_id"] for line in lines] == ["q1", "2"]
    for line in lines:
        assert set(line) == {"query_id", "results"}
        assert 0 < len(line["results"]) <= 5
        assert all(set(r) == {"post_id", "score", "stance"} for r in line["results"])
        scores = [r["score"] for r in line["results"]]
        assert scores == sorted(scores, reverse=True)
    assert lines[0]["results"][0]["post_id"] in COPIES


@pytest.mark.slow
def test_variants_cli_errors_are_clear(planted, tmp_path, capsys):
    data = ["--data-dir", str(planted)]
    assert main([*data, "variants", "--post-id", "x:nope"]) == 2
    assert "no stored post" in capsys.readouterr().err
    assert main([*data, "variants", "--queries", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n')
    assert main([*data, "variants", "--queries", str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "empty"), "variants", "--text", "x"]) == 2
    assert "no store" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["variants", "--help"])
    assert "families" in capsys.readouterr().out


def test_eval_variants_on_a_tiny_clef_style_set(tmp_path, capsys):
    corpus = tmp_path / "verified_claims.docs.tsv"
    corpus.write_text(
        "\tvclaim\ttitle\n"
        '0\t"Baking soda ""cures"" cancer."\tDoes Baking Soda Cure Cancer?\n'
        "1\tA video shows a shark swimming on a flooded highway.\tShark on the Highway?\n"
        "2\tEating apricot kernels prevents cancer.\tDo Apricot Kernels Prevent Cancer?\n"
        "3\tThe moon landing was filmed in a studio.\tWas the Moon Landing Faked?\n",
        encoding="utf-8",
    )
    queries = tmp_path / "tweets.queries.tsv"
    queries.write_text(
        "\ttweet_content\n"
        "10\tWow a shark is swimming down the flooded freeway after the hurricane pic.twitter.com/abc\n"
        "11\tmy aunt says baking soda in water cured her cancer — Someone (@someone) May 1, 2020\n"
        "12\tthis tweet has no relevant claim\n",
        encoding="utf-8",
    )
    qrels = tmp_path / "pairs.qrels"
    qrels.write_text("10\t0\t1\t1\n11\t0\t0\t1\n", encoding="utf-8")
    args = ["eval", "variants", "--corpus", str(corpus), "--queries", str(queries), "--qrels", str(qrels)]
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["queries"] == 2 and report["documents"] == 4 and report["queries_without_qrels"] == 1
    for method in ("fused", "dense", "lexical"):
        assert set(report[method]) == {"map@1", "map@5", "mrr", "recall@10", "queries"}
    assert report["fused"]["map@5"] == 1.0
    assert main(args) == 0
    assert "MAP@5" in capsys.readouterr().out
    assert main([*args[:-2], "--qrels", str(tmp_path / "none.qrels")]) == 2
    assert "no such file" in capsys.readouterr().err


# -- pure parts ----------------------------------------------------------------------------------------


def test_average_precision_follows_the_clef_scorer():
    # Relevant at ranks 2 and 4 of 5, three relevant in all: (1/2 + 2/4) / 3.
    ranked = ["a", "r1", "b", "r2", "c", "r3"]
    relevant = {"r1", "r2", "r3"}
    assert average_precision_at(ranked, relevant, 5) == pytest.approx((1 / 2 + 2 / 4) / 3)
    assert average_precision_at(ranked, relevant, 1) == 0.0
    assert average_precision_at(["r"], {"r"}, 1) == 1.0
    assert average_precision_at(["a", "r"], {"r"}, 5) == 0.5
    assert average_precision_at(["a", "b"], set(), 5) == 0.0
    assert reciprocal_rank(["a", "b", "r"], {"r"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], {"r"}) == 0.0
    assert recall_at(ranked, relevant, 4) == pytest.approx(2 / 3)
    metrics = retrieval_metrics({"q1": ["r"], "q2": ["a", "r"]}, {"q1": {"r"}, "q2": {"r"}, "q3": {"x"}})
    assert metrics["map@1"] == 0.3333 and metrics["map@5"] == 0.5 and metrics["mrr"] == 0.5
    assert metrics["recall@10"] == 0.6667 and metrics["queries"] == 3


def test_fusion_features_and_the_shipped_model():
    counts = {
        ("baking", True): 2,
        ("soda", True): 40,
        ("cure", True): 10,
        ("cancer", True): 90,
        ("2019", False): 5,
    }
    profile = QueryProfile.of(
        "Baking soda cures cancer, Dr Smith said in 2019",
        lambda terms: ([counts.get(t, 1) for t in terms], 100),
    )
    texts = {"a": "Baking soda: the cure of Smith, 2019", "b": "soda cures nothing (2020)", "c": "unrelated"}
    ids, rows = fusion_features(
        [("a", 0.9), ("b", 0.5)], [("b", 12.0), ("c", 3.0)], {"c": 0.2}, query=profile, texts=texts
    )
    assert ids == ["a", "b", "c"] and rows.shape == (3, len(FEATURES))
    by = {doc: dict(zip(FEATURES, row, strict=True)) for doc, row in zip(ids, rows.tolist(), strict=True)}
    assert [by["a"][f] for f in FEATURES[:6]] == pytest.approx([0.9, 0.0, 0.0, 1.0, 0.0, 0.0])
    assert [by["b"][f] for f in FEATURES[:6]] == pytest.approx([0.5, -0.4, 1.0, 0.5, 1.0, 1.0])
    assert [by["c"][f] for f in FEATURES[:6]] == pytest.approx([0.2, -0.7, 0.25, 0.0, 0.5, 0.0])
    # The rare words weigh most: `a` holds baking, cure, 2019 and the name; `b` soda and cure.
    assert 0.6 < by["a"]["term_cover"] < 1.0 and 0.0 < by["b"]["term_cover"] < by["a"]["term_cover"] / 2
    assert by["c"]["term_cover"] == 0.0 and by["a"]["cosine_x_cover"] == pytest.approx(
        0.9 * by["a"]["term_cover"]
    )
    assert (by["a"]["shared_numbers"], by["a"]["number_clash"]) == (1.0, 0.0)
    assert (by["b"]["shared_numbers"], by["b"]["number_clash"]) == (0.0, 1.0)
    assert by["a"]["shared_capitalised"] == 2.0  # Baking, Smith
    assert by["b"]["rr_product"] == pytest.approx(0.5) and by["c"]["length_ratio"] < 0
    empty_ids, empty_rows = fusion_features([], [], query=profile, texts={})
    assert empty_ids == [] and empty_rows.shape == (0, len(FEATURES))
    model = FusionModel.load()
    assert 0.0 < model.cutoff < 1.0 and model.provenance["fitted_on"].startswith("CLEF")
    assert model.rank.features == FEATURES and set(model.same_claim.features) == set(SAME_CLAIM_FEATURES)
    for score in (model.probability(rows), model.ranking(rows)):
        assert score[0] > score[2] and np.all((score > 0) & (score < 1))
    # P(same claim) does not care where in the lists a candidate came: ranks are not its features.
    moved = rows.copy()
    moved[:, FEATURES.index("rr_dense")] = 0.01
    moved[:, FEATURES.index("rr_product")] = 0.0
    assert model.probability(moved) == pytest.approx(model.probability(rows))
    assert FusionModel.from_json(model.to_json()) == model


def test_a_ranker_fitted_per_query_puts_each_answer_first():
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(40):
        rows = rng.normal(size=(6, len(FEATURES)))
        labels = np.zeros(6, dtype=int)
        labels[int(np.argmax(rows[:, 0] + 0.5 * rows[:, 6]))] = 1
        groups.append((rows, labels))
    head = LogisticHead.fit_ranking(groups, FEATURES)
    firsts = [labels[int(np.argmax(head(rows)))] for rows, labels in groups]
    assert sum(firsts) >= 36 and head.coef[0] > 0 and head.coef[6] > 0


def test_stance_from_labels_evidence_and_text():
    assert stance_of(["miracle_cure"], {}) == "asserts"
    assert stance_of(["scam_ad"], {}) == "asserts"
    assert stance_of(["awareness"], {"awareness": ["stance:debunks_a_cure (0.91)"]}) == "debunks"
    assert stance_of(["awareness"], {"awareness": ["cue:debunk:myth"]}) == "debunks"
    assert stance_of(["peer_support"], {}, "Lovely day at the clinic") == "unclear"
    assert stance_of([], None, "No, baking soda does not cure cancer.") == "debunks"
    assert stance_of([], None, "Baking soda cures cancer!") == "unclear"


def test_families_never_mix_stances_and_merge_near_copies():
    at = datetime(2026, 1, 1, tzinfo=UTC)
    v = [
        Variant("a", 0.9, "asserts", at, "x", "k1"),
        Variant("b", 0.8, "asserts", at + timedelta(days=1), "x", "k1"),
        Variant("c", 0.7, "asserts", at, "reddit", "k2", duplicate_of="a"),
        Variant("d", 0.6, "debunks", at, "x", "k1"),
        Variant("e", 0.5, "asserts", at, "x", "k3"),
        Variant("f", 0.4, "asserts", at, "x", "k4"),
    ]
    unit = np.eye(4, dtype=np.float32)
    families = group_families(v, {"e": unit[0], "f": unit[0] * 0.99 + unit[1] * 0.01, "a": unit[2]})
    assert [sorted(m.post_id for m in f.members) for f in families] == [["a", "b", "c"], ["d"], ["e", "f"]]
    assert families[0].representative.post_id == "a" and families[1].stance == "debunks"
    assert timeline(v) == [{"day": "2026-01-01", "count": 5}, {"day": "2026-01-02", "count": 1}]


def test_or_query_is_always_valid_fts5():
    assert or_query("") is None and or_query("the and of a") is None
    query = or_query("RT @bob: Baking soda CURES cancer!! https://t.co/x pic.twitter.com/y [PHONE] 2019")
    assert query == '"baking"* OR "soda"* OR "cure"* OR "cancer"* OR "2019"'
    index = LexicalIndex()
    index.add([("1", "baking soda cured my cancer"), ("2", "soda bread recipe"), ("3", "chemo day")])
    assert [d for d, _ in index.search("Baking soda cures cancer")] == ["1", "2"]
    for nasty in ('"', "NEAR(a b)", "a OR", "*", "col:val", "a AND (b", "\x00", "-x", "^y", "🦀 🦀"):
        index.search(nasty)  # never an FTS5 syntax error
    counts = {"cancer": 45_000, "cure": 9_000}.get
    common = or_query("baking soda cures cancer", doc_count=lambda t, _: counts(t, 50), total=100_000)
    assert common == '"baking"* OR "soda"* OR "cure"*'  # 45% of a big store: left out
    assert or_query("cancer", doc_count=lambda t, _: counts(t, 50), total=100_000) == '"cancer"*'
    small = or_query("baking soda cures cancer", doc_count=lambda t, _: 15, total=19)
    assert small.count(" OR ") == 3  # a small store keeps its common words: they cost nothing
    long = " ".join(f"word{i}xyz" for i in range(200))
    assert or_query(long).count(" OR ") == 31
    assert clean_text("see https://t.co/x and @bob pic.twitter.com/abc now") == "see and bob now"
    assert clean_text("@HillaryClinton #FyreFestival #cancer#IranUsapic.twitter.com/x") == (
        "Hillary Clinton #FyreFestival Fyre Festival #cancer #IranUsa Iran Usa"
    )
