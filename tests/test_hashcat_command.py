"""Tests of what jwtscope says to and reads from hashcat, and of `crack`'s options
around it, that need no hashcat: limits, status lines, potfiles, the remote recipe,
the fallback when hashcat is not installed."""

from __future__ import annotations

import base64
import hmac
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jwtscope.local.hashcat_command import (
    HashcatAttack,
    command_line,
    decode_plain,
    hashcat_refusal,
    key_in_potfile,
    parse_status,
    remote_recipe,
)

ROOT = Path(__file__).resolve().parents[1]
KEY = "planted-key"


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def token_for(key: str, *, padding: int = 0) -> str:
    """A real HS256 JWT signed with ``key`` (``padding`` characters of extra claim)."""
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {"sub": "user-42", "iat": 1_700_000_000, **({"pad": "x" * padding} if padding else {})}
    body = b64url(json.dumps(claims).encode())
    signing_input = f"{head}.{body}".encode("ascii")
    return f"{head}.{body}.{b64url(hmac.digest(key.encode(), signing_input, 'sha256'))}"


def wordlist(path: Path, *words: str) -> Path:
    path.write_text("".join(f"{word}\n" for word in words))
    return path


#: A status line hashcat 6.2.6 printed (``--status-json``), token shortened by hashcat.
STATUS = (
    '{ "session": "hashcat", "guess": { "guess_base": "words.txt", "guess_base_count": 1, '
    '"guess_mod": null, "guess_mode": 1 }, "status": 3, "target": "eyJhbGciOiJIUzI1NiIsInR5c'
    'CI6IkpXVCJ9.eyJzdWIiOiIxIn...Bpd-eQ", "progress": [1200, 4800], "restore_point": 0, '
    '"recovered_hashes": [0, 1], "recovered_salts": [0, 1], "rejected": 0, "devices": [ { '
    '"device_id": 1, "device_name": "pthread-skylake-avx512-AMD EPYC", "device_type": "CPU", '
    '"speed": 20, "util": -1 } ], "time_start": 1796225465, "estimated_stop": 1796225465 }'
)


def test_status_line_becomes_progress() -> None:
    snapshot = parse_status(STATUS + "\n", elapsed=2.0)
    assert snapshot is not None
    assert (snapshot.tried, snapshot.fraction, snapshot.rate, snapshot.eta) == (
        1200,
        0.25,
        600.0,
        6.0,
    )


@pytest.mark.parametrize("line", ["", "Session..........: hashcat", "{not json", '{"status": 3}'])
def test_other_lines_are_not_progress(line: str) -> None:
    assert parse_status(line, elapsed=1.0) is None


def test_limits_are_hashcats() -> None:
    assert hashcat_refusal(token_for(KEY)) is None
    header, _, signature = token_for(KEY).split(".")
    assert hashcat_refusal(f"{header}.{'A' * 2047}.{signature}") is None
    assert "at most 2047" in (hashcat_refusal(f"{header}.{'A' * 2048}.{signature}") or "")
    assert "12,0" in (hashcat_refusal(token_for(KEY, padding=9_000)) or "")
    assert hashcat_refusal(f"{header}.e30.{signature}=") is not None  # padded signature
    assert hashcat_refusal(f"{header}.e30") is not None


def test_plain_text_and_hex_keys() -> None:
    assert decode_plain("secret") == b"secret"
    assert decode_plain("$HEX[636166c3a93a6b]") == "caf\u00e9:k".encode()
    assert decode_plain("$HEX[zz]") == b"$HEX[zz]"  # not hex: a key that looks like it


def test_potfile_gives_only_this_tokens_key() -> None:
    mine, other = token_for(KEY), token_for("other-key")
    lines = [f"{other}:other-key\n", f"{mine}:{KEY}:with:colons\r\n"]
    assert key_in_potfile(lines, mine) == f"{KEY}:with:colons".encode()
    assert key_in_potfile(lines[:1], mine) is None


