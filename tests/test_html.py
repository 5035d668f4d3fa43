"""HTML recaps: the page's main text is extracted, kept beside the output, and every span refers to it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extract.cli import app
from extract.report import build_report

runner = CliRunner()

PAGE = """<!DOCTYPE html>
<html><head><title>PyCon 후기</title></head>
<body>
<nav><a href="/">홈</a> <a href="/about">소개</a> 정다은 님이 사회를 봤다는 메뉴 문구</nav>
<article>
<h1>PyCon 후기</h1>
<p>올해도 &quot;파이썬&quot; 행사에 다녀왔다. 세션은 아래와 같았다.</p>
<h2>세션 목록</h2>
<ul>
<li>비동기 파이썬 - 김민수 (카카오)</li>
<li>Rust in production by Jane Doe (Acme)</li>
</ul>
<p>사회는 이서윤 님이 맡아 주셨다.</p>
</article>
<footer>© 2025 블로그 주인</footer>
</body></html>
"""


def _run(tmp_path: Path, name: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / name).write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    output = json.loads((out / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    return output, (out / output["document"]["text_file"]).read_text(encoding="utf-8")


def test_an_html_page_is_read_as_its_main_text_and_every_span_refers_to_the_kept_text(tmp_path: Path) -> None:
    output, text = _run(tmp_path, "recap.html")
    assert output["document"]["format"] == "html" and output["document"]["text_file"] == "recap.text"
    assert output["document"]["chars"] == len(text)
    assert "<" not in text and "&quot;" not in text and '"파이썬"' in text  # tags gone, entities decoded
    assert "메뉴 문구" not in text and "블로그 주인" not in text  # navigation and footer are not the recap
    assert "- 비동기 파이썬 - 김민수 (카카오)" in text.splitlines()  # list items stay lines
    titles = {talk["title"] for talk in output["talks"]}
    assert {"비동기 파이썬", "Rust in production"} <= titles
    spans = [s for kind in ("talks", "launches", "credits") for r in output[kind] for s in r["evidence"]]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)


def test_an_html_page_saved_as_text_is_read_as_html(tmp_path: Path) -> None:
    output, text = _run(tmp_path, "saved-page.txt")
    assert output["document"]["format"] == "html" and "<li>" not in text
    assert "비동기 파이썬" in {talk["title"] for talk in output["talks"]}


def test_the_review_page_shows_an_html_recap_in_its_kept_text(tmp_path: Path) -> None:
    _run(tmp_path, "recap.html")
    result = build_report(tmp_path / "out", tmp_path / "report")
    assert result.warnings == [] and len(result.pages) == 1
    assert "비동기 파이썬" in result.pages[0].read_text(encoding="utf-8")
