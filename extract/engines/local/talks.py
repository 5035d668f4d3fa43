"""Talks from the layout: a heading or a session line that names a title and its speakers.

- headings: `**Name (Latin) — Title**` (either order, the name maybe titled or followed by `, Org`, the
  title maybe only a kind such as `기조연설`), `세션 1. Title (발표: 이름, 소속)`, or a heading
  whose next lines say who speaks (`발표자: 김민수 (토스)`);
- session lines (bullets, numbered items, bold leads, timetable rows): `10:00-10:40 | Title | Speaker`,
  `**Title** - 이름 (소속)`, `[Title] Speaker`, `Title / Speaker`, `Title (Speaker, Org)`, and the
  English `Title: Speaker - Role of Org`.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local import talk_context
from extract.engines.local.columns import name_shaped_people, speaker_rows
from extract.engines.local.phrases import (
    clean,
    english_people,
    is_person,
    korean_people,
    mentions,
    past_pictographs,
    person_of,
    span,
)
from extract.engines.local.prose_talks import titled_person
from extract.engines.local.speaker_lines import (
    inside_brackets,
    is_slot_line,
    under_slot_lines,
    with_description_below,
)
from extract.models import Person, Span, Talk
from extract.people import descriptor, is_job, is_korean_name
from extract.segment import LINK, SPEAKER_LABEL, TIME_SLOT, Block, Segmentation, list_marker, reads_as_title_line

_SEPARATOR = re.compile(r"\s+[—–-]{1,2}\s+|\s*[:：]\s+|\s+\|\s+")
# What may stand between speakers on a speakers' side: conjunctions, commas, honorifics.
_JOINERS = re.compile(r"^(?:\s|[,&/·*]|와|과|및|님|and|with)*$")


def extract_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text = segmentation.text
    talks: list[Talk] = []
    blocks = segmentation.blocks
    columns, slot_tracks = _speaker_columns(blocks, text, candidates)
    plain_runs = _runs_of_plain_session_lines(blocks, text, candidates)
    column_names = {person.name for _, people, _, _ in columns.values() for person in people}
    parsed_blocks = {
        block.index: parsed
        for block in blocks
        if (
            parsed := _parse_heading(blocks, block, text, candidates)
            if block.kind == "heading"
            else columns.get(block.index)
            or _parse_line(block, text, candidates)
            or plain_runs.get(block.index)
            or _over_people(blocks, block, text, candidates, column_names)
            or _numbered_heading(blocks, block, text, candidates)
        )
    }
    parsed_blocks |= _more_titles_over_speakers(blocks, text, candidates, parsed_blocks, column_names)
    parsed_blocks |= _named_items_under_a_kind(blocks, text, candidates, parsed_blocks)
    parsed_blocks |= _set_apart_session_lines(blocks, text, candidates, parsed_blocks)
    parsed_blocks |= _headings_over_names(blocks, text, candidates, parsed_blocks)
    # Speakers over their titles: the heading above such a speakers' line is a section's, not a title.
    cards = _speakers_over_titles(blocks, text, candidates, parsed_blocks)
    card_lines = {found[3].start for found in cards.values() if found[3] is not None}
    parsed_blocks = {i: found for i, found in parsed_blocks.items() if not (found[3] and found[3].start in card_lines)}
    parsed_blocks |= cards
    parsed_blocks = _without_titles_over_talks(blocks, parsed_blocks)
    parsed_blocks = {i: found for i, found in parsed_blocks.items() if not _listed_under_a_role(blocks, i, found, text)}
    talk_headings = set(parsed_blocks)
    for index, (title, speakers, label, speaker_line) in parsed_blocks.items():
        block = blocks[index]
        body = talk_context.body(blocks, block, talk_headings)
        section = talk_context.section_heading(blocks, block, talk_headings)
        evidence = [span(text, block.content_start, block.end)]
        if speaker_line is not None:
            evidence.append(speaker_line)
        url, url_span = talk_context.first_url(text, body)
        summary_span = talk_context.summary(text, body)
        evidence += [s for s in (url_span, summary_span) if s is not None]
        kind = lexicon.talk_kind(talk_context.block_text(text, section)) if section else None
        introduced = talk_context.lead_in(blocks, block, talk_headings, text) if block.kind != "heading" else None
        kind = kind or (lexicon.only_talk_kind(talk_context.block_text(text, introduced)) if introduced else None)
        track, track_span = talk_context.track(text, body)
        if track is None:
            track, track_span = talk_context.track_label(text, block)
        if track is None and index in slot_tracks:
            track_span = span(text, *slot_tracks[index])
            track = track_span.text
        if track is None and section is not None:
            track, track_span = talk_context.track_heading(text, section)
        if track_span is not None:
            evidence.append(track_span)
        title, bracket_kind = talk_context.without_bracket_label(title) if title else (title, None)
        talks.append(
            Talk(
                id="",
                title=title,
                speakers=speakers,
                kind=label or bracket_kind or kind or (lexicon.talk_kind(title) if title else None),
                summary=summary_span.text if summary_span else None,
                url=url,
                track=track,
                evidence=evidence,
            )
        )
    return talks


def _headings_over_names(
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


def _named_items_under_a_kind(
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
        if people and title_like(title) and not _names_a_role(title):
            found[block.index] = title, people, kind, None
    return found if len(found) >= _SHOWN else {}


def _set_apart_session_lines(
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
        if previous is not None and "\n\n" not in text[previous.end : block.start]:
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
    bracket = _PARENTHESISED_END.search(text, start, end)
    return bracket is not None and bool(people_in(text, candidates, bracket.start(1), bracket.end(1)))


_TAIL_SEPARATOR = re.compile(r"\s+[-–—|/:：]\s+|,?\s+by\s+")


_KIND_HEADING_WORDS = 4
_COLON = re.compile(r"\s*[:：]\s+")


def _without_titles_over_talks(blocks: tuple[Block, ...], parsed: dict[int, Parsed]) -> dict[int, Parsed]:
    """A line read as a talk of its own (`김민준 - 분산 시스템의 이해`) is no speakers' line of the line
    above it: that line is the heading of a section of talks."""
    talk_lines = [blocks[index] for index in parsed]
    return {
        index: found
        for index, found in parsed.items()
        if found[3] is None
        or not any(line.start <= found[3].start < line.end and line.index != index for line in talk_lines)
    }


def _listed_under_a_role(blocks: tuple[Block, ...], index: int, found: Parsed, text: str) -> bool:
    """An untitled talk read from a person and their description (`김민준 - 네이버`), or one whose
    "title" is shaped as their employer (`Jane Doe - Acme`), under a heading that names a role
    (`운영진`, `Organizers`): the people had that role; they gave no talk."""
    section = blocks[index].section
    title = found[0]
    employer_shaped = title is not None and len(title.split()) <= 3 and lexicon.is_name_shaped(title)
    if (title is not None and not employer_shaped) or section is None or section == index:
        return False
    return _names_a_role(clean(text[blocks[section].content_start : blocks[section].end]))


def _title_start(text: str, block: Block) -> int:
    """Where a line's title starts: past the pictographs and the number that mark it (`🎤 2. …`, `세션 2. …`)."""
    start = past_pictographs(text, block.content_start, block.end)
    numbered = _NUMBERED.match(text, start, block.end)
    return numbered.end() if numbered else start


