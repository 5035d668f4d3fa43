"""Phrase-level helpers shared by the local engine's rules: particles, mentions, names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.candidates import AliasPair, Candidates
from extract.marks import DASH
from extract.models import Person, Span
from extract.people import is_job

# Particles that can follow a noun phrase, longest first; `님` (honorific) is skipped before them.
_PARTICLES = (
    "에 의해",
    "에 의한",
    "와 함께",
    "과 함께",
    "으로부터",
    "에게서",
    "에서는",
    "에서도",
    "께서는",
    "께서",
    "에서",
    "으로",
    "에게",
    "에는",
    "의",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "와",
    "과",
    "로",
    "에",
    "도",
    "및",
)
_PARTICLES_BY_FIRST_LETTER: dict[str, tuple[str, ...]] = {
    letter: tuple(p for p in _PARTICLES if p[0] == letter) for letter in {p[0] for p in _PARTICLES}
}
_SKIPPABLE = re.compile(r"[*'\"’”」』]*(?:\s?\([^()가-힣]*\))?[*'\"’”」』]*")
_HONORIFIC = re.compile(r" ?(?:(님|씨)(?![가-힣])|(님|씨)(?=[은는이가을를과와의께]))")
PRESENTER_NOUNS = (
    "강연",
    "기조",
    "워크숍",
    "워크샵",
    "세션",
    "발표",
    "블로그",
    "키노트",
    "데모",
    "팀",
    "talk",
    "keynote",
)


@dataclass(frozen=True)
class Mention:
    """An alias pair in context: what particle follows it and what comes after that."""

    alias: AliasPair
    label: str | None
    honorific: bool
    particle: str | None
    after: int  # offset just past the particle (or the alias when there is none)

    @property
    def latin(self) -> str:
        return self.alias.latin


def particle_after(text: str, end: int) -> tuple[bool, str | None, int]:
    """(honorific?, particle, offset after it) for the noun phrase that ends at `end`."""
    skipped = _SKIPPABLE.match(text, end)
    position = skipped.end() if skipped else end
    honorific = _HONORIFIC.match(text, position)
    if honorific:
        position = honorific.end()
    for particle in _PARTICLES_BY_FIRST_LETTER.get(text[position : position + 1], ()):
        if text.startswith(particle, position):
            after = position + len(particle)
            # `이` or `가` glued to more Hangul is part of a word (`이는`), not a subject particle.
            if len(particle) == 1 and after < len(text) and particle in "이가" and _is_hangul(text[after]):
                continue
            return bool(honorific), particle, after
    return bool(honorific), None, position


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def mentions(text: str, candidates: Candidates, start: int, end: int) -> list[Mention]:
    result = []
    for alias in candidates.aliases_within(start, end):
        honorific, particle, after = particle_after(text, alias.end)
        result.append(Mention(alias, candidates.label_of(alias), honorific, particle, after))
    return result


def is_person(mention: Mention, text: str) -> bool:
    """A person by name lexicon, or a name-shaped gloss with a person cue (님, a role word, a talk)."""
    if mention.label == "PERSON":
        return True
    if mention.label == "ORG" or not lexicon.is_name_shaped(mention.latin):
        return False
    if mention.honorific:
        return True
    following = text[mention.after : mention.after + 12].lstrip()
    if mention.particle == "의":
        return following.startswith(PRESENTER_NOUNS)
    return mention.particle in {"에 의해", "와 함께", "과 함께"} or (
        len(mention.latin.split()) >= 2 and mention.particle in {"이", "가", "은", "는", "과", "와"}
    )


def person_of(alias: AliasPair) -> Person:
    return Person(name=alias.latin, name_ko=alias.hangul, name_en=alias.latin, title=_title(alias.note))


def _title(note: str | None) -> str | None:
    """`(Theodora Chu, MCP PM)`: a short note in the brackets is a job title, a remark is not."""
    if note and len(note) <= 30 and not note.endswith(("!", "?", ".")) and not re.search(r"[가-힣]{2,}[다요]", note):
        return note
    return None


def latin_rendering(text: str, start: int, end: int, candidates: Candidates) -> tuple[str, str]:
    """(Latin-first name, Hangul form) of a phrase: each alias pair in it shown by its gloss."""
    latin_parts: list[str] = []
    hangul_parts: list[str] = []
    position = start
    for alias in candidates.aliases_within(start, end):
        gap = text[position : alias.start]
        latin_parts.append(gap)
        hangul_parts.append(gap)
        latin_parts.append(alias.latin)
        hangul_parts.append(alias.hangul)
        position = alias.end
    latin_parts.append(text[position:end])
    hangul_parts.append(text[position:end])
    return clean("".join(latin_parts)), clean("".join(hangul_parts))


# Quotes a title stands in, in English and Korean prose: straight and curly quotes, and the brackets
# Korean writes titles in (`「…」`, `『…』`, `《…》`, `〈…〉`, `<…>`). A single quote opens only after a
# non-letter, and before a letter it is an apostrophe (`Jane Doe's talk 'I Don't Know' was`).
_OPENING_QUOTE = r"(?:(?<![A-Za-z])['‘]|[\"“「『《〈<])"
_IN_QUOTES = r"(?:[^'’\"”」』》〉>\n]|['’](?=[A-Za-z]))"
_CLOSING_QUOTE = r"(?:[\"”」』》〉>]|['’](?![A-Za-z]))"


def quoted_title(group: str, shortest: int = 2, longest: int = 150) -> str:
    """A regular expression for a quoted title, the title in `group`."""
    return rf"{_OPENING_QUOTE}(?P<{group}>{_IN_QUOTES}{{{shortest},{longest}}}){_CLOSING_QUOTE}"


# What makes a quote speech rather than a title: a verb of saying before it (`she said 'Ship It'`), a
# quotative after it (`'…'라고 강조했다`, `'…' 하고 물었다`, `"…"는 생각이 들었다`).
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|asked|asks|told|tells|joked|quipped|exclaimed|shouted)\s*,?\s*$", re.I)
_QUOTATIVE_AFTER = re.compile(r"\s*(?:이?라고|하고\s|이?라며|(?:이?라는|는)\s*(?:말|얘기|이야기|생각|질문))")


def titles_quoted(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The matches of a quoted-title pattern in `text[start:end]` that are not speech."""
    end = len(text) if end is None else end
    return [quote for quote in pattern.finditer(text, start, end) if not is_speech(text, quote)]


