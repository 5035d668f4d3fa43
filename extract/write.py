"""Write: one JSON file per document, atomically (a reader never sees half a file)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from extract.models import Extraction


def output_path(out_dir: Path, document_id: str) -> Path:
    """`<out>/<stem>.json`; the stem cannot climb out of the folder (it is a file name already)."""
    return out_dir / f"{Path(document_id).name}.json"


def write_extraction(extraction: Extraction, path: Path) -> None:
    atomic_write_text(path, extraction.model_dump_json(indent=2) + "\n")  # UTF-8 as written, not \u escapes


TEMPORARY_SUFFIX = ".tmp"
# mkstemp makes owner-only files; a written output gets the permissions any new file would get.
_UMASK = os.umask(0)
os.umask(_UMASK)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left behind (`.name.json.XXXX.tmp`); returns how many."""
    if not folder.is_dir():
        return 0
    stale = [p for p in folder.glob(f".*.json.*{TEMPORARY_SUFFIX}") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            os.fchmod(stream.fileno(), 0o666 & ~_UMASK)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_extraction(path: Path) -> Extraction:
    return Extraction.model_validate_json(path.read_text(encoding="utf-8"))
