"""The baseline classifier, with the real embedding model: expected categories and the hard cases."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

from analysis.classify import BaselineClassifier, Classification, Classifier
from analysis.privacy import detect_pii
from analysis.prototypes import CUES, PROTOTYPES, prototype_items
from schemas.taxonomy import CATEGORIES


@pytest.fixture(scope="module")
def classifier(embedder) -> BaselineClassifier:
    return BaselineClassifier(embedder)


def run(classifier: BaselineClassifier, embedder, texts: list[str]) -> list[Classification]:
    return classifier.classify(texts, embedder.embed(texts), [detect_pii(t) for t in texts])


CLEAR_ENGLISH = [
    ("Forget chemotherapy: apricot kernels cure cancer and doctors don't want you to know.", "miracle_cure"),
    ("Herbal anti-tumour capsules, limited offer, $59 a bottle. DM to order, worldwide shipping!", "scam_ad"),
    ("The FDA approved a new CAR-T therapy after phase 3 results showed longer survival in myeloma.",
     "new_therapy"),
    ("Finished my last round of chemo today! To everyone still in treatment: hang in there, you are not alone.",
     "peer_support"),
    ("Scan on Friday and the scanxiety is eating me alive, I can't sleep and keep crying.", "emotional_distress"),
    ("Colon cancer screening now starts at 45. Book your colonoscopy, early detection saves lives.", "awareness"),
    ("My insurance denied the PET scan my oncologist ordered and there's a six week wait for an appointment.",
     "care_access"),
    ("Our charity gives grants to help cancer patients with rent and bills, apply on our website.",
     "financial_support"),
    ("My neighbour Tom Baker has stage 4 lung cancer and is in room 12, his number is (212) 555-0188",
     "privacy_leak"),
    ("Fact check: the viral claim that baking soda cures cancer is false, there is no evidence for it.",
     "awareness"),
    ("Telehealth visits with oncology saved us a four hour drive each way.", "care_access"),
    ("We lost my dad to cancer last night. I don't know how to go on without him.", "emotional_distress"),
    ("Watching a documentary about the history of cancer research tonight.", "other"),
]


@pytest.mark.parametrize(("text", "expected"), CLEAR_ENGLISH)
def test_clear_english_examples_get_the_expected_primary(classifier, embedder, text, expected) -> None:
    (result,) = run(classifier, embedder, [text])
    assert result.primary == expected, (result.labels, result.scores)
    assert expected in result.labels


def test_batch_results_match_single_results(classifier, embedder) -> None:
    texts = [text for text, _ in CLEAR_ENGLISH]
    batch = run(classifier, embedder, texts)
    assert [r.primary for r in batch] == [expected for _, expected in CLEAR_ENGLISH]


@pytest.mark.parametrize(
    "text",
    [
        "El jugo de guanábana cura el cáncer mejor que la quimioterapia, los médicos no quieren que lo sepas.",
        "Ce remède naturel guérit le cancer, pas besoin de chimio.",
        "Dieser Kräutertee heilt Krebs, die Ärzte verschweigen es.",
        "Este chá natural cura o câncer em poucas semanas.",
    ],
)
def test_non_english_miracle_cures_do_not_fall_to_other(classifier, embedder, text) -> None:
    (result,) = run(classifier, embedder, [text])
    assert result.primary == "miracle_cure", (result.labels, result.scores)


@pytest.mark.parametrize(
    "text",
    [
        "No, apricot kernels do not cure cancer. This myth has been debunked and they can poison you.",
        "Beware of posts saying turmeric cures cancer instead of chemo: there is no evidence at all.",
        "Es falso que el bicarbonato cura el cáncer, no hay evidencia científica.",
        # A remedy that is no substitute, a cautionary tale, a plea to start treatment.
        "Soursop tea is not a substitute for chemotherapy, whatever the video says.",
        "A graviola não substitui a quimio. Ponto.",
        "There is no diet that shrinks a Wilms tumour. Please, please start the chemo.",
        "„Krebs ist Übersäuerung, Natron heilt jeden Tumor“ stand in der Dorfgruppe. Gefährlicher Unsinn.",
    ],
)
def test_a_debunking_post_is_awareness_not_miracle_cure(classifier, embedder, text) -> None:
    (result,) = run(classifier, embedder, [text])
    assert result.primary == "awareness", (result.labels, result.scores)
    assert "miracle_cure" not in result.labels
    assert any(item.startswith("cue:debunk:") for item in result.evidence["awareness"])


def test_hype_about_an_approved_drug_is_new_therapy(classifier, embedder) -> None:
    (result,) = run(classifier, embedder, ["This FDA approved immunotherapy is a miracle for lung cancer patients!"])
    assert result.primary == "new_therapy"
    assert "miracle_cure" not in result.labels


def test_a_hospitals_own_ad_is_not_a_scam(classifier, embedder) -> None:
    text = "Our hospital now offers same-week mammogram appointments. Book online today."
    (result,) = run(classifier, embedder, [text])
    assert "scam_ad" not in result.labels


def test_a_post_about_privacy_fears_is_not_a_privacy_leak(classifier, embedder) -> None:
    (result,) = run(classifier, embedder, ["I'm afraid my employer will find out about my cancer if I post here."])
    assert "privacy_leak" not in result.labels
    assert result.scores["privacy_leak"] == 0.0


def test_resemblance_alone_does_not_raise_an_alert_category(classifier, embedder) -> None:
    # The English-only model finds any French post a bit like the French miracle-cure prototype.
    (result,) = run(classifier, embedder, ["Faites un don à la Ligue contre le cancer pour aider les familles"])
    assert result.primary == "financial_support"
    assert "miracle_cure" not in result.labels


def test_a_post_can_carry_miracle_cure_and_scam_ad(classifier, embedder) -> None:
    text = "This miracle oil cures cancer naturally, no chemo needed! Only $39, DM to order now."
    (result,) = run(classifier, embedder, [text])
    assert {"miracle_cure", "scam_ad"} <= set(result.labels)
    assert result.primary == "scam_ad"  # the taxonomy's priority: scam_ad before miracle_cure


def test_scores_cover_all_categories_within_bounds(classifier, embedder) -> None:
    results = run(classifier, embedder, [text for text, _ in CLEAR_ENGLISH])
    for result in results:
        assert set(result.scores) == set(CATEGORIES)
        assert all(0.0 <= value <= 1.0 for value in result.scores.values())
        assert result.scores["other"] == pytest.approx(
            1.0 - max(v for k, v in result.scores.items() if k != "other")
        )
        assert result.labels and set(result.evidence) == set(result.labels)


def test_evidence_names_cues_and_prototypes(classifier, embedder) -> None:
    (result,) = run(classifier, embedder, ["Premium soursop capsules, DM to order, worldwide shipping!"])
    evidence = result.evidence["scam_ad"]
    assert "cue:dm to order" in evidence
    known_ids = {proto_id for _, proto_id, _ in prototype_items()}
    nearest = [item.removeprefix("nearest:") for item in evidence if item.startswith("nearest:")]
    assert all(proto_id in known_ids for proto_id in nearest)


def test_privacy_leak_evidence_never_carries_the_data(classifier, embedder) -> None:
    text = "My coworker Ana has leukemia, MRN 4829103, she is in ward 6"
    (result,) = run(classifier, embedder, [text])
    assert result.primary == "privacy_leak"
    assert not any("4829103" in item or "Ana" in item for item in result.evidence["privacy_leak"])


def test_output_length_equals_input_length_and_empty_input(classifier, embedder) -> None:
    texts = ["chemo day 3", "get screened", "DM to order capsules"]
    assert len(run(classifier, embedder, texts)) == 3
    assert classifier.classify([], np.zeros((0, embedder.dim), dtype=np.float32), []) == []


def test_misaligned_inputs_are_refused(classifier, embedder) -> None:
    with pytest.raises(ValueError):
        classifier.classify(["a", "b"], embedder.embed(["a"]), [[], []])
    with pytest.raises(ValueError):
        classifier.classify(["a"], np.zeros((1, 3), dtype=np.float32), [[]])


def test_thresholds_can_be_overridden(embedder) -> None:
    text = "Premium soursop capsules, DM to order, worldwide shipping!"
    strict = BaselineClassifier(embedder, thresholds={"scam_ad": 1.0})
    (result,) = strict.classify([text], embedder.embed([text]), [[]])
    assert "scam_ad" not in result.labels
    with pytest.raises(ValueError):
        BaselineClassifier(embedder, thresholds={"not_a_category": 0.5})
    with pytest.raises(ValueError):
        BaselineClassifier(embedder, thresholds={"scam_ad": 1.5})


def test_it_satisfies_the_classifier_protocol(classifier) -> None:
    def accepts(model: Classifier) -> str:
        return model.version

    assert accepts(classifier).startswith("baseline-")


def test_prototypes_and_cues_cover_the_scored_categories() -> None:
    scored = set(CATEGORIES) - {"privacy_leak", "other"}
    assert set(PROTOTYPES) == scored
    assert set(CUES) == scored
    assert all(5 <= len(items) <= 10 for items in PROTOTYPES.values())


def test_classifying_thousands_of_posts_is_fast(classifier, embedder) -> None:
    base = [text for text, _ in CLEAR_ENGLISH]
    vectors = embedder.embed(base)
    reps = 5000 // len(base) + 1
    texts = (base * reps)[:5000]
    big = np.tile(vectors, (reps, 1))[:5000]
    started = time.perf_counter()
    scores, _ = classifier.prototype_scores(big)
    assert time.perf_counter() - started < 0.5
    assert scores.shape == (5000, len(PROTOTYPES))
    started = time.perf_counter()
    results = classifier.classify(texts, big, [[] for _ in texts])
    assert len(results) == 5000
    # Generous bound for slow CI machines; it takes well under a second on a laptop.
    assert time.perf_counter() - started < 10.0


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("WHAT YOUR ONCOLOGIST WON'T TELL YOU: tumours shrink when the liver is cleansed.", True),
        ("Nobody in your oncology department will tell you this: laetrile reversed her mets.", True),
        ("Laetrile was banned for a reason, and the reason is money.", True),
        # The same framing quoted by the one who takes it apart is no claim.
        ("\"What oncologists won't tell you.\" Mine told me everything, with diagrams.", False),
        ("\"They don't want you to know.\" Who is they? Millions of nurses keeping one secret?", False),
    ],
)
def test_a_suppressed_truth_is_a_cure_claims_cue_unless_quoted(text, claims) -> None:
    framing = [c for c in CUES["miracle_cure"] if c.name in ("won't tell you", "doctors don't want you to know")]
    assert len(framing) == 2
    assert any(re.search(c.pattern, text.lower()) for c in framing) is claims
