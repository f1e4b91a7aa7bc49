"""Canary leaks: plant a secret, run every CLI command, grep everything it printed.

The secret is planted in the working folder's ``.env``, passed with ``--secret``, written
into a project's code and ``.env``, and echoed back by a careless server
(:mod:`servers.echo_backend`) in its bodies and headers, next to the ``Authorization``
header it received. Nothing jwtscope prints may hold the secret (as typed, base64,
base64url or hex) or the full signature of any token signed with it: the planted token's
and every token jwtscope minted and sent. Two outputs are the user's own request: the
token ``mint`` prints on stdout, and the key ``crack`` found, on its "Key found" line.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from servers.echo_backend import echo_backend
from servers.harness import serve

from jwtscope.cli import main, output
from jwtscope.core.output_guard import OutputGuard

SECRET = "canary-Secret-4f9b2c7e1a8d3f60-7b21c9e5"
NOW = int(time.time())
#: Expired an hour ago: the server refuses it, so replay bisects and mints with SECRET.
TOKEN = jwt.encode(
    {"sub": "user-a", "iat": NOW - 7200, "exp": NOW - 3600, "role": "admin"},
    SECRET,
    algorithm="HS256",
)


def canary_forms() -> set[str]:
    """The secret as typed and in the encodings a leak would take."""
    raw = SECRET.encode()
    return {
        SECRET,
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        binascii.hexlify(raw).decode(),
        binascii.hexlify(raw).decode().upper(),
    }


def signed_with_canary(tokens: list[str]) -> set[str]:
    """The signatures of the tokens in ``tokens`` that verify with the secret."""
    found = set()
    for value in tokens:
        token = value.removeprefix("Bearer ").strip()
        try:
            jwt.decode(
                token,
                SECRET,
                algorithms=["HS256"],
                options={"verify_exp": False, "verify_aud": False},
            )
        except jwt.InvalidTokenError:
            continue
        found.add(token.rsplit(".", 1)[1])
    return found


def assert_no_canary(text: str, received: list[str], *, where: str) -> None:
    for form in canary_forms():
        assert form not in text, f"{where}: the secret ({form}) leaked:\n{text[:2000]}"
    for signature in signed_with_canary([TOKEN, *received]):
        assert signature not in text, f"{where}: a signature ({signature}) leaked:\n{text[:2000]}"


@pytest.fixture(scope="module")
def echo() -> Iterator[tuple[str, list[str]]]:
    received: list[str] = []
    with serve(echo_backend(SECRET, received)) as base:
        yield base + "/todos", received


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder whose ``.env`` holds the secret, with a project to audit."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET}\n")
    project = tmp_path / "project"
    (project / "logs").mkdir(parents=True)
    (project / ".env").write_text(f'JWT_SECRET="{SECRET}"\nBETTER_AUTH_URL=http://localhost\n')
    (project / "main.py").write_text(
        "import jwt\nfrom fastapi import FastAPI\n\napp = FastAPI()\n"
        f'SECRET_KEY = "{SECRET}"\n\n\n'
        "def user(token: str):\n"
        '    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])\n\n\n'
        '@app.get("/todos")\ndef todos():\n    return []\n'
        f'# debug: Authorization: Bearer {TOKEN}\nprint("key", "{SECRET}")\n'
    )
    (project / "logs" / "app.log").write_text(f"GET /todos token={TOKEN} key={SECRET}\n")
    (tmp_path / "wordlist.txt").write_text("password\n123456\n" + SECRET + "\nchangeme\n")
    (tmp_path / "secret.txt").write_text(SECRET + "\n")
    (tmp_path / "broken.env").write_text(f"JWT_SECRET=\"{SECRET}\nOTHER='x\n")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``jwtscope ARGV`` in this process, with a fresh output guard (as a new process has)."""
    output._state["guard"] = OutputGuard()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


