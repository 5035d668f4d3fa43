"""Engines turn a segmented, candidate-tagged document into records; all honour one contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from extract.candidates import Candidates
from extract.models import Credit, Launch, Talk
from extract.segment import Segmentation

ENGINES = ("local", "llm")


@dataclass
class Records:
    """Records as an engine emits them: ids unassigned, duplicates possible (resolve fixes both)."""

    talks: list[Talk] = field(default_factory=list)
    launches: list[Launch] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)


class Engine(Protocol):
    name: str
    model: str | None

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records: ...


class EngineUnavailable(Exception):
    """The chosen engine cannot run here; the message is one line for the user."""


def get_engine(name: str) -> Engine:
    if name == "local":
        from extract.engines.local import LocalEngine

        return LocalEngine()
    if name == "llm":
        raise EngineUnavailable("the llm engine is not available in this version yet; use --engine local")
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
