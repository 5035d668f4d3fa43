from __future__ import annotations

from conftest import analyse

from extract.engines import Records
from extract.ground import ground
from extract.models import Credit, Launch, Person, Span, Talk
from extract.resolve import resolve

TEXT = (
    "**사이먼 윌리슨(Simon Willison) — 펠리컨 이야기**\n"
    "발표 목록:\n"
    "*   **펠리컨벤치(PelicanBench)**는 사이먼 윌리슨(Simon Willison)이 공개했습니다.\n"
    "그는 '펠리컨벤치(PelicanBench)'를 다시 공개했습니다.\n"
)


def _span(text: str, part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _resolved(records: Records):  # type: ignore[no-untyped-def]
    _, candidates = analyse(TEXT)
    return resolve(records, TEXT, candidates)


def test_the_same_launch_found_twice_becomes_one_record_with_both_spans() -> None:
    _, candidates = analyse(TEXT)
    from extract.engines.local import LocalEngine

    records = LocalEngine().extract(*analyse(TEXT))
    assert len(records.launches) == 2
    resolved = resolve(records, TEXT, candidates)
    (launch,) = resolved.launches
    assert launch.id == "launch-1" and len(launch.evidence) == 2
    assert [p.name for p in launch.presenters] == ["Simon Willison"]


def test_a_person_named_by_korean_and_latin_forms_is_one_entity() -> None:
    person_ko = Person(name="사이먼 윌리슨")
    person_en = Person(name="Simon Willison", name_ko="사이먼 윌리슨", affiliation="Datasette")
    records = Records(
        talks=[Talk(id="", title="펠리컨 이야기", speakers=[person_ko], evidence=[_span(TEXT, "펠리컨 이야기")])],
        credits=[
            Credit(id="", person=person_en, role="other", role_text="발표", evidence=[_span(TEXT, "사이먼 윌리슨")])
        ],
    )
    resolved = _resolved(records)
    assert resolved.talks[0].speakers[0].affiliation == "Datasette"
    people = [e for e in resolved.entities if e.type == "PERSON"]
    assert len(people) == 1 and "사이먼 윌리슨" in people[0].aliases
    assert all(TEXT[m.start : m.end] == m.text for m in people[0].mentions)


def test_grounding_drops_records_whose_names_the_text_does_not_contain() -> None:
    evidence = [_span(TEXT, "펠리컨벤치(PelicanBench)")]
    records = Records(
        launches=[
            Launch(id="", name="PelicanBench", presenters=[], evidence=evidence),
            Launch(id="", name="Quantum Toaster", presenters=[], evidence=evidence),
            Launch(id="", name="PelicanBench Pro", presenters=[Person(name="Invented Person")], evidence=evidence),
        ]
    )
    grounded = ground(_resolved(records), TEXT)
    assert [x.name for x in grounded.launches] == ["PelicanBench"]
    assert grounded.dropped == 2


def test_grounding_drops_a_record_whose_span_does_not_match_the_source() -> None:
    wrong = Span(start=0, end=5, text="xxxxx")
    records = Records(launches=[Launch(id="", name="PelicanBench", presenters=[], evidence=[wrong])])
    assert ground(_resolved(records), TEXT).launches == []


def test_an_untitled_talk_without_speakers_is_kept_not_merged() -> None:
    spans = [_span(TEXT, "펠리컨 이야기")]
    records = Records(talks=[Talk(id="", title="", speakers=[], evidence=spans)])
    assert len(_resolved(records).talks) == 1


def test_a_talk_of_no_stated_kind_is_a_talk_and_a_stated_kind_stays() -> None:
    evidence = [_span(TEXT, "펠리컨 이야기")]
    speaker = Person(name="Simon Willison")
    records = Records(
        talks=[
            Talk(id="", title="펠리컨 이야기", speakers=[speaker], evidence=evidence),
            Talk(id="", title="펠리컨벤치", speakers=[speaker], kind="keynote", evidence=evidence),
        ]
    )
    assert [t.kind for t in _resolved(records).talks] == ["talk", "keynote"]


def test_an_untitled_talk_of_no_kind_is_its_speakers_untitled_talk_of_a_kind() -> None:
    evidence = [_span(TEXT, "펠리컨 이야기")]
    speaker = Person(name="Simon Willison")
    records = Records(
        talks=[
            Talk(id="", title=None, speakers=[speaker], kind="keynote", evidence=evidence),
            Talk(id="", title=None, speakers=[speaker], evidence=evidence),
        ]
    )
    assert [t.kind for t in _resolved(records).talks] == ["keynote"]


def test_a_job_written_into_an_affiliation_becomes_the_title_and_a_handle_is_no_affiliation() -> None:
    evidence = [_span(TEXT, "펠리컨 이야기")]
    people = [
        Person(name="Jane Doe", affiliation="Software Engineer, Google"),
        Person(name="Kim Lee", affiliation="Founder & CEO, Lablup Inc."),
        Person(name="Tom Park", affiliation="서울대학교 전기전자공학부 교수"),
        Person(name="Ann Cho", affiliation="Developer Relations Lead"),
        Person(name="Max Ryu", affiliation="@maxryu"),
        Person(name="Eve Han", affiliation="Acme", title="CTO"),
    ]
    records = Records(talks=[Talk(id="", title="펠리컨 이야기", speakers=people, evidence=evidence)])
    (talk,) = _resolved(records).talks
    assert [(p.affiliation, p.title) for p in talk.speakers] == [
        ("Google", "Software Engineer"),
        ("Lablup Inc.", "Founder & CEO"),
        ("서울대학교 전기전자공학부", "교수"),
        (None, "Developer Relations Lead"),
        (None, None),
        ("Acme", "CTO"),
    ]
