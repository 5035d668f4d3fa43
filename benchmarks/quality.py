"""Quality on real recaps: the local engine over the seed and ../shared/recaps (tune/, check/), scored
as `extract eval` scores them, per folder, per genre and per record type.

    python benchmarks/quality.py [--json benchmarks/quality.json] [--show-errors] [--markdown]
    python benchmarks/quality.py --folders check --engine llm --model M --base-url URL --mode json [--hybrid]

Every golden file under tests/golden/ (the seed), tests/golden/tune/ and tests/golden/check/ names its
recap (`source`); the recap is read where it is, extracted in memory and compared with its golden
records. Precision, recall and F1 are pooled over the records of a folder (or genre), not averaged
over documents; optional golden records count neither way. Genres come from ../shared/recaps/SOURCES.md.
Writes the figures as JSON; tests/test_quality.py fails when pooled F1 on tune/ or check/ falls more
than 0.02 below the committed ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.candidates import Candidates  # noqa: E402
from extract.engines import Engine, EngineFailure, Records, get_engine  # noqa: E402
from extract.engines.local import LocalEngine  # noqa: E402
from extract.evaluate import RECORD_TYPES, Report, Score, compare, finding_lines, is_optional, load_golden  # noqa: E402
from extract.ingest import read_document  # noqa: E402
from extract.pipeline import extract_document  # noqa: E402
from extract.segment import Segmentation  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
SOURCES = ROOT.parent / "shared" / "recaps" / "SOURCES.md"
FOLDERS = {"seed": GOLDEN, "tune": GOLDEN / "tune", "check": GOLDEN / "check"}
SEED_GENRE = "newsletter"
_PARENTHESIS = re.compile(r"\s*\(.*\)")


@dataclass
class Scored:
    document: str
    folder: str
    genre: str
    report: Report
    optional: int  # optional golden records, which count neither way


def genres(sources: Path = SOURCES) -> dict[str, str]:
    """Document stem -> its language and genre (`ko notes`, `en attendee recap`) from SOURCES.md."""
    table: dict[str, str] = {}
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].endswith(".txt"):
            stem = Path(cells[0]).stem
            table[stem] = f"{Path(stem).suffix.lstrip('.')} {_PARENTHESIS.sub('', cells[2])}"
    return table


def golden_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def score_all(folders: dict[str, Path] = FOLDERS, engine: Engine | None = None) -> list[Scored]:
    engine, kinds, scored = engine or LocalEngine(), genres(), []
    for name, folder in folders.items():
        for path in golden_files(folder):
            golden = load_golden(path)
            document = read_document(ROOT / golden["source"])
            try:
                extraction = extract_document(document, engine)
            except EngineFailure as error:  # the document scores as if nothing was found; named
                print(f"{golden['document']}: {error}", file=sys.stderr)
                extraction = extract_document(document, _Nothing())
            report = compare(extraction, golden, document.text)
            genre = kinds.get(golden["document"], f"ko {SEED_GENRE}")
            optional = sum(is_optional(r) for t in RECORD_TYPES for r in golden.get(t, []))
            scored.append(Scored(golden["document"], name, genre, report, optional))
    return scored


class _Nothing:
    """The engine of a document the chosen engine failed on: no records."""

    name = "failed"
    model: str | None = None
    fingerprint: str | None = None
    forkable = True

    def extract(self, segmentation: Segmentation, candidates: Candidates) -> Records:
        return Records()


def figures(reports: list[Report]) -> dict[str, Any]:
    """Pooled over records: all types together, then each type."""
    total = _pooled(reports)
    pooled = Score()
    for score in total.records.values():
        pooled.add(score)
    return {
        "documents": len(reports),
        **_row(pooled),
        "types": {name: _row(score) for name, score in total.records.items()},
    }


def field_figures(reports: list[Report]) -> dict[str, Any]:
    """Pooled over the fields of matched records, each field apart."""
    total = _pooled(reports)
    return {name: _row(total.fields[name]) for name in sorted(total.fields)}


def _pooled(reports: list[Report]) -> Report:
    total = Report()
    for report in reports:
        total.add(report)
    return total


def _row(score: Score) -> dict[str, Any]:
    return {
        "required": score.tp + score.fn,
        "found": score.tp,
        "extracted": score.tp + score.fp,
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "f1": round(score.f1, 3),
    }


def summarise(scored: list[Scored], engine: str = "local") -> dict[str, Any]:
    by_folder = {}
    for name in dict.fromkeys(s.folder for s in scored):
        reports = [s.report for s in scored if s.folder == name]
        by_folder[name] = {**figures(reports), "fields": field_figures(reports)}
    genre_names = sorted({s.genre for s in scored})
    by_genre = {genre: figures([s.report for s in scored if s.genre == genre]) for genre in genre_names}
    documents = {
        s.document: {"folder": s.folder, "genre": s.genre, "optional": s.optional, **figures([s.report])}
        for s in scored
    }
    return {"engine": engine, "folders": by_folder, "genres": by_genre, "documents": documents}


HEADERS = ("docs", "required", "found", "extracted", "P", "R", "F1", "talks F1", "launches F1", "credits F1")


def table_rows(rows: dict[str, Any]) -> list[list[str]]:
    """One row a folder or genre: counts, pooled precision, recall and F1, then F1 per record type."""
    result = []
    for name, row in rows.items():
        cells = [str(row[k]) for k in ("documents", "required", "found", "extracted")]
        scores = [_figure(row, k) for k in ("precision", "recall", "f1")]
        result.append([name, *cells, *scores, *(_figure(row["types"][t], "f1") for t in RECORD_TYPES)])
    return result


# Fields of matched records shown per folder: who speaks, what is said of them, of what kind the talk is.
FIELD_COLUMNS = (
    "talks.speakers",
    "talks.speakers.affiliation",
    "talks.speakers.title",
    "talks.kind",
    "launches.organization",
    "launches.presenters",
)


def field_rows(rows: dict[str, Any]) -> list[list[str]]:
    """One row a folder: F1 of each field over the records matched in it."""
    empty = {"required": 0, "extracted": 0}
    return [[name, *(_figure(row["fields"].get(f, empty), "f1") for f in FIELD_COLUMNS)] for name, row in rows.items()]


def print_tables(summary: dict[str, Any], markdown: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 150))  # the table is wide; a pipe or CI log is not a screen
    engine = summary["engine"]
    tables: list[tuple[str, tuple[str, ...], list[list[str]], str]] = [
        (title, HEADERS, table_rows(rows), f"{engine}, per {title}")
        for title, rows in (("folder", summary["folders"]), ("genre", summary["genres"]))
    ]
    fields_caption = f"{engine}, fields of matched records (F1), per folder"
    tables.append(("folder", FIELD_COLUMNS, field_rows(summary["folders"]), fields_caption))
    for title, headers, rows, caption in tables:
        if markdown:
            print(f"| {title} | " + " | ".join(headers) + " |\n|" + " --- |" * (len(headers) + 1))
            print("\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n")
            continue
        table = Table(title, *headers, title=caption)
        for row in rows:
            table.add_row(*row)
        console.print(table)


def _figure(row: dict[str, Any], name: str) -> str:
    """No figure where it would be vacuous: precision of nothing extracted, recall of nothing required."""
    counts = {"precision": row["extracted"], "recall": row["required"], "f1": row["extracted"] + row["required"]}
    return f"{row[name]:.2f}" if counts[name] else "–"


def print_errors(scored: list[Scored]) -> None:
    for s in scored:
        print("\n" + "\n".join(finding_lines(f"{s.folder}/{s.document}", s.report.findings)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "quality.json", help="where to write")
    parser.add_argument("--show-errors", action="store_true", help="list missed, extra and wrong-field records")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown (for the README)")
    parser.add_argument("--folders", nargs="+", choices=list(FOLDERS), default=list(FOLDERS), help="which to score")
    parser.add_argument("--engine", choices=["local", "llm"], default="local")
    for flag in ("--model", "--base-url", "--mode", "--cache-dir", "--max-retries", "--timeout", "--concurrency"):
        parser.add_argument(flag, help="llm engine setting, as for `extract run`")
    parser.add_argument("--hybrid", action="store_true", help="llm engine: confirm and complete the rules' records")
    args = parser.parse_args()
    flags = {"model": args.model, "base_url": args.base_url, "mode": args.mode, "cache_dir": args.cache_dir}
    flags["max_retries"] = int(args.max_retries) if args.max_retries else None
    flags["timeout"] = float(args.timeout) if args.timeout else None
    flags["concurrency"] = int(args.concurrency) if args.concurrency else None
    engine = get_engine(args.engine, {**flags, "hybrid": args.hybrid or None})
    label = args.engine if args.engine == "local" else f"llm {engine.model} --mode {args.mode or 'tools'}"
    label += f" --max-retries {args.max_retries}" if args.max_retries else ""
    label += " --hybrid" if args.hybrid else ""
    started = time.perf_counter()
    scored = score_all({name: FOLDERS[name] for name in args.folders}, engine)
    summary = summarise(scored, label)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    if args.show_errors:
        print_errors(scored)
    print_tables(summary, args.markdown)
    write(args.json, summary, complete=label == "local" and args.folders == list(FOLDERS))
    print(f"wrote {args.json} ({summary['seconds']} s)")


def write(path: Path, summary: dict[str, Any], complete: bool) -> None:
    """The local engine over every folder is the file's body (what CI holds to); any other run is kept
    beside it under `other_runs`, by its engine and settings."""
    existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    others = existing.get("other_runs", {})
    if complete:
        result = {**summary, "other_runs": others}
    else:
        result = {
            **existing,
            "other_runs": {**others, f"{summary['engine']} on {'+'.join(summary['folders'])}": summary},
        }
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
