"""Engines turn a segmented, candidate-tagged document into records; all honour one contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from extract.candidates import Candidates
from extract.models import Credit, Launch, Talk, Usage
from extract.segment import Segmentation

ENGINES = ("local", "llm")


@dataclass
class Records:
    """Records as an engine emits them: ids unassigned, duplicates possible (resolve fixes both)."""

    talks: list[Talk] = field(default_factory=list)
    launches: list[Launch] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    dropped: int = 0  # proposed by the engine but not alignable to the source
    drops: list[str] = field(default_factory=list)  # why, one line each, where the engine says
    failed_chunks: list[str] = field(default_factory=list)  # parts of the text no answer could be read for
    usage: Usage | None = None


class Engine(Protocol):
    name: str
    model: str | None
    fingerprint: str | None
    # Safe to fork with its state loaded (no threads, sockets or other handles a copy would share).
    forkable: bool

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records: ...


class EngineUnavailable(Exception):
    """The chosen engine cannot run with these settings; the message is one line for the user."""


class EngineFailure(Exception):
    """The engine failed on one document (a model request that kept failing); one line."""


def get_engine(name: str, llm_flags: Mapping[str, Any] | None = None) -> Engine:
    if name == "local":
        from extract.engines.local import LocalEngine

        return LocalEngine()
    if name == "llm":
        from extract.engines.llm import LLMEngine
        from extract.engines.llm.settings import SettingsError, load_settings

        try:
            return LLMEngine(load_settings(llm_flags or {}))
        except SettingsError as error:
            raise EngineUnavailable(str(error)) from None
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
