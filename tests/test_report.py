from __future__ import annotations

import json
import re
from html import unescape
from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from extract.cli import app
from extract.report import build_report
from extract.report.highlights import Fragment, Highlight, nest
from extract.report.render import highlighted_text

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
MARK = re.compile(r"<mark [^>]*>|</mark>")


def _highlight(number: int, start: int, end: int, kind: str = "talk") -> Highlight:
    return Highlight(number, start, end, kind, f"{kind}/r{number}")


def _walk(fragments: list[Fragment]) -> list[Fragment]:
    return [f for fragment in fragments for f in (fragment, *_walk(fragment.children))]


def _spans(page: str) -> int:
    return len(re.findall(r'<mark class="ev [^"]*" id="h', page))


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)), max_size=25)


@given(SPANS)
def test_nesting_covers_every_span_exactly_with_well_formed_fragments(spans: list[tuple[int, int]]) -> None:
    highlights = [_highlight(n, start, start + length) for n, (start, length) in enumerate(spans, 1)]
    roots = nest(highlights)
    fragments = _walk(roots)
    for highlight in highlights:
        own = sorted((f.start, f.end) for f in fragments if f.highlight == highlight)
        assert sum(f.first for f in fragments if f.highlight == highlight) == 1
        assert own[0][0] == highlight.start and own[-1][1] == highlight.end
        assert all(a[1] == b[0] for a, b in pairwise(own))  # contiguous pieces
    for parent in fragments:
        for child in parent.children:
            assert parent.start <= child.start <= child.end <= parent.end
        for a, b in pairwise(parent.children):
            assert a.end <= b.start
    text = '가나다<b>&"라' * 4
    page = highlighted_text(text, highlights, {}, set())
    assert unescape(MARK.sub("", page)) == text
    assert page.count("<mark ") == page.count("</mark>") == len(fragments)


def test_a_span_crossing_another_continues_after_it_as_a_second_fragment() -> None:
    outer, crossing = _highlight(1, 0, 10), _highlight(2, 5, 15, "credit")
    fragments = _walk(nest([outer, crossing]))
    assert [(f.highlight.number, f.start, f.end, f.first) for f in fragments] == [
        (1, 0, 10, True),
        (2, 5, 10, True),
        (2, 10, 15, False),
    ]


def test_identical_spans_stack_with_the_outer_underline_lifted() -> None:
    talk, credit, entity = _highlight(1, 2, 8), _highlight(2, 2, 8, "credit"), _highlight(3, 2, 4, "entity")
    roots = nest([entity, credit, talk])
    assert [f.highlight.kind for f in _walk(roots)] == ["talk", "credit", "entity"]
    assert [f.height for f in _walk(roots)] == [2, 1, 0]


def test_every_output_of_raw_gets_a_page_with_one_highlight_per_evidence_span(tmp_path: Path) -> None:
    result = build_report(ROOT / "outputs", tmp_path, golden_dir=ROOT / "tests" / "golden")
    assert result.warnings == []
    assert sorted(p.stem for p in result.pages) == sorted(p.stem for p in (ROOT / "raw").iterdir())
    for page in result.pages:
        output = json.loads((ROOT / "outputs" / f"{page.stem}.json").read_text(encoding="utf-8"))
        evidence = sum(len(r["evidence"]) for t in ("talks", "launches", "credits") for r in output[t])
        mentions = sum(len(e["mentions"]) for e in output["entities"])
        assert _spans(page.read_text(encoding="utf-8")) == evidence + mentions
    index = result.index.read_text(encoding="utf-8")
    assert all(f'href="docs/{page.name}"' in index for page in result.pages)


def test_recap_markup_and_script_in_records_stay_text(hostile_output: Path, tmp_path: Path) -> None:
    result = build_report(hostile_output, tmp_path / "report")
    page = result.pages[0].read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the page's own: records JSON and behaviour
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "<b>" not in page
    records = json.loads(page.split('id="records">')[1].split("</script>")[0])  # whole: no "</script>" inside
    assert records["talk/talk-1"]["fields"][1][1].endswith("</script><script>window.pwned = 2</script>")
    assert _spans(page) == 4  # two talk spans, a credit's and an entity's


def test_golden_marks_missing_and_extra_records(tmp_path: Path) -> None:
    golden = json.loads((ROOT / "tests" / "golden" / "aiewf-2025-recap.ko.json").read_text(encoding="utf-8"))
    removed = golden["talks"].pop(0)
    golden["credits"].append({"person": "없는사람", "role": "emcee"})
    (tmp_path / "golden.json").write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    output = ROOT / "outputs" / "aiewf-2025-recap.ko.json"
    result = build_report(output, tmp_path / "report", golden_dir=tmp_path / "golden.json")
    page = result.pages[0].read_text(encoding="utf-8")
    extra_row = page.split('class="row extra"')[1].split("</tr>")[0]
    missing_row = page.split('class="row missing"')[1].split("</tr>")[0]
    assert removed["title"] in extra_row and "없는사람" in missing_row
    assert 'class="ev ev-talk extra"' in page
    assert "1 / 1" in result.index.read_text(encoding="utf-8")


def test_a_moved_or_changed_source_still_gets_a_page_with_a_warning(hostile_output: Path, tmp_path: Path) -> None:
    source = tmp_path / "hostile.md"
    source.write_text("changed", encoding="utf-8")
    changed = runner.invoke(app, ["report", str(hostile_output), "--html", str(tmp_path / "a")])
    assert changed.exit_code == 0 and "changed since the run" in changed.output
    source.unlink()
    moved = runner.invoke(app, ["report", str(hostile_output), "--html", str(tmp_path / "b")])
    assert moved.exit_code == 0 and "not shown" in moved.output
    page = (tmp_path / "b" / "docs" / "hostile.html").read_text(encoding="utf-8")
    assert 'class="problem"' in page and 'class="row' in page


def test_report_errors_are_one_line_and_an_unreadable_output_spares_the_rest(tmp_path: Path) -> None:
    empty = runner.invoke(app, ["report", str(tmp_path / "nothing")])
    assert empty.exit_code == 2 and empty.output.strip().count("\n") == 0
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    (outputs / "broken.json").write_text("{", encoding="utf-8")
    (outputs / "good.json").write_bytes((ROOT / "outputs" / "aiewf-2025-recap.ko.json").read_bytes())
    result = runner.invoke(app, ["report", str(outputs), "--html", str(tmp_path / "report")])
    assert result.exit_code == 1 and "broken.json: cannot read output" in result.output
    assert (tmp_path / "report" / "docs" / "aiewf-2025-recap.ko.html").exists()
