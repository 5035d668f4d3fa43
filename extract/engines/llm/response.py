"""What the model must return for one chunk, and the validators that keep it grounded.

With a validation context (`{"chunk": text}`), every quote must be found in the chunk and every name
must be made of words the chunk contains; the errors go back to the model as a retry. Without a
context (parsing the last answer after the retries ran out) the checks are skipped and the ground
stage drops what is unsupported.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from extract.align import Support, align
from extract.models import Role


class PersonOut(BaseModel):
    name: str = Field(description="the name as the recap writes it; the Latin form when it gives one")
    name_ko: str | None = Field(default=None, description="the Hangul form, when the recap gives one")
    affiliation: str | None = None


class TalkOut(BaseModel):
    title: str
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

    @model_validator(mode="after")
    def _grounded_in_chunk(self, info: ValidationInfo) -> ChunkRecords:
        chunk = (info.context or {}).get("chunk")
        if chunk is None:
            return self
        problems = [problem for record in self._records() for problem in _problems(record, chunk)]
        if problems:
            raise ValueError("not supported by the recap passage: " + "; ".join(problems[:12]))
        return self

    def _records(self) -> list[TalkOut | LaunchOut | CreditOut]:
        return [*self.talks, *self.launches, *self.credits]


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
