"""Tests for the hand-over to hashcat: real tokens cracked by the real hashcat (mode
16500) on the CPU (PoCL). Skipped only where hashcat is not installed; `.ci/run`
installs Debian's hashcat and pocl-opencl-icd."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from test_hashcat_command import KEY, token_for, wordlist

from jwtscope.errors import JwtscopeError
from jwtscope.local.crack_progress import CrackProgress
from jwtscope.local.hashcat_command import HashcatAttack
from jwtscope.local.hashcat_run import HashcatRefused, find_hashcat, run_hashcat

ROOT = Path(__file__).resolve().parents[1]
HASHCAT = find_hashcat()

pytestmark = pytest.mark.skipif(HASHCAT is None, reason="hashcat is not installed")


@pytest.fixture(scope="session")
def warm_kernels(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build hashcat's HS256 kernels (dictionary and mask) once, before the tests.

    PoCL compiles each kernel on first use (minutes on a small CPU) and caches it; a
    file lock shared by the pytest-xdist workers lets only one of them compile, the
    others then find the cache warm. Returns the seconds this warm-up took.
    """
    lock_path = tmp_path_factory.getbasetemp().parent / "jwtscope-hashcat-warmup.lock"
    folder = tmp_path_factory.mktemp("warm")
    begin = time.perf_counter()
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        words = wordlist(folder / "w.txt", "x", KEY)
        assert run_hashcat(token_for(KEY), HashcatAttack(wordlist=words)).key == KEY.encode()
        assert run_hashcat(token_for("ab1"), HashcatAttack(mask="ab?d")).key == b"ab1"
    return time.perf_counter() - begin


@pytest.fixture
def temp_root(tmp_path: Path, warm_kernels: float) -> Iterator[Path]:
    """Where run_hashcat makes its private directory; it must be empty afterwards."""
    root = tmp_path / "tmp"
    root.mkdir()
    yield root
    assert list(root.iterdir()) == []


def test_key_found(tmp_path: Path, temp_root: Path) -> None:
    words = wordlist(tmp_path / "words.txt", *(f"word{i}" for i in range(500)), KEY, "after")
    seen: list[CrackProgress] = []

    result = run_hashcat(
        token_for(KEY), HashcatAttack(wordlist=words), progress=seen.append, temp_root=temp_root
    )

    assert result.key == KEY.encode()
    assert not result.interrupted
    assert seen and seen[-1].bytes_total == 502
    assert result.tried == seen[-1].tried > 0


def test_key_not_in_list(tmp_path: Path, temp_root: Path) -> None:
    words = wordlist(tmp_path / "words.txt", *(f"word{i}" for i in range(300)))

    result = run_hashcat(token_for(KEY), HashcatAttack(wordlist=words), temp_root=temp_root)

    assert (result.key, result.tried, result.interrupted) == (None, 300, False)


def test_rules_file_is_applied(tmp_path: Path, temp_root: Path) -> None:
    words = wordlist(tmp_path / "words.txt", "summer", "winter")
    rules = tmp_path / "years.rule"
    rules.write_text(":\n$2 $0 $2 $4\nc $!\n")

    result = run_hashcat(
        token_for("Winter!"), HashcatAttack(wordlist=words, rules=rules), temp_root=temp_root
    )

    assert result.key == b"Winter!"
    assert result.tried <= 6


def test_mask(temp_root: Path) -> None:
    result = run_hashcat(token_for("key42x"), HashcatAttack(mask="key?d?d?l"), temp_root=temp_root)
    assert result.key == b"key42x"


def test_key_that_is_not_printable_comes_back_as_bytes(tmp_path: Path, temp_root: Path) -> None:
    key = "caf\u00e9:k\u00e9y"  # UTF-8 and a colon: hashcat writes it as $HEX[...]
    words = wordlist(tmp_path / "words.txt", "cafe", key)
    result = run_hashcat(token_for(key), HashcatAttack(wordlist=words), temp_root=temp_root)
    assert result.key == key.encode()


