"""Files extracted on a Ray cluster: an actor per CPU, each keeping its Kiwi, results as they finish.

The same `run_file` as the local executor (extract/parallel.py), in Ray actors instead of worker
processes, so outputs, skipping, atomic writes and one-line errors are the same. Shipped to each actor
once: the driver's working folder (relative paths resolve as they did there) and the engine (the llm
engine's settings, never a live client); with each file: its `Recap` (path and id) and the run's
options. The actors read the recaps and write the outputs themselves, so on a cluster of several
machines the recaps and `--out` (and the llm cache) must be on a filesystem every node mounts at the
same path, and recap-extract (the same version: the actors check) must be installed on every node.

The llm engine's `concurrency` bounds the requests in flight on the whole cluster: one `_Slots` actor
hands out that many slots, and every actor's requests hold one (answers from the cache take none).

Stopping: on Ctrl-C or SIGTERM no more files are handed out, those being extracted finish their
atomic writes, the actors are stopped, and the caller reports what was done. An actor is handed one
file at a time: a Ray actor runs the calls queued for it even when they are cancelled.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import suppress
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any

from extract import __version__

if TYPE_CHECKING:
    from extract.engines import Engine
    from extract.engines.llm.settings import LLMSettings
    from extract.ingest import Recap
    from extract.pipeline import FileResult

RAY_EXTRA = "--executor ray needs the ray extra: pip install 'recap-extract[ray]'"
_CONNECT_SECONDS = 10
_SLOT_WAITERS = 10_000  # requests that may wait for a slot at once (an async actor's concurrency)


class ExecutorUnavailable(Exception):
    """Ray is not installed, the cluster cannot be reached, or its workers cannot run this version; one line."""


def extract_files(
    files: list[Recap], options: dict[str, Any], jobs: int | None = None, address: str | None = None
) -> Iterator[FileResult]:
    """`run_file(recap, **options)` for every file on Ray actors, results as they finish (the caller
    orders them). Connects to the cluster at `address` (else RAY_ADDRESS, else a local Ray of `jobs`
    CPUs, or every core, started for the run and stopped after it) unless this process is connected
    already, and starts `jobs` actors (default and at most: one per CPU of the cluster; at most one
    per file) before returning: what fails there raises ExecutorUnavailable."""
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    if address == "local" and "ray" not in sys.modules:
        # A Ray started for the run listens on the loopback interface only, not on the machine's network
        # address as Ray would: the switch Ray reads for single-machine Ray (on macOS and Windows).
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    ray = _import_ray()
    started = _connect(ray, address, jobs, bool(options.get("debug")))
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        # More actors than the cluster has CPUs would wait for ever to start (one CPU each).
        actors, slots = _start_actors(ray, min(len(files), jobs or cpus, cpus), options["engine"])
    except BaseException:
        if started:
            ray.shutdown()
        raise
    return _extract_on(ray, actors, slots, files, options, started)


def _import_ray() -> ModuleType:
    try:
        import ray
    except ImportError:
        raise ExecutorUnavailable(RAY_EXTRA) from None
    return ray


def _connect(ray: ModuleType, address: str, cpus: int | None, debug: bool) -> bool:
    """Connect this process to Ray; returns whether it did (and so must disconnect after the run)."""
    if ray.is_initialized():  # a driver already connected (a notebook, a test): its cluster is used and kept
        return False
    from extract.parallel import available_cores

    local = {"num_cpus": cpus or available_cores(), "include_dashboard": False} if address == "local" else {}
    _check_answers(address)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        # Workers' own output (their log lines) reaches this terminal only with --debug.
        ray.init(address=address, log_to_driver=debug, logging_level=logging.WARNING, **local)
    except Exception as error:
        if debug:
            raise
        raise ExecutorUnavailable(f"cannot connect to Ray at {address}: {_one_line(error)}") from None
    finally:
        # Ray's SIGTERM handler exits at once; the caller's unwinds, so that files being written are removed.
        signal.signal(signal.SIGTERM, previous)
    return True


def _check_answers(address: str) -> None:
    """A head's `HOST:PORT` must accept a connection: Ray itself would wait for it without end."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return  # `local`, `auto`, a `ray://` client address: Ray's own errors apply
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=_CONNECT_SECONDS).close()
    except OSError as error:
        raise ExecutorUnavailable(f"cannot connect to Ray at {address}: {error.strerror or error}") from None


