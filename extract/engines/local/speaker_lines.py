"""Where a title's speaker line stands and what the lines around it add: past the lines that only link
the talk's materials or give its time, inside the brackets a whole line may be set in, and the line
under a lone speaker that says where they work and what they do."""

from __future__ import annotations

import re

from extract.engines.local.phrases import clean
from extract.models import Person
from extract.people import descriptor
from extract.segment import TIME_SLOT, Block

# A line that only links a talk's materials: a URL, maybe after a short field label (`Slides: …`).
_LINK_LINE = re.compile(r"(?:\S+(?:\s\S+){0,2}\s*:\s*)?(?:https?://|www\.)\S+")
_SLOT_LINES = 3  # the most materials and time lines a heading's speaker line is looked for past


def under_slot_lines(blocks: tuple[Block, ...], heading: Block, text: str) -> Block | None:
    """The first block under a heading that is not a line linking the talk's materials or giving
    its time (`10:00 - 10:40`)."""
    for block in blocks[heading.index + 1 : heading.index + 2 + _SLOT_LINES]:
        if not is_slot_line(text, block):
            return block
    return None


def is_slot_line(text: str, block: Block) -> bool:
    """A line that only links a talk's materials or only gives its time."""
    time = TIME_SLOT.match(text, block.content_start, block.end)
    only_time = time is not None and not text[time.end() : block.end].strip()
    return only_time or _LINK_LINE.fullmatch(text, block.content_start, block.end) is not None


def inside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A speaker line set wholly in brackets (`(김상균(curt.k) 님)`) holds its people inside them."""
    line = text[start:end]
    inside = line[1:-1]
    if line.startswith("(") and line.endswith(")") and inside.count("(") == inside.count(")"):
        return start + 1, end - 1
    return start, end


def with_description_below(blocks: tuple[Block, ...], block: Block, text: str, people: list[Person]) -> list[Person]:
    """A lone speaker with the organisation and job the item nested under their line gives
    (`- 박지호` over `  - 한빛랩스 개발팀장`), or the plain line right under their plain line (`Jane Doe`
    over `Staff Engineer at Acme`), where their own line gave none."""
    if len(people) != 1 or people[0].affiliation or people[0].title or block.index + 1 >= len(blocks):
        return people
    under = blocks[block.index + 1]
    nested = under.kind == "bullet" and _indent(text, under) > (_indent(text, block) if block.kind == "bullet" else -1)
    right_under = under.kind == block.kind == "paragraph" and not under.set_apart
    if not (nested or right_under):
        return people
    line = clean(text[under.content_start : under.end])
    found = descriptor(line) or ((line, None) if _one_noun(line, under) else None)
    if found is None:
        return people
    organization, job = found
    return [people[0].model_copy(update={"affiliation": organization, "title": job})]


def _one_noun(line: str, block: Block) -> bool:
    """A line that is one word of nouns alone (`지그재그`, `카카오모빌리티`): under a person, where they work."""
    tags = [tag for token in block.tokens for tag in token.tags]
    return " " not in line and bool(tags) and all(tag.startswith(("NN", "SL")) for tag in tags)


def _indent(text: str, block: Block) -> int:
    marker = text[block.start : block.content_start]
    return len(marker) - len(marker.lstrip())
