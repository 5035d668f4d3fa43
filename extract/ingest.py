"""Ingest: find recap files, decode them, normalise to NFC."""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

RECAP_SUFFIXES = (".txt", ".md")
# Tried in order after UTF-8; CP949 is a superset of EUC-KR, so it decodes both.
LEGACY_KOREAN_ENCODINGS = ("cp949",)


class IngestError(Exception):
    """A path or file the user gave that cannot be read as a recap; the message is one line."""


@dataclass(frozen=True)
class SourceDocument:
    id: str
    path: Path
    text: str
    sha256: str
    encoding: str


def discover(paths: list[Path]) -> list[Path]:
    """Every recap file under the given paths, sorted, each once (however many ways it is reached)."""
    found: dict[Path, Path] = {}
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or directory")
        # Path.rglob does not follow symlinked folders, so a symlink loop cannot trap it.
        candidates = [path] if path.is_file() else path.rglob("*")
        for candidate in candidates:
            if candidate.suffix.lower() in RECAP_SUFFIXES and candidate.is_file():
                found.setdefault(candidate.resolve(), candidate)
    if not found:
        raise IngestError(f"no recap files (*.txt, *.md) under {', '.join(map(str, paths))}")
    return sorted(found.values())


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Invisible characters that split words without showing (Kiwi tags U+200B as a proper noun). A
# pattern: str.translate looks every character of a Hangul text up in its table (20x slower).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode recap bytes to text, returning (text, encoding name)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
            if text is None or not _looks_like_text(text):
                raise IngestError(f"starts with a {encoding} byte-order mark but is not {encoding} text")
            return text, encoding
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_KOREAN_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise IngestError("not UTF-8, UTF-16, CP949 or EUC-KR text")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters or private-use code points."""
    if not text:
        return True
    odd = sum(1 for ch in text if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t")
    return odd / len(text) < 0.01


def normalise(text: str) -> str:
    """NFC, line ends unified to \\n, zero-width characters removed; all offsets refer to this text."""
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


DEFAULT_MAX_BYTES = 5_000_000


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read, decode and normalise one recap; files over `max_bytes` are refused (memory stays bounded)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                f"too large ({size / 1e6:.1f} MB > --max-size {max_bytes / 1e6:g} MB); "
                "raise --max-size to extract it anyway"
            )
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror}") from error
    text, encoding = decode(data)
    text = normalise(text)
    return SourceDocument(
        id=path.stem,
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def read_source(path: Path, sha256: str) -> str:
    """The normalised text of a recap an output was made from; IngestError when it is gone or changed."""
    document = read_document(path, max_bytes=sys.maxsize)
    if document.sha256 != sha256:
        raise IngestError("changed since the run")
    return document.text
