"""Runs of lines of one shape, read as columns: a programme written `Name - Title` line after line names
its speakers on the same side of every line, so the side on which most lines hold people is the
speaker column. A cell there needs only the shape of a name (`Kavya Joshi`, whose given name no
lexicon has), and the other side is the title even where it looks like a name (`Go Build Modes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby

from extract import lexicon
from extract.engines.local.phrases import clean
from extract.models import Person
from extract.people import is_korean_name
from extract.segment import Block

Cell = tuple[int, int]
_SEPARATOR = re.compile(r"\s+[-–—|/]\s+")
_LINE_LENGTH = 200
_MIN_RUN = 3  # two lines of one shape can be chance; three are a layout


def speaker_cells(
    blocks: tuple[Block, ...], text: str, read_people: Callable[[int, int], list[Person] | None]
) -> dict[int, tuple[list[Person] | None, Cell, Cell]]:
    """(the people `read_people` found in the speaker cell, speaker cell, title cell) of each line in a
    run of three or more consecutive lines split by the same separator, where one side names people on
    more than half the lines and more often than the other side does."""
    split = [(block, _split(text, block)) for block in blocks]
    found: dict[int, tuple[list[Person] | None, Cell, Cell]] = {}
    for separator, run in groupby(split, key=lambda item: item[1][0] if item[1] else None):
        lines = [(block, cells) for block, (_, *cells) in ((b, s) for b, s in run if s)]
        if separator is None or len(lines) < _MIN_RUN:
            continue
        people = [[read_people(*cells[side]) for _, cells in lines] for side in (0, 1)]
        votes = [sum(bool(found_people) for found_people in side_people) for side_people in people]
        side = 0 if votes[0] > votes[1] else 1
        if votes[side] * 2 <= len(lines) or votes[side] == votes[1 - side]:
            continue
        for (block, cells), read in zip(lines, people[side], strict=True):
            found[block.index] = (read, cells[side], cells[1 - side])
    return found


def _split(text: str, block: Block) -> tuple[str, Cell, Cell] | None:
    """(separator, left cell, right cell) of a short list item or line, at its first separator."""
    if block.kind == "heading" or block.end - block.content_start > _LINE_LENGTH:
        return None
    separator = _SEPARATOR.search(text, block.content_start, block.end)
    if separator is None:
        return None
    return separator.group().strip(), (block.content_start, separator.start()), (separator.end(), block.end)


def name_shaped_people(text: str, start: int, end: int) -> list[Person] | None:
    """One speaker cell that has the shape of a name: two to four capitalised Latin words, or a Korean
    name (optionally with 님)."""
    cell = clean(text[start:end])
    if 2 <= len(cell.split()) <= 4 and lexicon.could_be_person_name(cell):
        return [Person(name=cell, name_en=cell)]
    name = cell.removesuffix("님").strip()
    if is_korean_name(name):
        return [Person(name=name, name_ko=name)]
    return None
