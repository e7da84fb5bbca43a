"""Classifier quality and speed: held-out corpus, real COVID-19 rumours, and cost per post.

    .venv/bin/python benchmarks/classify_eval.py [--n 5000] [--json]

1. Held-out split of the labelled corpus (`analysis/corpus/heldout/`, never trained on): the
   metrics of `oncowatch eval classify`.
2. Real tweets nobody here wrote: `../shared/data/covid19_rumor/Twitter.csv` (COVID-19 claims
   labelled T/F/U, Cheng et al. 2021), a proxy for health misinformation outside oncology. The
   taxonomy is about cancer, so there is no gold category: reported are the share of false (F)
   and true (T) claims labelled `miracle_cure` and the ROC AUC of its score between them.
3. Speed on `--n` sample posts: privacy + classification per second against the raw encoder.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
SHARED = HERE.parent.parent / "shared" / "data"


def _auc(positives: list[float], negatives: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def main() -> None:
    """Run the three measurements and save them under benchmarks/results/."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from analysis.privacy import detect_pii
    from pipelines.classify_file import DirectClassifier
    from pipelines.config import PipelineConfig, StoreSpec
    from pipelines.evaluate import evaluate_labelled
    from pipelines.models import shared_classifier, shared_embedder
    from pipelines.sources.sample import generate

    cfg = PipelineConfig(store=StoreSpec(), privacy_key=b"benchmark-key-not-a-secret")
    heldout = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((HERE.parent / "analysis/corpus/heldout").glob("*.jsonl"))
    )
    report: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cpus",
    }
    report["heldout"] = evaluate_labelled(io.StringIO(heldout), cfg)

    rumours = SHARED / "covid19_rumor" / "Twitter.csv"
    if rumours.exists():
        with rumours.open(encoding="utf-8-sig") as handle:
            rows = [
                r for r in csv.DictReader(handle) if r.get("content") and r.get("label") in ("T", "F", "U")
            ]
        done = DirectClassifier(cfg).classify_rows([{"text": r["content"]} for r in rows])
        by: dict[str, dict] = {}
        for row, item in zip(rows, done, strict=True):
            group = by.setdefault(row["label"], {"n": 0, "miracle_cure": 0, "scores": [], "primary": {}})
            group["n"] += 1
            group["miracle_cure"] += "miracle_cure" in item.result.labels
            group["scores"].append(item.result.scores["miracle_cure"])
            group["primary"][item.result.primary] = group["primary"].get(item.result.primary, 0) + 1
        report["covid19_rumor"] = {
            label: {
                "n": g["n"],
                "miracle_cure_rate": round(g["miracle_cure"] / g["n"], 3),
                "primary": g["primary"],
            }
            for label, g in sorted(by.items())
        }
        if "F" in by and "T" in by:
            report["covid19_rumor"]["miracle_cure_auc_F_vs_T"] = round(
                _auc(by["F"]["scores"], by["T"]["scores"]), 3
            )
    else:
        report["covid19_rumor"] = f"skipped: {rumours} not found"

    texts = [p["text"] for p in generate(args.n, days=7, seed=5)]
    embedder = shared_embedder(cfg)
    classifier = shared_classifier(cfg)
    started = time.perf_counter()
    vectors = embedder.embed(texts)
    encode_s = time.perf_counter() - started
    started = time.perf_counter()
    spans = [detect_pii(t) for t in texts]
    privacy_s = time.perf_counter() - started
    started = time.perf_counter()
    classifier.classify(texts, vectors, spans)
    classify_s = time.perf_counter() - started
    report["speed"] = {
        "posts": len(texts),
        "encode_per_s": round(len(texts) / encode_s, 1),
        "privacy_per_s": round(len(texts) / privacy_s, 1),
        "classify_per_s": round(len(texts) / classify_s, 1),
        "classify_share_of_encode_time": round(classify_s / encode_s, 3),
    }
    out = HERE / "results" / f"classify-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    if args.json:
        print(json.dumps(report))
        return
    h = report["heldout"]
    print(f"held-out ({h['n']}): macro-F1 {h['macro_f1']:.3f}, primary accuracy {h['primary_accuracy']:.3f}")
    for name, m in h["per_category"].items():
        print(f"  {name:<20} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} (n={m['support']})")
    for name, c in h["hard_cases"].items():
        print(f"  hard case {name:<20} {c['accuracy']:.3f} of {c['n']}")
    print(f"covid19_rumor: {json.dumps(report['covid19_rumor'])}")
    print(f"speed: {json.dumps(report['speed'])}")
    print(f"saved {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
