"""Whether a grounded answer's records are what their passage says, not only words it contains.

Grounding (`response`) checks that a quote and the names occur in the passage. A small model also
turns the bullet points of one talk's notes into talks of their own, each given the talk's speaker,
with a quote from anywhere near. One speaker with several talks in a passage keeps those whose title
stands on the speaker's line or the line next to it, or, when none does, the one whose title stands
nearest: a note's points come after the speaker, not beside them. Each dropped record comes back with
its reason.

Records a small model makes of what is no talk or credit are dropped too (measured on tune/: most of
its extra records): a talk that names no speaker (the annotation requires a talk only where a named
person gives it), whose speaker is a company, a product or a sentence, or is named in the talk's own
title (`Thank you Callstack for …`), or whose title is a sentence of the recap, a link, the event's
name or a point in a list of notes (an unnumbered item beside others, naming none of its speakers);
a credit whose role wording is no role's or is not on a line naming the person.
A title that only repeats its speaker's name is taken out.

A quote that does not name its record is not a reason to drop it: on check/ the model's correct talks
mostly quote the paragraph about the talk, not its title line (measured: every talk was lost). The
engine adds the title's span to such a record's evidence instead.
"""

from __future__ import annotations

import re
from collections import defaultdict

from extract import lexicon
from extract.align import align
from extract.engines.llm.response import ChunkRecords, CreditOut, TalkOut
from extract.people import reads_as_a_word
from extract.segment import list_marker


def plausible(records: ChunkRecords, passage: str) -> tuple[ChunkRecords, list[str]]:
    """The records of an answer that pass the check, and a reason for each of the others."""
    problems: list[str] = []
    talks = []
    for talk in records.talks:
        reason = _unlike_a_talk(talk) or _point_of_notes(talk, passage)
        if reason:
            problems.append(f"talk {_label(talk)}: {reason}")
        else:
            talks.append(_without_name_as_title(talk))
    talks, far = _nearest_talks(talks, passage)
    problems += [f"talk {_label(t)}: one of several talks given to one speaker, its title far from them" for t in far]
    credits = []
    for credit in records.credits:
        reason = _unstated_role(credit, passage)
        if reason:
            problems.append(f"credit {credit.role_text[:40]!r}: {reason}")
        else:
            credits.append(credit)
    return records.model_copy(update={"talks": talks, "credits": credits}), problems


# How a sentence ends, not a title: a Korean final ending and a full stop (`제공한다.`, `설립했습니다.`).
_KOREAN_SENTENCE = re.compile(r"[다요죠]\.$")
_SENTENCE_WORDS = 8  # an English title ending in a full stop after this many words is a sentence
# A product code, not a person: `M5`, `I3M`, `H100`.
_PRODUCT_CODE = re.compile(r"[A-Z]+\d+[A-Z]*")
_NAME_WORDS = 5  # more words than a person's name has (`Graph databases have been growing …`)


def _unlike_a_talk(talk: TalkOut) -> str | None:
    """Why a talk is not one the recap states, or None: a speaker who reads as no person (a company, a
    product, a sentence, a common noun), or a title that reads as a sentence of the recap's prose."""
    if not talk.speakers:
        return "it names no speaker (a talk is given by named people)"
    for person in talk.speakers:
        if not _reads_as_a_person(person.name.strip()):
            return f"its speaker {person.name[:40]!r} is no person's name"
    title = (talk.title or "").strip()
    if _KOREAN_SENTENCE.search(title) or (title.endswith(".") and len(title.split()) >= _SENTENCE_WORDS):
        return "its title is a sentence of the recap, not a title"
    if "://" in title or any(lexicon.names_an_event(part) for part in re.split(r"\s[-–—,]\s|,\s", title)):
        return "its title is a link or the event's name"
    if any(_named_inside(p.name.strip(), title) for p in talk.speakers):
        return "its speaker is named inside its title: the subject, not who gave it"
    return None


