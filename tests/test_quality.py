"""The quality table over real recaps: every recap has golden records grounded in its text, and pooled F1
on tune/ and check/ may not fall more than 0.02 below the figures committed in benchmarks/quality.json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import benchmark

from extract.evaluate import RECORD_TYPES
from extract.ingest import read_document

ROOT = Path(__file__).resolve().parent.parent
RECAPS = ROOT.parent / "shared" / "recaps"
COMMITTED = ROOT / "benchmarks" / "quality.json"
ALLOWED_DROP = 0.02


def _strings(record: dict[str, Any]) -> Iterator[str]:
    """Every name, title and organisation a golden record gives: each must be the text's own words."""
    for name in ("title", "name", "track", "organization"):
        if isinstance(record.get(name), str):
            yield record[name]
    yield from record.get("aliases", [])
    person = record.get("person")
    for people in (record.get("speakers", []), record.get("presenters", []), [person] if person else []):
        for p in people:
            yield from [p] if isinstance(p, str) else [p[k] for k in ("name", "name_ko", "affiliation") if p.get(k)]


@pytest.mark.parametrize("folder", ["tune", "check"])
def test_every_shared_recap_has_golden_records_in_its_own_words(folder: str) -> None:
    recaps = sorted(p.stem for p in (RECAPS / folder).glob("*.txt"))
    goldens = sorted(p.stem for p in (ROOT / "tests" / "golden" / folder).glob("*.json"))
    assert recaps and goldens == recaps
    for stem in goldens:
        golden = json.loads((ROOT / "tests" / "golden" / folder / f"{stem}.json").read_text(encoding="utf-8"))
        assert golden["document"] == stem and golden["note"]
        text = read_document(ROOT / golden["source"]).text
        assert Path(golden["source"]).parent.name == folder
        missing = [s for t in RECORD_TYPES for r in golden[t] for s in _strings(r) if s not in text]
        assert missing == [], stem


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    quality = benchmark("quality")
    summary: dict[str, Any] = quality.summarise(quality.score_all())
    return summary


@pytest.mark.parametrize("folder", ["seed", "tune", "check"])
def test_pooled_f1_holds_the_committed_figure(measured: dict[str, Any], folder: str) -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))["folders"][folder]
    now = measured["folders"][folder]
    assert now["documents"] == committed["documents"] and now["required"] == committed["required"]
    assert now["f1"] >= committed["f1"] - ALLOWED_DROP, (folder, now, committed)
