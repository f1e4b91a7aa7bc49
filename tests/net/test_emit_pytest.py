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
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
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


@dataclass
class Run:
    """One run of a suite: each test's outcome (``PASSED``, ``FAILED``, ``XFAIL``,
    ``SKIPPED``, ``ERROR``) and every message pytest gave (skip and xfail reasons,
    failures)."""

    outcomes: dict[str, str] = field(default_factory=dict)
    text: str = ""

    @property
    def code(self) -> int:
        """What pytest's exit status would be for this run alone."""
        return 1 if {"FAILED", "ERROR"} & set(self.outcomes.values()) else 0


def _run(suite: Path, runs: dict[str, dict[str, str]]) -> dict[str, Run]:
    """Run a copy of the suite per entry of ``runs`` (its extra environment), all in ONE
    pytest subprocess (:mod:`servers.suite_batch`); outcomes read back from its JUnit XML."""
    folder = suite.parent / "runs"
    batch = {}
    for name, extra in runs.items():
        (folder / name).mkdir(parents=True)
        shutil.copy(suite, folder / name / suite.name)
        batch[str(folder / name)] = extra
    report = folder / "junit.xml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "servers.suite_batch",
            "-p",
            "no:cacheprovider",
            "--import-mode=importlib",
            "--rootdir",
            str(folder),
            f"--junitxml={report}",
            "-q",
            *(str(folder / name / suite.name) for name in runs),
        ],
        cwd=suite.parent,
        env={
            **os.environ,
            "PYTHONPATH": TESTS_DIR,
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "EMIT_BATCH_ENV": json.dumps(batch),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert report.is_file(), done.stdout[-3000:] + done.stderr[-3000:]
    results = {name: Run() for name in runs}
    for case in ET.parse(report).iter("testcase"):
        run = results[str(case.get("classname")).split(".", 1)[0]]
        kind, said = "PASSED", ""
        for child in case:
            tag, kind_of = child.tag, child.get("type", "")
            if tag in ("failure", "error", "skipped"):
                kind = {"failure": "FAILED", "error": "ERROR"}.get(tag, "SKIPPED")
                kind = "XFAIL" if kind_of == "pytest.xfail" else kind
                said = f"{child.get('message', '')}\n{child.text or ''}"
        run.outcomes[str(case.get("name"))] = kind
        run.text += f"{kind} {case.get('name')}: {said}\n"
    worst = max((r.code for r in results.values()), default=0)
    assert done.returncode == worst, done.stdout[-3000:]  # the batch agrees with its runs
    return results


def _outcomes(run: Run, kind: str) -> set[str]:
    """The tests of ``run`` with outcome ``kind``."""
    return {name for name, got in run.outcomes.items() if got == kind}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project folder whose ``.env`` holds the secret (the suite finds it there too)."""
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET}\n")
    return tmp_path


#: ruff's default config; the line length of the issue; the formatter.
RUFF_RUNS = (
    ["check", "--isolated"],
    ["check", "--isolated", "--select", "E,W,F,I", "--line-length", "88"],
    ["format", "--isolated", "--check"],
)


def _ruff(*suites: Path) -> None:
    for args in RUFF_RUNS:
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args, *map(str, suites)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def _unwrapped(text: str) -> str:
    """The docstring's command line as one line (its `` \\`` continuations joined)."""
    return re.sub(r" \\\\\n\s+", " ", text)


def test_the_suite_passes_on_the_correct_backend_and_each_hole_fails_only_its_tests(folder):
    """Token A is given with a role and personal claims: the suite mints A with the role,
    and with stand-ins (never the values) for the e-mail and the name."""
    now = int(time.time())
    claims = {"sub": "user-a", "role": "member", "iat": now, "exp": now + 3600}
    claims |= {"email": "ada.lovelace@analytical.example", "name": "Ada Lovelace"}
    token_a = jwt.encode(claims, SECRET)
    with _served(*EXPECTED_FAILURES) as bases:
        suite = _probe(folder, bases["correct"], "-H", f"Authorization: Bearer {token_a}")
        _ruff(suite)
        text = suite.read_text()
        assert SECRET not in text and "eyJ" not in text
        assert "ada.lovelace" not in text.lower() and "Lovelace" not in text  # no PII
        assert '"claims_a": {\n        "role": "member",' in text
        assert '"email": [\n            "JWTSCOPE_A_EMAIL",' in text  # the name, a stand-in
        assert "def test_delete_todos_id_refuses_other_user(api: Api) -> None:" in text
        assert "jwtscope probe http://127.0.0.1:" in text and "--emit-pytest" in text
        results = _run(suite, {n: {"JWTSCOPE_BASE_URL": b} for n, b in bases.items()})
    for name, expected in EXPECTED_FAILURES.items():
        run = results[name]
        assert _outcomes(run, "FAILED") == expected, (name, run.text[-3000:])
        assert len(_outcomes(run, "PASSED")) == 16 - len(expected), (name, run.text[-3000:])
        assert run.code == (1 if expected else 0), run.text[-2000:]


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
    run = results["holed"]
    assert run.code == 0 and _outcomes(run, "XFAIL") == item, run.text[-3000:]
    assert _outcomes(run, "SKIPPED") and "public (no security declared)" in run.text
    assert sorted(apps["item_hole"].state.store) == [1, 2]  # what the tests created is gone
    created = [p for m, p in apps["item_hole"].state.seen if m == "POST"]
    assert len(created) > 10, created  # each test that needs an id made its own
    run = results["fixed"]
    assert run.code == 1 and _outcomes(run, "FAILED") == item, run.text[-3000:]


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
    run = results["holed"]
    assert run.code == 0, run.text[-3000:]
    assert _outcomes(run, "XFAIL") == {"test_get_todos_refuses_expired"}, run.text[-3000:]
    assert len(_outcomes(run, "PASSED")) == 15 and "Expired tokens are accepted" in run.text
    run = results["fixed"]
    assert run.code == 1, run.text[-3000:]
    assert _outcomes(run, "FAILED") == {"test_get_todos_refuses_expired"}, run.text[-3000:]
    assert "[XPASS(strict)] known hole" in run.text and "regenerate this file" in run.text
    assert len(_outcomes(run, "PASSED")) == 15


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
        assert "-H '<redacted>' --token-b '<redacted>'" in _unwrapped(text)
        base = {"JWTSCOPE_BASE_URL": bases["correct"]}
        results = _run(
            suite,
            {
                "missing": base,
                "given": {**base, "JWTSCOPE_TOKEN_A": token_a, "JWTSCOPE_TOKEN_B": token_b},
            },
        )
    run = results["missing"]
    assert run.code == 0, run.text[-3000:]
    assert _outcomes(run, "PASSED") == {
        "test_get_todos_refuses_no_header",
        "test_get_todos_refuses_malformed",
    }
    assert "user A's token is missing: set JWTSCOPE_TOKEN_A" in run.text
    run = results["given"]
    assert run.code == 0 and not _outcomes(run, "FAILED"), run.text[-3000:]
    assert len(_outcomes(run, "PASSED")) == 15  # the expired token needs the secret
    assert _outcomes(run, "SKIPPED") == {"test_get_todos_refuses_expired"}, run.text[-3000:]
    assert "the probe skipped it" in run.text, run.text[-3000:]


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
