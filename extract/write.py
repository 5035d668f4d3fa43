"""Write: one JSON file per document, atomically (a reader never sees half a file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TextIO

from extract.models import Extraction


def output_path(out_dir: Path, document_id: str) -> Path:
    """`<out>/<document id>.json`, the recap's folders mirrored; no id can climb out of the folder."""
    parts = [part for part in PurePosixPath(document_id).parts if part not in ("/", ".", "..")] or ["document"]
    return out_dir.joinpath(*parts[:-1], f"{parts[-1]}.json")


def text_file_name(document_id: str) -> str:
    """Beside an HTML page's output, the file holding the main text its offsets refer to."""
    return f"{PurePosixPath(document_id).name}.text"


def write_extraction(extraction: Extraction, path: Path) -> None:
    atomic_write_text(path, extraction.model_dump_json(indent=2) + "\n")  # UTF-8 as written, not \u escapes


TEMPORARY_SUFFIX = ".tmp"
# mkstemp makes owner-only files; a written output gets the permissions any new file would get.
_UMASK = os.umask(0)
os.umask(_UMASK)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left behind (`.name.json.XXXX.tmp`, `.name.text.XXXX.tmp`),
    in the folder and the folders under it; returns how many."""
    if not folder.is_dir():
        return 0
    stale = [p for p in folder.rglob(f".*.*{TEMPORARY_SUFFIX}") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def atomic_write_text(path: Path, text: str) -> None:
    with atomic_stream(path) as stream:
        stream.write(text)


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A text stream to a temporary file in the same folder: fsynced and renamed over `path` when the
    block ends, removed if it raises (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
            os.fchmod(stream.fileno(), 0o666 & ~_UMASK)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_extraction(path: Path) -> Extraction:
    return Extraction.model_validate_json(path.read_text(encoding="utf-8"))
