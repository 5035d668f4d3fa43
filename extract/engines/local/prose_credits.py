"""Credits in running text, as news recaps write them.

- organisers: `미래산업부와 한빛시, 디지털진흥원이 주최하는 이 행사는` (organisations);
- dignitaries: `박도윤 … 2차관, 이서진 … 권한대행 … 등 주요 인사가 참석해` (a role after a list with 등);
- speeches: `박도윤 2차관이 축사를 했다`, `이서진 시장의 환영사로` (a titled person and a speech role);
- roles taken, as blog recaps write them: `사회는 정다은 님이 맡아 주셨다`, `좌장을 맡은 김 교수`,
  `정다은 님의 사회로` (a role noun with a verb of taking it, and the person nearest to it), or as a
  label before a name (`(좌장: 정하늘 님)`).
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import particle_after, span
from extract.engines.local.prose_talks import titled_person
from extract.models import Credit
from extract.people import TitledPerson, is_korean_name
from extract.segment import Segmentation, Sentence

# Led by the role word itself (a pattern led by optional parts is tried at every character).
_ORGANIZER = re.compile(r"(공동\s?주최|공동\s?주관|공동\s?후원|주최|주관|후원)(?:하[는고며였]|한|했|하여|해|로|으로|:)")
_PARTICLE_BEFORE = re.compile(r"(?:이|가|에서)?\s*$")
# `와`/`과` join list items only when glued to the item before and followed by a space.
_LIST_SEPARATOR = re.compile(r"(?<=[가-힣A-Za-z0-9)])(?:와|과)\s+|\s*[,、]\s*|\s+및\s+")
_LATIN_NAME = re.compile(r"[A-Z][\w.&\-]*(?: [A-Z0-9][\w.&\-]*){0,3}$")  # `PyTorch Korea`
_SPEECHES = re.compile(r"환영사|축사|개회사|폐회사|기념사|격려사|인사말")
_GATHERED = re.compile(r"\s*등\s*(주요\s*인사|내빈|귀빈)")
# A role noun as a topic or object (`사회는`, `진행을`) or as `의 사회로`; a bare `사회`/`진행` is too
# common a word to be a role without that grammar and a verb of taking it.
_ROLE_NOUN = re.compile(
    r"(?<![가-힣])(?P<role>사회자|사회|진행자|진행|좌장|모더레이터|모더레이션|MC|인터뷰|대담)"
    r"(?P<particle>은|는|을|를|로|으로|\s*:)(?![가-힣])"
)
_TAKES = re.compile(r"맡|봤|보았|보셨|보신|본\s|보고|담당|진행[했하한]|나서|나섰|나선")
# The person the role is, right after the name (`모더레이터는 정다은 님이었다`).
_COPULA = re.compile(r"\s*(?:님)?\s*(?:이었|였|이셨|셨|입니|이다|이에요|예요|이십니)")
# Another object or clause between the role noun and the verb: the verb is not about the role.
_OTHER_CLAUSE = re.compile(r"[가-힣](?:을|를|고|며|서|지만)\s")
_CLAUSE_BREAK = re.compile(r"[가-힣](?:고|며|는데|지만),?\s|[,;]\s")


def extract_prose_credits(segmentation: Segmentation, candidates: Candidates) -> list[Credit]:
    text = segmentation.text
    credits: list[Credit] = []
    for sentence in segmentation.sentences:
        credits += _organizers(text, sentence)
        credits += _people_with_roles(text, candidates, sentence)
        credits += _roles_taken(text, candidates, sentence)
    return credits


def _first_after(people: list[TitledPerson], offset: int) -> TitledPerson | None:
    return next((p for p in people if p.start >= offset), None)


def _named_as_it(text: str, people: list[TitledPerson], after: int) -> TitledPerson | None:
    """The first person after a role's topic, when a copula follows their name: the role is them."""
    person = _first_after(people, after)
    if person and _COPULA.match(text, person.end) and not _OTHER_CLAUSE.search(text, after, person.start):
        return person
    return None


def _takes_it(text: str, start: int, end: int) -> bool:
    verb = _TAKES.search(text, start, end)
    return verb is not None and not _OTHER_CLAUSE.search(text, start, verb.start())


def _roles_taken(text: str, candidates: Candidates, sentence: Sentence) -> list[Credit]:
    people = candidates.people_within(sentence.start, sentence.end)
    credits = []
    for noun in _ROLE_NOUN.finditer(text, sentence.start, sentence.end):
        before = [p for p in people if p.end <= noun.start()]
        by_possessive = noun.group("particle") in {"로", "으로"} and before
        labelled = [p for p in people if noun.end() <= p.start <= noun.end() + 2]
        if noun.group("particle").strip() == ":":
            if not labelled:
                continue
            person = labelled[0]  # `(좌장: 정하늘 님)`, `사회: 한가람 님`
        elif by_possessive and particle_after(text, before[-1].end)[1] == "의":
            person = before[-1]  # `정다은 님의 사회로`
        elif noun.group("particle") in {"은", "는"} and (is_it := _named_as_it(text, people, noun.end())):
            person = is_it  # `모더레이터는 정다은 님이었다`
        elif as_it := _taking_it_as(text, people, noun, sentence.end):
            person = as_it  # `모더레이터로 정다은 님이 나섰다`
        elif noun.group("particle") in {"로", "으로"} or not _takes_it(text, noun.end(), sentence.end):
            continue
        elif near := [p for p in people if _same_clause(text, p, noun.start(), noun.end())]:
            person = min(near, key=lambda p: min(abs(p.start - noun.end()), abs(noun.start() - p.end)))
        else:
            continue  # `진행은 … 팀이 맡았고, 사회는 … 님이 봤다`: the nearest person took another role
        role = lexicon.roles_by_label()[noun.group("role").casefold()]
        for taker in _coordinated(text, people, person):  # `진행은 박지호 님과 최유진 님이 맡았다`: both
            credits.append(_credit(text, taker, role, noun.group("role"), noun.start("role"), noun.end("role")))
    return credits


