"""Tests for the multi-process wordlist search (real processes, real files)."""

from __future__ import annotations

import base64
import hmac
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from jwtscope.core.keys.hmac_dictionary import HmacTarget
from jwtscope.errors import InputError, UsageError
from jwtscope.local.crack_search import (
    CrackProgress,
    CrackResult,
    _byte_ranges,
    crack_file,
    format_progress,
)

ROOT = Path(__file__).resolve().parents[1]
KEY = b"planted-key"


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def target_for(key: bytes) -> HmacTarget:
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64url(json.dumps({"sub": "user-42", "iat": 1_700_000_000}).encode())
    signing_input = f"{head}.{body}".encode("ascii")
    return HmacTarget(signing_input, hmac.digest(key, signing_input, "sha256"), "HS256")


def fillers(count: int) -> list[bytes]:
    return [b"word%05d" % index for index in range(count)]


def write(path: Path, lines: list[bytes], *, newline: bytes = b"\n", trailing: bool = True) -> Path:
    path.write_bytes(newline.join(lines) + (newline if trailing else b""))
    return path


@pytest.fixture(autouse=True)
def _no_leftover_workers() -> Iterator[None]:
    yield
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_finds_the_planted_key(tmp_path: Path, workers: int, position: str) -> None:
    lines = fillers(999)
    index = {"first": 0, "middle": 500, "last": 999}[position]
    lines.insert(index, KEY)
    path = write(tmp_path / "words.txt", lines)

    result = crack_file(target_for(KEY), path, workers=workers)

    assert result.key == KEY
    assert not result.interrupted
    if workers == 1:
        assert result.tried == index + 1


@pytest.mark.parametrize("workers", [1, 2])
def test_crlf_line_endings(tmp_path: Path, workers: int) -> None:
    path = write(tmp_path / "words.txt", [*fillers(300), KEY, *fillers(10)], newline=b"\r\n")
    assert crack_file(target_for(KEY), path, workers=workers).key == KEY


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_last_line_without_trailing_newline(tmp_path: Path, workers: int, newline: bytes) -> None:
    path = write(tmp_path / "words.txt", [*fillers(300), KEY], newline=newline, trailing=False)
    assert crack_file(target_for(KEY), path, workers=workers).key == KEY


def test_absent_key_tries_every_non_empty_line_once(tmp_path: Path) -> None:
    # Empty lines, LF and CRLF: "\r" + "\n" is an empty CRLF line, not a candidate.
    lines = [b"", *fillers(500), b"", b"", *fillers(20), b"\r", b"x"]
    path = tmp_path / "words.txt"
    path.write_bytes(b"\n".join(lines) + b"\r\n\r\n\n")

    result = crack_file(target_for(KEY), path, workers=2)

    assert result == CrackResult(key=None, tried=521, elapsed=result.elapsed, interrupted=False)


@pytest.mark.parametrize("shift", [-1, 0, 1, len(KEY), len(KEY) + 1])
def test_key_at_the_boundary_between_worker_ranges(tmp_path: Path, shift: int) -> None:
    # Byte range 2 starts at `start + shift`: inside the line before the key (-1), on the
    # key's first byte (0), inside the key, on the key's newline, just after it.
    before = b"".join(b"%04d\n" % index for index in range(40))  # 200 bytes
    start = len(before)
    after_length = start + 2 * shift - len(KEY) - 1
    after = b"z" * (after_length - 1) + b"\n"
    path = tmp_path / "words.txt"
    path.write_bytes(before + KEY + b"\n" + after)
    assert _byte_ranges(path.stat().st_size, 2)[1][0] == start + shift

    assert crack_file(target_for(KEY), path, workers=2).key == KEY
    assert crack_file(target_for(b"absent"), path, workers=2).tried == 42


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_every_line_is_tried_exactly_once_whatever_the_cuts(tmp_path: Path, workers: int) -> None:
    lines = [b"w" * (1 + index % 13) + b"%d" % index for index in range(60)]
    path = write(tmp_path / "words.txt", lines)
    assert crack_file(target_for(b"absent"), path, workers=workers).tried == len(lines)
    for index in (0, 17, 33, 59):
        planted = lines[index]
        assert crack_file(target_for(planted), path, workers=workers).key == planted


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", [], trailing=False)
    result = crack_file(target_for(KEY), path, workers=2)
    assert (result.key, result.tried, result.interrupted) == (None, 0, False)


def test_more_workers_than_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "words.txt", [KEY], trailing=False)
    assert crack_file(target_for(KEY), path, workers=64).key == KEY


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist") as caught:
        crack_file(target_for(KEY), tmp_path / "nope.txt")
    assert caught.value.fix


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        crack_file(target_for(KEY), tmp_path)


