"""Fit the scorer's weights on tune/: a logistic regression per record type over the features of
every record the engines propose, labelled by the golden records.

    python benchmarks/fit_scores.py [--engines local llm] [--write] [llm flags as for quality.py]

Each tune/ recap is extracted with the scorer keeping everything (a recap the engine fails on, such as
one the llm cache lacks while no server answers, is left out and named); each record proposed is labelled
right (it matches a required golden record) or wrong (it matches none; one matching an optional record
is left out), and described by the features `extract/score.py` registers for its type (the engine's
own among them). Per record type a logistic regression (L2, fitted here with numpy) gives a weight per
feature and a bias; the threshold is the score that maximises F1 over the tune/ records. Printed
beside the committed weights: the F1 each set reaches on tune/, in sample and leaving one document out
at a time (the fitted weights refitted without it). `--write` replaces `extract/data/record_scores.json`
with the fitted weights. Nothing is read from check/.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # its sibling quality.py, also when loaded as a module

from quality import FOLDERS, golden_files  # noqa: E402

from extract import score  # noqa: E402
from extract.engines import Engine, EngineFailure, get_engine  # noqa: E402
from extract.evaluate import load_golden, match  # noqa: E402
from extract.ingest import read_document  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402
from extract.score import RECORD_TYPES, Source, Weights, held  # noqa: E402

PLURAL = {"talk": "talks", "launch": "launches", "credit": "credits"}
WEIGHTS = ROOT / "extract" / "data" / "record_scores.json"
_L2 = 1.0  # the regularisation: with few wrong records, weights stay near what the data shows often
_STEPS = 2000


@dataclass(frozen=True)
class Example:
    document: str
    record_type: str
    features: frozenset[str]
    right: bool


def examples(engine: Engine) -> list[Example]:
    """Every record the engine proposes on tune/, with its features and whether it is right."""
    keep_all = {t: Weights(0.0, float("-inf"), {}) for t in RECORD_TYPES}
    found = []
    with score.weighed_by(keep_all):
        for path in golden_files(FOLDERS["tune"]):
            golden = load_golden(path)
            document = read_document(ROOT / golden["source"])
            try:
                extraction = extract_document(document, engine)
            except EngineFailure as error:  # left out, and named: no records to learn from
                print(f"left out {golden['document']} ({engine.name}): {error}", file=sys.stderr)
                continue
            source = Source(document.text, engine.name)
            for record_type in RECORD_TYPES:
                records = getattr(extraction, PLURAL[record_type])
                predicted = [r.model_dump(mode="json") for r in records]
                matching = match(PLURAL[record_type], predicted, golden.get(PLURAL[record_type], []))
                right = {p for p, _ in matching.pairs}
                for index in right | set(matching.extra):
                    features = frozenset(held(record_type, records[index], source))
                    found.append(Example(golden["document"], record_type, features, index in right))
    return found


def fit(rows: list[Example], names: list[str]) -> tuple[float, dict[str, float]]:
    """Bias and weights of an L2-regularised logistic regression (gradient descent)."""
    x = np.array([[name in row.features for name in names] for row in rows], dtype=float).reshape(len(rows), len(names))
    y = np.array([row.right for row in rows], dtype=float)
    w, b = np.zeros(len(names)), 0.0
    for _ in range(_STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.5 * ((x.T @ (p - y)) + _L2 * w) / len(rows)
        b -= 0.5 * float(np.sum(p - y)) / len(rows)
    return round(b, 3), {name: round(float(v), 3) for name, v in zip(names, w, strict=True) if abs(v) >= 1e-3}


def scores(rows: list[Example], weights: Weights) -> list[float]:
    return [weights.bias + sum(weights.weights.get(name, 0.0) for name in row.features) for row in rows]


def f1(rows: list[Example], kept: list[bool]) -> float:
    """F1 over these records, as if every right one were a golden record (missed ones are not known)."""
    tp = sum(1 for row, k in zip(rows, kept, strict=True) if k and row.right)
    fp = sum(1 for row, k in zip(rows, kept, strict=True) if k and not row.right)
    fn = sum(1 for row, k in zip(rows, kept, strict=True) if not k and row.right)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(rows: list[Example], weights: Weights) -> float:
    values = scores(rows, weights)
    candidates = sorted(set(values))
    return max(candidates, key=lambda t: (f1(rows, [v >= t for v in values]), -t)) if candidates else 0.0


def fitted(rows: list[Example], record_type: str) -> Weights:
    names = sorted(score.FEATURES[record_type])
    bias, weights = fit(rows, names) if rows else (0.0, {})
    unthresholded = Weights(bias, 0.0, weights)
    return Weights(bias, best_threshold(rows, unthresholded), weights)


def leave_one_out(rows: list[Example], record_type: str) -> float:
    """F1 with each document's records kept by weights fitted on the other documents."""
    kept = []
    ordered = sorted(rows, key=lambda row: row.document)
    for document in sorted({row.document for row in rows}):
        held_out = [row for row in ordered if row.document == document]
        weights = fitted([row for row in ordered if row.document != document], record_type)
        kept += [value >= weights.threshold for value in scores(held_out, weights)]
    return f1(ordered, kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="+", default=["local"], choices=["local", "llm"])
    parser.add_argument("--write", action="store_true", help="write the fitted weights to the package")
    for flag in ("--model", "--base-url", "--mode", "--cache-dir"):
        parser.add_argument(flag)
    parser.add_argument("--max-retries", type=int)  # part of the cache key: as the answers were asked
    args = parser.parse_args()
    flags = {
        "model": args.model,
        "base_url": args.base_url,
        "mode": args.mode,
        "cache_dir": args.cache_dir,
        "max_retries": args.max_retries,
    }
    given = {k: v for k, v in flags.items() if v is not None}
    rows = [row for name in args.engines for row in examples(get_engine(name, given))]
    committed = score.weights()
    out: dict[str, Any] = {
        "about": f"Fitted by benchmarks/fit_scores.py on the tune/ records of {' and '.join(args.engines)}."
    }
    print("| type | records | right | committed F1 | fitted F1 | fitted, one document left out |")
    print("| --- | --- | --- | --- | --- | --- |")
    for record_type in RECORD_TYPES:
        group = [row for row in rows if row.record_type == record_type]
        weights = fitted(group, record_type)
        kept_committed = [v >= committed[record_type].threshold for v in scores(group, committed[record_type])]
        kept_fitted = [v >= weights.threshold for v in scores(group, weights)]
        right = sum(row.right for row in group)
        print(
            f"| {record_type} | {len(group)} | {right} | {f1(group, kept_committed):.3f} | "
            f"{f1(group, kept_fitted):.3f} | {leave_one_out(group, record_type):.3f} |"
        )
        out[record_type] = {"bias": weights.bias, "threshold": weights.threshold, "weights": weights.weights}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if args.write:
        WEIGHTS.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
