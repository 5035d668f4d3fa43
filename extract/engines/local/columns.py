"""Runs of lines of one shape, read as columns.

A programme written `Name - Title`, `Title | Name` or `Title by Name (Org)` line after line names its
speakers on the same side of every line, so the side on which most lines hold people is the speaker
column (after `by`, always the right). Inside that
column a cell needs only the shape of a name (`Kavya Joshi`, `유저스틴`, whose names no lexicon
knows), and the other side is the title even where it looks like a name (`Go Build Modes`) or ends
like a sentence (`… 만들어 보고 싶어요.`): the layout has said where the people are. Slot lines
between the sessions (`ROOM 1 | 16:00 - 16:40`) neither vote nor break the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract import lexicon
from extract.engines.local.phrases import clean
from extract.marks import CLOCK, DASH, RANGE
from extract.models import Person
from extract.people import is_korean_name
from extract.segment import Block, reads_as_title_line

Cell = tuple[int, int]
# Separators from the strongest: a line with a pipe is split at pipes, whatever dashes its title holds.
# The weakest, `Title by Name (Org)`, puts the speakers after it; not after a role (`hosted by`).
_SEPARATORS = (
    re.compile(r"\s+\|\s+|\s+\|$"),
    re.compile(DASH),
    re.compile(r"\s+/\s+"),
    re.compile(r"\s+:\s+"),  # spaced, as a separator (`제목 : 이름`); `Label: value` has no space before
    re.compile(r"(?<!hosted)(?<!moderated)(?<!organi[sz]ed)(?<!sponsored)(?<!led)\s+by\s+"),
)
_BY = len(_SEPARATORS) - 1
_LINE_LENGTH = 200
_MIN_VOTERS = 2  # of two session lines both must name people; of more, most
_TIME_CELL = re.compile(rf"{CLOCK}(?:{RANGE}{CLOCK})?")
_NICKNAME = re.compile(r"[가-힣]{2,5}")
_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,30}")


@dataclass(frozen=True)
class Row:
    """A line of a run: its speaker cell, its title cell, and the track cell of the slot line above it."""

    block: Block
    speakers: Cell
    title: Cell
    track: Cell | None = None


def speaker_rows(blocks: tuple[Block, ...], text: str, names_people: Callable[[int, int], object]) -> list[Row]:
    """The rows of every run of lines split by one separator where one outer side names people
    (`names_people`) on more than half of the voting lines and more often than the other side."""
    rows: list[Row] = []
    run: list[tuple[Block, list[Cell]]] = []
    shape: int | None = None
    for block in blocks:
        split = _split(text, block)
        if split is not None and split[0] == shape:
            run.append((block, split[1]))
            continue
        rows += _rows(run, shape, text, names_people)
        run, shape = ([(block, split[1])], split[0]) if split else ([], None)
    return rows + _rows(run, shape, text, names_people)


def _rows(
    run: list[tuple[Block, list[Cell]]], shape: int | None, text: str, names_people: Callable[[int, int], object]
) -> list[Row]:
    voters = [(block, cells) for block, cells in run if _is_session_line(text, cells)]
    if len(voters) < _MIN_VOTERS:
        return []
    votes = [sum(bool(names_people(*cells[side])) for _, cells in voters) for side in (0, -1)]
    if shape == _BY:
        votes[0] = 0  # the speakers follow `by`
    side = 0 if votes[0] > votes[1] else -1
    if votes[side] * 2 <= len(voters) or votes[0] == votes[1]:
        return []
    rows, track = [], None
    for block, cells in run:
        if not _is_session_line(text, cells):
            track = _track_cell(text, cells)
            continue
        if (block, cells) not in voters:
            continue
        # The title is everything on the other side of the speaker cell, separators in it included.
        title = (cells[1][0], cells[-1][1]) if side == 0 else (cells[0][0], cells[-2][1])
        rows.append(Row(block, cells[side], title, track))
    return rows


_TRACK_WORD = re.compile(r"(?i:track|room|hall|stage)|트랙|룸|홀")


def _track_cell(text: str, cells: list[Cell]) -> Cell | None:
    """The cell of a slot line that names a track or room (`ROOM 1 (제주) | 16:00 - 16:40`)."""
    return next((c for c in cells if _TRACK_WORD.search(text, *c) and not _TIME_CELL.fullmatch(text[slice(*c)])), None)


def _is_session_line(text: str, cells: list[Cell]) -> bool:
    """Not a slot line (a cell that is a time) and no empty cell (`키노트 |`)."""
    return all(text[a:b].strip() and not _TIME_CELL.fullmatch(text[a:b].strip()) for a, b in cells)


def _split(text: str, block: Block) -> tuple[int, list[Cell]] | None:
    """(which separator, cells) of a short line or list item, at every occurrence of the strongest
    separator it holds."""
    if block.kind == "heading" or block.end - block.content_start > _LINE_LENGTH:
        return None
    for shape, separator in enumerate(_SEPARATORS):
        if shape == _BY and not reads_as_title_line(text[block.content_start : block.end]):
            continue  # `The keynote was given by …` is a sentence
        found = list(separator.finditer(text, block.content_start, block.end))
        if found:
            starts = [block.content_start, *(m.end() for m in found)]
            ends = [*(m.start() for m in found), block.end]
            return shape, list(zip(starts, ends, strict=True))
    return None


def name_shaped_people(text: str, start: int, end: int) -> list[Person] | None:
    """One speaker cell that has the shape of a name: two to four capitalised Latin words, a Hangul
    word of two to five syllables (optionally with 님), or a handle, alone or before a Latin name."""
    cell = clean(text[start:end])
    if lexicon.talk_kind(cell):
        return None  # `키노트`: a label under a title, never a name
    if 2 <= len(cell.split()) <= 4 and lexicon.could_be_person_name(cell):
        return [Person(name=cell, name_en=cell)]
    name = cell.removesuffix("님").strip()
    if is_korean_name(name) or (_NICKNAME.fullmatch(name) and not lexicon.organization_name(name)):
        return [Person(name=name, name_ko=name)]
    if _HANDLE.fullmatch(cell):
        return [Person(name=cell)]
    handle = _HANDLE.match(cell)
    if handle and lexicon.could_be_person_name(name := cell[handle.end() :].strip()):  # `@jdoe Jane Doe`
        return [Person(name=name, name_en=name)]
    return None
