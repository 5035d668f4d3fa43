"""One chunk, one question to an OpenAI-compatible endpoint through instructor.

Validation errors go back to the model as retries (instructor's re-ask). When the retries run out,
the last answer is kept without the grounding checks and the ground stage drops what it cannot
support. Transport errors (429, 5xx, timeouts) are retried by the openai client with backoff that
honours `Retry-After`; when they persist the chunk fails with one line.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from extract.engines.llm.cache import ResponseCache, cache_key
from extract.engines.llm.response import ChunkRecords
from extract.engines.llm.settings import LLMSettings
from extract.models import Usage


class ModelError(Exception):
    """A request that failed for good; the message is one line."""


@dataclass(frozen=True)
class Reply:
    records: ChunkRecords
    usage: Usage
    rejected: bool  # the retries ran out: the records were not checked against the chunk


class ModelClient:
    def __init__(self, settings: LLMSettings) -> None:
        import instructor
        from openai import DefaultHttpxClient, OpenAI

        self.settings = settings
        self._requests = 0
        self._lock = threading.Lock()
        # The SDK's own client class, whatever httpx flavour it is built on, with a request counter.
        http = DefaultHttpxClient(event_hooks={"request": [self._count]}, timeout=settings.timeout)
        raw = OpenAI(
            api_key=settings.api_key or "not-needed",  # local servers ignore it; the SDK requires one
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=settings.http_retries,
            http_client=http,
        )
        modes = {
            "tools": instructor.Mode.TOOLS,
            "json": instructor.Mode.JSON,
            "json_schema": instructor.Mode.JSON_SCHEMA,
            "md_json": instructor.Mode.MD_JSON,
        }
        self._client = instructor.from_openai(raw, mode=modes[settings.mode])
        self._cache = ResponseCache(settings.cache_dir, enabled=settings.use_cache)

    def _count(self, request: object) -> None:
        with self._lock:
            self._requests += 1

    @property
    def requests(self) -> int:
        return self._requests

    def ask(self, messages: list[dict[str, str]], chunk: str) -> Reply:
        key = cache_key(
            model=self.settings.model,
            mode=self.settings.mode,
            retries=self.settings.max_retries,
            messages=messages,
            schema=ChunkRecords.model_json_schema(),
        )
        cached = self._cache.get(key)
        if cached is not None:
            return Reply(ChunkRecords.model_validate(cached["records"]), Usage(cached=1), cached["rejected"])
        reply = self._ask(messages, chunk)
        self._cache.put(key, {"records": reply.records.model_dump(mode="json"), "rejected": reply.rejected})
        return reply

    def _ask(self, messages: list[dict[str, str]], chunk: str) -> Reply:
        import openai
        from instructor.core.exceptions import InstructorRetryException

        try:
            records, completion = self._client.create_with_completion(
                model=self.settings.model,
                messages=messages,  # type: ignore[arg-type]
                response_model=ChunkRecords,
                max_retries=self.settings.max_retries,  # re-asks after a rejected answer
                context={"chunk": chunk},
                temperature=0,
            )
            return Reply(records, _usage(getattr(completion, "usage", None)), rejected=False)
        except InstructorRetryException as error:
            # instructor also wraps transport errors; those fail the chunk, rejected answers do not.
            if isinstance(error.__cause__, openai.APIError):
                raise self._model_error(error.__cause__) from None
            return Reply(_parse_unchecked(error.last_completion), _usage(error.total_usage), rejected=True)
        except openai.APIError as error:
            raise self._model_error(error) from None

    def _model_error(self, error: Exception) -> ModelError:
        import openai

        where = self.settings.base_url or "the API"
        if isinstance(error, openai.APIStatusError):
            return ModelError(f"HTTP {error.status_code} from {where}: {_short(error)}")
        if isinstance(error, openai.APITimeoutError):
            return ModelError(f"no answer within {self.settings.timeout:g}s (--timeout)")
        return ModelError(f"cannot reach {where}: {_short(error)}")


def _usage(usage: Any) -> Usage:
    if usage is None:
        return Usage()
    return Usage(
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
    )


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def _parse_unchecked(completion: Any) -> ChunkRecords:
    """The last answer, parsed without grounding checks; unparseable answers count as empty."""
    try:
        message = completion.choices[0].message
        calls = getattr(message, "tool_calls", None) or []
        payload = calls[0].function.arguments if calls else (message.content or "")
        match = re.search(r"\{.*\}", payload, re.S)
        found = json.loads(match.group()) if match else {}
        return ChunkRecords.model_validate({"talks": [], "launches": [], "credits": [], **found})
    except (AttributeError, IndexError, TypeError, ValueError, ValidationError):
        return ChunkRecords(talks=[], launches=[], credits=[])
