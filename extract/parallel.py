"""Files extracted on the cores asked for: this process and worker processes, one Kiwi each.

Stopping: on Ctrl-C or SIGTERM the files being extracted finish their atomic writes (or are removed,
in this process), the rest are cancelled, and the caller reports what was done.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future

    from extract.engines import Engine
    from extract.ingest import Recap
    from extract.pipeline import FileResult

EXIT_INTERRUPTED = 130
# Files handed to each worker ahead: enough that it does not run dry while this process extracts a long
# one (it only hands out more between its own files); those not started by the end are taken back.
_QUEUED_PER_WORKER = 8


def available_cores() -> int:
    """Cores this process may run on (an affinity mask or a container can allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def analysis_threads_per_worker(jobs: int, workers: int) -> int:
    """Kiwi's threads in each of `workers` processes: the `jobs` cores asked for (at most those there
    are) shared out, at least one each. `--jobs 1` runs on one core, like `make -j1`."""
    return max(1, min(jobs, available_cores()) // workers)


def extract_files(files: list[Recap], options: dict[str, Any], jobs: int) -> Iterator[FileResult]:
    """`run_file(recap, **options)` for every file, results in input order, on `jobs` cores: with more
    than one, this process extracts files too (instead of waiting) beside `jobs - 1` workers."""
    from extract.segment import set_analysis_threads

    workers = max(1, min(jobs, len(files)))
    threads = analysis_threads_per_worker(jobs, workers)
    set_analysis_threads(threads)
    if workers == 1:
        return map(partial(extract_file, options=options), files)
    return _shared_with_workers(files, options, workers, threads)


def extract_file(path: Recap, options: dict[str, Any]) -> FileResult:
    """One file; the first one extracted has loaded what the process keeps: frozen then."""
    from extract.pipeline import freeze_warm_state, run_file

    result = run_file(path, **options)
    if result.status == "done":
        freeze_warm_state()
    return result


def _shared_with_workers(
    files: list[Recap], options: dict[str, Any], workers: int, analysis_threads: int
) -> Iterator[FileResult]:
    """Files handed to `workers - 1` worker processes, several queued for each, and taken one at a
    time by this process in between; results buffered back into input order."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    waiting = deque(enumerate(files))
    running: dict[int, Future[FileResult]] = {}
    finished: dict[int, FileResult] = {}
    forking = _can_fork(options["engine"], analysis_threads)
    if forking:
        # The first file loads Kiwi (spaCy for English) and the lexicons here; workers forked after it share them
        # (copy-on-write) instead of spending a second or two and ~400 MB each loading their own.
        index, path = waiting.popleft()
        finished[index] = extract_file(path, options)
        yield from _in_order(finished, 0)
    executor = ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=multiprocessing.get_context("fork" if forking else "spawn"),
        initializer=_worker_setup,
        initargs=(os.getpid(), analysis_threads),
    )
    try:
        while waiting or running:
            while waiting and len(running) < _QUEUED_PER_WORKER * (workers - 1):
                index, path = waiting.popleft()
                running[index] = executor.submit(_extract_in_worker, path, options)
            if not waiting:
                waiting.extend((index, files[index]) for index in _not_started(running))
            if waiting:
                index, path = waiting.popleft()
                finished[index] = extract_file(path, options)
            else:
                wait(running.values(), return_when=FIRST_COMPLETED)
            for index in [i for i, future in running.items() if future.done()]:
                finished[index] = running.pop(index).result()
            yield from _in_order(finished, len(files) - len(waiting) - len(running) - len(finished))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _can_fork(engine: Engine, analysis_threads: int) -> bool:
    """Fork (not spawn) workers from this process only when it has no thread a copy could inherit
    mid-way (a lock held, a pool without its threads): Kiwi on the calling thread, a forkable engine,
    no other Python thread; and only on Linux (macOS's system libraries are not fork-safe)."""
    import multiprocessing
    import threading

    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and analysis_threads == 1
        and engine.forkable
        and threading.active_count() == 1
    )


def _not_started(running: dict[int, Future[FileResult]]) -> list[int]:
    """Take back (cancel) the files no worker has started: this process, idle otherwise, does them."""
    taken = [index for index, future in running.items() if future.cancel()]
    for index in taken:
        del running[index]
    return sorted(taken)


def _in_order(finished: dict[int, FileResult], yielded: int) -> Iterable[FileResult]:
    """Pop the finished results that continue the input order after the first `yielded`."""
    while yielded in finished:
        yield finished.pop(yielded)
        yielded += 1


def _extract_in_worker(path: Recap, options: dict[str, Any]) -> FileResult:
    """`extract_file` in a worker; stopped (SIGTERM), it exits once the file being written is cleaned up."""
    try:
        return extract_file(path, options)
    except KeyboardInterrupt:
        os._exit(EXIT_INTERRUPTED)  # not back into the pool's loop: there is no parent to serve


def _worker_setup(parent: int, analysis_threads: int) -> None:
    """Workers share the cores (Kiwi's threads among them), leave Ctrl-C to the parent, which stops
    handing out files and waits for theirs, and die with the parent (even a SIGKILLed one) instead of
    running on as orphans."""
    from extract.segment import set_analysis_threads

    set_analysis_threads(analysis_threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, interrupt)  # unwinds: the file being written is removed
    if sys.platform == "linux":
        import ctypes

        set_parent_death_signal = 1  # PR_SET_PDEATHSIG
        ctypes.CDLL(None).prctl(set_parent_death_signal, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(EXIT_INTERRUPTED)


def interrupt(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so that a file being written is removed, not left half-written."""
    raise KeyboardInterrupt
