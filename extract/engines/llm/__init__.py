"""The llm engine: instructor + openai against any OpenAI-compatible endpoint, grounded and cached."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from extract import dates
from extract.align import align
from extract.candidates import Candidates
from extract.engines import EngineFailure, Records
from extract.engines.llm.chunking import Chunk, chunk
from extract.engines.llm.client import ModelClient, ModelError, Reply
from extract.engines.llm.prompt import messages
from extract.engines.llm.response import PersonOut
from extract.engines.llm.settings import LLMSettings
from extract.models import Credit, DateValue, Launch, Person, Span, Talk, Usage
from extract.segment import Segmentation


class LLMEngine:
    name = "llm"
    forkable = False  # its HTTP client's pooled connections must not be shared by forked copies

    def __init__(self, settings: LLMSettings) -> None:
        self.settings = settings
        self.model: str | None = settings.model
        self.fingerprint: str | None = settings.fingerprint()
        self._client: ModelClient | None = None

    @property
    def client(self) -> ModelClient:
        if self._client is None:  # built on first use: `--help` and cache-only runs stay light
            self._client = ModelClient(self.settings)
        return self._client

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records:
        chunks = chunk(segmentation, self.settings.max_chunk_tokens)
        local = None
        if self.settings.hybrid:
            from extract.engines.local import LocalEngine

            local = LocalEngine().extract(segmentation, candidates)
        requests_before = self.client.requests
        replies = self._ask_all(chunks, candidates, local)
        records = Records()
        usage = Usage()
        year = dates.document_year(segmentation.text)
        for piece, reply in zip(chunks, replies, strict=True):
            _add(records, piece, reply, segmentation.text, year)
            usage = usage + reply.usage
        records.usage = usage.model_copy(update={"requests": self.client.requests - requests_before})
        if local is not None:
            # The model completes and corrects the rules' records; resolve merges them, the model's
            # fields first. Silence from the model does not delete records the rules grounded.
            records.talks += local.talks
            records.launches += local.launches
            records.credits += local.credits
        return records

    def _ask_all(self, chunks: list[Chunk], candidates: Candidates, local: Records | None) -> list[Reply]:
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            futures = [pool.submit(self.client.ask, messages(c, candidates, local), c.text) for c in chunks]
            replies = []
            for piece, future in zip(chunks, futures, strict=True):
                try:
                    replies.append(future.result())
                except ModelError as error:
                    for pending in futures:
                        pending.cancel()
                    raise EngineFailure(f"chunk {piece.index + 1} of {len(chunks)}: {error}") from None
        return replies


def _person(person: PersonOut) -> Person:
    latin = person.name if person.name.isascii() else None
    return Person(name=person.name, name_ko=person.name_ko, name_en=latin, affiliation=person.affiliation)


def _add(records: Records, piece: Chunk, reply: Reply, text: str, year: int | None) -> None:
    """Records of one reply with their quotes aligned to source spans; what does not align is dropped."""

    def evidence(quote: str) -> list[Span] | None:
        found = align(quote, text, piece.start, piece.end)
        if found is None:
            records.dropped += 1
            return None
        start, end = found
        return [Span(start=start, end=end, text=text[start:end])]

    for talk in reply.records.talks:
        spans = evidence(talk.quote)
        if spans:
            records.talks.append(
                Talk(
                    id="",
                    title=talk.title,
                    speakers=[_person(p) for p in talk.speakers],
                    kind=talk.kind,
                    evidence=spans,
                )
            )
    for launch in reply.records.launches:
        spans = evidence(launch.quote)
        if spans:
            date = None
            if launch.date and align(launch.date, text, piece.start, piece.end):
                date = DateValue(text=launch.date, iso=dates.to_iso(launch.date, year))
            records.launches.append(
                Launch(
                    id="",
                    name=launch.name,
                    organization=launch.organization,
                    presenters=[_person(p) for p in launch.presenters],
                    date=date,
                    description=spans[0].text,
                    evidence=spans,
                )
            )
    for credit in reply.records.credits:
        spans = evidence(credit.quote)
        if spans:
            records.credits.append(
                Credit(
                    id="",
                    person=_person(credit.person) if credit.person else None,
                    role=credit.role,
                    role_text=credit.role_text,
                    track=credit.track,
                    organization=credit.organization,
                    evidence=spans,
                )
            )
