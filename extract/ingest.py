"""Ingest: find recap files, decode them, normalise to NFC."""

from __future__ import annotations

import hashlib
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
    """Every recap file under the given paths, sorted, each once."""
    found: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or directory")
        if path.is_file():
            found.add(path)
            continue
        found.update(
            candidate
            for candidate in path.rglob("*")
            if candidate.suffix.lower() in RECAP_SUFFIXES and candidate.is_file()
        )
    if not found:
        raise IngestError(f"no recap files (*.txt, *.md) under {', '.join(map(str, paths))}")
    return sorted(found)


def decode(data: bytes) -> tuple[str, str]:
    """Decode recap bytes to text, returning (text, encoding name)."""
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
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
    raise IngestError("not UTF-8, CP949 or EUC-KR text")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters or private-use code points."""
    if not text:
        return True
    odd = sum(1 for ch in text if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t")
    return odd / len(text) < 0.01


def normalise(text: str) -> str:
    """NFC, with line ends unified to \\n; all offsets refer to this text."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_document(path: Path) -> SourceDocument:
    try:
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
