"""Recap styles beyond the seed, on sentences written for these tests (other names, organisations
and phrasings than the development recaps): Korean news, Korean blog 후기, English recaps."""

from __future__ import annotations

from conftest import analyse, extract_records, grounded

from extract.resolve import resolve


def _talks(text: str) -> list[tuple[str | None, list[tuple[str, str | None, str | None]], str | None]]:
    return [(t.title, [(p.name, p.title, p.affiliation) for p in t.speakers], t.kind) for t in grounded(text).talks]


def _titles_and_names(text: str) -> list[tuple[str | None, list[str]]]:
    return [(title, [name for name, _, _ in speakers]) for title, speakers, _ in _talks(text)]


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
    credits = grounded(text).credits
    found = {(c.person.name if c.person else c.organization, c.role, c.role_text) for c in credits}
    assert found == {
        ("한국인공지능협회", "organizer", "주최"),
        ("서울시", "other", "후원"),
        ("김영수", "other", "축사"),
        ("박민정", "other", "환영사"),
    }


def test_newsletter_bold_lead_items_that_announce_are_launches_and_labels_are_not() -> None:
    text = (
        "## 이번 주 소식\n"
        "* **솔라 프로 3(Solar Pro 3)**: 업스테이지가 공개한 추론 모델입니다.\n"
        "* **핵심 동향**: 여러 모델들이 공개되었습니다.\n"
    )
    launches = [(x.name, x.name_ko, x.organization) for x in extract_records(text).launches]
    assert launches == [("Solar Pro 3", "솔라 프로 3", "업스테이지")]


def test_a_corner_quoted_title_heading_and_romanised_korean_names() -> None:
    text = "**「검색 증강 생성 실전」 오하람(카카오페이)**\n트랙 호스트 배서윤(Seoyun Bae) 님께 감사드립니다.\n"
    assert _talks(text) == [("검색 증강 생성 실전", [("오하람", None, "카카오페이")], "talk")]
    credits = {(c.role, c.person.name, c.person.name_ko) for c in extract_records(text).credits if c.person}
    assert ("track_host", "Seoyun Bae", "배서윤") in credits


def test_a_role_of_two_words_before_a_name_is_its_title_not_an_affiliation() -> None:
    text = "트랙 호스트 민하율(Hayul Min) 님께 감사드립니다.\n"
    credits = grounded(text).credits
    assert [(c.role, c.person.name, c.person.title, c.person.affiliation) for c in credits if c.person] == [
        ("track_host", "Hayul Min", "트랙 호스트", None)
    ]


def test_news_a_topic_announced_then_its_panel_named_in_the_next_sentence() -> None:
    text = (
        "이어 '데이터 주권과 규제'를 주제로 한 패널토론이 열렸다. "
        "토론에는 문혜린 연세대 교수, 강태웅 KAIST 교수가 참여했다.\n"
    )
    assert _talks(text) == [
        ("데이터 주권과 규제", [("문혜린", "교수", "연세대"), ("강태웅", "교수", "KAIST")], "panel")
    ]


def test_news_a_speaker_after_an_adverb_and_a_topic_presented_is_no_launch() -> None:
    text = "이어 오준석 카카오엔터프라이즈 대표가 'AI 검색의 미래'를 주제로 발표했다.\n"
    assert _talks(text) == [("AI 검색의 미래", [("오준석", "대표", "카카오엔터프라이즈")], "talk")]
    assert extract_records(text).launches == []


def test_news_speakers_on_the_podium_named_as_speaker_or_as_keynote_speaker() -> None:
    text = (
        "기조연설자로 나선 레아 뒤부아(Lea Dubois) 교수는 규제를 강조했다. "
        "두 번째 세션에서는 남지호 라인 CTO가 연단에 올랐다. "
        "마지막 연사는 성균관대 도하린 교수였다. "
        "한 연사는 강연과 토론에 모두 참가했다. "
        "정유나 리더는 검색에 생성형 AI를 적용한 사례를 발표했다.\n"
    )
    talks = _talks(text)
    assert (None, [("Lea Dubois", "교수", None)], "keynote") in talks
    assert (None, [("남지호", "CTO", "라인")], "talk") in talks
    assert (None, [("도하린", "교수", "성균관대")], "talk") in talks
    assert len(talks) == 3
    assert extract_records(text).launches == []


def test_news_speeches_named_before_the_person_who_gave_them() -> None:
    text = "개회사는 한승우 과학기술정보통신부 장관이 맡았고, 축사는 이도현 1차관이 했다.\n"
    credits = {(c.role_text, c.person.name if c.person else None) for c in extract_records(text).credits}
    assert credits == {("개회사", "한승우"), ("축사", "이도현")}


def test_news_an_ordinal_title_keeps_its_person_giving_a_speech() -> None:
    text = "개막식에서는 문태호 행정안전부 제2차관이 개회사를 했으며, 대한의학회 장은비 회장이 축사를 전했다.\n"
    credits = {(c.role_text, c.person.name, c.person.title) for c in extract_records(text).credits if c.person}
    assert credits == {("개회사", "문태호", "제2차관"), ("축사", "장은비", "회장")}


def test_news_a_talk_as_the_sentences_topic_or_about_a_quoted_subject() -> None:
    text = (
        "특별강연은 독일 뮌헨공과대학교 한스 뮐러(Hans Mueller) 교수가 '로봇 학습의 현재'를 주제로 진행했다. "
        "이어 SK텔레콤 노재희 부사장이 '통신사의 AI 전환'에 대해 기조강연을 했다. "
        "기조강연은 행사장 곳곳에서 화제가 됐고, 송유리 교수는 '양자 컴퓨팅 입문'을 주제로 한 책을 소개했다.\n"
    )
    assert _talks(text) == [
        ("로봇 학습의 현재", [("Hans Mueller", "교수", "뮌헨공과대학교")], "special_talk"),
        ("통신사의 AI 전환", [("노재희", "부사장", "SK텔레콤")], "keynote"),
    ]


def test_news_the_sentences_talk_kind_wins_and_panelists_listed_as_the_panel() -> None:
    text = (
        "둘째 날 기조연설에는 사티시 라오(Satish Rao) 교수가 연사로 나서 '분산 시스템의 미래'에 대해 강연했다. "
        "오후에는 '로봇과 노동'을 주제로 패널 토론이 진행됐다. 패널로는 현대차 오진우 상무, 고려대 나은채 교수가 참여했다.\n"
    )
    assert _talks(text) == [
        ("분산 시스템의 미래", [("Satish Rao", "교수", None)], "keynote"),
        ("로봇과 노동", [("오진우", "상무", "현대차"), ("나은채", "교수", "고려대")], "panel"),
    ]


def test_news_a_quoted_product_by_a_one_word_maker_and_co_organisers_beside_a_known_one() -> None:
    text = (
        "행사장에서는 빗썸이 새 거래 앱 '빗썸 프로'를 처음 선보였다. 그는 새 앱 '하루 지도'를 공개했다.\n"
        "행사는 인천시가 주최하고 인천테크노파크와 코인데스크코리아가 공동 주관했다.\n"
    )
    records = extract_records(text)
    assert [(x.name, x.organization) for x in records.launches] == [("빗썸 프로", "빗썸")]
    assert {(c.organization, c.role_text) for c in records.credits} == {
        ("인천시", "주최"),
        ("인천테크노파크", "공동 주관"),
        ("코인데스크코리아", "공동 주관"),
    }


