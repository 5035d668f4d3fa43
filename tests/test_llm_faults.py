"""The llm engine against a scripted local server: retries, backoff, timeouts, bad and ungrounded answers."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fault_server import Answer, fault_server, records

from extract.engines.llm import LLMEngine
from extract.engines.llm.settings import LLMSettings
from extract.ingest import Recap
from extract.pipeline import run_file
from extract.write import read_extraction

RECAP = "행사 중 공개된 발표들:\n*   **네이버(Naver)는 하이퍼클로바 X 씽크(HyperCLOVA X Think)**를 공개했습니다.\n"
QUOTE = "네이버(Naver)는 하이퍼클로바 X 씽크(HyperCLOVA X Think)**를 공개했습니다."
GOOD = records(launches=[{"name": "HyperCLOVA X Think", "organization": "Naver", "quote": QUOTE}])


def _run(tmp_path: Path, base_url: str, text: str = RECAP, **settings: Any):  # type: ignore[no-untyped-def]
    tmp_path.mkdir(parents=True, exist_ok=True)
    recap = tmp_path / "recap.txt"
    recap.write_text(text, encoding="utf-8")
    options: dict[str, Any] = {"http_retries": 2, "timeout": 10.0, "cache_dir": tmp_path / "cache", **settings}
    engine = LLMEngine(LLMSettings(model="fault", base_url=base_url, **options))
    result = run_file(Recap(recap, "recap"), engine, tmp_path / "out", force=True)
    output = tmp_path / "out" / "recap.json"
    return result, (read_extraction(output) if output.exists() else None)


def test_a_grounded_answer_becomes_a_launch_with_an_exact_span(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(arguments=GOOD)) as (url, received):
        result, output = _run(tmp_path, url)
    assert result.status == "done" and output is not None
    (launch,) = output.launches
    assert (launch.name, launch.organization) == ("HyperCLOVA X Think", "Naver")
    assert RECAP[launch.evidence[0].start : launch.evidence[0].end] == launch.evidence[0].text
    assert output.run.usage is not None and output.run.usage.requests == 1
    assert output.run.usage.prompt_tokens == 100 and output.run.usage.completion_tokens == 20
    assert "<recap>" in received[0]["messages"][1]["content"]


def test_429_is_retried_after_the_servers_retry_after(tmp_path: Path) -> None:
    def script(body: dict[str, Any], n: int) -> Answer:
        return Answer(status=429, headers={"Retry-After": "1"}) if n == 1 else Answer(arguments=GOOD)

    with fault_server(script) as (url, received):
        started = time.monotonic()
        result, output = _run(tmp_path, url)
        elapsed = time.monotonic() - started
    assert result.status == "done" and len(received) == 2
    assert elapsed >= 1.0
    assert output is not None and output.run.usage is not None and output.run.usage.requests == 2


def test_a_500_is_retried_and_a_persistent_one_fails_only_its_document(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(status=500) if n == 1 else Answer(arguments=GOOD)) as (url, _):
        result, _ = _run(tmp_path, url)
    assert result.status == "done"

    def broken_for_one(body: dict[str, Any], n: int) -> Answer:
        return Answer(status=500) if "고장" in json.dumps(body, ensure_ascii=False) else Answer(arguments=GOOD)

    with fault_server(broken_for_one) as (url, _):
        failed, _ = _run(tmp_path / "a", url, text="고장 난 문서입니다.\n", http_retries=1)
        fine, output = _run(tmp_path / "b", url)
    assert failed.status == "failed" and failed.error is not None
    assert failed.error.startswith("chunk 1 of 1: HTTP 500") and "\n" not in failed.error
    assert fine.status == "done" and output is not None and len(output.launches) == 1


def test_a_slow_server_times_out_with_one_line(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(arguments=GOOD, delay=3.0)) as (url, received):
        result, _ = _run(tmp_path, url, timeout=0.5, http_retries=1)
    assert result.status == "failed" and result.error is not None and "no answer within 0.5s" in result.error
    assert len(received) == 2  # the first try and one retry, then it gives up


def test_malformed_json_is_sent_back_and_the_corrected_answer_kept(tmp_path: Path) -> None:
    with fault_server(
        lambda body, n: Answer(arguments='{"launches": [ {"name": ') if n == 1 else Answer(arguments=GOOD)
    ) as (
        url,
        received,
    ):
        result, output = _run(tmp_path, url)
    assert result.status == "done" and len(received) == 2
    assert output is not None and [x.name for x in output.launches] == ["HyperCLOVA X Think"]


def test_a_hallucinated_record_is_sent_back_then_dropped_and_counted(tmp_path: Path) -> None:
    invented = records(
        launches=[{"name": "Quantum Toaster", "organization": "Naver", "quote": "네이버가 퀀텀 토스터를 공개했다"}]
    )
    with fault_server(lambda body, n: Answer(arguments=invented)) as (url, received):
        result, output = _run(tmp_path, url, max_retries=1)
    assert result.status == "done" and output is not None
    assert output.launches == [] and output.run.dropped == 1
    assert len(received) == 2
    reask = json.dumps(received[1]["messages"], ensure_ascii=False)
    assert "could not be used" in reask and "Quantum Toaster" in reask and "is not in the passage" in reask
    assert [r["temperature"] for r in received] == [0.0, 0.4]  # a retry is not the same question again
    assert "quote not in the text" in output.run.drops[0] or "Quantum Toaster" in output.run.drops[0]


def test_an_unchanged_rerun_is_answered_from_the_cache(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(arguments=GOOD)) as (url, received):
        _run(tmp_path, url)
        _, again = _run(tmp_path, url)
        _, uncached = _run(tmp_path, url, use_cache=False)
    assert len(received) == 2  # the first run and the --no-cache run
    assert again is not None and again.run.usage is not None
    assert (again.run.usage.requests, again.run.usage.cached) == (0, 1)
    assert [x.name for x in again.launches] == ["HyperCLOVA X Think"]
    assert uncached is not None and uncached.run.usage is not None and uncached.run.usage.requests == 1


def _reviewing(records_answer: str, review_answer: str) -> Callable[[dict[str, Any], int], Answer]:
    """A server that answers the records question with one answer and the review with the other."""

    def answer(body: dict[str, Any], n: int) -> Answer:
        reviewing = "Records found by rules, numbered" in body["messages"][1]["content"]
        return Answer(arguments=review_answer if reviewing else records_answer)

    return answer


def test_a_hybrid_run_asks_for_the_models_records_then_for_its_review_of_the_rules(tmp_path: Path) -> None:
    text = RECAP + "진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"
    own = records(
        launches=[{"name": "HyperCLOVA X Think", "organization": "NAVER", "quote": QUOTE}],
        talks=[{"title": None, "speakers": [{"name": "Yuri Han"}], "quote": "한유리(Yuri Han) 사회자님"}],
    )
    with fault_server(_reviewing(own, json.dumps({"verdicts": ["supported", "supported"]}))) as (url, received):
        _, output = _run(tmp_path, url, text=text, hybrid=True)
    assert len(received) == 2
    first, review = (r["messages"][1]["content"] for r in received)
    assert "Records found by rules" not in first  # the records question is the plain engine's own
    assert "1. launch: HyperCLOVA X Think | by: Naver" in review and "2. credit: Yuri Han | emcee" in review
    assert output is not None and output.run.usage is not None and output.run.usage.requests == 2
    # The model's own talk is kept beside the rules' records; its launch and the rules' merge, its fields first.
    assert [[p.name for p in t.speakers] for t in output.talks] == [["Yuri Han"]]
    assert [(x.name, x.organization) for x in output.launches] == [("HyperCLOVA X Think", "NAVER")]
    assert [c.person.name for c in output.credits if c.person] == ["Yuri Han"]


def test_json_mode_reads_the_answer_from_the_message_content(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(content=GOOD)) as (url, received):
        _, output = _run(tmp_path, url, mode="json")
    assert "tools" not in received[0]
    assert output is not None and [x.name for x in output.launches] == ["HyperCLOVA X Think"]


def test_json_modes_send_the_schema_for_constrained_decoding(tmp_path: Path) -> None:
    sent = {}
    for mode in ("json", "json_schema"):
        with fault_server(lambda body, n: Answer(content=GOOD)) as (url, received):
            _run(tmp_path / mode, url, mode=mode)
        sent[mode] = received[0]["response_format"]
    assert sent["json"]["type"] == "json_object" and "launches" in sent["json"]["schema"]["properties"]
    assert sent["json_schema"]["type"] == "json_schema" and "schema" in sent["json_schema"]["json_schema"]


def test_every_request_is_bounded_by_max_tokens(tmp_path: Path) -> None:
    with fault_server(lambda body, n: Answer(arguments=GOOD)) as (url, received):
        _run(tmp_path, url, max_tokens=321)
    assert [r["max_tokens"] for r in received] == [321]


def test_a_bad_record_is_dropped_with_its_reason_and_the_others_are_kept(tmp_path: Path) -> None:
    text = RECAP + "진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"
    answer = json.dumps(
        {
            "talks": [{"title": None, "speakers": ["Yuri Han"], "quote": "한유리(Yuri Han) 사회자님"}],  # a plain name
            "launches": [{"name": "HyperCLOVA X Think", "organization": "Naver", "quote": QUOTE}],
            "credits": [{"person": {"name": "Yuri Han"}, "role": "emcee", "quote": "한유리(Yuri Han) 사회자님"}],
        },
        ensure_ascii=False,
    )
    with fault_server(lambda body, n: Answer(arguments=answer)) as (url, received):
        result, output = _run(tmp_path, url, text=text, max_retries=0)
    assert result.status == "done" and output is not None and len(received) == 1
    assert [x.name for x in output.launches] == ["HyperCLOVA X Think"]  # kept beside the bad credit
    assert [[s.name for s in t.speakers] for t in output.talks] == [["Yuri Han"]]
    assert output.credits == [] and output.run.dropped == 1
    assert output.run.drops == ["credit 'Yuri Han': role_text: Field required"]


def test_a_record_whose_quote_does_not_name_it_also_gets_its_titles_span_as_evidence(tmp_path: Path) -> None:
    text = "캐시 설계 다시 보기\n정하윤, 한빛소프트\n\nTTL을 짧게 두고 이벤트로 지우는 방법을 다뤘다.\n"
    about = "TTL을 짧게 두고 이벤트로 지우는 방법을 다뤘다."
    talk = {"title": "캐시 설계 다시 보기", "speakers": [{"name": "정하윤"}], "quote": about}
    with fault_server(lambda body, n: Answer(arguments=records(talks=[talk]))) as (url, _):
        _, output = _run(tmp_path, url, text=text, max_retries=0)
    assert output is not None and [s.text for s in output.talks[0].evidence] == [about, "캐시 설계 다시 보기"]


def test_a_speakers_note_points_read_as_talks_are_dropped_and_counted_even_from_the_cache(tmp_path: Path) -> None:
    text = "캐시 설계 다시 보기\n정하윤, 한빛소프트\n\n발표 내용\n- 만료 정책\n- 무효화\n- 운영 경험\n"
    speaker = [{"name": "정하윤"}]
    talks = [{"title": t, "speakers": speaker, "quote": t} for t in ("캐시 설계 다시 보기", "무효화", "운영 경험")]
    with fault_server(lambda body, n: Answer(arguments=records(talks=talks))) as (url, received):
        for _ in range(2):  # the second run is answered from the cache and meets the same check
            _, output = _run(tmp_path, url, text=text, max_retries=0)
            assert output is not None and [t.title for t in output.talks] == ["캐시 설계 다시 보기"]
            assert output.run.dropped == 2 and all("a point in a list of notes" in d for d in output.run.drops)
    assert len(received) == 1


def test_an_answer_with_no_json_is_a_named_failure_of_its_chunk_only(tmp_path: Path) -> None:
    text = "".join(f"{i}번째 문단: 네이버(Naver)는 {i}번째 제품(Product {i})을 공개했습니다.\n" for i in range(6))

    def script(body: dict[str, Any], n: int) -> Answer:
        passage = body["messages"][1]["content"]  # the user message: a retry adds the feedback after it
        return Answer(content="I cannot help with that.") if "0번째 문단" in passage else Answer(arguments=records())

    with fault_server(script) as (url, _):
        result, output = _run(tmp_path, url, text=text, max_chunk_tokens=60, max_retries=1)
    assert result.status == "done" and output is not None
    assert len(output.run.failed_chunks) == 1 and "holds no JSON object after 2 attempts" in output.run.failed_chunks[0]
    assert output.run.failed_chunks[0].startswith("characters 0-")


def test_an_answer_cut_at_max_tokens_is_asked_again_about_each_half(tmp_path: Path) -> None:
    text = "".join(f"{i}번째 문장은 행사의 한 장면입니다. " for i in range(8)) + "\n"

    def script(body: dict[str, Any], n: int) -> Answer:
        whole = "0번째" in body["messages"][-1]["content"] and "7번째" in body["messages"][-1]["content"]
        return Answer(arguments='{"talks": [', finish_reason="length") if whole else Answer(arguments=records())

    with fault_server(script) as (url, received):
        result, output = _run(tmp_path, url, text=text)
    assert result.status == "done" and output is not None and output.run.failed_chunks == []
    halves = [r["messages"][-1]["content"] for r in received[1:]]
    assert len(received) == 3 and "0번째" in halves[0] and "7번째" in halves[1] and "7번째" not in halves[0]


def test_a_truncated_or_unreadable_answer_is_remembered_so_a_second_run_asks_nothing(tmp_path: Path) -> None:
    text = "".join(f"{i}번째 문장은 행사의 한 장면입니다. " for i in range(8)) + "\n"

    def script(body: dict[str, Any], n: int) -> Answer:
        prompt = body["messages"][-1]["content"]
        if "0번째" in prompt and "7번째" in prompt:
            return Answer(arguments='{"talks": [', finish_reason="length")
        return Answer(content="I cannot help with that.") if "0번째" in prompt else Answer(arguments=records())

    with fault_server(script) as (url, received):
        _, first = _run(tmp_path, url, text=text, max_retries=0)
        asked = len(received)
        _, again = _run(tmp_path, url, text=text, max_retries=0)
    assert asked == 3 and len(received) == asked  # the whole chunk, then its halves; then nothing
    assert first is not None and again is not None and again.run.failed_chunks == first.run.failed_chunks != []


def test_quotes_wrapped_in_the_prompts_tags_or_quote_marks_still_ground(tmp_path: Path) -> None:
    wrapped = records(launches=[{"name": "HyperCLOVA X Think", "quote": f"<recap>\n“{QUOTE}”\n</recap>"}])
    with fault_server(lambda body, n: Answer(arguments=wrapped)) as (url, _):
        _, output = _run(tmp_path, url, max_retries=0)
    assert output is not None and [x.name for x in output.launches] == ["HyperCLOVA X Think"]


def test_a_rule_record_the_model_rejects_is_not_emitted(tmp_path: Path) -> None:
    text = RECAP + "진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"
    verdicts = {"verdicts": ["unsupported", "supported"]}
    with fault_server(_reviewing(records(), json.dumps(verdicts))) as (url, received):
        _, output = _run(tmp_path, url, text=text, hybrid=True)
    assert "1. launch: HyperCLOVA X Think" in received[1]["messages"][1]["content"]
    assert (
        output is not None
        and output.launches == []
        and [c.person.name for c in output.credits if c.person] == ["Yuri Han"]
    )
    assert any("rejected by the model" in d for d in output.run.drops)


def test_a_review_is_held_to_one_verdict_per_listed_record(tmp_path: Path) -> None:
    text = RECAP + "진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"
    looping = {"verdicts": ["supported"] * 20 + ["unsupported"] * 20}  # far past the records listed
    with fault_server(_reviewing(records(), json.dumps(looping))) as (url, received):
        _, output = _run(tmp_path, url, text=text, hybrid=True, mode="json")
    review = received[1]["messages"][1]["content"]
    listed = sum(1 for line in review.splitlines() if line[:1].isdigit() and ". " in line)
    schema = received[1]["response_format"]["schema"]["properties"]["verdicts"]
    assert listed >= 2 and (schema["minItems"], schema["maxItems"]) == (listed, listed)  # what decoding is held to
    assert output is not None and [x.name for x in output.launches] == ["HyperCLOVA X Think"]
    assert [c.person.name for c in output.credits if c.person] == ["Yuri Han"]  # verdicts past the list: ignored


def test_an_unreadable_review_leaves_the_rules_records_standing_and_is_named(tmp_path: Path) -> None:
    with fault_server(_reviewing(records(), "no numbers here")) as (url, _):
        result, output = _run(tmp_path, url, hybrid=True, max_retries=0)
    assert result.status == "done" and output is not None
    assert [x.name for x in output.launches] == ["HyperCLOVA X Think"]
    assert len(output.run.failed_chunks) == 1 and output.run.failed_chunks[0].startswith("review of characters")


def test_an_unknown_role_is_sent_back(tmp_path: Path) -> None:
    text = "진행을 맡아주신 한유리(Yuri Han) 사회자님께 감사드립니다.\n"
    credit = {
        "person": {"name": "Yuri Han", "name_ko": "한유리"},
        "role_text": "사회자",
        "quote": "한유리(Yuri Han) 사회자님",
    }
    wrong = records(credits=[{**credit, "role": "master_of_ceremonies"}])
    right = records(credits=[{**credit, "role": "emcee"}])
    with fault_server(lambda body, n: Answer(arguments=wrong if n == 1 else right)) as (url, received):
        _, output = _run(tmp_path, url, text=text)
    assert len(received) == 2 and "emcee" in json.dumps(received[1]["messages"])
    assert output is not None and [(c.person.name, c.role) for c in output.credits] == [("Yuri Han", "emcee")]


def test_concurrency_bounds_the_requests_in_flight(tmp_path: Path) -> None:
    long_text = "".join(
        f"{i}번째 문단은 행사의 한 장면을 길게 묘사합니다. 참가자들이 모여 이야기를 나눴습니다.\n" for i in range(12)
    )
    for bound in (1, 3):
        with fault_server(lambda body, n: Answer(delay=0.3)) as (url, received):
            _run(tmp_path / str(bound), url, text=long_text, max_chunk_tokens=40, concurrency=bound)
        assert len(received) >= 6 and received.most_in_flight == bound
