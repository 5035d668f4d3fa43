"""The `extract` command line. Errors a user can cause are one line and a non-zero exit."""

from __future__ import annotations

import signal
import time
from collections.abc import Generator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extract import __version__
from extract.models import Extraction, Usage
from extract.parallel import EXIT_INTERRUPTED
from extract.write import output_path

if TYPE_CHECKING:
    from extract.evaluate import Report
    from extract.ingest import Recap
    from extract.pipeline import FileResult

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn conference-recap prose into source-grounded talks, launches and credits (JSON).",
)
LLM = "LLM engine"
EXECUTORS = ("local", "ray")
EXIT_FAILED = 1
EXIT_USAGE = 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """recap-extract."""


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def run(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Recap files (.txt, .md, .html) or folders to search for them.", metavar="PATH..."),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the outputs (the recaps' folders mirrored).", metavar="DIR")
    ] = Path("outputs"),
    engine: Annotated[str, typer.Option("--engine", help="Extraction engine: local (offline) or llm.")] = "local",
    force: Annotated[bool, typer.Option("--force", help="Extract again even when an output is current.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")] = False,
    max_size: Annotated[
        float, typer.Option("--max-size", help="Skip (and name) files larger than this many MB.", min=0.001)
    ] = 5.0,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", help="Cores to use: files extracted in parallel, each with a share (default: every core).", min=1
        ),
    ] = None,
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            help="Where files are extracted: local (this machine, --jobs cores) or ray (a Ray cluster, --jobs actors).",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="ray: the cluster to use (or RAY_ADDRESS; default: a local Ray started for the run).",
            metavar="ADDR",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="llm: model name (or EXTRACT_MODEL).", rich_help_panel=LLM)
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="llm: OpenAI-compatible endpoint (or OPENAI_BASE_URL).", rich_help_panel=LLM),
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option("--mode", help="llm: instructor mode: tools, json, json_schema or md_json.", rich_help_panel=LLM),
    ] = None,
    max_chunk_tokens: Annotated[
        int | None,
        typer.Option("--max-chunk-tokens", help="llm: token budget of one chunk [1500].", rich_help_panel=LLM),
    ] = None,
    max_tokens: Annotated[
        int | None,
        typer.Option("--max-tokens", help="llm: bound on one answer's tokens [2048].", rich_help_panel=LLM),
    ] = None,
    max_retries: Annotated[
        int | None,
        typer.Option("--max-retries", help="llm: re-asks after an ungrounded answer [2].", rich_help_panel=LLM),
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", help="llm: chunks in flight at once [2].", rich_help_panel=LLM)
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="llm: seconds to wait for one answer [120].", rich_help_panel=LLM)
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="llm: response cache folder [.extract-cache].", rich_help_panel=LLM),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="llm: ask the model even for cached prompts.", rich_help_panel=LLM)
    ] = False,
    hybrid: Annotated[
        bool,
        typer.Option(
            "--hybrid",
            help="llm: give the model the local engine's records to confirm and complete.",
            rich_help_panel=LLM,
        ),
    ] = False,
) -> None:
    """Extract every recap under the paths into the --out folder, one <path>.json each, and print a summary table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from extract.engines import EngineUnavailable, get_engine
    from extract.ingest import IngestError, discover
    from extract.parallel import available_cores, extract_files, interrupt
    from extract.write import remove_stale_temporaries

    try:
        discovery = discover(paths)
        llm_flags = {
            "model": model,
            "base_url": base_url,
            "mode": mode,
            "max_chunk_tokens": max_chunk_tokens,
            "max_tokens": max_tokens,
            "max_retries": max_retries,
            "concurrency": concurrency,
            "timeout": timeout,
            "cache_dir": cache_dir,
            "use_cache": False if no_cache else None,
            "hybrid": True if hybrid else None,
        }
        chosen = get_engine(engine, llm_flags)
    except (IngestError, EngineUnavailable) as error:
        raise _fail(str(error)) from None
    if executor not in EXECUTORS:
        raise _fail(f"unknown executor {executor!r}; choose one of: {', '.join(EXECUTORS)}")
    if address is not None and executor != "ray":
        raise _fail("--address is for --executor ray")
    remove_stale_temporaries(out)
    console = Console(stderr=True)
    results: list[FileResult] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    signal.signal(signal.SIGTERM, interrupt)
    options = {"engine": chosen, "out_dir": out, "force": force, "debug": debug, "max_bytes": int(max_size * 1e6)}
    files, started = discovery.recaps, time.time()
    if executor == "ray":
        from extract.ray_executor import ExecutorUnavailable
        from extract.ray_executor import extract_files as extract_on_ray

        try:
            extracting = extract_on_ray(files, options, jobs, address)
        except ExecutorUnavailable as error:
            raise _fail(str(error)) from None
    else:
        extracting = extract_files(files, options, jobs or available_cores())
    try:
        # Redrawn per file, not by a refresh thread: a process without threads can fork its workers.
        with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("extracting", total=len(files))
            for result in extracting:
                results.append(result)
                progress.update(task, advance=1, description=f"extracted {result.path.name}", refresh=True)
    except KeyboardInterrupt:
        if isinstance(extracting, Generator):
            extracting.close()  # waits for the files workers are writing: then the count on disk is final
        _summary(_in_input_order(results, files), discovery.unsupported)
        written = sum(_written_since(output_path(out, recap.id), started) for recap in files)
        typer.echo(
            f"interrupted after {written} of {len(files)} files: their outputs are written and whole; "
            "run the same command again to resume",
            err=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    results = _in_input_order(results, files)
    _summary(results, discovery.unsupported)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        for result in failed:
            typer.echo(f"error: {result.path}: {result.error}", err=True)
        raise typer.Exit(EXIT_FAILED)


def _in_input_order(results: list[FileResult], files: Sequence[Recap]) -> list[FileResult]:
    """Results as the files were found (the ray executor gives them as they finish)."""
    position = {recap.path: index for index, recap in enumerate(files)}
    return sorted(results, key=lambda result: position[result.path])


def _written_since(path: Path, started: float) -> bool:
    try:
        return path.stat().st_mtime >= started
    except OSError:
        return False


_NAMED = 5  # unsupported files named in the summary line; the rest are counted


def _summary(results: Sequence[FileResult], unsupported: Sequence[Path]) -> None:
    from rich.console import Console
    from rich.table import Table

    usages = [r.usage for r in results if r.usage is not None]
    columns = ["file", "status", "talks", "launches", "credits", "time"] + (
        ["requests", "tokens in/out"] if usages else []
    )
    table = Table(*columns)
    for result in results:
        row = [
            str(result.path),
            result.status + (" (too large)" if result.status == "skipped" and result.error else ""),
            *(str(n) for n in (result.talks, result.launches, result.credits)),
            f"{result.seconds:.2f}s" if result.status == "done" else "-",
        ]
        if usages:
            row += _usage_cells(result.usage)
        table.add_row(*row)
    if usages:
        total = sum(usages, Usage())
        table.add_section()
        table.add_row("total", "", "", "", "", "", *_usage_cells(total))
    Console().print(table)
    for result in results:
        if result.status == "skipped" and result.error:
            typer.echo(f"skipped {result.path}: {result.error}")
    if unsupported:
        names = ", ".join(str(p) for p in unsupported[:_NAMED]) + (", …" if len(unsupported) > _NAMED else "")
        typer.echo(f"skipped {len(unsupported)} files of unsupported types: {names}")


def _usage_cells(usage: Usage | None) -> list[str]:
    if usage is None:
        return ["-", "-"]
    requests = f"{usage.requests}" + (f" (+{usage.cached} cached)" if usage.cached else "")
    return [requests, f"{usage.prompt_tokens}/{usage.completion_tokens}"]


@app.command(name="eval")
def evaluate(
    outputs: Annotated[Path, typer.Argument(help="Folder of outputs, or one output file.")],
    golden: Annotated[Path, typer.Argument(help="Folder of golden files, or one golden file.")],
    min_f1: Annotated[
        float, typer.Option("--min-f1", help="Exit 1 when any record type's F1 is below this.", min=0, max=1)
    ] = 0.0,
    min_macro_f1: Annotated[
        float, typer.Option("--min-macro-f1", help="Exit 1 when any document's macro F1 is below this.", min=0, max=1)
    ] = 0.0,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors", help="List per document the missed and extra records and the wrong fields of matches."
        ),
    ] = False,
) -> None:
    """Precision, recall and F1 of OUTPUTS against GOLDEN, per record type and per field."""
    from extract.evaluate import Report, compare, load_golden

    golden_files = sorted(golden.glob("*.json")) if golden.is_dir() else [golden]
    if not golden.exists() or not golden_files:
        raise _fail(f"no golden files at {golden}")
    expected_all = [load_golden(path) for path in golden_files]
    if outputs.is_file() and golden.is_dir():  # one output: its own golden file only
        document = _read_output(outputs).document.id
        expected_all = [e for e in expected_all if e["document"] == document]
        if not expected_all:
            raise _fail(f"no golden file for {document} in {golden}")
    total = Report()
    per_document: list[tuple[str, Report]] = []
    for expected in expected_all:
        output_file = outputs if outputs.is_file() else output_path(outputs, expected["document"])
        extraction = _read_output(output_file)
        source = _source_of(extraction, output_file, expected) if show_errors else None
        report = compare(extraction, expected, source)
        per_document.append((expected["document"], report))
        total.add(report)
    _print_report(per_document, total)
    if show_errors:
        _print_findings(per_document)
    low_types = [t for t, s in total.records.items() if s.f1 < min_f1]
    low_documents = [d for d, r in per_document if r.macro_f1 < min_macro_f1]
    if low_types or low_documents:
        below = ", ".join(low_types + low_documents)
        raise _fail(f"below threshold: {below}", EXIT_FAILED)


def _read_output(path: Path) -> Extraction:
    from extract.write import read_extraction

    try:
        return read_extraction(path)
    except (OSError, ValueError) as error:
        raise _fail(f"{path}: cannot read output ({type(error).__name__})") from None


def _source_of(extraction: Extraction, output_file: Path, golden: dict[str, Any]) -> str | None:
    """The text the output's offsets refer to, from where the output says or the golden file's `source`."""
    from extract.ingest import IngestError, recap_text

    for sources in (None, Path(golden["source"]).parent if golden.get("source") else None):
        try:
            return recap_text(extraction.document, output_file, sources)
        except IngestError:
            continue
    return None


def _print_report(per_document: Sequence[tuple[str, Report]], total: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    documents = Table("document", "talks F1", "launches F1", "credits F1", "macro F1", title="per document")
    for name, report in per_document:
        documents.add_row(name, *(f"{s.f1:.3f}" for s in report.records.values()), f"{report.macro_f1:.3f}")
    console.print(documents)
    scores = Table("record / field", "precision", "recall", "F1", "tp", "fp", "fn", title="all documents")
    for name, score in list(total.records.items()) + sorted(total.fields.items()):
        scores.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    console.print(scores)


def _print_findings(per_document: Sequence[tuple[str, Report]]) -> None:
    from extract.evaluate import finding_lines

    for name, report in per_document:
        typer.echo("\n" + "\n".join(finding_lines(name, report.findings)))


@app.command()
def report(
    outputs: Annotated[Path, typer.Argument(help="Folder of outputs (or one output file).")] = Path("outputs"),
    html: Annotated[Path, typer.Option("--html", help="Folder for index.html and the pages under docs/.")] = Path(
        "report"
    ),
    golden: Annotated[
        Path | None, typer.Option("--golden", help="Golden files (folder or file): mark missing and extra records.")
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="Folder holding the recaps, if they moved since the run [path in each output]."),
    ] = None,
) -> None:
    """Write a review page per output (evidence highlighted in the source text) and an index page."""
    from extract.report import build_report, output_files

    if not outputs.exists() or not output_files(outputs):
        raise _fail(f"no outputs (*.json) at {outputs}")
    for option, folder in (("--golden", golden), ("--sources", sources)):
        if folder is not None and not folder.exists():
            raise _fail(f"{option} {folder}: no such file or directory")
    try:
        result = build_report(outputs, html, golden, sources)
    except OSError as error:
        raise _fail(f"cannot write the report to {html}: {error.strerror}", EXIT_FAILED) from None
    except ValueError as error:
        raise _fail(f"cannot read the golden files: {error}") from None
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(f"wrote {len(result.pages)} document pages; open {result.index}")
    if result.unreadable:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def export(
    outputs: Annotated[Path, typer.Argument(help="Folder of outputs (searched with its folders), or one output file.")],
    jsonl: Annotated[Path, typer.Option("--jsonl", help="JSON Lines file to write; - for standard output.")],
) -> None:
    """Write every record of OUTPUTS as one JSON line: type, document, an id unique across documents."""
    import sys

    from extract.export import record_lines
    from extract.report import output_files
    from extract.write import atomic_stream, read_extraction

    files = output_files(outputs) if outputs.exists() else []
    if not files:
        raise _fail(f"no outputs (*.json) at {outputs}")
    unreadable = records = 0
    try:
        with nullcontext(sys.stdout) if str(jsonl) == "-" else atomic_stream(jsonl) as stream:
            for path in files:
                try:
                    extraction = read_extraction(path)
                except (OSError, ValueError) as error:  # named; the other outputs are still exported
                    typer.echo(f"warning: {path}: cannot read output ({type(error).__name__}); skipped", err=True)
                    unreadable += 1
                    continue
                for line in record_lines(extraction):
                    stream.write(line + "\n")
                    records += 1
    except OSError as error:
        raise _fail(f"cannot write {jsonl}: {error.strerror}", EXIT_FAILED) from None
    typer.echo(f"wrote {records} records from {len(files) - unreadable} outputs to {jsonl}", err=True)
    if unreadable:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schema files.")] = Path("schemas"),
) -> None:
    """Write one JSON Schema file per output model."""
    from extract.schema import schema_files

    out.mkdir(parents=True, exist_ok=True)
    for name, content in schema_files().items():
        (out / name).write_text(content, encoding="utf-8")
        typer.echo(out / name)
