"""The exported module's layout: ruff-clean at line length 88 whatever it embeds (long
findings, routes, bodies, commands), and every wrapped text still says exactly what it
said (strings joined back by Python, the command line joined back by the shell); no
personal value of a token anywhere in it."""

from __future__ import annotations

import ast
import shlex
import subprocess
import sys
from pathlib import Path

import jwt

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.probe.probe_suite import P4, ProbeResult, ProbeStatus, ProbeVerdict
from jwtscope.core.probe.route_plan import IdOrigin
from jwtscope.core.probe.suite_export import function_name
from jwtscope.core.probe.suite_model import (
    ExportAuth,
    ExportCheck,
    ExportRoute,
    IdSource,
    Mark,
    SuiteExport,
)
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.pytest_emit import render_suite, suite_text

RUFF_RUNS = (
    ["check", "--isolated"],  # ruff's default config
    ["check", "--isolated", "--select", "E,W,F,I", "--line-length", "88"],
    ["format", "--isolated", "--check"],
)
FINDING = (
    'Expired tokens are accepted → the server does not check "exp", so a stolen token'
    " works forever; logging out or rotating the key does not help. Verify exp (PyJWT's"
    " decode, no verify_exp=False) — see https://example.com/"
    + "a-very-long-link-without-any-space-" * 4
    + " and C:\\path\\with\\backslashes, 'quoted' and \"double\"."
)
LONG_PATH = "/api/v1/organizations/{org_id}/projects/{project_id}/members/{member_id}/grants"
BODY = '{"title": "' + "written by the probe, " * 8 + '", "tags": ["a b c"]}'
COMMAND = shlex.join(
    [
        "jwtscope",
        "probe",
        "http://127.0.0.1:8000" + LONG_PATH.replace("{", "").replace("}", ""),
        "--allow-writes",
        "--create",
        BODY,
        "--resource",
        "http://127.0.0.1:8000/" + "x" * 120,
        "--emit-pytest",
        "/tmp/a folder with spaces/" + "deep/" * 20 + "test_auth_suite.py",
    ]
)


def _suite() -> SuiteExport:
    auth = ExportAuth(
        mint=True,
        secret_names=("JWTSCOPE_SECRET", "JWT_SECRET"),
        encoding="utf8",
        alg="HS256",
        kid="k" * 100,
        claims=(("iss", "https://issuer.example.com/" + "tenant/" * 20),),
        sub_a="user-a",
        sub_b="user-b",
        place=("authorization", "Authorization", "Bearer"),
        claims_a=(("scope", "read:todos write:todos " * 6),),
    )
    params = (
        IdSource("org_id", IdOrigin.LISTED, "1"),
        IdSource("project_id", IdOrigin.CREATED),
        IdSource("member_id", IdOrigin.EXAMPLE, "m" * 100),
    )
    routes = (ExportRoute("PUT", LONG_PATH, params, BODY), ExportRoute("GET", "/todos"))
    label = routes[0].label
    hole, skip = Mark("xfail", FINDING), Mark("skip", "the probe skipped it: " + FINDING)
    checks = (
        ExportCheck(function_name("PUT", LONG_PATH, "refuses_expired"), "refuses", label,
                    ("expired",), hole),
        ExportCheck(function_name("PUT", LONG_PATH, "refuses_wrong_key"), "refuses", label,
                    ("wrong_key",), skip),
        ExportCheck(
            function_name("GET", "/todos", "refuses_alg_none"),
            "refuses",
            "GET /todos",
            ("alg_none",),
            None,
            (("none", hole), ("None", None), ("NONE", skip), ("nOnE", None)),
        ),
    )  # fmt: skip
    return SuiteExport("http://127.0.0.1:8000/" + "b" * 90, auth, routes, checks, BODY)


def _reasons(tree: ast.Module) -> list[str]:
    return [
        ast.literal_eval(k.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "reason"
    ]


def _shell_words(docstring: str) -> list[str]:
    """The command of the docstring, as the shell splits it (continuations joined)."""
    lines = docstring.split("\n")
    start = lines.index("") + 3  # after the title, a blank line, "Made by…", a blank line
    end = lines.index("", start)
    script = "\n".join(lines[start:end])
    done = subprocess.run(
        ["bash", "-c", f"printf '%s\\0' {script}"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\0")[:-1]


def test_long_texts_are_wrapped_within_88_columns_and_still_say_the_same(tmp_path: Path):
    suite = _suite()
    text = render_suite(suite, version="0.1", command=COMMAND, made_at="2026-12-03 06:00 UTC")
    target = tmp_path / "test_long_suite.py"
    target.write_text(text)
    for args in RUFF_RUNS:
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args, str(target)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert max(len(line) for line in text.splitlines()) <= 88
    tree = ast.parse(text)
    assert sorted(_reasons(tree)) == sorted(
        [m.reason for c in suite.checks for m in (c.mark, *(v for _, v in c.variants)) if m]
    )  # every wrapped reason, joined back, is the finding's text
    routes = next(
        ast.literal_eval(n.value)
        for n in tree.body
        if isinstance(n, ast.AnnAssign) and ast.unparse(n.target) == "ROUTES"
    )
    assert list(routes) == [r.label for r in suite.routes]
    assert routes[suite.routes[0].label]["path"] == LONG_PATH
    assert routes[suite.routes[0].label]["params"][2] == ["member_id", "known", "m" * 100]
    docstring = ast.get_docstring(tree, clean=False) or ""
    assert _shell_words(docstring) == shlex.split(COMMAND)  # the command runs as given
    names = [f.name for f in tree.body if isinstance(f, ast.FunctionDef)]
    names = [n for n in names if n.startswith("test_")]
    assert names[0].startswith("test_put_") and names[0].endswith("_grants_refuses_expired")
    assert len(set(names)) == 3 and all(len(n) <= 78 for n in names)


def test_a_personal_value_quoted_by_a_finding_or_the_command_is_not_written():
    """Token A's e-mail and name (and a sub that is an e-mail), echoed back by the server
    into a finding's text or typed in the command, never reach the file."""
    now = 1_800_000_000
    email, name = "ada@analytical.example", "Ada Lovelace"
    token = jwt.encode({"sub": email, "name": name, "role": "admin", "exp": now + 60}, "k" * 32)
    said = f"Expired tokens are accepted (the server answered: welcome back {name} <{email}>)."
    verdict = ProbeVerdict(P4, ProbeStatus.FAIL, P4.expected, (), said)
    request = build_request("http://127.0.0.1:8000/todos", token=token)
    text = suite_text(
        ProbeResult((verdict,)),
        request,
        env=Environment(),
        keys=KeySet(),
        now=now,
        command=f"jwtscope probe http://127.0.0.1:8000/todos --resource-id {email}",
        clean=lambda t: t,
    )
    assert email not in text and name not in text and "Lovelace" not in text
    assert "welcome back <personal claim> <<personal claim>>" in " ".join(text.split())
    assert 'MINT_SUB_A = os.environ.get("JWTSCOPE_SUB_A", "user-a")' in text
    assert "set JWTSCOPE_SUB_A to the real one" in " ".join(text.split())
