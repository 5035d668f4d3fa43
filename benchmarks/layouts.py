"""Layout grid: how much of the space of session-line layouts the local engine reads, on invented text.

    python benchmarks/layouts.py [--json benchmarks/layouts.json] [--show-failures]

The real corpus shows each layout a few times; recaps never seen show others. This grid writes one
small recap per combination of a line prefix (bullet, number, time, track), an arrangement of title,
speaker and organisation, a separator and a language, three session lines of that one shape under a
heading, and counts the talks read exactly (title, speaker, organisation, track). Names, organisations and
titles are invented. A combination counts as read when all three talks are; the figure per axis shows
which prefixes, arrangements or separators the engine does not generalise to.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.engines.local import LocalEngine  # noqa: E402
from extract.ingest import read_document  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402


@dataclass(frozen=True)
class Session:
    title: str
    name: str
    organisation: str


SESSIONS = {
    "en": (
        Session("Scaling Postgres at Work", "Jane Doe", "Acme"),
        Session("Observability for Everyone", "John Smith", "Globex"),
        Session("Testing in Production", "Maria Garcia", "Initech"),
    ),
    "ko": (
        Session("분산 시스템의 이해", "김민준", "네이버"),
        Session("쿠버네티스 운영기", "이서연", "카카오"),
        Session("데이터 파이프라인 설계", "박지훈", "토스"),
    ),
}
HEADINGS = {"en": "Sessions", "ko": "세션 정리"}
PREFIXES: dict[str, Callable[[int], str]] = {
    "plain": lambda i: "",
    "bullet": lambda i: "- ",
    "number": lambda i: f"{i + 1}. ",
    "time": lambda i: f"{10 + i}:00 ",
    "time range": lambda i: f"{10 + i}:00-{10 + i}:40 ",
    "bracketed time": lambda i: f"[{10 + i}:00 ~ {10 + i}:40] ",
    "track": lambda i: f"[Track {'ABC'[i]}] ",
}
SEPARATORS = (" - ", " – ", " — ", " | ", " / ", " : ")
INNER = (", ", " - ", " | ", " / ", " @ ")
# How a line arranges title t, name n and organisation o; s is the separator, i the one between n and o.
ARRANGEMENTS = (
    "{t}{s}{n}",
    "{t}{s}{n} ({o})",
    "{t} ({n})",
    "{t} ({n}{i}{o})",
    "{n}{s}{t}",
    "{n} ({o}){s}{t}",
    "{t}{s}{n}{i}{o}",
)


@dataclass(frozen=True)
class Case:
    language: str
    prefix: str
    arrangement: str
    separator: str
    inner: str

    def text(self) -> str:
        lines = []
        for i, session in enumerate(SESSIONS[self.language]):
            body = self.arrangement.format(
                t=session.title, n=session.name, o=session.organisation, s=self.separator, i=self.inner
            )
            lines.append(PREFIXES[self.prefix](i) + body)
        return f"# {HEADINGS[self.language]}\n\n" + "\n".join(lines) + "\n"

    def expected(self) -> set[tuple[str | None, str, str | None, str | None]]:
        with_organisation = "{o}" in self.arrangement
        return {
            (
                s.title,
                s.name,
                s.organisation if with_organisation else None,
                "ABC"[i] if self.prefix == "track" else None,
            )
            for i, s in enumerate(SESSIONS[self.language])
        }


def cases() -> list[Case]:
    result = []
    for language, prefix, arrangement in itertools.product(SESSIONS, PREFIXES, ARRANGEMENTS):
        separators = SEPARATORS if "{s}" in arrangement else ("",)
        inners = INNER if "{i}" in arrangement else ("",)
        for separator, inner in itertools.product(separators, inners):
            result.append(Case(language, prefix, arrangement, separator, inner))
    return result


def read(engine: LocalEngine, case: Case, folder: Path) -> set[tuple[str | None, str, str | None, str | None]]:
    path = folder / f"case.{case.language}.txt"
    path.write_text(case.text(), encoding="utf-8")
    extraction = extract_document(read_document(path), engine)
    return {(t.title, p.name, p.affiliation, t.track) for t in extraction.talks for p in t.speakers}


def measure(show_failures: bool = False) -> dict[str, object]:
    """Every case read once: how many are read exactly, overall and per value of each axis."""
    engine = LocalEngine()
    by_axis: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    read_cases = 0
    all_cases = cases()
    with tempfile.TemporaryDirectory() as folder:
        for case in all_cases:
            got = read(engine, case, Path(folder))
            ok = got == case.expected()
            read_cases += ok
            if not ok and show_failures:
                print(f"{case}\n  {case.text().splitlines()[2]!r}\n  got {sorted(got, key=str)}")
            for axis in ("language", "prefix", "arrangement", "separator", "inner"):
                tally = by_axis[axis][getattr(case, axis) or "(none)"]
                tally[0] += ok
                tally[1] += 1
    return {
        "cases": len(all_cases),
        "read": read_cases,
        "share": round(read_cases / len(all_cases), 3),
        "by_axis": {axis: {k: f"{v[0]}/{v[1]}" for k, v in values.items()} for axis, values in by_axis.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "layouts.json")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    summary = measure(args.show_failures)
    print(f"read {summary['read']} of {summary['cases']} layouts ({summary['share']:.0%})")
    for axis, values in summary["by_axis"].items():  # type: ignore[attr-defined]
        print(f"  {axis}: " + ", ".join(f"{k!r} {v}" for k, v in values.items()))
    args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
