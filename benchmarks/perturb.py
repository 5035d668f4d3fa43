"""Layout perturbations of the real recaps: how much of its quality the local engine keeps when a recap
says the same thing in another layout.

    python benchmarks/perturb.py [--folders tune check] [--json benchmarks/perturb.json] [--show-lost]

Each recap of `../shared/recaps` is rewritten in memory by one transformation at a time that keeps every
title, name and organisation (bullets as stars, en dashes or numbers and back, list markers dropped,
separators ` - ` as en dashes, pipes, slashes or unspaced em dashes, Markdown headings as bold lines and
back, straight quotes as curly ones, brackets and separators in full width, times of day on the 12-hour
clock, the words labelling a speaker reworded, the honorific 님 after names dropped, every blank line
dropped or doubled, long lines hard-wrapped at 72 columns, `Keynote` and `키노트` qualified as an opening
one, every golden title set in quotes or corner brackets where it stands), extracted and scored against
its golden records as `benchmarks/quality.py` scores it (titles compare up to punctuation, so a changed
separator inside a title still matches). Pooled F1 per folder and transformation, beside the unchanged
text's: a drop shows a layout the rules read only in one form.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.engines.local import LocalEngine  # noqa: E402
from extract.evaluate import Report, Score, compare, load_golden  # noqa: E402
from extract.ingest import read_document  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def _lines(pattern: str, replacement: str | Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    compiled = re.compile(pattern, re.M)
    return lambda text: compiled.sub(replacement, text)


def _hard_wrapped(text: str, width: int = 72) -> str:
    """Every line longer than `width` (not a table row) broken at spaces, as a plain-text mail or notes
    kept at 72 columns are; a list item's lines go on under its text."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width or line.lstrip().startswith("|"):
            lines.append(line)
            continue
        lead = re.match(r"\s*(?:(?:[-*]|\d{1,2}[.)])\s+)?", line)
        indent = " " * len(lead.group()) if lead else ""
        lines += textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


def _twelve_hour(text: str) -> str:
    """Every time of day `14:30` on the 12-hour clock: `2:30 PM` in English, `오후 2:30` in Korean."""
    korean = re.search("[가-힣]", text) is not None

    def twelve(time: re.Match[str]) -> str:
        hour = int(time[1])
        if hour > 23:
            return time[0]
        clock = f"{hour % 12 or 12}:{time[2]}"
        if korean:
            return f"{'오전' if hour < 12 else '오후'} {clock}"
        return f"{clock} {'AM' if hour < 12 else 'PM'}"

    return re.sub(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])", twelve, text)


# `（ ）：｜／`: the full-width forms East Asian text may type its brackets and separators in.
_FULL_WIDTH = str.maketrans("():|/", "（）：｜／")


def _curly_quotes(text: str) -> str:
    text = re.sub(r"(?<![\w'])'([^'\n]{2,120}?)'(?![\w'])", "‘\\1’", text)
    return re.sub(r'"([^"\n]{2,150}?)"', "“\\1”", text)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "unchanged": lambda text: text,
    "bullets as stars": _lines(r"^(\s*)- ", r"\1* "),
    "bullets as en dashes": _lines(r"^(\s*)[-*] ", "\\1– "),
    "bullets as numbers": _lines(r"^(\s*)[-*] ", r"\g<1>1. "),
    "numbers as bullets": _lines(r"^(\s*)\d{1,2}[.)] ", r"\1- "),
    "list markers dropped": _lines(r"^(\s*)(?:[-*]|\d{1,2}[.)]) ", r"\1"),
    "separators as en dashes": _lines(r"(?<=\S) - ", " – "),  # inside a line, not a list marker
    "separators as pipes": _lines(r"(?<=\S) [-–—] ", " | "),
    "separators as slashes": _lines(r"(?<=[^\d\s]) [-–—] (?=[^\d\s])", " / "),  # not a range's dash
    "separators as unspaced em dashes": _lines(r"(?<=\S) [-–—] (?=\S)", "—"),  # `Title—Name`, `10:00—10:40`
    "headings as bold lines": _lines(r"^#{1,6}\s+(.+?)\s*$", r"**\1**"),
    "bold lines as headings": _lines(r"^\*\*([^*\n]+)\*\*\s*$", r"## \1"),
    "heading marks dropped": _lines(r"^#{1,6}\s+", ""),  # a page copied as plain text
    "bold dropped": lambda text: text.replace("**", ""),
    "double spaced": _lines(r"(?<=\S)\n(?=\S)", "\n\n"),  # a web page's lines pasted as paragraphs
    "blank lines dropped": _lines(r"\n\s*\n", "\n"),  # a page pasted with no blank line at all
    "tables as tabs": _lines(r"^\|\s*(.*?)\s*\|\s*$", lambda m: re.sub(r"\s*\|\s*", "\t", m.group(1))),
    "curly quotes": _curly_quotes,
    "full-width brackets and separators": lambda text: text.translate(_FULL_WIDTH),
    "times on the 12-hour clock": _twelve_hour,
    "hard-wrapped at 72 columns": _hard_wrapped,
    "speaker labels reworded": lambda text: re.sub(  # 발표자 and 연사 as 스피커, Speaker as Presenter
        r"발표자|연사", "스피커", re.sub(r"\bSpeaker(s?)\b", r"Presenter\1", text)
    ),
    "honorifics dropped": _lines(r"(?<=[가-힣])\s?님(?![가-힣])", ""),
    "keynotes qualified": lambda text: re.sub(r"\bKeynote\b", "Opening Keynote", text).replace(
        "키노트", "오프닝 키노트"
    ),
}