INSPECT = [
    ["inspect", TOKEN],
    ["inspect", "--json", TOKEN],
    ["inspect", "-v", "--color", "always", TOKEN],
    ["inspect", "--no-dotenv", "--secret", SECRET, "-v", TOKEN],
    ["inspect", "--no-dotenv", "--secret", SECRET, "--json", f"Authorization: Bearer {TOKEN}"],
    ["inspect", "--no-dotenv", "--env-file", ".env", "--json", TOKEN],
    ["inspect", "--no-dotenv", "--key", "secret.txt", TOKEN],
    ["inspect", "--no-dotenv", "--jwks", "secret.txt", TOKEN],
    ["inspect", "--no-dotenv", "--env-file", "broken.env", TOKEN],
    ["inspect", "--no-dotenv", "--secret", SECRET, "--secret-encoding", "base64", TOKEN],
    ["inspect", "-v", "--file", "secret.txt"],
    ["codes"],
    ["codes", "--json"],
    ["codes", "--markdown"],
    ["audit", "project"],
    ["audit", "--json", "project"],
    ["audit", "--format", "md", "project"],
]


@pytest.mark.parametrize("argv", INSPECT, ids=lambda a: " ".join(a)[:60])
def test_offline_commands_print_no_canary(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _code, out, err = run(capsys, *argv)
    assert "Traceback" not in err
    assert_no_canary(out + err, [], where=" ".join(argv))


NETWORK = [
    ["replay", "{url}", "--token", TOKEN],
    ["replay", "--json", "{url}", "--token", TOKEN],
    ["replay", "--no-dotenv", "--secret", SECRET, "{url}", "--token", TOKEN],
    ["replay", "--curl", "curl '{url}' -H 'Authorization: Bearer " + TOKEN + "'"],
    ["probe", "{url}", "--token", TOKEN],
    ["probe", "--json", "{url}", "--token", TOKEN],
    ["probe", "--no-dotenv", "--secret", SECRET, "{url}", "--token", TOKEN, "--token-b", TOKEN],
    ["report", "{url}", "--token", TOKEN, "--probe", "--audit", "project"],
    ["report", "--json", "{url}", "--token", TOKEN, "--probe", "--audit", "project"],
    ["report", "--no-redact", "{url}", "--token", TOKEN],
]


@pytest.mark.parametrize("argv", NETWORK, ids=lambda a: " ".join(a)[:50])
def test_network_commands_print_no_canary(
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    echo: tuple[str, list[str]],
    argv: list[str],
) -> None:
    url, received = echo
    before = len(received)
    _code, out, err = run(capsys, *(a.replace("{url}", url) for a in argv))
    assert "Traceback" not in err
    assert len(received) > before, "the server was not asked"
    assert_no_canary(out + err, received, where=" ".join(argv))


def test_report_file_holds_no_canary(
    workdir: Path, capsys: pytest.CaptureFixture[str], echo: tuple[str, list[str]]
) -> None:
    url, received = echo
    for name in ("review.md", "review.json"):
        extra = ["--json"] if name.endswith(".json") else []
        run(capsys, "report", *extra, url, "--token", TOKEN, "--probe", "--out", name)
        text = (workdir / name).read_text(encoding="utf-8")
        assert text.strip()
        assert_no_canary(text, received, where=name)


def test_mint_prints_its_token_and_nothing_else_secret(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["mint", "--sub", "u"],
        ["mint", "--json", "--sub", "u"],
        ["mint", "--no-dotenv", "--secret", SECRET, "--sub", "u"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert_no_canary(err, [], where=" ".join(argv))
        for form in canary_forms():
            assert form not in out


def test_crack_shows_the_key_only_on_the_key_found_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "crack", TOKEN, "--wordlist", "wordlist.txt", "--workers", "1")
    assert code == 0, err
    lines = (out + err).splitlines()
    found = [line for line in lines if line.startswith("Key found")]
    assert len(found) == 1 and SECRET in found[0]
    rest = "\n".join(line for line in lines if not line.startswith("Key found"))
    assert_no_canary(rest, [], where="crack")
