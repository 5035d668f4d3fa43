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
import re
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
from extract.models import Extraction  # noqa: E402
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


Read = set[tuple[str | None, ...]]  # of talks: title, speaker, organisation, track


@dataclass(frozen=True)
class LineCase:
    """Three session lines of one shape under a heading: `- 10:00 Title - Name | Org`, line after line or
    each set apart over a paragraph about the talk (`about`)."""

    language: str
    prefix: str
    arrangement: str
    separator: str
    inner: str
    about: bool = False

    axes = ("language", "prefix", "arrangement", "separator", "inner", "about")

    def text(self) -> str:
        lines = []
        for i, session in enumerate(SESSIONS[self.language]):
            body = self.arrangement.format(
                t=session.title, n=session.name, o=session.organisation, s=self.separator, i=self.inner
            )
            lines.append(PREFIXES[self.prefix](i) + body + (f"\n\n{ABOUT[self.language]}\n" if self.about else ""))
        return f"# {HEADINGS[self.language]}\n\n" + "\n".join(lines) + "\n"

    def expected(self) -> Read:
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


# A talk as a title line over its speaker's line, then a paragraph about it.
TITLE_MARKS = ("## {t}", "**{t}**", "{t}", "{number}. {t}", "### {number}. {t}", "### 🎤 Session {number}. {t}")
SPEAKER_LINES = {
    "en": (
        "{n}",
        "{n} ({o})",
        "{n}, {o}",
        "{n} | {o}",
        "{n} - {o}",
        "by {n}",
        "Speaker: {n} ({o})",
        "**Speaker:** {n} ({o})",
        "🎤 {n} ({o})",
        "{n}\nStaff Engineer at {o}",
    ),
    "ko": (
        "{n} 님",
        "{n} ({o})",
        "{n}, {o}",
        "{n} | {o}",
        "{n} - {o}",
        "{o} {n} 님",
        "발표자: {n} ({o})",
        "**발표자**: {n} ({o})",
        "🎤 {n} ({o})",
        "{n}\n{o} 개발자",
    ),
}
ABOUT = {"en": "It was a good talk with a lot of examples.", "ko": "예제가 많아서 이해하기 쉬운 발표였다."}


# A line between a talk's title and its speaker's: its time, a link to its slides.
BETWEEN = ("", "10:00 - 10:40\n", "Slides: https://example.com/slides\n")


@dataclass(frozen=True)
class BlockCase:
    """Three talks, each a title line and its speaker's line (below it, or above it), right beside it,
    after a blank line or with one more line between, then a paragraph about the talk."""

    language: str
    title_mark: str
    speaker_line: str
    gap: str
    between: str
    speaker_first: bool

    axes = ("language", "title_mark", "speaker_line", "gap", "between", "speaker_first")

    def text(self) -> str:
        parts = []
        for i, session in enumerate(SESSIONS[self.language]):
            title = self.title_mark.format(t=session.title, number=i + 1)
            speaker = self.speaker_line.format(n=session.name, o=session.organisation)
            first, second = (speaker, title) if self.speaker_first else (title, speaker)
            parts.append(f"{first}\n{self.gap}{self.between}{second}\n\n{ABOUT[self.language]}\n")
        return f"# {HEADINGS[self.language]}\n\n" + "\n".join(parts)

    def expected(self) -> Read:
        with_organisation = "{o}" in self.speaker_line
        return {(s.title, s.name, s.organisation if with_organisation else None, None) for s in SESSIONS[self.language]}