def _titles_quoted(opening: str, closing: str) -> Callable[[str, list[str]], str]:
    """Each golden title that the text holds once and unquoted, set in quotes where it stands."""

    def quoted(text: str, titles: list[str]) -> str:
        for title in sorted(titles, key=len, reverse=True):
            at = text.find(title)
            quoted_already = any(mark in title for mark in _QUOTE_MARKS) or (at > 0 and text[at - 1] in _QUOTE_MARKS)
            if text.count(title) == 1 and not quoted_already:
                text = f"{text[:at]}{opening}{title}{closing}{text[at + len(title) :]}"
        return text

    return quoted


_QUOTE_MARKS = "\"'“”‘’「」『』"
# Transformations that need the recap's golden titles: a recap may quote every title it names.
TITLE_TRANSFORMS: dict[str, Callable[[str, list[str]], str]] = {
    "titles in curly quotes": _titles_quoted("“", "”"),
    "titles in single quotes": _titles_quoted("'", "'"),
    "titles in corner brackets": _titles_quoted("「", "」"),
}


def pooled(reports: list[Report]) -> Score:
    total = Score()
    for report in reports:
        for score in report.records.values():
            total.add(score)
    return total


def _text_only(transform: Callable[[str], str]) -> Callable[[str, list[str]], str]:
    return lambda text, _titles: transform(text)


def measure(folders: list[str], show_lost: bool = False) -> dict[str, dict[str, float]]:
    engine = LocalEngine()
    goldens = {folder: [load_golden(p) for p in sorted((GOLDEN / folder).glob("*.json"))] for folder in folders}
    result: dict[str, dict[str, float]] = {}
    baseline: dict[str, int] = {}  # records found in each unchanged recap
    with tempfile.TemporaryDirectory() as scratch:
        every = {name: _text_only(transform) for name, transform in TRANSFORMS.items()} | TITLE_TRANSFORMS
        for name, transform in every.items():
            result[name] = {}
            for folder, golden_records in goldens.items():
                reports = []
                for golden in golden_records:
                    source = read_document(ROOT / golden["source"])
                    path = Path(scratch) / Path(golden["source"]).name
                    titles = [talk["title"] for talk in golden["talks"] if talk.get("title")]
                    path.write_text(transform(source.text, titles), encoding="utf-8")
                    report = compare(extract_document(read_document(path), engine), golden)
                    reports.append(report)
                    found = pooled([report]).tp
                    if show_lost and name != "unchanged" and found < baseline.get(golden["document"], 0):
                        print(f"{name}: {golden['document']} {baseline[golden['document']]} -> {found}")
                    if name == "unchanged":
                        baseline[golden["document"]] = found
                result[name][folder] = round(pooled(reports).f1, 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", nargs="+", default=["tune", "check"])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "perturb.json")
    parser.add_argument("--show-lost", action="store_true", help="the recaps that lose records, per transformation")
    args = parser.parse_args()
    result = measure(args.folders, args.show_lost)
    print("| transformation | " + " | ".join(f"{f} F1" for f in args.folders) + " |")
    print("| --- | " + " | ".join("---" for _ in args.folders) + " |")
    for name, row in result.items():
        print(f"| {name} | " + " | ".join(f"{row[f]:.2f}" for f in args.folders) + " |")
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
