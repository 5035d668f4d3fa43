"""Evaluate outputs against hand-checked golden records: precision, recall and F1 per type and field."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

from extract.models import Extraction, Person
from extract.resolve import key

RECORD_TYPES = ("talks", "launches", "credits")
# Fields compared on matched records; lists of people are compared as sets of names.
FIELDS: dict[str, tuple[str, ...]] = {
    "talks": ("speakers", "kind", "track", "url"),
    "launches": ("organization", "presenters", "date"),
    "credits": ("track", "organization"),
}
# What is said about each person the matched record and its golden one share: their organisation and job.
PERSON_FIELDS: dict[str, str] = {"talks": "speakers", "launches": "presenters"}
PERSON_DETAILS = ("affiliation", "title")


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
    findings: list[Finding] = field(default_factory=list)

    def add(self, other: Report) -> None:
        for name, score in other.records.items():
            self.records[name].add(score)
        for name, score in other.fields.items():
            self.fields.setdefault(name, Score()).add(score)
        self.findings += other.findings

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.records.values()) / len(self.records)


def _names(person: Person | dict[str, Any] | str) -> set[str]:
    if isinstance(person, str):
        return {key(person)}
    values = person.model_dump() if isinstance(person, Person) else person
    return {key(values[k]) for k in ("name", "name_ko", "name_en") if values.get(k)}


def _same_text(a: str, b: str) -> bool:
    """Same text up to case, spacing and punctuation, one inside the other (`Title` for `Title:
    Subtitle`), or nearly the same; a single word inside a longer text (`Proper` in `20 Years without
    a 'Proper' Job`) is a fragment, not the same text."""
    (shorter_text, shorter), (_, longer) = sorted(((a, key(a)), (b, key(b))), key=lambda pair: len(pair[1]))
    fragment = len(shorter_text.split()) < 2 and len(shorter) * 2 < len(longer)
    contained = len(shorter) >= 4 and shorter in longer and not fragment
    return shorter == longer or contained or SequenceMatcher(None, shorter, longer).ratio() >= 0.85


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
        return f"(untitled) {', '.join(_person_names(record['speakers']))}"
    return str(record.get("title") or record.get("name"))


def describe(record_type: str, record: dict[str, Any]) -> str:
    """A record with the names that identify it: a talk's title and speakers, a launch's maker."""
    text = label(record_type, record)
    if record_type == "talks" and record.get("title") and record.get("speakers"):
        return f"{text} — {', '.join(_person_names(record['speakers']))}"
    if record_type == "launches" and record.get("organization"):
        return f"{text} ({record['organization']})"
    return text


def _person_names(people: list[Any]) -> list[str]:
    return [p if isinstance(p, str) else p["name"] for p in people]


def is_optional(record: dict[str, Any]) -> bool:
    """A golden record a reader could argue either way: finding it is neither rewarded nor punished."""
    return bool(record.get("optional"))


@dataclass
class Matching:
    """Golden records paired with predicted ones (by index), and what is left on either side.

    `pairs` hold required golden records only; `optional` pairs predicted records with optional golden
    ones, so that they are neither true nor false positives; `missing` lists required ones only."""

    pairs: list[tuple[int, int]]
    extra: list[int]
    missing: list[int]
    optional: list[tuple[int, int]] = field(default_factory=list)


def match(record_type: str, predicted: list[dict[str, Any]], golden: list[dict[str, Any]]) -> Matching:
    """Greedy, in golden order, required records first: each golden record takes the first unmatched
    predicted record it matches (an optional one only takes what no required record wanted)."""
    unmatched = list(range(len(predicted)))
    matching = Matching([], [], [])
    required = [g for g, record in enumerate(golden) if not is_optional(record)]
    optional = [g for g, record in enumerate(golden) if is_optional(record)]
    for g in required + optional:
        hit = next((i for i in unmatched if MATCHERS[record_type](predicted[i], golden[g])), None)
        if hit is not None:
            unmatched.remove(hit)
            (matching.optional if is_optional(golden[g]) else matching.pairs).append((hit, g))
        elif not is_optional(golden[g]):
            matching.missing.append(g)
    matching.extra = unmatched
    return matching


@dataclass(frozen=True)
class Finding:
    """One error in a form a person can read: a missed or extra record, or a field wrong on a match."""

    document: str
    kind: Literal["missing", "extra", "field"]
    record_type: str
    record: str
    line: str | None = None
    detail: str = ""


def compare(output: Extraction, golden: dict[str, Any], source: str | None = None) -> Report:
    """Score one output against its golden file; `source` (the recap's text) puts the line of text
    each missed or extra record comes from into the findings."""
    report = Report()
    predicted_all = output.model_dump(mode="json")
    document = golden["document"]
    for record_type in RECORD_TYPES:
        predicted, expected = predicted_all[record_type], golden.get(record_type, [])
        matching = match(record_type, predicted, expected)
        report.records[record_type] = Score(len(matching.pairs), len(matching.extra), len(matching.missing))
        for g in matching.missing:
            line = _line_naming(source, expected[g]) if source is not None else None
            report.findings.append(Finding(document, "missing", record_type, describe(record_type, expected[g]), line))
        for p in matching.extra:
            line = _line_at(source, predicted[p]["evidence"][0]["start"]) if source is not None else None
            report.findings.append(Finding(document, "extra", record_type, describe(record_type, predicted[p]), line))
        for p, g in matching.pairs:
            for name in FIELDS[record_type]:
                if name not in expected[g]:
                    continue
                score = _field_score(predicted[p].get(name), expected[g][name])
                report.fields.setdefault(f"{record_type}.{name}", Score()).add(score)
                if score.fp or score.fn:
                    detail = f"{name}: expected {_shown(expected[g][name])}, got {_shown(predicted[p].get(name))}"
                    record = describe(record_type, expected[g])
                    report.findings.append(Finding(document, "field", record_type, record, None, detail))
            if record_type in PERSON_FIELDS:
                _score_people_details(report, document, record_type, predicted[p], expected[g])
    return report


def _score_people_details(
    report: Report, document: str, record_type: str, predicted: dict[str, Any], golden: dict[str, Any]
) -> None:
    """Each golden person of a matched record that the prediction names too: are their affiliation and
    job title what the golden gives (nothing where it gives none)?"""
    people = PERSON_FIELDS[record_type]
    for wanted in golden.get(people, []):
        if isinstance(wanted, str):
            continue  # a golden person given by name only says nothing of their details
        got = next((p for p in predicted.get(people) or [] if _names(p) & _names(wanted)), None)
        if got is None:
            continue
        for detail in PERSON_DETAILS:
            score = _field_score(got.get(detail), wanted.get(detail))
            report.fields.setdefault(f"{record_type}.{people}.{detail}", Score()).add(score)
            if score.fp or score.fn:
                said = (
                    f"{wanted['name']}'s {detail}: expected {_shown(wanted.get(detail))}, got {_shown(got.get(detail))}"
                )
                report.findings.append(
                    Finding(document, "field", record_type, describe(record_type, golden), None, said)
                )


_FINDING_ORDER = ("missing", "extra", "field")
SINGULAR = {"talks": "talk", "launches": "launch", "credits": "credit"}
_LINE_WIDTH = 100


def finding_lines(document: str, findings: list[Finding]) -> list[str]:
    """A document's findings for a person to read: a count line, then each record on one line with the
    line of text it came from (cut to fit a screen) under it."""
    counts = {kind: sum(f.kind == kind for f in findings) for kind in _FINDING_ORDER}
    lines = [f"{document}: {counts['missing']} missing, {counts['extra']} extra, {counts['field']} wrong fields"]
    for finding in sorted(findings, key=lambda f: _FINDING_ORDER.index(f.kind)):
        detail = f"  [{finding.detail}]" if finding.detail else ""
        lines.append(f"  {finding.kind:<7} {SINGULAR[finding.record_type]:<6} {finding.record}{detail}")
        if finding.line:
            line = finding.line if len(finding.line) <= _LINE_WIDTH else finding.line[: _LINE_WIDTH - 1] + "…"
            lines.append(f"  {'':<14} | {line}")
    return lines


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(sorted(set(_person_names(value)))) + "]"
    if isinstance(value, dict):
        return repr(value.get("iso") or value.get("text"))
    return "nothing" if value is None else repr(value)


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()


def _line_naming(text: str, record: dict[str, Any]) -> str | None:
    """The first line of the text holding the golden record's title, name or person."""
    person = record.get("person")
    people = [*record.get("speakers", []), *([person] if person else [])]
    names = [record.get("title"), record.get("name"), *_person_names(people), record.get("organization")]
    for name in names:
        offset = text.find(name) if name else -1
        if offset >= 0:
            return _line_at(text, offset)
    return None


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
