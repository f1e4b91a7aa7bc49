"""``probe --emit-pytest``: the exported suite, run with pytest in a subprocess against real
backends (uvicorn on 127.0.0.1, or in-process through ``--app`` and TestClient).

The correct backend passes everything; each seeded hole fails exactly the tests of its
check; a hole known at export time is an xfail that turns into a failing XPASS(strict)
once the hole is fixed. The generated file passes ruff and holds neither the secret nor
a token.

The backends judge on the wall clock (``time.time``), not a fixed one: the exported
suite mints its tokens at test time, as it will in the user's CI, so the server must
judge them at that same time. Nothing here depends on the clock's value (tokens live
15 minutes, the expired one ended an hour ago).
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from servers.probe_backends import BACKENDS
from servers.replay_clock import serve_backend
from servers.route_backends import item_hole

from jwtscope.cli import main

SECRET = "emit-backend-secret-0123456789abcdef0123"
CREATE = '{"title": "written by the probe"}'
TESTS_DIR = str(Path(__file__).resolve().parents[1])
_RESULT = re.compile(r"^(PASSED|FAILED|XFAIL|XPASS|SKIPPED|ERROR) (\S+)", re.M)

#: The one-URL suite's functions that each seeded hole must fail (and only those).
_TOKEN_TESTS = [
    "refuses_no_header",
    "refuses_malformed",
    "refuses_expired",
    "refuses_tampered",
    *(f"refuses_alg_none[{c}]" for c in ("none", "None", "NONE", "nOnE")),
    "refuses_wrong_key",
    "refuses_blank_signature",
]
_ALG_NONE = {f"test_get_todos_refuses_alg_none[{c}]" for c in ("none", "None", "NONE", "nOnE")}
EXPECTED_FAILURES = {
    "correct": set(),
    "no_auth_on_list": {f"test_get_todos_{t}" for t in _TOKEN_TESTS}
    | {"test_get_todos_hides_other_users_items"},
    "no_owner_on_write": {
        "test_put_todos_id_refuses_other_user",
        "test_delete_todos_id_refuses_other_user",
    },
    "signature_skipped": {f"test_get_todos_{t}" for t in _TOKEN_TESTS[2:]},
    "exp_ignored": {"test_get_todos_refuses_expired"},
    "alg_none_accepted": _ALG_NONE,
}


def _probe(folder: Path, base: str, *extra: str, path: str = "/todos") -> Path:
    """``jwtscope probe … --emit-pytest`` in ``folder`` (its ``.env`` holds the secret)."""
    out = folder / "test_auth_suite.py"
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        argv = ["probe", base + path, "--allow-writes", "--create", CREATE, *extra]
        main([*argv, "--emit-pytest", str(out)])
    finally:
        os.chdir(cwd)
    return out


@contextlib.contextmanager
def _served(*names: str, apps: dict[str, Any] | None = None) -> Iterator[dict[str, str]]:
    """Each backend of :data:`BACKENDS` (or ``item_hole``) served at once: name → base URL
    (and name → app into ``apps``, when given)."""
    factories: dict[str, Any] = {**BACKENDS, "item_hole": item_hole}
    built = {n: factories[n](SECRET, time.time) for n in names}
    if apps is not None:
        apps.update(built)
    with contextlib.ExitStack() as stack:
        yield {n: stack.enter_context(serve_backend(app)) for n, app in built.items()}


def _run(suite: Path, runs: dict[str, dict[str, str]]) -> dict[str, tuple[int, str]]:
    """Run the suite once per entry of ``runs`` (extra environment), concurrently."""
    started = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pytest",
                "-rA",
                "--tb=short",
                "-p",
                "no:cacheprovider",
                str(suite),
            ],
            cwd=suite.parent,
            env={
                **os.environ,
                "PYTHONPATH": TESTS_DIR,
                "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
                **extra,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name, extra in runs.items()
    }
    outputs = {name: p.communicate(timeout=120)[0] for name, p in started.items()}
    return {name: (started[name].returncode, output) for name, output in outputs.items()}


def _outcomes(output: str, kind: str) -> set[str]:
    """The test names pytest's ``-rA`` summary gives ``kind`` (skips name no test)."""
    found = (m.group(2) for m in _RESULT.finditer(output) if m.group(1) == kind)
    return {name.split("::", 1)[1] for name in found if "::" in name}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project folder whose ``.env`` holds the secret (the suite finds it there too)."""
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET}\n")
    return tmp_path


def _ruff(suite: Path) -> None:
    for args in (["check", "--isolated"], ["format", "--isolated", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args, str(suite)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_suite_passes_on_the_correct_backend_and_each_hole_fails_only_its_tests(folder):
    now = int(time.time())  # token A is given: the suite mints A with its other claims
    token_a = jwt.encode({"sub": "user-a", "role": "member", "iat": now, "exp": now + 3600}, SECRET)
    with _served(*EXPECTED_FAILURES) as bases:
        suite = _probe(folder, bases["correct"], "-H", f"Authorization: Bearer {token_a}")
        _ruff(suite)
        text = suite.read_text()
        assert SECRET not in text and "eyJ" not in text
        assert '"claims_a": {\n        "role": "member",' in text
        assert "def test_delete_todos_id_refuses_other_user(api: Api) -> None:" in text
        assert "jwtscope probe http://127.0.0.1:" in text and "--emit-pytest" in text
        results = _run(suite, {n: {"JWTSCOPE_BASE_URL": b} for n, b in bases.items()})
    for name, expected in EXPECTED_FAILURES.items():
        code, output = results[name]
        assert _outcomes(output, "FAILED") == expected, (name, output[-3000:])
        assert len(_outcomes(output, "PASSED")) == 16 - len(expected), (name, output[-3000:])
        assert code == (1 if expected else 0), output[-2000:]


def test_every_discovered_route_gets_its_tests_with_ids_the_tests_create(folder):
    """The route probe's suite: ids created (and deleted) by the tests themselves."""
    apps: dict[str, Any] = {}
    with _served("item_hole", "correct", apps=apps) as bases:
        holed = _probe(folder, bases["item_hole"], "--all-routes")
        text = holed.read_text()
        assert '"todo_id",\n                "created",' in text
        assert "def test_delete_todos_todo_id_refuses_tampered(api: Api) -> None:" in text
        _ruff(holed)
        fixed, holed_run = bases["correct"], bases["item_hole"]
        results = _run(
            holed,
            {"holed": {"JWTSCOPE_BASE_URL": holed_run}, "fixed": {"JWTSCOPE_BASE_URL": fixed}},
        )
    item = {f"test_get_todos_todo_id_{t}" for t in _TOKEN_TESTS}
    code, output = results["holed"]
    assert code == 0 and _outcomes(output, "XFAIL") == item, output[-3000:]
    assert "SKIPPED [1]" in output and "public (no security declared)" in output
    assert sorted(apps["item_hole"].state.store) == [1, 2]  # what the tests created is gone
    created = [p for m, p in apps["item_hole"].state.seen if m == "POST"]
    assert len(created) > 10, created  # each test that needs an id made its own
    code, output = results["fixed"]
    assert code == 1 and _outcomes(output, "FAILED") == item, output[-3000:]


