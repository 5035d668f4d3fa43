from __future__ import annotations

from conftest import SEED, analyse

from extract import lexicon
from extract.bare_names import bare_korean_names
from extract.beside_names import organizations_beside
from extract.ingest import read_document


def _pairs(text: str) -> dict[str, str]:
    _, candidates = analyse(text)
    return {a.latin: a.hangul for a in candidates.aliases}


def test_a_person_alias_takes_as_many_words_as_the_latin_name() -> None:
    pairs = _pairs("인터뷰 진행자 플로 영(Phlo Young)과 차기 연사 찰스 프라이(Charles Frye)가 왔다.")
    assert pairs == {"Phlo Young": "플로 영", "Charles Frye": "찰스 프라이"}


def test_a_translated_alias_stops_at_a_particle_or_bracket() -> None:
    pairs = _pairs("대거(Dagger)의 컨테이너 활용 기능(container-use)은 (추천 시스템(RecSys) 트랙)")
    assert pairs["container-use"] == "컨테이너 활용 기능"
    assert pairs["Dagger"] == "대거"
    assert pairs["RecSys"] == "추천 시스템"


def test_bold_markup_opens_an_alias() -> None:
    assert _pairs("**아샤 샤르마(Asha Sharma) — 제목**") == {"Asha Sharma": "아샤 샤르마"}


def test_a_remark_after_a_comma_is_kept_as_a_note() -> None:
    _, candidates = analyse("테오도라 추(Theodora Chu, MCP PM)에 의해 제공되었다.")
    (pair,) = candidates.aliases
    assert (pair.latin, pair.note) == ("Theodora Chu", "MCP PM")


def test_latin_only_brackets_without_hangul_are_not_aliases() -> None:
    assert _pairs("GPT-4o(OpenAI) 와 (06-05) 그리고 API(v2)") == {}


def test_candidates_are_labelled_by_name_lexicon_gazetteer_and_patterns() -> None:
    text = "사이먼 윌리슨(Simon Willison)은 엑사 리서치(Exa Research)와 구글을 6월 5일 음성 트랙에서 언급했다."
    _, candidates = analyse(text)
    labels = {(c.label, c.text) for c in candidates.spans}
    assert ("PERSON", "사이먼 윌리슨(Simon Willison)") in labels
    assert ("PRODUCT", "엑사 리서치(Exa Research)") in labels
    assert ("ORG", "구글") in labels
    assert ("DATE", "6월 5일") in labels
    assert ("TRACK", "음성 트랙") in labels


def test_gazetteer_names_match_in_any_case_but_only_as_whole_tokens() -> None:
    _, candidates = analyse("OPENAI와 openai, 그리고 OpenAI의 발표. 구글러들은 웃었다.")
    orgs = [c.text for c in candidates.spans if c.label == "ORG"]
    assert orgs == ["OPENAI", "openai", "OpenAI"]  # not 구글 inside 구글러들


def test_dates_and_tracks_are_tagged_in_every_reading() -> None:
    text = "2025년 6월 5일, 2024-06-05와 June 5에 생성 미디어 트랙이 열렸다."
    _, candidates = analyse(text)
    labels = {(c.label, c.text) for c in candidates.spans}
    for date in ("2025년 6월 5일", "6월 5일", "2025년 6월", "2024-06-05", "June 5"):
        assert ("DATE", date) in labels
    assert {("TRACK", "미디어 트랙"), ("TRACK", "생성 미디어 트랙")} <= labels
    assert {s.label_ for s in candidates.doc.spans["candidates"]} == {"DATE", "TRACK"}


def test_spacy_doc_text_is_the_source_and_sentences_come_from_kiwi() -> None:
    text = read_document(SEED).text
    segmentation, candidates = analyse(text)
    doc = candidates.doc
    assert doc.text == text
    kiwi_starts = {s.start for s in segmentation.sentences}
    doc_starts = {s.start_char for s in doc.sents}
    assert kiwi_starts <= doc_starts | {0}
    assert len(doc.spans["aliases"]) == len(candidates.aliases)
    spans = doc.spans["candidates"]
    assert [s.label_ for s in spans] == [c.label for c in candidates.mentions]
    # A span covers its candidate's whole tokens (a gloss can start inside one: `#define AI 엔지니어(…)`).
    assert all(s.start_char <= c.start < c.end <= s.end_char for s, c in zip(spans, candidates.mentions, strict=True))


