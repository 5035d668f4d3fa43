"""`extract run --executor ray` on a local Ray of 2 CPUs: the files, errors, skips and exit codes of a
local run; the llm engine's concurrency bounds the whole cluster and its cache is shared.

The cluster runs in a process of its own and every run is the `extract` command in a process of its
own, as a user runs it, so that this process stays free of Ray's threads and signal handlers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SEED

pytest.importorskip("ray")

SHARED = ROOT.parent / "shared" / "recaps" / "tune"
# Korean and English recaps of different layouts, beside the seed.
RECAPS = (
    "aws-communityday-2019-notes.ko.txt",
    "dddseoul-2025-preview.ko.txt",
    "gophercon-2017-liveblog-index.en.txt",
    "pycon-us-2015-wrapup.en.txt",
)
# Ray on the loopback interface only (it would take the machine's network address): the test cluster,
# and the runs that connect to it, never leave this machine. The cluster takes Ray's token
# authentication (the token in ~/.ray/auth_token, made by its first start), as the runs must know.
RAY_ENVIRONMENT = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_AUTH_MODE": "token"}
CLUSTER = (
    "import ray, sys\n"
    "ray.init(num_cpus=2, include_dashboard=False)\n"
    "print(ray.get_runtime_context().gcs_address, flush=True)\n"
    "sys.stdin.read()\n"  # until the tests close it; Ray stops when this process exits
)
RUN_TIME = re.compile(rb'"duration_s": [0-9.e-]+')


def _environment(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    return {**environment, **RAY_ENVIRONMENT, "COLUMNS": "200", **extra}  # the table's rows on one line each


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local Ray of 2 CPUs, started in another folder than the runs'; yields its address."""
    process = subprocess.Popen(
        [sys.executable, "-c", CLUSTER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path_factory.mktemp("cluster"),
        env=_environment(),
    )
    assert process.stdin and process.stdout
    address = process.stdout.readline().strip()
    try:
        assert address, "the test cluster did not start"
        yield address
    finally:
        process.stdin.close()
        process.wait(timeout=120)


def extract_run(folder: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """`extract run` in `folder` (the paths relative to it, as a user types them)."""
    return subprocess.run(
        [sys.executable, "-m", "extract", "run", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_environment(**environment),
        timeout=600,
    )


@dataclass
class Runs:
    folder: Path
    local: subprocess.CompletedProcess[str]
    ray: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def runs(cluster: str, tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """The seed, four shared recaps and a binary file, run locally (--jobs 2) and on the cluster."""
    folder = tmp_path_factory.mktemp("runs")
    recaps = folder / "recaps"
    recaps.mkdir()
    for source in (SEED, *(SHARED / name for name in RECAPS)):
        shutil.copy(source, recaps / source.name)
    (recaps / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    local = extract_run(folder, "recaps", "--out", "local", "--jobs", "2")
    ray = extract_run(folder, "recaps", "--out", "ray", "--executor", "ray", "--address", cluster)
    return Runs(folder, local, ray)


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, its run time (the one field that may differ) blanked."""
    return {
        p.relative_to(folder).as_posix(): RUN_TIME.sub(b"", p.read_bytes()) for p in folder.rglob("*") if p.is_file()
    }


def _rows(stdout: str) -> list[list[str]]:
    """The summary table's rows: file, status, talks, launches, credits (not the time)."""
    return [[cell.strip() for cell in line.split("│")[1:6]] for line in stdout.splitlines() if line.startswith("│")]


def test_ray_run_writes_the_same_files_as_a_local_run(runs: Runs) -> None:
    local, ray = _outputs(runs.folder / "local"), _outputs(runs.folder / "ray")
    expected = sorted(f"{Path(name).stem}.json" for name in (SEED.name, *RECAPS))
    assert sorted(local) == expected
    assert sorted(ray) == expected
    for name in expected:
        assert ray[name] == local[name], name
    assert _rows(runs.ray.stdout) == _rows(runs.local.stdout)  # in input order, whatever finished first


def test_a_bad_file_fails_alone_with_one_line_and_the_exit_code_of_a_local_run(runs: Runs) -> None:
    assert runs.local.returncode == runs.ray.returncode == 1
    errors = [line for line in runs.ray.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: recaps/broken.txt: binary file (contains NUL bytes)"]
    assert errors == [line for line in runs.local.stderr.splitlines() if line.startswith("error:")]
    assert "Traceback" not in runs.ray.stderr
    assert not (runs.folder / "ray" / "broken.json").exists()


def test_a_second_ray_run_skips_the_current_outputs(runs: Runs, cluster: str) -> None:
    again = runs.folder / "again"
    shutil.copytree(runs.folder / "ray", again)
    written = {p.name: p.stat().st_mtime_ns for p in again.iterdir()}
    second = extract_run(runs.folder, "recaps", "--out", "again", "--executor", "ray", RAY_ADDRESS=cluster)
    assert second.returncode == 1
    statuses = {row[0]: row[1] for row in _rows(second.stdout)}
    assert statuses.pop("recaps/broken.txt") == "failed"
    assert set(statuses.values()) == {"skipped"} and len(statuses) == len(RECAPS) + 1
    assert {p.name: p.stat().st_mtime_ns for p in again.iterdir()} == written


def test_a_cluster_that_does_not_answer_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "recap.txt").write_text("**평가의 현실** - 김지현(Jihyun Kim)\n", encoding="utf-8")
    run = extract_run(tmp_path, "recap.txt", "--executor", "ray", RAY_ADDRESS="127.0.0.1:1")  # nothing listens
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == ["error: cannot connect to Ray at 127.0.0.1:1: Connection refused"]
    assert not (tmp_path / "outputs").exists()


def test_without_an_address_a_local_ray_is_started_for_the_run(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / SEED.name)
    run = extract_run(tmp_path, SEED.name, "--executor", "ray", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert _rows(run.stdout) == [[SEED.name, "done", "17", "19", "25"]]
    assert (tmp_path / "outputs" / f"{SEED.stem}.json").exists()


def test_llm_concurrency_bounds_the_whole_cluster_and_its_cache_is_shared(cluster: str, tmp_path: Path) -> None:
    from fault_server import Answer, fault_server

    recaps = tmp_path / "recaps"
    recaps.mkdir()
    for n in range(4):
        (recaps / f"recap-{n}.txt").write_text(f"{n}번째 문서입니다.\n", encoding="utf-8")
    # Each answer takes a second: two actors with a bound of their own would have two requests in flight.
    with fault_server(lambda body, n: Answer(delay=1.0)) as (url, received):
        flags = ["--engine", "llm", "--model", "m", "--base-url", url, "--concurrency", "1", "--cache-dir", "cache"]
        first = extract_run(tmp_path, "recaps", "--executor", "ray", "--address", cluster, *flags)
        asked = len(received)
        again = extract_run(tmp_path, "recaps", "--executor", "ray", "--address", cluster, "--force", *flags)
    assert first.returncode == 0, first.stderr
    assert asked == 4 and received.most_in_flight == 1
    assert again.returncode == 0, again.stderr
    assert len(received) == asked  # the second run's actors read every answer from the cache folder
    rows = [line.split("│") for line in again.stdout.splitlines() if line.startswith("│ recaps/")]
    assert [(row[2].strip(), row[7].strip()) for row in rows] == [("done", "0 (+1 cached)")] * 4