# A talk told in a sentence of prose; {q} and {p} open and close the title's quotes.
PROSE = {
    "ko": (
        "{n} 님이 {q}{t}{p}라는 주제로 발표했다.",
        "{o}의 {n} 님은 {q}{t}{p}를 주제로 발표를 진행했다.",
        "다음으로 {o} {n} 님이 {q}{t}{p}에 대해 발표해 주셨다.",
        "{n} 님의 {q}{t}{p} 발표가 인상 깊었다.",
        "{n}님이 발표하신 {q}{t}{p} 세션이 가장 좋았다.",
        "이번 세션은 {n} 님이 발표한 {q}{t}{p}였다.",
        "{o}에서 오신 {n} 님이 {q}{t}{p}라는 제목으로 강연했다.",
        "{o}의 {n} 님이 {q}{t}{p} 발표를 해주셨다.",
        "오후에는 {o} {n} 님의 {q}{t}{p} 세션을 들었다.",
        "마지막 세션으로 {o}의 {n} 님의 {q}{t}{p}를 들었다.",
    ),
    "en": (
        "{n} from {o} gave a talk titled {q}{t}{p}.",
        "{n} ({o}) presented {q}{t}{p}.",
        "In {q}{t}{p}, {n} of {o} explained how the team works.",
        "{n}'s talk {q}{t}{p} was the best of the day.",
        "Next up was {n} with {q}{t}{p}.",
        "{n} of {o} spoke about {q}{t}{p}.",
        "The keynote {q}{t}{p} by {n} opened the day.",
        "{q}{t}{p} by {n} of {o} was my favourite session.",
        "After lunch, {n} from {o} talked about {q}{t}{p}.",
        "{n}, a staff engineer at {o}, talked about {q}{t}{p}.",
    ),
}
QUOTES = {"ko": ("'", "'"), "en": ('"', '"')}
OTHER_QUOTES = {"ko": (("“", "”"), ("「", "」")), "en": (("“", "”"), ("'", "'"))}
FILLER = {"ko": "질문이 많아서 시간이 모자랐다.", "en": "There were many questions afterwards."}


@dataclass(frozen=True)
class ProseCase:
    """Three talks, each told by a sentence of one template in a paragraph of its own."""

    language: str
    sentence: str
    quotes: tuple[str, str]

    axes = ("language", "sentence", "quotes")

    def text(self) -> str:
        opening, closing = self.quotes
        paragraphs = [
            self.sentence.format(t=s.title, n=s.name, o=s.organisation, q=opening, p=closing)
            + " "
            + FILLER[self.language]
            for s in SESSIONS[self.language]
        ]
        return f"# {HEADINGS[self.language]}\n\n" + "\n\n".join(paragraphs) + "\n"

    def expected(self) -> Read:
        with_organisation = "{o}" in self.sentence
        return {(s.title, s.name, s.organisation if with_organisation else None, None) for s in SESSIONS[self.language]}


# A person with a role in running the event, as a field line or in prose: template, role.
CREDITS = {
    "ko": (
        ("사회: {n}", "emcee"),
        ("사회는 {n} 님이 맡아 주셨다.", "emcee"),
        ("{n} 님이 사회를 맡았다.", "emcee"),
        ("좌장: {n} ({o})", "track_host"),
        ("모더레이터는 {n} 님이었다.", "moderator"),
        ("이번 행사의 MC는 {n} 님이었다.", "emcee"),
        ("인터뷰어: {n}", "interviewer"),
        ("환영사는 {o} {n} 대표가 맡았다.", "other"),
        ("오늘 행사의 사회는 {n} 님이 맡아 주셨다.", "emcee"),
        ("패널 토론의 모더레이터로 {n} 님이 나섰다.", "moderator"),
    ),
    "en": (
        ("MC: {n}", "emcee"),
        ("Emcee: {n} ({o})", "emcee"),
        ("The whole event was emceed by {n}.", "emcee"),
        ("{n} moderated the panel.", "moderator"),
        ("Moderator: {n}", "moderator"),
        ("{n} served as our MC.", "emcee"),
        ("Our host for the day was {n}.", "emcee"),
        ("Our MC for both days was {n}.", "emcee"),
        ("The closing panel, moderated by {n}, covered hiring.", "moderator"),
        ("The panel was moderated by {n} of {o}.", "moderator"),
    ),
}
# A product announced at the event: template; {p} the product, {o} who launched it.
LAUNCHES = {
    "ko": (
        "{o}는 이날 '{p}'를 공개했다.",
        "{o}가 새로운 AI 모델 {p}를 출시했다.",
        "{o}는 키노트에서 {p}를 선보였다.",
        "이날 {o}는 {p} 출시를 발표했다.",
        "{o}가 {p}를 정식으로 오픈했다.",
        "오전에는 {o}가 새로운 AI 플랫폼 '{p}'를 공개했다.",
        "{o}는 기조연설에서 {p}를 처음 선보였다.",
    ),
    "en": (
        "{o} announced {p}, a new testing platform.",
        "{o} launched {p} in beta.",
        "{p} was announced by {o} at the keynote.",
        "{o} unveiled {p} on stage.",
        "{o} introduced {p}, available today.",
        "At the end of the keynote, {o} unveiled {p}, which ships next month.",
        "Later that day {o} released {p} as open source.",
    ),
}
PRODUCTS = {"ko": ("카카오", "카나나"), "en": ("Acme", "Widget Pro")}