def _start_actors(ray: ModuleType, count: int, engine: Engine) -> tuple[list[Any], Any]:
    """`count` extracting actors (one CPU each), ready and checked to run this version, and the llm
    engine's `_Slots` (None for other engines)."""
    from extract.engines.llm import LLMEngine

    slots = None
    shipped: Engine | LLMSettings = engine
    if isinstance(engine, LLMEngine):
        shipped = engine.settings
        slots = ray.remote(num_cpus=0, max_concurrency=_SLOT_WAITERS)(_Slots).remote(engine.settings.concurrency)
    extractor = ray.remote(num_cpus=1, max_restarts=2)(_Extractor)
    actors = [extractor.remote(os.getcwd(), shipped, slots) for _ in range(count)]
    try:
        versions = ray.get([actor.version.remote() for actor in actors])
    except ray.exceptions.RayError as error:
        raise ExecutorUnavailable(
            f"the Ray workers cannot start ({_one_line(error)}); is recap-extract installed on every node?"
        ) from None
    other = sorted(set(versions) - {__version__})
    if other:
        raise ExecutorUnavailable(
            f"the Ray workers run recap-extract {', '.join(other)}, this is {__version__}: install one version"
        )
    return actors, slots


def _extract_on(
    ray: ModuleType, actors: list[Any], slots: Any, files: list[Recap], options: dict[str, Any], disconnect: bool
) -> Iterator[FileResult]:
    """Files handed to the actors, one each, the next one to whichever finishes."""
    options = {name: value for name, value in options.items() if name != "engine"}  # each actor has its own
    waiting = deque(files)
    running: dict[Any, tuple[Recap, Any]] = {}

    def hand_out(actor: Any) -> None:
        recap = waiting.popleft()
        running[actor.extract.remote(recap, options)] = (recap, actor)

    try:
        for actor in actors:
            if waiting:
                hand_out(actor)
        while running:
            [ref], _ = ray.wait(list(running), num_returns=1)
            recap, actor = running.pop(ref)
            if waiting:
                hand_out(actor)
            yield _result(ray, ref, recap)
    finally:
        _stop(ray, running, actors, slots, disconnect)


def _result(ray: ModuleType, ref: Any, recap: Recap) -> FileResult:
    from extract.pipeline import FileResult

    try:
        result: FileResult = ray.get(ref)
    except ray.exceptions.RayActorError as error:  # the worker died on it (out of memory, a crash): it fails alone
        return FileResult(recap.path, "failed", error=f"the Ray worker extracting it died: {_one_line(error)}")
    return result


def _stop(
    ray: ModuleType, running: dict[Any, tuple[Recap, Any]], actors: list[Any], slots: Any, disconnect: bool
) -> None:
    """Wait for the files being written, stop the actors (and Ray, if started here)."""
    for ref in running:
        with suppress(ray.exceptions.RayError):  # its worker died
            ray.get(ref)
    for actor in [*actors, *([slots] if slots is not None else [])]:
        ray.kill(actor)
    if disconnect:
        ray.shutdown()


def _one_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return (lines[-1] if lines else type(error).__name__)[:200]


class _Extractor:
    """A Ray actor: one process that extracts file after file, keeping its Kiwi (spaCy, lexicons)."""

    def __init__(self, cwd: str, engine: Engine | LLMSettings, slots: Any) -> None:
        from extract.engines.llm import LLMEngine
        from extract.engines.llm.settings import LLMSettings
        from extract.segment import set_analysis_threads

        os.chdir(cwd)  # the driver's relative paths (recaps, --out, the llm cache) mean the same here
        set_analysis_threads(1)  # an actor is given one CPU
        self.engine = LLMEngine(engine, _ClusterSlot(slots)) if isinstance(engine, LLMSettings) else engine

    def version(self) -> str:
        return __version__

    def extract(self, recap: Recap, options: dict[str, Any]) -> FileResult:
        from extract.parallel import extract_file

        return extract_file(recap, {**options, "engine": self.engine})


class _Slots:
    """A Ray actor: the cluster's semaphore for the llm engine's requests (asynchronous, so that the
    requests waiting for a slot do not hold its thread)."""

    def __init__(self, size: int) -> None:
        self._free = asyncio.Semaphore(size)

    async def acquire(self) -> None:
        await self._free.acquire()

    async def release(self) -> None:
        self._free.release()


class _ClusterSlot:
    """One of the cluster's `_Slots`, held around a request as a local semaphore would be."""

    def __init__(self, slots: Any) -> None:
        self._slots = slots

    def __enter__(self) -> object:
        import ray

        ray.get(self._slots.acquire.remote())
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        import ray

        ray.get(self._slots.release.remote())
