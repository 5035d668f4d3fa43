"""The Python API as another program calls it: `import extract`, then one call per recap."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED

import extract
from extract.engines.local import LocalEngine
from extract.ingest import IngestError
from extract.models import Extraction

TEXT = "- 비동기 파이썬 - 김민수 (카카오)\n- 사회는 이서윤 님이 맡아 주셨다.\n"


def test_extract_text_returns_the_output_contract_with_spans_into_the_text() -> None:
    result = extract.extract_text(TEXT)
    assert isinstance(result, Extraction) and result.document.language == "ko"
    talk = next(t for t in result.talks if t.title == "비동기 파이썬")
    assert [(s.name, s.affiliation) for s in talk.speakers] == [("김민수", "카카오")]
    assert all(TEXT[s.start : s.end] == s.text for s in talk.evidence)


def test_extract_text_takes_the_language_and_an_engine_object() -> None:
    detected = extract.extract_text("Rust in production by Jane Doe (Acme)\n")
    forced = extract.extract_text("Rust in production by Jane Doe (Acme)\n", language="ko", engine=LocalEngine())
    assert (detected.document.language, forced.document.language) == ("en", "ko")


def test_extract_path_reads_a_recap_file_as_extract_run_does(tmp_path: Path) -> None:
    result = extract.extract_path(SEED)
    assert result.document.id == SEED.stem and len(result.talks) >= 10
    with pytest.raises(IngestError, match="cannot read"):
        extract.extract_path(tmp_path / "missing.txt")
