"""A title line whose speaker stands on a line of their own below it, past the lines that link the
talk's materials or a label introducing the speaker, or as the first item of the list of notes under
it; on text written for these tests (names, organisations and titles are invented)."""

from __future__ import annotations

from conftest import grounded

Speaker = tuple[str, str | None, str | None]  # name, job title, affiliation


def _talks(text: str) -> list[tuple[str | None, list[Speaker], str]]:
    return [
        (t.title, [(p.name, p.title, p.affiliation) for p in t.speakers], t.kind or "") for t in grounded(text).talks
    ]


NUMBERED_NOTES = """# 컨퍼런스 정리

1. 분산 캐시 설계기

발표자료: https://example.com/slides/cache

연사 소개
(김민준(minjun.k) 님)
- 누리소프트
  - 캐시 서버를 만든다.

캐시를 세 단계로 나누어 설명했다.

2. 모바일 빌드 줄이기

발표자료: https://example.com/slides/build

연사 소개
(이서연(seoyeon_l) 님)
- 한빛랩스

빌드 시간을 절반으로 줄인 이야기.
"""


def test_a_numbered_title_over_links_and_a_speaker_introduction_names_its_speaker() -> None:
    assert _talks(NUMBERED_NOTES) == [
        ("분산 캐시 설계기", [("김민준", None, "누리소프트")], "talk"),
        ("모바일 빌드 줄이기", [("이서연", None, "한빛랩스")], "talk"),
    ]


def test_a_user_name_in_the_brackets_after_a_name_is_no_employer() -> None:
    speakers = [speaker for _, people, _ in _talks(NUMBERED_NOTES) for speaker in people]
    assert all(affiliation not in ("minjun.k", "seoyeon_l") for _, _, affiliation in speakers)


OUTLINE = """행사 정리

키노트

- 박지호
  - 한빛랩스 개발팀장
- 올해의 기술 동향

분산 캐시 설계기

- 김민준
  - 누리소프트
- 캐시의 세 단계
  - 읽기 캐시
"""


def test_a_title_over_notes_whose_first_item_is_a_person_alone_is_their_talk() -> None:
    assert _talks(OUTLINE) == [
        (None, [("박지호", "개발팀장", "한빛랩스")], "keynote"),
        ("분산 캐시 설계기", [("김민준", None, "누리소프트")], "talk"),
    ]


def test_a_list_of_names_under_a_title_is_no_talk() -> None:
    text = "행사 정리\n\n참가자 명단\n\n- 김민준\n- 이서연\n- 박지호\n"
    assert _talks(text) == []


def test_a_first_item_with_more_than_a_name_is_no_speaker() -> None:
    text = "행사 정리\n\n2. 실시간 메시지 처리 사례\n\n* 아파치 주키퍼\n* 배포는 도커로\n"
    assert _talks(text) == []


def test_a_role_heading_over_a_person_is_no_talk() -> None:
    text = "행사 정리\n\n인사말\n\n- 김민준\n  - 누리소프트\n- 커뮤니티 소개\n"
    assert _talks(text) == []


def test_a_kind_word_under_a_title_is_no_speaker_where_the_layout_is_trusted() -> None:
    text = (
        "# 밋업 후기\n\n첫 발표가 시작되었다.\n\n캐시 서버 이야기\n김민준 (누리소프트)\n\n"
        "모바일 빌드 줄이기\n이서연 (한빛랩스)\n\n오늘의 마무리 순서\n키노트\n"
    )
    assert _talks(text) == [
        ("캐시 서버 이야기", [("김민준", None, "누리소프트")], "talk"),
        ("모바일 빌드 줄이기", [("이서연", None, "한빛랩스")], "talk"),
    ]