def test_a_person_named_after_a_hosting_role_hosts_the_panel_rather_than_speaks() -> None:
    text = (
        "이어 '데이터 윤리'를 주제로 한 패널토론이 열렸다. 토론에는 연세대 하지우 교수, 법무법인 태평 "
        "민서진 변호사가 참여했으며 좌장은 고려대 남궁현 교수가 맡았다.\n"
    )
    assert _talks(text) == [
        ("데이터 윤리", [("하지우", "교수", "연세대"), ("민서진", "변호사", "법무법인 태평")], "panel")
    ]
    credits = {(c.role, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("track_host", "남궁현")}


def test_a_day_or_the_event_owning_a_role_is_no_affiliation() -> None:
    text = "이날의 사회자 윤채원 님이 행사를 열었다. 행사의 진행자 배도현님이 마무리했다.\n"
    people = {(c.person.name, c.person.title, c.person.affiliation) for c in extract_records(text).credits if c.person}
    assert people == {("윤채원", "사회자", None), ("배도현", "진행자", None)}


def test_launches_by_an_organisation_written_in_latin_letters_and_organisers_by_their_ending() -> None:
    text = (
        "Figma는 이날 새 디자인 도구 '코드 커넥트(Code Connect)'를 공개했다. "
        "Ravi Menon CTO는 새 기능 '보이스 모드(Voice Mode)'를 선보였다.\n"
        "행사는 서울 러스트 모임과 DevRel Korea가 주최했다.\n"
    )
    records = extract_records(text)
    assert [(x.name, x.organization) for x in records.launches] == [("Code Connect", "Figma"), ("Voice Mode", None)]
    assert {(c.organization, c.role) for c in records.credits} == {
        ("서울 러스트 모임", "organizer"),
        ("DevRel Korea", "organizer"),
    }


def test_an_honorific_before_a_word_kiwi_reads_as_a_determiner_keeps_its_person() -> None:
    text = "진행자 홍서율 님이 행사를 열었다.\n"
    credits = {(c.role, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("emcee", "홍서율")}


def test_news_launches_by_a_gazetteer_organisation_with_a_quoted_product() -> None:
    text = "삼성전자는 차세대 AI 칩 '엑시노스 X'를 공개했다. 네이버는 자체 개발한 하이퍼클로바X를 선보였다.\n"
    launches = [(launch.name, launch.organization) for launch in extract_records(text).launches]
    assert launches == [("엑시노스 X", "삼성전자"), ("하이퍼클로바X", "네이버")]


def test_a_subject_presenting_at_a_talk_of_their_own_gave_that_talk() -> None:
    text = (
        "오후 연사 미라 코넬(Mira Cornell)은 평가(Evals) 기조 강연에서 벤치랩(BenchLab)을 공개했습니다. "
        "서민재 님은 윤아름 님의 강연에서 질문을 던졌다.\n"
    )
    talks = _talks(text)
    assert (None, [("Mira Cornell", None, None)], "keynote") in talks
    assert all(speaker[0] != "서민재" for _, speakers, _ in talks for speaker in speakers)


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


def test_blog_session_list_items_with_marked_titles_slashes_and_brackets() -> None:
    text = (
        "## 들은 세션\n"
        "- **벡터 검색 운영기** - 문소라 (리디)\n"
        "- 실시간 정산 시스템 / 배준호 (야놀자)\n"
        "- [모델 경량화 실전] 송하늘 (업스테이지)\n"
        "- 10:30 ~ 11:10 | 키노트: 오픈소스의 내일 | 루카스 반 데르 베르프(Lucas van der Werf)\n"
        "- 점심 시간\n"
    )
    assert _talks(text) == [
        ("벡터 검색 운영기", [("문소라", None, "리디")], "talk"),  # the section is about 세션
        ("실시간 정산 시스템", [("배준호", None, "야놀자")], "talk"),
        ("모델 경량화 실전", [("송하늘", None, "업스테이지")], "talk"),
        ("오픈소스의 내일", [("Lucas van der Werf", None, None)], "keynote"),
    ]


def test_blog_session_lines_with_a_quoted_title_after_the_speaker_or_a_host_in_brackets() -> None:
    text = (
        "- 09:30 기조연설 — 남기현 (우아한형제들) “주문 시스템 다시 짜기”\n"
        "- 14:00 패널 토론: 사내 개발 문화 (좌장: 변서아 님)\n"
    )
    assert _talks(text) == [("주문 시스템 다시 짜기", [("남기현", None, "우아한형제들")], "keynote")]
    credits = {(c.role, c.role_text, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("track_host", "좌장", "변서아")}


def test_newsletter_headings_of_a_kind_and_its_speaker_or_a_titled_speaker_and_a_title() -> None:
    text = (
        "**폐막 기조연설 — 페이페이 리(Fei-Fei Li), 월드랩스**\n"
        "리 교수는 공간 지능을 이야기했습니다.\n\n"
        "**리벨리온 박성현 대표 — “국산 AI 반도체의 길”**\n"
        "박성현 대표는 새 칩의 성능을 공유했습니다.\n"
    )
    talks = _talks(text)
    assert (None, [("Fei-Fei Li", None, "월드랩스")], "keynote") in talks
    assert ("국산 AI 반도체의 길", [("박성현", "대표", "리벨리온")], "talk") in talks


def test_talks_listed_under_a_track_heading_take_that_track() -> None:
    text = "**트랙 C: 로보틱스**\n- 「휴머노이드의 손」 — 안태오 (레인보우로보틱스)\n"
    talks = grounded(text).talks
    assert [(t.title, t.track) for t in talks] == [("휴머노이드의 손", "로보틱스")]


def test_blog_headings_with_a_speaker_note_or_a_speaker_line_under_them() -> None:
    text = (
        "### 세션 3. 검색 랭킹 재설계 (발표: 윤서진, 무신사)\n"
        "좋았다.\n"
        "### 사내 LLM 플랫폼 구축기\n"
        "발표자: 임도현 (SK텔레콤)\n"
        "사내 문서를 다루는 방법을 소개했다.\n"
        "### 오늘의 점심\n"
        "맛있었다.\n"
    )
    assert _talks(text) == [
        ("검색 랭킹 재설계", [("윤서진", None, "무신사")], "talk"),
        ("사내 LLM 플랫폼 구축기", [("임도현", None, "SK텔레콤")], "talk"),
    ]


def test_blog_prose_talks_with_a_title_after_the_talk_noun_or_before_a_copula() -> None:
    text = (
        "두 번째로 들은 세션은 당근 홍서윤님의 '지역 검색의 모든 것'이었다. "
        "오후에는 쏘카 남궁민 님의 발표 “차량 데이터 파이프라인”을 들었다. "
        "저녁에는 김하나 님의 '개발자의 글쓰기'라는 책을 샀다.\n"
    )
    assert _talks(text) == [
        ("지역 검색의 모든 것", [("홍서윤", None, "당근")], "talk"),
        ("차량 데이터 파이프라인", [("남궁민", None, "쏘카")], "talk"),
    ]


def test_blog_talks_as_the_topic_with_their_speaker_as_subject_or_named_later() -> None:
    text = (
        "다음으로 들은 건 버킷플레이스 탁예린님의 '추천 피드 만들기' 세션이었다. "
        "이번 세션은 LINE의 구하람 님이 발표해 주셨다. "
        "마지막으로 '로그 파이프라인'이라는 제목의 세션을 들었는데, 발표자는 민채아 님이었다. "
        "세션은 정말 흥미로웠다.\n"
    )
    assert _talks(text) == [
        ("추천 피드 만들기", [("탁예린", None, "버킷플레이스")], "talk"),
        (None, [("구하람", None, "LINE")], "talk"),
        ("로그 파이프라인", [("민채아", None, None)], "talk"),
    ]


def test_latin_script_names_in_korean_prose_are_speakers() -> None:
    text = (
        "오후 키노트는 Supabase의 Paul Copplestone가 맡았다. "
        "이어 Andrej Karpathy는 '소프트웨어 3.0'을 주제로 강연했다. "
        "Simon Willison의 블로그를 읽었다.\n"
    )
    assert _talks(text) == [
        (None, [("Paul Copplestone", None, "Supabase")], "keynote"),
        ("소프트웨어 3.0", [("Andrej Karpathy", None, None)], "talk"),
    ]


def test_blog_titles_with_an_honorific_or_before_the_name_stay_titles() -> None:
    text = "행사는 데브원 송지후 대표님의 인사말로 시작했다. 첫 세션은 데브원 CTO 오채린 님의 발표였다.\n"
    records = extract_records(text)
    assert {
        (c.role_text, c.person.name, c.person.title, c.person.affiliation) for c in records.credits if c.person
    } == {("인사말", "송지후", "대표", "데브원")}
    assert _talks(text) == [(None, [("오채린", "CTO", "데브원")], "talk")]


def test_a_role_goes_to_the_person_of_its_own_clause() -> None:
    text = "행사 진행은 운영팀이 맡았고, 사회는 개발자 윤다온 님이 봤다.\n"
    credits = {(c.role_text, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("사회", "윤다온")}


def test_a_heading_with_a_speakers_handle_before_their_name_keeps_the_title_clean() -> None:
    text = "### 2. 레거시 코드와 친해지기 — 코코 (장서진)\n본문입니다.\n"
    assert [(title, [s[0] for s in speakers]) for title, speakers, _ in _talks(text)] == [
        ("레거시 코드와 친해지기", ["장서진"])
    ]


def test_blog_roles_taken_in_prose_are_credits() -> None:
    text = (
        "이날 사회는 백지유 님이 맡아 주셨다. 패널 토론의 좌장을 맡은 고려대 신동욱 교수는 질문을 던졌다. "
        "오후 세션은 차은비 님의 사회로 진행되었다. 행사는 진행을 시작했고 권태오 님이 발표를 맡았다.\n"
    )
    credits = {(c.role, c.role_text, c.person.name if c.person else None) for c in extract_records(text).credits}
    assert credits == {("emcee", "사회", "백지유"), ("track_host", "좌장", "신동욱"), ("emcee", "사회", "차은비")}


def test_interviews_and_co_organisers_named_in_news_prose() -> None:
    text = "인터뷰는 노은채 기자가 진행했다. 이번 행사는 한국데이터협회가 주최하고 테크데일리뉴스가 주관했다.\n"
    credits = {
        (c.role, c.role_text, c.person.name if c.person else c.organization) for c in extract_records(text).credits
    }
    assert credits == {
        ("interviewer", "인터뷰", "노은채"),
        ("organizer", "주최", "한국데이터협회"),
        ("organizer", "주관", "테크데일리뉴스"),
    }


def test_a_role_word_with_an_honorific_is_a_title_not_a_name() -> None:
    text = "탁월한 진행을 맡아주신 한가람 사회자님께 감사드린다. 오늘의 사장님은 바빴다.\n"
    credits = extract_records(text).credits
    assert {(c.role, c.person.name if c.person else None) for c in credits} == {("emcee", "한가람")}


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


def test_english_prose_talks_credits_and_launches() -> None:
    text = (
        'The closing keynote was delivered by Hannah Wright of Datadog, who talked about "Observability for Agents". '
        'Later, Omar Haddad from Stripe gave a talk titled "Payments at the Edge". '
        "The day was hosted by Laura Bennett, and the panel was moderated by Kenji Sato. "
        "Mistral announced Codestral Mamba during the break.\n"
    )
    assert _talks(text) == [
        ("Observability for Agents", [("Hannah Wright", None, "Datadog")], "keynote"),
        ("Payments at the Edge", [("Omar Haddad", None, "Stripe")], "talk"),
    ]
    records = extract_records(text)
    assert {(c.role, c.person.name if c.person else None) for c in records.credits} == {
        ("emcee", "Laura Bennett"),
        ("moderator", "Kenji Sato"),
    }
    assert [(launch.name, launch.organization) for launch in records.launches] == [("Codestral Mamba", "Mistral")]


def test_english_prose_speakers_with_a_job_at_an_organisation_or_in_brackets_and_track_hosts() -> None:
    text = (
        "The closing keynote came from Helen Park, Director of Research at Cohere, who argued for smaller models. "
        'Later, Marco Rossi (Mistral) walked through "Tokenizers Explained". '
        "Thanks to the track hosts Nina Berg and Paul Adler.\n"
    )
    assert _talks(text) == [
        (None, [("Helen Park", "Director of Research", "Cohere")], "keynote"),
        ("Tokenizers Explained", [("Marco Rossi", None, "Mistral")], "talk"),
    ]
    credits = {(c.role, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("track_host", "Nina Berg"), ("track_host", "Paul Adler")}


def test_english_news_a_title_before_the_name_and_a_launch_by_a_person_named_earlier() -> None:
    text = (
        "The event opened with a keynote led by CEO Mira Castell. "
        "Castell announced Orbit 2, the company's new assistant.\n"
    )
    assert _talks(text) == [(None, [("Mira Castell", "CEO", None)], "keynote")]
    launches = extract_records(text).launches
    assert [(x.name, x.organization, [p.name for p in x.presenters]) for x in launches] == [
        ("Orbit 2", None, ["Mira Castell"])
    ]


def test_english_panel_items_with_their_panelists_and_a_moderator() -> None:
    text = "- Panel: *Who owns the data platform?* with Ines Moreau (Spotify) and Raj Patel (Stripe), moderated by Joe Kim\n"
    assert _talks(text) == [
        ("Who owns the data platform?", [("Ines Moreau", None, "Spotify"), ("Raj Patel", None, "Stripe")], "panel")
    ]


def test_english_lines_led_by_a_bold_title_with_a_kind_label() -> None:
    text = "**Keynote: Rethinking Data Frames** — Ines Moreau, Hugging Face\n**Panel: Open Models** — Raj Patel, CTO\n"
    assert _talks(text) == [
        ("Rethinking Data Frames", [("Ines Moreau", None, "Hugging Face")], "keynote"),
        ("Open Models", [("Raj Patel", "CTO", None)], "panel"),
    ]


def test_english_headings_with_labels_numbers_and_bracketed_speakers() -> None:
    text = (
        "## Talk: Shipping Reliable Agents (Noah Clarke, Vercel)\n"
        "### 2. Streaming Joins — Fatima Zahra\n"
        "## Keynote — Greta Lindqvist (Klarna): Payments and Models\n"
        'Greta Lindqvist\'s keynote, "Models in Checkout", opened the day.\n'
        "Thanks to our MC, Dmitri Volkov, and to the moderator was Olivia McKinley.\n"
    )
    talks = _talks(text)
    assert ("Shipping Reliable Agents", [("Noah Clarke", None, "Vercel")], "talk") in talks
    assert ("Streaming Joins", [("Fatima Zahra", None, None)], "talk") in talks
    assert ("Payments and Models", [("Greta Lindqvist", None, "Klarna")], "keynote") in talks
    assert any(title == "Models in Checkout" for title, _, _ in talks)
    credits = {(c.role, c.role_text, c.person.name if c.person else None) for c in extract_records(text).credits}
    assert credits == {("emcee", "MC", "Dmitri Volkov"), ("moderator", "moderator was", "Olivia McKinley")}


def test_english_titles_by_their_speaker_and_labels_that_are_no_titles() -> None:
    text = (
        "## 3. Evals in Production by Hamish Ferreira\n"
        "- Retrieval by Design by Nadia Okafor (Cohere)\n"
        "**Speaker:** Yuki Tanaka, Senior Applied Scientist at Amazon\n"
        'The next session was "Scaling Vector Search" by Jo Bergum from Vespa.\n'
        "## Made by Humans\n"
    )
    assert _talks(text) == [
        ("Evals in Production", [("Hamish Ferreira", None, None)], "talk"),
        ("Retrieval by Design", [("Nadia Okafor", None, "Cohere")], "talk"),
        ("Scaling Vector Search", [("Jo Bergum", None, "Vespa")], "talk"),
    ]


def test_session_tables_by_header_or_by_cell_content() -> None:
    text = (
        "| 시간 | 세션 | 발표자 | 소속 |\n| --- | --- | --- | --- |\n"
        "| 10:00 | 검색 품질 개선 | 류하린 | 네이버웹툰 |\n| 12:00 | 점심 | | |\n\n"
        "| Vector Databases in Production | Lena Fischer (Qdrant) |\n| Welcome and coffee | |\n"
    )
    assert _talks(text) == [
        ("검색 품질 개선", [("류하린", None, "네이버웹툰")], "talk"),
        ("Vector Databases in Production", [("Lena Fischer", None, "Qdrant")], "talk"),
    ]


def test_a_kind_label_before_a_tables_title_is_the_talks_kind() -> None:
    text = "| 시간 | 세션 | 발표자 |\n| --- | --- | --- |\n| 10:00 | 클로징 키노트: 검색의 내일 | 모해솔 (네이버) |\n"
    assert _talks(text) == [("검색의 내일", [("모해솔", None, "네이버")], "keynote")]


def test_a_session_table_takes_its_talk_kind_from_its_section() -> None:
    text = "## 워크숍\n| 제목 | 발표자 |\n| --- | --- |\n| 파인튜닝 실습 | 탁서하 (업스테이지) |\n"
    assert _talks(text) == [("파인튜닝 실습", [("탁서하", None, "업스테이지")], "workshop")]


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


def test_plain_programme_lines_of_one_shape_are_session_lines() -> None:
    text = (
        "프로그램\n\n"
        "ROOM A | 13:00 - 13:30\n\n"
        "타입스크립트로 CLI 만들기 | 정하윤\n\n"
        "ROOM A | 13:40 - 14:10\n\n"
        "데이터 파이프라인 다시 보기 | 오세진\n"
    )
    titles = {title for title, _, _ in _talks(text)}
    assert titles == {"타입스크립트로 CLI 만들기", "데이터 파이프라인 다시 보기"}
    alone = "오늘은 날씨가 좋았다 | 메모\n"  # one line alone is not a programme
    assert _talks(alone) == []


def test_a_programme_entry_written_one_cell_per_line_is_one_session_line() -> None:
    text = "키노트 |\n에이전트와 함께 일하기 |\n한지우\n\n키노트 |\n클라우드의 다음 십 년 |\n문서영\n"
    assert _talks(text) == [
        ("에이전트와 함께 일하기", [("한지우", None, None)], "keynote"),
        ("클라우드의 다음 십 년", [("문서영", None, None)], "keynote"),
    ]


def test_a_table_cell_holding_a_session_line_is_a_talk_without_its_link_labels() -> None:
    text = (
        "| Date | Info |\n|----|----|\n"
        "| 2025-03-01 | Meetup recording |\n"
        "|            | Pattern Matching in Depth by Laura Bennett (Slides) (Code) |\n"
        "|            | Embedded Rust on a Budget by Kenji Sato (online) (Slides) |\n"
    )
    assert _talks(text) == [
        ("Pattern Matching in Depth", [("Laura Bennett", None, None)], "talk"),
        ("Embedded Rust on a Budget", [("Kenji Sato", None, None)], "talk"),
    ]


def test_a_role_stated_once_holds_for_the_list_of_names_under_it() -> None:
    text = (
        "운영진\n\n이 행사를 준비한 운영진은 다음과 같습니다.\n\n정하윤\n\n오세진\n\n남궁민수\n\n후원사\n\n한빛전자\n"
    )
    credits = extract_records(text).credits
    assert [(c.role, c.person.name if c.person else None) for c in credits] == [
        ("organizer", "정하윤"),
        ("organizer", "오세진"),
        ("organizer", "남궁민수"),
    ]
    english = "Organizers:\n- Laura Bennett\n- Kenji Sato (Acme)\n\nThanks for coming!\n"
    credited = [(c.person.name, c.person.affiliation) for c in extract_records(english).credits if c.person]
    assert credited == [("Laura Bennett", None), ("Kenji Sato", "Acme")]


def test_a_short_plain_line_over_a_list_or_a_speaker_line_is_a_heading() -> None:
    text = (
        "타입으로 설계하기 - 정하윤(한빛소프트)\n"
        "* 타입이 문서가 된다는 이야기였다.\n"
        "* 예제가 많았다.\n\n"
        "Streams in Practice\n"
        "Speaker - Laura Bennett\n\n"
        "오늘은 비가 왔다\n"
        "그래도 사람이 많았다.\n"
    )
    talks = {title: speakers for title, speakers, _ in _talks(text)}
    assert talks == {
        "타입으로 설계하기": [("정하윤", None, "한빛소프트")],
        "Streams in Practice": [("Laura Bennett", None, None)],
    }


def test_a_side_that_only_describes_the_speaker_is_their_job_not_a_title() -> None:
    text = "- Kenji Sato - 한빛재단 부의장\n- 데이터로 말하기 - 오세진\n"
    assert _talks(text) == [
        (None, [("Kenji Sato", "부의장", "한빛재단")], "talk"),
        ("데이터로 말하기", [("오세진", None, None)], "talk"),
    ]


def test_a_two_syllable_word_is_not_taken_for_a_speaker_without_an_honorific() -> None:
    text = "- 휴대폰 기본앱이 문제 - 삭제도 안 되고 모든 기기에 들어간다\n- 모두의 데이터 - 오세진\n"
    assert [t for t, _, _ in _talks(text)] == ["모두의 데이터"]


def test_english_talk_titles_after_a_cue_without_quotes() -> None:
    text = (
        "Laura Bennett gave a talk titled Streams in Practice. It was great.\n\n"
        "Kenji Sato talked about Typed Pipelines: Lessons from Production. He showed demos.\n\n"
        "Maria Garcia talked about how her team ships weekly.\n"  # no title: her talk is untitled
    )
    talks = {speakers[0][0]: title for title, speakers, _ in _talks(text)}
    assert talks == {
        "Laura Bennett": "Streams in Practice",
        "Kenji Sato": "Typed Pipelines: Lessons from Production",
        "Maria Garcia": None,
    }


def test_an_english_talk_takes_its_title_from_the_next_sentence_or_the_line_above() -> None:
    text = (
        "Laura Bennett and Kenji Sato presented the first talk of the day. Their talk was titled Data at Rest.\n\n"
        "Streams Without Tears\n"
        "Maria Garcia gave a keynote on how her team ships weekly.\n"
    )
    assert sorted((t, [s[0] for s in speakers]) for t, speakers, _ in _talks(text)) == [
        ("Data at Rest", ["Laura Bennett", "Kenji Sato"]),
        ("Streams Without Tears", ["Maria Garcia"]),
    ]


def test_the_speakers_after_by_in_a_session_line_need_only_look_like_names() -> None:
    text = "- Borrowing Without Tears by Zorya and Mikael Lindqvist\n- Embedded Rust (Slides) by Quill\n"
    assert _talks(text) == [
        ("Borrowing Without Tears", [("Zorya", None, None), ("Mikael Lindqvist", None, None)], "talk"),
        ("Embedded Rust", [("Quill", None, None)], "talk"),
    ]


def test_a_short_title_line_over_a_line_of_people_is_a_talk() -> None:
    text = (
        "개발자를 위한 글쓰기\n\n@hanbit 정하윤\n\n글쓰기가 왜 중요한지 이야기했다.\n\n"
        "Keynote #2\n\n오세진\n\n"
        "세션 – 3월 2일, 토요일\n\n남궁민수\n"
    )
    talks = _talks(text)
    assert ("개발자를 위한 글쓰기", [("정하윤", None, None)], "talk") in talks  # a handle is no employer
    assert (None, [("오세진", None, None)], "keynote") in talks
    assert all(title != "세션 – 3월 2일, 토요일" for title, _, _ in talks)  # a dated section, not a talk


def test_a_speaker_in_brackets_with_an_honorific_or_after_an_at_sign() -> None:
    text = (
        "Serverless on a Budget (정하윤님)\n\n- 비용 이야기\n- 사례\n\n"
        "스트림 처리 입문\nSpeaker - 오세진@한빛소프트\n\n"
        "Typed Configs\nSpeaker - Laura Bennett@Acme\n"
    )
    assert sorted(_talks(text), key=lambda t: str(t[0])) == [
        ("Serverless on a Budget", [("정하윤", None, None)], "talk"),
        ("Typed Configs", [("Laura Bennett", None, "Acme")], "talk"),
        ("스트림 처리 입문", [("오세진", None, "한빛소프트")], "talk"),
    ]


def test_programme_lines_of_one_shape_may_hold_titles_that_ask_or_exclaim() -> None:
    text = "정말 필요할까요? 다시 보는 테스트 | 정하윤\n\n배포는 금요일에! 그래도 괜찮아 | 오세진\n"
    assert [t for t, _, _ in _talks(text)] == ["정말 필요할까요? 다시 보는 테스트", "배포는 금요일에! 그래도 괜찮아"]


def test_names_with_accented_letters_are_names() -> None:
    text = "- Spatial Apps with Rust by Michał Pierzchała\nTyped Configs\nSpeaker - Zoë Marchán@Acme\n"
    assert sorted(_talks(text), key=lambda t: str(t[0])) == [
        ("Spatial Apps with Rust", [("Michał Pierzchała", None, None)], "talk"),
        ("Typed Configs", [("Zoë Marchán", None, "Acme")], "talk"),
    ]


def test_a_side_naming_an_occupation_or_an_organisation_describes_the_speaker() -> None:
    text = "- Laura Bennett - 콘서트 프로그래머\n- 오세진 - 카카오\n"
    assert _talks(text) == [
        (None, [("Laura Bennett", "콘서트 프로그래머", None)], "talk"),
        (None, [("오세진", None, "카카오")], "talk"),
    ]


def test_a_possessive_talk_takes_the_title_after_its_cue() -> None:
    text = "Laura Bennett's talk on Streams Without Tears. It was the best of the day.\n"
    assert _talks(text) == [("Streams Without Tears", [("Laura Bennett", None, None)], "talk")]


def test_english_launch_verbs_name_every_product_of_their_list() -> None:
    text = (
        "At the summit we announced the Widget 2 RC, the Widget Cloud Beta, and an early release of the Widget "
        "Compiler. Acme also announced three instances: X5, H2, and Q7M, a bare metal offering. "
        "During the keynote the Acme Data Report was announced.\n"
    )
    names = sorted(launch.name for launch in extract_records(text).launches)
    assert names == ["Acme Data Report", "H2", "Q7M", "Widget 2 RC", "Widget Cloud Beta", "Widget Compiler", "X5"]


def test_a_lead_in_line_over_talk_lines_gives_their_kind() -> None:
    text = "Workshops:\n- Borrowing Without Tears by Laura Bennett\n- Typed Configs by Kenji Sato\n"
    assert [kind for _, _, kind in _talks(text)] == ["workshop", "workshop"]


def test_who_hosts_a_panel_or_a_q_and_a_moderates_it() -> None:
    text = "- Storage Q&A hosted by Laura Bennett\n\nThe day was hosted by Kenji Sato, and the panel ran long.\n"
    credits = {(c.role, c.person.name) for c in extract_records(text).credits if c.person}
    assert credits == {("moderator", "Laura Bennett"), ("emcee", "Kenji Sato")}


def test_an_event_named_as_the_object_of_a_cue_is_no_launch() -> None:
    text = "Rust Busan 컨퍼런스를 통해 새로운 발표자를 발굴하고, 다양한 경험을 나누고자 합니다.\n"
    _, candidates = analyse(text)
    assert resolve(extract_records(text), text, candidates).launches == []


def test_a_run_of_name_dash_title_lines_reads_its_speaker_column_for_every_line() -> None:
    # `Zorvath Oduya` has a given name no lexicon knows, and `Go Build Modes` starts with one that a
    # lexicon does: the column the other lines show decides both.
    text = (
        "Schedule\n"
        "* Peter Lindqvist - Caching at the edge\n"
        "* Zorvath Oduya - Understanding Channels\n"
        "* Martha Quill - Go Build Modes\n"
        "* Daniel Roth - Testing without mocks\n"
    )
    assert _titles_and_names(text) == [
        ("Caching at the edge", ["Peter Lindqvist"]),
        ("Understanding Channels", ["Zorvath Oduya"]),
        ("Go Build Modes", ["Martha Quill"]),
        ("Testing without mocks", ["Daniel Roth"]),
    ]


def test_a_speaker_column_between_slot_lines_takes_nicknames_and_titles_that_are_sentences() -> None:
    # The room-and-time lines neither vote nor break the run; `코드요정` is no name a lexicon knows,
    # and the titles end like sentences, as talk titles addressed to an audience do.
    text = (
        "ROOM 1 | 10:00 - 10:40\n\n"
        "사내 문서로 검색 봇을 만들어 보고 싶어요. | 정하윤\n\n"
        "ROOM 1 | 10:50 - 11:30\n\n"
        "배포 파이프라인 - 처음부터 다시 짜기 | 오세진\n\n"
        "ROOM 2 | 10:00 - 10:40\n\n"
        "테스트가 당신을 구합니다! | 코드요정\n\n"
        "발표자\n\n코드요정\n\n한지우\n"
    )
    assert _titles_and_names(text) == [
        ("사내 문서로 검색 봇을 만들어 보고 싶어요.", ["정하윤"]),
        ("배포 파이프라인 - 처음부터 다시 짜기", ["오세진"]),
        ("테스트가 당신을 구합니다!", ["코드요정"]),
    ]  # and `코드요정` over `한지우` in the speaker list is a name, not a talk's title


def test_a_run_of_name_dash_statement_lines_is_prose_not_a_programme() -> None:
    text = (
        "- 정하윤 - 오픈소스 활동은 정말 중요하고 미래가 밝다.\n- 오세진 - 꾸준함이 중요하다. 매일 조금씩 기여했다.\n"
    )
    assert _talks(text) == []


def test_a_layout_shown_twice_trusts_its_slots_for_titles_that_exclaim_or_end_like_a_company() -> None:
    # Two strict instances (a title line over `발표자` and the speaker) show the layout; the third and
    # fourth titles exclaim or end in `회사`, and their speaker lines hold a nickname and a handle.
    text = (
        "#1 비동기 파이썬 입문\n발표자\n- 정하윤, 한빛소프트\n\n"
        "#2 테스트 자동화의 함정\n발표자\n- 오세진, 카카오\n\n"
        "#3 배포는 금요일에 하세요!\n발표자\n- 코드요정\n\n"
        "#4 두 번의 이직, 세 개의 회사\n발표자\n- @quillm Martha Quill\n"
    )
    assert _titles_and_names(text)[2:] == [
        ("#3 배포는 금요일에 하세요!", ["코드요정"]),
        ("#4 두 번의 이직, 세 개의 회사", ["Martha Quill"]),
    ]


def test_a_layout_shown_once_does_not_trust_its_slots() -> None:
    text = "#1 비동기 파이썬 입문\n발표자\n- 정하윤, 한빛소프트\n\n#2 배포는 금요일에 하세요!\n발표자\n- 코드요정\n"
    assert [title for title, _, _ in _talks(text)] == ["#1 비동기 파이썬 입문"]


def test_an_organiser_field_credits_the_organisations_and_people_it_lists_but_not_sentences() -> None:
    text = (
        "- 주최: 판교개발자모임, 한빛소프트\n- 일시: 2019-03-02 (토)\n\n"
        "운영진: 정하윤\n\n주관: 올해도 많은 분들이 도와주셨다.\n"
    )
    credits = extract_records(text).credits
    assert [(c.organization, c.role, c.role_text) for c in credits if c.person is None] == [
        ("판교개발자모임", "organizer", "주최"),
        ("한빛소프트", "organizer", "주최"),
    ]
    assert [(c.person.name, c.role) for c in credits if c.person] == [("정하윤", "organizer")]


def test_a_role_field_credits_the_people_its_value_names_with_their_organisation() -> None:
    text = "- 좌장 : 남도윤 (한빛대)\nModerator: Irene Dahl (Northwind)\nMC: Priya Nair\n"
    credits = extract_records(text).credits
    assert [(c.role, c.person.name, c.person.affiliation) for c in credits if c.person] == [
        ("track_host", "남도윤", "한빛대"),
        ("moderator", "Irene Dahl", "Northwind"),
        ("emcee", "Priya Nair", None),
    ]


def test_the_room_of_a_slot_line_is_the_track_of_the_sessions_under_it() -> None:
    text = (
        "ROOM 1 (본관) | 10:00 - 10:40\n\n비동기 파이썬 입문 | 정하윤\n\n"
        "점심 | 12:00 - 13:00\n\n테스트 자동화의 함정 | 오세진\n\n"
        "ROOM 2 | 13:00 - 13:40\n\n추천 시스템 이야기 | 황보민\n"
    )
    talks = grounded(text).talks
    assert [(t.title, t.track) for t in talks] == [
        ("비동기 파이썬 입문", "ROOM 1 (본관)"),
        ("테스트 자동화의 함정", None),
        ("추천 시스템 이야기", "ROOM 2"),
    ]
    assert all(any(s.text == t.track for s in t.evidence) for t in talks if t.track)


def test_timetable_slots_with_bracketed_times_and_a_dash_inside_the_speakers_bracket() -> None:
    text = (
        "트랙 C\n\n"
        "[14:00 ~ 14:40] 검색 로그로 본 사용자 (도하림 - 리디)\n"
        "[14:50 ~ 15:30] 사내 플랫폼 팀의 일 (주경민 - 왓챠)\n"
    )
    talks = grounded(text).talks
    assert [(t.title, [(p.name, p.affiliation) for p in t.speakers], t.track) for t in talks] == [
        ("검색 로그로 본 사용자", [("도하림", "리디")], "C"),
        ("사내 플랫폼 팀의 일", [("주경민", "왓챠")], "C"),
    ]


def test_a_numbered_title_over_a_speaker_field_led_by_a_pictograph() -> None:
    text = "1. 로그 파이프라인 다시 짜기\n- 🎤 발표자 : 반지훈 하이퍼커넥트\n\n2. 디자인 QA 자동화\n- 🎤 발표자 : 석예린 (뱅크샐러드)\n"
    assert _talks(text) == [
        ("로그 파이프라인 다시 짜기", [("반지훈", None, "하이퍼커넥트")], "talk"),
        ("디자인 QA 자동화", [("석예린", None, "뱅크샐러드")], "talk"),
    ]


def test_a_name_before_a_word_is_no_speaker_with_an_organisation_outside_a_speaker_field() -> None:
    text = "왜 러스트인가\n주제는 러스트 재단\n"  # `주제는` ends in a particle; no field says a speaker is there
    assert _talks(text) == []


def test_a_noun_with_a_suffix_of_quality_is_no_name_even_after_a_common_surname() -> None:
    text = "왜 러스트인가\n주제는 메모리 안전성\n"  # 안 is a surname, 안전성 a word (안전 + 성)
    assert _talks(text) == []
    named = "왜 러스트인가\n발표자: 안서윤 (메모리랩)\n"
    assert _titles_and_names(named) == [("왜 러스트인가", ["안서윤"])]


def test_a_common_noun_kiwi_knows_is_no_name_after_a_common_surname() -> None:
    text = "스토리지 다시 보기\n70만 이상의 사용자\n"  # 사 is a surname, 사용자 a word of Kiwi's dictionary
    assert _talks(text) == []
    named = "스토리지 다시 보기\n70만 이상의 사공민\n"  # a name Kiwi does not know still reads as one
    assert _titles_and_names(named) == [("스토리지 다시 보기", ["사공민"])]


def test_a_speaker_line_under_a_heading_leaves_out_the_link_label_after_a_dash() -> None:
    text = "### Testing Legacy Systems\nSpeaker: Hana Berg (Northwind) – Session video\n"
    assert _talks(text) == [("Testing Legacy Systems", [("Hana Berg", None, "Northwind")], "talk")]


def test_plain_lines_of_titles_by_their_speakers_are_session_lines_but_sentences_with_by_are_not() -> None:
    text = "Streaming Joins Explained by Omar Said (Contoso)\nWriting Parsers by Hand by Lena Vogel (Fabrikam)\n"
    assert _titles_and_names(text) == [
        ("Streaming Joins Explained", ["Omar Said"]),
        ("Writing Parsers by Hand", ["Lena Vogel"]),
    ]
    prose = "The opening was given by Omar Said.\nThe closing was given by Lena Vogel.\n"
    assert _talks(prose) == []


def test_a_session_tables_role_row_is_a_credit_not_a_talk() -> None:
    text = "| 시간 | 세션 | 발표자 |\n|---|---|---|\n| 13:00 | 추천 모델 서빙 | 탁수현 (오늘의집) |\n| 13:40 | 좌장 | 편도윤 (직방) |\n"
    records = extract_records(text)
    assert [t.title for t in records.talks] == ["추천 모델 서빙"]
    assert [(c.role, c.role_text, c.person.name if c.person else None) for c in records.credits] == [
        ("track_host", "좌장", "편도윤")
    ]


def test_a_session_table_pasted_as_text_is_read_by_its_header_line() -> None:
    text = (
        "Section Session Speaker\n"
        "Day One Making Search Feel Instant Clara Jensen (Contoso)\n"
        "Day One Lessons from Ten Years of Kafka Peter Novak\n"
        "Closing Talks Shipping Faster with Feature Flags Aisha Bello and Tom Reyes (Fabrikam)\n"
    )
    assert _titles_and_names(text) == [
        ("Making Search Feel Instant", ["Clara Jensen"]),
        ("Lessons from Ten Years of Kafka", ["Peter Novak"]),
        ("Shipping Faster with Feature Flags", ["Aisha Bello", "Tom Reyes"]),
    ]
    one_a_section = "Section Session Speaker\nMorning Keynotes Reading Query Plans Clara Jensen (Contoso)\n"
    assert _talks(one_a_section) == [("Reading Query Plans", [("Clara Jensen", None, "Contoso")], "keynote")]


def test_a_plain_title_line_ending_with_a_speaker_and_an_honorific_over_a_paragraph() -> None:
    text = (
        "작은 팀의 온콜 문화 - 마서진님\n장애 대응을 돌아가며 맡는 방법을 소개했다.\n\n문서화는 습관이다 - 여다인님\n"
    )
    assert _titles_and_names(text) == [("작은 팀의 온콜 문화", ["마서진"]), ("문서화는 습관이다", ["여다인"])]


def test_a_sentence_broken_over_lines_at_its_links_is_read_as_one() -> None:
    text = "Last week\nMina Cho\n(Contoso)\ngave a talk on\nQuery Planning Internals\nat the meetup.\n"
    assert _titles_and_names(text) == [("Query Planning Internals", ["Mina Cho"])]
    korean = "지난 모임에서는\n제갈윤\n님이\n그래프 데이터베이스 입문\n을 주제로 발표했다.\n"
    assert _titles_and_names(korean) == [("그래프 데이터베이스 입문", ["제갈윤"])]


def test_news_a_keynote_as_the_means_or_setting_of_what_its_speaker_said_is_their_talk() -> None:
    means = "도경수 라온데이터 상무는 기조연설을 통해 데이터 주권을 강조했다.\n"
    setting = "이어진 특별강연에서 금나래 한빛대 교수는 연구 윤리를 짚었다.\n"
    assert _talks(means) == [(None, [("도경수", "상무", "라온데이터")], "keynote")]
    assert _talks(setting) == [(None, [("금나래", "교수", "한빛대")], "special_talk")]
    listener = "기조연설을 들은 금나래 교수는 질문을 던졌다.\n"  # the keynote is what she heard
    assert _talks(listener) == []


def test_a_timetable_row_whose_title_cell_is_a_time_and_a_kind_is_an_untitled_talk_of_that_kind() -> None:
    text = "[09:30~10:10] 키노트 | 도경수 (라온데이터)\n[10:20~11:00] 로그 분석 입문 | 금나래 (한빛대)\n"
    assert _talks(text) == [
        (None, [("도경수", None, "라온데이터")], "keynote"),
        ("로그 분석 입문", [("금나래", None, "한빛대")], "talk"),
    ]


def test_a_plain_english_title_line_ending_with_its_speaker_and_employer_over_a_paragraph() -> None:
    text = "Sync Engines Explained — Irene Dahl (Northwind)\nShe compared three designs in production.\n"
    assert _talks(text) == [("Sync Engines Explained", [("Irene Dahl", None, "Northwind")], "talk")]


def test_a_word_capitalised_for_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    opener = 'Then Irene Dahl (Northwind) gave a talk titled "Sync Engines Explained".\n'
    assert _titles_and_names(opener) == [("Sync Engines Explained", ["Irene Dahl"])]


def test_a_korean_moderator_taking_the_role_is_a_moderator_not_a_track_host() -> None:
    credits = extract_records("모더레이터는 설하윤 님이 맡아 주셨다.\n").credits
    assert [(c.role, c.person.name if c.person else None) for c in credits] == [("moderator", "설하윤")]


def test_a_leading_pictograph_marks_a_line_and_is_no_part_of_a_name_or_title() -> None:
    text = "🎤 남도윤 (한빛대) - 로그 분석 입문\n🎤 설하윤 (라온데이터) - 데이터 계약 이야기\n"
    assert _talks(text) == [
        ("로그 분석 입문", [("남도윤", None, "한빛대")], "talk"),
        ("데이터 계약 이야기", [("설하윤", None, "라온데이터")], "talk"),
    ]


def test_a_bracketed_track_or_kind_before_a_title_is_the_talks_track_or_kind_not_its_title() -> None:
    text = "- [트랙 C] 로그 분석 입문 - 남도윤 (한빛대)\n- [키노트] 데이터 계약 이야기 - 설하윤 (라온데이터)\n"
    talks = grounded(text).talks
    assert [(t.title, t.track, t.kind) for t in talks] == [
        ("로그 분석 입문", "C", "talk"),
        ("데이터 계약 이야기", None, "keynote"),
    ]


def test_a_plain_line_led_by_a_session_label_is_a_session_line() -> None:
    assert _talks("세션 3: 로그 분석 입문 / 남도윤(한빛대)\n") == [
        ("로그 분석 입문", [("남도윤", None, "한빛대")], "talk")
    ]
    assert _talks("Keynote: Irene Dahl (Northwind) on the state of sync.\n") == []  # a sentence


def test_english_headings_over_a_presented_by_line_or_a_line_of_their_speaker_and_job() -> None:
    presented = (
        "## Sync Engines Explained\nPresented by Irene Dahl, Northwind\n\n## Parsers by Hand\nby Omar Said (Contoso)\n"
    )
    assert _titles_and_names(presented) == [
        ("Sync Engines Explained", ["Irene Dahl"]),
        ("Parsers by Hand", ["Omar Said"]),
    ]
    job = "### Sync Engines Explained\n**Irene Dahl**, Staff Engineer at Northwind\n"
    assert _talks(job) == [("Sync Engines Explained", [("Irene Dahl", "Staff Engineer", "Northwind")], "talk")]
    assert _talks("## Sync Engines Explained\nby the way, it was great.\n") == []


def test_english_numbered_session_items_with_the_speaker_and_employer_in_brackets() -> None:
    text = "1. Sync Engines Explained (Irene Dahl, Northwind)\n2. Parsers by Hand (Omar Said, Contoso)\n"
    assert _titles_and_names(text) == [("Sync Engines Explained", ["Irene Dahl"]), ("Parsers by Hand", ["Omar Said"])]


def test_a_특강_is_a_special_talk() -> None:
    assert _talks("설하윤 교수는 '데이터 윤리'를 주제로 특강을 했다.\n") == [
        ("데이터 윤리", [("설하윤", "교수", None)], "special_talk")
    ]


def test_who_announces_is_the_clauses_people_or_the_person_a_pronoun_stands_for() -> None:
    text = (
        "Mara Lind and Tobias Renner shared what is next for the framework, and announced the Quartz Compiler.\n"
        "Ines Okoro (Product Manager, Northwind) talked about offline apps. She announced that the new "
        "Sync Queue API is ready.\n"
        "Today, they announced three more instance types: Q5 and Q6.\n"
    )
    launches = {x.name: [p.name for p in x.presenters] for x in grounded(text).launches}
    assert launches["Quartz Compiler"] == ["Mara Lind", "Tobias Renner"]
    assert launches["Sync Queue API"] == ["Ines Okoro"]
    assert launches["Q5"] == []  # `they` may be a company: no presenter is guessed


def test_a_title_line_over_prose_titles_the_talk_the_prose_tells_of() -> None:
    text = (
        "Notes from Data Week\n\n"
        "Streaming Joins without Tears\n"
        "Joins are hard. Marta Kowalski from Finch discussed how her team keeps state small.\n\n"
        "Testing Pipelines in Production\n\n"
        "Nobody likes broken dashboards.\n\n"
        "Omar Lindqvist and Dana Whitfield from Kestrel walk us through their checks in this workshop.\n"
    )
    assert _talks(text) == [
        ("Streaming Joins without Tears", [("Marta Kowalski", None, "Finch")], "talk"),
        (
            "Testing Pipelines in Production",
            [("Omar Lindqvist", None, None), ("Dana Whitfield", None, "Kestrel")],
            "workshop",
        ),
    ]


def test_a_title_line_over_thanks_many_talks_or_a_product_titles_no_talk() -> None:
    thanks = "Notes from Data Week\n\nThank you\n\nThank you Marta Kowalski for hosting the sessions.\n"
    many = "Notes from Data Week\n\nMy favourite talks\n\nMarta Kowalski from Finch discussed state.\n"
    # The prose under the plural heading still tells a talk; the heading does not title it.
    assert [_titles_and_names(text) for text in (thanks, many)] == [[], [(None, ["Marta Kowalski"])]]
    product = "Notes from Data Week\n\nGoogle Lens\n\nMarta Kowalski from Finch discussed state in a talk.\n"
    assert _titles_and_names(product) == [(None, ["Marta Kowalski"])]  # a product's name titles no talk


def test_a_title_ending_in_a_participle_before_by_still_names_its_speaker() -> None:
    text = "- Async IO, Completed by Lena Fischer (online) (Slides)\n- Rust Night, sponsored by Kestrel\n"
    assert _titles_and_names(text) == [("Async IO, Completed", ["Lena Fischer"])]


def test_people_who_are_the_subject_of_a_speaking_verb_give_an_untitled_talk() -> None:
    text = (
        "Our notes from day one.\n\n"
        "Priya Raman (Staff Engineer, Lumen) talked about how to keep search indexes fresh. "
        "The opening keynote set the tone. Tomas Berg, CEO of Kestrel, and Ana Silva, Head of Data at Kestrel, "
        "discussed the state of open data.\n\n"
        "We all talked about the food. After lunch, Jonas Weber presented nothing new to me, sadly.\n"
    )
    assert _titles_and_names(text) == [
        (None, ["Priya Raman"]),
        (None, ["Tomas Berg", "Ana Silva"]),
        (None, ["Jonas Weber"]),
    ]


def test_people_named_after_a_speaking_verb_or_beside_it_give_no_talk() -> None:
    text = (
        "Our notes from day one.\n\n"
        "Everyone we met with Priya Raman talked about the weather. I explained to Tomas Berg that the rooms were full. "
        "Because of Ana Silva the room was full, and we spoke for hours.\n"
    )
    assert _titles_and_names(text) == []


def test_an_ampersand_inside_an_organisations_name_does_not_split_the_speaker_part() -> None:
    text = (
        "데이터 팀의 첫 1년\n발표자\n- 정유나, H&M 코리아\n\n발표 내용\n- 첫 대시보드\n\n"
        "검색 품질을 재는 법\n발표자\n- 오세훈 & 한지민\n\n발표 내용\n- 오프라인 평가\n"
    )
    assert _talks(text) == [
        ("데이터 팀의 첫 1년", [("정유나", None, "H&M 코리아")], "talk"),
        ("검색 품질을 재는 법", [("오세훈", None, None), ("한지민", None, None)], "talk"),
    ]


def test_a_title_line_over_prose_titles_its_talk_without_its_kind_label() -> None:
    text = (
        "Day two notes\n\nSession: Keeping Caches Honest\n\n"
        "This session was packed. Marta Kowalski talked about cache invalidation at length.\n"
    )
    assert _talks(text) == [("Keeping Caches Honest", [("Marta Kowalski", None, None)], "talk")]


def test_an_organisation_after_a_name_ends_at_its_last_capitalised_word() -> None:
    text = 'Jonas Weber of Kestrel Data for the third year gave a talk titled "Queues at Rest".\n'
    assert _talks(text) == [("Queues at Rest", [("Jonas Weber", None, "Kestrel Data")], "talk")]
