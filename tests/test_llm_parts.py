"""The llm engine's parts that need no server: alignment, chunks, settings, prompts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED, analyse

from extract.align import align
from extract.engines import Records
from extract.engines.llm import _add
from extract.engines.llm.chunking import Chunk, chunk, estimate_tokens
from extract.engines.llm.client import Reply
from extract.engines.llm.prompt import messages, review_messages
from extract.engines.llm.response import ChunkRecords
from extract.engines.llm.settings import SettingsError, load_settings
from extract.ingest import read_document
from extract.models import Usage

SOURCE = "**아샤 샤르마(Asha Sharma) — 스파크에서 시스템으로**\n본문  입니다. “인용”도 있습니다."


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("아샤 샤르마(Asha Sharma) — 스파크에서", "아샤 샤르마(Asha Sharma) — 스파크에서"),  # exact
        (
            "아샤 샤르마(Asha Sharma) - 스파크에서 시스템으로",
            "아샤 샤르마(Asha Sharma) — 스파크에서 시스템으로",
        ),  # dash
        ("본문 입니다", "본문  입니다"),  # spacing
        ('"인용"도', "인용”도"),  # quote marks
        ("**아샤 샤르마**", "아샤 샤르마"),  # markup
    ],
)
def test_quotes_align_to_exact_source_slices(quote: str, expected: str) -> None:
    found = align(quote, SOURCE)
    assert found is not None and SOURCE[found[0] : found[1]] == expected


def test_a_quote_the_source_does_not_hold_does_not_align() -> None:
    assert align("퀀텀 토스터", SOURCE) is None
    assert align("본문", SOURCE, start=40) is None  # outside the window


def test_chunks_stay_under_budget_never_split_a_sentence_and_repeat_the_heading() -> None:
    text = read_document(SEED).text
    segmentation, _ = analyse(text)
    chunks = chunk(segmentation, 600)
    assert len(chunks) > 5
    inside = [(s.start, s.end) for s in segmentation.sentences]
    for piece in chunks:
        assert text[piece.start : piece.end] == piece.text
        assert not any(s < piece.start < e or s < piece.end < e for s, e in inside)
        longest_sentence = max(estimate_tokens(text[s:e]) for s, e in inside if piece.start <= s < piece.end)
        assert estimate_tokens(piece.text) <= max(600, longest_sentence)
    block_at = {b.start: b for b in segmentation.blocks}
    for piece in chunks:
        block = block_at.get(piece.start)
        if block is not None and block.kind != "heading" and block.section is not None:
            heading = segmentation.blocks[block.section]
            assert piece.heading == text[heading.content_start : heading.end].strip(" *_#:")
    assert "".join(p.text for p in chunks).replace("\n", "") == text.replace("\n", "")


def test_hints_stay_compact_and_the_recap_is_delimited() -> None:
    text = read_document(SEED).text
    segmentation, candidates = analyse(text)
    for piece in chunk(segmentation, 800):
        system, user = messages(piece, candidates)
        assert user["content"].endswith(f"<recap>\n{piece.text}\n</recap>")
        hints = user["content"].split("<recap>")[0]
        assert estimate_tokens(hints) <= estimate_tokens(piece.text) * 0.25 + 20
        assert "never follow" in system["content"]


def test_settings_come_from_flags_then_environment_then_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.extract]\nmodel = "from-file"\nconcurrency = 4\nmode = "json"\n', encoding="utf-8")
    environ = {"EXTRACT_MODEL": "from-env", "OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_API_KEY": "sk-x"}
    settings = load_settings({"mode": "md_json"}, environ, pyproject)
    assert (settings.model, settings.base_url, settings.mode, settings.concurrency) == (
        "from-env",
        "http://127.0.0.1:1/v1",
        "md_json",
        4,
    )
    assert settings.api_key == "sk-x" and "sk-x" not in repr(settings)
    assert load_settings({"model": "flag"}, environ, pyproject).model == "flag"
    assert load_settings({}, {}, pyproject).model == "from-file"


def test_bad_settings_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="needs a model"):
        load_settings({}, {}, tmp_path / "none.toml")
    with pytest.raises(SettingsError, match="unknown mode"):
        load_settings({"model": "m", "mode": "xml"}, {}, tmp_path / "none.toml")
    bad = tmp_path / "pyproject.toml"
    bad.write_text("[tool.extract]\nmodle = 'typo'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"unknown \[tool.extract\] setting: modle"):
        load_settings({"model": "m"}, {}, bad)


@pytest.mark.parametrize("question", ["records", "review"])
def test_a_full_chunks_prompt_costs_at_most_one_and_a_half_times_the_chunk(question: str) -> None:
    from extract.engines.local import LocalEngine

    text = read_document(SEED).text
    segmentation, candidates = analyse(text)
    local = LocalEngine().extract(segmentation, candidates)
    for piece in chunk(segmentation, 1500):  # the default budget
        asked = messages(piece, candidates) if question == "records" else review_messages(piece, local)
        if asked is None:
            continue
        prompt = sum(estimate_tokens(m["content"]) for m in (asked if isinstance(asked, list) else asked[0]))
        assert prompt <= 1.5 * estimate_tokens(piece.text), (piece.index, prompt, estimate_tokens(piece.text))


def _answer(talks: list[dict[str, object]]) -> ChunkRecords:
    return ChunkRecords.model_validate({"talks": talks, "launches": [], "credits": []})


def _kept(answer: ChunkRecords, passage: str) -> tuple[Records, list[str]]:
    """The records the engine keeps of an answer about a passage that is the whole recap, and why
    it dropped each other one."""
    records = Records()
    _add(records, Chunk(0, 0, len(passage), passage, None), Reply(answer, Usage(), []), passage, None)
    return records, records.drops


NOTES = (
    "#2 캐시 설계 다시 보기\n발표자\n- 정하윤, 한빛소프트\n\n발표 내용\n"
    "- 만료 정책\n  - TTL을 짧게\n- 무효화\n  - 이벤트로 지운다\n- 운영 경험\n"
)


def test_a_speakers_note_points_read_as_more_talks_keep_only_the_title_beside_them() -> None:
    passage = (
        "#2 캐시 설계 다시 보기\n발표자\n- 정하윤, 한빛소프트\n\n발표 내용\n만료 정책은 짧게.\n\n무효화\n\n운영 경험\n"
    )
    speaker = [{"name": "정하윤", "affiliation": "한빛소프트"}]
    points = ["캐시 설계 다시 보기", "만료 정책", "무효화", "운영 경험"]
    kept, problems = _kept(_answer([{"title": p, "speakers": speaker, "quote": p} for p in points]), passage)
    assert [t.title for t in kept.talks] == ["캐시 설계 다시 보기"]
    assert len(problems) == 3 and all("several talks given to one speaker" in p for p in problems)


def test_points_of_a_list_of_notes_are_no_titles() -> None:
    speaker = [{"name": "정하윤", "affiliation": "한빛소프트"}]
    points = ["만료 정책", "무효화", "운영 경험"]
    kept, problems = _kept(_answer([{"title": p, "speakers": speaker, "quote": p} for p in points]), NOTES)
    assert kept.talks == []
    assert len(problems) == 3 and all("a point in a list of notes" in p for p in problems)


def test_list_items_that_name_their_speaker_a_lone_item_and_a_numbered_one_stay_titles() -> None:
    passage = (
        "- 스트림 처리 입문 - 정하윤\n- 배치 처리의 끝 - 이서연\n\n"
        "발표\n\n- 캐시 설계 다시 보기\n\n김민준 님의 발표.\n\n1. 모바일 빌드 줄이기\n2. 마무리\n\n박지호 님이 발표했다.\n"
    )
    talks = [
        {"title": "스트림 처리 입문", "speakers": [{"name": "정하윤"}], "quote": "스트림 처리 입문"},
        {"title": "배치 처리의 끝", "speakers": [{"name": "이서연"}], "quote": "배치 처리의 끝"},
        {"title": "캐시 설계 다시 보기", "speakers": [{"name": "김민준"}], "quote": "캐시 설계 다시 보기"},
        {"title": "모바일 빌드 줄이기", "speakers": [{"name": "박지호"}], "quote": "모바일 빌드 줄이기"},
    ]
    kept, problems = _kept(_answer(talks), passage)
    assert [t.title for t in kept.talks] == [t["title"] for t in talks] and problems == []


def test_a_talk_that_names_no_speaker_is_dropped() -> None:
    kept, problems = _kept(_answer([{"title": "캐시 설계 다시 보기", "speakers": [], "quote": "캐시"}]), NOTES)
    assert kept.talks == [] and problems == [
        "talk '캐시 설계 다시 보기': it names no speaker (a talk is given by named people)"
    ]


def test_one_speaker_with_two_talks_each_beside_its_own_line_keeps_both() -> None:
    passage = "스트림 처리 입문\n@jdoe Jane Doe\n\n설명입니다.\n\n배치 처리의 끝\n@jdoe Jane Doe\n"
    speaker = [{"name": "Jane Doe"}]
    titles = ["스트림 처리 입문", "배치 처리의 끝"]
    kept, problems = _kept(_answer([{"title": t, "speakers": speaker, "quote": t} for t in titles]), passage)
    assert [t.title for t in kept.talks] == titles and problems == []


ROUNDUP = (
    "Nimbus Summit Day 2 Recap\n\n"
    "Amazon Quillstore is a document database. Thank you Northwind for building the site.\n"
    "Priya Nair - Sync Engines Explained\n"
    "Laura Chen and Omar Haddad gave a talk. Hosted by Irene Dahl, the day ran late.\n"
    "그는 새 도구를 공개했다. 한빛소프트는 이야기를 나눴다.\n"
)


def test_talks_whose_speaker_is_no_person_or_whose_title_is_prose_an_event_or_a_link_are_dropped() -> None:
    talks = [
        {"title": "Quillstore", "speakers": [{"name": "Amazon Quillstore"}], "quote": "Amazon Quillstore"},
        {"title": "Instances", "speakers": [{"name": "M5"}], "quote": "Amazon Quillstore"},
        {"title": "Tools", "speakers": [{"name": "이야기"}], "quote": "이야기를 나눴다"},
        {
            "title": "그는 새 도구를 공개했다.",
            "speakers": [{"name": "Priya Nair"}],
            "quote": "그는 새 도구를 공개했다.",
        },
        {"title": "Nimbus Summit", "speakers": [{"name": "Laura Chen"}], "quote": "Nimbus Summit Day 2 Recap"},
        {"title": "https://example.com/talk", "speakers": [{"name": "Omar Haddad"}], "quote": "Laura Chen"},
        {
            "title": "Thank you Northwind for building the site",
            "speakers": [{"name": "Northwind"}],
            "quote": "Thank you",
        },
        {"title": "Priya Nair - Sync Engines Explained", "speakers": [{"name": "Priya Nair"}], "quote": "Priya Nair"},
        {"title": "Laura Chen", "speakers": [{"name": "Laura Chen"}, {"name": "Omar Haddad"}], "quote": "gave a talk"},
    ]
    kept, problems = _kept(_answer(talks), ROUNDUP)
    assert [(t.title, [p.name for p in t.speakers]) for t in kept.talks] == [
        ("Priya Nair - Sync Engines Explained", ["Priya Nair"]),  # a name set off by a dash says who gives it
        (None, ["Laura Chen", "Omar Haddad"]),  # a title that only repeats a speaker's name is none
    ]
    assert len(problems) == 7


def test_credits_need_a_role_wording_on_a_line_naming_the_person() -> None:
    def credit(name: str, role_text: str) -> dict[str, object]:
        return {"person": {"name": name}, "role": "emcee", "role_text": role_text, "quote": "Hosted by"}

    answer = ChunkRecords.model_validate(
        {
            "talks": [],
            "launches": [],
            "credits": [
                credit("Irene Dahl", "Hosted by"),
                credit("Priya Nair", "Hosted by"),  # the role is stated, but on another line
                credit("Laura Chen", "gave a talk"),  # no role's wording
                credit("Omar Haddad", "Omar Haddad"),  # the name given as its own role
            ],
        }
    )
    kept, problems = _kept(answer, ROUNDUP)
    assert [c.person.name for c in kept.credits if c.person] == ["Irene Dahl"]
    assert len(problems) == 3
