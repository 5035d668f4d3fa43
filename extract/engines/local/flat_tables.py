"""Session tables pasted as text: a header line of column names, then one row a line, no separators.

`Section Session Speaker` over `Morning Keynotes Building Reliable Pipelines Maria Lopez (Globex)`: the
header says the row ends with its speakers, so the speaker cell is a tail of the row that names only
people (names whose given name the lexicon knows first, then names the English model tagged, then a
name-shaped one with its employer in brackets), and the title is what stands before it. When a
column comes before the title (`Section`, `Time`, `Track`), its value is left out of the title: a
time, words up to a kind of talk (`Morning Keynotes`, which gives the talk its kind), or the words
that consecutive rows share at their start.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import english_people, korean_people, span
from extract.engines.local.session_lines import title_like
from extract.models import Person, Talk
from extract.segment import TIME_SLOT, Block, Segmentation

_TITLE_WORDS = {"session", "sessions", "title", "talk", "talks", "topic", "세션", "제목", "발표", "주제"}
_SPEAKER_WORDS = lexicon.SPEAKER_NOUN_WORDS
_LEADING_WORDS = {"section", "time", "track", "room", "slot", "day", "시간", "트랙", "구분"}
_LABEL_WORDS = 3  # a section value naming a kind of talk: `Morning Keynotes`, `Lightning Talks`
_TAIL_WORDS = 10  # the longest speaker cell tried: `Jane Doe and John Roe (Acme)`
_WORD = re.compile(r"\S+")


def extract_flat_table_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text, blocks = segmentation.text, segmentation.blocks
    talks: list[Talk] = []
    for index, block in enumerate(blocks):
        leading = _header(text[block.content_start : block.end])
        if leading is None:
            continue
        rows = _rows(blocks[index + 1 :])
        cells = [(row, found) for row in rows if (found := _split(text, candidates, row))]
        titles = [(row.index, row.content_start, title_end) for row, (title_end, _) in cells]
        shared = _shared_starts(text, titles, leading)
        for row, (title_end, speakers) in cells:
            title_start = shared.get(row.index, row.content_start)
            title = text[title_start:title_end].strip()
            kind = lexicon.talk_kind(text[row.content_start : title_start]) or lexicon.talk_kind(title)
            if title_like(title):
                evidence = [span(text, row.start, row.end)]
                talks.append(Talk(id="", title=title, speakers=speakers, kind=kind, evidence=evidence))
    return talks


def _header(line: str) -> bool | None:
    """None unless the line is only column names with a title and a speaker column, the speakers last;
    else whether a column comes before the title."""
    words = line.casefold().split()
    known = _TITLE_WORDS | _SPEAKER_WORDS | _LEADING_WORDS | {"company", "affiliation", "소속"}
    if not 2 <= len(words) <= 5 or not set(words) <= known or words[-1] not in _SPEAKER_WORDS | {"company", "소속"}:
        return None
    titles = [i for i, w in enumerate(words) if w in _TITLE_WORDS]
    if not titles:
        return None
    return titles[0] > 0


def _rows(blocks: tuple[Block, ...]) -> list[Block]:
    """The plain lines right under the header, up to the first blank line or heading."""
    rows: list[Block] = []
    for block in blocks:
        if block.kind == "heading" or (rows and block.set_apart):
            break
        rows.append(block)
    return rows


def _split(text: str, candidates: Candidates, row: Block) -> tuple[int, list[Person]] | None:
    """(end of the title, the speakers), a title of two words or more before the speakers' cell.
    The speaker cell is the longest tail whose every name has a given name the lexicon knows, else
    the longest whose names the English model tagged (it may take a title's last word: `Kafka Peter
    Novak`), else the shortest that is a name with its employer (`Startups Kevin Brown` is none)."""
    words = list(_WORD.finditer(text, row.content_start, row.end))
    found: dict[str, tuple[int, list[Person]]] = {}
    for size in range(min(_TAIL_WORDS, len(words) - 2), 0, -1):
        start = words[-size].start()
        people = english_people(text, candidates, start, row.end) or korean_people(text, start, row.end)
        if not people:
            continue
        split = (words[-size - 1].end(), people)
        if all(p.name_ko or lexicon.is_person_name(p.name) for p in people):
            return split
        if all(p.name_ko or candidates.is_person_name(p.name) for p in people):
            found.setdefault("tagged", split)
        if all(p.affiliation for p in people):
            found["employed"] = split
    return found.get("tagged") or found.get("employed")


def _shared_starts(text: str, titles: list[tuple[int, int, int]], leading: bool) -> dict[int, int]:
    """Where each title (row index, start, end) starts after the leading column's value: a time, the
    first words up to a kind of talk (`Morning Keynotes`), or the words that a run of consecutive rows
    shares at its start, as long as each title keeps two words."""
    starts: dict[int, int] = {}
    if not leading:
        return starts
    words = {row: list(_WORD.finditer(text, start, end)) for row, start, end in titles}
    for row, start, end in titles:
        timed = TIME_SLOT.match(text, start, end)
        if timed and timed.end() > start:
            starts[row] = timed.end()
    for row, _, _ in titles:
        labelled = [i for i, word in enumerate(words[row][:_LABEL_WORDS]) if lexicon.talk_kind(word.group())]
        if row not in starts and labelled and labelled[-1] < len(words[row]) - 2:
            starts[row] = words[row][labelled[-1] + 1].start()  # `Morning Keynotes | Title`
    rows = [row for row, _, _ in titles if row not in starts]
    for group in _runs_sharing_a_first_word(rows, words):
        shared = min(_common_length(words[group[0]], words[other]) for other in group[1:])
        shared = min(shared, *(len(words[row]) - 2 for row in group))
        if shared > 0:
            starts |= {row: words[row][shared].start() for row in group}
    return starts


def _runs_sharing_a_first_word(rows: list[int], words: dict[int, list[re.Match[str]]]) -> list[list[int]]:
    runs: list[list[int]] = []
    for row in rows:
        if runs and runs[-1][-1] == row - 1 and words[runs[-1][-1]][0].group() == words[row][0].group():
            runs[-1].append(row)
        else:
            runs.append([row])
    return [run for run in runs if len(run) > 1]


def _common_length(first: list[re.Match[str]], second: list[re.Match[str]]) -> int:
    length = 0
    while length < min(len(first), len(second)) and first[length].group() == second[length].group():
        length += 1
    return length