def test_in_process_a_known_hole_is_xfail_and_its_fix_fails_the_run_saying_regenerate(folder):
    """``--app``: TestClient, no server; the hole the probe found is a strict xfail."""
    with _served("exp_ignored") as bases:
        suite = _probe(folder, bases["exp_ignored"], "--app", "servers.emit_apps:app")
    text = suite.read_text()
    assert 'APP = "servers.emit_apps:app"' in text and text.count("@pytest.mark.xfail(") == 1
    _ruff(suite)
    runs = {
        state: {
            "EMIT_BACKEND": backend,
            "EMIT_SECRET": SECRET,
            "JWTSCOPE_BASE_URL": "http://127.0.0.1:9",  # never used: the app is in-process
        }
        for state, backend in (("holed", "exp_ignored"), ("fixed", "correct"))
    }
    results = _run(suite, runs)
    code, output = results["holed"]
    assert code == 0, output[-3000:]
    assert _outcomes(output, "XFAIL") == {"test_get_todos_refuses_expired"}, output[-3000:]
    assert len(_outcomes(output, "PASSED")) == 15 and "Expired tokens are accepted" in output
    code, output = results["fixed"]
    assert code == 1, output[-3000:]
    assert _outcomes(output, "FAILED") == {"test_get_todos_refuses_expired"}, output[-3000:]
    assert "[XPASS(strict)] known hole" in output and "regenerate this file" in output
    assert len(_outcomes(output, "PASSED")) == 15


