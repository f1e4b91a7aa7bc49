"""No terminal, and files that are not files: one clean error line, exit 2, at once.

``jwtscope tui T </dev/null`` and bare ``jwtscope`` without a terminal must not start the
app (it would hang and write escape codes); every option that names a file must refuse
``/dev/zero``, ``/dev/urandom``, a FIFO nobody writes to and a folder without reading
them whole or blocking. Each case runs the real program in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = jwt.encode({"sub": "u", "iat": 1_750_000_000}, "x" * 32, algorithm="HS256")
TIMEOUT = 20
ESC = "\x1b"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("SECRET", "_URL", "PROXY"))}
    env.update(PYTHONPATH=str(ROOT), TERM="xterm-256color", NO_COLOR="1")
    return env


def _run_all(cases: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run every argument list at once (each with stdin from /dev/null), wait for all."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "jwtscope", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            env=_env(),
        )
        for args in cases
    ]
    done = []
    try:
        for args, proc in zip(cases, procs, strict=True):
            out, err = proc.communicate(timeout=TIMEOUT)
            done.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return done


def _assert_one_clean_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.args, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("jwtscope: error: ")]
    assert len(errors) == 1, (result.args, result.stderr)
    assert "Traceback" not in result.stderr
    assert ESC not in result.stderr + result.stdout
    assert result.stdout == ""


def test_the_app_without_a_terminal_says_so_and_exits_2(tmp_path: Path) -> None:
    results = _run_all([["tui", TOKEN], [], ["tui"]], tmp_path)
    for result in results:
        _assert_one_clean_line(result)
        assert "the app needs a terminal" in result.stderr
        assert "fix: run it in a terminal, or use jwtscope inspect TOKEN" in result.stderr


def test_the_demo_without_a_terminal_still_prints_its_analysis(tmp_path: Path) -> None:
    (result,) = _run_all([["demo"]], tmp_path)
    assert result.returncode in (0, 1)
    assert "Demo: a token from a ticket" in result.stdout
    assert ESC not in result.stdout + result.stderr


@pytest.fixture
def hostile_paths(tmp_path: Path) -> list[str]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    return ["/dev/zero", "/dev/urandom", str(fifo), str(folder)]


def test_file_options_refuse_devices_fifos_and_folders(
    tmp_path: Path, hostile_paths: list[str]
) -> None:
    base = ["--no-dotenv"]
    cases = []
    for path in hostile_paths:
        cases += [
            ["inspect", *base, "--key", path, TOKEN],
            ["inspect", *base, "--jwks", path, TOKEN],
            ["inspect", *base, "--env-file", path, TOKEN],
            ["inspect", *base, "--file", path],
            ["replay", *base, "--curl-file", path],
            ["crack", TOKEN, "--wordlist", path],
        ]
    for result in _run_all(cases, tmp_path):
        _assert_one_clean_line(result)


def test_the_readers_the_app_uses_refuse_them_too(hostile_paths: list[str]) -> None:
    """The keys dialog reads key files with `read_key_file`, `.env` files with `read_env_file`."""
    from jwtscope.errors import EnvFileError, KeyLoadError
    from jwtscope.local.dotenv_reader import read_env_file
    from jwtscope.services.inputs import read_key_file

    for path in hostile_paths:
        with pytest.raises(KeyLoadError):
            read_key_file(path)
        with pytest.raises(EnvFileError):
            read_env_file(Path(path), path, ("JWT_SECRET",))
