"""Whether a record is emitted: a weighted sum of what is true of it, against one threshold per record
type, the same for every engine.

A feature is a small registered function of a record and its document that says why it holds (a short
reason) or returns None. A record's score is its type's bias plus the weights of the features that
hold; a record scoring below its type's threshold is dropped, with the features that held as the
reason. Weights and thresholds are data (`extract/data/record_scores.json`), set by hand: the golden
records are too few to fit them (the rules' records on `tune/` hold 11 wrong ones in 287).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import accumulate
from typing import TypeVar

from extract import lexicon
from extract.align import align
from extract.engines import Records
from extract.marks import DASH
from extract.models import Credit, Launch, Talk
from extract.people import reads_as_a_word
from extract.segment import list_marker

Record = TypeVar("Record", Talk, Launch, Credit)


@dataclass(frozen=True)
class Source:
    """What a record is scored against: the document's text and the engine that proposed it."""

    text: str
    engine: str

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each of `lines` starts in the text."""
        return list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))

    @cached_property
    def folded_lines(self) -> list[str]:
        return [line.casefold() for line in self.lines]

    @cached_property
    def lines_around_titles(self) -> dict[tuple[str | None, tuple[int, ...]], Around]:
        """`_lines_around` per talk (its title and evidence), filled as features ask: two ask per talk."""
        return {}


Around = tuple[str | None, str | None, str | None]  # a title's line, the non-blank lines before and after it
Feature = Callable[..., str | None]  # (record of its type, Source) -> the reason it holds, or None
RECORD_TYPES = ("talk", "launch", "credit")
FEATURES: dict[str, dict[str, Feature]] = {record_type: {} for record_type in RECORD_TYPES}


def feature(record_type: str, name: str) -> Callable[[Feature], Feature]:
    """Register a feature of one record type under the name its weight is given by."""

    def register(function: Feature) -> Feature:
        FEATURES[record_type][name] = function
        return function

    return register


@dataclass(frozen=True)
class Weights:
    bias: float
    threshold: float
    weights: dict[str, float]


@cache
def committed_weights() -> dict[str, Weights]:
    data = json.loads(resources.files("extract.data").joinpath("record_scores.json").read_text(encoding="utf-8"))
    return {t: Weights(data[t]["bias"], data[t]["threshold"], data[t]["weights"]) for t in RECORD_TYPES}


_weighing: list[dict[str, Weights]] = []  # weights in force instead of the committed ones, innermost last


def weights() -> dict[str, Weights]:
    return _weighing[-1] if _weighing else committed_weights()


@contextmanager
def weighed_by(table: dict[str, Weights]) -> Iterator[None]:
    """Score with these weights instead of the committed ones while the block runs (fitting them)."""
    _weighing.append(table)
    try:
        yield
    finally:
        _weighing.pop()


def held(record_type: str, record: Talk | Launch | Credit, source: Source) -> dict[str, str]:
    """The features that hold for a record, each with its reason."""
    found = {}
    for name, function in FEATURES[record_type].items():
        reason = function(record, source)
        if reason is not None:
            found[name] = reason
    return found


def scored(records: Records, source: Source) -> Records:
    """The records that score at least their type's threshold; each other one is counted as dropped,
    with the features that held against it."""
    records.talks = _scored("talk", records.talks, source, records)
    records.launches = _scored("launch", records.launches, source, records)
    records.credits = _scored("credit", records.credits, source, records)
    return records


def _scored(record_type: str, group: list[Record], source: Source, records: Records) -> list[Record]:
    weight = weights()[record_type]
    kept = []
    for record in group:
        reasons = held(record_type, record, source)
        if weight.bias + sum(weight.weights.get(name, 0.0) for name in reasons) >= weight.threshold:
            kept.append(record)
            continue
        against = "; ".join(reason for name, reason in reasons.items() if weight.weights.get(name, 0.0) < 0)
        records.dropped += 1
        records.drops.append(f"{record_type} {_label(record)}: {against or 'scored below its threshold'}")
    return kept


def _label(record: Talk | Launch | Credit) -> str:
    if isinstance(record, Talk):
        return repr((record.title or "")[:40])
    if isinstance(record, Launch):
        return repr(record.name[:40])
    return repr(record.role_text[:40])


# ---- talks


@feature("talk", "names_no_speaker")
def _names_no_speaker(talk: Talk, source: Source) -> str | None:
    return None if talk.speakers else "it names no speaker (a talk is given by named people)"


@feature("talk", "speaker_reads_as_no_person")
def _speaker_reads_as_no_person(talk: Talk, source: Source) -> str | None:
    for person in talk.speakers:
        if not reads_as_a_person(person.name.strip()):
            return f"its speaker {person.name[:40]!r} is no person's name"
    return None


# How a sentence ends, not a title: a Korean final ending and a full stop (`제공한다.`, `설립했습니다.`).
_KOREAN_SENTENCE = re.compile(r"[다요죠]\.$")
_SENTENCE_WORDS = 8  # an English title ending in a full stop after this many words is a sentence


@feature("talk", "title_is_a_sentence")
def _title_is_a_sentence(talk: Talk, source: Source) -> str | None:
    title = (talk.title or "").strip()
    if _KOREAN_SENTENCE.search(title) or (title.endswith(".") and len(title.split()) >= _SENTENCE_WORDS):
        return "its title is a sentence of the recap, not a title"
    return None


@feature("talk", "title_is_a_link_or_the_event")
def _title_is_a_link_or_the_event(talk: Talk, source: Source) -> str | None:
    title = (talk.title or "").strip()
    if "://" in title or any(lexicon.names_an_event(part) for part in re.split(rf"{DASH}|\s?,\s", title)):
        return "its title is a link or the event's name"
    return None


@feature("talk", "speaker_named_inside_title")
def _speaker_named_inside_title(talk: Talk, source: Source) -> str | None:
    title = (talk.title or "").strip()
    if any(_named_inside(p.name.strip(), title) for p in talk.speakers):
        return "its speaker is named inside its title: the subject, not who gave it"
    return None


@feature("talk", "title_is_a_point_of_notes")
def _title_is_a_point_of_notes(talk: Talk, source: Source) -> str | None:
    """The title stands on an unnumbered list item beside other items of its list, and the item names
    none of the talk's speakers (a session list names them on each item; `1. 제목` may head a talk)."""
    line, before, after = _lines_around(talk, source)
    marker = list_marker(line) if line is not None else None
    if line is None or marker is None or marker[0].isdigit():
        return None
    names = {n.strip() for p in talk.speakers for n in (p.name, p.name_ko) if n and n.strip()}
    if any(name in line for name in names):
        return None
    if any(beside is not None and list_marker(beside) for beside in (before, after)):
        return "its title is a point in a list of notes, not a title"
    return None


