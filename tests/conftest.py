from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from extract.candidates import Candidates, tag_candidates
from extract.engines import Records
from extract.engines.local import LocalEngine
from extract.ground import Grounded, ground
from extract.ingest import read_document
from extract.models import Extraction
from extract.pipeline import extract_document
from extract.resolve import resolve
from extract.segment import Segmentation, segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "aiewf-2025-recap.ko.txt"


@pytest.fixture(autouse=True)
def _no_heap_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    """`extract run` in this process must not freeze the test process's heap: frozen objects are
    invisible to gc.get_referrers, which other libraries' checks rely on."""
    monkeypatch.setattr("gc.freeze", lambda: None)


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    return extract_document(read_document(SEED), LocalEngine())


def analyse(text: str) -> tuple[Segmentation, Candidates]:
    segmentation = segment(text)
    return segmentation, tag_candidates(segmentation)


def extract_records(text: str) -> Records:
    return LocalEngine().extract(*analyse(text))


def grounded(text: str) -> Grounded:
    """The local engine's records of `text` as the pipeline writes them: resolved and grounded."""
    _, candidates = analyse(text)
    return ground(resolve(extract_records(text), text, candidates), text)


HOSTILE_RECAP = '**<script>window.pwned = 1</script> & 발표**\n연사: <b>홍길동</b> 님 "</mark>"\n'


@pytest.fixture
def hostile_output(tmp_path: Path) -> Path:
    """An output (written by hand, offsets real) whose recap and records hold markup and script."""
    from extract.models import Credit, DocumentInfo, Entity, Person, RunInfo, Span, Talk
    from extract.write import output_path, write_extraction

    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE_RECAP, encoding="utf-8")
    document = read_document(source)

    def span(text: str) -> Span:
        start = document.text.index(text)
        return Span(start=start, end=start + len(text), text=text)

    speaker = Person(name="<b>홍길동</b>", affiliation="</script><script>window.pwned = 2</script>")
    extraction = Extraction(
        document=DocumentInfo(
            id=document.id, path=str(source), sha256=document.sha256, language="ko", chars=len(document.text)
        ),
        talks=[
            Talk(
                id="talk-1",
                title="<script>window.pwned = 1</script> & 발표",
                speakers=[speaker],
                evidence=[span("<script>window.pwned = 1</script> & 발표"), span("<b>홍길동</b> 님")],
            )
        ],
        launches=[],
        credits=[
            Credit(
                id="credit-1", person=speaker, role="other", role_text="연사", evidence=[span("연사: <b>홍길동</b>")]
            )
        ],
        entities=[
            Entity(id="person-1", type="PERSON", name="<b>홍길동</b>", aliases=[], mentions=[span("<b>홍길동</b>")])
        ],
        run=RunInfo(engine="local", version="test", duration_s=0.1),
    )
    outputs = tmp_path / "outputs"
    write_extraction(extraction, output_path(outputs, document.id))
    return outputs


def benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ loaded as a module (`benchmark("quality")`), to measure what it measures."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module
