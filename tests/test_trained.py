"""The trained classifier: the domain's hard cases, multi-label output, evidence, versions, metrics."""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis.evaluation import Gold, evaluate, hard_case_ok
from analysis.privacy import detect_pii, exposes_someone
from analysis.trained import TrainedClassifier, _strong_leak, rules_digest
from oncowatch.cli import main
from pipelines.classifiers import build_classifier, classifier_version, load_corpus
from schemas import CATEGORIES


@pytest.fixture(scope="module")
def trained(embedder):
    """Trained once per test session (cached in the session's model folder)."""
    return build_classifier("trained", embedder)


def run(classifier, embedder, texts):
    return classifier.classify(texts, embedder.embed(texts), [detect_pii(t) for t in texts])


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        ("Apricot kernels contain amygdalin which turns into cyanide. There is no evidence they treat cancer, "
         "please stop sharing that video.", {"awareness"}, {"miracle_cure"}),
        ("Graviola tea cured my cousin's stage 4 cancer in six weeks, doctors hide this because chemo makes money.",
         {"miracle_cure"}, {"awareness"}),
        ("FDA approves a new targeted drug for KRAS-mutant lung cancer after phase 3 results showed longer "
         "survival. This is a game changer!", {"new_therapy"}, {"miracle_cure", "scam_ad"}),
        ("Free and confidential cancer helpline for patients and families: call 1-800-555-0148, 8am to 8pm.",
         set(), {"privacy_leak"}),
        ("It's Cancer season! Time for crabs to be moody and cosy at home ♋", {"other"}, set()),
        # Figurative: the `other` head outscores the soft category the words resemble.
        ("The comment section under that post has metastasised into something unreadable.", {"other"},
         {"awareness"}),
        ("My neighbour Maria Lopez at St Mary's room 412 has leukaemia, call her at +1 415 555 0142",
         {"privacy_leak"}, set()),
        ("Herbal capsules that kill cancer cells naturally, 100% cure, DM to order, WhatsApp +1 415 555 0199",
         {"scam_ad"}, {"awareness"}),
        # The author's own diagnosis beside a hospital bed, and a public figure's health news.
        ("Hello, it's Marta from the clinic video! That's me in bed 6 with my lymphoma, happy for you to share it",
         set(), {"privacy_leak"}),
        ("Radio host Ben Malhotra told listeners live on air that he is having surgery for bowel cancer",
         set(), {"privacy_leak"}),
    ],
)
def test_hard_cases_of_the_domain(trained, embedder, text, must, must_not):
    (result,) = run(trained, embedder, [text])
    assert must <= set(result.labels), (result.labels, result.scores)
    assert not (must_not & set(result.labels)), (result.labels, result.scores)


def test_output_is_calibrated_scores_labels_primary_and_evidence(trained, embedder):
    results = run(trained, embedder, ["Got my scan results, all clear! Thank you all for the support 💕", "x"])
    assert len(results) == 2
    for result in results:
        assert set(result.scores) == set(CATEGORIES)
        assert all(0.0 <= v <= 1.0 for v in result.scores.values())
        assert result.primary in result.labels
        assert set(result.evidence) == set(result.labels)
    assert any(e.startswith("example:") for e in results[0].evidence[results[0].primary])
    assert run(trained, embedder, []) == []


def test_version_names_recipe_corpus_and_cues(trained):
    assert trained.version == classifier_version("trained")
    assert trained.version.startswith("lr-")


def test_the_version_covers_the_privacy_rules():
    # Name and privacy rules make features (personal-data kinds, the rules' decision, redaction):
    # changing them must train a new classifier, not reuse a cached one.
    assert classifier_version("trained").endswith("." + rules_digest())


@pytest.mark.parametrize(
    ("text", "outright"),
    [
        ("My neighbour Rita Gomez has breast cancer, write to her at rita.g@example.com", True),
        ("Mama Joy's herbal cure cleared my breast cancer! Her WhatsApp is +27 82 555 0147", False),
        ("Hello neighbours, I'm Gareth Lloyd from Rose Terrace, diagnosed with mesothelioma. "
         "Reach me at gareth.lloyd@example.com", False),
    ],
)
def test_only_a_third_partys_details_make_a_leak_outright(text, outright):
    leak, evidence = exposes_someone(text, detect_pii(text))
    assert (leak and _strong_leak(evidence)) is outright


