"""The pipeline: ingest -> segment -> candidates -> engine -> resolve -> ground -> write."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from extract import __version__
from extract.candidates import tag_candidates
from extract.engines import Engine, EngineFailure
from extract.ground import ground
from extract.ingest import DEFAULT_MAX_BYTES, IngestError, Recap, SourceDocument, TooLarge, read_document
from extract.models import DocumentInfo, Extraction, RunInfo, Usage
from extract.resolve import resolve
from extract.segment import Language, segment
from extract.write import atomic_write_text, output_path, read_extraction, text_file_name, write_extraction

Status = Literal["done", "skipped", "failed"]
MAX_DROPS_LISTED = 100
T = TypeVar("T")


@dataclass(frozen=True)
class FileResult:
    path: Path
    status: Status
    talks: int = 0
    launches: int = 0
    credits: int = 0
    seconds: float = 0.0
    error: str | None = None
    usage: Usage | None = None


def extract_document(
    document: SourceDocument,
    engine: Engine,
    timings: dict[str, float] | None = None,
    language: Language | None = None,
) -> Extraction:
    """Every stage over one document, in memory; `timings` (if given) accumulates seconds per stage;
    the language is detected unless given."""
    started = time.perf_counter()
    clock = _StageClock(timings)
    segmentation = clock("segment", segment, document.text, language)
    candidates = clock("candidates", tag_candidates, segmentation)
    records = clock("engine", engine.extract, segmentation, candidates)
    resolved = clock("resolve", resolve, records, document.text, candidates)
    grounded = clock("ground", ground, resolved, document.text)
    return Extraction(
        document=DocumentInfo(
            id=document.id,
            path=document.path.as_posix(),
            sha256=document.sha256,
            language=segmentation.language,
            chars=len(document.text),
            format=document.format,
            text_file=text_file_name(document.id) if document.format == "html" else None,
        ),
        talks=grounded.talks,
        launches=grounded.launches,
        credits=grounded.credits,
        entities=grounded.entities,
        run=RunInfo(
            engine=engine.name,
            model=engine.model,
            settings=engine.fingerprint,
            version=__version__,
            duration_s=round(time.perf_counter() - started, 3),
            dropped=records.dropped + grounded.dropped,
            drops=records.drops[:MAX_DROPS_LISTED],
            failed_chunks=records.failed_chunks,
            usage=records.usage,
        ),
    )


@lru_cache(maxsize=1)  # once per process: freezing again would also pin each later file's garbage
def freeze_warm_state() -> None:
    """Hide what is alive after a process's first file from the cyclic garbage collector: Kiwi (spaCy
    for English), lexicons and compiled rules live as long as the process, and every full
    collection would walk them again (about a tenth of a many-file run's time)."""
    gc.freeze()


class _StageClock:
    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def __call__(self, stage: str, function: Callable[..., T], *arguments: Any) -> T:
        started = time.perf_counter()
        result = function(*arguments)
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started
        return result


def current_output(path: Path, document: SourceDocument, engine: Engine) -> Extraction | None:
    """The existing output when it came from the same bytes, engine, model, settings and version."""
    if not path.exists():
        return None
    try:
        existing = read_extraction(path)
    except (OSError, ValueError):
        return None  # unreadable or from an older contract: extract again
    run = existing.run
    fresh = (existing.document.sha256, run.engine, run.model, run.settings, run.version) == (
        document.sha256,
        engine.name,
        engine.model,
        engine.fingerprint,
        __version__,
    )
    text_kept = existing.document.text_file is None or path.with_name(existing.document.text_file).exists()
    return existing if fresh and text_kept else None


def run_file(
    recap: Recap,
    engine: Engine,
    out_dir: Path,
    force: bool = False,
    debug: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FileResult:
    """One file end to end; every failure becomes a one-line error in the result (`debug` re-raises)."""
    started, path = time.perf_counter(), recap.path
    try:
        document = read_document(path, max_bytes, recap.id)
        target = output_path(out_dir, document.id)
        existing = None if force else current_output(target, document, engine)
        if existing is not None:
            return FileResult(path, "skipped", len(existing.talks), len(existing.launches), len(existing.credits))
        extraction = extract_document(document, engine)
        if extraction.document.text_file:  # written first: an output never names a text that is not there
            atomic_write_text(target.with_name(extraction.document.text_file), document.text)
        write_extraction(extraction, target)
    except TooLarge as error:
        return FileResult(path, "skipped", error=str(error))
    except (IngestError, EngineFailure) as error:
        return FileResult(path, "failed", error=str(error))
    except OSError as error:
        return FileResult(path, "failed", error=f"cannot write output: {error.strerror or error}")
    except Exception as error:  # one file's failure must not lose the other files' outputs
        if debug:
            raise
        return FileResult(path, "failed", error=f"internal error: {type(error).__name__}: {error} (rerun with --debug)")
    return FileResult(
        path,
        "done",
        len(extraction.talks),
        len(extraction.launches),
        len(extraction.credits),
        time.perf_counter() - started,
        usage=extraction.run.usage,
    )
