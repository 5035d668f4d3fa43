from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

from extract.ingest import SourceDocument, read_document
from extract.segment import LONG_LINE, kiwi, layout_blocks, mask_markup, segment, set_analysis_threads

LAYOUT = """## 행사 개요
**주요 발표**
**참가자 수**: 1,200명이 참석했습니다.
*   **첫 항목**은 목록입니다.
1. 번호 목록도 있습니다.
평범한 문단입니다. 두 번째 문장입니다.
"""


def test_blocks_follow_the_recap_layout() -> None:
    kinds = [b.kind for b in layout_blocks(LAYOUT)]
    assert kinds == ["heading", "heading", "bold_lead", "bullet", "bullet", "paragraph"]


def test_blocks_know_their_section_heading() -> None:
    blocks = layout_blocks(LAYOUT)
    assert [b.section for b in blocks] == [0, 1, 1, 1, 1, 1]


def test_blocks_count_the_blank_lines_above_them() -> None:
    blocks = layout_blocks("제목\n\n\n발표자\n- 김민준\n  \n다음 문단\n")
    assert [b.gap for b in blocks] == [0, 2, 0, 1]  # a line of spaces is blank too


def test_a_blank_line_parts_lines_only_where_the_document_does_not_put_one_after_every_line() -> None:
    lines = [f"줄 {number}" for number in range(12)]
    spaced = layout_blocks("\n\n".join(lines))
    assert {b.spacing for b in spaced} == {1} and all(b.set_apart and b.runs_on for b in spaced[1:])
    once_run_on = layout_blocks("\n\n".join(lines[:6]) + "\n" + "\n\n".join(lines[6:]))
    assert {b.spacing for b in once_run_on} == {0} and not once_run_on[1].runs_on
    assert {b.spacing for b in layout_blocks("\n\n".join(lines[:5]))} == {0}  # too few lines to tell


# Notes kept at 60 columns (invented): paragraphs and list items broken over lines, titles not. The
# lines go on with capitalised words, which no sentence broken at a link would start with.
_WRAPPED = """Meetup notes

Incremental Builds at Scale
The evening opened with a tour of the build system that Mina
Cho and her team run at Northwind, and of what it took Bazel
Remote to make a clean build finish in under ten minutes.

* The first lesson was that a cache is only as good as the
  Keys it is given, and most of their misses came from Git
  Timestamps that changed on every checkout of the tree.
* The second was to measure before optimising anything, which
  Mina said nobody on the team had done in the first year.

Questions afterwards were mostly about remote execution and
Kubernetes, and the cost of keeping a shared cache warm.
"""


def _block_texts(text: str) -> list[str]:
    return [text[block.start : block.end] for block in layout_blocks(text)]


def test_a_hard_wrapped_document_reads_each_paragraph_and_list_item_as_one_block() -> None:
    paragraphs = [part.strip("\n") for part in _WRAPPED.split("\n\n")]
    title, paragraph = paragraphs[1].split("\n", 1)
    first, second = paragraphs[2].split("\n* ")
    assert _block_texts(_WRAPPED) == ["Meetup notes", title, paragraph, first, "* " + second, paragraphs[3]]


def test_a_line_that_its_next_word_would_have_fitted_on_ends_there() -> None:
    early = _WRAPPED.replace("that Mina\nCho and her team", "that\nMina Cho and her team")
    assert "Mina Cho and her team run at Northwind, and of what it took Bazel" in "".join(_block_texts(early))
    assert not any("system that\nMina" in block for block in _block_texts(early))


def test_a_title_cased_line_of_the_full_width_stays_apart_from_the_paragraph_under_it() -> None:
    titled = _WRAPPED.replace(
        "Incremental Builds at Scale\n", "Incremental Builds at Scale With Bazel and Remote Caches in CI\n"
    )
    assert "Incremental Builds at Scale With Bazel and Remote Caches in CI" in _block_texts(titled)


def test_a_document_whose_lines_have_any_length_joins_none_of_them() -> None:
    lines = [
        "Incremental Builds at Scale",
        "Mina Cho of Northwind on the build system her team runs, and what it took.",
        "Kubernetes Without Tears",
        "Jae Park showed how a small team keeps three clusters alive with no on-call rota at all, and why.",
        "Questions were about cost.",
        "Remote Execution in Practice",
        "Ana Silva spoke last.",
        "Bazel Remote came up in every talk of the evening, from the keynote to the lightning talks at the end of the day.",
        "Git Timestamps were the villain of the night, again.",
        "Northwind Hosted Us",
    ]
    assert _block_texts("\n".join(lines)) == lines


