"""The layouts and cues that failed on unseen recaps, varied: separators, labels, bullets and verbs a
recap may use for the same slot, on text written for these tests (names, organisations and titles
are invented)."""

from __future__ import annotations

from conftest import grounded

import extract

Speaker = tuple[str, str | None, str | None]  # name, job title, affiliation


def _talks(text: str) -> list[tuple[str | None, list[Speaker], str]]:
    return [
        (t.title, [(p.name, p.title, p.affiliation) for p in t.speakers], t.kind or "") for t in grounded(text).talks
    ]


def _credits(text: str) -> set[tuple[str, str, str | None]]:
    return {(c.role, c.person.name, c.person.affiliation) for c in grounded(text).credits if c.person}


PROSE_AROUND = "# 밋업 후기\n\n이번 달에는 발표가 세 개 있었다.\n\n{}\n\n질문이 많아서 시간이 모자랐다.\n"


def test_a_plain_line_ending_in_a_speaker_and_employer_after_any_separator_is_a_session_line() -> None:
    for line, expected in [
        ("Fearless Concurrency by Sam Park (Mozilla)", ("Fearless Concurrency", "Sam Park", "Mozilla")),
        ("분산 트랜잭션 이야기 / 김민준 (카카오)", ("분산 트랜잭션 이야기", "김민준", "카카오")),
        ("분산 트랜잭션 이야기 | 김민준 (카카오)", ("분산 트랜잭션 이야기", "김민준", "카카오")),
    ]:
        title, name, organisation = expected
        assert _talks(PROSE_AROUND.format(line)) == [(title, [(name, None, organisation)], "talk")], line


def test_a_line_of_prose_that_ends_in_brackets_is_no_session_line() -> None:
    assert _talks(PROSE_AROUND.format("발표가 끝나고 다 같이 저녁을 먹으러 갔다 / 맛있었다 (강남역)")) == []


def test_a_speaker_label_after_the_separator_and_shape_bullets() -> None:
    text = "# 세미나 후기\n\n◆ 서버리스 아키텍처 - 발표자: 김민준\n\n■ 모바일 성능 측정 - 이서연 (라인)\n"
    assert _talks(text) == [
        ("서버리스 아키텍처", [("김민준", None, None)], "talk"),
        ("모바일 성능 측정", [("이서연", None, "라인")], "talk"),
    ]


def test_a_title_field_label_stays_out_of_the_title_over_a_speaker_line() -> None:
    for title_line, speaker_line, speaker in [
        ("세션명: 서버리스 아키텍처", "연사: 김민준 (카카오)", ("김민준", None, "카카오")),
        ("제목: 서버리스 아키텍처", "발표자: 김민준 님", ("김민준", None, None)),
        ("Title: Serverless Architecture", "Speaker: Jane Doe (Acme)", ("Jane Doe", None, "Acme")),
    ]:
        text = f"# 세미나 후기\n\n좋은 발표가 많았다.\n\n{title_line}\n{speaker_line}\n\n재미있었다.\n"
        ((title, speakers, _),) = _talks(text)
        assert (title, speakers) == (title_line.split(": ", 1)[1], [speaker])


def test_news_a_talk_given_with_a_light_verb_after_a_time_word() -> None:
    text = "# 행사 소식\n\n이날 김민준 카카오 대표가 기조연설을 했다. 박지호 서울대 교수는 강연했다.\n"
    assert _talks(text) == [
        (None, [("김민준", "대표", "카카오")], "keynote"),
        (None, [("박지호", "교수", "서울대")], "talk"),
    ]


def test_news_announcing_a_product_is_no_talk() -> None:
    assert _talks("# 행사 소식\n\n김민준 카카오 대표는 신제품을 발표했다.\n") == []


def test_news_a_special_talk_is_of_that_kind_alone() -> None:
    text = "# 행사 소식\n\n오후에는 이서연 네이버 부사장이 특별강연에 나섰다.\n"
    assert _talks(text) == [(None, [("이서연", "부사장", "네이버")], "special_talk")]


def test_english_a_job_title_and_its_organisation_before_the_name_and_a_date_is_no_title() -> None:
    text = "# Acme Summit wraps up\n\nAcme CEO Jane Doe delivered the opening keynote on Tuesday.\n"
    assert _talks(text) == [(None, [("Jane Doe", "CEO", "Acme")], "keynote")]


def test_english_a_passive_talk_names_its_speaker() -> None:
    text = "# Acme Summit wraps up\n\nThe keynote was given by Jane Doe of Acme.\n"
    assert _talks(text) == [(None, [("Jane Doe", None, "Acme")], "keynote")]


def test_english_a_name_shaped_phrase_inside_the_title_is_no_speaker() -> None:
    text = "# Meetup notes\n\nJane Doe gave a talk on Monitoring Kafka at Scale.\n"
    assert _talks(text) == [("Monitoring Kafka at Scale", [("Jane Doe", None, None)], "talk")]


