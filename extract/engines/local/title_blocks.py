"""Title blocks: talks told over more than one unit, read from how the lines stand to each other.

- headings: `**Name (Latin) — Title**` (either order, the title maybe only a kind such as
  `기조연설`), `세션 1. Title (발표: 이름, 소속)`, or a heading whose next lines say who speaks
  (`발표자: 김민수 (토스)`), past the talk's time and slides lines;
- a title over a line of people, or people over their title, where a document shows the layout twice;
- runs of plain session lines, speaker columns, lines set apart over notes, `Speaker: Title` items
  under a talk-kind heading.

Each reader returns `Parsed` records by block index; `talks` assembles them.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local import talk_context
from extract.engines.local.columns import name_shaped_people, speaker_rows
from extract.engines.local.phrases import clean, english_people, korean_people, past_pictographs, span
from extract.engines.local.session_lines import (
    BRACKET_ONLY,
    DATED,
    HEADING_SEPARATOR,
    KIND_ONLY,
    KIND_PREFIX,
    NUMBERED,
    PARENTHESISED_END,
    Parsed,
    heading_people,
    heading_speakers,
    marked_session,
    names_a_role,
    parse_session,
    people_in,
    session_in,
    session_label,
    speakers_in,
    title_like,
    title_line,
    titled_by_name,
    titled_or_described,
    without_kind_label,
    without_link_labels,
)
from extract.engines.local.speaker_lines import inside_brackets, is_slot_line, under_slot_lines, with_description_below
from extract.marks import SEPARATOR
from extract.models import Person, Span
from extract.people import descriptor, is_job
from extract.segment import SPEAKER_LABEL, Block, list_marker, reads_as_title_line


def headings_over_names(
    blocks: tuple[Block, ...], text: str, candidates: Candidates, parsed: dict[int, Parsed]
) -> dict[int, Parsed]:
    """Headings (and numbered items) over a line with a speaker's name alone (`## 제목` over `김민준 님`,
    `Jane Doe`): talks where the document does so at least twice; one alone may be a post's own part
    (`## 작성자` over its author)."""
    found: dict[int, Parsed] = {}
    for block in blocks:
        numbered_item = block.kind == "bullet" and (list_marker(text[block.start : block.end]) or " ")[0].isdigit()
        if block.index in parsed or block.index + 1 >= len(blocks) or not (block.kind == "heading" or numbered_item):
            continue
        start = _title_start(text, block)
        below = under_slot_lines(blocks, block, text)
        if below and (talk := _titled_by_people_line(blocks, block, below, text, candidates, start, named_alone=True)):
            found[block.index] = talk
    return found if len(found) >= _SHOWN else {}


def named_items_under_a_kind(
    blocks: tuple[Block, ...], text: str, candidates: Candidates, parsed: dict[int, Parsed]
) -> dict[int, Parsed]:
    """List items `Speaker: Title` under a short heading that names a talk kind (`## Lightning talks` over
    `- Maria Garcia: Testing with fuzzers`): the heading says its items are talks, as a role heading says
    its names have the role (alone, `Name: Title` is as often a post by its author). Two or more."""
    found: dict[int, Parsed] = {}
    for block in blocks:
        if block.kind != "bullet" or block.index in parsed or block.section is None:
            continue
        heading = clean(text[blocks[block.section].content_start : blocks[block.section].end])
        kind = lexicon.talk_kind(heading) if len(heading.split()) <= _KIND_HEADING_WORDS else None
        colon = _COLON.search(text, block.content_start, block.end)
        if kind is None or colon is None:
            continue
        people = people_in(text, candidates, block.content_start, colon.start())
        title = clean(text[colon.end() : block.end])
        if people and title_like(title) and not names_a_role(title):
            found[block.index] = title, people, kind, None
    return found if len(found) >= _SHOWN else {}


def set_apart_session_lines(
    blocks: tuple[Block, ...], text: str, candidates: Candidates, parsed: dict[int, Parsed]
) -> dict[int, Parsed]:
    """Plain lines set apart by a blank line above them that read as session lines (`오픈소스! 오픈스택! -
    장현정` over notes, a post's headings without heading marks): talks where the document shows two or
    more (one alone may be a note's own dash)."""
    found: dict[int, Parsed] = {}
    for block in blocks:
        if block.kind != "paragraph" or block.index in parsed or len(block.sentences) > 1:
            continue
        previous = blocks[block.index - 1] if block.index > 0 else None
        if previous is not None and not block.set_apart:
            continue
        if not reads_as_title_line(text[block.start : block.end]) or not _ends_in_people(text, candidates, block):
            continue
        session = session_in(text, candidates, block.content_start, block.end)
        if session is not None and session[0] is not None:
            found[block.index] = session
    return found if len(found) >= _SHOWN else {}


def _ends_in_people(text: str, candidates: Candidates, block: Block) -> bool:
    """A line's last part names people, as a heading names its speakers: all after a separator (`Title -
    Name - Org`, `Title, by Name`) or its closing brackets (`Title (Name, Org)`); `Linus Torvals - 리눅스
    커널, git` describes its person instead."""
    start, end = block.content_start, block.end
    if any(people_in(text, candidates, s.end(), end) for s in _TAIL_SEPARATOR.finditer(text, start, end)):
        return True
    bracket = PARENTHESISED_END.search(text, start, end)
    return bracket is not None and bool(people_in(text, candidates, bracket.start(1), bracket.end(1)))


_TAIL_SEPARATOR = re.compile(rf"{SEPARATOR}|,?\s+by\s+")
_KIND_HEADING_WORDS = 4
_COLON = re.compile(r"\s*:\s+")


def _title_start(text: str, block: Block) -> int:
    """Where a line's title starts: past the pictographs and the number that mark it (`🎤 2. …`, `세션 2. …`)."""
    start = past_pictographs(text, block.content_start, block.end)
    numbered = NUMBERED.match(text, start, block.end)
    return numbered.end() if numbered else start


def parse_heading(blocks: tuple[Block, ...], block: Block, text: str, candidates: Candidates) -> Parsed | None:
    start, end = past_pictographs(text, block.content_start, block.end), block.end
    label = KIND_PREFIX.match(text, start, end)  # `Keynote: …`, `Talk — …` (on the heading's own line)
    kind = lexicon.talk_kind(label.group()) if label else None
    numbered = NUMBERED.match(text, label.end() if label else start, end)  # `1. …`, `세션 2. …`
    start = numbered.end() if numbered else label.end() if label else start
    if label and (
        speakers := speakers_in(text, candidates, start, end) or heading_people(text, candidates, start, end)
    ):
        return None, speakers, kind, None  # `**기조연설 — 앤드루 응(Andrew Ng), 딥러닝닷에이아이**`: no title
    for separator in HEADING_SEPARATOR.finditer(text[start:end]):
        sides = ((start, start + separator.start()), (start + separator.end(), end))
        for speakers_side, title_side in (sides, sides[::-1]):
            speakers = heading_speakers(text, candidates, *speakers_side)
            title = clean(text[title_side[0] : title_side[1]])
            if speakers and KIND_ONLY.fullmatch(title):  # `**앤드루 응(Andrew Ng), 딥러닝닷에이아이 — 첫 기조연설**`
                return None, speakers, lexicon.talk_kind(title), None
            if speakers and (found := titled_or_described(title, speakers, kind)):
                return found
        break  # only the first separator divides speakers from title
    by_line = titled_by_name(text, candidates, start, end)
    if by_line:
        return by_line[0], by_line[1], kind, None
    found = (
        marked_session(text, candidates, start, end)
        or parse_session(text, start, end, candidates, separators=BRACKET_ONLY)
        or _titled_by_speaker_line(blocks, block, text, candidates, start)
    )
    return (found[0], found[1], found[2] or kind, found[3]) if found else None  # a label's kind unless its own


_SHOWN = 2  # records of a layout that make its other instances trusted


def more_titles_over_speakers(
    blocks: tuple[Block, ...], text: str, candidates: Candidates, parsed: dict[int, Parsed], known_names: set[str]
) -> dict[int, Parsed]:
    """Where the document has shown its layout of a title line over its speakers' line at least twice,
    its other title lines are read with the slots trusted: a title may exclaim, ask, or read like a
    sentence or a company (`두 번의 이직, 세 개의 회사`), a speaker needs only the shape of a name."""
    if sum(_shows_layout(blocks, index, speaker_line) for index, (_, _, _, speaker_line) in parsed.items()) < _SHOWN:
        return {}
    more: dict[int, Parsed] = {}
    for block in blocks:
        if block.index in parsed or block.index - 1 in parsed or block.kind not in ("heading", "paragraph"):
            continue
        start = _title_start(text, block)
        found = _titled_by_speaker_line(blocks, block, text, candidates, start, relaxed=True) or over_people(
            blocks, block, text, candidates, known_names, relaxed=True
        )
        if found:
            more[block.index] = found
    return more


def _shows_layout(blocks: tuple[Block, ...], index: int, speaker_line: Span | None) -> bool:
    """Whether a talk read from a title and a speakers' line shows the layout
    `more_titles_over_speakers` reads again: not one whose speaker is a list's first item with no
    label (a list under a title line is most often its notes)."""
    if speaker_line is None:
        return False
    item = blocks[index + 1] if index + 1 < len(blocks) else None
    return not (
        item is not None
        and item.kind == "bullet"
        and item.start <= speaker_line.start < item.end
        and not SPEAKER_LABEL.match(speaker_line.text)
    )


def _titled_by_speaker_line(
    blocks: tuple[Block, ...],
    heading: Block,
    text: str,
    candidates: Candidates,
    title_start: int,
    relaxed: bool = False,
) -> Parsed | None:
    """A heading is a talk's title when the first line under it, past lines that only link the talk's
    materials (`발표자료: https://…`) or give its time, names the speakers: after a speaker label on
    that line or alone on the line above them (`연사 소개`), or with no label as a line of people with
    their jobs or a list's first item that is one person (`relaxed`: any short line, read as
    `more_titles_over_speakers` says). A heading that is only a kind word (`키노트`) is an untitled
    talk of that kind."""
    block = under_slot_lines(blocks, heading, text)
    if block is None or block.kind == "heading":
        return None
    title = clean(text[title_start : heading.end])
    if not title or KIND_ONLY.fullmatch(title):  # `키노트` over `- 윤석찬`: an untitled keynote
        found = _over_named_item(blocks, block, text, candidates, None)
        kind = lexicon.talk_kind(clean(text[heading.content_start : heading.end]))
        return (None, found[1], kind, found[3]) if found else None
    label = SPEAKER_LABEL.match(text, block.content_start, block.end)
    if label is None:
        return _titled_by_people_line(blocks, heading, block, text, candidates, title_start) or _over_named_item(
            blocks, block, text, candidates, title
        )
    people_start = label.end()
    if people_start >= block.end and block.index + 1 < len(blocks):  # `발표자` alone: the names are below
        block = blocks[block.index + 1]
        people_start = block.content_start
    people_end = without_link_labels(text, people_start, block.end)
    people = _people_in_slot(text, candidates, *inside_brackets(text, people_start, people_end), relaxed, True)
    if relaxed and not title_line(title, relaxed):
        return None
    if people and title_like(title, in_title_column=relaxed):
        people = with_description_below(blocks, block, text, people)
        return title, people, None, span(text, block.content_start, block.end)
    return None


def numbered_heading(blocks: tuple[Block, ...], block: Block, text: str, candidates: Candidates) -> Parsed | None:
    """A numbered item set apart by a blank line (`1. 맵매칭 (…)`, then `연사 소개` below) or over a plain
    line (`1. 제목` over `김민준 (네이버)`) heads its talk as a heading does; an unnumbered one only over
    a labelled speaker line."""
    if block.kind != "bullet" or block.index + 1 >= len(blocks):
        return None
    following = blocks[block.index + 1]
    set_apart = following.set_apart or following.kind == "paragraph"
    marker = list_marker(text[block.start : block.end])
    if not set_apart or marker is None:
        return None
    speaker_line = under_slot_lines(blocks, block, text)
    labelled = speaker_line is not None and SPEAKER_LABEL.match(text, speaker_line.content_start, speaker_line.end)
    if not (marker[0].isdigit() or labelled):
        return None  # an unnumbered item heads a talk only over a labelled speaker line (`- 제목`, `연사 소개`)
    return _titled_by_speaker_line(blocks, block, text, candidates, block.content_start)


def _over_named_item(
    blocks: tuple[Block, ...], item: Block, text: str, candidates: Candidates, title: str | None
) -> Parsed | None:
    """A heading over a list whose first item is one person alone (`데이터 라벨링 …` over `- 소성운`, then
    `  - 지그재그`): the talk's title (None under a kind word alone) and its speaker. A list of people
    under a heading, or a role over one (`인사말`), is no talk."""
    people = _one_person_item(blocks, item, text, candidates)
    if people is None:
        return None
    if title is not None and (not title_like(title) or names_a_role(title)):
        return None
    return title, with_description_below(blocks, item, text, people), None, span(text, item.content_start, item.end)


def _one_person_item(blocks: tuple[Block, ...], item: Block, text: str, candidates: Candidates) -> list[Person] | None:
    """The person a list's first item names, when it is nothing but one person's name and the next
    item is not another person's."""
    if item.kind != "bullet":
        return None
    people = people_in(text, candidates, item.content_start, item.end)
    name_alone = clean(text[item.content_start : item.end]).removesuffix("님").strip()
    if people is None or len(people) != 1 or name_alone not in (people[0].name_ko, people[0].name_en):
        return None  # `- 아파치 주키퍼`: a name with more than itself is no speaker's line
    following = blocks[item.index + 1] if item.index + 1 < len(blocks) else None
    if following is not None and people_in(text, candidates, following.content_start, following.end):
        return None
    return people


_HONORIFIC_END = re.compile(r"[가-힣]\s?님\s*$")


def _titled_by_people_line(
    blocks: tuple[Block, ...],
    heading: Block,
    block: Block,
    text: str,
    candidates: Candidates,
    title_start: int,
    named_alone: bool = False,
) -> Parsed | None:
    """A heading over a plain line that is nothing but its speakers, each with a job or an employer
    (`### Title` over `**Irene Dahl**, Staff Engineer at Northwind`, `*Jane Doe, Acme*`, `김민준 (네이버)`):
    the line needs no label. `named_alone`: a line with the name alone will do (`headings_over_names`)."""
    if heading.kind == "paragraph":
        return None
    shown = _people_line(blocks, block, text, candidates)
    wanted = {"labelled", "named alone"} if named_alone else {"labelled", "described"}
    title = clean(text[title_start : heading.end])
    if shown and shown[1] & wanted and title_like(title) and not names_a_role(title):
        return title, shown[0], None, span(text, block.content_start, block.end)  # not `## Organizers`
    return None


def _people_line(
    blocks: tuple[Block, ...], block: Block, text: str, candidates: Candidates
) -> tuple[list[Person], set[str]] | None:
    """The speakers of a plain line that is nothing but people, and what shows them as speakers:
    `labelled` (after a speaker label), `described` (each with a job or an employer, on the line or
    on the line right under a lone name: `김민준` over `네이버 검색팀 리더`), `named alone` (each a
    name addressed with 님 or one the model knows as a person's)."""
    line = text[block.content_start : block.end]
    plain = block.kind in ("paragraph", "heading", "bold_lead")  # `**발표자**: …` leads with its bold label
    if not plain or text.startswith("#", block.start) or not reads_as_title_line(line):
        return None  # list items under a heading are a section of it
    label = SPEAKER_LABEL.match(text, block.content_start, block.end)
    if label and label.end() < block.end:  # `Speaker: Jane Doe (Acme)`: the label says so
        labelled = people_in(text, candidates, block.content_start, block.end)
        return (labelled, {"labelled"}) if labelled else None
    english = english_people(text, candidates, block.content_start, block.end)
    people = english or korean_people(text, block.content_start, block.end)
    if not people:
        return None
    people = with_description_below(blocks, block, text, people)
    shown = set()
    if all((p.title and is_job(p.title)) or p.affiliation for p in people):
        shown.add("described")
    known = english is not None and all(candidates.is_person_name(p.name) for p in english)
    if _HONORIFIC_END.search(line) or known:
        shown.add("named alone")
    return (people, shown) if shown else None


def speakers_over_titles(
    blocks: tuple[Block, ...], text: str, candidates: Candidates, parsed: dict[int, Parsed]
) -> dict[int, Parsed]:
    """A line of speakers right over their talk's title, the two set apart from the lines around them
    (a blank line, `김민준 (네이버)`, `분산 시스템의 이해`, a blank line): talks where the document does so
    at least twice (one alone may be a person over their bio)."""
    found: dict[int, Parsed] = {}
    for above in blocks:
        below = under_slot_lines(blocks, above, text)  # past its time and materials lines
        if below is None or above.index in parsed or below.index in parsed or text.startswith("#", below.start):
            continue  # a Markdown heading under a line starts a section (a bold line may be a title)
        following = blocks[below.index + 1] if below.index + 1 < len(blocks) else None
        if following is not None and not following.set_apart and not _describes(text, following):
            continue  # the title stands apart from the lines after it, or a paragraph about it follows
        previous = blocks[above.index - 1] if above.index > 0 else None
        set_apart = previous is None or above.set_apart
        if any(block.set_apart for block in blocks[above.index + 1 : below.index + 1]) or not set_apart:
            continue  # the speakers and their title are one unit, set apart from the lines above
        title = clean(text[_title_start(text, below) : below.end])
        if not reads_as_title_line(title) or not title_like(title) or names_a_role(title):
            continue
        if people_in(text, candidates, below.content_start, below.end) or descriptor(title):
            continue  # a list of names, or the speaker's job under their name
        if shown := _people_line(blocks, above, text, candidates):
            found[below.index] = title, shown[0], None, span(text, above.content_start, above.end)
    return found if len(found) >= _SHOWN else {}


def _describes(text: str, block: Block) -> bool:
    """A paragraph, not another short line: what is said about the title right above it."""
    return block.kind == "paragraph" and not reads_as_title_line(text[block.content_start : block.end])


def _people_in_slot(
    text: str, candidates: Candidates, start: int, end: int, relaxed: bool, labelled: bool = False
) -> list[Person] | None:
    """The people of a speaker slot; in a slot the layout has shown, a name needs only its shape."""
    return people_in(text, candidates, start, end, labelled) or (
        name_shaped_people(text, start, end) if relaxed else None
    )


def runs_of_plain_session_lines(blocks: tuple[Block, ...], text: str, candidates: Candidates) -> dict[int, Parsed]:
    """Plain title-shaped lines that each read as a session line, two or more in a row
    (`Title - Name | Org`, `제목 (이름, 소속)` line after line): the run says they are a programme, as a
    bullet says it of one list item."""
    plain = {
        block.index
        for block in blocks
        if block.kind == "paragraph"
        and len(block.sentences) <= 1
        and reads_as_title_line(text[block.start : block.end])
    }
    read: dict[int, Parsed] = {}
    for index in sorted(i for i in plain if i - 1 in plain or i + 1 in plain):  # a line alone is no run
        block = blocks[index]
        start = talk_context.after_slot_labels(text, block.content_start, block.end)
        if session := session_in(text, candidates, start, block.end):
            read[index] = session
    return {i: session for i, session in read.items() if i - 1 in read or i + 1 in read}


def speaker_columns(
    blocks: tuple[Block, ...], text: str, candidates: Candidates
) -> tuple[dict[int, Parsed], dict[int, tuple[int, int]]]:
    """Talks of the lines of a run whose speaker column the layout shows (`columns`), and the track
    cell of the slot line above each."""
    parsed: dict[int, Parsed] = {}
    tracks: dict[int, tuple[int, int]] = {}

    def names_people(start: int, end: int) -> list[Person] | None:
        return people_in(text, candidates, talk_context.after_slot_labels(text, start, end), end)

    for row in speaker_rows(blocks, text, names_people):
        # `[10:00~10:40] 제목 | 이름`, `[Track A] 이름 - 제목`: the slot's time and track are neither.
        # `… by Ivan Tham (Slides)`: a link's label after the speakers is no employer.
        speakers = (talk_context.after_slot_labels(text, *row.speakers), without_link_labels(text, *row.speakers))
        people = people_in(text, candidates, *speakers) or name_shaped_people(text, *speakers)
        if not people:
            continue
        title_start = talk_context.after_slot_labels(text, *row.title)
        title, kind = without_kind_label(clean(text[title_start : without_link_labels(text, *row.title)]))
        if names_a_role(title):
            continue  # `사회 : 김민준`: a role beside the person who had it
        # `[10:00~10:40] 키노트 | 이름 (소속)`: a kind alone is an untitled talk of that kind.
        untitled = (None, people, lexicon.talk_kind(title), None) if KIND_ONLY.fullmatch(title) else None
        if found := untitled or titled_or_described(title, people, kind, in_title_column=True):
            parsed[row.block.index] = found
            if row.track is not None:
                tracks[row.block.index] = row.track
    return parsed, tracks


def over_people(
    blocks: tuple[Block, ...],
    block: Block,
    text: str,
    candidates: Candidates,
    known_names: set[str],
    relaxed: bool = False,
) -> Parsed | None:
    """A short title line right above a line that names only people (`개발자를 위한 재테크` over
    `@k16wire 황상철`, `The Relationship With Maintainers` over `David Millner`): a talk and its speakers.
    A line that is a name a speaker column showed (`known_names`) is a person, never a title.
    `relaxed`: the slots are trusted (`more_titles_over_speakers`)."""
    line = clean(text[block.content_start : block.end])
    if block.kind != "paragraph" or block.index + 1 >= len(blocks) or not title_line(line, relaxed):
        return None
    if line in known_names or is_slot_line(text, block):  # `10:00 - 10:40` over the speaker: no title
        return None
    previous = blocks[block.index - 1] if block.index > 0 else None
    if previous is not None and previous.kind != "heading" and not block.set_apart:
        return None  # a title starts its unit; a line run on from the one above is a note
    if not title_like(line, in_title_column=relaxed):
        return None
    below = under_slot_lines(blocks, block, text)  # past its time and materials lines
    if below is None or below.kind == "heading" or below.gap > 1 or DATED.search(line):
        return None  # `세션 – 12월 7일, 토요일` over a list of names is a section of the programme
    if people_in(text, candidates, block.content_start, block.end) or names_a_role(line):
        return None  # a list of names, or a role over the people who had it
    people = _people_in_slot(text, candidates, below.content_start, below.end, relaxed)
    if not people:
        return None
    if session_label(line):  # `Keynote #4` over `김동우`: a session card (`cards`)
        return None
    return line, people, None, span(text, below.content_start, below.end)
