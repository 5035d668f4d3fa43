"""Evidence spans as highlights, nested so that every span becomes one element of the page.

Spans that share text nest; a span that crosses another's edge (starts inside, ends outside) is cut
there and carried on as a continuation fragment, so the page stays well-formed HTML.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from functools import cached_property

from extract.models import Extraction, Span

KINDS = ("talk", "launch", "credit", "entity")
# Where identical spans stack, records sit outside entity mentions.
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Highlight:
    """One evidence span of one record; `number` is its place on the page (element id `h<number>`)."""

    number: int
    start: int
    end: int
    kind: str
    record: str  # the record's key on the page: "<kind>/<id>"


@dataclass
class Fragment:
    """A highlight, or the part of one that fits inside its enclosing fragment."""

    highlight: Highlight
    start: int
    end: int
    first: bool
    children: list[Fragment] = field(default_factory=list)

    @cached_property
    def height(self) -> int:
        """Fragments stacked inside this one (0 for the innermost), which lifts its underline."""
        return 1 + max(child.height for child in self.children) if self.children else 0


def record_key(kind: str, record_id: str) -> str:
    return f"{kind}/{record_id}"


def collect(extraction: Extraction) -> list[Highlight]:
    """Every evidence span of every record, and every entity mention, in document order of records."""
    spans: list[tuple[str, str, Span]] = []
    for kind, records in (("talk", extraction.talks), ("launch", extraction.launches), ("credit", extraction.credits)):
        spans += [(kind, record.id, span) for record in records for span in record.evidence]
    spans += [("entity", entity.id, span) for entity in extraction.entities for span in entity.mentions]
    return [
        Highlight(number, span.start, span.end, kind, record_key(kind, record_id))
        for number, (kind, record_id, span) in enumerate(spans, 1)
    ]


def nest(highlights: list[Highlight]) -> list[Fragment]:
    """The top-level fragments of a laminar tree covering every highlight exactly once."""
    queue = [(h.start, -h.end, _RANK[h.kind], h.number, True, h) for h in highlights]
    heapq.heapify(queue)
    roots: list[Fragment] = []
    open_fragments: list[Fragment] = []
    while queue:
        start, negative_end, rank, number, first, highlight = heapq.heappop(queue)
        end = -negative_end
        while open_fragments and open_fragments[-1].end <= start:
            open_fragments.pop()
        if open_fragments and open_fragments[-1].end < end:
            cut = open_fragments[-1].end
            heapq.heappush(queue, (cut, negative_end, rank, number, False, highlight))
            end = cut
        fragment = Fragment(highlight, start, end, first)
        (open_fragments[-1].children if open_fragments else roots).append(fragment)
        open_fragments.append(fragment)
    return roots
