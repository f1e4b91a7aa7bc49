"""Search a wordlist for an HS256/HS384/HS512 token's key on every core.

The per-candidate test lives in the pure :mod:`jwtscope.core.keys.hmac_dictionary`; this module
adds what the core may not do: read files, start processes, watch the clock.

How the work is split:

* The file is cut into one byte range per worker. A worker owns every line whose
  first byte lies in its range: it skips the line that began before its range and
  finishes the line that runs past its end, so each line is tried exactly once,
  wherever the cut falls.
* Each worker opens the file itself and streams its range in chunks of whole lines
  (``_CHUNK_BYTES`` plus the rest of the last line), so memory stays bounded whatever
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
from typing import TYPE_CHECKING, BinaryIO

from jwtscope.core.keys.hmac_dictionary import HmacTarget, make_matcher
from jwtscope.errors import InputError, JwtscopeError, UsageError

if TYPE_CHECKING:  # ForkContext and ForkServerContext do not exist on Windows
    from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext

__all__ = ["CrackProgress", "CrackResult", "crack_file", "format_progress"]

#: Bytes a worker reads at a time (then completed to a line end). About 25k words:
#: a few tens of milliseconds of hashing, which bounds how late a worker sees "stop".
_CHUNK_BYTES = 256 * 1024

#: With ``workers=None``, at most one worker per this many bytes of wordlist: a small
#: list is done before extra processes would have started.
_BYTES_PER_DEFAULT_WORKER = 1024 * 1024

#: Seconds workers get to notice the stop flag before they are terminated.
_STOP_GRACE = 2.0

_Message = tuple[str, bytes | str | None]


@dataclass(frozen=True)
class CrackProgress:
    """A snapshot of a running search.

    Attributes:
        tried: candidates tested so far (empty lines are not candidates).
        bytes_done: bytes of the wordlist fully processed.
        bytes_total: size of the wordlist in bytes.
        elapsed: seconds since the search started.
    """

    tried: int
    bytes_done: int
    bytes_total: int
    elapsed: float

    @property
    def fraction(self) -> float:
        """Share of the wordlist processed, from 0.0 to 1.0."""
        if self.bytes_total <= 0:
            return 1.0
        return min(1.0, self.bytes_done / self.bytes_total)

    @property
    def rate(self) -> float:
        """Candidates per second so far (0.0 before any time has passed)."""
        return self.tried / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Estimated seconds left, or ``None`` while nothing has been measured yet."""
        if self.bytes_done <= 0 or self.elapsed <= 0:
            return None
        remaining = max(0, self.bytes_total - self.bytes_done)
        return self.elapsed * remaining / self.bytes_done


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
    key: bytes | None = None
    failure: tuple[str, str] | None = None
    interrupted = False
    try:
        with _sigint_deferred():
            for slot, (start, end) in enumerate(ranges):
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(
                    target=_worker_main,
                    args=(target, str(path), start, end, stop, counters, slot, writer),
                    name=f"jwtscope-crack-{slot}",
                    daemon=True,  # reaped by multiprocessing even if we die badly
                )
                process.start()
                # Close our copy now, before the next fork, so that a worker that dies
                # without writing shows up as EOF instead of a silent hang.
                writer.close()
                processes.append(process)
                readers.append(reader)
        last_report = time.perf_counter()
        # Without a callback, sleep until a worker reports; with one, wake up to call it.
        timeout = None if progress is None else max(progress_interval, 0.001)
        while readers and key is None and failure is None:
            for ready in wait(readers, timeout=timeout):
                assert isinstance(ready, Connection)
                readers.remove(ready)
                kind, value = _receive(ready)
                if kind == "found" and isinstance(value, bytes):
                    key = value
                elif kind != "done":
                    failure = (kind, str(value))
            now = time.perf_counter()
            if progress is not None and now - last_report >= progress_interval:
                last_report = now
                progress(_snapshot(counters, size, started))
    except KeyboardInterrupt:
        interrupted = key is None  # a key that arrived first is still the answer
    finally:
        stop.value = True
        _reap(processes)
        for reader in readers:
            reader.close()
    if failure is not None and failure[0] == "error":
        raise InputError(
            f"reading the wordlist {path} failed: {failure[1]}",
            "check that the file stays readable while the search runs",
        )
    if failure is not None:
        raise JwtscopeError("a search worker process stopped unexpectedly", "run the search again")
    return _finish(progress, _snapshot(counters, size, started), key, interrupted=interrupted)


