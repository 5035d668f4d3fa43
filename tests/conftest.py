from __future__ import annotations

from pathlib import Path

import pytest

from extract.candidates import Candidates, tag_candidates
from extract.engines import Records
from extract.engines.local import LocalEngine
from extract.ingest import read_document
from extract.models import Extraction
from extract.pipeline import extract_document
from extract.segment import Segmentation, segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "aiewf-2025-recap.ko.txt"


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    return extract_document(read_document(SEED), LocalEngine())


def analyse(text: str) -> tuple[Segmentation, Candidates]:
    segmentation = segment(text)
    return segmentation, tag_candidates(segmentation)


def extract_records(text: str) -> Records:
    return LocalEngine().extract(*analyse(text))
