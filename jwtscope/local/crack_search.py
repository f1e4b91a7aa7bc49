"""Search a wordlist for an HS256/HS384/HS512 token's key on every core.

The per-candidate test lives in the pure :mod:`jwtscope.core.keys.hmac_dictionary`; this module
adds what the core may not do: read files, start processes, watch the clock.

How the work is split:

* The file is cut into one byte range per worker. A worker owns every line whose
  first byte lies in its range: it skips the line that began before its range and
  finishes the line that runs past its end, so each line is tried exactly once,
  wherever the cut falls.
* Each worker opens the file itself and streams its range in chunks of whole lines
  (:mod:`jwtscope.local.crack_workers`), so memory stays bounded whatever
  the file's size and nothing is sent between processes but one final message.
* Counters (candidates tried, bytes done) live in shared memory, one slot per worker;
  the calling process sums them for progress. A shared stop flag, checked after each
  chunk, stops every worker once one has found the key, or on Ctrl-C.

Nothing here prints or logs: progress goes to the caller's callback, failures are
raised as :class:`~jwtscope.errors.JwtscopeError`, and the key is only in the result.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import multiprocessing
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.core.keys.hmac_dictionary import HmacTarget
from jwtscope.errors import InputError, JwtscopeError, UsageError
from jwtscope.local.crack_progress import CrackProgress, format_progress
from jwtscope.local.crack_workers import Message, worker_main

if TYPE_CHECKING:  # ForkContext and ForkServerContext do not exist on Windows
    from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext

__all__ = ["CrackProgress", "CrackResult", "crack_file", "format_progress"]

#: With ``workers=None``, at most one worker per this many bytes of wordlist: a small
#: list is done before extra processes would have started.
_BYTES_PER_DEFAULT_WORKER = 1024 * 1024

#: Seconds workers get to notice the stop flag before they are terminated.
_STOP_GRACE = 2.0


@dataclass(frozen=True)
class CrackResult:
    """How a search ended.

    Attributes:
        key: the key that reproduces the signature, or ``None``.
        tried: candidates tested (across all workers).
        elapsed: seconds the search took, process start-up included.
        interrupted: the search was stopped by Ctrl-C before it could finish.
    """

    key: bytes | None
    tried: int
    elapsed: float
    interrupted: bool


def crack_file(
    target: HmacTarget,
    path: Path,
    *,
    workers: int | None = None,
    progress: Callable[[CrackProgress], None] | None = None,
    progress_interval: float = 0.2,
) -> CrackResult:
    """Try every line of a wordlist as the token's HMAC key, on all cores.

    Lines lose their trailing ``\\n`` or ``\\r\\n``; empty lines are skipped; every other
    byte is kept (a line is a key as bytes, whatever its encoding).

    Args:
        target: the token to reproduce.
        path: the wordlist, a regular file of any size (it is streamed, never loaded).
        workers: processes to use; by default one per usable core, fewer for small lists.
        progress: called from this process about every ``progress_interval`` seconds,
            and once at the end.
        progress_interval: seconds between progress calls.

    Returns:
        The key (or ``None``), how many candidates were tried and whether Ctrl-C
        stopped the search. On Ctrl-C the workers are stopped and reaped first.

    Raises:
        InputError: the wordlist is missing, unreadable or not a regular file.
        UsageError: ``workers`` is less than 1.
        JwtscopeError: a worker process died without reporting (killed, out of memory).
    """
    started = time.perf_counter()
    if workers is not None and workers < 1:
        raise UsageError(f"workers must be at least 1, not {workers}", "use 1 or more workers")
    size = _wordlist_size(path)
    if size == 0:
        return _finish(progress, CrackProgress(0, 0, 0, time.perf_counter() - started), None)
    if workers is None:
        workers = min(_usable_cores(), max(1, size // _BYTES_PER_DEFAULT_WORKER))
    ranges = _byte_ranges(size, min(workers, size))

    context = _start_context()
    stop = context.RawValue(ctypes.c_bool, False)
    counters = context.RawArray(ctypes.c_uint64, 2 * len(ranges))
    processes: list[BaseProcess] = []
    readers: list[Connection] = []
    outcome = _Outcome()
    interrupted = False
    try:
        with _sigint_deferred():
            for slot, (start, end) in enumerate(ranges):
                args = (target, str(path), start, end, stop, counters, slot)
                _start_worker(context, args, f"jwtscope-crack-{slot}", processes, readers)
        snapshot = functools.partial(_snapshot, counters, size, started)
        _collect(readers, outcome, progress, progress_interval, snapshot)
    except KeyboardInterrupt:
        interrupted = outcome.key is None  # a key that arrived first is still the answer
    finally:
        stop.value = True
        _reap(processes)
        for reader in readers:
            reader.close()
    _raise_failure(outcome.failure, path)
    last = _snapshot(counters, size, started)
    return _finish(progress, last, outcome.key, interrupted=interrupted)


# --- the calling process ---------------------------------------------------------------


def _wordlist_size(path: Path) -> int:
    """Size of a readable regular file, or an InputError saying what is wrong."""
    fix = "give the path of a readable wordlist file, one candidate per line"
    try:
        # Checked before opening too: opening a FIFO blocks until someone writes to it.
        if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
            raise InputError(
                f"wordlist {path} is not a regular file",
                "save the list to a file first: pipes cannot be split between workers",
            )
        with path.open("rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(
                    f"wordlist {path} is not a regular file",
                    "save the list to a file first: pipes cannot be split between workers",
                )
            file.read(1)
    except FileNotFoundError as exc:
        raise InputError(f"wordlist {path} does not exist", fix) from exc
    except IsADirectoryError as exc:
        raise InputError(f"wordlist {path} is a directory", fix) from exc
    except PermissionError as exc:
        raise InputError(f"wordlist {path} cannot be read: permission denied", fix) from exc
    except OSError as exc:
        raise InputError(f"wordlist {path} cannot be read: {exc.strerror or exc}", fix) from exc
    return info.st_size


def _usable_cores() -> int:
    """Cores this process may run on (affinity and cgroup-aware where Python knows)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _byte_ranges(size: int, parts: int) -> list[tuple[int, int]]:
    """Cut ``[0, size)`` into ``parts`` contiguous ranges of (nearly) equal length."""
    return [(size * i // parts, size * (i + 1) // parts) for i in range(parts)]


def _start_context() -> ForkContext | ForkServerContext | SpawnContext:
    """The multiprocessing start method, chosen on purpose.

    ``fork`` when the process has a single thread (the CLI): a worker exists within a
    millisecond or two, inherits the target and the code, and nothing is pickled or
    re-imported — ``spawn`` would start and import a fresh interpreter per worker
    (tens of milliseconds each), a real share of a 1M-word run that takes under a
    second. Forking a *multi-threaded* process (the TUI runs this in a worker thread)
    can leave the child stuck on a lock another thread held at fork time — Python 3.12+
    warns about it and 3.14 made ``forkserver`` the default — so then ``forkserver``:
    its single-threaded server forks the workers. ``spawn`` where neither exists.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold back SIGINT while workers start; it is delivered (to us) on exit.

    A forked worker inherits the blocked mask, so a Ctrl-C cannot reach it before it
    has set SIGINT to "ignore" — no ``KeyboardInterrupt`` traceback from a child.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _receive(reader: Connection) -> Message:
    """A worker's final message: ``found``, ``done``, ``error`` or, if it sent none, ``died``."""
    try:
        message: Message = reader.recv()
    except (EOFError, OSError):
        message = ("died", None)
    finally:
        reader.close()
    return message


def _snapshot(counters: ctypes.Array[ctypes.c_uint64], size: int, started: float) -> CrackProgress:
    values = counters[:]
    return CrackProgress(
        tried=sum(values[0::2]),
        bytes_done=min(size, sum(values[1::2])),
        bytes_total=size,
        elapsed=time.perf_counter() - started,
    )


def _finish(
    progress: Callable[[CrackProgress], None] | None,
    last: CrackProgress,
    key: bytes | None,
    *,
    interrupted: bool = False,
) -> CrackResult:
    if progress is not None:
        progress(last)
    return CrackResult(key=key, tried=last.tried, elapsed=last.elapsed, interrupted=interrupted)


def _reap(processes: list[BaseProcess]) -> None:
    """Wait for workers to see the stop flag, then terminate any that did not."""
    deadline = time.monotonic() + _STOP_GRACE
    try:
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()


@dataclass
class _Outcome:
    """What the workers reported: the key, or the first failure (kind and text)."""

    key: bytes | None = None
    failure: tuple[str, str] | None = None


def _start_worker(
    context: ForkContext | ForkServerContext | SpawnContext,
    args: tuple[object, ...],
    name: str,
    processes: list[BaseProcess],
    readers: list[Connection],
) -> None:
    """Start one worker on ``args`` (its pipe's write end is added) and keep its process
    and the read end of its pipe."""
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(
        target=worker_main,
        args=(*args, writer),
        name=name,
        daemon=True,  # reaped by multiprocessing even if we die badly
    )
    process.start()
    # Close our copy now, before the next fork, so that a worker that dies
    # without writing shows up as EOF instead of a silent hang.
    writer.close()
    processes.append(process)
    readers.append(reader)


def _collect(
    readers: list[Connection],
    outcome: _Outcome,
    progress: Callable[[CrackProgress], None] | None,
    interval: float,
    snapshot: Callable[[], CrackProgress],
) -> None:
    """Read the workers' messages until one finds the key, one fails or all are done;
    call ``progress`` about every ``interval`` seconds meanwhile."""
    last_report = time.perf_counter()
    # Without a callback, sleep until a worker reports; with one, wake up to call it.
    timeout = None if progress is None else max(interval, 0.001)
    while readers and outcome.key is None and outcome.failure is None:
        for ready in wait(readers, timeout=timeout):
            assert isinstance(ready, Connection)
            readers.remove(ready)
            kind, value = _receive(ready)
            if kind == "found" and isinstance(value, bytes):
                outcome.key = value
            elif kind != "done":
                outcome.failure = (kind, str(value))
        now = time.perf_counter()
        if progress is not None and now - last_report >= interval:
            last_report = now
            progress(snapshot())


def _raise_failure(failure: tuple[str, str] | None, path: Path) -> None:
    """A worker's read error as an InputError; any other failure as a JwtscopeError."""
    if failure is not None and failure[0] == "error":
        raise InputError(
            f"reading the wordlist {path} failed: {failure[1]}",
            "check that the file stays readable while the search runs",
        )
    if failure is not None:
        raise JwtscopeError("a search worker process stopped unexpectedly", "run the search again")
