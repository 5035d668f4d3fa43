"""Evaluate outputs against hand-checked golden records: precision, recall and F1 per type and field."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from extract.models import Extraction, Person
from extract.resolve import key

RECORD_TYPES = ("talks", "launches", "credits")
# Fields compared on matched records; lists of people are compared as sets of names.
FIELDS: dict[str, tuple[str, ...]] = {
    "talks": ("speakers", "kind", "track", "url"),
    "launches": ("organization", "presenters", "date"),
    "credits": ("track", "organization"),
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    records: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in RECORD_TYPES})
    fields: dict[str, Score] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, other: Report) -> None:
        for name, score in other.records.items():
            self.records[name].add(score)
        for name, score in other.fields.items():
            self.fields.setdefault(name, Score()).add(score)
        self.missing += other.missing
        self.extra += other.extra

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.records.values()) / len(self.records)


def _names(person: Person | dict[str, Any] | str) -> set[str]:
    if isinstance(person, str):
        return {key(person)}
    values = person.model_dump() if isinstance(person, Person) else person
    return {key(values[k]) for k in ("name", "name_ko", "name_en") if values.get(k)}


def _same_text(a: str, b: str) -> bool:
    a, b = key(a), key(b)
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)) or SequenceMatcher(None, a, b).ratio() >= 0.85


def _talk_matches(predicted: dict[str, Any], golden: dict[str, Any]) -> bool:
    """Same title; or, for a talk the recap leaves untitled, a shared speaker."""
    if golden.get("title") and predicted.get("title"):
        return _same_text(predicted["title"], golden["title"])
    if golden.get("title") or predicted.get("title"):
        return False
    speakers = [_names(p) for p in predicted["speakers"]]
    return any(names & wanted for names in speakers for wanted in map(_names, golden["speakers"]))


def _launch_matches(predicted: dict[str, Any], golden: dict[str, Any]) -> bool:
    forms = [golden["name"], *golden.get("aliases", [])]
    names = [predicted["name"], predicted.get("name_ko") or ""]
    return any(_same_text(n, f) for n in names if n for f in forms)


def _credit_matches(predicted: dict[str, Any], golden: dict[str, Any]) -> bool:
    if predicted["role"] != golden["role"]:
        return False
    if golden.get("person") and predicted.get("person"):
        return bool(_names(predicted["person"]) & _names(golden["person"]))
    if golden.get("person") or predicted.get("person"):
        return False
    return _same_text(predicted.get("organization") or "", golden.get("organization") or "")


MATCHERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "talks": _talk_matches,
    "launches": _launch_matches,
    "credits": _credit_matches,
}


def label(record_type: str, record: dict[str, Any]) -> str:
    """A record in a few words: a talk's title, a launch's name, a credit's person and role."""
    if record_type == "credits":
        person = record.get("person")
        who = person if isinstance(person, str) else (person or {}).get("name") or record.get("organization")
        return f"{who} ({record['role']})"
    if record_type == "talks" and not record.get("title"):
        speakers = [p if isinstance(p, str) else p["name"] for p in record["speakers"]]
        return f"(untitled) {', '.join(speakers)}"
    return str(record.get("title") or record.get("name"))


@dataclass
class Matching:
    """Golden records paired with predicted ones (by index), and what is left on either side."""

    pairs: list[tuple[int, int]]
    extra: list[int]
    missing: list[int]


def match(record_type: str, predicted: list[dict[str, Any]], golden: list[dict[str, Any]]) -> Matching:
    """Greedy, in golden order: each golden record takes the first unmatched predicted record it matches."""
    unmatched = list(range(len(predicted)))
    pairs: list[tuple[int, int]] = []
    missing: list[int] = []
    for g, expected in enumerate(golden):
        hit = next((i for i in unmatched if MATCHERS[record_type](predicted[i], expected)), None)
        if hit is None:
            missing.append(g)
        else:
            unmatched.remove(hit)
            pairs.append((hit, g))
    return Matching(pairs, unmatched, missing)


def compare(output: Extraction, golden: dict[str, Any]) -> Report:
    report = Report()
    predicted_all = output.model_dump(mode="json")
    for record_type in RECORD_TYPES:
        predicted, expected = predicted_all[record_type], golden.get(record_type, [])
        matching = match(record_type, predicted, expected)
        report.records[record_type] = Score(len(matching.pairs), len(matching.extra), len(matching.missing))
        for p, g in matching.pairs:
            for name in FIELDS[record_type]:
                if name in expected[g]:
                    report.fields.setdefault(f"{record_type}.{name}", Score()).add(
                        _field_score(predicted[p].get(name), expected[g][name])
                    )
        document = golden["document"]
        report.missing += [f"{document}: {record_type}: {label(record_type, expected[g])}" for g in matching.missing]
        report.extra += [f"{document}: {record_type}: {label(record_type, predicted[p])}" for p in matching.extra]
    return report


def _field_score(predicted: Any, expected: Any) -> Score:
    if isinstance(expected, list):  # people
        want = [_names(p) for p in expected]
        got = [_names(p) for p in predicted or []]
        tp = sum(1 for w in want if any(w & g for g in got))
        return Score(tp=tp, fn=len(want) - tp, fp=sum(1 for g in got if not any(w & g for w in want)))
    if isinstance(predicted, dict):  # a date: compare ISO when the golden gives one
        predicted = predicted.get("iso") or predicted.get("text")
    if isinstance(expected, dict):
        expected = expected.get("iso") or expected.get("text")
    if expected is None:
        return Score(fp=1) if predicted else Score()
    if predicted is None:
        return Score(fn=1)
    return Score(tp=1) if key(str(predicted)) == key(str(expected)) else Score(fp=1, fn=1)


def load_golden(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("document", path.stem)
    return data
