from __future__ import annotations

from typing import Any

from extract.evaluate import compare
from extract.models import Credit, DocumentInfo, Extraction, Launch, Person, RunInfo, Span

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


def test_a_credit_with_the_wrong_role_does_not_match() -> None:
    output = _output(
        [], [Credit(id="c", person=Person(name="Laurie Voss"), role="other", role_text="x", evidence=[SPAN])]
    )
    credits = compare(output, GOLDEN).records["credits"]
    assert (credits.tp, credits.fp, credits.fn) == (0, 1, 1)
