"""Running text as recaps write it: the grammar of a sentence (its subject, its particles, its verb)
decides what it states, whatever the words around. Text written for these tests (names, organisations,
titles and products are invented)."""

from __future__ import annotations

from conftest import grounded


def _talks(text: str) -> list[tuple[str | None, list[tuple[str, str | None]]]]:
    return [(t.title, [(p.name, p.affiliation) for p in t.speakers]) for t in grounded(text).talks]


def _launches(text: str) -> list[tuple[str, str | None]]:
    return [(launch.name, launch.organization) for launch in grounded(text).launches]


def _credits(text: str) -> list[tuple[str, str | None]]:
    return [(c.role, c.person.name if c.person else None) for c in grounded(text).credits]


def test_a_korean_name_kiwi_reads_as_a_shorter_name_and_a_particle_stays_whole() -> None:
    # Kiwi reads `김민준` here as 김민주 + ㄴ (a contracted 는): the particle lies inside the last syllable.
    text = "# 세션 정리\n\n오후에는 네이버 김민준 님의 '분산 시스템의 이해' 세션을 들었다.\n"
    assert _talks(text) == [("분산 시스템의 이해", [("김민준", "네이버")])]


def test_a_quoted_title_before_the_talk_noun_is_the_talks_title() -> None:
    text = "# 세션 정리\n\n네이버의 김민준 님이 '분산 시스템의 이해' 발표를 해주셨다.\n"
    assert _talks(text) == [("분산 시스템의 이해", [("김민준", "네이버")])]


def test_a_quoted_product_that_a_session_announces_is_still_no_talk_title() -> None:
    text = "# 세션 정리\n\n김민준 님이 '카나나'를 공개하는 세션을 진행했다.\n"
    assert all(title != "카나나" for title, _ in _talks(text))


def test_a_setting_with_its_topic_particle_is_no_maker() -> None:
    text = "# 행사 후기\n\n오전에는 한빛소프트가 새로운 AI 플랫폼 '다온'을 공개했다.\n"
    assert _launches(text) == [("다온", "한빛소프트")]


def test_a_products_version_keeps_its_dot_and_loses_the_full_stop() -> None:
    text = "# Day 1\n\nAt the end of the keynote, Globex unveiled Globex Studio 2.0, which ships next month.\n"
    assert _launches(text) == [("Globex Studio 2.0", "Globex")]
    assert _launches("# Day 1\n\nAcme released Widget 3.1.\n") == [("Widget 3.1", "Acme")]


def test_a_word_that_only_opens_the_sentence_is_no_part_of_the_maker() -> None:
    assert _launches("# Day 1\n\nThen Globex announced Widget Cloud.\n") == [("Widget Cloud", "Globex")]


def test_a_quoted_title_by_an_author_is_a_talk_only_where_the_sentence_speaks_of_one() -> None:
    book = '# Recap\n\nBefore the event we read "Designing Data Systems" by Jane Doe.\n'
    assert _talks(book) == []
    talk = '# Recap\n\n"Designing Data Systems" by Jane Doe of Acme was my favourite.\n'
    assert _talks(talk) == [("Designing Data Systems", [("Jane Doe", "Acme")])]


def test_a_speakers_name_ends_before_the_sentences_full_stop() -> None:
    text = '# Talks\n\n* "Scaling Postgres" by John Smith.\n* "Fast Tests" by Jane Doe, Red Hat Inc.\n'
    assert _talks(text) == [
        ("Scaling Postgres", [("John Smith", None)]),
        ("Fast Tests", [("Jane Doe", "Red Hat Inc.")]),
    ]


def test_a_role_named_with_when_it_was_held_is_still_the_role() -> None:
    assert _credits("# Recap\n\nOur MC for both days was Jane Doe.\n") == [("emcee", "Jane Doe")]


def test_a_role_taken_as_a_complement_names_the_subject_after_it() -> None:
    assert _credits("# 후기\n\n패널 토론의 모더레이터로 김민준 님이 나섰다.\n") == [("moderator", "김민준")]


def test_a_list_of_launched_products_ends_before_the_next_launch_verbs_subject() -> None:
    text = "# Day 2\n\nOn the second day, Acme announced Widget Cloud, and Globex launched Globex Studio.\n"
    assert sorted(_launches(text)) == [("Globex Studio", "Globex"), ("Widget Cloud", "Acme")]


