"""The command line as a user drives it: exit codes, one-line errors, outputs kept per file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from typer.testing import CliRunner

from extract.cli import app
from extract.parallel import analysis_threads_per_worker, available_cores
from extract.pipeline import freeze_warm_state

runner = CliRunner()


def _recaps(tmp_path: Path) -> Path:
    folder = tmp_path / "recaps"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "레거시 인코딩.txt").write_bytes("**김지현(Jihyun Kim) - 평가의 현실**\n".encode("cp949"))
    return folder


def test_run_writes_one_output_per_recap_and_prints_a_table(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(_recaps(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["aiewf-2025-recap.ko.json", "레거시 인코딩.json"]
    assert "talks" in result.output and "launches" in result.output and "credits" in result.output
    legacy = json.loads((out / "레거시 인코딩.json").read_text(encoding="utf-8"))
    assert [t["title"] for t in legacy["talks"]] == ["평가의 현실"]


def test_parallel_workers_write_what_one_process_writes(tmp_path: Path) -> None:
    folder = _recaps(tmp_path)
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / jobs), "--jobs", jobs])
        assert result.exit_code == 0, result.output
    for output in (tmp_path / "1").iterdir():
        alone, parallel = (json.loads((tmp_path / j / output.name).read_text(encoding="utf-8")) for j in "12")
        del alone["run"]["duration_s"], parallel["run"]["duration_s"]
        assert alone == parallel


def test_a_process_freezes_what_it_keeps_once_after_its_first_extracted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    freezes = []
    monkeypatch.setattr("gc.freeze", lambda: freezes.append(1))
    freeze_warm_state.cache_clear()
    folder, out = _recaps(tmp_path), tmp_path / "out"
    runner.invoke(app, ["run", str(folder), "--out", str(out), "--jobs", "1"])
    assert freezes == [1]  # two files extracted, one freeze
    freeze_warm_state.cache_clear()
    runner.invoke(app, ["run", str(folder), "--out", str(out), "--jobs", "1"])
    assert freezes == [1]  # every file skipped: nothing was loaded to freeze
    freeze_warm_state.cache_clear()


def test_workers_share_the_cores_asked_for_among_their_analysis_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extract.parallel.available_cores", lambda: 4)
    assert [analysis_threads_per_worker(4, n) for n in (1, 2, 3, 4)] == [4, 2, 1, 1]
    assert [analysis_threads_per_worker(8, n) for n in (1, 2, 8)] == [4, 2, 1]  # no more than there are
    assert [analysis_threads_per_worker(jobs, 1) for jobs in (1, 2)] == [1, 2]  # one file: `--jobs` cores


def test_one_job_analyses_on_one_core_and_one_file_on_every_core_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("extract.parallel.available_cores", lambda: 4)
    threads: list[int | None] = []
    monkeypatch.setattr("extract.segment.set_analysis_threads", threads.append)
    recap = _recaps(tmp_path) / "aiewf-2025-recap.ko.txt"
    for jobs in (["--jobs", "1"], ["--jobs", "2"], []):
        result = runner.invoke(app, ["run", str(recap), "--out", str(tmp_path / "out"), "--force", *jobs])
        assert result.exit_code == 0, result.output
    assert threads == [1, 2, 4]


def test_the_cores_are_those_the_process_may_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0}, raising=False)
    assert available_cores() == 1
    monkeypatch.delattr("os.sched_getaffinity", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert available_cores() == 1


def test_current_outputs_are_skipped_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = _recaps(tmp_path)
    runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert "skipped" in runner.invoke(app, ["run", str(folder), "--out", str(out)]).output
    forced = runner.invoke(app, ["run", str(folder), "--out", str(out), "--force"]).output
    assert "skipped" not in forced and "done" in forced


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


SESSION = "- 비동기 파이썬 - 김민수 (카카오)\n- Rust in production by Jane Doe (Acme)\n"


def test_same_named_recaps_in_different_folders_each_get_their_own_output(tmp_path: Path) -> None:
    posts, out = tmp_path / "posts", tmp_path / "out"
    for slug in ("busan", "seoul"):
        _write(posts / slug / "index.md", SESSION.replace("김민수", f"김{slug}"))
    _write(posts / "notes.txt", SESSION)
    _write(posts / "notes.md", SESSION)
    result = runner.invoke(app, ["run", str(posts), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["busan/index.json", "notes.md.json", "notes.txt.json", "seoul/index.json"]
    ids = {json.loads(p.read_text(encoding="utf-8"))["document"]["id"] for p in out.rglob("*.json")}
    assert ids == {"busan/index", "seoul/index", "notes.md", "notes.txt"}
    again = runner.invoke(app, ["run", str(posts), "--out", str(out)])
    assert again.output.count("skipped") == 4  # each output is its own recap's, so each is current


def test_same_named_files_given_one_by_one_take_their_paths_from_the_folder_they_share(tmp_path: Path) -> None:
    first = _write(tmp_path / "2024" / "busan" / "recap.txt", SESSION)
    second = _write(tmp_path / "2025" / "seoul" / "recap.txt", SESSION.replace("김민수", "이영희"))
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(first), str(second), "--out", str(out)]).exit_code == 0
    assert (out / "2024" / "busan" / "recap.json").exists() and (out / "2025" / "seoul" / "recap.json").exists()
    alone = runner.invoke(app, ["run", str(first), "--out", str(tmp_path / "alone")])
    assert alone.exit_code == 0 and (tmp_path / "alone" / "recap.json").exists()


def test_files_of_other_types_are_counted_and_named_in_one_line(tmp_path: Path) -> None:
    folder = _recaps(tmp_path)
    for name in ("slides.pdf", "notes.docx", "photo.jpg"):
        (folder / name).write_bytes(b"x")
    _write(folder / ".git" / "HEAD", "ref")  # a hidden folder is not searched
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    names = ", ".join(str(folder / n) for n in ("notes.docx", "photo.jpg", "slides.pdf"))
    assert f"skipped 3 files of unsupported types: {names}" in result.output


def test_a_file_over_max_size_is_named_and_skipped_not_failed(tmp_path: Path) -> None:
    folder = _recaps(tmp_path)
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--max-size", "0.01"])
    assert result.exit_code == 0, result.output
    assert f"skipped {folder / SEED.name}: too large (0.038 MB > --max-size 0.01 MB)" in result.output
    assert not (tmp_path / "out" / f"{SEED.stem}.json").exists()


def test_help_names_the_arguments_and_flags_as_a_person_reads_them() -> None:
    result = runner.invoke(app, ["run", "--help"], prog_name="extract", env={"COLUMNS": "200"})
    assert "Usage: extract run [OPTIONS] PATH..." in result.output
    assert "<bool>" not in result.output and "{paths}" not in result.output
    assert "(default: every core)" in result.output


def test_an_undecodable_file_fails_alone_and_the_others_are_written(tmp_path: Path) -> None:
    folder = _recaps(tmp_path)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "broken.txt: binary file" in result.stderr
    assert (out / "aiewf-2025-recap.ko.json").exists() and not (out / "broken.json").exists()


def test_a_missing_path_or_empty_folder_is_a_one_line_usage_error(tmp_path: Path) -> None:
    for target in (tmp_path / "missing", tmp_path):
        result = runner.invoke(app, ["run", str(target), "--out", str(tmp_path / "out")])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_the_ray_executor_without_ray_installed_is_a_one_line_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails, as where the extra is not installed
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(_recaps(tmp_path)), "--executor", "ray", "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == "error: --executor ray needs the ray extra: pip install 'recap-extract[ray]'\n"
    assert not out.exists()


def test_an_unknown_executor_or_an_address_without_ray_is_a_one_line_usage_error(tmp_path: Path) -> None:
    folder = _recaps(tmp_path)
    for flags, message in (
        (["--executor", "dask"], "error: unknown executor 'dask'; choose one of: local, ray\n"),
        (["--address", "head:6379"], "error: --address is for --executor ray\n"),
    ):
        result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), *flags])
        assert (result.exit_code, result.stderr) == (2, message)


def test_the_llm_engine_without_a_model_is_a_one_line_usage_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("EXTRACT_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)  # no pyproject.toml with a [tool.extract] model here
    result = runner.invoke(app, ["run", str(_recaps(tmp_path)), "--engine", "llm"])
    assert result.exit_code == 2 and "needs a model" in result.stderr


def test_eval_exits_non_zero_under_the_threshold(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(SEED), "--out", str(out)])
    golden = json.loads((ROOT / "tests/golden/aiewf-2025-recap.ko.json").read_text(encoding="utf-8"))
    golden["talks"].append({"title": "A talk nobody gave", "speakers": ["Nobody"]})
    golden_file = tmp_path / "aiewf-2025-recap.ko.json"
    golden_file.write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    passing = runner.invoke(app, ["eval", str(out), str(golden_file), "--min-f1", "0.9"])
    failing = runner.invoke(app, ["eval", str(out), str(golden_file), "--min-f1", "0.99"])
    assert passing.exit_code == 0, passing.output
    assert failing.exit_code == 1 and "below threshold: talks" in failing.stderr


def test_eval_of_one_output_scores_it_against_its_own_golden_file_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(SEED), "--out", str(out)])
    golden_dir = tmp_path / "golden"
    golden_dir.mkdir()
    shutil.copy(ROOT / "tests/golden/aiewf-2025-recap.ko.json", golden_dir)
    (golden_dir / "other.json").write_text('{"document": "other", "talks": [{"title": "T", "speakers": ["A"]}]}')
    result = runner.invoke(app, ["eval", str(out / "aiewf-2025-recap.ko.json"), str(golden_dir)])
    assert result.exit_code == 0, result.output
    assert "aiewf-2025-recap.ko" in result.output and "other" not in result.output


def test_show_errors_lists_per_document_what_was_missed_extra_or_wrong_with_its_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(SEED), "--out", str(out)])
    golden = json.loads((ROOT / "tests/golden/aiewf-2025-recap.ko.json").read_text(encoding="utf-8"))
    dropped = golden["credits"].pop(0)["person"]
    golden["talks"].append({"title": "A talk nobody gave", "speakers": ["Nobody"]})
    golden["talks"][0]["kind"] = "workshop"
    golden_file = tmp_path / "aiewf-2025-recap.ko.json"
    golden_file.write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(out), str(golden_file), "--show-errors"])
    lines = result.output.splitlines()
    assert any(line.startswith("aiewf-2025-recap.ko: 1 missing, 1 extra, ") for line in lines)
    assert "  missing talk   A talk nobody gave — Nobody" in lines
    extra = next(i for i, line in enumerate(lines) if line.startswith("  extra   credit ") and dropped in line)
    assert dropped in lines[extra + 1] and lines[extra + 1].lstrip().startswith("|")  # the line it came from
    assert any("[kind: expected 'workshop', got 'keynote']" in line for line in lines)


def test_schema_writes_one_file_per_model(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"extraction.schema.json", "talk.schema.json"}


def test_the_installed_command_reports_its_version_and_errors_without_a_traceback(tmp_path: Path) -> None:
    version = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("extract ")
    missing = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(tmp_path / "nope")], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and missing.stderr.strip().startswith("error:")


def test_a_korean_run_does_not_import_spacy_which_only_english_segmentation_needs(tmp_path: Path) -> None:
    """Importing spaCy takes half a second of start-up; nothing reads the candidates' spaCy Doc."""
    code = (
        "import sys; from extract.cli import app\n"
        "try:\n    app(sys.argv[1:], prog_name='extract')\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))"
    )
    arguments = ["run", str(SEED), "--out", str(tmp_path), "--jobs", "1"]
    process = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True, check=True)
    assert (tmp_path / "aiewf-2025-recap.ko.json").exists()
    assert process.stdout.strip().splitlines()[-1] == "[]"


