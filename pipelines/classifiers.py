"""Which classifier a pipeline uses, and where its trained form is cached.

The trained classifier is fitted on the labelled corpus shipped in `analysis/corpus/train/` the
first time it is needed, then cached as a small `.npz` keyed by the recipe, the corpus digest and
the embedding model; any change to one of them trains a new one, and the version string recorded
on every enriched post says which.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from analysis.classify import BaselineClassifier
from analysis.embedding import Embedder
from analysis.trained import Example, TrainedClassifier, version_for

log = logging.getLogger(__name__)

KINDS = ("trained", "baseline")


def _corpus_root() -> Path:
    return Path(str(resources.files("analysis") / "corpus"))


def load_corpus(split: str = "train", root: Path | None = None) -> list[Example]:
    """Every labelled example of a split (`train` or `heldout`), in file then line order."""
    folder = (root or _corpus_root()) / split
    if not folder.is_dir():
        raise FileNotFoundError(f"no corpus split {split!r} at {folder}")
    examples: list[Example] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            labels = set(row.get("labels") or []) | ({row["primary"]} if row.get("primary") else set())
            if not labels or not row.get("text"):
                raise ValueError(f"{path.name}:{number}: a corpus line needs text and labels")
            examples.append(
                Example(row["id"], row["text"], frozenset(labels), row.get("lang"), row.get("hard_case"))
            )
    return examples


@cache
def _trained_version() -> str:
    return version_for(load_corpus("train"))


def classifier_version(kind: str = "trained") -> str:
    """The version the classifier of this kind will record, known before it is built."""
    if kind == "baseline":
        return BaselineClassifier.version
    if kind == "trained":
        return _trained_version()
    raise ValueError(f"unknown classifier {kind!r}; known: {', '.join(KINDS)}")


def default_cache_dir() -> Path:
    """`$ONCOWATCH_MODEL_CACHE`, else the user's cache folder."""
    if configured := os.environ.get("ONCOWATCH_MODEL_CACHE"):
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "oncowatch" / "models"


def build_classifier(
    kind: str,
    embedder: Embedder,
    cache_dir: Path | None = None,
    thresholds: dict[str, float] | None = None,
):
    """The classifier of this kind on this embedder, trained once and cached on disk."""
    if kind == "baseline":
        return BaselineClassifier(embedder, thresholds=thresholds)
    version = classifier_version(kind)
    folder = cache_dir or default_cache_dir()
    path = folder / f"classifier-{version}-{embedder.version}.npz"
    if not path.exists():
        _train_and_cache(embedder, version, folder, path)
    with np.load(path, allow_pickle=False) as stored:
        return TrainedClassifier(embedder, dict(stored), thresholds=thresholds)


def _train_and_cache(embedder: Embedder, version: str, folder: Path, path: Path) -> None:
    started = time.perf_counter()
    examples = load_corpus("train")
    # Said at WARNING so that a CLI user sees why the first run of a new version pauses.
    log.warning(
        "training classifier %s on %d labelled examples: first use of this version, a few minutes; "
        "cached in %s afterwards", version, len(examples), folder,
    )
    classifier = TrainedClassifier.train(embedder, examples)
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: two workers training at once never read a half-written file.
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".npz", delete=False) as handle:
        np.savez(handle, **classifier.to_arrays())
    os.replace(handle.name, path)
    log.info("classifier %s trained in %.1f s, cached at %s", version, time.perf_counter() - started, path)