def format_progress(p: CrackProgress, width: int = 30) -> str:
    """One line for a terminal: bar, percent, candidates tried, rate and ETA.

    Args:
        p: the snapshot to show.
        width: characters inside the bar's brackets.

    Returns:
        For example ``[#########---------------------]  31.4%  2.1M tried  1.3M/s  ETA 0:04``
        (no newline; a CLI prints it to stderr after ``\\r``).
    """
    filled = int(p.fraction * width)
    bar = "#" * filled + "-" * (width - filled)
    eta = "--:--" if p.eta is None else _clock(p.eta)
    return f"[{bar}] {p.fraction * 100:5.1f}%  {_si(p.tried)} tried  {_si(p.rate)}/s  ETA {eta}"


# --- the calling process ---------------------------------------------------------------


def _wordlist_size(path: Path) -> int:
    """Size of a readable regular file, or an InputError saying what is wrong."""
    fix = "give the path of a readable wordlist file, one candidate per line"
    try:
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


def _receive(reader: Connection) -> _Message:
    """A worker's final message: ``found``, ``done``, ``error`` or, if it sent none, ``died``."""
    try:
        message: _Message = reader.recv()
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


# --- the workers -----------------------------------------------------------------------


def _worker_main(
    target: HmacTarget,
    path: str,
    start: int,
    end: int,
    stop: ctypes.c_bool,
    counters: ctypes.Array[ctypes.c_uint64],
    slot: int,
    conn: Connection,
) -> None:
    """Entry point of a worker: scan one range, send exactly one message, never print."""
    # Ctrl-C goes to the whole foreground process group; the caller handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    message: _Message
    try:
        key = _scan_range(target, path, start, end, stop, counters, slot)
        message = ("found", key) if key is not None else ("done", None)
    except Exception as exc:  # reported to the caller instead of a child traceback
        message = ("error", _describe(exc))
    with contextlib.suppress(OSError):
        conn.send(message)
    conn.close()


def _scan_range(
    target: HmacTarget,
    path: str,
    start: int,
    end: int,
    stop: ctypes.c_bool,
    counters: ctypes.Array[ctypes.c_uint64],
    slot: int,
) -> bytes | None:
    """Try every line that starts in ``[start, end)``; publish counts after each chunk."""
    matches = make_matcher(target)
    parent_pid = os.getppid()
    tried = 0
    done = 0
    with open(path, "rb") as file:
        if start > 0:
            file.seek(start - 1)
            _skip_line(file)  # that line belongs to the previous range
        position = file.tell()
        while position < end and not stop.value:
            if os.getppid() != parent_pid:  # the caller died: do not run on as an orphan
                return None
            chunk = file.read(min(_CHUNK_BYTES, end - position))
            if not chunk:
                break
            if not chunk.endswith(b"\n"):
                chunk += file.readline()  # finish the last line, even past `end`
            position += len(chunk)
            done += len(chunk)
            if b"\r" in chunk:  # chunks end on "\n", so no "\r\n" is ever cut in two
                chunk = chunk.replace(b"\r\n", b"\n")
            lines = chunk.split(b"\n")
            key = next(filter(matches, filter(None, lines)), None)
            if key is not None:
                stop.value = True
                tried += [line for line in lines if line].index(key) + 1
                counters[2 * slot], counters[2 * slot + 1] = tried, done
                return key
            tried += len(lines) - lines.count(b"")
            counters[2 * slot], counters[2 * slot + 1] = tried, done
    return None


def _skip_line(file: BinaryIO) -> None:
    """Read up to and including the next ``\\n`` (or EOF) without holding the line."""
    while True:
        part = file.readline(_CHUNK_BYTES)
        if not part or part.endswith(b"\n"):
            return


def _describe(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


# --- formatting ------------------------------------------------------------------------


def _si(value: float) -> str:
    """``950``, ``12.3k``, ``1.2M``: three significant-ish digits for a status line."""
    if value < 999.5:
        return f"{value:.0f}"
    for unit in "kMGT":
        value /= 1000
        if value < 999.95 or unit == "T":
            return f"{value:.1f}{unit}"
    raise AssertionError("unreachable")


def _clock(seconds: float) -> str:
    """``0:07``, ``12:34`` or ``1:02:03``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