def test_an_llm_document_whose_requests_keep_failing_is_named_and_the_others_written(tmp_path: Path) -> None:
    from fault_server import Answer, fault_server

    folder = tmp_path / "recaps"
    folder.mkdir()
    (folder / "good.txt").write_text("좋은 문서입니다.\n", encoding="utf-8")
    (folder / "bad.txt").write_text("고장 난 문서입니다.\n", encoding="utf-8")

    def script(body: dict[str, object], n: int) -> Answer:
        return Answer(status=503) if "고장" in json.dumps(body, ensure_ascii=False) else Answer()

    with fault_server(script) as (url, _):
        result = runner.invoke(
            app,
            [
                "run",
                str(folder),
                "--engine",
                "llm",
                "--model",
                "m",
                "--base-url",
                url,
                "--out",
                str(tmp_path / "out"),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--timeout",
                "5",
            ],
        )
    assert result.exit_code == 1
    assert "bad.txt: chunk 1 of 1: HTTP 503" in result.stderr
    assert (tmp_path / "out" / "good.json").exists() and not (tmp_path / "out" / "bad.json").exists()


def test_export_writes_one_json_line_per_record_with_an_id_unique_across_documents(tmp_path: Path) -> None:
    posts, out, jsonl = tmp_path / "posts", tmp_path / "out", tmp_path / "records.jsonl"
    for slug in ("busan", "seoul"):
        _write(posts / slug / "index.md", SESSION)
    runner.invoke(app, ["run", str(posts), "--out", str(out)])
    (out / "broken.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["export", str(out), "--jsonl", str(jsonl)])
    assert result.exit_code == 1 and "broken.json: cannot read output" in result.stderr  # the others still go
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {(r["document"], r["type"]) for r in rows} >= {("busan/index", "talk"), ("seoul/index", "talk")}
    assert len({r["id"] for r in rows}) == len(rows) and all(r["id"].startswith(r["document"] + "#") for r in rows)
    talk = next(r for r in rows if r["type"] == "talk" and r["document"] == "seoul/index")
    assert talk["id"] == "seoul/index#talk-1" and talk["evidence"] and "speakers" in talk
    (out / "broken.json").unlink()
    printed = runner.invoke(app, ["export", str(out), "--jsonl", "-"])
    assert printed.exit_code == 0 and printed.stdout.splitlines() == jsonl.read_text(encoding="utf-8").splitlines()
