"""Ground: every record is supported by the source text, or it is not written.

A span must be exact (`source[start:end] == text`) and must not lie in a sentence that addresses a
model (`extract/injection.py`). A record's names and title must be made of words the document
contains outside such sentences, and must not be names such a sentence asks to add (the rest of the
recap may repeat them: a planted heading under the instruction). Engines may show a name in its Latin
form, but may not invent one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from extract.align import Support
from extract.injection import instruction_spans, without_instructions
from extract.models import Credit, Entity, Launch, Person, Span, Talk
from extract.resolve import Resolved

R = TypeVar("R", Talk, Launch, Credit)


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
    instructions = instruction_spans(text)
    genuine = Support(without_instructions(text, instructions))
    planted = Support(" ".join(text[start:end] for start, end in instructions)) if instructions else None

    def supported(value: str | None) -> bool:
        """Made of words the genuine text has, and not a name that an instruction tries to plant."""
        if not value:
            return True
        return genuine(value) and not (planted is not None and planted(value))

    def people_supported(people: list[Person]) -> bool:
        return all(supported(p.name) and supported(p.name_ko) and supported(p.name_en) for p in people)

    def on_instruction(span: Span) -> bool:
        return any(span.start < end and start < span.end for start, end in instructions)

    def cleaned(record: R) -> R | None:
        """The record without evidence resting on an instruction (and without fields copied from it);
        None when a span is not exact or the primary evidence itself is such an instruction."""
        if not record.evidence or not all(span_is_exact(s, text) for s in record.evidence):
            return None
        if on_instruction(record.evidence[0]):
            return None
        removed = {s.text for s in record.evidence if on_instruction(s)}
        update: dict[str, object] = {"evidence": [s for s in record.evidence if not on_instruction(s)]}
        for name in ("summary", "description"):
            if getattr(record, name, None) in removed:
                update[name] = None
        return record.model_copy(update=update)

    talks = [
        t for t in map(cleaned, resolved.talks) if t is not None and supported(t.title) and people_supported(t.speakers)
    ]
    launches = [
        x
        for x in map(cleaned, resolved.launches)
        if x is not None and supported(x.name) and supported(x.organization) and people_supported(x.presenters)
    ]
    credits = [
        c
        for c in map(cleaned, resolved.credits)
        if c is not None
        and supported(c.role_text)
        and supported(c.track)
        and supported(c.organization)
        and people_supported([c.person] if c.person else [])
    ]
    entities = [
        e.model_copy(update={"mentions": [m for m in e.mentions if not on_instruction(m)]})
        for e in resolved.entities
        if all(span_is_exact(m, text) for m in e.mentions)
    ]
    entities = [e for e in entities if e.mentions and supported(e.name)]
    kept = len(talks) + len(launches) + len(credits) + len(entities)
    total = len(resolved.talks) + len(resolved.launches) + len(resolved.credits) + len(resolved.entities)
    return Grounded(talks, launches, credits, entities, dropped=total - kept)
