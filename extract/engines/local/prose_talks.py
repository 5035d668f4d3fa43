"""Talks in running text, as news and blog recaps report them.

`한빛전자 정민호 부사장은 사용자 중심의 설계를 주제로 첫 기조강연에 나선다` (a topic before 을/를
주제로), `에밀 브라운 교수의 특별강연` (a person's talk of some kind), `최유진 교수, … 부사장 등도 연사로
참여한다` (people taking part as speakers). Speakers are the titled people and named persons of the
sentence that are not its object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import (
    clean,
    is_speech,
    mentions,
    particle_after,
    person_of,
    quoted_title,
    span,
    titles_quoted,
)
from extract.models import Person, Span, Talk
from extract.people import TitledPerson
from extract.segment import Segmentation, Sentence

# `'…'을 주제로`, `'…'라는 제목의`, `'…'에 대해 강연했다`.
_QUOTED_TOPIC = re.compile(
    quoted_title("title", longest=120) + r"\s*(?:(?:을|를|이라는|라는)\s*(?:주제|제목)|에\s*(?:대해|대한|관해|관한)\s)"
)
_TOPIC = re.compile(r"(?:을|를)\s+(?:주제|제목)로")
_KINDS = r"기조\s?연설|기조\s?강연|특별\s?강연|특강|강연|발표|대담|토론|키노트|세션|워크숍"
# Taking part as a speaker: `연사로 참여한다`, `강연과 토론에 참가하고`, `기조연설에 나선다`, or giving
# the talk with a light verb (`기조연설을 했다`, `강연했다`). (`발표` alone is not a cue: it also means
# "announce"; `발표를 했다` is.)
_LIGHT_VERB = r"(?:했|하였|한다|하고|하며|해\s?주)"
_PARTICIPATION = re.compile(
    rf"(?:{lexicon.SPEAKER_NOUNS}|패널|좌장)(?:로|으로)\s*(?:참여|참가|나서|나선|초청|무대)"
    rf"|(?:{_KINDS}|연설|패널)(?:과|와|및|,|\s|\S{{0,4}}\s)*(?:에|을|를|로)?\s*(?:참여|참가|나서|나선|나섰|맡|펼치|펼친|펼쳤)"
    rf"|(?:{_KINDS}|연설)(?:을|를)\s*(?:진행)?{_LIGHT_VERB}"
    rf"|(?:기조\s?연설|기조\s?강연|특별\s?강연|특강|강연|연설|키노트){_LIGHT_VERB}"
)
# What follows `NAME의`: a talk noun, with its title quoted before (`의 ‘…’ 강연`) or after it
# (`의 발표 “…”를`), or a quoted title that the sentence calls a talk (`세션은 …님의 ‘…’였다`).
_KIND_AFTER_POSSESSIVE = re.compile(
    rf"\s*(?:{quoted_title('title', longest=120)}\s*(?:이라는\s*|라는\s*)?)?(?:\S+\s)?(?P<kind>{_KINDS})"
    rf"(?:\s*{quoted_title('title_after', longest=120)})?"
)
_TITLE_AFTER_POSSESSIVE = re.compile(
    rf"\s*{quoted_title('title', longest=120)}\s*(?:이었|였|입니|이다|이에요|이라는|라는|을|를|은|는)"
)
# `토론에는 … 교수가 참여했다`: people taking part in a talk named as the sentence's setting.
_PARTICIPATION_IN = re.compile(
    r"(?:강연|토론|대담|패널|세션|발표|포럼|특강)\S{0,4}(?:에는|에서는|에|로는|으로는)\s.*"
    r"(?:참여|참가|나섰|나선|나와|함께했|연단에\s?올|무대에\s?올|무대에\s?섰)"
)
# `첫 발표자는 토스의 이준호 님이었다`: the speaker named as what the sentence is about; `오후 키노트는
# … 님이 맡았다`, `이번 세션은 … 님이 발표해 주셨다`: the talk as the topic, its speaker as the subject.
_SPEAKER_IS = re.compile(
    rf"(?:{lexicon.SPEAKER_NOUNS}|기조연설자|키노트\s?연사)(?:는|은)\s"
    r"|(?:세션|강연|키노트|특강|기조연설|기조강연|워크숍)(?:은|는)\s.*(?:발표|맡|했|하셨|해\s?주)"
)
# `X은 … 기조 강연에서 Y를 발표했다`: the subject presents at a talk of their own.
_AT_TALK = re.compile(
    r"(?<!의 )(?:\S+\s)?(?P<kind>기조\s?강연|기조\s?연설|키노트|특별\s?강연|강연|세션|워크숍|워크샵)에서\s"
)
# A talk of a kind no one only attends, as the means or the setting of what the subject says
# (`기조연설을 통해 … 소개했다`, `이어진 특별강연에서 X 교수는 …`): the subject gave it.
_KIND_AS_SETTING = re.compile(
    r"(?<![가-힣])(?P<kind>기조\s?연설|기조\s?강연|특별\s?강연|키노트)(?:을|를)?\s*(?:통해|에서는|에서)\s"
)
# A talk noun as what the sentence is about (`기조강연은`, `특별강연에서는`), and a verb of giving it
# right after the topic (`'…'을 주제로 진행했다`, `… 이야기했다`, `… 강연했다`).
_TALK_AS_TOPIC = re.compile(rf"(?<![가-힣])(?:{_KINDS})(?:은|는|에는|에서는|에서)\s")
_GIVEN = re.compile(r"[^,.]{0,12}(?:진행|이야기|강연|발표|소개|설명|연설)")
_HOSTING_ROLE = re.compile(r"(?<![가-힣])(?:좌장|사회자|사회|진행자|모더레이터|MC)(?:은|는|으로는|(?:을|를)\s맡은)\s$")
# A topic introduces a talk only when a talk noun, not another medium, is what it is the topic of.
_TALK_NOUN = re.compile(r"강연|연설|발표|특강|세션|토론|대담|키노트|워크숍|기조|talk|keynote|session", re.I)
_OTHER_MEDIUM = re.compile(
    r"팟캐스트|인터뷰|기사|영상|방송|책|보고서|podcast|interview|article|video|book|report", re.I
)
# Speakers are the sentence's subjects (coordinated with 과/와, or items of a list ending in 등), not
# companions (`과 함께`) or objects.
_SUBJECT_PARTICLES = {"은", "는", "이", "가", "도", "과", "와", None}


@dataclass(frozen=True)
class Announced:
    """A talk a sentence names by topic without its speakers (`'…'를 주제로 한 토론이 이어졌다`)."""

    title: str
    kind: str | None
    evidence: Span


def extract_prose_talks(segmentation: Segmentation, candidates: Candidates) -> list[Talk]:
    text = segmentation.text
    talks: list[Talk] = []
    for block in segmentation.blocks:
        if block.kind == "heading":
            continue
        announced: Announced | None = None
        for sentence in block.sentences:
            found = _talks_in(text, candidates, sentence, announced)
            talks += found
            announced = None if found else _announced(text, sentence)
    return talks


def _announced(text: str, sentence: Sentence) -> Announced | None:
    title = _topic(text, sentence, sentence.start)
    if title is None:
        return None
    after_topic = text[sentence.start : sentence.end].split(title, 1)[-1]
    if not _TALK_NOUN.search(after_topic):
        return None
    return Announced(title, lexicon.talk_kind(after_topic), span(text, sentence.start, sentence.end))


def _speakers(text: str, candidates: Candidates, sentence: Sentence) -> list[tuple[int, int, Person]]:
    """(start, end, person) for everyone the sentence names who is not its object."""
    found: list[tuple[int, int, Person]] = []
    titled = candidates.people_within(sentence.start, sentence.end)
    for person in titled:
        _, particle, _ = particle_after(text, person.end)
        if particle not in {"을", "를"}:
            found.append((person.start, person.end, _owned(text, candidates, person.start, titled_person(person))))
    for mention in mentions(text, candidates, sentence.start, sentence.end):
        inside_titled = any(p.start <= mention.alias.start < p.end for p in titled)
        if not inside_titled and mention.particle not in {"을", "를"} and mention.label == "PERSON":
            named = _owned(text, candidates, mention.alias.start, person_of(mention.alias))
            found.append((mention.alias.start, mention.alias.end, named))
    for latin in candidates.latin_people_within(sentence.start, sentence.end):
        inside_titled = any(p.start <= latin.start < p.end for p in titled)
        if not inside_titled and particle_after(text, latin.end)[1] not in {"을", "를"}:
            owner = _owner(text, candidates, latin.start)
            found.append((latin.start, latin.end, Person(name=latin.text, name_en=latin.text, affiliation=owner)))
    return sorted(found, key=lambda item: item[0])


def _owned(text: str, candidates: Candidates, start: int, person: Person) -> Person:
    """The person with the organisation that owns their name, where the text gives none closer."""
    owner = None if person.affiliation else _owner(text, candidates, start)
    return person.model_copy(update={"affiliation": owner}) if owner else person


_OWNER = re.compile(r"(?P<owner>[A-Za-z][\w.&\-]*|[가-힣A-Za-z]+)(?:의|에서\s+(?:오신|온))\s+$")


def _owner(text: str, candidates: Candidates, start: int) -> str | None:
    """`Vercel의 Guillermo Rauch`, `네이버에서 오신 김민준 님`: a Latin word or a gazetteer organisation
    owning the name, or the one the person came from."""
    match = _OWNER.search(text, max(0, start - 40), start)
    if match is None:
        return None
    owner = match.group("owner")
    known = candidates.within(match.start("owner"), match.end("owner"), "ORG")
    return owner if known or owner[0].isascii() else None


def titled_person(person: TitledPerson) -> Person:
    """A titled mention as a Person: the Latin name when an alias gives one, the title and organisation kept."""
    if person.alias is not None:
        base = person_of(person.alias)
        return base.model_copy(update={"title": person.title, "affiliation": person.affiliation})
    return Person(name=person.name, name_ko=person.name, title=person.title, affiliation=person.affiliation)


def _talks_in(text: str, candidates: Candidates, sentence: Sentence, announced: Announced | None) -> list[Talk]:
    speakers = [s for s in _speakers(text, candidates, sentence) if not _hosts(text, sentence.start, s[0])]
    if not speakers:
        return []
    sentence_text = text[sentence.start : sentence.end]
    evidence = [span(text, sentence.start, sentence.end)]
    subjects = [(start, end, person) for start, end, person in speakers if _is_subject(text, end)]
    people = [person for _, _, person in subjects]
    title = _topic(text, sentence, speakers[-1][1])
    if title is not None:
        after_topic = sentence_text[sentence_text.find(title) + len(title) :]
        talk_noun, medium = _TALK_NOUN.search(after_topic), _OTHER_MEDIUM.search(after_topic)
        # `기조강연은 X 교수가 '…'을 주제로 진행했다`: the talk is the sentence's topic, before its speaker.
        talk_topic = _TALK_AS_TOPIC.search(text, sentence.start, speakers[0][0])
        topic_kind = lexicon.talk_kind(talk_topic.group()) if talk_topic else None
        if talk_noun and (medium is None or talk_noun.start() < medium.start()):
            kind = topic_kind or lexicon.talk_kind(after_topic)
            return [Talk(id="", title=title, speakers=people, kind=kind, evidence=evidence)]
        if talk_topic and medium is None and _GIVEN.match(after_topic):
            return [Talk(id="", title=title, speakers=people, kind=topic_kind, evidence=evidence)]
        return []
    # A talk of one speaker leads with that speaker's mention, then the sentence that states it.
    talks = []
    for start, end, person in speakers:
        _, particle, past_particle = particle_after(text, end)
        if particle != "의":
            continue
        kind_match = _KIND_AFTER_POSSESSIVE.match(text, past_particle)
        if kind_match:
            quoted = kind_match.group("title") or kind_match.group("title_after")
            kind = lexicon.talk_kind(kind_match.group("kind"))
        elif (kind_match := _TITLE_AFTER_POSSESSIVE.match(text, past_particle)) and _TALK_NOUN.search(sentence_text):
            quoted, kind = kind_match.group("title"), lexicon.talk_kind(sentence_text)
        else:
            continue
        first = _QUOTED.search(text, past_particle, sentence.end) if quoted else None
        if first and (is_speech(text, first) or _launched_after(text, first.end(), sentence.end)):
            continue  # `N의 '…'라는 말`: a saying; `N의 '…'를 공개하는 세션`: a product
        title = clean(quoted) if quoted else None
        mention = [span(text, start, kind_match.end())]
        talks.append(Talk(id="", title=title, speakers=[person], kind=kind, evidence=mention + evidence))
    if talks:
        return talks
    at_talk = _AT_TALK.search(sentence_text)
    if at_talk and lexicon.announces(sentence_text[at_talk.end() :]):
        presenters = [(s, e, p) for s, e, p in subjects if e <= sentence.start + at_talk.start()]
        kind = lexicon.talk_kind(at_talk.group("kind"))
        return _untitled_talks(text, presenters, kind, evidence)
    setting = _KIND_AS_SETTING.search(sentence_text)
    if setting and subjects:  # `X 교수는 기조연설을 통해 …`, `특별강연에서 X 교수는 …`
        kind = lexicon.talk_kind(setting.group("kind"))
        return _untitled_talks(text, subjects, kind, evidence)
    taking_part = (
        _PARTICIPATION.search(sentence_text)
        or _PARTICIPATION_IN.search(sentence_text)
        or _SPEAKER_IS.search(sentence_text)
    )
    if taking_part is None:
        return _quoted_talk(text, sentence, subjects)
    if announced is not None:  # the talk the sentence before named
        evidence = [announced.evidence, *evidence]
        return [Talk(id="", title=announced.title, speakers=people, kind=announced.kind, evidence=evidence)]
    topic = _topic(text, sentence, sentence.start)  # `'…'라는 제목의 세션을 들었는데, 발표자는 X`
    if topic is not None:
        kind = lexicon.only_talk_kind(sentence_text)
        return [Talk(id="", title=topic, speakers=people, kind=kind, evidence=evidence)]
    kind = lexicon.only_talk_kind(taking_part.group())
    return _quoted_talk(text, sentence, subjects) or _untitled_talks(text, subjects, kind, evidence)


_QUOTED = re.compile(quoted_title("title", longest=120))
_GIVING_A_TALK = re.compile(r"(?:발표|강연|연설|키노트|세션)(?:하신|한|했|해\s?주|을|를|은|는|이|가|에서|\s)")


def _quoted_talk(text: str, sentence: Sentence, subjects: list[tuple[int, int, Person]]) -> list[Talk]:
    """The last reading of a sentence: its one subject, one quoted title (not speech: `'…'라고
    강조했다`) and a talk cue beside them make a talk whatever the phrasing around them
    (`김민준님이 발표하신 '…' 세션`)."""
    sentence_text = text[sentence.start : sentence.end]
    quotes = titles_quoted(_QUOTED, sentence_text)
    if len(subjects) != 1 or len(quotes) != 1 or not _GIVING_A_TALK.search(sentence_text):
        return []
    if _launched_after(sentence_text, quotes[0].end(), len(sentence_text)):
        return []
    title = clean(quotes[0].group("title"))
    evidence = [span(text, sentence.start, sentence.end)]
    return [
        Talk(
            id="", title=title, speakers=[subjects[0][2]], kind=lexicon.only_talk_kind(sentence_text), evidence=evidence
        )
    ]


def _launched_after(text: str, quote_end: int, end: int) -> bool:
    """A quote ending at `quote_end` names a product the talk launched (`'…'를 공개하는 세션`, `'…'를
    발표했다`), unless a talk noun follows it (`'…' 발표를 해주셨다`)."""
    return not _KIND_RIGHT_AFTER.match(text, quote_end) and lexicon.announces(text[quote_end:end])


# A talk noun right after a quote names the quote as its title (`'…' 발표를 해주셨다`, `'…' 발표였다`).
_KIND_RIGHT_AFTER = re.compile(rf"\s*(?:이라는|라는)?\s*(?:{_KINDS})")


def _untitled_talks(
    text: str, speakers: list[tuple[int, int, Person]], kind: str | None, evidence: list[Span]
) -> list[Talk]:
    """An untitled talk of each speaker, their mention beside the sentence as evidence; a panel is one
    talk of all its panelists."""
    if kind == "panel" and speakers:
        mentions = [span(text, s, e) for s, e, _ in speakers]
        return [Talk(id="", speakers=[p for _, _, p in speakers], kind=kind, evidence=[*mentions, *evidence])]
    return [Talk(id="", speakers=[p], kind=kind, evidence=[span(text, s, e), *evidence]) for s, e, p in speakers]


def _hosts(text: str, floor: int, start: int) -> bool:
    """`좌장은 서울대 이상훈 교수가 맡았다`, `사회를 맡은 …`: named right after a hosting role, a
    person hosts the talk (a credit) rather than speaks at it."""
    return _HOSTING_ROLE.search(text, max(floor, start - 12), start) is not None


def _is_subject(text: str, end: int) -> bool:
    _, particle, _ = particle_after(text, end)
    return particle in _SUBJECT_PARTICLES


def _topic(text: str, sentence: Sentence, after: int) -> str | None:
    """The talk's topic: a quoted title before 을/를 주제로, else the noun phrase before it."""
    region = text[after : sentence.end]
    quoted = _QUOTED_TOPIC.search(region)
    if quoted:
        return clean(quoted.group("title"))
    marker = _TOPIC.search(region)
    if not marker:
        return None
    # The phrase runs back from 을/를 주제로 to the speaker's particle (`부사장은 고객 중심의 산업전략을`).
    _, _, phrase_start = particle_after(text, after)
    topic = clean(text[phrase_start : after + marker.start()])
    return topic or None
