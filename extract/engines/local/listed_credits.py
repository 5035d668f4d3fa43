"""Credits stated once for a list of names on the lines that follow: a role lead-in (`운영진은 다음과
같습니다.`, `Organizers:`, a heading `운영진`) and then lines that hold only a person each
(`김진석`, `- Jane Doe`, `박조은 (카카오)`). The role holds for every name until a line that is not one.
A role as a line's field label (`- 사회: 김민지 (카카오)`, `Moderator: Tom Reyes`) credits the people
its value lists, an organiser's (`- 주최: 이상한모임`, `Organizers: Acme, Globex`) the organisations too.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.engines.local.phrases import clean, span
from extract.marks import DASH
from extract.models import Credit, Person
from extract.people import is_korean_name
from extract.segment import Block, Segmentation

# A lead-in that announces a list: ends in a colon, says "as follows", or is the role word alone.
_INTRODUCES = re.compile(r":\s*$|다음과\s*같|아래와\s*같|as follows|the following", re.I)
# One person on a line, with an optional organisation in brackets or after a separator.
_NAME_LINE = re.compile(rf"(?P<name>[^()|,·/]+?)(?:\s*(?:\((?P<paren>[^()]+)\)|(?:\s[|·/,]|{DASH})\s*(?P<org>.+)))?")
_HONORIFIC = re.compile(r"\s*님$")


def extract_listed_credits(segmentation: Segmentation) -> list[Credit]:
    return _credits_under_lead_ins(segmentation) + _role_fields(segmentation)


# `주최: 이상한모임`: a role label, a colon, then the value on the same line.
_FIELD = re.compile(r"\s*(?P<label>[^:\n]{1,20}?)\s*:\s*(?P<value>\S.{0,80})$")
_VALUE_SEPARATOR = re.compile(r"\s*(?:,|&|·|/|\band\b|와|과)\s*")
_SENTENCE_END = re.compile(r"[다요]\.?$|[.!?]$")


def _role_fields(segmentation: Segmentation) -> list[Credit]:
    """Who a role field names (`- 사회: 김민지 (카카오)`, `Moderator: Tom Reyes`): the label says its value
    holds people, so each part shaped as a name is credited; an organiser field's other parts are
    organisations. A value that is a sentence is left to the readers of prose."""
    text, credits = segmentation.text, []
    for block in segmentation.blocks:
        field = _FIELD.match(text, block.content_start, block.end)
        role = lexicon.roles_by_label().get(field.group("label").casefold()) if field else None
        if field is None or role is None or _SENTENCE_END.search(field.group("value")):
            continue
        label = span(text, field.start("label"), field.end("label"))
        position = field.start("value")
        for part in [*_VALUE_SEPARATOR.split(text[position : field.end("value")]), ""][:-1]:
            start = text.index(part, position)
            position = start + len(part)
            evidence = [span(text, start, start + len(part)), label]
            name = clean(part)
            found = _person_of(name)
            # An organiser may be a group with any name (`이상한모임`): there a person needs a sure name.
            if found is not None and (found[1] or role != "organizer"):
                credit = Credit(id="", person=found[0], role=role, role_text=label.text, evidence=evidence)
            elif role == "organizer" and name and len(name.split()) <= 4:
                credit = Credit(id="", organization=name, role=role, role_text=label.text, evidence=evidence)
            else:
                continue
            credits.append(credit)
    return credits


def _credits_under_lead_ins(segmentation: Segmentation) -> list[Credit]:
    text, blocks = segmentation.text, segmentation.blocks

    def cue_in(block: Block) -> str | None:
        """The longest role wording in the line (casefolded), if any."""
        line = text[block.content_start : block.end].casefold()
        if not lexicon.any_role_word().search(line):
            return None
        return next((wording for _, wording in lexicon.folded_role_words() if wording in line), None)

    credits: list[Credit] = []
    listed: set[int] = set()  # blocks already read as a lead-in or a name under one
    for lead in blocks:
        cue = cue_in(lead)
        line = clean(text[lead.content_start : lead.end])
        if lead.index in listed or cue is None or not (_INTRODUCES.search(line) or line.casefold() == cue):
            continue
        at = text.casefold().find(cue, lead.content_start, lead.end)
        following = list(blocks[lead.index + 1 :])
        if following and _INTRODUCES.search(clean(text[following[0].start : following[0].end])):
            listed.add(following.pop(0).index)  # `운영진` heading, then `… 운영진은 다음과 같습니다.`
        run: list[tuple[Block, Person, bool]] = []
        for block in following:
            found = None if block.kind == "heading" or cue_in(block) else _person_line(text, block)
            if found is None:
                break
            run.append((block, *found))
        if 2 * sum(sure for _, _, sure in run) < len(run) or not run:
            continue  # a list under a role is mostly names a reader would know as names
        for block, person, _ in run:
            listed.add(block.index)
            evidence = [span(text, block.content_start, block.end), span(text, at, at + len(cue))]
            role = lexicon.roles_by_wording()[cue]
            credits.append(
                Credit(id="", person=person, role=role, role_text=text[at : at + len(cue)], evidence=evidence)
            )
    return credits


_HANGUL_WORD = re.compile(r"[가-힣]{2,5}")


def _person_line(text: str, block: Block) -> tuple[Person, bool] | None:
    """The person a line names when it names nothing else, and whether the name is sure: a Korean name
    (surname and one or two syllables: sure; any other single Hangul word of two to five syllables
    that is no organisation: `유저스틴`, not sure), or a Latin name of two or three capitalised words
    (sure when its given name is known), with an optional organisation."""
    return _person_of(clean(text[block.content_start : block.end]))


def _person_of(value: str) -> tuple[Person, bool] | None:
    """`_person_line` over a line's or a field's text."""
    match = _NAME_LINE.fullmatch(value)
    if match is None:
        return None
    name = _HONORIFIC.sub("", match.group("name").strip())
    organization = match.group("paren") or match.group("org")
    if _HANGUL_WORD.fullmatch(name) and not lexicon.organization_name(name):
        return Person(name=name, name_ko=name, affiliation=organization), is_korean_name(name)
    if 2 <= len(name.split()) <= 3 and lexicon.could_be_person_name(name):
        return Person(name=name, name_en=name, affiliation=organization), lexicon.is_person_name(name)
    return None