def _taking_it_as(text: str, people: list[TitledPerson], noun: re.Match[str], end: int) -> TitledPerson | None:
    """The subject after a role noun with 로, when a verb of taking it follows: they take the role."""
    person = _first_after(people, noun.end())
    if noun.group("particle") not in {"로", "으로"} or person is None:
        return None
    subject = particle_after(text, person.end)[1] in {"이", "가", "께서"}
    return person if subject and _takes_it(text, person.end, end) else None


_COORDINATOR = re.compile(r"\s*(?:님|씨)?\s*(?:과|와|,|및|그리고)\s*")


def _coordinated(text: str, people: list[TitledPerson], person: TitledPerson) -> list[TitledPerson]:
    """The person and those joined to them by 과/와, commas or 및, in the order the text names them."""
    at = people.index(person)
    first, last = at, at
    while first > 0 and _COORDINATOR.fullmatch(text, people[first - 1].end, people[first].start):
        first -= 1
    while last + 1 < len(people) and _COORDINATOR.fullmatch(text, people[last].end, people[last + 1].start):
        last += 1
    return people[first : last + 1]


def _same_clause(text: str, person: TitledPerson, start: int, end: int) -> bool:
    """Whether no clause ends between a person and the words at `start:end`."""
    return not _CLAUSE_BREAK.search(text, min(person.end, end), max(person.start, start))


def _organizers(text: str, sentence: Sentence) -> list[Credit]:
    credits = []
    for match in _ORGANIZER.finditer(text, sentence.start, sentence.end):
        particle = _PARTICLE_BEFORE.search(text, sentence.start, match.start())
        names = _listed_before(text, sentence.start, particle.start() if particle else match.start())
        role_word = match.group(1)
        role = "organizer" if "주" in role_word else "other"
        known = [_organization_like(text[start:end]) for start, end in names]
        for (start, end), organization in zip(names, known, strict=True):
            name = text[start:end]
            # Listed beside a known organisation, a short name is one too (`진흥원과 블록미디어가 주관했다`).
            beside_known = any(known) and len(name.split()) <= 3 and not is_korean_name(name)
            if organization or beside_known:
                credits.append(
                    Credit(
                        id="",
                        organization=name,
                        role=role,  # type: ignore[arg-type]
                        role_text=role_word,
                        evidence=[span(text, start, end), span(text, match.start(1), match.end(1))],
                    )
                )
    return credits


def _organization_like(name: str) -> bool:
    return bool(
        lexicon.organization_name(name) or name.endswith(lexicon.INSTITUTION_ENDINGS) or _LATIN_NAME.match(name)
    )


def _listed_before(text: str, floor: int, end: int) -> list[tuple[int, int]]:
    """The names of a list ending at `end`: `A와 B, C` -> A, B, C (each one word or more)."""
    region = text[floor:end].rstrip()
    # The list starts after the last word that closes a phrase (a particle other than 와/과).
    start = 0
    for match in re.finditer(r"\S+(?:은|는|을|를|에서|으로|에게|에는|의|하고|하며|하여)\s|[.!?]\s", region):
        start = match.end()
    names = []
    position = start
    for separator in _LIST_SEPARATOR.finditer(region, start):
        if separator.start() > position:
            names.append((floor + position, floor + separator.start()))
        position = separator.end()
    if position < len(region):
        names.append((floor + position, floor + len(region)))
    return [(s, e) for s, e in names if text[s:e].strip()]


def _people_with_roles(text: str, candidates: Candidates, sentence: Sentence) -> list[Credit]:
    titled = candidates.people_within(sentence.start, sentence.end)
    if not titled:
        return []
    credits = []
    for person in titled:  # a role as the person's title: `사회자 한가람 님`, `진행자 오유나님`
        role = lexicon.roles_by_wording().get((person.title or "").casefold())
        if role is not None and person.title is not None:
            credits.append(_credit(text, person, role, person.title, person.start, person.end))
    gathered = _GATHERED.search(text, sentence.start, sentence.end)
    if gathered:
        role_text = re.sub(r"\s+", " ", gathered.group(1))
        for person in [p for p in titled if p.end <= gathered.start()]:
            credits.append(_credit(text, person, "other", role_text, gathered.start(1), gathered.end(1)))
    for speech in _SPEECHES.finditer(text, sentence.start, sentence.end):
        if text.startswith(("은 ", "는 "), speech.end()):  # `축사는 박윤규 2차관이 했다`: who follows
            after = [p for p in titled if p.start >= speech.end()]
            if after and particle_after(text, after[0].end)[1] in {"이", "가", "께서"}:
                credits.append(_credit(text, after[0], "other", speech.group(), speech.start(), speech.end()))
            continue
        before = [p for p in titled if p.end <= speech.start()]
        if not before:
            continue
        person = before[-1]
        _, particle, _ = particle_after(text, person.end)
        if particle in {"이", "가", "은", "는", "의", "께서", "께서는"}:
            credits.append(_credit(text, person, "other", speech.group(), speech.start(), speech.end()))
    return credits


def _credit(text: str, person: TitledPerson, role: str, role_text: str, cue_start: int, cue_end: int) -> Credit:
    return Credit(
        id="",
        person=titled_person(person),
        role=role,  # type: ignore[arg-type]
        role_text=role_text,
        evidence=[span(text, person.start, person.end), span(text, cue_start, cue_end)],
    )
