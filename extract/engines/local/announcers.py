"""Who presents a roundup's launches: a sentence in which people announce what it does not name (`a
keynote by AWS CEO Andy Jassy where he announced a large number of new services`; `Tristan Handy, …,
and Margaret Francis, … discussed …. Additionally, the following new dbt features were announced.`)
gives its people as the presenters of the launches the recap lists after it that name none, and
their organisation to those that name no maker. English recaps; a later such sentence takes over.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.candidates import Candidates
from extract.engines.local.english_prose import common_employer, named_people
from extract.engines.local.phrases import span
from extract.models import Launch, Person, Span
from extract.segment import Segmentation, Sentence

_LAUNCH_VERB = r"(?:announc|launch|unveil|introduc|releas)\w*"
# Things announced in the plural and not by name: `new services`, `the following new dbt features`.
_UNNAMED = (
    r"\b(?:new|several|many|number\s+of|following)\b[^.!?]{0,30}?\b(?:services|features|products|tools|capabilities)\b"
)
_ANNOUNCES_UNNAMED = re.compile(
    rf"\b{_LAUNCH_VERB}\b[^.!?]{{0,40}}?{_UNNAMED}|{_UNNAMED}[^.!?]{{0,20}}?\b(?:were|are|have\s+been)\s+{_LAUNCH_VERB}\b",
    re.I,
)


@dataclass(frozen=True)
class _Announcement:
    start: int
    presenters: list[Person]
    organization: str | None
    evidence: Span


def presented_by_announcers(segmentation: Segmentation, candidates: Candidates, launches: list[Launch]) -> list[Launch]:
    announcements = _announcements(segmentation, candidates)
    if not announcements:
        return launches
    starts = [a.start for a in announcements]
    presented = []
    for launch in launches:
        before = bisect_right(starts, launch.evidence[0].start) - 1
        if launch.presenters or before < 0:
            presented.append(launch)
            continue
        announcement = announcements[before]
        update = {
            "presenters": announcement.presenters,
            "organization": launch.organization or announcement.organization,
            "evidence": [*launch.evidence, announcement.evidence],
        }
        presented.append(launch.model_copy(update=update))
    return presented


def _announcements(segmentation: Segmentation, candidates: Candidates) -> list[_Announcement]:
    """Each sentence announcing unnamed launches, with its people (or, naming none, the people of the
    sentence before it in its paragraph) and their one organisation."""
    if segmentation.language != "en":
        return []
    text, found = segmentation.text, []
    for block in segmentation.blocks:
        for index, sentence in enumerate(block.sentences):
            if not _ANNOUNCES_UNNAMED.search(text, sentence.start, sentence.end):
                continue
            presenters = _people_of(text, candidates, sentence)
            if not presenters and index > 0:
                presenters = _people_of(text, candidates, block.sentences[index - 1])
            if presenters:
                evidence = span(text, sentence.start, sentence.end)
                found.append(_Announcement(sentence.start, presenters, common_employer(presenters), evidence))
    return found


def _people_of(text: str, candidates: Candidates, sentence: Sentence) -> list[Person]:
    return [person for _, _, person in named_people(text, candidates, sentence.start, sentence.end)]
