"""Recap styles beyond the seed, on sentences written for these tests (other names, organisations
and phrasings than the development recaps): Korean news, Korean blog 후기, English recaps."""

from __future__ import annotations

from conftest import analyse, extract_records

from extract.ground import ground
from extract.resolve import resolve


def _talks(text: str) -> list[tuple[str | None, list[tuple[str, str | None, str | None]], str | None]]:
    _, candidates = analyse(text)
    resolved = resolve(extract_records(text), text, candidates)
    return [
        (t.title, [(p.name, p.title, p.affiliation) for p in t.speakers], t.kind) for t in ground(resolved, text).talks
    ]


def test_news_organisation_name_title_with_a_topic_is_a_titled_talk() -> None:
    text = "행사 첫날에는 카카오브레인 이도윤 연구소장이 '멀티모달 모델의 미래'를 주제로 기조연설에 나선다.\n"
    assert _talks(text) == [("멀티모달 모델의 미래", [("이도윤", "연구소장", "카카오브레인")], "keynote")]


def test_news_name_organisation_title_and_shared_talks() -> None:
    text = "하정우 네이버클라우드 AI이노베이션센터장과 장병탁 서울대 AI연구원장이 'AI 주권'을 주제로 대담을 나눈다.\n"
    ((title, speakers, kind),) = _talks(text)
    assert title == "AI 주권" and kind == "panel"
    assert speakers == [("하정우", "AI이노베이션센터장", "네이버클라우드"), ("장병탁", "AI연구원장", "서울대")]


def test_news_speakers_taking_part_are_untitled_talks_and_titles_never_join_names() -> None:
    text = "KAIST 최은서 교수, 구글 딥마인드의 올리버 마틴 연구원 등도 연사로 참여한다.\n"
    talks = _talks(text)
    assert [(t, s[0][0], s[0][1]) for t, s, _ in talks] == [(None, "최은서", "교수"), (None, "올리버 마틴", "연구원")]


def test_news_officials_giving_speeches_and_organisers_are_credits() -> None:
    text = (
        "이번 행사는 한국인공지능협회가 주최하고 서울시가 후원한다.\n"
        "개회식에서는 김영수 과학기술정보통신부 장관이 축사를, 박민정 경기도지사가 환영사를 맡는다.\n"
    )
    _, candidates = analyse(text)
    credits = ground(resolve(extract_records(text), text, candidates), text).credits
    found = {(c.person.name if c.person else c.organization, c.role, c.role_text) for c in credits}
    assert found == {
        ("한국인공지능협회", "organizer", "주최"),
        ("서울시", "other", "후원"),
        ("김영수", "other", "축사"),
        ("박민정", "other", "환영사"),
    }


def test_blog_first_person_prose_names_talks_with_quoted_titles() -> None:
    text = "첫 세션은 카카오 이영희 님의 'LLM 서빙 최적화' 발표였다. 오후에는 네이버 김민수 님이 '검색 랭킹의 진화'라는 주제로 강연했다. 점심은 맛있었다.\n"
    assert [(t, s) for t, s, _ in _talks(text)] == [
        ("LLM 서빙 최적화", [("이영희", None, "카카오")]),
        ("검색 랭킹의 진화", [("김민수", None, "네이버")]),
    ]


def test_blog_session_lists_with_times_in_any_order() -> None:
    text = (
        "## 오전 세션\n"
        "- 10:00 ~ 10:40 키노트: 생성형 AI의 현재 (김철수, 네이버)\n"
        "- 11:00-11:30 | LLM 서빙 최적화 - 이영희 (카카오)\n"
        "- 13:00 박지훈 님 - 에이전트 평가 자동화\n"
        "- 15:00 휴식\n"
    )
    assert _talks(text) == [
        ("생성형 AI의 현재", [("김철수", None, "네이버")], "keynote"),
        ("LLM 서빙 최적화", [("이영희", None, "카카오")], "talk"),
        ("에이전트 평가 자동화", [("박지훈", None, None)], "talk"),
    ]


def test_english_session_lines_and_headings() -> None:
    text = (
        "## Keynotes\n"
        "Building Agents at Scale: Priya Patel - VP of Engineering at Anthropic\n"
        "Watch it on the Agents track page.\n"
        "**Jordan Smith — The Future of Evals**\n"
        "Retrieval Is Not Dead: Wei Zhang (Pinecone)\n"
        "Speaker: Wei Zhang\n"
        "Highlights: a lot of good talks.\n"
    )
    assert _talks(text) == [
        ("Building Agents at Scale", [("Priya Patel", "VP of Engineering", "Anthropic")], "keynote"),
        ("The Future of Evals", [("Jordan Smith", None, None)], "keynote"),
        ("Retrieval Is Not Dead", [("Wei Zhang", None, "Pinecone")], "keynote"),
    ]


def test_english_recaps_are_segmented_by_spacys_rules_with_exact_offsets() -> None:
    text = "Dr. Smith spoke first. Then Ms. Lee gave a demo!\nNext line"
    segmentation, candidates = analyse(text)
    assert segmentation.language == "en"
    assert [text[s.start : s.end] for s in segmentation.sentences] == [
        "Dr. Smith spoke first.",
        "Then Ms. Lee gave a demo!",
        "Next line",
    ]
    assert candidates.doc.text == text


def test_a_podcast_on_a_topic_is_not_a_talk() -> None:
    assert (
        _talks("최고 연사였던 알렉스 더피(Alex Duffy)와 함께 'AI 외교'를 주제로 진행된 팟캐스트를 들어보세요.\n") == []
    )