def test_masking_keeps_offsets() -> None:
    masked = mask_markup(LAYOUT)
    assert len(masked) == len(LAYOUT)
    assert "**" not in masked


def test_bold_markup_does_not_glue_a_particle_to_the_name() -> None:
    text = "**헉스 AI(Huxe AI)**를 발표했습니다."
    tokens = segment(text).tokens
    particle = next(t for t in tokens if t.text == "를")
    assert particle.tags == ("JKO",)


def test_every_token_and_sentence_is_an_exact_span_of_the_seed() -> None:
    text = read_document(SEED).text
    segmentation = segment(text)
    for token in segmentation.tokens:
        assert text[token.start : token.end] == token.text
    for block in segmentation.blocks:
        for sentence in block.sentences:
            assert block.start <= sentence.start < sentence.end <= block.end
    assert len(segmentation.sentences) > 100


def test_language_is_detected_from_the_script() -> None:
    assert segment("오늘 행사에서 발표가 있었습니다.").language == "ko"
    assert segment("The conference had three tracks.").language == "en"


def test_a_worker_can_analyse_in_its_own_thread_and_gets_the_same_tokens() -> None:
    text = read_document(SEED).text
    shared = segment(text)
    try:
        set_analysis_threads(1)
        assert kiwi().tokenize("준비합니다")
        assert segment(text) == shared
    finally:
        set_analysis_threads(None)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_kiwi_on_one_thread_starts_no_thread_so_a_loaded_process_can_be_forked() -> None:
    code = (
        "import os; from extract.segment import kiwi, segment, set_analysis_threads; set_analysis_threads(1); "
        "segment('행사에서 발표가 있었습니다. 둘째 문장입니다.'); print(len(os.listdir('/proc/self/task')))"
    )
    threads = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert threads.strip() == "1"


def test_sentences_kiwi_splits_mid_clause_or_past_the_full_stop_are_mended() -> None:
    text = (
        "둘째 날 기조연설에는 사티시 라오(Satish Rao) 교수가 연사로 나서 '분산 시스템의 미래'에 대해 강연했다. "
        "지난 반년간 30가지에 달하는 주요 모델들이 공개되었습니다. '노바(Nova)'는 비용 효율적이었습니다.\n"
    )
    sentences = [text[s.start : s.end] for s in segment(text).sentences]
    assert sentences == [
        "둘째 날 기조연설에는 사티시 라오(Satish Rao) 교수가 연사로 나서 '분산 시스템의 미래'에 대해 강연했다.",
        "지난 반년간 30가지에 달하는 주요 모델들이 공개되었습니다.",
        "'노바(Nova)'는 비용 효율적이었습니다.",
    ]


def test_a_page_copied_as_one_line_is_read_in_units_of_whole_sentences() -> None:
    sentence = "이번 세션은 김민수 님이 발표했습니다. "
    line = sentence * 400  # about 9,000 characters, no line break
    blocks = layout_blocks(line + "\n- 다음 줄")
    units = blocks[:-1]
    assert len(units) > 1 and all(b.end - b.start <= LONG_LINE for b in units)
    assert all(line[b.start : b.end].endswith("발표했습니다.") for b in units)
    assert "".join(line[b.start : b.end] + " " for b in units) == line  # nothing lost between units
    assert blocks[-1].kind == "bullet"


def test_the_seed_as_one_line_credits_nobody_as_a_track_host_that_its_lines_do_not() -> None:
    from extract.engines.local import LocalEngine
    from extract.pipeline import extract_document

    document = read_document(SEED)
    flat = SourceDocument(document.id, document.path, document.text.replace("\n", " "), document.sha256, "utf-8")
    engine = LocalEngine()
    hosts = [
        {c.person.name for c in extract_document(d, engine).credits if c.role == "track_host" and c.person}
        for d in (document, flat)
    ]
    assert hosts[1] <= hosts[0]


def test_a_sentence_broken_at_its_links_is_one_block_but_names_one_a_line_are_not() -> None:
    broken = layout_blocks("이번 세션은\n김하늘\n님이 발표해 주셨다.\n")
    assert len(broken) == 1  # the name was a link: `은` and `님이` only go on with the sentence
    text = "운영진\n박조은\n박해선\n안성진\n"
    names = layout_blocks(text)
    assert [text[b.start : b.end] for b in names] == ["운영진", "박조은", "박해선", "안성진"]


def test_a_line_led_by_an_en_dash_is_a_list_item_but_one_led_by_an_em_dash_is_not() -> None:
    kinds = [b.kind for b in layout_blocks("메모\n– 첫 항목\n  – 둘째 항목\n— 누군가의 말\n")]
    assert kinds == ["heading", "bullet", "bullet", "paragraph"]