def test_temp_files_are_private_and_removed(tmp_path: Path, temp_root: Path) -> None:
    modes: dict[str, int] = {}

    def look() -> None:
        (folder,) = temp_root.iterdir()
        modes["dir"] = folder.stat().st_mode & 0o777
        for file in folder.iterdir():
            modes[file.name] = file.stat().st_mode & 0o777

    words = wordlist(tmp_path / "words.txt", KEY)
    run_hashcat(token_for(KEY), HashcatAttack(wordlist=words), started=look, temp_root=temp_root)

    assert modes == {"dir": 0o700, "jwt.hash": 0o600, "found.txt": 0o600, "data": 0o700}
    # (and the temp_root fixture checks that nothing is left behind)


def test_hashcat_leaves_nothing_in_its_data_folder(
    tmp_path: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its session files and dictionary cache go with the private directory: runs at once
    share no file, and none is left in ~/.local/share/hashcat afterwards."""
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    words = wordlist(tmp_path / "words.txt", "x", KEY)

    assert run_hashcat(token_for(KEY), HashcatAttack(wordlist=words), temp_root=temp_root).key
    assert not data_home.exists()


def test_hashcat_error_is_one_line_without_the_token(temp_root: Path) -> None:
    token = token_for(KEY)
    with pytest.raises(JwtscopeError) as caught:
        run_hashcat(token, HashcatAttack(mask="?z?z"), temp_root=temp_root)  # no charset ?z
    message = caught.value.one_line()
    assert "exit code 255" in message
    assert "\n" not in message
    assert token.split(".")[2][:16] not in message


def test_a_12_kb_payload_is_refused_before_hashcat_runs(tmp_path: Path, temp_root: Path) -> None:
    token = token_for(KEY, padding=12_000)
    words = wordlist(tmp_path / "words.txt", KEY)
    with pytest.raises(HashcatRefused, match="at most 2047 characters"):
        run_hashcat(token, HashcatAttack(wordlist=words), temp_root=temp_root)


def test_hashcat_itself_refuses_a_12_kb_payload(tmp_path: Path) -> None:
    # The limit jwtscope checks is hashcat's own: past it, hashcat loads no hash.
    (tmp_path / "jwt.hash").write_text(token_for(KEY, padding=12_000) + "\n")
    words = wordlist(tmp_path / "words.txt", KEY)
    assert HASHCAT is not None
    run = subprocess.run(
        [HASHCAT, "-m", "16500", "-a", "0", "jwt.hash", str(words), *PRIVATE, tmp_path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 255
    assert "Token length exception" in run.stdout + run.stderr


def crack_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jwtscope", "crack", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )


def test_cli_reports_like_the_builtin_search(tmp_path: Path, warm_kernels: float) -> None:
    words = wordlist(tmp_path / "words.txt", "a", "b", KEY)

    found = crack_cli(token_for(KEY), "--hashcat", "-w", str(words))
    missing = crack_cli(token_for("absent"), "--hashcat", "-w", str(words), "--json")

    assert found.returncode == 0
    assert found.stdout.startswith("Key found after ")
    assert found.stdout.rstrip().endswith(f": {KEY}")
    assert missing.returncode == 1
    report = json.loads(missing.stdout)
    assert (report["found"], report["tried"], report["engine"]) == (False, 3, "hashcat")


def test_cli_falls_back_to_the_builtin_search_for_a_12_kb_payload(tmp_path: Path) -> None:
    words = wordlist(tmp_path / "words.txt", "a", KEY)

    run = crack_cli(token_for(KEY, padding=12_000), "--hashcat", "-w", str(words), "--json")

    assert run.returncode == 0
    assert json.loads(run.stdout)["engine"] == "built-in"
    assert json.loads(run.stdout)["key"] == KEY
    assert "at most 2047 characters" in run.stderr
    assert "built-in search runs" in run.stderr


def test_ctrl_c_stops_hashcat_and_removes_the_temp_dir(tmp_path: Path, warm_kernels: float) -> None:
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from jwtscope.local.hashcat_command import HashcatAttack\n"
        "from jwtscope.local.hashcat_run import run_hashcat\n"
        "ticks = []\n"
        "def tick(p):\n"
        "    ticks.append(p)\n"
        "    if len(ticks) == 1:\n"
        "        print('running', flush=True)\n"
        "r = run_hashcat(sys.argv[1], HashcatAttack(mask='?a?a?a?a?a?a?a?a?a'), progress=tick,\n"
        "                temp_root=Path(sys.argv[2]))\n"
        "print(f'interrupted={r.interrupted} key={r.key!r}', flush=True)\n"
    )
    # A session of its own stands in for a terminal's foreground process group: Ctrl-C
    # sends SIGINT to it; hashcat runs in another session and gets it from jwtscope.
    process = subprocess.Popen(
        [sys.executable, "-c", script, token_for("not-a-9-char-key"), str(temp_root)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    with _reaped(process, temp_root):
        assert _line_within(process.stdout, 240) == "running\n"
        assert len(list(temp_root.iterdir())) == 1  # the private directory, while it runs
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)

        assert out == "interrupted=True key=None\n"
        assert err == ""
        assert process.returncode == 0
        assert list(temp_root.iterdir()) == []
        assert not _processes_naming(temp_root)


#: hashcat writes no potfile, log or restore file, in a session of the test's own.
PRIVATE = ["--potfile-disable", "--logfile-disable", "--restore-disable", "--session"]

CRACK = [sys.executable, "-m", "jwtscope", "crack"]


def _line_within(stream: IO[str], seconds: float) -> str:
    """The next line, or a failure (never a hang) when none comes within ``seconds``."""
    ready, _, _ = select.select([stream], [], [], seconds)
    if not ready:
        pytest.fail(f"no line from the search within {seconds:.0f} s")
    return stream.readline()


@contextlib.contextmanager
def _reaped(process: subprocess.Popen[str], temp_root: Path) -> Iterator[None]:
    """Whatever happens in the test, nothing it started is left running."""
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        for pid in _processes_naming(temp_root):  # hashcat runs in a session of its own
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=30)


def _processes_naming(path: Path) -> list[int]:
    """Running processes whose command line contains ``path`` (hashcat's does)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if str(path).encode() in cmdline:
                found.append(int(entry.name))
    return found


def test_ctrl_c_on_the_cli_stops_hashcat(tmp_path: Path, warm_kernels: float) -> None:
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    process = subprocess.Popen(
        [*CRACK, token_for("not-a-9-char-key"), "--mask", "?a?a?a?a?a?a?a?a?a"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp_root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # stands in for the terminal's foreground process group
    )
    assert process.stderr is not None
    with _reaped(process, temp_root):
        assert "is running (Ctrl-C stops it)" in _line_within(process.stderr, 240)
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)

        assert process.returncode == 130
        assert out == ""
        assert err.startswith("Stopped after ")
        assert "key not found" in err
        assert list(temp_root.iterdir()) == []
        assert not _processes_naming(temp_root)


def test_hashcat_dies_with_a_killed_jwtscope(tmp_path: Path, warm_kernels: float) -> None:
    """SIGKILL gives jwtscope no chance to stop hashcat, which runs in a session of its
    own: hashcat still ends, at its next status line into the pipe nobody reads."""
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    process = subprocess.Popen(
        [*CRACK, token_for("not-a-9-char-key"), "--mask", "?a?a?a?a?a?a?a?a?a"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp_root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stderr is not None
    with _reaped(process, temp_root):
        assert "is running (Ctrl-C stops it)" in _line_within(process.stderr, 240)
        hashcat = _processes_naming(temp_root)
        assert hashcat
        handles = [os.pidfd_open(pid) for pid in hashcat]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        try:
            for handle in handles:  # readable once the process has exited
                ready, _, _ = select.select([handle], [], [], 30)
                assert ready, "hashcat outlived jwtscope"
        finally:
            for handle in handles:
                os.close(handle)
        assert not _processes_naming(temp_root)


def test_two_searches_at_once(tmp_path: Path, temp_root: Path) -> None:
    # hashcat refuses a second run of the same session name; each run has its own.
    words = wordlist(tmp_path / "words.txt", "a", KEY, "b")
    results: list[bytes | None] = []

    def search() -> None:
        run = run_hashcat(token_for(KEY), HashcatAttack(wordlist=words), temp_root=temp_root)
        results.append(run.key)

    threads = [threading.Thread(target=search) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [KEY.encode(), KEY.encode()]
