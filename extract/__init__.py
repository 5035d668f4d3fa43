"""recap-extract: source-grounded talks, launches and credits from conference recaps.

The Python API (the command line is `extract.cli`):

    import extract

    result = extract.extract_text("**김민수(Minsu Kim) — 비동기 파이썬**", language="ko")
    for talk in result.talks:
        print(talk.title, [s.name for s in talk.speakers], talk.evidence[0].start)

Both functions return the output contract, `extract.models.Extraction`, as `extract run` writes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.engines import Engine
    from extract.models import Extraction
    from extract.segment import Language

__version__ = "0.1.0"
__all__ = ["__version__", "extract_path", "extract_text"]


def extract_text(
    text: str, *, language: Language | None = None, engine: str | Engine = "local", document_id: str = "text"
) -> Extraction:
    """Extract the records of one recap given as text. Offsets refer to `extract.ingest.normalise(text)`
    (NFC, `\n` line ends, no zero-width characters, full-width forms folded), which is `text` itself
    for most texts. `language` ("ko" or "en") is detected from the script unless given; `engine` is
    "local", "llm" (configured by the environment and `[tool.extract]`, as for `extract run`) or an
    engine object."""
    import hashlib

    from extract.ingest import SourceDocument, normalise
    from extract.pipeline import extract_document

    source = SourceDocument(
        document_id, Path(document_id), normalise(text), hashlib.sha256(text.encode()).hexdigest(), "utf-8"
    )
    return extract_document(source, _engine(engine), language=language)


def extract_path(path: str | Path, *, language: Language | None = None, engine: str | Engine = "local") -> Extraction:
    """Extract the records of one recap file (.txt, .md, or an HTML page: its main text, which the
    offsets then refer to). Raises `extract.ingest.IngestError` for a file that cannot be read."""
    from extract.ingest import read_document
    from extract.pipeline import extract_document

    return extract_document(read_document(Path(path)), _engine(engine), language=language)


def _engine(engine: str | Engine) -> Engine:
    from extract.engines import get_engine

    return get_engine(engine) if isinstance(engine, str) else engine