def _point_of_notes(talk: TalkOut, passage: str) -> str | None:
    """Why a talk's title is a point of the notes on a talk, or None: it stands on an unnumbered list
    item beside other items of its list, and the item names none of the talk's speakers (a session
    list names them on each item; `1. 제목` may head a talk of its own)."""
    at = align(talk.title, passage) if talk.title else None
    if at is None:
        return None
    lines = passage.split("\n")
    row = passage.count("\n", 0, at[0])
    marker = list_marker(lines[row])
    if marker is None or marker[0].isdigit():
        return None
    names = {n.strip() for p in talk.speakers for n in (p.name, p.name_ko) if n and n.strip()}
    if any(name in lines[row] for name in names):
        return None
    beside = [_nonblank(lines[row - 1 :: -1]) if row else None, _nonblank(lines[row + 1 :])]
    if any(line is not None and list_marker(line) for line in beside):
        return "its title is a point in a list of notes, not a title"
    return None


def _nonblank(lines: list[str]) -> str | None:
    return next((line for line in lines if line.strip()), None)


def _named_inside(name: str, title: str) -> bool:
    """A name the title's words go on after (`Thank you Callstack for …`, `Jacob's keynote`); a name
    set off by a separator or bracket (`Liz Rice - Guide to Syscalls`, `… by Ivan Tham (Slides)`)
    only says who gives the talk."""
    at = title.casefold().find(name.casefold()) if len(name) > 1 else -1
    rest = title[at + len(name) :].lstrip() if at >= 0 else ""
    return bool(rest) and rest[0] not in _SEPARATORS and not _SPEAKERS_PHRASING.match(rest)


_SEPARATORS = "-–—:|/()[],·&"
# After a speaker's name, words that still only say who gives the talk: `and Naman Goel`, `와 …`, or a
# possessive talk with its title (`'s talk on Neural Nets`).
_SPEAKERS_PHRASING = re.compile(
    r"(?:and|와|과)\s|['’]s\s+(?:\w+\s+)*?(?:talk|keynote|session|workshop)\s+(?:on|about|titled)\s+\S"
)


def _reads_as_a_person(name: str) -> bool:
    """Whatever a person's name looks like (a handle such as `lvh` or `curt.k` is one), it is not an
    organisation or a product named after one (`Google`, `Amazon Transcribe`), a product code, a
    sentence, or a word Kiwi's dictionary knows as a common noun (`사람`)."""
    words = name.split()
    if not words or len(words) >= _NAME_WORDS or name.endswith((".", "!", "?")):
        return False
    if lexicon.organization_name(name) or lexicon.leading_organization(name):
        return False
    if _PRODUCT_CODE.fullmatch(name):
        return False
    return not (len(words) == 1 and re.fullmatch(r"[가-힣]{2,4}", name) and reads_as_a_word(name))


def _without_name_as_title(talk: TalkOut) -> TalkOut:
    """A title that only repeats a speaker's name (`최영락` for 최영락's keynote) is no title."""
    names = {p.name.strip() for p in talk.speakers} | {(p.name_ko or "").strip() for p in talk.speakers}
    return talk.model_copy(update={"title": None}) if (talk.title or "").strip() in names else talk


# The stems of the words that state a role in running text, beside the lexicon's own wordings.
_ROLE_STEMS = ("사회", "진행", "좌장", "host", "moderat", "chair", "emcee", "organi", "interview", "welcom", "환영")


def _unstated_role(credit: CreditOut, passage: str) -> str | None:
    """Why a credit's role is not stated for its person, or None: its wording must be a role's and
    stand in the passage on a line that names the person (or, for an organisation, on any line)."""
    wording = credit.role_text.strip()
    folded = wording.casefold()
    if not folded or not (lexicon.any_role_word().search(folded) or any(stem in folded for stem in _ROLE_STEMS)):
        return "its role wording names no role"
    name = credit.person.name.strip() if credit.person else ""
    if name and folded in name.casefold():
        return "its role wording is the person's name"
    lines = [line for line in passage.casefold().split("\n") if folded in line]
    if not lines:
        return "its role wording is not in the passage"
    if name and not any(name.casefold() in line for line in lines):
        return "its role is not stated on a line naming the person"
    return None


def _nearest_talks(talks: list[TalkOut], passage: str) -> tuple[list[TalkOut], list[TalkOut]]:
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


def _label(talk: TalkOut) -> str:
    return repr((talk.title or "")[:40])