def test_zero_workers_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "words.txt", [KEY])
    with pytest.raises(UsageError):
        crack_file(target_for(KEY), path, workers=0)


def test_progress_is_monotonic_and_ends_complete(tmp_path: Path) -> None:
    path = write(tmp_path / "words.txt", fillers(30_000))
    seen: list[CrackProgress] = []

    result = crack_file(
        target_for(b"absent"), path, workers=2, progress=seen.append, progress_interval=0.0
    )

    assert seen
    tried = [snapshot.tried for snapshot in seen]
    assert tried == sorted(tried)
    assert seen[-1].tried == result.tried == 30_000
    assert seen[-1].bytes_done == seen[-1].bytes_total == path.stat().st_size
    assert seen[-1].fraction == 1.0


def test_keyboard_interrupt_stops_the_workers(tmp_path: Path) -> None:
    path = write(tmp_path / "words.txt", fillers(50_000))
    calls: list[CrackProgress] = []

    def interrupt_once(snapshot: CrackProgress) -> None:
        calls.append(snapshot)
        if len(calls) == 1:
            raise KeyboardInterrupt

    result = crack_file(
        target_for(b"absent"), path, workers=2, progress=interrupt_once, progress_interval=0.0
    )

    assert result.interrupted
    assert result.key is None
    # the autouse fixture checks that no worker is left running


def test_ctrl_c_in_a_terminal_leaves_no_traceback_and_no_process(tmp_path: Path) -> None:
    # seconds of work: Ctrl-C lands mid-search even on a busy machine
    path = write(tmp_path / "words.txt", fillers(6_000_000))
    target = target_for(KEY)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from jwtscope.core.keys.hmac_dictionary import HmacTarget\n"
        "from jwtscope.local.crack_search import crack_file\n"
        "target = HmacTarget(bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2]), 'HS256')\n"
        "ticks = []\n"
        "def tick(p):\n"
        "    ticks.append(p)\n"  # before print: Ctrl-C may land right after the print
        "    if len(ticks) == 1:\n"
        "        print('running', flush=True)\n"
        "r = crack_file(target, Path(sys.argv[3]), workers=2, progress=tick,\n"
        "               progress_interval=0.01)\n"
        "print(f'interrupted={r.interrupted} key={r.key!r}', flush=True)\n"
    )
    # A session of its own stands in for a terminal's foreground process group: Ctrl-C
    # sends SIGINT to every process in it, the workers included.
    process = subprocess.Popen(
        [sys.executable, "-c", script, target.signing_input.hex(), target.signature.hex(), path],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "running\n"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=30)

    assert out == "interrupted=True key=None\n"
    assert err == ""
    assert process.returncode == 0
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)


def test_works_from_a_thread(tmp_path: Path) -> None:
    # A TUI runs the search in a worker thread: crack_file then avoids fork().
    path = write(tmp_path / "words.txt", [*fillers(100), KEY])
    results: list[CrackResult] = []
    thread = threading.Thread(target=lambda: results.append(crack_file(target_for(KEY), path)))
    thread.start()
    thread.join()
    assert [result.key for result in results] == [KEY]


@pytest.mark.parametrize(
    ("snapshot", "expected"),
    [
        (
            CrackProgress(tried=0, bytes_done=0, bytes_total=1000, elapsed=0.0),
            "[----------]   0.0%  0 tried  0/s  ETA --:--",
        ),
        (
            CrackProgress(tried=1_250_000, bytes_done=250, bytes_total=1000, elapsed=1.0),
            "[##--------]  25.0%  1.2M tried  1.2M/s  ETA 0:03",
        ),
        (
            CrackProgress(tried=999, bytes_done=1, bytes_total=10_000, elapsed=1.0),
            "[----------]   0.0%  999 tried  999/s  ETA 2:46:39",
        ),
        (
            CrackProgress(tried=14_344_391, bytes_done=5, bytes_total=5, elapsed=9.5),
            "[##########] 100.0%  14.3M tried  1.5M/s  ETA 0:00",
        ),
    ],
)
def test_format_progress(snapshot: CrackProgress, expected: str) -> None:
    assert format_progress(snapshot, width=10) == expected


def test_progress_properties() -> None:
    snapshot = CrackProgress(tried=500, bytes_done=100, bytes_total=400, elapsed=2.0)
    assert snapshot.rate == 250.0
    assert snapshot.eta == 6.0
    assert snapshot.fraction == 0.25
    assert CrackProgress(0, 0, 0, 0.0).fraction == 1.0
