"""Session cards: a session label on a line of its own (`Keynote #5`, `Session 2`, `세션 3`) and the
short lines under it up to a blank line. Each line is labelled by what it holds — people, what
describes the person above it, a topic, a title — and one talk is assembled from the labels, in
whichever order the card gives them (`제목 / 이름(소속)`, `이름 / 소속 직함 / 제목`, `주제는 …`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import clean, span
from extract.engines.local.session_lines import heading_speakers, session_label, title_like
from extract.engines.local.talk_context import without_bracket_label
from extract.models import Person, Span, Talk
from extract.people import descriptor
from extract.segment import Block, Segmentation, reads_as_title_line

LineLabel = Literal["people", "describes", "topic", "title", "other"]

_CARD_LINES = 8  # a card is a few lines; a longer run is a section of notes
_TOPIC = re.compile(r"\s*(?:주제|topic)\s*(?::|은|는)\s*(?P<topic>\S.*)", re.I)
# `Tian Lim VP of UX`: a Latin name and the job after it, with no separator between them.
_NAME_THEN_JOB = re.compile(rf"(?P<name>{lexicon.LATIN_NAME}?)\s+(?P<job>(?:{lexicon.JOB_WORDS.pattern}).*)", re.I)


@dataclass(frozen=True)
class _Line:
    block: Block
    label: LineLabel
    people: tuple[Person, ...] = ()
    value: str = ""  # the title or topic the line gives, or the whole line


def extract_card_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text, blocks = segmentation.text, segmentation.blocks
    talks = []
    for block in blocks:
        kind = session_label(text[block.content_start : block.end])
        if kind is None:
            continue
        lines = [_labelled(text, candidates, b) for b in _card(blocks, block, text)]
        talk = _assembled(text, block, lines, kind)
        if talk is not None:
            talks.append(talk)
    return talks


def _card(blocks: tuple[Block, ...], label: Block, text: str) -> list[Block]:
    """The lines right under a session label (or one blank line below it), up to a blank line or the
    next label."""
    card: list[Block] = []
    for block in blocks[label.index + 1 : label.index + 1 + _CARD_LINES]:
        # A blank line may set the label apart from its card, never the card's lines from each other.
        if block.gap > block.spacing + (0 if card else 1) or block.kind == "bullet":
            break
        if session_label(text[block.content_start : block.end]):
            break
        card.append(block)
    return card


def _labelled(text: str, candidates: Candidates, block: Block) -> _Line:
    start, end = block.content_start, block.end
    line = clean(text[start:end])
    topic = _TOPIC.fullmatch(line)
    if topic:
        return _Line(block, "topic", value=clean(topic.group("topic")))
    people = heading_speakers(text, candidates, start, end) or _named_with_job(line, candidates)
    if people:
        return _Line(block, "people", tuple(people), line)
    if descriptor(line) or lexicon.JOB_WORDS.search(line) or _proper_noun_alone(block):
        return _Line(block, "describes", value=line)
    if reads_as_title_line(line) and title_like(line):
        return _Line(block, "title", value=line)
    return _Line(block, "other", value=line)


def _proper_noun_alone(block: Block) -> bool:
    """A line that is one proper noun (`큐브리드`): under a person, where they work."""
    return len(block.tokens) == 1 and all(tag == "NNP" for tag in block.tokens[0].tags)


def _named_with_job(line: str, candidates: Candidates) -> list[Person] | None:
    match = _NAME_THEN_JOB.fullmatch(line)
    if match is None or not candidates.is_person_name(match.group("name")):
        return None
    name = match.group("name")
    return [Person(name=name, name_en=name, title=match.group("job").strip())]


def _assembled(text: str, label: Block, lines: list[_Line], kind: str) -> Talk | None:
    """One talk from a card's labelled lines: the people of its first people line, the topic or the
    title line over them (or, in `이름 / 소속 / 제목`, the one line closing the card after the line
    describing them)."""
    at = next((i for i, line in enumerate(lines) if line.label == "people"), None)
    if at is None:
        return None
    people = list(lines[at].people)
    after = lines[at + 1 :]
    described = bool(after) and _describes(after[0], people)
    if described and len(people) == 1:
        people = [_with_description(people[0], after[0])]
    title_line = next((line for line in lines if line.label == "topic"), None)
    if title_line is None and at > 0 and lines[at - 1].label == "title":
        title_line = lines[at - 1]
    if title_line is None and at == 0 and described and len(after) == 2 and after[1].label == "title":
        title_line = after[1]
    evidence: list[Span] = [span(text, label.content_start, label.end)]
    if title_line is not None:
        evidence.append(span(text, title_line.block.content_start, title_line.block.end))
    evidence.append(span(text, lines[at].block.content_start, lines[at].block.end))
    title, bracket_kind = without_bracket_label(title_line.value) if title_line else (None, None)
    return Talk(id="", title=title, speakers=people, kind=bracket_kind or kind, evidence=evidence)


def _describes(line: _Line, people: list[Person]) -> bool:
    """A line under a person that says who they are: an organisation or job, or a line naming them."""
    return line.label == "describes" or any(p.name_ko and p.name_ko in line.value for p in people)


def _with_description(person: Person, line: _Line) -> Person:
    """The person with the organisation and job a describing line gives them, where they had none:
    what the line says besides their name (`삼성전자 손기성 수석`), or a proper noun alone (`큐브리드`)."""
    if person.affiliation or person.title:
        return person
    rest = line.value
    for name in (n for n in (person.name_ko, person.name_en) if n):
        rest = rest.replace(name, " ")
    rest = clean(re.sub(r"\s+", " ", rest))
    organization, job = descriptor(rest) or ((rest, None) if _proper_noun_alone(line.block) else (None, None))
    return person.model_copy(update={"affiliation": organization, "title": job})