@dataclass(frozen=True)
class CreditCase:
    """A credit, as a field line or a sentence, in a paragraph of its own between two others."""

    language: str
    template: str
    role: str

    axes = ("language", "template")

    def text(self) -> str:
        person = SESSIONS[self.language][0]
        line = self.template.format(n=person.name, o=person.organisation)
        return f"# {HEADINGS[self.language]}\n\n{FILLER[self.language]}\n\n{line}\n\n{FILLER[self.language]}\n"

    def expected(self) -> Read:
        return {(self.role, SESSIONS[self.language][0].name)}

    def got(self, extraction: Extraction) -> Read:
        return {(c.role, c.person.name if c.person else None) for c in extraction.credits}


@dataclass(frozen=True)
class LaunchCase:
    """A launch told in a sentence between two others."""

    language: str
    template: str

    axes = ("language", "template")

    def text(self) -> str:
        organisation, product = PRODUCTS[self.language]
        line = self.template.format(o=organisation, p=product)
        return f"# {HEADINGS[self.language]}\n\n{FILLER[self.language]}\n\n{line}\n\n{FILLER[self.language]}\n"

    def expected(self) -> Read:
        organisation, product = PRODUCTS[self.language]
        return {(product, organisation)}

    def got(self, extraction: Extraction) -> Read:
        return {(launch.name, launch.organization) for launch in extraction.launches}


# Text that names people and organisations but no talk: every talk read from it is false.
NO_TALKS = {
    "event facts": "# 행사 개요\n\n일시 : 2024년 5월 3일\n장소 : 코엑스 그랜드볼룸\n참가비 : 무료\n",
    "notes with dashes": "# Notes\n\nPython 3.12 - faster startup (Linux)\nType hints - stricter checks (mypy)\n",
    "organisers list": "# Organizers\n\n- Jane Doe (Acme)\n- John Smith (Globex)\n\nThanks to everyone.\n",
    "staff list": "# 운영진\n\n김민준 - 네이버\n이서연 - 카카오\n",
    "organisers with dashes": "# Organizers\n\nJane Doe - Acme\nJohn Smith - Globex\n",
    "speaker bios": ("# Speakers\n\nJane Doe (Acme)\nStaff Engineer\n\nJohn Smith (Globex)\nEngineering Manager\n"),
    "author box": "# Recap\n\n## About the author\nJane Doe\n\nI write about databases.\n",
    "author box ko": "# 후기\n\n## 작성자\n김민준 님\n\n데이터 엔지니어입니다.\n",
    "q and a": "# Q&A\n\n질문 : 성능은 어떤가요?\n답변 : 김민준 님이 괜찮다고 하셨다\n",
    "sayings": "# 후기\n\n김민준 님은 발표에서 '테스트는 문서다'라고 강조했다.\n",
    "links under names": (
        "# Thanks\n\nJane Doe (Acme)\nhttps://janedoe.dev\n\nJohn Smith (Globex)\nhttps://jsmith.dev\n"
    ),
    "sponsors": "# 후원사\n\n골드 : 네이버, 카카오\n실버 : 토스\n",
    "podcast host": "# Recap\n\nJohn Smith was the host of a popular podcast before joining Acme.\n",
    "a book by its author": '# Recap\n\nBefore the event we read "Designing Data Systems" by Jane Doe.\n',
    "a book by its author ko": "# 후기\n\n행사 전에 김민준 님이 쓴 책 '테스트 주도 개발'을 읽었다.\n",
    "posts by their authors": (
        "# Reading list\n\n- Jane Doe: Why I moved to Rust\n- John Smith: My first year at Acme\n"
    ),
    "an acronym expanded": "# Recap\n\nThe Cloud Native Computing Foundation (CNCF) had a booth near the entrance.\n",
}