def test_each_doc_token_carries_its_kiwi_tags() -> None:
    segmentation, candidates = analyse("사이먼 윌리슨(Simon Willison)은 공개했습니다.  두 번째 문장입니다.")
    by_start = {t.idx: t.tag_ for t in candidates.doc if not t.is_space}
    for token in segmentation.tokens:
        assert by_start[token.start] == "+".join(token.tags)
    assert by_start[segmentation.tokens[-1].start] == "SF"
    assert [s.text.strip() for s in candidates.doc.sents] == [
        "사이먼 윌리슨(Simon Willison)은 공개했습니다.",
        "두 번째 문장입니다.",
    ]


def test_the_english_model_tags_people_whose_given_name_the_lexicon_lacks() -> None:
    assert not lexicon.is_person_name("Zorvath Oduya")
    _, candidates = analyse(
        "The day opened with Zorvath Oduya, who spoke for an hour about caching at Brightwell Labs."
    )
    assert "Zorvath Oduya" in [c.text for c in candidates.latin_people]
    assert candidates.is_person_name("Zorvath Oduya")
    assert not candidates.is_person_name("Brightwell Labs")


def test_a_model_entity_glued_across_a_separator_is_cut_to_its_name() -> None:
    _, candidates = analyse("Talks:\n* Tarquin Oduya - History of Widgets\n* Imelda Varga - The future of caching\n")
    people = [c.text for c in candidates.latin_people]
    assert "Tarquin Oduya" in people
    assert not any("History" in name or "The" in name.split() for name in people)


def test_a_korean_document_does_not_load_the_english_model() -> None:
    from extract import english_entities

    english_entities._pipeline.cache_clear()
    analyse("김민수 님이 비동기 파이썬을 주제로 발표했다.")
    assert english_entities._pipeline.cache_info().currsize == 0


def _bare_names(text: str) -> list[str]:
    return [text[start:end] for start, end in bare_korean_names(text)]


def test_a_korean_name_alone_in_a_segment_of_its_line_is_a_person_candidate() -> None:
    text = "- 박지호\n| 분산 시스템의 이해 | 이서연 |\n김철수, 네이버\n텀블벅 박형식\n@k16wire 황상철\n조승연@KnowRe\n이영희 님\n"
    assert _bare_names(text) == ["박지호", "이서연", "김철수", "박형식", "황상철", "조승연", "이영희"]
    _, candidates = analyse(text)
    people = {c.text for c in candidates.mentions if c.label == "PERSON"}
    assert {"박지호", "이서연", "김철수", "박형식", "황상철", "조승연", "이영희"} <= people


def test_a_name_in_running_text_or_a_word_shaped_like_a_name_is_not_a_bare_name() -> None:
    # Tied to its particle in a sentence; a conjunction, a verb form, a particle, derived nouns and
    # a surname before a known noun, each alone on its line; two syllables without 님.
    text = "김민준이 발표했다\n하지만\n마치며\n추가로\n기술적\n함수형\n임작가\n문제\n"
    assert _bare_names(text) == []


def test_the_segment_after_a_persons_name_is_their_organisation_candidate() -> None:
    text = "- 이현섭, 비바리퍼블리카\n- Jane Doe (Acme Corp)\n- 조승연@KnowRe\n- 이서연 | 슬로워크\n"
    _, candidates = analyse(text)
    assert {c.text for c in candidates.mentions if c.label == "ORG"} >= {
        "비바리퍼블리카",
        "Acme Corp",
        "KnowRe",
        "슬로워크",
    }


def test_a_handle_a_common_noun_or_a_title_after_a_name_is_no_organisation() -> None:
    text = "Alan Kay (curt.k)\n박지호 (스타트업)\nFatih Arslan - Writing a Go tool\nJane Doe (John Smith)\n"
    people = [
        (text.index(name), text.index(name) + len(name)) for name in ("Alan Kay", "박지호", "Fatih Arslan", "Jane Doe")
    ]
    assert organizations_beside(text, people) == []