def test_english_a_product_announced_by_a_titled_person_is_their_organisations() -> None:
    text = "# Initech Day recap\n\nInitech CEO Bill Lumbergh announced TPS Cloud.\n"
    ((launch, organization, presenters),) = [
        (x.name, x.organization, [p.name for p in x.presenters]) for x in grounded(text).launches
    ]
    assert (launch, organization, presenters) == ("TPS Cloud", "Initech", ["Bill Lumbergh"])


def test_a_bare_role_noun_as_a_field_label_credits_every_name_it_lists() -> None:
    assert _credits("# 행사 정리\n\n사회: 김민준, 이서연\n") == {("emcee", "김민준", None), ("emcee", "이서연", None)}
    assert _credits("# 행사 정리\n\n진행 : 박지호 (카카오)\n") == {("emcee", "박지호", "카카오")}


def test_a_role_taken_by_coordinated_people_credits_them_all() -> None:
    text = "# 행사 정리\n\n진행은 박지호님과 최유진님이 맡아 주셨다. 좌장은 서울대 이상훈 교수와 카이스트 박민수 교수가 맡았다.\n"
    assert _credits(text) == {
        ("emcee", "박지호", None),
        ("emcee", "최유진", None),
        ("track_host", "이상훈", "서울대"),
        ("track_host", "박민수", "카이스트"),
    }


def test_english_a_sentence_opening_with_hosted_by_credits_everyone_it_names() -> None:
    assert _credits("# Meetup notes\n\nHosted by Jane Doe and Bob Smith.\n") == {
        ("emcee", "Jane Doe", None),
        ("emcee", "Bob Smith", None),
    }


def test_speakers_with_employers_before_a_colon_lead_their_title() -> None:
    text = "# Conf notes\n\n- Jane Doe (Acme): Scaling Search\n- 김민준 (카카오): 서버리스 아키텍처\n"
    assert _talks(text) == [
        ("Scaling Search", [("Jane Doe", None, "Acme")], "talk"),
        ("서버리스 아키텍처", [("김민준", None, "카카오")], "talk"),
    ]


def test_a_name_alone_before_a_colon_is_as_often_a_post_by_its_author() -> None:
    assert _talks("# Further reading\n\n- Jane Doe: Notes From The Hallway Track\n") == []


def test_a_heading_over_a_line_of_its_speaker_and_employer() -> None:
    text = "# Conf notes\n\nGreat day overall.\n\n## Scaling Search\n*Jane Doe, Acme*\n\nLots of questions.\n"
    assert _talks(text) == [("Scaling Search", [("Jane Doe", None, "Acme")], "talk")]


def test_a_title_in_korean_title_brackets_after_the_speakers_possessive() -> None:
    for opening, closing in ["<>", "《》"]:
        text = f"# 후기\n\n카카오 김민준님의 {opening}서버리스 아키텍처{closing} 발표를 들었다.\n"
        assert _talks(text) == [("서버리스 아키텍처", [("김민준", None, "카카오")], "talk")]


def test_an_ordinal_kind_label_before_a_heading_title_gives_the_kind() -> None:
    text = "# 후기\n\n다녀왔다.\n\n### 첫번째 키노트: 결제 시스템 이야기\n발표: 이서연 (토스)\n\n좋았다.\n"
    assert _talks(text) == [("결제 시스템 이야기", [("이서연", None, "토스")], "keynote")]


def test_every_role_noun_read_in_prose_names_a_role_of_the_lexicon() -> None:
    import re

    from extract import lexicon
    from extract.engines.local.prose_credits import _ROLE_NOUN

    nouns = re.search(r"\(\?P<role>([^)]*)\)", _ROLE_NOUN.pattern)
    assert nouns is not None
    missing = [noun for noun in nouns.group(1).split("|") if noun.casefold() not in lexicon.roles_by_label()]
    assert missing == []


def test_an_english_speaker_names_their_employer_after_a_dash_pipe_or_slash_as_after_a_comma() -> None:
    for line in (
        "Chaos Testing - Jane Doe | Acme",
        "Chaos Testing | Jane Doe - Acme",
        "Chaos Testing (Jane Doe / Acme)",
    ):
        assert _talks(f"# Sessions\n\n- {line}\n") == [("Chaos Testing", [("Jane Doe", None, "Acme")], "talk")], line


def test_a_word_after_at_in_a_title_beside_a_speaker_is_no_employer() -> None:
    text = "# Sessions\n\nJane Doe - Scaling Postgres at Work\nJohn Smith - Testing in Production\n"
    assert _talks(text) == [
        ("Scaling Postgres at Work", [("Jane Doe", None, None)], "talk"),
        ("Testing in Production", [("John Smith", None, None)], "talk"),
    ]