def test_tokens_the_secret_cannot_mint_come_from_the_environment_and_are_never_written(
    tmp_path: Path,
):
    """No secret known to jwtscope: A's and B's tokens are given; the suite reads them from
    JWTSCOPE_TOKEN_A/B, and skips what needs them, saying so, while they are missing."""
    now = int(time.time())
    token_a = jwt.encode({"sub": "user-a", "iat": now, "exp": now + 3600}, SECRET, "HS256")
    token_b = jwt.encode({"sub": "user-b", "iat": now, "exp": now + 3600}, SECRET, "HS256")
    with _served("correct") as bases:
        suite = _probe(
            tmp_path,
            bases["correct"],
            "-H",
            f"Authorization: Bearer {token_a}",
            "--token-b",
            token_b,
        )
        text = suite.read_text()
        assert token_a.split(".")[2] not in text and token_b.split(".")[2] not in text
        assert SECRET not in text and "MINT = None" in text
        assert "-H '<redacted>' --token-b '<redacted>'" in text
        base = {"JWTSCOPE_BASE_URL": bases["correct"]}
        results = _run(
            suite,
            {
                "missing": base,
                "given": {**base, "JWTSCOPE_TOKEN_A": token_a, "JWTSCOPE_TOKEN_B": token_b},
            },
        )
    code, output = results["missing"]
    assert code == 0, output[-3000:]
    assert _outcomes(output, "PASSED") == {
        "test_get_todos_refuses_no_header",
        "test_get_todos_refuses_malformed",
    }
    assert "user A's token is missing: set JWTSCOPE_TOKEN_A" in output
    code, output = results["given"]
    assert code == 0 and not _outcomes(output, "FAILED"), output[-3000:]
    assert len(_outcomes(output, "PASSED")) == 15  # the expired token needs the secret
    assert "the probe skipped it: no token given, and no secret" in output or (
        "the probe skipped it" in output
    ), output[-3000:]


def test_bad_emit_options_are_one_line_errors(capsys):
    assert main(["probe", "http://127.0.0.1:9/todos", "--app", "app.main:app"]) == 2
    assert "--app goes with --emit-pytest" in capsys.readouterr().err
    assert main(["probe", "http://127.0.0.1:9/todos", "--emit-pytest", "x.py", "--app", "app"]) == 2
    assert "is not MODULE:ATTR" in capsys.readouterr().err
    assert (
        main(["probe", "http://127.0.0.1:9/todos", "--emit-pytest", "/nonexistent/dir/x.py"]) == 2
    )
    assert "does not exist" in capsys.readouterr().err


def test_report_exports_the_probe_it_ran_and_refuses_without_one(folder, capsys):
    with _served("no_owner_on_write") as bases:
        out, suite = folder / "review.md", folder / "test_from_report.py"
        cwd = Path.cwd()
        os.chdir(folder)
        try:
            argv = ["report", bases["no_owner_on_write"] + "/todos", "--probe", "--out", str(out)]
            argv += ["--allow-writes", "--create", CREATE, "--emit-pytest", str(suite)]
            assert main(argv) == 1  # the review has a critical finding
            assert main(["report", bases["no_owner_on_write"], "--emit-pytest", "x.py"]) == 2
        finally:
            os.chdir(cwd)
    assert "--emit-pytest exports the probe" in capsys.readouterr().err
    text = suite.read_text()
    assert out.is_file() and SECRET not in text and "jwtscope report http://127.0.0.1:" in text
    blocks = [b for b in text.split("\n\n\n") if b.startswith("@pytest.mark.xfail(")]
    marked = [re.findall(r"^def (\w+)", b, re.M)[0] for b in blocks]
    assert marked == [
        "test_put_todos_id_refuses_other_user",
        "test_delete_todos_id_refuses_other_user",
    ]
