"""What the model must return for one chunk, and how an answer is read: record by record.

The schema (sent for constrained decoding) is strict; reading is not all or nothing. Each record is
validated on its own: one with a wrong field is dropped with its reason and the others are kept. A
kept record must be grounded: its quote found in the chunk (after the wrapper tags, quote marks and
spacing models add are taken off) and every name made of words the chunk contains; the problems go
back to the model in a retry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model, model_validator

from extract.align import Support, align
from extract.models import Role


class PersonOut(BaseModel):
    name: str = Field(description="the name as the recap writes it; the Latin form when it gives one")
    name_ko: str | None = Field(default=None, description="the Hangul form, when the recap gives one")
    affiliation: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_a_plain_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value  # `"speakers": ["김민수"]`


class TalkOut(BaseModel):
    title: str | None = Field(description="the talk's title as written; null when the recap gives none")
    speakers: list[PersonOut]
    kind: str | None = Field(default=None, description="keynote, talk, workshop, panel, ...")
    quote: str = Field(description="a passage copied verbatim from the recap that names this talk")


class LaunchOut(BaseModel):
    name: str = Field(description="the product, feature or model that was announced")
    organization: str | None = None
    presenters: list[PersonOut] = Field(default_factory=list)
    date: str | None = Field(default=None, description="the date as the recap writes it")
    quote: str = Field(description="a passage copied verbatim from the recap that announces it")


class CreditOut(BaseModel):
    person: PersonOut | None = Field(description="None when an organisation is credited (an organiser)")
    role: Role
    role_text: str = Field(description="the recap's own words for the role")
    track: str | None = None
    organization: str | None = None
    quote: str = Field(description="a passage copied verbatim from the recap that names the person and role")


class ChunkRecords(BaseModel):
    """Talks, launches and credits stated in one passage of a recap."""

    # Required, so that a schema-constrained decoder cannot answer `{}` without considering each kind.
    talks: list[TalkOut]
    launches: list[LaunchOut]
    credits: list[CreditOut]

    def records(self) -> list[TalkOut | LaunchOut | CreditOut]:
        return [*self.talks, *self.launches, *self.credits]


_VERDICT = Literal["supported", "unsupported"]


@lru_cache(maxsize=64)
def review_model(listed: int) -> type[BaseModel]:
    """With --hybrid, the second question about a chunk: one verdict per rule record listed, in order.
    A decoder held to this schema can neither skip a record nor go on past the last; asked instead
    for the numbers it rejects, the 1.5B model listed 1, 2, 3, … until --max-tokens."""
    verdicts = Annotated[
        list[_VERDICT],
        Field(min_length=listed, max_length=listed, description="one per numbered record, in order"),
    ]
    return create_model("Review", verdicts=(verdicts, ...), __doc__="The passage's verdict on each rule record.")


class AnswerError(Exception):
    """An answer with no JSON object in it; the message is one line."""


@dataclass
class Answer:
    """One answer read record by record: the grounded records kept, the problems of the others."""

    records: ChunkRecords
    problems: list[str] = field(default_factory=list)  # one per record dropped, with its reason

    @property
    def kept(self) -> int:
        return len(self.records.records())


_KINDS: tuple[tuple[str, type[BaseModel]], ...] = (("talks", TalkOut), ("launches", LaunchOut), ("credits", CreditOut))


def read_answer(payload: str, chunk: str) -> Answer:
    """The records of an answer that are valid and grounded in `chunk`; AnswerError when it holds no JSON."""
    data = _json_object(payload)
    kept: dict[str, list[Any]] = {kind: [] for kind, _ in _KINDS}
    problems: list[str] = []
    for kind, model in _KINDS:
        items = data.get(kind, [])
        for item in items if isinstance(items, list) else []:
            try:
                record = model.model_validate(item)
            except ValidationError as error:
                problems.append(f"{kind[:-1]} {_label(item)}: {_first_error(error)}")
                continue
            record = record.model_copy(update={"quote": clean_quote(record.quote)})  # type: ignore[attr-defined]
            grounding = _problems(record, chunk)  # type: ignore[arg-type]
            if grounding:
                problems.append(f"{kind[:-1]} {_label(item)}: {'; '.join(grounding)}")
            else:
                kept[kind].append(record)
        if not isinstance(items, list):
            problems.append(f"{kind} is not a list")
    return Answer(ChunkRecords(**kept), problems)


def read_review(payload: str, listed: int) -> list[int]:
    """The numbers (from 1) of the records a review calls unsupported, among the first `listed`
    verdicts; AnswerError when it holds no JSON."""
    verdicts = _json_object(payload).get("verdicts", [])
    if not isinstance(verdicts, list):
        return []
    return [number for number, verdict in enumerate(verdicts[:listed], 1) if verdict == "unsupported"]


_OBJECT = re.compile(r"\{.*\}", re.S)


def _json_object(payload: str) -> dict[str, Any]:
    match = _OBJECT.search(payload)
    try:
        data = json.loads(match.group()) if match else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise AnswerError("the answer holds no JSON object")
    return data


def _label(item: Any) -> str:
    """A record in a few words for a drop reason: its title or name, its person's name, or its quote."""
    if isinstance(item, dict):
        person = item.get("person")
        for value in (item.get("title"), item.get("name"), person.get("name") if isinstance(person, dict) else person):
            if isinstance(value, str):
                return repr(value[:40])
        if isinstance(item.get("quote"), str):
            return repr(item["quote"][:40])
    return repr(str(item)[:40])


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    return f"{where}: {first['msg']}"


_WRAPPERS = re.compile(r"</?\s*recap\s*>", re.I)
_QUOTE_MARKS = "\"'“”‘’「」『』«»`"


def clean_quote(quote: str) -> str:
    """A quote without what models wrap it in: the prompt's `<recap>` tags, quote marks, spacing."""
    quote = " ".join(_WRAPPERS.sub(" ", quote).split())
    while len(quote) > 2 and quote[0] in _QUOTE_MARKS and quote[-1] in _QUOTE_MARKS:
        quote = quote[1:-1].strip()
    return quote


def _problems(record: TalkOut | LaunchOut | CreditOut, chunk: str) -> list[str]:
    problems = []
    if align(record.quote, chunk) is None:
        problems.append(f"quote {record.quote[:60]!r} is not in the passage")
    supported = Support(chunk)
    for value in _names(record):
        if not supported(value):
            problems.append(f"{value!r} is not in the passage")
    return problems


def _names(record: TalkOut | LaunchOut | CreditOut) -> list[str]:
    values: list[str | None]
    if isinstance(record, TalkOut):
        people, values = record.speakers, [record.title]
    elif isinstance(record, LaunchOut):
        people, values = record.presenters, [record.name, record.organization]
    else:
        people, values = [record.person] if record.person else [], [record.track, record.organization]
    values += [v for p in people for v in (p.name, p.name_ko, p.affiliation)]
    return [v for v in values if v]