def test_the_time_and_track_before_a_speaker_who_leads_the_line_are_no_employer() -> None:
    for prefix in ("10:00 ", "10:00-10:40 ", "[Track A] "):
        text = f"# 세션\n\n{prefix}김민준 (네이버) - 분산 시스템의 이해\n{prefix}이서연 (카카오) - 쿠버네티스 운영기\n"
        assert _talks(text) == [
            ("분산 시스템의 이해", [("김민준", None, "네이버")], "talk"),
            ("쿠버네티스 운영기", [("이서연", None, "카카오")], "talk"),
        ], prefix
    tracks = [t.track for t in grounded("# 세션\n\n[Track A] 김민준 - 분산 시스템의 이해\n").talks]
    assert tracks == ["A"]


def test_plain_session_lines_two_or_more_in_a_row_read_as_list_items_do() -> None:
    text = "# 세션 정리\n\n분산 시스템의 이해 (김민준, 네이버)\n쿠버네티스 운영기 (이서연, 카카오)\n"
    assert _talks(text) == [
        ("분산 시스템의 이해", [("김민준", None, "네이버")], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, "카카오")], "talk"),
    ]
    # One such line alone in prose is not a programme.
    assert _talks("# 후기\n\n분산 시스템의 이해 (김민준, 네이버)\n\n재미있었다.\n") == []


def test_a_spaced_colon_divides_title_and_speaker_columns_but_a_role_label_is_no_title() -> None:
    text = "# 세션\n\n분산 시스템의 이해 : 김민준\n쿠버네티스 운영기 : 이서연\n"
    assert _talks(text) == [
        ("분산 시스템의 이해", [("김민준", None, None)], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, None)], "talk"),
    ]
    roles = "# 행사 안내\n\n사회 : 김민준\n좌장 : 이서연\n장소 : 코엑스\n"
    assert _talks(roles) == []
    assert _credits(roles) == {("emcee", "김민준", None), ("track_host", "이서연", None)}


def test_a_heading_or_numbered_item_over_a_korean_speaker_with_an_employer_is_a_talk() -> None:
    for title_line in ("## 분산 시스템의 이해", "1. 분산 시스템의 이해"):
        for speaker_line in ("김민준 (네이버)", "김민준 | 네이버", "🎤 김민준 (네이버)"):
            text = f"# 1일차\n\n{title_line}\n{speaker_line}\n\n예제가 많은 발표였다.\n"
            assert _talks(text) == [("분산 시스템의 이해", [("김민준", None, "네이버")], "talk")], speaker_line


def test_headings_over_a_name_alone_are_talks_where_the_document_does_so_twice() -> None:
    talk = "## {}\n{}\n\n예제가 많은 발표였다.\n\n"
    two = "# 1일차\n\n" + talk.format("분산 시스템의 이해", "김민준 님") + talk.format("쿠버네티스 운영기", "이서연 님")
    assert _talks(two) == [
        ("분산 시스템의 이해", [("김민준", None, None)], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, None)], "talk"),
    ]
    # One alone may be the post's own part: its author, its lunch.
    assert _talks("# 후기\n\n## 작성자\n김민준 님\n\n데이터 엔지니어입니다.\n") == []
    assert _talks("# Recap\n\n## About the author\nJane Doe\n\nI write about databases.\n") == []


def test_a_role_heading_over_its_people_and_a_section_over_talk_lines_are_no_talks() -> None:
    assert _talks("# Recap\n\n## Organizers\nJane Doe, Acme\n\nThanks to everyone.\n") == []
    assert _talks("# 후기\n\n사회\n김민준 님, 이서연 님\n") == []
    section = "# Sessions\n\n김민준 - 분산 시스템의 이해\n이서연 - 쿠버네티스 운영기\n"
    assert _talks(section) == [
        ("분산 시스템의 이해", [("김민준", None, None)], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, None)], "talk"),
    ]


def test_a_title_in_any_quotes_korean_or_english_is_read_the_same() -> None:
    for opening, closing in (("'", "'"), ("“", "”"), ("「", "」")):
        text = f"# 후기\n\n김민준 님이 {opening}분산 시스템의 이해{closing}라는 주제로 발표했다.\n"
        assert _talks(text) == [("분산 시스템의 이해", [("김민준", None, None)], "talk")], opening
    text = "# Recap\n\nJane Doe (Acme) presented 'I Don't Test in Production'.\n"
    assert _talks(text) == [("I Don't Test in Production", [("Jane Doe", None, "Acme")], "talk")]


def test_one_subject_one_quoted_title_and_a_talk_cue_make_a_talk_whatever_the_phrasing() -> None:
    text = "# 후기\n\n김민준님이 발표하신 '분산 시스템의 이해' 세션이 가장 좋았다.\n"
    assert _talks(text) == [("분산 시스템의 이해", [("김민준", None, None)], "talk")]
    text = "# 후기\n\n이번 세션은 김민준 님이 발표한 「분산 시스템의 이해」였다.\n"
    assert [t for t, _, _ in _talks(text)] == ["분산 시스템의 이해"]


