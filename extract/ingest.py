"""Ingest: find recap files, give each a document id, decode them (HTML: its main text), normalise them
(NFC, full-width forms folded)."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract.html import looks_like_html, main_text
from extract.models import DocumentInfo

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECAP_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Tried in order after UTF-8; CP949 is a superset of EUC-KR, so it decodes both.
LEGACY_KOREAN_ENCODINGS = ("cp949",)
Format = Literal["text", "html"]


class IngestError(Exception):
    """A path or file the user gave that cannot be read as a recap; the message is one line."""


class TooLarge(IngestError):
    """A file over the size limit: named and skipped, not a failure."""


@dataclass(frozen=True)
class SourceDocument:
    id: str
    path: Path
    text: str
    sha256: str
    encoding: str
    format: Format = "text"


@dataclass(frozen=True)
class Recap:
    """A recap file of a run and its document id, which no other recap of the run has: its path
    relative to the folder it was found in (or its name, for a file given), without the suffix."""

    path: Path
    id: str


@dataclass(frozen=True)
class Discovery:
    recaps: list[Recap]
    unsupported: list[Path]  # files that are not recaps: named in the run's summary, never silently dropped


def discover(paths: list[Path]) -> Discovery:
    """Every recap file under the given paths, sorted, each once (however many ways it is reached),
    and the files there that are not recaps; hidden folders under a path (`.git`) are not searched."""
    found: dict[Path, tuple[Path, Path]] = {}  # resolved path -> (path, the folder its id is relative to)
    unsupported: list[Path] = []
    for path in paths:
        if not path.exists():
            raise IngestError(f"{path}: no such file or directory")
        base = path.parent if path.is_file() else path
        # Path.rglob does not follow symlinked folders, so a symlink loop cannot trap it.
        for candidate in [path] if path.is_file() else sorted(path.rglob("*")):
            if not candidate.is_file() or _in_hidden_folder(candidate.relative_to(base)):
                continue
            if candidate.suffix.lower() in RECAP_SUFFIXES:
                found.setdefault(candidate.resolve(), (candidate, base))
            else:
                unsupported.append(candidate)
    if not found:
        others = f" ({len(unsupported)} files of other types)" if unsupported else ""
        raise IngestError(f"no recap files (*.txt, *.md, *.html) under {', '.join(map(str, paths))}{others}")
    entries = sorted(found.values())
    ids = _document_ids(entries)
    return Discovery([Recap(path, id_) for (path, _), id_ in zip(entries, ids, strict=True)], sorted(unsupported))


def _in_hidden_folder(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts[:-1])


def _document_ids(entries: list[tuple[Path, Path]]) -> list[str]:
    """Each recap's path relative to its folder, without the suffix; where two recaps of the run would
    share that, each of them takes its path from the folder all the paths share, then keeps its suffix
    too (`recap.md`, `recap.txt`). Distinct files always differ at the last step."""
    common = Path(os.path.commonpath([base.absolute() for _, base in entries]))

    def name(path: Path, base: Path, step: int) -> str:
        relative = path.relative_to(base) if step == 0 else path.absolute().relative_to(common)
        return relative.as_posix() if step == 2 else relative.with_suffix("").as_posix()

    steps = [0] * len(entries)
    while True:
        names = [name(path, base, step) for (path, base), step in zip(entries, steps, strict=True)]
        taken = Counter(names)
        clashing = [i for i, n in enumerate(names) if taken[n] > 1 and steps[i] < 2]
        if not clashing:
            return names
        for i in clashing:
            steps[i] += 1


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Invisible characters that split words without showing (Kiwi tags U+200B as a proper noun). A
# pattern: str.translate looks every character of a Hangul text up in its table (20x slower).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Full-width forms of ASCII (`（`, `）`, `：`, `｜`, `／`, `Ａ`) and the ideographic space, as East Asian
# text often types them: folded one character for one, so the readers see one set of brackets and
# separators and every offset stays where it was.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_FULL_WIDTH_OFFSET = 0xFEE0  # U+FF01 FULLWIDTH EXCLAMATION MARK - U+0021 EXCLAMATION MARK


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
    """NFC, line ends unified to \\n, zero-width characters removed, full-width ASCII forms folded to
    ASCII; all offsets refer to this text."""
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _FULL_WIDTH.sub(_half_width, text)
    return unicodedata.normalize("NFC", text)


def _half_width(character: re.Match[str]) -> str:
    return " " if character[0] == "\u3000" else chr(ord(character[0]) - _FULL_WIDTH_OFFSET)


DEFAULT_MAX_BYTES = 5_000_000


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, document_id: str | None = None) -> SourceDocument:
    """Read, decode and normalise one recap (an HTML page: its main text); files over `max_bytes` are
    refused (memory stays bounded). The id is `document_id`, or else the file's stem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = f"{_megabytes(size)} > --max-size {_megabytes(max_bytes)}"
            raise TooLarge(f"too large ({limit}); raise --max-size to extract it")
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror}") from error
    text, encoding = decode(data)
    html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    if html:
        text = main_text(text)
    return SourceDocument(
        id=document_id or path.stem,
        path=path,
        text=normalise(text),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        format="html" if html else "text",
    )


def _megabytes(size: int) -> str:
    """`0.0123 MB`, `5 MB`: enough digits that the two sides of a comparison differ."""
    return f"{size / 1e6:.3g} MB"


def recap_text(document: DocumentInfo, output_file: Path, sources: Path | None = None) -> str:
    """The text that an output's offsets refer to: an HTML page's main text, kept
    beside the output, or else the recap (found in `sources` by name when it moved). IngestError when
    it is gone or changed since the run."""
    if document.text_file:
        path = output_file.parent / document.text_file
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise IngestError(f"cannot read: {error.strerror}") from error
    else:
        path = sources / Path(document.path).name if sources else Path(document.path)
        read = read_document(path, max_bytes=sys.maxsize)
        if read.sha256 != document.sha256:
            raise IngestError("changed since the run")
        text = read.text
    if len(text) != document.chars:
        raise IngestError("changed since the run")
    return text
