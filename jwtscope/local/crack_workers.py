"""The worker processes of :mod:`jwtscope.local.crack_search`: each scans one byte range of
the wordlist in chunks of whole lines and sends exactly one message back.

A worker owns every line whose first byte lies in its range: it skips the line that began
before its range and finishes the line that runs past its end. It reads ``_CHUNK_BYTES``
at a time (plus the rest of the last line), publishes its counters in shared memory after
each chunk and stops when the shared stop flag is set or its parent has died.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from multiprocessing.connection import Connection
from typing import BinaryIO

from jwtscope.core.keys.hmac_dictionary import HmacTarget, make_matcher

__all__ = ["Message", "worker_main"]

#: Bytes a worker reads at a time (then completed to a line end). About 25k words:
#: a few tens of milliseconds of hashing, which bounds how late a worker sees "stop".
_CHUNK_BYTES = 256 * 1024

#: A worker's one message: ``("found", key)``, ``("done", None)`` or ``("error", text)``.
Message = tuple[str, bytes | str | None]


def worker_main(
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
    message: Message
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