def test_a_quote_that_is_speech_or_a_launched_product_is_no_title() -> None:
    assert _talks("# 후기\n\n김민준 님은 발표에서 '테스트는 문서다'라고 강조했다.\n") == []
    assert _talks("# 후기\n\n세션이 끝나고 김민준 님이 '질문 있으신가요' 하고 물었다.\n") == []
    assert _talks("# 후기\n\n김민준 님이 '카나나'를 공개하는 세션이 있었다.\n") == []
    assert [t for t, _, _ in _talks("# Recap\n\nJane Doe's talk was great and she said 'Ship It' twice.\n")] == [None]


def test_the_organisation_a_speaker_came_from_is_their_affiliation() -> None:
    text = "# 후기\n\n네이버에서 오신 김민준 님이 '분산 시스템의 이해'라는 제목으로 강연했다.\n"
    assert _talks(text) == [("분산 시스템의 이해", [("김민준", None, "네이버")], "talk")]


def test_a_role_told_with_the_person_first_or_as_what_the_role_was() -> None:
    assert _credits("# Recap\n\nJane Doe moderated the panel and John Smith served as our MC.\n") == {
        ("moderator", "Jane Doe", None),
        ("emcee", "John Smith", None),
    }
    assert _credits("# Recap\n\nOur host for the day was Jane Doe.\n") == {("emcee", "Jane Doe", None)}
    assert _credits("# 후기\n\n사회는 김민준 님이었고, 좌장은 이서연 님이었다.\n") == {
        ("emcee", "김민준", None),
        ("track_host", "이서연", None),
    }
    assert _credits("# Recap\n\nJohn Smith was the host of a popular podcast before joining Acme.\n") == set()


def test_a_launched_product_without_its_class_noun_or_the_noun_of_launching() -> None:
    def launched(text: str) -> set[tuple[str, str | None]]:
        return {(launch.name, launch.organization) for launch in grounded(text).launches}

    assert launched("# 후기\n\n카카오가 새로운 AI 모델 카나나를 출시했다.\n") == {("카나나", "카카오")}
    assert launched("# 후기\n\n이날 카카오는 카나나 출시를 발표했다.\n") == {("카나나", "카카오")}
    assert launched("# 후기\n\n카카오는 새로운 서비스 모델을 공개했다.\n") == set()
    assert launched("# Recap\n\nWidget Pro was announced by Acme at the keynote.\n") == {("Widget Pro", "Acme")}


def test_a_title_s_speaker_line_is_found_past_its_time_and_materials_lines_which_are_no_titles() -> None:
    for between in ("10:00 - 10:40", "Slides: https://example.com/slides"):
        talk = "## {}\n" + between + "\n{}\n\nIt was a good talk.\n\n"
        text = (
            "# Sessions\n\n"
            + talk.format("Scaling Postgres", "Jane Doe (Acme)")
            + talk.format("Testing in Production", "John Smith (Globex)")
        )
        assert _talks(text) == [
            ("Scaling Postgres", [("Jane Doe", None, "Acme")], "talk"),
            ("Testing in Production", [("John Smith", None, "Globex")], "talk"),
        ], between


def test_speakers_right_over_their_titles_are_talks_where_the_document_does_so_twice() -> None:
    card = "{}\n{}\n\n예제가 많은 발표였다.\n\n"
    text = (
        "# 세션\n\n"
        + card.format("김민준 (네이버)", "분산 시스템의 이해")
        + card.format("이서연 (카카오)", "쿠버네티스 운영기")
    )
    assert _talks(text) == [
        ("분산 시스템의 이해", [("김민준", None, "네이버")], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, "카카오")], "talk"),
    ]
    # The paragraph about the talk may follow its title right away (a speaker card with its abstract).
    card = "{}\n{}\n분산 환경에서 겪은 문제를 예제와 함께 설명합니다.\n\n"
    abstracts = card.format("김민준 | 네이버", "분산 시스템의 이해") + card.format(
        "이서연 | 카카오", "쿠버네티스 운영기"
    )
    assert [(t, s) for t, s, _ in _talks("# 연사 소개\n\n" + abstracts)] == [
        ("분산 시스템의 이해", [("김민준", None, "네이버")]),
        ("쿠버네티스 운영기", [("이서연", None, "카카오")]),
    ]
    # One alone may be a person over their bio; a title right above the speaker keeps them.
    assert _talks("# 소개\n\n김민준 (네이버)\n검색 플랫폼 개발\n\n재미있었다.\n") == []
    assert _talks("# 소개\n\n김민준 (네이버)\n검색 플랫폼 개발\n검색 엔진을 만들고 있습니다.\n") == []
    above = "# Day 1\n\nModular Systems\nSpeaker - Jane Doe@Acme\n\n(great slides)\n\nTesting Well\nSpeaker - John Smith@Globex\n\n(more notes)\n"
    assert [t for t, _, _ in _talks(above)] == ["Modular Systems", "Testing Well"]