def test_a_job_in_an_apposition_gives_the_speakers_title_and_employer() -> None:
    text = "# Recap\n\nThe opening keynote was given by Jane Doe, a principal engineer at Acme.\n"
    assert [(p.name, p.title, p.affiliation) for t in grounded(text).talks for p in t.speakers] == [
        ("Jane Doe", "principal engineer", "Acme")
    ]


def test_a_saying_quoted_after_a_speakers_possessive_is_no_title() -> None:
    assert _talks("# 후기\n\n김민준 님의 '테스트는 문서다'라는 말이 기억에 남는 세션이었다.\n") == []
    assert _talks("# 후기\n\n마지막 세션으로 이서연 님의 '추천 시스템 개발기'를 들었다.\n") == [
        ("추천 시스템 개발기", [("이서연", None)])
    ]


def test_a_foreign_name_written_in_hangul_is_one_name_before_the_job_title() -> None:
    # `마이클` is no Korean surname 마 + 이클: `클`, like `스` and `트`, spells a foreign consonant.
    text = "# 후기\n\n기조연설에서는 한빛클라우드의 마이클 스미스 부사장이 새 비전을 소개했다.\n"
    assert [(p.name, p.title, p.affiliation) for t in grounded(text).talks for p in t.speakers] == [
        ("마이클 스미스", "부사장", "한빛클라우드")
    ]


def test_what_a_talk_introduces_as_its_topic_is_no_launch() -> None:
    text = "# 후기\n\n기조연설에서 김민준 부사장이 생성형 AI 전략을 소개했다.\n"
    assert _launches(text) == []


def test_names_listed_before_one_honorific_are_all_people_and_a_panel_is_one_talk() -> None:
    text = "# 후기\n\n패널 토론에는 최유진, 정다은, 오세훈 님이 참여했다.\n"
    assert _talks(text) == [(None, [("최유진", None), ("정다은", None), ("오세훈", None)])]
    assert sorted(_credits("# 후기\n\n사회는 김민준, 이서연 님이 맡아 주셨다.\n")) == [
        ("emcee", "김민준"),
        ("emcee", "이서연"),
    ]


def test_a_role_verb_over_both_days_is_still_the_role() -> None:
    assert _credits("# Recap\n\nSam Park emceed both days.\n") == [("emcee", "Sam Park")]


def test_who_announces_unnamed_new_services_presents_the_launches_told_after_them() -> None:
    text = (
        "# Widgetconf recap\n\n"
        "Acme launched Widget Lite last spring.\n\n"
        "Day two opened with a keynote by Acme CEO Jane Doe, where she announced a number of new services.\n\n"
        "Acme announced Widget Cloud, which runs widgets at the edge.\n\n"
        "Later, Globex CTO John Smith announced Gizmo Studio.\n"
    )
    launches = {x.name: (x.organization, [p.name for p in x.presenters]) for x in grounded(text).launches}
    assert launches == {
        "Widget Lite": ("Acme", []),  # told before the announcement
        "Widget Cloud": ("Acme", ["Jane Doe"]),
        "Gizmo Studio": ("Globex", ["John Smith"]),  # its own presenter
    }
    # Announced in a sentence of its own, by the people the sentence before names.
    text = (
        "# Widgetconf recap\n\n"
        "Day two opened with a keynote by Acme CEO Jane Doe. The following new features were announced.\n\n"
        "Acme announced Widget Cloud, which runs widgets at the edge.\n"
    )
    ((launch,),) = [grounded(text).launches]
    assert [(p.name, p.title, p.affiliation) for p in launch.presenters] == [("Jane Doe", "CEO", "Acme")]


def test_a_possessive_talks_title_is_the_quote_beside_its_noun_or_a_title_cased_run_after_on() -> None:
    later_quote = 'Ana Silva\'s talk on Remote Caches for Everyone took a hard topic and made it truly "simple."\n'
    assert _talks(later_quote) == [("Remote Caches for Everyone", [("Ana Silva", None)])]
    beside = 'Ana Silva\'s keynote, "Remote Caches for Everyone", was the best of the day.\n'
    assert _talks(beside) == [("Remote Caches for Everyone", [("Ana Silva", None)])]