def test_command_writes_nothing_outside_the_private_dir(tmp_path: Path) -> None:
    attack = HashcatAttack(mask="?d?d")
    argv = command_line("hashcat", tmp_path / "jwt.hash", tmp_path / "found.txt", attack, "s1")
    assert argv[:6] == ["hashcat", "-m", "16500", "-a", "3", str(tmp_path / "jwt.hash")]
    assert argv[6:9] == ["?d?d", "--session", "s1"]
    for flag in ("--potfile-disable", "--logfile-disable", "--restore-disable", "--status-json"):
        assert flag in argv


def test_recipe_is_runnable_shell(tmp_path: Path) -> None:
    token = token_for(KEY)
    recipe = remote_recipe(token, HashcatAttack(wordlist=Path("rock you.txt"), rules=Path("r")))
    lines = recipe.splitlines()
    assert lines[2] == "hashcat -m 16500 -a 0 jwt.hash 'rock you.txt' -r r"
    # The line that writes the hash file really writes the token, privately.
    subprocess.run(["sh", "-c", "\n".join(lines[:2])], cwd=tmp_path, check=True)
    assert (tmp_path / "jwt.hash").read_text() == token + "\n"
    assert (tmp_path / "jwt.hash").stat().st_mode & 0o777 == 0o600


def crack(*args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "jwtscope", "crack", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def test_without_hashcat_the_builtin_search_runs(tmp_path: Path) -> None:
    words = wordlist(tmp_path / "words.txt", "a", KEY)
    empty = tmp_path / "bin"
    empty.mkdir()

    run = crack(token_for(KEY), "--hashcat", "-w", str(words), "--json", path=str(empty))

    assert run.returncode == 0
    assert json.loads(run.stdout)["engine"] == "built-in"
    assert json.loads(run.stdout)["key"] == KEY
    (note,) = run.stderr.splitlines()
    assert "hashcat is not installed" in note
    assert "pocl-opencl-icd" in note


def test_mask_without_hashcat_is_a_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    run = crack(token_for(KEY), "--mask", "?d?d", path=str(empty))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "--mask needs hashcat" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mask", "?d", "-w", "x"], "--mask replaces the wordlist"),
        (["--rules", "r"], "--rules applies to a wordlist"),
        (["--no-hashcat", "--mask", "?d"], "need hashcat"),
        ([], "no candidates"),
    ],
)
def test_options_that_cannot_work(args: list[str], message: str) -> None:
    run = crack(token_for(KEY), *args)
    assert run.returncode == 2
    assert message in run.stderr


def test_hashcat_cmd_prints_the_token_on_request_only(tmp_path: Path) -> None:
    token = token_for(KEY)
    words = wordlist(tmp_path / "words.txt", KEY)

    run = crack(token, "-w", str(words), "--hashcat-cmd")

    assert run.returncode == 0
    assert token in run.stdout
    assert f"hashcat -m 16500 -a 0 jwt.hash {words}" in run.stdout
    assert token not in run.stderr
    assert "--import-potfile" in run.stderr


def test_import_potfile(tmp_path: Path) -> None:
    mine, other = token_for(KEY), token_for("other-secret")
    potfile = tmp_path / "jwt.pot"
    potfile.write_text(f"{other}:other-secret\n{mine}:{KEY}\n")

    found = crack(mine, "--import-potfile", str(potfile))
    missing = crack(token_for("absent"), "--import-potfile", str(potfile), "--json")

    assert found.returncode == 0
    assert found.stdout == f"Key found in {potfile}: {KEY}\n"
    assert missing.returncode == 1
    assert json.loads(missing.stdout) == {"found": False, "key": None, "source": str(potfile)}
    assert "other-secret" not in found.stdout + found.stderr + missing.stdout + missing.stderr


def test_import_potfile_checks_the_key(tmp_path: Path) -> None:
    potfile = tmp_path / "jwt.pot"
    potfile.write_text(f"{token_for(KEY)}:wrong-key\n")
    run = crack(token_for(KEY), "--import-potfile", str(potfile))
    assert run.returncode == 2
    assert "does not verify it" in run.stderr
    assert "wrong-key" not in run.stderr
