"""The llm engine: instructor + openai against any OpenAI-compatible endpoint, grounded and cached."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from extract import dates
from extract.align import align
from extract.candidates import Candidates
from extract.engines import EngineFailure, Records
from extract.engines.llm.chunking import Chunk, chunk, split
from extract.engines.llm.client import Limiter, ModelClient, ModelError, Reply, Truncated, Verdict
from extract.engines.llm.evidence import nearest_talks, without_names_as_titles
from extract.engines.llm.prompt import messages, review_messages, rule_records
from extract.engines.llm.response import AnswerError, ChunkRecords, PersonOut
from extract.engines.llm.settings import LLMSettings
from extract.models import Credit, DateValue, Launch, Person, Span, Talk, Usage
from extract.score import Source, scored
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
            futures = [pool.submit(self._chunk_answers, piece, segmentation, candidates, local) for piece in chunks]
            try:
                for piece, future in zip(chunks, futures, strict=True):
                    replies, verdict = future.result()
                    for part, reply in replies:
                        if isinstance(reply, str):
                            records.failed_chunks.append(f"characters {part.start}-{part.end}: {reply}")
                            continue
                        _add(records, part, reply, segmentation.text, year)
                        usage = usage + reply.usage
                    if local is not None:
                        if isinstance(verdict, str):  # unread, so unrejected: the rules' records stand
                            records.failed_chunks.append(f"review of characters {piece.start}-{piece.end}: {verdict}")
                        elif verdict is not None:
                            usage = usage + verdict.usage
                        _keep_confirmed(records, piece, local, verdict if isinstance(verdict, Verdict) else None)
            except ModelError as error:
                for pending in futures:
                    pending.cancel()
                raise EngineFailure(f"chunk {piece.index + 1} of {len(chunks)}: {error}") from None
        records.usage = usage.model_copy(update={"requests": self.client.requests - requests_before})
        return records

    def _chunk_answers(
        self, piece: Chunk, segmentation: Segmentation, candidates: Candidates, local: Records | None
    ) -> tuple[list[tuple[Chunk, Reply | str]], Verdict | str | None]:
        """The model's records for a chunk and, with --hybrid, its review of the rules' records there
        (None when the rules found nothing in it; the reason when the review could not be read)."""
        replies = self._answers(piece, segmentation, candidates)
        question = review_messages(piece, local) if local is not None else None
        if question is None:
            return replies, None
        try:
            return replies, self.client.review(*question)
        except (AnswerError, Truncated) as error:
            return replies, str(error)

    def _answers(
        self, piece: Chunk, segmentation: Segmentation, candidates: Candidates, depth: int = 0
    ) -> list[tuple[Chunk, Reply | str]]:
        """The replies for a chunk: one, or, when the answer ran past --max-tokens, those for its halves.
        A part no answer could be read for gets the reason instead (a named, counted failure)."""
        try:
            return [(piece, self.client.ask(messages(piece, candidates), piece.text))]
        except AnswerError as error:
            return [(piece, str(error))]
        except Truncated as error:
            halves = split(piece, segmentation) if depth < _MAX_SPLITS else None
            if halves is None:
                return [(piece, str(error))]
            return [pair for half in halves for pair in self._answers(half, segmentation, candidates, depth + 1)]


_MAX_SPLITS = 3  # a chunk is asked about in at most 8 pieces


def _keep_confirmed(records: Records, piece: Chunk, local: Records, verdict: Verdict | None) -> None:
    """The rules' records in this chunk that the model did not reject, numbered as the review lists them.
    The model's own records are already in: one the rules found too is merged with theirs by `resolve`."""
    rejected = set(verdict.rejected) if verdict else set()
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
    """Records of one reply with their quotes aligned to source spans; what does not align, what does
    not score as a record the recap states (`extract.score`) and, of several talks given to one speaker,
    those whose titles stand far from them (`evidence.nearest_talks`) are dropped, each with its reason.
    Checked here, not when the answer is cached, so that cached answers meet today's checks."""
    found = Records()
    _aligned(found, piece, without_names_as_titles(reply.records), text, year)
    scored(found, Source(text, LLMEngine.name))
    talks, far = nearest_talks(found.talks, piece.text)
    records.talks += talks
    records.launches += found.launches
    records.credits += found.credits
    records.dropped += len(reply.dropped) + found.dropped + len(far)
    records.drops += reply.dropped + found.drops
    records.drops += [
        f"talk {(t.title or '')[:40]!r}: one of several talks given to one speaker, its title far from them"
        for t in far
    ]


def _aligned(records: Records, piece: Chunk, answer: ChunkRecords, text: str, year: int | None) -> None:
    """The answer's records, each with the source spans of its quote (and of its name where the quote
    does not hold it); a record whose quote is not in the passage is counted as dropped."""

    def evidence(quote: str, name: str | None) -> list[Span] | None:
        """The quote's span, and the name's when the quote does not hold it (the model often quotes
        the paragraph about a talk, not its title line)."""
        found = align(quote, text, piece.start, piece.end)
        if found is None:
            records.dropped += 1
            records.drops.append(f"quote not in the text: {quote[:60]!r}")
            return None
        spans = [Span(start=found[0], end=found[1], text=text[found[0] : found[1]])]
        named = align(name, text, piece.start, piece.end) if name and name.casefold() not in quote.casefold() else None
        if named is not None:
            spans.append(Span(start=named[0], end=named[1], text=text[named[0] : named[1]]))
        return spans

    for talk in answer.talks:
        spans = evidence(talk.quote, talk.title)
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
        spans = evidence(launch.quote, launch.name)
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
        spans = evidence(credit.quote, credit.person.name if credit.person else None)
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