def test_the_line_right_under_a_lone_speaker_name_gives_their_employer_and_job() -> None:
    talk = "## {}\n{}\n{}\n\nIt was a good talk.\n\n"
    english = (
        "# Sessions\n\n"
        + talk.format("Scaling Postgres", "Jane Doe", "Staff Engineer at Acme")
        + talk.format("Testing in Production", "John Smith", "CTO, Globex")
    )
    assert _talks(english) == [
        ("Scaling Postgres", [("Jane Doe", "Staff Engineer", "Acme")], "talk"),
        ("Testing in Production", [("John Smith", "CTO", "Globex")], "talk"),
    ]
    korean = (
        "# 세션\n\n"
        + talk.format("분산 시스템의 이해", "김민준", "네이버 검색팀 리더")
        + talk.format("쿠버네티스 운영기", "이서연", "카카오 개발자")
    )
    assert _talks(korean) == [
        ("분산 시스템의 이해", [("김민준", "리더", "네이버 검색팀")], "talk"),
        ("쿠버네티스 운영기", [("이서연", "개발자", "카카오")], "talk"),
    ]


def test_a_layout_read_with_dash_bullets_is_read_with_star_or_number_markers_too() -> None:
    for marker in ("-", "*"):
        text = f"# 세미나\n\n#1 토스 이직 적응기\n발표자\n{marker} 이현섭, 비바리퍼블리카\n\n키노트\n\n{marker} 윤석찬\n  {marker} AWS\n"
        assert _talks(text) == [
            ("#1 토스 이직 적응기", [("이현섭", None, "비바리퍼블리카")], "talk"),
            (None, [("윤석찬", None, "AWS")], "keynote"),
        ], marker
    text = "# 컨퍼런스\n\n- 스프링 웹플럭스와 테스트 전략\n\n연사 소개\n이일민 님\n\n재미있었다.\n"
    assert _talks(text) == [("스프링 웹플럭스와 테스트 전략", [("이일민", None, None)], "talk")]


def test_a_speaker_label_before_a_pipe_and_a_bracketed_honorific_end_a_session_line() -> None:
    text = "# 밋업\n\nModular vs Monolith\nSpeaker | Tim Oxley@NodeSource\n\n재미있었다.\n"
    assert _talks(text) == [("Modular vs Monolith", [("Tim Oxley", None, "NodeSource")], "talk")]
    text = "# 밋업\n\nML on Google Cloud (백재연님)\n\nGC를 이용하여 ML을 구성할 수 있음\n"
    assert _talks(text) == [("ML on Google Cloud", [("백재연", None, None)], "talk")]


def test_notes_without_list_markers_make_no_talks_of_their_lines() -> None:
    notes = (
        "# 후기\n\nZoom in/out 기능\n깜빡임이 사라짐\n\n"  # a subject and its verb, not an employer and a name
        "Build Speed\nKotlin Incremental Annotation Processing(그레이들 4.10 지원)\n\n"  # no name of four words
        "오픈소스를 무료로 공급하는 것\n삼성전자는 50여 개의 프로젝트를 운영 중\nDavid Nalley (아파치재단)\n"
    )
    assert _talks(notes) == []


def test_people_under_a_role_heading_and_a_post_s_own_sections_give_no_talks() -> None:
    for text, people in (
        ("# 운영진\n\n김민준 - 네이버\n이서연 - 카카오\n", ("김민준", "이서연")),
        ("# Organizers\n\nJane Doe - Acme\nJohn Smith - Globex\n", ("Jane Doe", "John Smith")),
    ):
        assert _talks(text) == [], text
        assert {(role, name) for role, name, _ in _credits(text)} == {("organizer", name) for name in people}
    thanks = "# Thanks\n\nJane Doe (Acme)\nhttps://janedoe.dev\n\nJohn Smith (Globex)\nhttps://jsmith.dev\n"
    assert _talks(thanks) == []


def test_a_bold_speaker_label_is_a_speaker_label() -> None:
    text = (
        "# 후기\n\n### 1. 리액트 서버 컴포넌트 톺아보기\n**발표자**: 김민준 (토스)\n\n동작 원리를 설명해 주셨다.\n\n"
        "### 2. 디자인 시스템 운영기\n**발표자:** 이서연 (당근)\n\n3년간 운영한 이야기.\n"
    )
    assert _talks(text) == [
        ("리액트 서버 컴포넌트 톺아보기", [("김민준", None, "토스")], "talk"),
        ("디자인 시스템 운영기", [("이서연", None, "당근")], "talk"),
    ]


def test_a_bold_speaker_label_over_the_title_names_its_speakers() -> None:
    text = (
        "# 세션 정리\n\n**발표자**: 김민준 (네이버)\n**분산 시스템의 이해**\n\n좋았다.\n\n"
        "**발표자**: 이서연 (카카오)\n**쿠버네티스 운영기**\n\n좋았다.\n"
    )
    assert [(t, s) for t, s, _ in _talks(text)] == [
        ("분산 시스템의 이해", [("김민준", None, "네이버")]),
        ("쿠버네티스 운영기", [("이서연", None, "카카오")]),
    ]


