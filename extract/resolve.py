"""Resolve: one record per real-world talk, launch and credit; one entity per person, org, product."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from extract.candidates import Candidates
from extract.engines import Records
from extract.models import Credit, Entity, EntityType, Launch, Person, Span, Talk
from extract.people import details_apart

R = TypeVar("R", Talk, Launch, Credit)
K = TypeVar("K")
_HANGUL = re.compile(r"[가-힣]")
_NON_WORD = re.compile(r"[\W_]+")


def key(value: str) -> str:
    """Comparison key for names and titles: case, spacing and punctuation do not matter."""
    return _NON_WORD.sub("", value.casefold())


@dataclass(frozen=True)
class Resolved:
    talks: list[Talk]
    launches: list[Launch]
    credits: list[Credit]
    entities: list[Entity]


def resolve(records: Records, text: str, candidates: Candidates) -> Resolved:
    people = _PersonRegistry()
    for person in _all_people(records):
        people.add(person)
    talks = _untitled_into_titled(_kinds_from_twins(records.talks, people), people)
    talks = _merge(talks, lambda t: _talk_key(t, people), _merge_talks)
    launches = _merge(records.launches, lambda x: key(x.name), _merge_launches)
    credits = _merge(records.credits, lambda c: _credit_key(c, people), _merge_credits)
    # A talk whose kind no word states is of the generic kind: a talk.
    talks = [
        t.model_copy(update={"id": f"talk-{i}", "speakers": people.canonical_all(t.speakers), "kind": t.kind or "talk"})
        for i, t in enumerate(talks, 1)
    ]
    launches = [
        x.model_copy(update={"id": f"launch-{i}", "presenters": people.canonical_all(x.presenters)})
        for i, x in enumerate(launches, 1)
    ]
    credits = [
        c.model_copy(update={"id": f"credit-{i}", "person": people.canonical(c.person) if c.person else None})
        for i, c in enumerate(credits, 1)
    ]
    entities = _entities(talks, launches, credits, text, candidates)
    return Resolved(talks, launches, credits, entities)


def _all_people(records: Records) -> Iterable[Person]:
    for talk in records.talks:
        yield from talk.speakers
    for launch in records.launches:
        yield from launch.presenters
    for credit in records.credits:
        if credit.person is not None:
            yield credit.person


class _PersonRegistry:
    """People known by any of their names; the first full record of a person is filled in by later ones."""

    def __init__(self) -> None:
        self._by_name: dict[str, int] = {}
        self._people: list[Person] = []

    def _names(self, person: Person) -> list[str]:
        return [key(n) for n in (person.name, person.name_ko, person.name_en) if n]

    def add(self, person: Person) -> None:
        person = details_apart(person)
        index = next((self._by_name[n] for n in self._names(person) if n in self._by_name), None)
        if index is None:
            index = len(self._people)
            self._people.append(person)
        else:
            self._people[index] = _combine_people(self._people[index], person)
        for name in self._names(self._people[index]):
            self._by_name.setdefault(name, index)

    def key(self, person: Person) -> str:
        names = self._names(person)
        return str(next((self._by_name[n] for n in names if n in self._by_name), names[0]))

    def canonical(self, person: Person) -> Person:
        index = next((self._by_name[n] for n in self._names(person) if n in self._by_name), None)
        return self._people[index] if index is not None else person

    def canonical_all(self, people: list[Person]) -> list[Person]:
        result: list[Person] = []
        for person in map(self.canonical, people):
            if all(self.key(person) != self.key(p) for p in result):
                result.append(person)
        return result


def _untitled_into_titled(talks: list[Talk], people: _PersonRegistry) -> list[Talk]:
    """`로건 킬패트릭의 기조 강연` is the titled talk the recap gives for him, not another talk."""
    titled_speakers = {people.key(p) for t in talks if t.title for p in t.speakers}
    kept: list[Talk] = []
    untitled: list[Talk] = []
    for talk in talks:
        absorbed = not talk.title and talk.speakers and all(people.key(p) in titled_speakers for p in talk.speakers)
        (untitled if absorbed else kept).append(talk)
    for talk in untitled:  # their evidence joins the titled talk's
        index = next(
            i for i, t in enumerate(kept) if t.title and people.key(talk.speakers[0]) in map(people.key, t.speakers)
        )
        kept[index] = kept[index].model_copy(update={"evidence": _spans(kept[index].evidence, talk.evidence)})
    return kept


def _kinds_from_twins(talks: list[Talk], people: _PersonRegistry) -> list[Talk]:
    """An untitled talk of no stated kind is the untitled talk the same speakers give with a kind
    (`keynote` over `김영윤 - 삼성전자`, read once as a card and once as a line): it takes that kind."""

    def speakers(talk: Talk) -> frozenset[str]:
        return frozenset(people.key(p) for p in talk.speakers)

    kinds: dict[frozenset[str], set[str]] = {}
    for talk in talks:
        if not talk.title and talk.kind:
            kinds.setdefault(speakers(talk), set()).add(talk.kind)
    return [
        t.model_copy(update={"kind": next(iter(kinds[speakers(t)]))})
        if not t.title and not t.kind and len(kinds.get(speakers(t), ())) == 1
        else t
        for t in talks
    ]


def _talk_key(talk: Talk, people: _PersonRegistry) -> str:
    """A titled talk is its title; an untitled one (`X 교수의 특별강연`) is its speakers and kind."""
    if talk.title:
        return key(talk.title)
    return "|".join(sorted(people.key(p) for p in talk.speakers)) + f"|{talk.kind}"


def _credit_key(credit: Credit, people: _PersonRegistry) -> str:
    who = people.key(credit.person) if credit.person else f"org:{key(credit.organization or '')}"
    return f"{who}|{credit.role}"


def _combine_people(known: Person, other: Person) -> Person:
    """`known` completed by `other`; the Latin form becomes the name once any mention gives one."""
    filled = {k: v for k, v in other.model_dump().items() if v and not getattr(known, k)}
    combined = known.model_copy(update=filled)
    latin = combined.name_en or (other.name if not _HANGUL.search(other.name) else None)
    if _HANGUL.search(combined.name) and latin:
        combined = combined.model_copy(update={"name": latin, "name_ko": combined.name_ko or known.name})
    return combined


def _merge(records: list[R], record_key: Callable[[R], str], combine: Callable[[R, R], R]) -> list[R]:
    merged: dict[str, R] = {}
    for record in records:
        k = record_key(record)
        merged[k] = combine(merged[k], record) if k in merged else record
    return sorted(merged.values(), key=lambda r: r.evidence[0].start)


def _spans(a: list[Span], b: list[Span]) -> list[Span]:
    return sorted(set(a) | set(b), key=lambda s: (s.start, s.end))


def _fill(first: R, second: R, **combined: object) -> R:
    """`first` with its empty fields taken from `second`, and the given fields replaced."""
    update: dict[str, object] = {
        name: getattr(second, name)
        for name in type(first).model_fields
        if not getattr(first, name) and getattr(second, name)
    }
    update.update(combined)
    return first.model_copy(update=update)


def _merge_talks(a: Talk, b: Talk) -> Talk:
    return _fill(a, b, speakers=a.speakers + b.speakers, evidence=_spans(a.evidence, b.evidence))


def _merge_launches(a: Launch, b: Launch) -> Launch:
    return _fill(a, b, presenters=a.presenters + b.presenters, evidence=_spans(a.evidence, b.evidence))


def _merge_credits(a: Credit, b: Credit) -> Credit:
    return _fill(a, b, evidence=_spans(a.evidence, b.evidence))


def _entities(
    talks: list[Talk], launches: list[Launch], credits: list[Credit], text: str, candidates: Candidates
) -> list[Entity]:
    named: dict[tuple[EntityType, str], tuple[str, set[str]]] = {}

    def add(kind: EntityType, name: str | None, *aliases: str | None) -> None:
        if not name:
            return
        _, known = named.setdefault((kind, key(name)), (name, set()))
        known.update(a for a in aliases if a and a != name)

    for person in (
        [p for t in talks for p in t.speakers]
        + [p for x in launches for p in x.presenters]
        + [c.person for c in credits if c.person is not None]
    ):
        add("PERSON", person.name, person.name_ko, person.name_en)
        add("ORG", person.affiliation)
    for launch in launches:
        add("PRODUCT", launch.name, launch.name_ko)
        add("ORG", launch.organization)
        if launch.date:
            add("DATE", launch.date.iso or launch.date.text, launch.date.text)
    for credit in credits:
        add("TRACK", credit.track)
        add("ORG", credit.organization)
    for talk in talks:
        add("TRACK", talk.track)
    glossary: dict[str, set[str]] = {}
    for alias in candidates.aliases:
        glossary.setdefault(key(alias.latin), set()).add(alias.hangul)
    for (_, name_key), (_, aliases) in named.items():
        aliases |= glossary.get(name_key, set())
    found = _find_all(text, {entity: [name, *aliases] for entity, (name, aliases) in named.items()})
    entities = []
    counters: dict[str, int] = {}
    for entity, (name, aliases) in named.items():
        kind = entity[0]
        mentions = found.get(entity, [])
        if not mentions:
            continue  # a name assembled from parts (`AI in Fortune 500 1`) has no single mention
        counters[kind] = counters.get(kind, 0) + 1
        entities.append(
            Entity(
                id=f"{kind.lower()}-{counters[kind]}",
                type=kind,
                name=name,
                aliases=sorted(aliases - {name}),
                mentions=mentions,
            )
        )
    return entities


def _find_all(text: str, forms: dict[K, list[str]]) -> dict[K, list[Span]]:
    """Every occurrence of every entity's forms: longest form first where several start at one place,
    no two mentions overlapping, Latin forms only as whole words. (`str.find` per form: a regex
    alternation of a document's hundred forms is tried at every character and costs far more.)"""
    owners: dict[str, list[K]] = {}
    for entity, names in forms.items():
        for form in {f for f in names if len(f) >= 2}:
            owners.setdefault(form, []).append(entity)
    occurrences = []
    for form in owners:
        at = text.find(form)
        while at >= 0:
            if _whole_word(text, at, at + len(form)):
                occurrences.append((at, -len(form), form))
            at = text.find(form, at + 1)
    found: dict[K, list[Span]] = {}
    taken_until = 0
    for at, negative_length, form in sorted(occurrences):
        if at < taken_until:
            continue
        taken_until = at - negative_length
        span = Span(start=at, end=taken_until, text=form)
        for entity in owners[form]:
            found.setdefault(entity, []).append(span)
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    """A form that starts (ends) with a Latin letter or digit must not continue a Latin word there."""
    return not (
        (_ascii_alnum(text[start]) and start > 0 and _ascii_alnum(text[start - 1]))
        or (_ascii_alnum(text[end - 1]) and end < len(text) and _ascii_alnum(text[end]))
    )


def _ascii_alnum(character: str) -> bool:
    return character.isascii() and character.isalnum()
