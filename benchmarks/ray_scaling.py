"""Documents per second: `extract run --jobs 2` on this machine against `--executor ray` on 2 CPUs.

    python benchmarks/ray_scaling.py [--copies 8] [--rounds 2] [--address ADDR]

The corpus is the seed (raw/) and every shared recap (../shared/recaps/tune and check), --copies
times over, each copy in a folder of its own (31 documents a copy). Each executor runs `extract run`
as a user does (a process of its own, every output written again with --force): once on the seed
alone (its start-up: process start, Kiwi's load, and for Ray its start and its actors) and once on
the whole corpus; of --rounds rounds the fastest run of each counts. Ray is a local instance of 2
CPUs started by each run (or the cluster at --address). Prints a Markdown table and the machine's
load average before and after (another program's CPU use slows both executors).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "recaps"
SEED = ROOT / "raw" / "aiewf-2025-recap.ko.txt"
# As an installed copy runs: from cached bytecode (this machine sets PYTHONDONTWRITEBYTECODE=1).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "RAY_ADDRESS")}


def build_corpus(folder: Path, copies: int) -> int:
    sources = [SEED, *sorted(SHARED.glob("*/*.txt"))]
    for copy in range(copies):
        target = folder / f"copy-{copy}"
        target.mkdir(parents=True)
        for source in sources:
            shutil.copy(source, target / source.name)
    return len(sources) * copies


def timed_run(paths: list[Path], out: Path, executor: list[str]) -> float:
    """Wall seconds of one `extract run` (every output written again)."""
    command = [sys.executable, "-m", "extract", "run", *map(str, paths), "--out", str(out), "--force", *executor]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENVIRONMENT, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description="Documents per second: local --jobs 2 against Ray on 2 CPUs.")
    parser.add_argument("--copies", type=int, default=8, help="copies of the 31 recaps [8]")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each kind; the fastest counts [2]")
    parser.add_argument("--address", help="a running Ray cluster to use [a local Ray of 2 CPUs per run]")
    arguments = parser.parse_args()
    ray = ["--executor", "ray", "--jobs", "2"] + (["--address", arguments.address] if arguments.address else [])
    executors = {"local `--jobs 2`": ["--jobs", "2"], "Ray, 2 CPUs (`--executor ray --jobs 2`)": ray}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        documents = build_corpus(corpus, arguments.copies)
        best: dict[str, tuple[float, float]] = {}
        for _ in range(arguments.rounds):
            for name, flags in executors.items():  # in turn, so that the machine's drift touches both alike
                one = timed_run([SEED], Path(scratch) / "one", flags)
                many = timed_run([corpus], Path(scratch) / "many", flags)
                previous = best.get(name, (one, many))
                best[name] = (min(one, previous[0]), min(many, previous[1]))
    load_after = os.getloadavg()[0]
    local_one = best["local `--jobs 2`"][0]
    print(f"| executor | 1 document | {documents} documents | documents/s | after start-up | start-up added |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, (one, many) in best.items():
        steady = (documents - 1) / (many - one)
        added = f"+{one - local_one:.2f} s" if name != "local `--jobs 2`" else "—"
        print(f"| {name} | {one:.2f} s | {many:.2f} s | {documents / many:.1f} | {steady:.1f} | {added} |")
    print(
        f"\n{os.cpu_count()} cores; load average {load_before:.2f} before, {load_after:.2f} after; "
        f"best of {arguments.rounds} rounds"
    )


if __name__ == "__main__":
    main()
