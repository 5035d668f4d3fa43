"""A real run killed mid-way leaves only whole outputs, and the next run resumes where it stopped."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"recap-{i:03d}.txt").write_text(text.replace("2025", str(1900 + i)), encoding="utf-8")


def _whole_outputs(out: Path) -> list[Path]:
    outputs = sorted(out.glob("*.json"))
    for path in outputs:
        json.loads(path.read_text(encoding="utf-8"))  # every file that exists parses whole
    return outputs


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("signum", "jobs"),
    [(signal.SIGINT, "2"), (signal.SIGTERM, "2"), (signal.SIGKILL, "2"), (signal.SIGINT, "1")],
)
def test_a_killed_run_leaves_whole_files_and_the_next_run_resumes(tmp_path: Path, signum: int, jobs: str) -> None:
    recaps, out = tmp_path / "recaps", tmp_path / "out"
    _corpus(recaps, 15)
    command = [sys.executable, "-m", "extract", "run", str(recaps), "--out", str(out), "--jobs", jobs]
    log = tmp_path / "stderr.txt"
    with log.open("w", encoding="utf-8") as stream:  # a file, not a pipe: nothing can hold the test up
        # SIGINT as a terminal sends it: a test runner started in the background (`cmd &`) ignores
        # it, and its children would inherit that
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stream, preexec_fn=_interruptible)
        deadline = time.monotonic() + 120
        while len(list(out.glob("*.json"))) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signum)
        assert process.wait(timeout=60) != 0
    stderr = log.read_text(encoding="utf-8")
    done_before = _whole_outputs(out)
    if signum != signal.SIGKILL:
        # the count is what is on disk, the files workers finished after the signal included
        assert f"interrupted after {len(done_before)} of 15 files" in stderr and "Traceback" not in stderr
        assert not list(out.glob(".*.tmp"))  # the file being written was removed, not left half-written
    assert 3 <= len(done_before) < 15

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert len(_whole_outputs(out)) == 15
    assert not list(out.glob(".*.tmp"))  # a SIGKILL's leftover temporary file is gone too
    assert resumed.stdout.count("skipped") >= len(done_before)