def test_a_pictograph_before_a_headings_session_number_marks_it_as_a_bullet_would() -> None:
    text = (
        "# 후기\n\n### 🎤 세션 1. 리액트 서버 컴포넌트 톺아보기\n발표자: 김민준 (토스)\n\n설명.\n\n"
        "### 🎤 세션 2. 디자인 시스템 운영기\n발표자: 이서연 (당근)\n\n이야기.\n"
    )
    assert [t for t, _, _ in _talks(text)] == ["리액트 서버 컴포넌트 톺아보기", "디자인 시스템 운영기"]


def test_a_spaced_colon_divides_title_from_a_speaker_with_an_employer_after_a_dash() -> None:
    text = "# 세션\n\n- 10:00 분산 시스템의 이해 : 김민준 - 네이버\n- 11:00 쿠버네티스 운영기 : 이서연 | 카카오\n"
    assert _talks(text) == [
        ("분산 시스템의 이해", [("김민준", None, "네이버")], "talk"),
        ("쿠버네티스 운영기", [("이서연", None, "카카오")], "talk"),
    ]


def test_speaker_colon_title_items_under_a_talk_kind_heading_are_talks() -> None:
    text = "# Recap\n\n## Lightning talks\n\n- Maria Garcia: Testing with fuzzers\n- Wei Chen: Go on microcontrollers\n"
    assert _talks(text) == [
        ("Testing with fuzzers", [("Maria Garcia", None, None)], "lightning"),
        ("Go on microcontrollers", [("Wei Chen", None, None)], "lightning"),
    ]
    posts = "# Reading list\n\n- Maria Garcia: Testing with fuzzers\n- Wei Chen: Go on microcontrollers\n"
    assert _talks(posts) == []


def test_plain_lines_set_apart_over_notes_that_end_naming_their_speakers_are_talks() -> None:
    text = (
        "# 컨퍼런스 메모\n\n오픈소스와 커뮤니티 - 장현정\n\n요즘 핫 한 오픈소스 중 하나.\n2012년부터 매년 릴리즈.\n\n"
        "웹 컴포넌트 기술 - 신정규\n\n웹이 뭐냐?\n폴리머...\n\nScaling the Curl Project, by Jane Doe\n\nGood.\n"
    )
    assert [(t, s) for t, s, _ in _talks(text)] == [
        ("오픈소스와 커뮤니티", [("장현정", None, None)]),
        ("웹 컴포넌트 기술", [("신정규", None, None)]),
        ("Scaling the Curl Project", [("Jane Doe", None, None)]),
    ]


def test_a_set_apart_line_that_describes_its_person_or_stands_alone_is_no_talk() -> None:
    described = "# 메모\n\n둘째 날.\n\n신정규 - 오픈소스 프로젝트 설립자\n\n노트.\n\nLinus Torvalds - 리눅스 커널, git\n\n노트.\n"
    assert _talks(described) == []
    alone = "# 메모\n\n오픈소스와 커뮤니티 - 장현정\n\n요즘 핫 한 오픈소스 중 하나.\n"
    assert _talks(alone) == []


def test_a_table_pasted_with_tabs_between_its_cells_is_read_as_a_table() -> None:
    text = (
        "# Meetups\n\nDate\tTalk\n2024-10-09\tFearless Concurrency by Sam Park (Slides)\n"
        "\tAsync in Practice by Wei Chen\n2024-11-13\tMacros Without Tears by Jane Doe (Slides)\n"
    )
    assert _talks(text) == [
        ("Fearless Concurrency", [("Sam Park", None, None)], "talk"),
        ("Async in Practice", [("Wei Chen", None, None)], "talk"),
        ("Macros Without Tears", [("Jane Doe", None, None)], "talk"),
    ]


def test_a_slots_date_is_no_part_of_the_title_and_a_links_label_no_employer() -> None:
    text = (
        "# Meetups\n\n2024-10-09 Fearless Concurrency by Sam Park (Slides)\n"
        "2024-11-13 Macros Without Tears by Jane Doe (Slides)\n2024-12-11 Async in Practice by Wei Chen (Slides)\n"
    )
    assert [(t, s) for t, s, _ in _talks(text)] == [
        ("Fearless Concurrency", [("Sam Park", None, None)]),
        ("Macros Without Tears", [("Jane Doe", None, None)]),
        ("Async in Practice", [("Wei Chen", None, None)]),
    ]


def _double_spaced(lines: list[str]) -> str:
    """A page pasted with a blank line after each of its lines (every `<p>` and `<li>` a paragraph)."""
    return "\n\n".join(lines) + "\n"


def test_a_speaker_label_in_a_page_with_a_blank_line_after_every_line_still_labels_the_item_under_it() -> None:
    lines = ["세미나 정리", "- 일시: 2024-05-01", "- 장소: 강남"]
    for number, (title, name, organisation) in enumerate(
        [("서버리스 아키텍처", "김민준", "카카오"), ("모바일 성능 측정", "이서연", "라인")], start=1
    ):
        lines += [f"#{number} {title}", "발표자", f"- {name}, {organisation}", "발표 내용", "- 느낀 점이 많았다"]
    assert _talks(_double_spaced(lines)) == [
        ("#1 서버리스 아키텍처", [("김민준", None, "카카오")], "talk"),
        ("#2 모바일 성능 측정", [("이서연", None, "라인")], "talk"),
    ]


