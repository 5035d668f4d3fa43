"""Files shared between this process and workers: every file once, results in input order."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from extract.engines.llm import LLMEngine
from extract.engines.llm.settings import LLMSettings
from extract.engines.local import LocalEngine
from extract.ingest import Recap
from extract.parallel import _can_fork, extract_files

RECAP = "**{n}번째 세션: 평가의 현실** - 김지현(Jihyun Kim), 업스테이지\n"


def test_every_file_is_extracted_once_and_results_come_in_input_order(tmp_path: Path) -> None:
    files = []
    for n in range(7):
        path = tmp_path / f"recap-{n}.txt"
        path.write_text(RECAP.format(n=n) * (1 + 20 * (n % 3)), encoding="utf-8")  # uneven sizes
        files.append(Recap(path, path.stem))
    options = {"engine": LocalEngine(), "out_dir": tmp_path / "out", "force": True}
    results = list(extract_files(files, options, jobs=3))
    assert [r.path for r in results] == [f.path for f in files]
    assert [r.status for r in results] == ["done"] * 7
    assert sorted(p.stem for p in (tmp_path / "out").iterdir()) == [f.id for f in files]


def test_no_files_give_no_results(tmp_path: Path) -> None:
    assert list(extract_files([], {"engine": LocalEngine(), "out_dir": tmp_path}, jobs=2)) == []


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_workers_are_forked_only_from_a_process_without_threads_and_a_forkable_engine() -> None:
    assert _can_fork(LocalEngine(), analysis_threads=1)
    assert not _can_fork(LocalEngine(), analysis_threads=2)  # Kiwi's pool threads would be missing
    assert not _can_fork(LLMEngine(LLMSettings(model="m")), analysis_threads=1)  # pooled connections
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not _can_fork(LocalEngine(), analysis_threads=1)
    finally:
        stop.set()
        other.join()