def _parse_heading(blocks: tuple[Block, ...], block: Block, text: str, candidates: Candidates) -> Parsed | None:
    start, end = past_pictographs(text, block.content_start, block.end), block.end
    label = _KIND_PREFIX.match(text, start, end)  # `Keynote: …`, `Talk — …` (on the heading's own line)
    kind = lexicon.talk_kind(label.group()) if label else None
    numbered = _NUMBERED.match(text, label.end() if label else start, end)  # `1. …`, `세션 2. …`
    start = numbered.end() if numbered else label.end() if label else start
    if label and (speakers := _speakers(text, candidates, start, end) or _heading_people(text, candidates, start, end)):
        return None, speakers, kind, None  # `**기조연설 — 앤드루 응(Andrew Ng), 딥러닝닷에이아이**`: no title
    for separator in _SEPARATOR.finditer(text[start:end]):
        sides = ((start, start + separator.start()), (start + separator.end(), end))
        for speakers_side, title_side in (sides, sides[::-1]):
            speakers = heading_speakers(text, candidates, *speakers_side)
            title = clean(text[title_side[0] : title_side[1]])
            if speakers and _KIND_ONLY.fullmatch(title):  # `**앤드루 응(Andrew Ng), 딥러닝닷에이아이 — 첫 기조연설**`
                return None, speakers, lexicon.talk_kind(title), None
            if speakers and (found := _titled_or_described(title, speakers, kind)):
                return found
        break  # only the first separator divides speakers from title
    by_line = _titled_by_name(text, candidates, start, end)
    if by_line:
        return by_line[0], by_line[1], kind, None
    found = (
        _marked_session(text, candidates, start, end)
        or _parse_session(text, start, end, candidates, separators=_BRACKET_ONLY)
        or _titled_by_speaker_line(blocks, block, text, candidates, start)
    )
    return (found[0], found[1], found[2] or kind, found[3]) if found else None  # a label's kind unless its own


