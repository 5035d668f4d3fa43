"""Scoring whether a record is emitted: features weighed against one threshold per record type, the
same for both engines (text written for these tests; names and titles are invented)."""

from __future__ import annotations

from conftest import benchmark, grounded

from extract import score
from extract.engines import Records
from extract.models import Credit, Person, Span, Talk
from extract.score import Source, Weights, held, scored


def _talk(title: str | None, *names: str, text: str) -> Talk:
    quote = title or names[0]
    at = text.index(quote)
    return Talk(
        id="",
        title=title,
        speakers=[Person(name=name) for name in names],
        evidence=[Span(start=at, end=at + len(quote), text=quote)],
    )


def _credit(name: str, role_text: str, text: str) -> Credit:
    at = text.index(name)
    return Credit(
        id="",
        person=Person(name=name),
        role="organizer",
        role_text=role_text,
        evidence=[Span(start=at, end=at + len(name), text=name)],
    )


def test_a_talk_title_named_in_a_sentence_that_says_no_talk_was_given_is_no_talk() -> None:
    text = "We also read Quiet Systems again, the book that Jane Doe wrote about on-call teams years ago.\n"
    assert "title_in_prose_without_a_talk_cue" in held(
        "talk", _talk("Quiet Systems", "Jane Doe", text=text), Source(text, "llm")
    )
    told = "Jane Doe gave a talk on Quiet Systems, with many stories from on-call teams years ago.\n"
    assert "title_in_prose_without_a_talk_cue" not in held(
        "talk", _talk("Quiet Systems", "Jane Doe", text=told), Source(told, "llm")
    )
    opening = '"Quiet Systems" by Jane Doe of Acme was my favourite of the whole two days here.\n'
    talk = _talk("Quiet Systems", "Jane Doe", text=opening)
    assert "title_in_prose_without_a_talk_cue" not in held("talk", talk, Source(opening, "llm"))  # what it is about
    row = "| 2024-05-01 | Quiet Systems (no recording) by Jane Doe and John Smith |\n"
    talk = _talk("Quiet Systems", "Jane Doe", "John Smith", text=row)
    assert "title_in_prose_without_a_talk_cue" not in held("talk", talk, Source(row, "llm"))  # a table's row


def test_a_role_stated_once_over_a_list_of_names_is_stated_for_each() -> None:
    text = "운영진\n\n행사를 준비한 운영진은 다음과 같습니다.\n\n김민준\n\n이서연\n\n후원사\n\n한빛랩스\n"
    for name in ("김민준", "이서연"):
        assert held("credit", _credit(name, "운영진", text), Source(text, "llm")) == {}
    elsewhere = "운영진 모집 공고가 올라왔다. 지원서는 메일로 받는다고 한다, 마감은 다음 주 금요일이다.\n\n김민준 님의 발표가 좋았다.\n"
    assert "role_not_stated_for_the_person" in held(
        "credit", _credit("김민준", "운영진", elsewhere), Source(elsewhere, "llm")
    )


def test_a_model_record_against_which_one_feature_holds_is_dropped_with_its_reason() -> None:
    text = "# 후기\n\n- 회사 데이터로 챗봇을 만들어 보고 싶어요. - 김민준\n"
    records = Records(talks=[_talk("회사 데이터로 챗봇을 만들어 보고 싶어요.", "김민준", text=text)])
    kept = scored(records, Source(text, "llm"))
    assert kept.talks == [] and kept.dropped == 1
    assert kept.drops == [
        "talk '회사 데이터로 챗봇을 만들어 보고 싶어요.': its title is a sentence of the recap, not a title"
    ]


def test_a_record_the_rules_read_outweighs_one_weak_feature_but_not_a_strong_one() -> None:
    text = "# 후기\n\n- 회사 데이터로 챗봇을 만들어 보고 싶어요. - 김민준\n- 모바일 성능 측정 - Google Assistant\n"
    sentence = _talk("회사 데이터로 챗봇을 만들어 보고 싶어요.", "김민준", text=text)  # a sentence: weak
    product = _talk("모바일 성능 측정", "Google Assistant", text=text)  # a product as the speaker: strong
    kept = scored(Records(talks=[sentence, product]), Source(text, "local"))
    assert kept.talks == [sentence] and kept.dropped == 1


def test_the_local_engine_emits_no_talk_whose_speaker_is_a_product() -> None:
    text = "# 세미나 정리\n\nSession 1\nGoogle Assistant, 우리 팀에 어떻게 도입해야 할까\n김민준(Software Engineer, Naver)\n"
    assert all(p.name != "Google Assistant" for t in grounded(text).talks for p in t.speakers)


def test_the_weights_in_force_decide_what_is_kept() -> None:
    text = "# 후기\n\n- 회사 데이터로 챗봇을 만들어 보고 싶어요. - 김민준\n"
    talk = _talk("회사 데이터로 챗봇을 만들어 보고 싶어요.", "김민준", text=text)
    assert scored(Records(talks=[talk]), Source(text, "llm")).talks == []  # the committed weights
    lenient = {**score.weights(), "talk": Weights(bias=0.0, threshold=-1.0, weights={"title_is_a_sentence": -1.0})}
    with score.weighed_by(lenient):
        assert scored(Records(talks=[talk]), Source(text, "llm")).talks == [talk]
    assert scored(Records(talks=[talk]), Source(text, "llm")).talks == []


def test_fitting_weighs_down_what_wrong_records_have_and_keeps_the_rest() -> None:
    fit_scores = benchmark("fit_scores")
    right = [fit_scores.Example(f"d{i}", "talk", frozenset({"read_by_the_rules"}), True) for i in range(20)]
    wrong = [fit_scores.Example(f"w{i}", "talk", frozenset({"title_is_a_sentence"}), False) for i in range(5)]
    fitted = fit_scores.fitted([*right, *wrong, fit_scores.Example("x", "talk", frozenset(), True)], "talk")
    assert fitted.weights["title_is_a_sentence"] < 0 < fitted.weights["read_by_the_rules"]
    kept = [value >= fitted.threshold for value in fit_scores.scores([*right, *wrong], fitted)]
    assert kept == [True] * 20 + [False] * 5
