"""What spaCy's English model costs the pipeline, measured apart from the Korean benchmark (`run.py`).

    python benchmarks/english_model.py [--rounds 3] [--json benchmarks/english_model.json]

- load: a fresh process importing spaCy and loading `en_core_web_sm` (as the first English document
  does), against one that only imports spaCy (which every English document needs for its tokenizer);
- the English recaps of `../shared/recaps` (tune/ and check/) through the pipeline, warm, with the
  model's entities and with the model left out: seconds, characters per second, the model's share.
Best of --rounds for every figure. A Korean-only run never loads the model (a test holds to that).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import english_entities  # noqa: E402
from extract.engines.local import LocalEngine  # noqa: E402
from extract.ingest import SourceDocument, read_document  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402

RECAPS = ROOT.parent / "shared" / "recaps"
LOAD = f"import spacy; spacy.load({english_entities.MODEL!r}, exclude={list(english_entities.UNUSED_COMPONENTS)!r})"


def process_seconds(code: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - started)
    return best


def pipeline_seconds(documents: list[SourceDocument], rounds: int) -> float:
    engine, best = LocalEngine(), float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for document in documents:
            extract_document(document, engine)
        best = min(best, time.perf_counter() - started)
    return best


def without_model(measure: Callable[[], float]) -> float:
    """`measure()` with the model's entities left out of the candidates stage."""
    model_entities = english_entities.model_entities
    english_entities.model_entities = lambda segmentation: []
    try:
        return measure()
    finally:
        english_entities.model_entities = model_entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "english_model.json")
    args = parser.parse_args()
    paths = sorted(RECAPS.glob("*/*.en.txt"))
    documents = [read_document(path) for path in paths]
    chars = sum(len(d.text) for d in documents)
    pipeline_seconds(documents, 1)  # warm: Kiwi is not loaded for English, spaCy and the model are
    with_model = pipeline_seconds(documents, args.rounds)
    plain = without_model(lambda: pipeline_seconds(documents, args.rounds))
    spacy_only = process_seconds("import spacy; spacy.blank('en')", args.rounds)
    loaded = process_seconds(LOAD, args.rounds)
    result: dict[str, Any] = {
        "documents": len(documents),
        "chars": chars,
        "load_seconds": round(loaded - spacy_only, 2),
        "pipeline_seconds_with_model": round(with_model, 2),
        "pipeline_seconds_without_model": round(plain, 2),
        "chars_per_second_with_model": round(chars / with_model),
        "chars_per_second_without_model": round(chars / plain),
        "model_share": round(1 - plain / with_model, 2),
    }
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"| {len(documents)} English recaps, {chars:,} characters | with the model | without |")
    print("|---|---|---|")
    timings = (f"{seconds:.2f} s ({chars / seconds:,.0f} chars/s)" for seconds in (with_model, plain))
    print("| pipeline, warm | {} | {} |".format(*timings))
    print(f"| model load (once per process) | +{loaded - spacy_only:.2f} s | – |")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
