"""Which of a small model's talks in one passage are the talks its speakers gave.

A small model turns the bullet points of one talk's notes into talks of their own, each given the
talk's speaker, with a quote from anywhere near. One speaker with several talks in a passage keeps
those whose title stands on the speaker's line or the line next to it, or, when none does, the one
whose title stands nearest: a note's points come after the speaker, not beside them. A title that only
repeats its speaker's name is taken out. Whether each record is one the recap states is scored for
every engine alike (`extract.score`).
"""

from __future__ import annotations

from collections import defaultdict

from extract.align import align
from extract.engines.llm.response import ChunkRecords, TalkOut
from extract.models import Talk


def without_names_as_titles(records: ChunkRecords) -> ChunkRecords:
    """The answer with each title that only repeats a speaker's name (`최영락` for 최영락's keynote) taken out."""
    return records.model_copy(update={"talks": [_without_name_as_title(talk) for talk in records.talks]})


def _without_name_as_title(talk: TalkOut) -> TalkOut:
    names = {p.name.strip() for p in talk.speakers} | {(p.name_ko or "").strip() for p in talk.speakers}
    return talk.model_copy(update={"title": None}) if (talk.title or "").strip() in names else talk


def nearest_talks(talks: list[Talk], passage: str) -> tuple[list[Talk], list[Talk]]:
    """(kept, dropped): per speaker, the talks tied to them by layout, else the nearest one."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for index, talk in enumerate(talks):
        for person in talk.speakers:
            by_speaker[person.name].append(index)
    dropped: set[int] = set()
    for name, indexes in by_speaker.items():
        if len(indexes) < 2:
            continue
        distance = {i: _line_distance(talks[i].title, name, passage) for i in indexes}
        beside = {i for i in indexes if distance[i] <= 1.5}
        keep = beside or {min(indexes, key=lambda i: distance[i])}
        dropped |= set(indexes) - keep
    return [t for i, t in enumerate(talks) if i not in dropped], [t for i, t in enumerate(talks) if i in dropped]


_FAR = 10**6


def _line_distance(title: str | None, name: str, passage: str) -> float:
    """Non-blank lines between the title's line and the nearest line naming the speaker; a title
    above the speaker is nearer than one as far below (a heading's talk, not a point of its notes)."""
    at = align(title, passage) if title else None
    if at is None:
        return _FAR
    title_row = _row(passage, at[0])
    rows = [_row(passage, found) for found in _occurrences(name, passage)]
    return min((abs(title_row - r) + (0.5 if title_row > r else 0) for r in rows), default=_FAR)


def _row(passage: str, offset: int) -> int:
    """The number of non-blank lines before the line holding `offset`."""
    return sum(1 for line in passage[:offset].split("\n")[:-1] if line.strip())


def _occurrences(name: str, passage: str) -> list[int]:
    found, start = [], 0
    while (at := passage.find(name, start)) >= 0:
        found.append(at)
        start = at + 1
    return found