def is_speech(text: str, quote: re.Match[str]) -> bool:
    """A quote in `text` that someone says rather than a title: after a verb of saying or before a quotative."""
    said = _SAID_BEFORE.search(text, max(0, quote.start() - 20), quote.start())
    return bool(said or _QUOTATIVE_AFTER.match(text, quote.end()))


@lru_cache(maxsize=8192)  # the rules clean the same lines again and again
def clean(value: str) -> str:
    """A phrase without layout markup, a leading pictograph (`🎤`, `✨`: a marker, as a bullet is),
    quotes at its ends or doubled spaces."""
    value = " ".join(value.replace("**", "").replace("__", "").split())
    value = value.strip(" \t'\"‘’“”「」『』*:-—–,")
    if value and _is_pictograph(value[0]):
        start = 0
        while start < len(value) and _is_pictograph(value[start]):
            start += 1
        return clean(value[start:])
    return value


def past_pictographs(text: str, start: int, end: int) -> int:
    """Where a line's content starts past the pictographs that mark it (`🎤 세션 1. …`), as a bullet would."""
    position = start
    while position < end and _is_pictograph(text[position]):
        position += 1
    return position if position < end else start


def _is_pictograph(character: str) -> bool:
    """An emoji or symbol, its variation selector or joiner, or a space beside one."""
    return (
        character.isspace()
        or unicodedata.category(character) in ("So", "Sk", "Cf")
        or "\ufe00" <= character <= "\ufe0f"
    )


