"""The output contract: every record the pipeline writes is one of these models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["1.2"] = "1.2"

Role = Literal["emcee", "track_host", "moderator", "interviewer", "organizer", "volunteer", "other"]
EntityType = Literal["PERSON", "ORG", "PRODUCT", "TRACK", "DATE"]


class Contract(BaseModel):
    """Base for every published model: unknown keys are errors, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class Span(Contract):
    """A piece of the source: code-point offsets into the NFC-normalised text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _length_matches(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit text {self.text!r}")
        return self


class Person(Contract):
    """A person as the text names them; `name` is the Latin form when the text gives one."""

    name: str
    name_ko: str | None = None
    name_en: str | None = None
    title: str | None = Field(default=None, description="job title such as 회장, CEO, PM")
    affiliation: str | None = None


class DateValue(Contract):
    """A date as written, with its ISO 8601 form where the text allows one."""

    text: str
    iso: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or --MM-DD")


class Talk(Contract):
    id: str
    title: str | None = Field(default=None, description="None when the recap names a talk but not its title")
    title_en: str | None = None
    speakers: list[Person]
    kind: str | None = Field(default=None, description="keynote, talk, workshop, panel, ...")
    track: str | None = None
    summary: str | None = None
    url: str | None = None
    evidence: list[Span] = Field(min_length=1)


class Launch(Contract):
    id: str
    name: str
    name_ko: str | None = None
    organization: str | None = None
    presenters: list[Person]
    date: DateValue | None = None
    description: str | None = None
    evidence: list[Span] = Field(min_length=1)


class Credit(Contract):
    """A person, or an organisation (an organiser, a host institution), credited with a role."""

    id: str
    person: Person | None = None
    role: Role
    role_text: str = Field(description="the role as the text words it")
    track: str | None = None
    organization: str | None = None
    evidence: list[Span] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_someone(self) -> Credit:
        if self.person is None and self.organization is None:
            raise ValueError("a credit names a person or an organization")
        return self


class Entity(Contract):
    id: str
    type: EntityType
    name: str
    aliases: list[str]
    mentions: list[Span] = Field(min_length=1)


class DocumentInfo(Contract):
    id: str = Field(description="unique among a run's documents: the path relative to the folder given, without suffix")
    path: str
    sha256: str = Field(description="of the file's bytes")
    language: str
    chars: int
    format: Literal["text", "html"] = "text"
    text_file: str | None = Field(
        default=None,
        description="an HTML page's main text, which every offset refers to: a file beside this output",
    )


class Usage(Contract):
    """Model traffic for one document (or a whole run)."""

    requests: int = Field(default=0, description="HTTP requests sent, retries included")
    cached: int = Field(default=0, description="chunks answered from the response cache")
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            cached=self.cached + other.cached,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class RunInfo(Contract):
    engine: str
    model: str | None = None
    settings: str | None = Field(default=None, description="fingerprint of the engine settings that shape records")
    version: str
    duration_s: float
    dropped: int = Field(default=0, description="records not written because the text did not support them")
    drops: list[str] = Field(
        default_factory=list, description="why records were not written, one line each (the first 100)"
    )
    failed_chunks: list[str] = Field(
        default_factory=list, description="llm: parts of the text for which no answer could be read"
    )
    usage: Usage | None = None


class Extraction(Contract):
    """One output file: everything extracted from one recap."""

    schema_version: Literal["1.2"] = SCHEMA_VERSION
    document: DocumentInfo
    talks: list[Talk]
    launches: list[Launch]
    credits: list[Credit]
    entities: list[Entity]
    run: RunInfo


PUBLISHED_MODELS: dict[str, type[BaseModel]] = {
    "extraction": Extraction,
    "talk": Talk,
    "launch": Launch,
    "credit": Credit,
    "entity": Entity,
    "person": Person,
    "span": Span,
}