def test_a_session_card_in_a_page_with_a_blank_line_after_every_line_keeps_its_lines() -> None:
    lines = ["Tech Summit 2024", "2024년 5월 1일", "코엑스"]
    for number, (name, description, title) in enumerate(
        [("김민준", "카카오 수석", "분산 시스템의 이해"), ("이서연", "네이버 수석", "쿠버네티스 운영기")], start=1
    ):
        lines += [f"Keynote #{number}", name, description, title, "- 좋았다", "- 질문이 많았다"]
    assert [(title, speakers) for title, speakers, _ in _talks(_double_spaced(lines))] == [
        ("분산 시스템의 이해", [("김민준", "수석", "카카오")]),
        ("쿠버네티스 운영기", [("이서연", "수석", "네이버")]),
    ]


def test_a_plain_title_line_reaches_its_speaker_line_past_its_slides_link() -> None:
    text = (
        "# Sessions\n\nScaling Postgres at Work\nSlides: https://example.com/postgres\nJane Doe (Acme)\n\n"
        "It was a good talk.\n\nTesting in Production\nSlides: https://example.com/testing\nJohn Smith (Globex)\n"
    )
    assert [(title, speakers) for title, speakers, _ in _talks(text)] == [
        ("Scaling Postgres at Work", [("Jane Doe", None, "Acme")]),
        ("Testing in Production", [("John Smith", None, "Globex")]),
    ]


def test_a_by_line_under_a_title_is_a_speaker_line_not_the_rest_of_a_sentence() -> None:
    for between in ("", "Slides: https://example.com/slides\n"):
        text = (
            f"# Sessions\n\nScaling Postgres at Work\n{between}by Jane Doe\n\nIt was a good talk.\n\n"
            f"Testing in Production\n{between}by John Smith\n\nIt was a good talk too.\n"
        )
        assert [(title, speakers) for title, speakers, _ in _talks(text)] == [
            ("Scaling Postgres at Work", [("Jane Doe", None, None)]),
            ("Testing in Production", [("John Smith", None, None)]),
        ], between


def test_a_page_pasted_without_any_blank_line_reads_as_it_does_with_them() -> None:
    lines = [
        "가을 밋업 아카이브",
        "이번 밋업은 온라인으로 이틀 동안 진행되었습니다.",
        "- 발표 영상 재생 목록",
        "첫째 날",
    ]
    for title, speaker, about in [
        ("개발자를 위한 글쓰기", "@minjun 김민준", "기술 블로그를 꾸준히 쓰는 방법을 소개합니다."),
        ("사이드 프로젝트로 배운 것", "@seoyeon 이서연", "주말마다 만든 앱에서 배운 점을 이야기합니다."),
        ("테스트 코드와 친해지기", "@jihoon 박지훈", "처음 보낸 풀 리퀘스트가 합쳐지기까지를 돌아봅니다."),
    ]:
        lines += [title, speaker, about, "- 발표 영상"]
    expected = [
        ("개발자를 위한 글쓰기", [("김민준", None, None)], "talk"),
        ("사이드 프로젝트로 배운 것", [("이서연", None, None)], "talk"),
        ("테스트 코드와 친해지기", [("박지훈", None, None)], "talk"),
    ]
    assert _talks("\n\n".join(lines) + "\n") == expected
    assert _talks("\n".join(lines) + "\n") == expected


def test_an_unspaced_em_dash_separates_as_a_spaced_dash_does_but_a_hyphen_joins() -> None:
    for dash in (" - ", " – ", "—", "―"):
        text = f"# Meetup\n\n* Jane Doe{dash}Real-Time Sync at Scale\n* Sam Park{dash}Fearless Concurrency\n"
        assert [(title, [name for name, _, _ in speakers]) for title, speakers, _ in _talks(text)] == [
            ("Real-Time Sync at Scale", ["Jane Doe"]),
            ("Fearless Concurrency", ["Sam Park"]),
        ], dash
    assert _talks("# Meetup\n\n* Jane Doe-Real Sync at Scale\n* Sam Park-Fearless Concurrency\n") == []