def span(text: str, start: int, end: int) -> Span:
    """An evidence span, trimmed of surrounding whitespace and markup."""
    while start < end and (text[start].isspace() or text[start] == "*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "*"):
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def hangul_to_latin(candidates: Candidates) -> dict[str, str]:
    """Document-wide glossary: a Hangul form the text glosses somewhere -> its Latin form."""
    glossary: dict[str, str] = {}
    for alias in candidates.aliases:
        glossary.setdefault(alias.hangul, alias.latin)
    return glossary


# `Karan Goel - CEO of Cartesia.ai`, `Karan Goel (Cartesia)`, `Karan Goel@Cartesia`, `Karan Goel, CEO, Cartesia`;
# after a dash, pipe or slash one part is the employer or job, as after a comma (`이름 - 소속` in Korean)
EN_NAME = lexicon.LATIN_NAME
_EN_PERSON = re.compile(
    rf"(?P<name>{EN_NAME})"
    r"(?:\s*(?:[-–—]|,)\s*(?P<title>[^,()]+)\s+(?:of|at|@)\s+(?P<org>[^,()]+?)"  # the last `of`/`at` wins
    r"|\s*\((?P<paren>[^()]+)\)"
    r"|\s*@\s*(?P<at>[^,()@\s][^,()@]*?)"  # `Tim Oxley@NodeSource`, `Jane Doe @ Acme`
    r"|,\s*(?P<title2>[^,()]+?),\s*(?P<org2>[^,()]+?)"
    r"|,\s*(?P<one>[^,()]+?)"  # `Wes McKinney, Posit` or `Jane Doe, CEO`
    rf"|(?:{DASH}|\s+[|/]\s*)(?P<dashed>[^,()|/]+?))?\s*$"  # `Jane Doe | Acme`, `Jane Doe - CEO`
)
_EN_JOINERS = re.compile(r"\s*(?:,?\s+and\s+|\s*&\s*|\s*;\s*)\s*")


def english_people(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people an English phrase names, or None unless the phrase is nothing but people: each a name
    the lexicon or the English model knows as a person's, or a name-shaped one with a job or employer."""
    people = []
    for part in _EN_JOINERS.split(clean(text[start:end])):
        match = _EN_PERSON.match(part.strip())
        if not match:
            return None
        name = match.group("name")
        one = match.group("one") or match.group("dashed")
        job = one if one and lexicon.JOB_WORDS.search(one) else None
        # After a dash the name must be known as one (`Recording Rust Lang Meetup - October 2023`).
        if match.group("dashed") and not (candidates.is_person_name(name) or job):
            return None
        if match.group("title") and not is_job(match.group("title")):
            return None  # `Jane Doe - Scaling Postgres at Work`: a title, not a job at an employer
        title = match.group("title") or match.group("title2") or job
        organization = (
            match.group("org")
            or match.group("paren")
            or match.group("at")
            or match.group("org2")
            or (one if one != title else None)
        )
        if not organization:
            name = lexicon.without_full_stop(name)  # `by John Smith.`: the sentence's full stop
        shaped = len(name.split()) <= 3 and lexicon.could_be_person_name(name)  # `Kotlin Incremental Annotation …`
        if not (candidates.is_person_name(name) or ((title or organization) and shaped)):
            return None
        people.append(Person(name=name, name_en=name, title=title, affiliation=organization))
    return people or None


# `이영희 (카카오)`, `카카오 이영희 님`, `이영희@카카오`, `김철수(Chulsoo Kim), 네이버`
_KO_PERSON = re.compile(
    r"^(?:(?P<org>[^\s():]+(?:\s[^\s():]+)?)\s+)?(?P<name>[가-힣]{2,5}?)(?:\s?님)?"
    r"(?:\s*\((?P<paren>[^()]+)\)(?:\s?님)?|\s*@\s*(?P<at>[^()@]+))?$"
)
# A user name in the brackets after a name (`김상균(curt.k)`): neither a Latin name nor an employer.
_USER_NAME = re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]+\d+")


# `오세린 - 라인플러스`, `장민석 카카오엔터프라이즈`: the name first, then where they work.
_KO_NAME_THEN_ORG = re.compile(
    r"(?P<name>[가-힣]{2,5}?)(?P<honorific>\s?님)?(?P<joint>\s*[-–—|@]\s*|\s+)(?P<org>[^()]{2,30})"
)
_CLAUSE_END = re.compile(r"[다요죠][.!]?$|[을를이가은는에서]$")


def _name_then_organization(part: str, labelled: bool) -> Person | None:
    """A name followed by its organisation: after a dash, pipe or `@` any short phrase; after a space
    only what reads as an organisation (the gazetteer, an organisation suffix, capitalised Latin),
    unless a label (`발표자:`) has said the slot holds a speaker."""
    from extract.people import is_korean_name

    match = _KO_NAME_THEN_ORG.fullmatch(part)
    if match is None:
        return None
    name, organization = match.group("name"), match.group("org").strip()
    # `주제는 …`, `발표를 …`: a topic or object particle ends a word, not a name.
    if not is_korean_name(name) or name[-1] in "는를의" or (len(name) <= 2 and not match.group("honorific")):
        return None
    if len(organization.split()) > 3 or _CLAUSE_END.search(organization) or is_korean_name(organization):
        return None
    spaced = not match.group("joint").strip()
    if spaced and not (labelled or _reads_as_organization(organization)):
        return None
    return Person(name=name, name_ko=name, affiliation=organization)


def _a_clause_before_name(before: str | None, labelled: bool) -> bool:
    """What stands before a name ends in a particle or a verb's ending and is no known organisation."""
    return bool(before and not labelled and _CLAUSE_END.search(before) and not _reads_as_organization(before))


def _reads_as_organization(phrase: str) -> bool:
    """A phrase beside a name with only a space between that reads as an organisation: the gazetteer,
    an organisation suffix, or a name-shaped Latin phrase."""
    return bool(lexicon.organization_name(phrase) or lexicon.is_name_shaped(phrase))


# Between the people of a speaker part, outside brackets (`장인선(Software Engineer, Google), 정명훈`);
# an `&` between Latin letters is a name's own (`SK C&C`, `AT&T`).
_PEOPLE_BREAKS = re.compile(r"(?:\s*[,/·]\s*|\s*(?<![A-Za-z])&(?![A-Za-z])\s*|\s+(?:와|과)\s+)(?![^()]*\))")


def korean_people(text: str, start: int, end: int, labelled: bool = False) -> list[Person] | None:
    """Korean names in a session line's speaker part, or None unless that part is only people
    (`labelled`: a label said the part names speakers)."""
    from extract.people import is_korean_name

    people: list[Person] = []
    for part in _PEOPLE_BREAKS.split(clean(text[start:end])):
        match = _KO_PERSON.match(part.strip())
        if match and _a_clause_before_name(match.group("org"), labelled):
            match = None  # `깜빡임이 사라짐`: a subject and its verb, not an employer and a name
        # A two-syllable "name" (`문제`, `원칙`) is most often a word: a speaker part needs three, or 님.
        if match and is_korean_name(match.group("name")) and (len(match.group("name")) > 2 or "님" in part):
            paren = match.group("paren")
            paren = None if paren and _USER_NAME.fullmatch(paren) else paren
            latin = paren if paren and lexicon.is_name_shaped(paren) and not is_job(paren) else None
            organization = match.group("org") or match.group("at") or (paren if paren and not latin else None)
            name = latin or match.group("name")
            people.append(Person(name=name, name_ko=match.group("name"), name_en=latin, affiliation=organization))
        elif named := _name_then_organization(part.strip(), labelled):
            people.append(named)
        elif people and part and len(part) <= 30 and people[-1].affiliation is None:
            people[-1] = people[-1].model_copy(update={"affiliation": part})  # `김철수, 네이버`
        else:
            return None
    return people or None
