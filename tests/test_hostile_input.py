"""Folders nobody checked: every case through the command line, as a user runs it."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from conftest import SEED
from typer.testing import CliRunner

from extract.cli import app
from extract.write import read_extraction

runner = CliRunner()
SEED_TEXT = SEED.read_text(encoding="utf-8")
SAMPLE = "**김지현(Jihyun Kim) — 에이전트 평가의 현실**\n진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"


def _records(path: Path) -> dict[str, object]:
    data = read_extraction(path).model_dump()
    return {k: data[k] for k in ("talks", "launches", "credits", "entities")}


def _run(folder: Path, out: Path, *flags: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["run", str(folder), "--out", str(out), *flags])


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("utf16-bom", lambda t: t.encode("utf-16")),
        ("cp949", lambda t: t.replace("—", "-").encode("cp949")),
        ("euc-kr", lambda t: t.replace("—", "-").encode("euc-kr")),
        ("nfd", lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("zero-width", lambda t: t.replace("김지현", "김\u200b지현").replace("Yuri", "Yu\u200bri").encode("utf-8")),
    ],
)
def test_decodable_text_gives_the_records_of_its_utf8_nfc_twin(tmp_path: Path, name: str, encode) -> None:  # type: ignore[no-untyped-def]
    text = SAMPLE if name not in {"cp949", "euc-kr"} else SAMPLE.replace("—", "-")
    (tmp_path / "twin").mkdir()
    (tmp_path / "twin" / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "doc.txt").write_bytes(encode(SAMPLE))
    assert _run(tmp_path / "twin", tmp_path / "a").exit_code == 0
    assert _run(tmp_path / "case", tmp_path / "b").exit_code == 0
    twin, case = _records(tmp_path / "a" / "doc.json"), _records(tmp_path / "b" / "doc.json")
    assert case == twin and twin["talks"]


def test_a_folder_mixing_every_case_writes_every_good_file_and_names_every_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "mixed (혼합)"
    folder.mkdir()
    good = {
        "empty.txt": b"",
        "blank.md": b"  \n\t\n",
        "행사 후기 (2025).txt": SAMPLE.encode("utf-8"),
        "utf16.txt": SAMPLE.encode("utf-16"),
        "long-line.txt": (SEED_TEXT.replace("\n", " ") * 3).encode("utf-8"),
    }
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "garbage.md": bytes([0x80, 0x81, 0xFE]) * 50,
        "huge.txt": SEED_TEXT.encode("utf-8") * 530,  # 20 MB: over --max-size, named and skipped
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a symlink loop
    out = tmp_path / "out"
    result = _run(folder, out)
    assert result.exit_code == 1
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == sorted(f"{Path(n).stem}.json" for n in good)
    for name in ("binary.txt", "garbage.md"):
        assert f"{name}: " in result.stderr
    assert "huge.txt: too large (20.2 MB > --max-size 5 MB)" in result.stdout  # skipped, not failed
    assert "huge.txt" in result.stdout and "huge.txt" not in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert read_extraction(out / "empty.json").talks == []
    long_line = read_extraction(out / "long-line.json")  # one 57,000-character line
    text = (folder / "long-line.txt").read_text(encoding="utf-8")
    spans = [s for r in [*long_line.talks, *long_line.launches, *long_line.credits] for s in r.evidence]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)


def test_output_names_stay_in_the_output_folder_whatever_the_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "..").mkdir(parents=True, exist_ok=True)
    folder.mkdir(exist_ok=True)
    (folder / "..hidden name (1).txt").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(folder, out).exit_code == 0
    assert [p.parent for p in out.rglob("*.json")] == [out]


def test_errors_show_a_traceback_only_with_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "doc.txt").write_text(SAMPLE, encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rule bug")

    monkeypatch.setattr("extract.pipeline.resolve", broken)
    quiet = _run(tmp_path, tmp_path / "out")
    assert quiet.exit_code == 1 and "internal error: RuntimeError: rule bug" in quiet.stderr
    assert "Traceback" not in quiet.stderr
    loud = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--debug"])
    assert isinstance(loud.exception, RuntimeError)


def test_outputs_and_caches_are_plain_files_that_can_be_deleted(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(tmp_path / "in", out).exit_code == 0
    json.loads((out / "doc.json").read_text(encoding="utf-8"))
    for path in out.iterdir():
        os.remove(path)
    assert _run(tmp_path / "in", out).exit_code == 0 and (out / "doc.json").exists()