def test_a_time_slot_on_the_twelve_hour_clock_or_with_an_em_dash_stays_out_of_the_title() -> None:
    english = (
        "# Schedule\n\n- 9:00 AM – 9:45 AM: Scaling Postgres at Work — Jane Doe (Acme)\n"
        "- 10am: Observability for Everyone — John Smith (Globex)\n"
        "- 1:30 p.m.: Testing in Production — Maria Garcia (Initech)\n"
    )
    assert [title for title, _, _ in _talks(english)] == [
        "Scaling Postgres at Work",
        "Observability for Everyone",
        "Testing in Production",
    ]
    for first, second in (("오전 10:00", "오후 1:30"), ("10:00—10:40", "10:50—11:30")):  # an em dash's range too
        korean = f"# 세션\n\n- {first} | 분산 트랜잭션 이야기 | 김민준 (카카오)\n- {second} | 모바일 성능 측정 | 이서연 (라인)\n"
        assert _talks(korean) == [
            ("분산 트랜잭션 이야기", [("김민준", None, "카카오")], "talk"),
            ("모바일 성능 측정", [("이서연", None, "라인")], "talk"),
        ], first


def test_a_slash_divides_a_heading_and_a_speaker_label_as_a_dash_does() -> None:
    text = (
        "# 밋업 후기\n\n## 분산 트랜잭션 이야기 / 김민준님\n\n- 사가 패턴을 소개했다\n\n"
        "## 모바일 성능 측정 / 이서연님\n\n- 측정 도구를 비교했다\n"
    )
    assert _talks(text) == [
        ("분산 트랜잭션 이야기", [("김민준", None, None)], "talk"),
        ("모바일 성능 측정", [("이서연", None, None)], "talk"),
    ]
    text = "# Meetup\n\nModular vs Monolith\nSpeaker / Tim Oxley@NodeSource\n\nIt was good.\n"
    assert _talks(text) == [("Modular vs Monolith", [("Tim Oxley", None, "NodeSource")], "talk")]


def test_every_noun_for_a_speaker_labels_a_speaker_line_and_a_table_column() -> None:
    for noun in ("발표자", "연사", "스피커", "발제자"):
        text = (
            f"# 세미나\n\n### 1. 리액트 서버 컴포넌트 톺아보기\n{noun}: 김민준 (토스)\n\n동작 원리를 설명해 주셨다.\n"
        )
        assert _talks(text) == [("리액트 서버 컴포넌트 톺아보기", [("김민준", None, "토스")], "talk")], noun
        table = f"# 세미나\n\n| 시간 | 세션 | {noun} |\n| --- | --- | --- |\n| 10:00 | 분산 트랜잭션 이야기 | 김민준 (카카오) |\n"
        assert _talks(table) == [("분산 트랜잭션 이야기", [("김민준", None, "카카오")], "talk")], noun


_WRAPPED_TITLES = """Summit notes

The second day of the summit was about data teams and the tools they
use to keep their pipelines honest, with talks from vendors and users.

Contracts between teams: what we learned from five years of schema
changes

In this talk, Jane Doe, Staff Engineer at Acme, presented the rules her
team follows before a column is renamed or dropped from a shared table.
"""


def test_a_title_a_hard_wrapped_document_broke_over_two_lines_is_read_whole() -> None:
    assert _talks(_WRAPPED_TITLES) == [
        (
            "Contracts between teams: what we learned from five years of schema changes",
            [("Jane Doe", "Staff Engineer", "Acme")],
            "talk",
        )
    ]


def test_english_prose_people_are_those_the_model_or_the_name_lexicon_knows() -> None:
    text = (
        "# Recap\n\nNgozi Okafor of Acme talked about how her team ships every day.\n\n"
        "In her talk, Data Contracts at Scale, Priya Patel explained how her team works.\n"
    )
    assert [speakers for _, speakers, _ in _talks(text)] == [
        [("Ngozi Okafor", None, "Acme")],
        [("Priya Patel", None, None)],  # `Data Contracts at Scale` is a title, not a person at an employer
    ]


def test_a_session_line_in_full_width_brackets_and_pipes_reads_as_in_ascii_ones() -> None:
    text = "# 세미나\n\n- 분산 트랜잭션 이야기 ｜ 김민준 （카카오）\n- 모바일 성능 측정 ｜ 이서연 （라인）\n"
    talks = extract.extract_text(text, language="ko").talks
    assert [(t.title, [(p.name, p.affiliation) for p in t.speakers]) for t in talks] == [
        ("분산 트랜잭션 이야기", [("김민준", "카카오")]),
        ("모바일 성능 측정", [("이서연", "라인")]),
    ]


def test_an_english_title_line_or_a_named_title_in_quotes_is_read_as_an_unquoted_one() -> None:
    for opening, closing in (("", ""), ("“", "”"), ("'", "'"), ("「", "」")):
        text = (
            "# Recap\n\nMy favourite sessions of the day.\n\n"
            f"{opening}Contracts Between Teams{closing}\n"
            "Jane Doe from Acme presented the rules her team follows before a column is renamed.\n\n"
            "John Smith and Ann Lee presented the second talk. "
            f"Their talk was titled {opening}Streaming Without Tears{closing}.\n"
        )
        assert [(title, [name for name, _, _ in speakers]) for title, speakers, _ in _talks(text)] == [
            ("Contracts Between Teams", ["Jane Doe"]),
            ("Streaming Without Tears", ["John Smith", "Ann Lee"]),
        ], opening
