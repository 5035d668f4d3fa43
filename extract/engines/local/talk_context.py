"""What lies around a talk's heading or line: the blocks under it, the section it is in, and the
track, link and summary those name."""

from __future__ import annotations

import re

from extract import lexicon
from extract.engines.local.phrases import clean, span
from extract.models import Span
from extract.segment import TIME_SLOT, Block

_URL = re.compile(r"https?://[^\s)>\]]+")


def body(blocks: tuple[Block, ...], heading: Block, talk_lines: set[int]) -> list[Block]:
    """The blocks under a talk's heading or line, up to the next heading."""
    under = []
    for block in blocks[heading.index + 1 :]:
        if block.kind == "heading" or block.index in talk_lines:
            break
        under.append(block)
    return under


def section_heading(blocks: tuple[Block, ...], block: Block, talk_headings: set[int]) -> Block | None:
    """The nearest heading above a talk that is not itself a talk."""
    for candidate in reversed(blocks[: block.index]):
        if candidate.kind == "heading" and candidate.index not in talk_headings:
            return candidate
    return None


_LEAD_IN_LENGTH = 60


def lead_in(blocks: tuple[Block, ...], block: Block, talk_lines: set[int], text: str) -> Block | None:
    """The short line that introduces a run of talk lines (`Talks:`, `세션 – 12월 7일`, `Workshops`),
    found over the talk lines and list items right above this one."""
    for candidate in reversed(blocks[: block.index]):
        if candidate.index in talk_lines or candidate.kind == "bullet":
            continue
        return candidate if len(block_text(text, candidate)) <= _LEAD_IN_LENGTH else None
    return None


def block_text(text: str, block: Block) -> str:
    return text[block.content_start : block.end]


_TRACK = re.compile(
    r"(?:^|:\s|\()([A-Z][^:()\n]{1,60}?)\s+[Tt]rack\b|([가-힣A-Za-z][^:()\n]{0,40}?)\s*트랙(?:에서|의)?\s"
)


def track(text: str, body: list[Block]) -> tuple[str | None, Span | None]:
    """A track named in a talk's first lines: `YouTube video: Keynotes & Multimodality track`."""
    for block in body[:3]:
        line = text[block.content_start : block.end]
        if "트랙" not in line and "rack" not in line:
            continue  # the pattern backtracks at every letter: ask it only when a track word is there
        match = _TRACK.search(text, block.content_start, block.end)
        if match:
            group = 1 if match.group(1) else 2
            return match.group(group).strip(), span(text, match.start(group), match.end(group))
    return None, None


# A section named as a track: `트랙 B: 멀티모달`, `Track 2 — Agents`, `에이전트 트랙`.
_TRACK_HEADING = re.compile(
    r"(?i:트랙|track)\s*(?P<label>[A-Z0-9]{1,3})?\s*(?:[:.\-–—]\s*(?P<name>\S.*?))?\s*$"
    r"|(?P<before>\S.*?)\s*(?i:트랙|track)\s*$"
)


def track_heading(text: str, heading: Block) -> tuple[str | None, Span | None]:
    """The track a section heading names, for the talks listed under it."""
    return _track_named(text, clean(block_text(text, heading)), heading.content_start, heading.end)


def _track_named(text: str, phrase: str, start: int, end: int) -> tuple[str | None, Span | None]:
    """The track `phrase` names (`트랙 B: 멀티모달` -> `멀티모달`, `트랙 A` -> `A`), with its span in
    `text[start:end]`, where the phrase stands."""
    match = _TRACK_HEADING.match(phrase)
    name = match and (match.group("name") or match.group("before") or match.group("label"))
    if not name:
        return None, None
    at = text.find(name, start, end)
    return (name, span(text, at, at + len(name))) if at >= 0 else (None, None)


_BRACKETED = re.compile(r"\s*\[(?P<label>[^\]\n]{1,30})\]")


# The date of a slot before its title: `2018-08-10`, `2024.05.03 (금)`.
_DATE_SLOT = re.compile(r"\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?(?:\s*\([^()\s]{1,3}\))?\s*[|:·\-–]?\s*")


def after_slot_labels(text: str, start: int, end: int) -> int:
    """Where a session line's own content begins, past the date and time of its slot and the track
    bracketed before it (`10:00-10:40 [Track A] 김민준 - 제목`): none is a title or a name. A kind label
    (`[키노트]`) stays, for the title to give its kind."""
    while True:
        timed = TIME_SLOT.match(text, start, end) or _DATE_SLOT.match(text, start, end)
        bracket = _BRACKETED.match(text, start, end)
        if timed and timed.end() > start:
            start = timed.end()
        elif bracket and _TRACK_HEADING.fullmatch(bracket.group("label").strip()):
            start = bracket.end()
        else:
            return start


def without_bracket_label(title: str) -> tuple[str, str | None]:
    """A title without the track or kind label bracketed before it (`[트랙 B] 제목`, `[키노트] 제목`),
    and the kind the label names."""
    bracket = _BRACKETED.match(title)
    rest = title[bracket.end() :].strip() if bracket else ""
    if bracket is None or len(rest) < 2:
        return title, None
    label = bracket.group("label").strip()
    kind = lexicon.talk_kind(label)
    return (rest, kind) if kind or _TRACK_HEADING.fullmatch(label) else (title, None)


def track_label(text: str, block: Block) -> tuple[str | None, Span | None]:
    """A track named in brackets before a talk's title: `## [트랙 A] 제목 - 이름`."""
    bracket = _BRACKETED.match(text, block.content_start, block.end)
    if bracket is None:
        return None, None
    return _track_named(text, bracket.group("label").strip(), bracket.start("label"), bracket.end("label"))


def first_url(text: str, body: list[Block]) -> tuple[str | None, Span | None]:
    for block in body:
        match = _URL.search(text, block.start, block.end)
        if match:
            url = match.group().rstrip(".,")
            return url, span(text, match.start(), match.start() + len(url))
    return None, None


def summary(text: str, body: list[Block]) -> Span | None:
    """The first sentence of the first prose paragraph under the heading."""
    for block in body:
        if block.kind not in {"paragraph", "bold_lead"} or _URL.search(text, block.start, block.end):
            continue
        if block.end - block.start < 40 or not block.sentences:
            continue  # a one-line pointer such as `전체 대본 보기!`
        sentence = block.sentences[0]
        return span(text, sentence.start, sentence.end)
    return None
