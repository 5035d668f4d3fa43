from __future__ import annotations

from typing import Any

from extract.evaluate import compare
from extract.models import Credit, DocumentInfo, Extraction, Launch, Person, RunInfo, Span, Talk

SPAN = Span(start=0, end=1, text="x")


def _output(launches: list[Launch], credits: list[Credit]) -> Extraction:
    return Extraction(
        document=DocumentInfo(id="d", path="d.txt", sha256="0" * 64, language="ko", chars=1),
        talks=[],
        launches=launches,
        credits=credits,
        entities=[],
        run=RunInfo(engine="local", version="0", duration_s=0.0),
    )


GOLDEN: dict[str, Any] = {
    "document": "d",
    "talks": [],
    "launches": [
        {"name": "Gemini 2.5 Pro", "organization": "Google", "presenters": ["Logan Kilpatrick"]},
        {"name": "v3 alpha", "aliases": ["v3 알파"], "organization": "ElevenLabs", "presenters": []},
    ],
    "credits": [{"person": "Laurie Voss", "role": "emcee", "track": None}],
}


def test_records_match_by_name_or_alias_and_score_precision_and_recall() -> None:
    output = _output(
        launches=[
            Launch(id="1", name="제미니 2.5 프로", presenters=[], evidence=[SPAN]),
            Launch(id="2", name="Unrelated Thing", presenters=[], evidence=[SPAN]),
        ],
        credits=[],
    )
    report = compare(output, GOLDEN)
    launches = report.records["launches"]
    assert (launches.tp, launches.fp, launches.fn) == (0, 2, 2)
    output.launches[0] = output.launches[0].model_copy(update={"name": "Gemini 2.5 Pro"})
    launches = compare(output, GOLDEN).records["launches"]
    assert (launches.tp, launches.fp, launches.fn) == (1, 1, 1)
    assert launches.precision == 0.5 and launches.recall == 0.5


def test_fields_are_scored_on_matched_records_only() -> None:
    output = _output(
        launches=[
            Launch(
                id="1",
                name="Gemini 2.5 Pro",
                organization="Alphabet",
                presenters=[Person(name="Logan Kilpatrick"), Person(name="Someone Else")],
                evidence=[SPAN],
            )
        ],
        credits=[Credit(id="c", person=Person(name="Laurie Voss"), role="emcee", role_text="MC", evidence=[SPAN])],
    )
    report = compare(output, GOLDEN)
    organization = report.fields["launches.organization"]
    presenters = report.fields["launches.presenters"]
    assert (organization.tp, organization.fp, organization.fn) == (0, 1, 1)
    assert (presenters.tp, presenters.fp, presenters.fn) == (1, 1, 0)
    assert report.records["credits"].f1 == 1.0


def test_what_a_matched_record_says_of_each_golden_speaker_is_scored_and_named() -> None:
    golden = {
        "document": "d",
        "talks": [
            {
                "title": "Scaling Queues",
                "speakers": [
                    {"name": "Jane Doe", "affiliation": "Acme", "title": "CTO"},
                    {"name": "Tom Lee"},
                    "Ann Cho",
                ],
            }
        ],
    }
    speakers = [
        Person(name="Jane Doe", affiliation="CTO, Acme"),
        Person(name="Tom Lee", affiliation="@tomlee"),
        Person(name="Ann Cho", affiliation="Globex"),
    ]
    output = _output([], []).model_copy(
        update={"talks": [Talk(id="t", title="Scaling Queues", speakers=speakers, evidence=[SPAN])]}
    )
    report = compare(output, golden)
    affiliation, title = report.fields["talks.speakers.affiliation"], report.fields["talks.speakers.title"]
    assert (affiliation.tp, affiliation.fp, affiliation.fn) == (0, 2, 1)  # Ann Cho, named only, is not scored
    assert (title.tp, title.fp, title.fn) == (0, 0, 1)
    details = [f.detail for f in report.findings if f.kind == "field"]
    assert "Jane Doe's affiliation: expected 'Acme', got 'CTO, Acme'" in details
    assert "Tom Lee's affiliation: expected nothing, got '@tomlee'" in details


def test_a_credit_with_the_wrong_role_does_not_match() -> None:
    output = _output(
        [], [Credit(id="c", person=Person(name="Laurie Voss"), role="other", role_text="x", evidence=[SPAN])]
    )
    credits = compare(output, GOLDEN).records["credits"]
    assert (credits.tp, credits.fp, credits.fn) == (0, 1, 1)


def test_an_optional_golden_record_is_neither_rewarded_nor_punished() -> None:
    golden = {**GOLDEN, "launches": [*GOLDEN["launches"], {"name": "Maybe Product", "optional": True}]}
    found = _output([Launch(id="1", name="Maybe Product", presenters=[], evidence=[SPAN])], [])
    missed = _output([], [])
    found_launches, missed_launches = (
        compare(found, golden).records["launches"],
        compare(missed, golden).records["launches"],
    )
    assert (found_launches.tp, found_launches.fp, found_launches.fn) == (0, 0, 2)
    assert (missed_launches.tp, missed_launches.fp, missed_launches.fn) == (0, 0, 2)


def test_a_required_record_takes_its_match_before_an_optional_one_can() -> None:
    golden = {
        "document": "d",
        "launches": [{"name": "Gemini 2.5", "optional": True}, {"name": "Gemini 2.5 Pro"}],
    }
    launches = compare(_output([Launch(id="1", name="Gemini 2.5 Pro", presenters=[], evidence=[SPAN])], []), golden)
    assert (launches.records["launches"].tp, launches.records["launches"].fn) == (1, 0)


def test_findings_name_each_missed_extra_and_wrong_field_record_with_its_line_of_text() -> None:
    source = "intro\n- Gemini 2.5 Pro by Alphabet\n- Unrelated Thing\nLaurie Voss was our MC\n"
    gemini = Span(start=8, end=22, text="Gemini 2.5 Pro")
    unrelated = Span(start=39, end=54, text="Unrelated Thing")
    output = _output(
        launches=[
            Launch(id="1", name="Gemini 2.5 Pro", organization="Alphabet", presenters=[], evidence=[gemini]),
            Launch(id="2", name="Unrelated Thing", presenters=[], evidence=[unrelated]),
        ],
        credits=[],
    )
    findings = {(f.kind, f.record_type, f.record, f.line, f.detail) for f in compare(output, GOLDEN, source).findings}
    assert findings >= {
        ("extra", "launches", "Unrelated Thing", "- Unrelated Thing", ""),
        ("missing", "credits", "Laurie Voss (emcee)", "Laurie Voss was our MC", ""),
        ("field", "launches", "Gemini 2.5 Pro (Google)", None, "organization: expected 'Google', got 'Alphabet'"),
    }


def test_a_title_matches_its_main_part_but_not_one_word_of_it() -> None:
    from extract.evaluate import _same_text

    assert _same_text("Scaling Postgres", "Scaling Postgres: Lessons from Ten Years")
    assert _same_text("분산 시스템의 이해", "분산 시스템의 이해 - 김민준")
    assert not _same_text("Proper", "20 Years without a 'Proper' Job")