_BY = re.compile(r"\s+by\s+")
# `moderated by`, `sponsored by`: the by of a host or a sponsor (`Async IO, Completed by …` names a speaker).
_HOST_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:moderated|hosted|chaired|led|emceed|organi[sz]ed|sponsored|powered|supported|brought)$", re.I
)
_BY_NAME = re.compile(r"(?P<name>[^()]+?)(?:\s*\((?P<org>[^()]+)\))?")


_SHOWN = 2  # records of a layout that make its other instances trusted


def _more_titles_over_speakers(
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
        found = _titled_by_speaker_line(blocks, block, text, candidates, start, relaxed=True) or _over_people(
            blocks, block, text, candidates, known_names, relaxed=True
        )
        if found:
            more[block.index] = found
    return more


def _shows_layout(blocks: tuple[Block, ...], index: int, speaker_line: Span | None) -> bool:
    """Whether a talk read from a title and a speakers' line shows the layout
    `_more_titles_over_speakers` reads again: not one whose speaker is a list's first item with no
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
    `_more_titles_over_speakers` says). A heading that is only a kind word (`키노트`) is an untitled
    talk of that kind."""
    block = under_slot_lines(blocks, heading, text)
    if block is None or block.kind == "heading":
        return None
    title = clean(text[title_start : heading.end])
    if not title or _KIND_ONLY.fullmatch(title):  # `키노트` over `- 윤석찬`: an untitled keynote
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
    if relaxed and not _title_line(title, relaxed):
        return None
    if people and title_like(title, in_title_column=relaxed):
        people = with_description_below(blocks, block, text, people)
        return title, people, None, span(text, block.content_start, block.end)
    return None


def _numbered_heading(blocks: tuple[Block, ...], block: Block, text: str, candidates: Candidates) -> Parsed | None:
    """A numbered item set apart by a blank line (`1. 맵매칭 (…)`, then `연사 소개` below) or over a plain
    line (`1. 제목` over `김민준 (네이버)`) heads its talk as a heading does; an unnumbered one only over
    a labelled speaker line."""
    if block.kind != "bullet" or block.index + 1 >= len(blocks):
        return None
    following = blocks[block.index + 1]
    set_apart = "\n\n" in text[block.end : following.start] or following.kind == "paragraph"
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
    if title is not None and (not title_like(title) or _names_a_role(title)):
        return None
    return title, with_description_below(blocks, item, text, people), None, span(text, item.content_start, item.end)


def _names_a_role(line: str) -> bool:
    """A line that is a role's label (`사회`, `Organizers`) or has a role's wording among its words
    (`인사말`): a role over or beside the people who had it."""
    roles = lexicon.roles_by_wording()
    return line.casefold() in lexicon.roles_by_label() or any(word.casefold() in roles for word in line.split())


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
    the line needs no label. `named_alone`: a line with the name alone will do (`_headings_over_names`)."""
    if heading.kind == "paragraph":
        return None
    shown = _people_line(blocks, block, text, candidates)
    wanted = {"labelled", "named alone"} if named_alone else {"labelled", "described"}
    title = clean(text[title_start : heading.end])
    if shown and shown[1] & wanted and title_like(title) and not _names_a_role(title):
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


def _speakers_over_titles(
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
        if following is not None and "\n\n" not in text[below.end : following.start]:
            continue  # the title stands apart from what is said about it
        previous = blocks[above.index - 1] if above.index > 0 else None
        set_apart = previous is None or "\n\n" in text[previous.end : above.start]
        if "\n\n" in text[above.end : below.start] or not set_apart:
            continue  # the speakers and their title are one unit, set apart from the lines above
        title = clean(text[_title_start(text, below) : below.end])
        if not reads_as_title_line(title) or not title_like(title) or _names_a_role(title):
            continue
        if people_in(text, candidates, below.content_start, below.end) or descriptor(title):
            continue  # a list of names, or the speaker's job under their name
        if shown := _people_line(blocks, above, text, candidates):
            found[below.index] = title, shown[0], None, span(text, above.content_start, above.end)
    return found if len(found) >= _SHOWN else {}


def _people_in_slot(
    text: str, candidates: Candidates, start: int, end: int, relaxed: bool, labelled: bool = False
) -> list[Person] | None:
    """The people of a speaker slot; in a slot the layout has shown, a name needs only its shape."""
    return people_in(text, candidates, start, end, labelled) or (
        name_shaped_people(text, start, end) if relaxed else None
    )


def _title_line(line: str, relaxed: bool) -> bool:
    """A line that can be a title: one that reads as one, or, in a layout shown, one that exclaims."""
    return reads_as_title_line(line.rstrip("!?") if relaxed else line)


# A session number or label before a title: `세션 1.`, `2)`, `Session 3:`, `[Track A]`, or the field
# label of a title (`제목: …`, `세션명: …`, `Title: …`).
_NUMBERED = re.compile(
    r"\s*(?:(?:세션|session|talk|트랙|track)\s*)?(?:\d{1,2}|[A-Z])\s*[.):]\s+|\s*\[[^\]]{1,20}\]\s*"
    r"|\s*(?:제목|세션명|세션\s?제목|발표\s?제목|강연\s?제목|주제|발표\s?주제|title|session\s+title|topic)\s*[:：]\s*",
    re.I,
)
_KIND_PREFIX = re.compile(
    r"(?:(?:오프닝|클로징|개막|폐막|opening|closing|(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열|\d{1,2})\s?번째)\s*)?"
    r"(?:키노트|기조연설|기조강연|특별강연|세션\s*\d*|워크숍|패널|keynote|talk|session\s*\d*|workshop|panel)\s*[:：\-–—|]\s*",
    re.I,
)
# A talk kind standing for a title beside its speaker (`첫 기조연설`, `Opening keynote`).
_KIND_ONLY = re.compile(
    r"(?:(?:개막|폐막|오프닝|클로징|첫|마지막|특별)\s?)?(?:기조\s?연설|기조\s?강연|키노트|특별\s?강연|특강)"
    r"|(?i:(?:opening|closing|morning|afternoon)\s)?(?i:keynote)"
)
_AFFILIATION_AFTER = re.compile(r"\s*(?:,\s*|\()(?P<org>[^,()\n]{2,40}?)\)?\s*")
# A line that ends naming someone: with an honorific (also in brackets, `Title (백재연님)`), or after a
# separator (a dash, slash, pipe or `by`) with their employer in brackets (`Title by Jane Doe (Acme)`,
# `제목 / 김민준 (카카오)`).
_SPEAKER_END = re.compile(
    r"[가-힣]{2,4}\s?님\s*\)?\s*$"
    r"|\s(?:[—–/|-]|by)\s+(?P<name>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){1,3}|[가-힣]{2,4})\s*\([^()]{2,40}\)\s*$"
)
_PARENTHESISED_END = re.compile(r"\s*\(([^()]+(?:\([^()]*\)[^()]*)*)\)\s*$")


# title, speakers, kind from a label, the line that names the speakers (when not the title's own)
Parsed = tuple[str | None, list[Person], str | None, Span | None]


def _parse_line(block: Block, text: str, candidates: Candidates) -> Parsed | None:
    """A session line: `10:00-10:40 Title - Speaker (Org)`, `**Title** - Speaker`, `[Title] Speaker`
    or an English `Title: Speaker - Role of Org` (plain lines of one shape are read as columns first)."""
    labelled_slot = talk_context.after_slot_labels(text, block.content_start, block.end)
    if labelled_slot > block.content_start:
        return _parse_session(text, labelled_slot, block.end, candidates)
    # A list item, a line led by a marked title, or a title-shaped line that ends naming someone with
    # an honorific or an employer (`접근성 가이드 - 설지민님`, `Sync Engines — Laura Chen (Stripe)`) or
    # that a session label leads: not prose (though a title may end in `?`).
    title_shaped = reads_as_title_line(text[block.start : block.end])
    listed = (
        block.kind != "paragraph"
        or _MARKED_TITLE.match(text, block.content_start)
        or (_ends_naming_someone(text, block) and title_shaped)
        or (_KIND_PREFIX.match(text, block.content_start, block.end) and title_shaped)  # `세션 2: 제목 / 이름(소속)`
    )
    if listed and (len(block.sentences) <= 1 or _split_at_question(text, block)):
        session = _parse_listed_session(block, text, candidates)
        if session:
            return session
    content = text[block.content_start : block.end]
    colon = re.search(r":\s+", content)
    if colon is None or colon.start() < 8:
        return None  # `Speaker: …`, `Highlights:` are labels, not titles
    colon_at = block.content_start + colon.start()
    # `Jane Doe (Acme): Title`, `김민준 (카카오): 제목`: the speakers lead, each with an employer, and
    # their title follows (`Name: Title` alone is as often a post by its author).
    leading = people_in(text, candidates, block.content_start, colon_at) if title_shaped else None
    title = clean(content[colon.end() :])
    if leading and all(p.affiliation for p in leading) and title_like(title):
        return title, leading, None, None
    speakers = english_people(text, candidates, block.content_start + colon.end(), block.end)
    title = clean(content[: colon.start()])
    if not speakers or not title or len(title.split()) < 2:
        return None
    return title, speakers, None, None


def _runs_of_plain_session_lines(blocks: tuple[Block, ...], text: str, candidates: Candidates) -> dict[int, Parsed]:
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


def _ends_naming_someone(text: str, block: Block) -> bool:
    end = _SPEAKER_END.search(text, block.content_start, block.end)
    name = end.group("name") if end else None
    return end is not None and (name is None or is_korean_name(name) or lexicon.could_be_person_name(name))


def _speaker_columns(
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
        speakers = (talk_context.after_slot_labels(text, *row.speakers), row.speakers[1])
        people = people_in(text, candidates, *speakers) or name_shaped_people(text, *speakers)
        if not people:
            continue
        title_start = talk_context.after_slot_labels(text, *row.title)
        title, kind = without_kind_label(clean(text[title_start : without_link_labels(text, *row.title)]))
        if _names_a_role(title):
            continue  # `사회 : 김민준`: a role beside the person who had it
        # `[10:00~10:40] 키노트 | 이름 (소속)`: a kind alone is an untitled talk of that kind.
        untitled = (None, people, lexicon.talk_kind(title), None) if _KIND_ONLY.fullmatch(title) else None
        if found := untitled or _titled_or_described(title, people, kind, in_title_column=True):
            parsed[row.block.index] = found
            if row.track is not None:
                tracks[row.block.index] = row.track
    return parsed, tracks


def _over_people(
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
    `relaxed`: the slots are trusted (`_more_titles_over_speakers`)."""
    line = clean(text[block.content_start : block.end])
    if block.kind != "paragraph" or block.index + 1 >= len(blocks) or not _title_line(line, relaxed):
        return None
    if line in known_names or is_slot_line(text, block):  # `10:00 - 10:40` over the speaker: no title
        return None
    previous = blocks[block.index - 1] if block.index > 0 else None
    if previous is not None and previous.kind != "heading" and "\n\n" not in text[previous.end : block.start]:
        return None  # a title starts its unit; a line run on from the one above is a note
    if not title_like(line, in_title_column=relaxed):
        return None
    below = blocks[block.index + 1]
    if below.kind == "heading" or "\n\n\n" in text[block.end : below.start] or _DATED.search(line):
        return None  # `세션 – 12월 7일, 토요일` over a list of names is a section of the programme
    if people_in(text, candidates, block.content_start, block.end) or _names_a_role(line):
        return None  # a list of names, or a role over the people who had it
    people = _people_in_slot(text, candidates, below.content_start, below.end, relaxed)
    if not people:
        return None
    if session_label(line):  # `Keynote #4` over `김동우`: a session card (`cards`)
        return None
    return line, people, None, span(text, below.content_start, below.end)


# A date or a weekday in a line (`12월 7일`, `토요일`, `Day 2`, `2024-10-09`).
_DATED = re.compile(r"\d{1,2}\s*월\s*\d{1,2}\s*일|[월화수목금토일]요일|\bday\s*\d|\d{4}-\d{2}-\d{2}", re.I)
# What a session label holds besides its kind word: a number, `#`, brackets, punctuation.
_LABEL_WORDS = re.compile(
    r"키노트|기조\s?연설|기조\s?강연|특별\s?강연|세션|발표|워크숍|워크샵|패널|keynote|session|talk|workshop|panel"
    r"|[#\d\s.:()\-–—]",
    re.I,
)


# Headings over many talks: plurals of talk and event nouns (`Some of my favorite talks`, `Previous Meetups`).
_MANY_TALKS = re.compile(r"\b(?:talks|sessions|keynotes|workshops|panels|presentations|meetups|highlights)\b", re.I)
_LINKED = re.compile(r"https?://|www\.|pic\.twitter|(?:^|\s)[#@]\w")


def heads_a_talk(line: str) -> bool:
    """Whether a title line can be the title of the talk told under it: a title, not a date, a session
    label, a heading over many talks or a line with a link (an embedded post)."""
    line = clean(line)
    return (
        title_like(line)
        and not _DATED.search(line)
        and session_label(line) is None
        and not _MANY_TALKS.search(line)
        and not _LINKED.search(line)
    )


def session_label(line: str) -> str | None:
    """The talk kind of a line that is only a session label (`Keynote #5`, `Session 2`, `세션 3`)."""
    line = clean(line)
    kind = lexicon.talk_kind(line)
    return kind if kind and not _LABEL_WORDS.sub("", line) else None


def _split_at_question(text: str, block: Block) -> bool:
    """A line that reads as two sentences only because its title asks a question (`Is X dead?*`)."""
    first = block.sentences[0]
    return len(block.sentences) == 2 and text[first.start : first.end].rstrip("*_'\"”’ ").endswith("?")


# `**Title** Speaker`, `[Title] Speaker`, `「Title」 Speaker`, each optionally followed by a dash.
_MARKED_TITLE = re.compile(
    r"\s*(?:\*\*(?P<bold>[^*\n]{2,120})\*\*|\[(?P<bracketed>[^\]\n]{2,120})\]|「(?P<cornered>[^」\n]{2,120})」)"
)
_SESSION_SEPARATORS = re.compile(r"\s+[-–—|/:：]\s+")
_BRACKET_ONLY = re.compile(r"(?!)")  # headings name speakers beside a title only in brackets
_BRACKET_LABEL = re.compile(r"\s*(?:발표자|발표|연사|강연자|speakers?|by)\s*[:：]?\s*", re.I)
_WITH = re.compile(r"\s+with\s+")
_HANDLE_END = re.compile(r"\s+[—–-]\s+\S{1,12}$")
_HOSTED_CLAUSE = re.compile(r",?\s+(?:moderated|hosted|chaired|led)\s+by\s")
_HOST_LABEL = re.compile(r"\s*(?:좌장|사회|진행|모더레이터|moderator|host|MC)\s*[:：]", re.I)
_CLOSING_QUOTES = "\"”'’』"
_QUOTED_END = re.compile(r"\s*[\"“'‘『](?P<title>[^\"”'’』\n]{2,120})[\"”'’』]\s*$")


def _parse_listed_session(block: Block, text: str, candidates: Candidates) -> Parsed | None:
    return session_in(text, candidates, block.content_start, block.end)


def session_in(text: str, candidates: Candidates, start: int, end: int) -> Parsed | None:
    """A session line's title and speakers between `start` and `end` (a list item, a table cell), its
    trailing link labels (`(Slides)`, `(Code)`, `(발표 영상)`) left out."""
    end = without_link_labels(text, start, end)
    by_line = _titled_by_name(text, candidates, start, end)
    if by_line:
        return by_line[0], by_line[1], None, None
    return _marked_session(text, candidates, start, end) or _parse_session(text, start, end, candidates)


# A link's label at a line's end: bracketed (`(Slides)`) or after a dash or pipe (`– Session video`).
_TRAILING_LABEL = re.compile(r"\s*\(([^()]{1,40})\)\s*$|\s+[–—|-]\s+([^–—|()]{1,30}?)\s*$")


def without_link_labels(text: str, start: int, end: int) -> int:
    """The end of a line's content before the labels of links that follow it."""
    while label := _TRAILING_LABEL.search(text, start, end):
        if not lexicon.is_link_label(label.group(1) or label.group(2)):
            break
        end = label.start()
    return end


def _titled_by_name(text: str, candidates: Candidates, start: int, end: int) -> tuple[str, list[Person]] | None:
    """`Agents in Production by Hamel Husain`, `Title by Name (Org)`: the last `by` names the speaker;
    after `by` a name-shaped phrase is enough, given name known or not."""
    found = [by for by in _BY.finditer(text, start, end) if not _HOST_PARTICIPLE_BEFORE.search(text, start, by.start())]
    if not found:
        return None
    by = found[-1]
    title = clean(text[start : without_link_labels(text, start, by.start())])
    speakers = english_people(text, candidates, by.end(), end) or _named_after_by(clean(text[by.end() : end]), title)
    if speakers is None:
        return None
    return (title, speakers) if title_like(title) else None


_BY_JOINERS = re.compile(r"\s*(?:,\s*and|,|&|\band)\s+")


def _named_after_by(phrase: str, title: str) -> list[Person] | None:
    """The speakers after a session line's `by`, a slot that holds people: name-shaped phrases
    (`Sathya Gunasekaran and Mofei Zhang`), each with an optional `(Org)`; a one-word name (`Choko`)
    only after a title of two words or more (`Made by Humans` is a phrase, not a talk)."""
    people = []
    for part in _BY_JOINERS.split(phrase.rstrip(".")):
        match = _BY_NAME.fullmatch(part.strip())
        if match is None or not lexicon.could_be_person_name(match.group("name")):
            return None
        if len(match.group("name").split()) == 1 and len(title.split()) < 2:
            return None
        name = match.group("name")
        people.append(Person(name=name, name_en=name, affiliation=match.group("org")))
    return people or None


def _marked_session(text: str, candidates: Candidates, start: int, end: int) -> Parsed | None:
    """A marked title, then its speakers: `**Keynote: Title** — Speaker`, `「Title」 이름(소속)`."""
    marked = _MARKED_TITLE.match(text, start)
    if not marked:
        return None
    people = people_in(text, candidates, marked.end(), end)
    title = clean(marked.group("bold") or marked.group("bracketed") or marked.group("cornered"))
    label = _KIND_PREFIX.match(title)
    if label:
        title = title[label.end() :]
    if people and title_like(title):
        return title, people, lexicon.talk_kind(label.group()) if label else None, None
    return None


def _parse_session(
    text: str, start: int, end: int, candidates: Candidates, separators: re.Pattern[str] = _SESSION_SEPARATORS
) -> Parsed | None:
    """An optional kind label, then title and speakers (`Title - People`, `People | Title`,
    `Title / People`, or `Title (People)`)."""
    label = _KIND_PREFIX.match(text, start, end)
    kind = lexicon.talk_kind(label.group()) if label else None
    if label:
        start = label.end()
    content = text[start:end]
    quoted = _QUOTED_END.search(content) if content.rstrip()[-1:] in _CLOSING_QUOTES else None
    if quoted:  # `김도윤 (토스) "Title"`
        people = people_in(text, candidates, start, start + quoted.start())
        title = clean(quoted.group("title"))
        if people and title_like(title):
            return title, people, kind, None
    bracket = _PARENTHESISED_END.search(content)
    hosted = bracket and _HOST_LABEL.match(text, start + bracket.start(1))  # `(좌장: 이름)`: no speakers
    honorific = bracket and bracket.group(1).rstrip().endswith("님")  # `(백재연님)`: a speaker, not a gloss
    glossed = bracket and candidates.alias_ending_at(start + bracket.end()) and not honorific
    if bracket and not hosted and not glossed:  # not a Latin gloss
        inside = _BRACKET_LABEL.match(text, start + bracket.start(1))
        people_start = inside.end() if inside else start + bracket.start(1)
        people = people_in(text, candidates, people_start, start + bracket.end(1))
        title = clean(content[: bracket.start()])
        handle = _HANDLE_END.search(title)  # `Title — 향로 (이동욱)`: the speaker's handle, then their name
        if handle and people:
            title = title[: handle.start()]
        if people and title_like(title):
            return title, people, kind, None
    for separator in separators.finditer(content):
        sides = ((start, start + separator.start()), (start + separator.end(), end))
        for people_side, title_side in (sides[::-1], sides):
            people = people_in(text, candidates, *people_side)
            title = clean(text[title_side[0] : title_side[1]])
            if people and not _names_a_role(title) and (found := _titled_or_described(title, people, kind)):
                return found  # `사회 : 김민준` names a role, not a title
        break
    joined = _WITH.search(content) if "with" in content else None  # `Panel: *Title* with A (Org) and B (Org)`
    if joined and separators is _SESSION_SEPARATORS:
        moderated = _HOSTED_CLAUSE.search(content, joined.end())
        people = english_people(text, candidates, start + joined.end(), start + moderated.start() if moderated else end)
        title = clean(content[: joined.start()])
        if people and title_like(title):
            return title, people, kind, None
    return None


def _titled_or_described(
    title: str, people: list[Person], kind: str | None, in_title_column: bool = False
) -> Parsed | None:
    """A talk from a title beside its speakers; when the other side only describes the one speaker
    (`David Nalley - 아파치재단 부의장`), an untitled talk by that speaker with their job and organisation."""
    described = descriptor(title) if len(people) == 1 else None
    if described:
        organization, job = described
        return None, [people[0].model_copy(update={"title": job, "affiliation": organization})], kind, None
    return (title, people, kind, None) if title_like(title, in_title_column) else None


def people_in(text: str, candidates: Candidates, start: int, end: int, labelled: bool = False) -> list[Person] | None:
    """The people a part of a session line names, or None unless it names nothing else; a speaker
    label before them (`발표자: 이름`, `Speaker: Name`) says the part holds people."""
    label = SPEAKER_LABEL.match(text, start, end)
    if label and label.end() < end:
        start, labelled = label.end(), True
    return _speakers(text, candidates, start, end) or korean_people(text, start, end, labelled)


# Field labels of a talk's lines, never titles themselves (`**Speaker:** …`, `발표자: …`).
_LABELS = {"speaker", "speakers", "presenter", "topic", "title", "time", "track", "session", "abstract", "slides"}
_LABELS |= {"발표자", "연사", "강연자", "주제", "제목", "시간", "트랙", "세션", "장소", "발표 자료"}
# ... of the section that introduces a person (`## 소개` over `김민준 (네이버)`), and of a post's own
# sections around the talks (`## Thanks`, `## 참고`).
_LABELS |= {"소개", "프로필", "약력", "연사 소개", "발표자 소개", "about", "bio", "profile", "introduction"}
_LABELS |= {"thanks", "special thanks", "acknowledgements", "acknowledgments", "credits", "감사", "감사의 말"}
_LABELS |= {"photos", "사진", "links", "references", "resources", "참고", "참고 자료", "링크"}
_LABELS |= {
    "keynote",
    "opening keynote",
    "closing keynote",
    "talk",
    "panel",
    "workshop",
    "키노트",
    "기조연설",
    "기조강연",
}


def without_kind_label(title: str) -> tuple[str, str | None]:
    """`오프닝 키노트: 제목` -> (`제목`, `keynote`): a kind label before a title gives the talk's kind."""
    label = _KIND_PREFIX.match(title)
    if label is None or label.end() == len(title):
        return title, None
    return title[label.end() :], lexicon.talk_kind(label.group())


# A Korean sentence's end: a final ending and a full stop (`밝다.`, `했어요.`): prose, not a title.
_SENTENCE_ENDING = re.compile(r"[다요죠][.!]$")
# Prose even in a title column: the plain declarative of notes (`미래가 밝다.`), or a sentence ending
# followed by more text. Titles that are sentences address the audience (`… 싶어요.`, `… 필요합니다!`).
_PROSE = re.compile(r"[^니]다\.$|[다요죠]\.\s+\S")


def title_like(title: str, in_title_column: bool = False) -> bool:
    """A title is more than a name or a label: not empty, not only digits, not an organisation, a
    person, a field label, a sentence, a link or a time. In a run's title column a title may read like a name or a
    sentence (`Go Build Modes`, `… 만들어 보고 싶어요.`): the layout has said where the people are."""
    return (
        len(title) >= 2
        and not title.isdigit()
        and title.rstrip(":：").strip().casefold() not in _LABELS
        and not (lexicon.organizations().get(title.casefold()) if in_title_column else lexicon.organization_name(title))
        and not _PROSE.search(title)
        and not LINK.search(title)
        and not TIME_SLOT.fullmatch(title)
        and (
            in_title_column
            or not (_SENTENCE_ENDING.search(title) or lexicon.is_person_name(title) or is_korean_name(title))
        )
    )


def _speakers(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people a heading side names, or None unless the side is nothing but people."""
    found = [m for m in mentions(text, candidates, start, end) if m.alias.end <= end]
    if not found:
        return english_people(text, candidates, start, end)
    if not all(is_person(m, text) or _heading_name(m.latin) for m in found):
        return None
    position = start
    for mention in found:
        if not _JOINERS.match(text[position : mention.alias.start]):
            return None
        position = mention.alias.end
    if not _JOINERS.match(text[position:end]):
        return None
    return [person_of(m.alias) for m in found]


def _heading_people(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """A heading side that is titled people (`업스테이지 김성훈 대표`) or one person with an
    organisation after a comma or in brackets (`앤드루 응(Andrew Ng), 딥러닝닷에이아이`)."""
    titled = candidates.people_within(start, end)
    position = start
    for person in titled:
        if not _JOINERS.match(text[position : person.start]):
            break
        position = person.end
    else:
        if titled and _JOINERS.match(text[position:end]):
            return [titled_person(p) for p in titled]
    found = [m for m in mentions(text, candidates, start, end) if m.alias.end <= end]
    if len(found) != 1 or not _JOINERS.match(text[start : found[0].alias.start]):
        return None
    organization = _AFFILIATION_AFTER.fullmatch(text, found[0].alias.end, end)
    if organization is None or not (is_person(found[0], text) or _heading_name(found[0].latin)):
        return None
    return [person_of(found[0].alias).model_copy(update={"affiliation": clean(organization.group("org"))})]


def heading_speakers(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people a side of a heading names; bare Korean names (`정하윤(한빛소프트)`) only on a side
    whose brackets close (not the inside of `(발표: 윤서진, 무신사)` cut at its colon)."""
    side = text[start:end]
    balanced = side.count("(") == side.count(")")
    return (
        _speakers(text, candidates, start, end)
        or _heading_people(text, candidates, start, end)
        or (korean_people(text, start, end) if balanced else None)
    )


def _heading_name(latin: str) -> bool:
    """A heading side that holds only `이름(Name)` reads as a speaker even for an unknown given name."""
    return lexicon.is_name_shaped(latin) and len(latin.split()) >= 2
