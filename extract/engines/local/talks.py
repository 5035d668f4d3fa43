"""Talks: a heading that names its speakers and a title (`**Name (Latin) — Title**`, either order)."""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import clean, is_person, mentions, person_of, span
from extract.models import Person, Span, Talk
from extract.segment import Block, Segmentation

_SEPARATOR = re.compile(r"\s+[—–-]{1,2}\s+|\s*[:：]\s+|\s+\|\s+")
# What may stand between speakers on a speakers' side: conjunctions, commas, honorifics.
_JOINERS = re.compile(r"^(?:\s|[,&/·*]|와|과|및|님|and|with)*$")
_URL = re.compile(r"https?://[^\s)>\]]+")


def extract_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text = segmentation.text
    talks: list[Talk] = []
    blocks = segmentation.blocks
    talk_headings: set[int] = set()
    for block in blocks:
        if block.kind != "heading":
            continue
        parsed = _parse_heading(block, text, candidates)
        if parsed is None:
            continue
        talk_headings.add(block.index)
        title, speakers = parsed
        body = _body(blocks, block)
        section = _section_heading(blocks, block, talk_headings)
        evidence = [span(text, block.content_start, block.end)]
        url, url_span = _first_url(text, body)
        summary_span = _summary(text, body)
        evidence += [s for s in (url_span, summary_span) if s is not None]
        kind = lexicon.talk_kind(_block_text(text, section)) if section else None
        talks.append(
            Talk(
                id="",
                title=title,
                speakers=speakers,
                kind=kind or lexicon.talk_kind(title),
                summary=summary_span.text if summary_span else None,
                url=url,
                evidence=evidence,
            )
        )
    return talks


def _parse_heading(block: Block, text: str, candidates: Candidates) -> tuple[str, list[Person]] | None:
    start, end = block.content_start, block.end
    content = text[start:end]
    for separator in _SEPARATOR.finditer(content):
        sides = ((start, start + separator.start()), (start + separator.end(), end))
        for speakers_side, title_side in (sides, sides[::-1]):
            speakers = _speakers(text, candidates, *speakers_side)
            title = clean(text[title_side[0] : title_side[1]])
            if speakers and title:
                return title, speakers
        break  # only the first separator divides speakers from title
    return None


def _speakers(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people a heading side names, or None unless the side is nothing but people."""
    found = [m for m in mentions(text, candidates, start, end) if m.alias.end <= end]
    if not found or not all(is_person(m, text) or _heading_name(m.latin) for m in found):
        return None
    position = start
    for mention in found:
        if not _JOINERS.match(text[position : mention.alias.start]):
            return None
        position = mention.alias.end
    if not _JOINERS.match(text[position:end]):
        return None
    return [person_of(m.alias) for m in found]


def _heading_name(latin: str) -> bool:
    """A heading side that holds only `이름(Name)` reads as a speaker even for an unknown given name."""
    return lexicon.is_name_shaped(latin) and len(latin.split()) >= 2


def _body(blocks: tuple[Block, ...], heading: Block) -> list[Block]:
    body = []
    for block in blocks[heading.index + 1 :]:
        if block.kind == "heading":
            break
        body.append(block)
    return body


def _section_heading(blocks: tuple[Block, ...], block: Block, talk_headings: set[int]) -> Block | None:
    """The nearest heading above a talk that is not itself a talk."""
    for candidate in reversed(blocks[: block.index]):
        if candidate.kind == "heading" and candidate.index not in talk_headings:
            return candidate
    return None


def _block_text(text: str, block: Block) -> str:
    return text[block.content_start : block.end]


def _first_url(text: str, body: list[Block]) -> tuple[str | None, Span | None]:
    for block in body:
        match = _URL.search(text, block.start, block.end)
        if match:
            url = match.group().rstrip(".,")
            return url, span(text, match.start(), match.start() + len(url))
    return None, None


def _summary(text: str, body: list[Block]) -> Span | None:
    """The first sentence of the first prose paragraph under the heading."""
    for block in body:
        if block.kind not in {"paragraph", "bold_lead"} or _URL.search(text, block.start, block.end):
            continue
        if block.end - block.start < 40 or not block.sentences:
            continue  # a one-line pointer such as `전체 대본 보기!`
        sentence = block.sentences[0]
        return span(text, sentence.start, sentence.end)
    return None
