"""Session cards (a label line such as `Keynote #2` or `Session 3` and the short lines under it),
speakers' brackets that hold a job (no Latin form of the name), and launch roundups whose headings
name a maker's product: on recaps written for these tests."""

from __future__ import annotations

from conftest import analyse, extract_records

from extract.ground import Grounded, ground
from extract.resolve import resolve


def _grounded(text: str) -> Grounded:
    _, candidates = analyse(text)
    return ground(resolve(extract_records(text), text, candidates), text)


def _talks(text: str) -> list[tuple[str | None, list[tuple[str, str | None, str | None]], str | None]]:
    return [(t.title, [(p.name, p.title, p.affiliation) for p in t.speakers], t.kind) for t in _grounded(text).talks]


def test_a_card_gives_its_title_line_and_the_speaker_line_under_it() -> None:
    text = (
        "Session 2\n"
        "렌즈 검색, 우리 가게에 어떻게 쓸까\n"
        "한지민(Partner Solutions Manager, Google)\n"
        "\n"
        "렌즈 업데이트 가운데 중요한 세 가지\n"
    )
    assert _talks(text) == [
        ("렌즈 검색, 우리 가게에 어떻게 쓸까", [("한지민", "Partner Solutions Manager", "Google")], "talk")
    ]


def test_a_card_that_names_its_speaker_first_takes_the_title_closing_it() -> None:
    text = (
        "Keynote #6\n문태호\n한빛전자 문태호 수석\n임베디드 리눅스로 만드는 스마트 가전\n\n- 오픈소스 커뮤니티 이야기\n"
    )
    assert _talks(text) == [("임베디드 리눅스로 만드는 스마트 가전", [("문태호", "수석", "한빛전자")], "keynote")]


def test_a_card_topic_line_is_its_title_and_a_proper_noun_under_a_name_is_their_employer() -> None:
    text = "Keynote #5\n윤서아\n오픈데이터 포럼 대표\n주제는 열린 데이터의 내일\n\nKeynote #6\n박도윤\n큐브리드\n사례로 본 오픈소스 전략\n"
    assert _talks(text) == [
        ("열린 데이터의 내일", [("윤서아", "대표", "오픈데이터 포럼")], "keynote"),
        ("사례로 본 오픈소스 전략", [("박도윤", None, "큐브리드")], "keynote"),
    ]


def test_a_card_of_a_speaker_and_their_biography_alone_is_untitled() -> None:
    text = (
        "Keynote #4\n정하람\n프론트엔드 개발자 모임 운영\n리액트 스터디 운영\n오픈소스 재단 lead\n\n- jsdev 커뮤니티\n"
    )
    assert _talks(text) == [(None, [("정하람", None, None)], "keynote")]


def test_an_english_card_reads_a_name_run_into_its_job() -> None:
    text = "Keynote 1\nWhat Is New in Android Studio\nNora Quist VP of Developer Tools\n\nSlides to follow.\n"
    assert _talks(text) == [
        ("What Is New in Android Studio", [("Nora Quist", "VP of Developer Tools", None)], "keynote")
    ]


def test_a_bracket_of_a_job_and_an_employer_is_no_latin_name() -> None:
    text = "세션 3\n쿠버네티스 운영 이야기\n서다은(Site Reliability Engineer, Naver), 오민재(카카오 수석)\n"
    ((title, speakers, _),) = _talks(text)
    assert title == "쿠버네티스 운영 이야기"
    assert speakers == [("서다은", "Site Reliability Engineer", "Naver"), ("오민재", "수석", "카카오")]


_ROUNDUP = (
    "Cloud Week Day 2 Recap\n"
    "\n"
    "The second keynote announced a long list of new services.\n"
    "\n"
    "Amazon Quillstore\n"
    "\n"
    "Amazon Quillstore is a document database that scales to zero when nobody writes to it.\n"
    "\n"
    "Databases\n"
    "\n"
    "Everyone has an opinion about databases, and so do we.\n"
    "\n"
    "Google Tiles\n"
    "- offline maps\n"
    "- shared lists\n"
)


def test_a_roundup_heading_naming_a_makers_product_over_a_paragraph_is_a_launch() -> None:
    launches = _grounded(_ROUNDUP).launches
    assert [(x.name, x.organization) for x in launches] == [("Amazon Quillstore", "Amazon")]


def test_roundup_headings_are_no_launches_where_the_recap_announces_nothing() -> None:
    text = _ROUNDUP.replace("announced", "covered")
    assert _grounded(text).launches == []


def test_a_label_that_qualifies_its_kind_heads_a_card_as_the_bare_kind_does() -> None:
    for label in ("Opening Keynote #6", "클로징 키노트 6", "Special Session 6"):
        text = f"{label}\n문태호\n한빛전자 문태호 수석\n임베디드 리눅스로 만드는 스마트 가전\n\n- 오픈소스 커뮤니티 이야기\n"
        kind = "talk" if label.startswith("Special") else "keynote"
        assert _talks(text) == [("임베디드 리눅스로 만드는 스마트 가전", [("문태호", "수석", "한빛전자")], kind)], label