# Words of running text around a title, past which its line is a sentence about it, not a title line.
_PROSE_WORDS = 6
# Where a sentence ends: a full stop, or a Korean final ending before one or at the line's end.
_SENTENCE_END = re.compile(r"[.!?。](?:\s|$)|[다요죠][.!]?\s*$")


@feature("talk", "title_in_prose_without_a_talk_cue")
def _title_in_prose_without_a_talk_cue(talk: Talk, source: Source) -> str | None:
    """A title named inside a sentence (after its first words, beside six or more other words, not in
    a table's row) where nothing says a talk was given: a programme, a book, a project it mentions."""
    line, _, _ = _lines_around(talk, source)
    if line is None or not talk.title or line.lstrip().startswith("|") or not _SENTENCE_END.search(line):
        return None
    if not re.sub(r"[\W_]", "", line.split(talk.title, 1)[0]):
        return None  # the title opens its line's sentence (`"Title" by Name …`): it is what the line is about
    rest = line.replace(talk.title, " ")
    for person in talk.speakers:
        rest = rest.replace(person.name, " ")
    if len(re.findall(r"\w+", rest)) < _PROSE_WORDS or _talk_cue(line):
        return None
    return "its title is named in a sentence that says no talk was given"


def _talk_cue(line: str) -> bool:
    folded = line.casefold()
    return lexicon.talk_kind(folded) is not None or any(cue in folded for cue in lexicon.data_words("talk_cues.txt"))


