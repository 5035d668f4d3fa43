"""One chunk, one question to an OpenAI-compatible endpoint, asked again until the answer is grounded.

instructor shapes the request for the mode (a forced tool call, `json_schema`, or the schema in the
prompt); `json` mode sends the schema as llama.cpp's `json_object` + `schema`, which constrains
decoding. The answer is read record by record (`response.read_answer`): a bad record is dropped with
its reason, the others kept. While problems remain and retries are left, the model is shown its answer
and the problems and asked again, each time at a higher temperature (an identical re-ask at
temperature 0 returns the identical answer); the best answer is kept. Every request carries
`max_tokens`; an answer cut there raises `Truncated`, so that the engine can ask about smaller pieces.
With --hybrid a second, short question (`review`) gets the numbers of the rules' records a chunk does
not support.
Transport errors (429, 5xx, timeouts) are retried by the openai client with backoff that honours
`Retry-After`; when they persist the chunk fails with one line.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from extract.engines.llm.cache import ResponseCache, cache_key
from extract.engines.llm.response import AnswerError, ChunkRecords, read_answer, read_review, review_model
from extract.engines.llm.settings import LLMSettings
from extract.models import Usage

# One temperature per attempt: the first answer is the model's most likely one, a retry must differ.
TEMPERATURES = (0.0, 0.4, 0.7)
_ANSWER_SHOWN = 4000  # characters of a failed answer shown back to the model in a retry


class ModelError(Exception):
    """A request that failed for good; the message is one line."""


class Truncated(Exception):
    """The answer reached max_tokens: the chunk must be asked about in smaller pieces."""


@dataclass(frozen=True)
class Reply:
    records: ChunkRecords
    usage: Usage
    dropped: list[str]  # why each record of the kept answer was not taken


@dataclass(frozen=True)
class Verdict:
    rejected: list[int]  # numbers of the rules' records, as the review listed them
    usage: Usage


# Held around each request to the endpoint (cached answers take none): by default a semaphore of this
# process's; on a Ray cluster one shared by every worker, so that `concurrency` bounds the cluster.
Limiter = AbstractContextManager[object]


class ModelClient:
    def __init__(self, settings: LLMSettings, limiter: Limiter | None = None) -> None:
        import instructor
        from openai import DefaultHttpxClient, OpenAI

        self.settings = settings
        self._limiter = limiter or threading.BoundedSemaphore(settings.concurrency)
        self._requests = 0
        self._lock = threading.Lock()
        # The SDK's own client class, whatever httpx flavour it is built on, with a request counter.
        http = DefaultHttpxClient(event_hooks={"request": [self._count]}, timeout=settings.timeout)
        self._openai = OpenAI(
            api_key=settings.api_key or "not-needed",  # local servers ignore it; the SDK requires one
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=settings.http_retries,
            http_client=http,
        )
        self._mode = {
            "tools": instructor.Mode.TOOLS,
            "json": instructor.Mode.JSON_SCHEMA,  # request shaped below as llama.cpp's json_object + schema
            "json_schema": instructor.Mode.JSON_SCHEMA,
            "md_json": instructor.Mode.MD_JSON,
        }[settings.mode]
        self._cache = ResponseCache(settings.cache_dir, enabled=settings.use_cache)

    def _count(self, request: object) -> None:
        with self._lock:
            self._requests += 1

    @property
    def requests(self) -> int:
        return self._requests

    def _key(self, messages: list[dict[str, str]], model: type[BaseModel]) -> str:
        return cache_key(
            model=self.settings.model,
            mode=self.settings.mode,
            retries=self.settings.max_retries,
            max_tokens=self.settings.max_tokens,
            messages=messages,
            schema=model.model_json_schema(),
        )

    def ask(self, messages: list[dict[str, str]], chunk: str) -> Reply:
        """The model's records for a chunk; Truncated or AnswerError when its answer was cut at
        `max_tokens` or held no JSON. Those outcomes are cached as answers are: asked again, the same
        prompt gets the same answer, and a truncation costs the whole `max_tokens` each time."""
        key = self._key(messages, ChunkRecords)
        cached = self._cache.get(key)
        if cached is not None:
            if "truncated" in cached:
                raise Truncated(cached["truncated"])
            if "unreadable" in cached:
                raise AnswerError(cached["unreadable"])
            return Reply(ChunkRecords.model_validate(cached["records"]), Usage(cached=1), cached["dropped"])
        try:
            reply = self._ask(messages, chunk)
        except Truncated as error:
            self._cache.put(key, {"truncated": str(error)})
            raise
        except AnswerError as error:
            self._cache.put(key, {"unreadable": str(error)})
            raise
        self._cache.put(key, {"records": reply.records.model_dump(mode="json"), "dropped": reply.dropped})
        return reply

    def review(self, messages: list[dict[str, str]], listed: int) -> Verdict:
        """The numbers of the `listed` rule records the model calls unsupported (asked once: verdicts
        cannot be ungrounded); AnswerError when the answer holds no JSON."""
        schema = review_model(listed)
        key = self._key(messages, schema)
        cached = self._cache.get(key)
        if cached is not None:
            return Verdict(cached["rejected"], Usage(cached=1))
        payload, usage = self._complete(messages, schema, TEMPERATURES[0])
        verdict = Verdict(read_review(payload, listed), usage)
        self._cache.put(key, {"rejected": verdict.rejected})
        return verdict

    def _ask(self, messages: list[dict[str, str]], chunk: str) -> Reply:
        conversation, usage = messages, Usage()
        best, unreadable = None, ""
        for attempt in range(self.settings.max_retries + 1):
            payload, spent = self._complete(
                conversation, ChunkRecords, TEMPERATURES[min(attempt, len(TEMPERATURES) - 1)]
            )
            usage = usage + spent
            try:
                answer = read_answer(payload, chunk)
            except AnswerError as error:
                unreadable, problems = str(error), [str(error)]
            else:
                if best is None or (answer.kept, -len(answer.problems)) > (best.kept, -len(best.problems)):
                    best = answer
                problems = answer.problems
            if not problems:
                break
            conversation = [*messages, *_feedback(payload, problems)]
        if best is None:
            raise AnswerError(f"{unreadable} after {self.settings.max_retries + 1} attempts")
        return Reply(best.records, usage, best.problems)

    def _complete(
        self, messages: list[dict[str, str]], model: type[BaseModel], temperature: float
    ) -> tuple[str, Usage]:
        import openai

        request = self._request(messages, model)
        try:
            with self._limiter:
                completion = self._openai.chat.completions.create(
                    model=self.settings.model, temperature=temperature, max_tokens=self.settings.max_tokens, **request
                )
        except openai.APIError as error:
            raise self._model_error(error) from None
        choice = completion.choices[0]
        if choice.finish_reason == "length":
            raise Truncated(f"the answer reached --max-tokens {self.settings.max_tokens}")
        calls = choice.message.tool_calls or []
        payload = calls[0].function.arguments if calls else (choice.message.content or "")
        return payload, _usage(completion.usage)

    def _request(self, messages: list[dict[str, str]], model: type[BaseModel]) -> dict[str, Any]:
        """The request's messages and schema as the mode sends them."""
        from instructor.processing.response import handle_response_model

        _, request = handle_response_model(model, mode=self._mode, messages=messages)
        if self.settings.mode == "json":  # llama.cpp constrains decoding to a schema given this way
            request["response_format"] = {"type": "json_object", "schema": model.model_json_schema()}
        return dict(request)

    def _model_error(self, error: Exception) -> ModelError:
        import openai

        where = self.settings.base_url or "the API"
        if isinstance(error, openai.APIStatusError):
            return ModelError(f"HTTP {error.status_code} from {where}: {_short(error)}")
        if isinstance(error, openai.APITimeoutError):
            return ModelError(f"no answer within {self.settings.timeout:g}s (--timeout)")
        return ModelError(f"cannot reach {where}: {_short(error)}")


def _feedback(payload: str, problems: list[str]) -> list[dict[str, str]]:
    """The failed answer and what was wrong with it, for the next attempt."""
    listed = "\n".join(f"- {problem}" for problem in problems[:12])
    return [
        {"role": "assistant", "content": payload[:_ANSWER_SHOWN]},
        {
            "role": "user",
            "content": "These records could not be used:\n"
            f"{listed}\n"
            "Answer again with the whole JSON object: copy every quote exactly from the passage, use only "
            "names it contains, and give every required field.",
        },
    ]


def _usage(usage: Any) -> Usage:
    if usage is None:
        return Usage()
    return Usage(
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
    )


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:200]
