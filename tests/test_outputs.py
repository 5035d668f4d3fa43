"""What the repository publishes: outputs for raw/, their grounding, the schemas and the quality bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from extract.engines.local import LocalEngine
from extract.evaluate import compare, load_golden
from extract.ingest import discover, read_document
from extract.models import Extraction
from extract.pipeline import extract_document
from extract.schema import schema_files
from extract.write import output_path, read_extraction

OUTPUTS = ROOT / "outputs"


def _spans(extraction: Extraction) -> list[dict[str, object]]:
    data = extraction.model_dump()
    records = data["talks"] + data["launches"] + data["credits"]
    return [s for r in records for s in r["evidence"]] + [m for e in data["entities"] for m in e["mentions"]]


def test_every_evidence_span_in_every_output_is_exact() -> None:
    outputs = sorted(OUTPUTS.glob("*.json"))
    assert outputs, "outputs/ holds no outputs"
    for path in outputs:
        extraction = read_extraction(path)
        text = read_document(ROOT / extraction.document.path).text
        spans = _spans(extraction)
        assert spans
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"], (path.name, span)  # type: ignore[misc]


def test_committed_outputs_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # outputs record the path as given: `extract run raw/` from the repository root
    for recap in discover([Path("raw")]).recaps:
        document = read_document(recap.path, document_id=recap.id)
        committed = read_extraction(output_path(OUTPUTS, document.id))
        fresh = extract_document(document, LocalEngine())
        timing = {"run": {"duration_s"}}
        assert fresh.model_dump(exclude=timing) == committed.model_dump(exclude=timing), (
            f"outputs/{recap.id}.json is stale: run `extract run raw/ --force`"
        )


def test_committed_schemas_match_the_models() -> None:
    for name, content in schema_files().items():
        committed = ROOT / "schemas" / name
        assert committed.exists() and committed.read_text(encoding="utf-8") == content, (
            f"schemas/{name} drifted from the models: run `extract schema`"
        )
    assert {p.name for p in (ROOT / "schemas").glob("*.json")} == set(schema_files())


def test_outputs_validate_against_the_published_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(json.loads(next(OUTPUTS.glob("*.json")).read_text(encoding="utf-8")))


def test_local_engine_meets_the_f1_bar_on_every_golden_document() -> None:
    for golden_path in sorted((ROOT / "tests" / "golden").glob("*.json")):
        golden = load_golden(golden_path)
        document = read_document(ROOT / golden["source"])
        report = compare(extract_document(document, LocalEngine()), golden)
        for record_type, score in report.records.items():
            assert score.f1 >= 0.9, (golden_path.name, record_type, score)
