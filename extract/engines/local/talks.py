"""Talks from the layout: the readers of `title_blocks` and `session_lines` over a document's blocks,
assembled into Talk records with their evidence, kind, track, summary and link (from `talk_context`).
"""

from __future__ import annotations

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local import talk_context
from extract.engines.local.phrases import clean, span
from extract.engines.local.session_lines import Parsed, names_a_role, parse_line
from extract.engines.local.title_blocks import (
    headings_over_names,
    more_titles_over_speakers,
    named_items_under_a_kind,
    numbered_heading,
    over_people,
    parse_heading,
    runs_of_plain_session_lines,
    set_apart_session_lines,
    speaker_columns,
    speakers_over_titles,
)
from extract.models import Talk
from extract.segment import Block, Segmentation


def extract_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text = segmentation.text
    talks: list[Talk] = []
    blocks = segmentation.blocks
    columns, slot_tracks = speaker_columns(blocks, text, candidates)
    plain_runs = runs_of_plain_session_lines(blocks, text, candidates)
    column_names = {person.name for _, people, _, _ in columns.values() for person in people}
    parsed_blocks = {
        block.index: parsed
        for block in blocks
        if (
            parsed := parse_heading(blocks, block, text, candidates)
            if block.kind == "heading"
            else columns.get(block.index)
            or parse_line(block, text, candidates)
            or plain_runs.get(block.index)
            or over_people(blocks, block, text, candidates, column_names)
            or numbered_heading(blocks, block, text, candidates)
        )
    }
    parsed_blocks |= more_titles_over_speakers(blocks, text, candidates, parsed_blocks, column_names)
    parsed_blocks |= named_items_under_a_kind(blocks, text, candidates, parsed_blocks)
    parsed_blocks |= set_apart_session_lines(blocks, text, candidates, parsed_blocks)
    parsed_blocks |= headings_over_names(blocks, text, candidates, parsed_blocks)
    # Speakers over their titles: the heading above such a speakers' line is a section's, not a title.
    cards = speakers_over_titles(blocks, text, candidates, parsed_blocks)
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
    return names_a_role(clean(text[blocks[section].content_start : blocks[section].end]))
