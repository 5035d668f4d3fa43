"""The local engine's rules on recaps it has not seen: other names, products and phrasings."""

from __future__ import annotations

from conftest import extract_records

TALKS = """**키노트 세션**

**김지현(Jihyun Kim) — 에이전트 평가의 현실**
https://example.org/talks/agent-evals
김지현은 평가 파이프라인을 처음부터 다시 설계한 경험을 공유하며, 측정 없는 개선은 없다고 강조했습니다.

**추론 모델은 어디로 가는가: 마리아 로페즈(Maria Lopez)**
마리아는 추론 비용이 매년 열 배씩 줄고 있다는 자료를 보여주며 강연을 시작했습니다.

**행사 총평 — 올해의 분위기**
올해는 참가자가 많았습니다.
"""


def test_talk_headings_give_speakers_on_either_side_of_the_separator() -> None:
    talks = extract_records(TALKS).talks
    assert [(t.title, [p.name for p in t.speakers]) for t in talks] == [
        ("에이전트 평가의 현실", ["Jihyun Kim"]),
        ("추론 모델은 어디로 가는가", ["Maria Lopez"]),
    ]


def test_talk_kind_url_and_summary_come_from_its_section_and_body() -> None:
    first = extract_records(TALKS).talks[0]
    assert first.kind == "keynote"
    assert first.url == "https://example.org/talks/agent-evals"
    assert first.summary is not None and first.summary.startswith("김지현은 평가 파이프라인을")
    assert first.speakers[0].name_ko == "김지현"


LAUNCHES = """행사 기간 동안 공개된 주요 발표들:
*   **네이버(Naver)는 하이퍼클로바 X 씽크(HyperCLOVA X Think)**를 공개했습니다. 추론 모델입니다.
*   **업스테이지(Upstage)의 문서 파서(Document Parse)**는 이은지(Eunji Lee)의 워크숍에서 선을 보였습니다.
*   **랭체인(LangChain) 엔지니어 해리슨 체이스(Harrison Chase)가 소개한 딥 에이전트(Deep Agents)**는 9월 3일 출시됩니다.

본문에서 그녀는 '코드 리뷰 봇(Code Review Bot)'을 발표했습니다. 모두가 새로운 계획을 공개했습니다.
"""


def _launches() -> dict[str, tuple[str | None, list[str], str | None]]:
    return {
        x.name: (x.organization, [p.name for p in x.presenters], x.date.iso if x.date else None)
        for x in extract_records(LAUNCHES).launches
    }


def test_every_item_of_an_announced_list_is_a_launch_with_its_maker() -> None:
    launches = _launches()
    assert launches["HyperCLOVA X Think"] == ("Naver", [], None)
    assert launches["Document Parse"] == ("Upstage", ["Eunji Lee"], None)


def test_a_relative_clause_gives_presenter_and_the_head_is_the_product() -> None:
    organization, presenters, _ = _launches()["Deep Agents"]
    assert presenters == ["Harrison Chase"]
    assert organization == "LangChain"


def test_running_text_needs_an_announcing_verb_with_a_named_object() -> None:
    launches = _launches()
    assert "Code Review Bot" in launches
    assert not any("계획" in name for name in launches)


def test_running_text_launches_keep_glossed_names_whole_and_drop_modifiers() -> None:
    text = (
        "구글은 제미나이 3(Gemini 3)를 발표했습니다. 메타는 라마 5를 오픈소스로 공개했다. "
        "이날 마이크로소프트의 사티아 나델라(Satya Nadella) CEO는 새로운 코파일럿 비전(Copilot Vision) 기능을 선보였다. "
        "그는 새로운 아이디어를 공개했다.\n"
    )
    launches = [(x.name, x.organization) for x in extract_records(text).launches]
    assert launches == [("Gemini 3", "구글"), ("라마 5", "메타"), ("Copilot Vision", "마이크로소프트")]


def test_a_launch_date_is_iso_with_the_documents_year() -> None:
    dated = "2024년 행사 소식입니다.\n" + LAUNCHES
    (launch,) = [x for x in extract_records(dated).launches if x.name == "Deep Agents"]
    assert launch.date is not None and (launch.date.text, launch.date.iso) == ("9월 3일", "2024-09-03")


def test_a_person_who_is_the_object_is_not_a_presenter() -> None:
    text = "발표 목록:\n*   **제로 원(Zero One)**은 박서준(Seojun Park)이 공개했으며, 정다은(Daeun Jung)을 영입했다고 밝혔습니다.\n"
    (launch,) = extract_records(text).launches
    assert [p.name for p in launch.presenters] == ["Seojun Park"]


CREDITS = """멋진 진행을 맡아주신 한유리(Yuri Han) 사회자님과 세션을 이끌어주신 좌장분들께 감사드립니다 — 오민호(Minho Oh)님 (보안(Security)), 스타트업(Startup)과 최하늘(Haneul Choi)님 (에이전트 트랙 담당), 그리고 인터뷰 진행자 루카(Luca) / 노아(Noah).
정태윤(Taeyoon Jung)을 통해 소개받은 연사들도 있었습니다.
"""


def _credits() -> dict[tuple[str, str], tuple[str | None, str | None]]:
    return {(c.person.name, c.role): (c.track, c.organization) for c in extract_records(CREDITS).credits}


def test_a_role_word_next_to_a_name_credits_that_person() -> None:
    assert ("Yuri Han", "emcee") in _credits()


def test_a_role_lead_in_credits_every_name_in_its_list_with_tracks() -> None:
    credits = _credits()
    assert credits[("Minho Oh", "track_host")] == ("Security", None)
    assert credits[("Haneul Choi", "track_host")] == ("에이전트", "Startup")


def test_a_later_role_word_in_the_list_takes_over() -> None:
    credits = _credits()
    assert ("Luca", "interviewer") in credits and ("Noah", "interviewer") in credits


def test_names_outside_any_role_are_not_credited() -> None:
    assert not any(name == "Taeyoon Jung" for name, _ in _credits())
    assert len(_credits()) == 5
