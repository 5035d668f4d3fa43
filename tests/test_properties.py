"""Arbitrary text through every stage: nothing crashes and every offset stays exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.candidates import _on_token_boundaries, tag_candidates
from extract.engines.local import LocalEngine
from extract.ground import ground, span_is_exact
from extract.ingest import normalise
from extract.resolve import resolve
from extract.segment import segment

# Recap-like alphabet (Hangul, Latin, brackets, markup, dashes) mixed with any Unicode.
RECAP_PIECES = st.sampled_from(
    [
        "사이먼 윌리슨",
        "(Simon Willison)",
        "님",
        "**",
        " — ",
        ": ",
        "\n",
        "* ",
        "## ",
        "공개했습니다.",
        "(",
        ")",
        "를 ",
        "은 ",
        "의 ",
        "| ",
        " |",
        "| --- |",
        "발표자: ",
        "세션 1. ",
        "사회는 ",
        "맡았다.",
        "'제목'",
        "이었다.",
        " 교수",
        "Talk: ",
        "Jane Doe",
        " (Acme)",
        " hosted by ",
        " announced ",
        "2025년 6월 5일",
    ]
)
TEXT = st.lists(st.one_of(RECAP_PIECES, st.text(max_size=8)), max_size=40).map("".join).map(normalise)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_no_stage_crashes_and_every_span_is_exact(text: str) -> None:
    segmentation = segment(text)
    candidates = tag_candidates(segmentation)
    assert candidates.doc.text == text
    for token in segmentation.tokens:
        assert text[token.start : token.end] == token.text
    grounded = ground(resolve(LocalEngine().extract(segmentation, candidates), text, candidates), text)
    records = [*grounded.talks, *grounded.launches, *grounded.credits]
    assert all(span_is_exact(s, text) for r in records for s in r.evidence)
    assert all(span_is_exact(m, text) for e in grounded.entities for m in e.mentions)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=40))
def test_a_span_is_on_token_boundaries_exactly_when_the_spacy_doc_has_it_as_a_span(
    text: str, offsets: list[tuple[int, int]]
) -> None:
    segmentation = segment(text)
    doc = tag_candidates(segmentation).doc
    tokens = [(t.idx, t.idx + len(t)) for t in doc]
    spans = [(start, end) for start, _ in tokens for _, end in tokens if start < end]  # every whole-token span
    spans += [(start, start + length) for start, length in offsets if start + length <= len(text)]
    expected = [doc.char_span(start, end) is not None for start, end in spans]
    assert _on_token_boundaries(segmentation, spans) == expected
