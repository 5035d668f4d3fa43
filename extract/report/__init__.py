"""The review report: every output shown in its source text, as self-contained HTML pages.

`build_report` is the I/O edge (read outputs, sources and golden files; write pages); the page text
comes from the pure functions in `render`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate import RECORD_TYPES, load_golden, match
from extract.ingest import IngestError, recap_text
from extract.models import Extraction
from extract.report.render import DocumentView, document_page, index_page
from extract.write import atomic_write_text, output_path, read_extraction

PAGES = "docs"  # pages live one folder below the index, so no document id can collide with index.html


@dataclass
class ReportResult:
    index: Path
    pages: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each
    unreadable: int = 0  # outputs that could not be read (no page)


def output_files(outputs: Path) -> list[Path]:
    """One output file, or every output in a folder and the folders under it (as `run` mirrors them)."""
    if outputs.is_file():
        return [outputs]
    return sorted(p for p in outputs.rglob("*.json") if not any(part.startswith(".") for part in p.parts))


def build_report(
    outputs: Path, html_dir: Path, golden_dir: Path | None = None, sources: Path | None = None
) -> ReportResult:
    goldens = _goldens(golden_dir) if golden_dir else {}
    result = ReportResult(index=html_dir / "index.html")
    views: list[DocumentView] = []
    for path in output_files(outputs):
        try:
            extraction = read_extraction(path)
        except (OSError, ValueError) as error:
            result.warnings.append(f"{path}: cannot read output ({type(error).__name__}); no page")
            result.unreadable += 1
            continue
        view = _view(extraction, path, sources, goldens.get(extraction.document.id))
        if view.problem:
            result.warnings.append(f"{path}: {view.problem}")
        page = html_dir / view.page
        atomic_write_text(page, document_page(view))
        result.pages.append(page)
        views.append(view)
    atomic_write_text(result.index, index_page(views))
    return result


def _goldens(folder: Path) -> dict[str, dict[str, Any]]:
    files = sorted(folder.glob("*.json")) if folder.is_dir() else [folder]
    return {golden["document"]: golden for golden in map(load_golden, files)}


def _view(
    extraction: Extraction, output_file: Path, sources: Path | None, golden: dict[str, Any] | None
) -> DocumentView:
    document = extraction.document
    page = f"{PAGES}/{output_path(Path(), document.id).with_suffix('.html').as_posix()}"
    matchings = None
    if golden is not None:
        dumped = extraction.model_dump(mode="json")
        matchings = {t: match(t, dumped[t], golden.get(t, [])) for t in RECORD_TYPES}
    view = DocumentView(extraction, page, text=None, golden=golden, matchings=matchings)
    try:
        view.text = recap_text(document, output_file, sources)
    except IngestError as error:
        source = document.text_file or (sources / Path(document.path).name if sources else document.path)
        view.problem = f"source {source} not shown: {error}"
    return view
