"""Organisations named beside a person: the segment right after a person's name on its line, past a
comma, an opening bracket, a pipe or `@` (`김철수, 네이버`, `Jane Doe (Acme)`, `조승연@KnowRe`,
`이서연 | 카카오`), as speaker lines and lists of people write an affiliation.

The segment is one when it only names (one to four words, no particle or ending after a Hangul word,
not a person, a job alone, a link's label or a number); a job after the organisation is left out
(`아파치재단 부의장` gives `아파치재단`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.bare_names import SEGMENT_BREAK
from extract.people import descriptor, is_job, is_korean_name, reads_as_a_word
from extract.segment import kiwi

# What may stand between a name and its organisation (after a dash, as often its talk's title).
_BESIDE = re.compile(r"\s*[,(|@]\s*")
_MAX_WORDS = 4
_MAX_CHARS = 40


def organizations_beside(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of the organisation each person's name is followed by, where one is."""
    found = []
    for _, name_end in people:
        beside = _BESIDE.match(text, name_end)
        if beside is None or beside.end() == name_end:
            continue
        end_of_segment = SEGMENT_BREAK.search(text, beside.end())  # where a name's segment would end
        end = end_of_segment.start() if end_of_segment else len(text)
        span = _organization(text, beside.end(), end)
        if span is not None:
            found.append(span)
    return sorted(set(found))


def _organization(text: str, start: int, end: int) -> tuple[int, int] | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    segment = text[start:end]
    words = segment.split()
    if not 1 <= len(words) <= _MAX_WORDS or len(segment) > _MAX_CHARS or not re.search(r"[^\W\d_]", segment):
        return None
    if lexicon.is_link_label(segment) or is_job(segment) or _names_a_person(segment):
        return None
    described = descriptor(segment)
    if described is not None and described[0] is not None:
        return start, start + len(described[0])  # `아파치재단 부의장`: the organisation before the job
    return (start, end) if all(_proper_word(word) for word in words) else None


def _names_a_person(segment: str) -> bool:
    return is_korean_name(segment) or (segment.isascii() and lexicon.is_person_name(segment))


@lru_cache(maxsize=4096)
def _proper_word(word: str) -> bool:
    """A word an organisation's name is written in: capitalised Latin (not a handle such as `curt.k`
    or `@marknca`), or Hangul that Kiwi reads as a proper noun or does not know (`비바리퍼블리카`), not
    a common noun of its dictionary (`스타트업`, `프리랜서`)."""
    if word.isascii():
        return bool(re.fullmatch(r"[A-Z0-9][\w&.+'-]*", word)) and not word.endswith(".")
    morphs = kiwi().tokenize(word)
    return len(morphs) == 1 and morphs[0].tag in ("NNP", "NNG", "SL") and not reads_as_a_word(word)
