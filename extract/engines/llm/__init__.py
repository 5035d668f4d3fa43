"""The llm engine: instructor + openai against any OpenAI-compatible endpoint, grounded and cached."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from extract import dates
from extract.align import align
from extract.candidates import Candidates
from extract.engines import EngineFailure, Records
from extract.engines.llm.chunking import Chunk, chunk, split
from extract.engines.llm.client import Limiter, ModelClient, ModelError, Reply, Truncated
from extract.engines.llm.evidence import plausible
from extract.engines.llm.prompt import messages, rule_records
from extract.engines.llm.response import AnswerError, PersonOut
from extract.engines.llm.settings import LLMSettings
from extract.models import Credit, DateValue, Launch, Person, Span, Talk, Usage
from extract.segment import Segmentation


class LLMEngine:
    name = "llm"
    forkable = False  # its HTTP client's pooled connections must not be shared by forked copies

    def __init__(self, settings: LLMSettings, limiter: Limiter | None = None) -> None:
        """`limiter` bounds the requests in flight (default: `settings.concurrency` in this process)."""
        self.settings = settings
        self.limiter = limiter
        self.model: str | None = settings.model
        self.fingerprint: str | None = settings.fingerprint()
        self._client: ModelClient | None = None

    @property
    def client(self) -> ModelClient:
        if self._client is None:  # built on first use: `--help` and cache-only runs stay light
            self._client = ModelClient(self.settings, self.limiter)
        return self._client

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records:
        chunks = chunk(segmentation, self.settings.max_chunk_tokens)
        local = None
        if self.settings.hybrid:
            from extract.engines.local import LocalEngine

            local = LocalEngine().extract(segmentation, candidates)
        requests_before = self.client.requests
        records, usage = Records(), Usage()
        year = dates.document_year(segmentation.text)
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            futures = [pool.submit(self._answers, piece, segmentation, candidates, local) for piece in chunks]
            try:
                for piece, future in zip(chunks, futures, strict=True):  # noqa: B007 (named in the error)
                    for part, reply in future.result():
                        if isinstance(reply, str):
                            records.failed_chunks.append(f"characters {part.start}-{part.end}: {reply}")
                            if local is not None:  # unread, so unrejected: the rules' records stand
                                _keep_confirmed(records, part, local, None)
                            continue
                        _add(records, part, reply, segmentation.text, year)
                        usage = usage + reply.usage
                        if local is not None:
                            _keep_confirmed(records, part, local, reply)
            except ModelError as error:
                for pending in futures:
                    pending.cancel()
                raise EngineFailure(f"chunk {piece.index + 1} of {len(chunks)}: {error}") from None
        records.usage = usage.model_copy(update={"requests": self.client.requests - requests_before})
        return records

    def _answers(
        self, piece: Chunk, segmentation: Segmentation, candidates: Candidates, local: Records | None, depth: int = 0
    ) -> list[tuple[Chunk, Reply | str]]:
        """The replies for a chunk: one, or, when the answer ran past --max-tokens, those for its halves.
        A part no answer could be read for gets the reason instead (a named, counted failure)."""
        try:
            return [(piece, self.client.ask(messages(piece, candidates, local), piece.text, local is not None))]
        except AnswerError as error:
            return [(piece, str(error))]
        except Truncated as error:
            halves = split(piece, segmentation) if depth < _MAX_SPLITS else None
            if halves is None:
                return [(piece, str(error))]
            return [pair for half in halves for pair in self._answers(half, segmentation, candidates, local, depth + 1)]


_MAX_SPLITS = 3  # a chunk is asked about in at most 8 pieces


def _keep_confirmed(records: Records, piece: Chunk, local: Records, reply: Reply | None) -> None:
    """The rules' records in this chunk that the model did not reject, numbered as the prompt lists them."""
    rejected = set(getattr(reply.records, "rejected", [])) if reply else set()
    for number, (kind, record) in enumerate(rule_records(piece, local), 1):
        if number in rejected:
            records.drops.append(f"rules' {kind} rejected by the model: {_summary(record)}")
        else:
            getattr(records, f"{kind}s" if kind != "launch" else "launches").append(record)


def _summary(record: Talk | Launch | Credit) -> str:
    if isinstance(record, Credit):
        return f"{record.person.name if record.person else record.organization} ({record.role})"
    return str(record.title if isinstance(record, Talk) else record.name)


def _person(person: PersonOut) -> Person:
    latin = person.name if person.name.isascii() else None
    return Person(name=person.name, name_ko=person.name_ko, name_en=latin, affiliation=person.affiliation)


def _add(records: Records, piece: Chunk, reply: Reply, text: str, year: int | None) -> None:
    """Records of one reply with their quotes aligned to source spans; what does not align, or is not
    what its passage says (`evidence.plausible`, checked here so that cached answers meet it too), is
    dropped."""
    answer, implausible = plausible(reply.records, piece.text)
    records.dropped += len(reply.dropped) + len(implausible)
    records.drops += reply.dropped + implausible

    def evidence(quote: str) -> list[Span] | None:
        found = align(quote, text, piece.start, piece.end)
        if found is None:
            records.dropped += 1
            records.drops.append(f"quote not in the text: {quote[:60]!r}")
            return None
        start, end = found
        return [Span(start=start, end=end, text=text[start:end])]

    for talk in answer.talks:
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
    for launch in answer.launches:
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
    for credit in answer.credits:
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