def _lines_around(talk: Talk, source: Source) -> Around:
    """The line the talk's title stands on (found in its evidence first), and the non-blank lines
    before and after it."""
    key = (talk.title, tuple(offset for span in talk.evidence for offset in (span.start, span.end)))
    if key not in source.lines_around_titles:
        source.lines_around_titles[key] = _around(source, _title_at(talk, source.text))
    return source.lines_around_titles[key]


def _around(source: Source, at: int | None) -> Around:
    if at is None:
        return None, None, None
    row = bisect_right(source.line_starts, at) - 1
    lines = source.lines
    before = next((line for line in reversed(lines[:row]) if line.strip()), None)
    after = next((line for line in lines[row + 1 :] if line.strip()), None)
    return lines[row], before, after


def _title_at(talk: Talk, text: str) -> int | None:
    if not talk.title:
        return None
    for span in talk.evidence:
        found = align(talk.title, text, span.start, span.end)
        if found is not None:
            return found[0]
    found = align(talk.title, text)
    return found[0] if found else None


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
# A product code, not a person: `M5`, `I3M`, `H100`.
_PRODUCT_CODE = re.compile(r"[A-Z]+\d+[A-Z]*")
_NAME_WORDS = 5  # more words than a person's name has (`Graph databases have been growing …`)


def reads_as_a_person(name: str) -> bool:
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


# ---- credits

# The stems of the words that state a role in running text, beside the lexicon's own wordings.
_ROLE_STEMS = ("사회", "진행", "좌장", "host", "moderat", "chair", "emcee", "organi", "interview", "welcom", "환영")


@feature("credit", "role_wording_names_no_role")
def _role_wording_names_no_role(credit: Credit, source: Source) -> str | None:
    folded = credit.role_text.strip().casefold()
    if not folded or not (lexicon.any_role_word().search(folded) or any(stem in folded for stem in _ROLE_STEMS)):
        return "its role wording names no role"
    return None


@feature("credit", "role_wording_is_the_name")
def _role_wording_is_the_name(credit: Credit, source: Source) -> str | None:
    folded = credit.role_text.strip().casefold()
    name = credit.person.name.strip().casefold() if credit.person else ""
    return "its role wording is the person's name" if folded and name and folded in name else None


@feature("credit", "role_not_stated_for_the_person")
def _role_not_stated_for_the_person(credit: Credit, source: Source) -> str | None:
    """The role's wording must stand in the text on a line that names the person, or over a list of
    short lines that does (`운영진` over the organisers' names); for an organisation, on any line."""
    folded = credit.role_text.strip().casefold()
    if not folded:
        return None
    lines = source.folded_lines
    stating = [row for row, line in enumerate(lines) if folded in line]
    if not stating:
        return "its role wording is not in the text"
    name = credit.person.name.strip().casefold() if credit.person else ""
    if name and not any(name in line for row in stating for line in [lines[row], *_list_under(lines, row)]):
        return "its role is not stated on a line naming the person"
    return None


_LIST_LINE = 40  # characters: longer lines are sentences, not a list's items


def _list_under(lines: list[str], row: int) -> list[str]:
    """The list a short line or a lead-in (`…:`) heads: the short lines that follow it, past blank lines
    and one lead-in sentence, up to a long line or a sentence."""
    heading = lines[row].strip()
    if len(heading) > _LIST_LINE and not heading.endswith(":"):
        return []
    items: list[str] = []
    lead_in = False
    for line in lines[row + 1 :]:
        if not line.strip():
            continue
        if len(line.strip()) > _LIST_LINE or _SENTENCE_END.search(line):
            if items or lead_in:
                break
            lead_in = True  # the sentence that leads in to the list (`운영진은 다음과 같습니다.`)
            continue
        items.append(line)
    return items


# ---- every record type


def _read_by_the_rules(record: Talk | Launch | Credit, source: Source) -> str | None:
    """The local engine's readers found the record in a layout or a cue they know: evidence beside
    what the other features weigh."""
    return "read by the local engine's rules" if source.engine == "local" else None


for _record_type in RECORD_TYPES:
    feature(_record_type, "read_by_the_rules")(_read_by_the_rules)