def test_a_threshold_override_changes_labels(trained, embedder):
    text = "Anyone else get terrible nausea on FOLFOX? Ginger tea and small meals helped me a bit."
    lenient = TrainedClassifier(embedder, trained.to_arrays(), thresholds={"scam_ad": 0.0})
    (default,), (changed,) = run(trained, embedder, [text]), run(lenient, embedder, [text])
    assert "scam_ad" not in default.labels and "scam_ad" in changed.labels
    with pytest.raises(ValueError):
        TrainedClassifier(embedder, trained.to_arrays(), thresholds={"nonsense": 0.5})


def test_a_post_with_no_personal_data_must_reach_the_higher_privacy_bar(trained, embedder):
    # Most false leak alarms are posts in which no name, number or address was found: the head's word
    # alone must reach the F1-best bar for such posts, never lower than the recall-first bar.
    assert trained.privacy_bare_threshold >= trained.thresholds["privacy_leak"]
    text = "Sunburn in childhood raises melanoma risk a lot. Keep babies out of the midday sun."
    (vector,) = embedder.embed([text])
    arrays = trained.to_arrays()
    arrays["thresholds"][list(trained.thresholds).index("privacy_leak")] = 0.0
    arrays["privacy_bare_threshold"] = np.array(1.0, dtype=np.float32)
    strict = TrainedClassifier(embedder, arrays)
    (bare,) = strict.classify([text], np.array([vector]), [[]])
    assert "privacy_leak" not in bare.labels
    # The same post, had personal data been found in it, is held to the first bar only (0 here).
    span = detect_pii("call 020 7946 0018", default_region="GB")
    (found,) = strict.classify([text], np.array([vector]), [span])
    assert "privacy_leak" in found.labels
    # A configured privacy_leak threshold is the one bar, with personal data or without.
    configured = TrainedClassifier(embedder, arrays, thresholds={"privacy_leak": 0.0})
    assert configured.privacy_bare_threshold == 0.0
    assert "privacy_leak" in configured.classify([text], np.array([vector]), [[]])[0].labels


@pytest.mark.parametrize("split", ["heldout", "blind"])
def test_evaluation_splits_never_appear_in_training(split):
    train = load_corpus("train")
    kept_apart = load_corpus(split)
    assert kept_apart and not ({e.id for e in train} & {e.id for e in kept_apart})
    assert not ({e.text.strip().lower() for e in train} & {e.text.strip().lower() for e in kept_apart})


def test_metrics_count_multi_label_precision_and_recall():
    gold = [Gold(frozenset({"miracle_cure", "scam_ad"}), "scam_ad"), Gold(frozenset({"awareness"}), "awareness", "debunk")]
    report = evaluate(gold, [["scam_ad"], ["awareness", "miracle_cure"]], ["scam_ad", "miracle_cure"])
    assert report.per_category["scam_ad"]["f1"] == 1.0
    assert report.per_category["miracle_cure"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "predicted": 1,
    }
    assert report.primary_accuracy == 0.5
    assert report.hard_cases == {"debunk": {"n": 1, "accuracy": 0.0}}
    assert not hard_case_ok("debunk", {"awareness", "miracle_cure"})


def test_eval_classify_command_reports_metrics(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ONCOWATCH_DEMO", "1")
    labelled = tmp_path / "l.jsonl"
    labelled.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in [
        {"id": "1", "text": "Stage 4 and terrified, I cannot sleep before my scan.", "primary": "emotional_distress"},
        {"id": "2", "text": "Soursop cures cancer better than chemo, big pharma hides it!", "labels": ["miracle_cure"]},
        {"id": "3", "text": "Soursop does not cure cancer: no evidence, it is a myth.", "labels": ["awareness"],
         "hard_case": "debunk"},
        "not json",
    ]) + "\n")
    assert main(["eval", "classify", "--labelled", str(labelled), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 3 and report["skipped_lines"] == {"invalid_json": 1}
    assert 0.0 <= report["macro_f1"] <= 1.0 and "miracle_cure" in report["per_category"]
    assert report["hard_cases"]["debunk"]["n"] == 1
