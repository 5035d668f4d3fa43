"""Ground: every record is supported by the source text, or it is not written.

A span must be exact (`source[start:end] == text`). A record's names and title must be made of
words the document contains: engines may show a name in its Latin form, but may not invent one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.models import Credit, Entity, Launch, Person, Span, Talk
from extract.resolve import Resolved

_WORD = re.compile(r"[A-Za-z0-9]+|[가-힣]+")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Grounded:
    talks: list[Talk]
    launches: list[Launch]
    credits: list[Credit]
    entities: list[Entity]
    dropped: int


def span_is_exact(span: Span, text: str) -> bool:
    return 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text


def ground(resolved: Resolved, text: str) -> Grounded:
    folded = text.casefold()
    latin_words = set(_LATIN_WORD.findall(folded))

    def supported(*values: str | None) -> bool:
        """Latin words must occur as words; Hangul words as substrings, since particles attach to them."""
        return all(
            (word in folded if "가" <= word[0] <= "힣" else word in latin_words)
            for value in values
            if value
            for word in _WORD.findall(value.casefold())
        )

    def people_supported(people: list[Person]) -> bool:
        return all(supported(p.name, p.name_ko, p.name_en) for p in people)

    def exact(spans: list[Span]) -> bool:
        return bool(spans) and all(span_is_exact(s, text) for s in spans)

    talks = [t for t in resolved.talks if exact(t.evidence) and supported(t.title) and people_supported(t.speakers)]
    launches = [
        x
        for x in resolved.launches
        if exact(x.evidence) and supported(x.name, x.organization) and people_supported(x.presenters)
    ]
    credits = [
        c
        for c in resolved.credits
        if exact(c.evidence) and supported(c.role_text, c.track) and people_supported([c.person])
    ]
    entities = [e for e in resolved.entities if exact(e.mentions)]
    kept = len(talks) + len(launches) + len(credits) + len(entities)
    total = len(resolved.talks) + len(resolved.launches) + len(resolved.credits) + len(resolved.entities)
    return Grounded(talks, launches, credits, entities, dropped=total - kept)