@dataclass(frozen=True)
class NoTalkCase:
    """Text with people and organisations in it and no talk."""

    language: str
    name: str

    axes = ("name",)

    def text(self) -> str:
        return NO_TALKS[self.name]

    def expected(self) -> Read:
        return set()


Case = LineCase | BlockCase | ProseCase | CreditCase | LaunchCase | NoTalkCase


def cases() -> list[Case]:
    result: list[Case] = []
    for language, prefix, arrangement in itertools.product(SESSIONS, PREFIXES, ARRANGEMENTS):
        separators = SEPARATORS if "{s}" in arrangement else ("",)
        inners = INNER if "{i}" in arrangement else ("",)
        for separator, inner, about in itertools.product(separators, inners, (False, True)):
            result.append(LineCase(language, prefix, arrangement, separator, inner, about))
    for language in SESSIONS:
        arrangements = itertools.product(TITLE_MARKS, SPEAKER_LINES[language], ("", "\n"), BETWEEN, (False, True))
        for title_mark, speaker_line, gap, between, speaker_first in arrangements:
            if speaker_first and (title_mark.startswith("#") or speaker_line.startswith("by")):
                continue  # a heading leads what is under it; `by N` follows its title
            result.append(BlockCase(language, title_mark, speaker_line, gap, between, speaker_first))
    result += [NoTalkCase("ko" if re.search("[가-힣]", text) else "en", name) for name, text in NO_TALKS.items()]
    for language in SESSIONS:
        result += [CreditCase(language, template, role) for template, role in CREDITS[language]]
        result += [LaunchCase(language, template) for template in LAUNCHES[language]]
        for sentence, quotes in itertools.product(PROSE[language], (QUOTES[language], *OTHER_QUOTES[language])):
            result.append(ProseCase(language, sentence, quotes))
    return result


def talks_read(extraction: Extraction) -> Read:
    return {(t.title, p.name, p.affiliation, t.track) for t in extraction.talks for p in t.speakers}


def read(engine: LocalEngine, case: Case, folder: Path) -> Read:
    path = folder / f"case.{case.language}.txt"
    path.write_text(case.text(), encoding="utf-8")
    extraction = extract_document(read_document(path), engine)
    return case.got(extraction) if isinstance(case, CreditCase | LaunchCase) else talks_read(extraction)


def measure(show_failures: bool = False) -> dict[str, object]:
    """Every case read once: how many are read exactly, per family of layouts and per value of each axis."""
    engine = LocalEngine()
    by_axis: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    all_cases = cases()
    with tempfile.TemporaryDirectory() as folder:
        for case in all_cases:
            got = read(engine, case, Path(folder))
            ok = got == case.expected()
            family = type(case).__name__.removesuffix("Case").lower()  # line, block, prose, credit, launch, notalk
            by_family[family][0] += ok
            by_family[family][1] += 1
            if not ok and show_failures:
                print(f"{case}\n  {case.text().splitlines()[2:5]!r}\n  got {sorted(got, key=str)}")
            for axis in case.axes:
                tally = by_axis[f"{family} {axis}"][repr(getattr(case, axis)) if getattr(case, axis) else "(none)"]
                tally[0] += ok
                tally[1] += 1
    read_cases = sum(ok for ok, _ in by_family.values())
    return {
        "cases": len(all_cases),
        "read": read_cases,
        "share": round(read_cases / len(all_cases), 3),
        "by_family": {family: f"{ok}/{n}" for family, (ok, n) in by_family.items()},
        "by_axis": {axis: {k: f"{v[0]}/{v[1]}" for k, v in values.items()} for axis, values in by_axis.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "layouts.json")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    summary = measure(args.show_failures)
    print(f"read {summary['read']} of {summary['cases']} layouts ({summary['share']:.0%}): {summary['by_family']}")
    for axis, values in summary["by_axis"].items():  # type: ignore[attr-defined]
        print(f"  {axis}: " + ", ".join(f"{k} {v}" for k, v in values.items()))
    args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
