"""Talks from Markdown tables of sessions: `| Session | Speaker |` rows, as blog recaps and programmes
list them. Columns are found by their header (title, speakers, organisation, track), or, without a
recognisable header, a row is a talk when one cell is a title and another names only people. A row
whose title cell is a role (`| 11:20 | 좌장 | 서지원 (카카오) |`) credits its people with that role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import clean, span
from extract.engines.local.session_lines import people_in, session_in, title_like, without_kind_label
from extract.models import Credit, Person, Talk
from extract.segment import Block, Segmentation

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^[\s|:\-]+$")
_HEADERS = {
    "title": re.compile(r"session|title|talk|topic|세션|제목|발표명|주제|강연", re.I),
    "speakers": re.compile(lexicon.SPEAKER_NOUNS, re.I),
    "organization": re.compile(r"org|company|affiliation|소속|회사", re.I),
    "track": re.compile(r"track|트랙|room|hall", re.I),
}


def extract_tables(segmentation: Segmentation, candidates: Candidates) -> tuple[list[Talk], list[Credit]]:
    talks: list[Talk] = []
    credits: list[Credit] = []
    for table in _tables(segmentation):
        section = table.rows[0].section
        heading = segmentation.blocks[section] if section is not None else None
        section_kind = lexicon.talk_kind(segmentation.text[heading.content_start : heading.end]) if heading else None
        table_talks, table_credits = _records_of(segmentation.text, candidates, table, section_kind)
        talks += table_talks
        credits += table_credits
    return talks, credits


@dataclass(frozen=True)
class _Table:
    kind: str  # `pipes` (`| … |` lines) or `tabs` (cells between tabs)
    rows: list[Block]


def _tables(segmentation: Segmentation) -> list[_Table]:
    """Runs of table rows of one kind (`| … |` lines, or lines of tab-separated cells, two or more) on
    consecutive lines."""
    text = segmentation.text
    tables: list[_Table] = []
    previous: Block | None = None
    for block in segmentation.blocks:
        kind = _row_kind(text, block)
        if kind is None:
            previous = None
            continue
        if (
            previous is not None
            and previous.index == block.index - 1
            and tables[-1].kind == kind
            and not block.set_apart
        ):
            tables[-1].rows.append(block)
        else:
            tables.append(_Table(kind, [block]))
        previous = block
    return [table for table in tables if table.kind == "pipes" or len(table.rows) >= 2]


def _row_kind(text: str, block: Block) -> str | None:
    line = text[_line_start(text, block) : block.end]
    return "pipes" if _ROW.match(line) else "tabs" if _tab_separated(line) else None


def _tab_separated(line: str) -> bool:
    """Cells between tabs, as a table pasted from a spreadsheet or a page has them (`2024-10-09\tTitle`,
    `\tTitle` under a cell left empty)."""
    tab = line.find("\t")
    return tab >= 0 and bool(line[:tab].strip() or line[tab:].strip())


def _line_start(text: str, block: Block) -> int:
    return text.rfind("\n", 0, block.start) + 1


def _cells(text: str, block: Block, kind: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's content in the source: between bars, or between tabs."""
    if kind == "tabs":
        start = _line_start(text, block)
        return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\t]+", text[start : block.end])]
    cells: list[tuple[int, int]] = []
    position = text.index("|", block.start) + 1
    while True:
        bar = text.find("|", position, block.end)
        if bar < 0:
            return cells
        cells.append((position, bar))
        position = bar + 1


def _columns(text: str, header: list[tuple[int, int]]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, (start, end) in enumerate(header):
        for field, pattern in _HEADERS.items():
            if field not in columns and pattern.search(text[start:end]):
                columns[field] = index
                break
    return columns


def _records_of(
    text: str, candidates: Candidates, table: _Table, section_kind: str | None
) -> tuple[list[Talk], list[Credit]]:
    """Talks and credits of one table; a talk's kind comes from the section the table stands in, else
    its title."""
    rows = table.rows
    header = _cells(text, rows[0], table.kind)
    columns = _columns(text, header)
    has_header = len(rows) > 1 and _RULE.match(text[rows[1].start : rows[1].end]) is not None
    body = rows[2:] if has_header else rows
    talks: list[Talk] = []
    credits: list[Credit] = []
    roles = lexicon.roles_by_wording()
    for row in body:
        cells = _cells(text, row, table.kind)
        found = (
            _with_columns(text, candidates, cells, columns) if has_header else _without_header(text, candidates, cells)
        )
        if found is None and not {"title", "speakers"} <= set(columns):
            found = _session_cell(text, candidates, cells)  # `| 2024-10-09 | Title by Name (Slides) |`
        if found is None:
            continue
        labelled_title, speakers, track = found
        evidence = [span(text, row.start, row.end)]
        if role := roles.get(labelled_title.casefold()):
            credits += [
                Credit(id="", person=p, role=role, role_text=labelled_title, track=track, evidence=evidence)
                for p in speakers
            ]
            continue
        title, label_kind = without_kind_label(labelled_title)
        talks.append(
            Talk(
                id="",
                title=title,
                speakers=speakers,
                kind=section_kind or label_kind or lexicon.talk_kind(title),
                track=track,
                evidence=evidence,
            )
        )
    return talks, credits


Found = tuple[str, list[Person], str | None]


def _with_columns(
    text: str, candidates: Candidates, cells: list[tuple[int, int]], columns: dict[str, int]
) -> Found | None:
    if "title" not in columns or "speakers" not in columns or max(columns.values()) >= len(cells):
        return None
    title = clean(text[slice(*cells[columns["title"]])])
    speakers = people_in(text, candidates, *cells[columns["speakers"]])
    if not speakers or not title_like(title):
        return None
    if "organization" in columns:
        organization = clean(text[slice(*cells[columns["organization"]])]) or None
        speakers = [p if p.affiliation else p.model_copy(update={"affiliation": organization}) for p in speakers]
    track = clean(text[slice(*cells[columns["track"]])]) or None if "track" in columns else None
    return title, speakers, track


def _session_cell(text: str, candidates: Candidates, cells: list[tuple[int, int]]) -> Found | None:
    """A table whose columns are not title and speakers may hold a whole session line in one cell."""
    sessions = [found for cell in cells if (found := session_in(text, candidates, *cell))]
    if len(sessions) != 1:
        return None
    title, speakers, _, _ = sessions[0]
    return (title, speakers, None) if title else None


def _without_header(text: str, candidates: Candidates, cells: list[tuple[int, int]]) -> Found | None:
    people = [(i, found) for i, cell in enumerate(cells) if (found := people_in(text, candidates, *cell))]
    titles = [i for i, (start, end) in enumerate(cells) if title_like(clean(text[start:end]))]
    if len(people) != 1:
        return None
    index, speakers = people[0]
    others = [i for i in titles if i != index]
    return (clean(text[slice(*cells[others[0]])]), speakers, None) if others else None
