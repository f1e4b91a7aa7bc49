"""``jwtscope replay`` with Better Auth options end to end: ``--auth-url`` (and its one-line
error without an origin), ``--jwks URL`` for key rotation; and joserfc's allow-list (when
joserfc is installed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from net.replay_betterauth_cases import BA_URL, iat, jwks, text
from servers import replay_backends_betterauth as ba
from servers.harness import serve
from servers.jwks_server import create_app as jwks_app
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.cli import main
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.replay_run import run_replay


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_auth_url_names_the_hidden_header(capsys: pytest.CaptureFixture[str]) -> None:
    clock = FixedClock(1_796_228_171)
    api = ba.jwks_api(jwks("plugin_default"), clock, audience=BA_URL, issuer=BA_URL)
    auth = ba.auth_server(text("plugin_default", "set_auth_jwt.txt"), clock, expose=False)
    with serve_backend(api) as base, serve_backend(auth) as auth_base:
        code, out, _ = run(
            capsys,
            "replay",
            base + "/todos",
            "--token",
            "null",
            "--origin",
            ba.FRONTEND,
            "--auth-url",
            auth_base + "/api/auth/get-session",
            "--json",
        )
    data = json.loads(out)
    assert code == 1
    assert [c["code"] for c in data["causes"]] == ["CAUSE-JWT-NOT-EXPOSED"]
    assert "auth-cors" in [r["key"] for r in data["requests"]]


def test_auth_url_without_an_origin_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "replay",
        "http://127.0.0.1:9/todos",
        "--token",
        "null",
        "--auth-url",
        "http://127.0.0.1:9/api/auth/get-session",
    )
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "--origin" in lines[0] and "Traceback" not in err


def test_jwks_url_separates_a_stale_backend(capsys: pytest.CaptureFixture[str]) -> None:
    token = text("rotated", "token_kid_b.jwt")
    api = ba.jwks_api(jwks("rotated"), FixedClock(0), audience=BA_URL, issuer=BA_URL)
    with serve(jwks_app(jwks("rotated", "jwks_both.json"))) as live, serve_backend(api) as base:
        code, out, _ = run(
            capsys,
            "replay",
            base + "/todos",
            "--token",
            token,
            "--jwks",
            live + "/api/auth/jwks",
            "--json",
        )
    data = json.loads(out)
    assert code == 1, out
    # replay judges at the wall clock: this 15-minute token (2026-12-02) expired long ago,
    # a fault behind the kid the backend refuses first.
    assert [c["code"] for c in data["causes"]] == ["CAUSE-JWKS-STALE", "CAUSE-EXPIRED"]
    assert token not in out


def test_joserfc_default_allow_list_refuses_eddsa() -> None:
    pytest.importorskip("joserfc")
    from servers.replay_backends_joserfc import joserfc_api

    token = text("plugin_default", "token.jwt")
    clock = FixedClock(iat(token) + 60)
    with serve_backend(joserfc_api(jwks("plugin_default"), clock)) as base:
        outcome = run_replay(
            build_request(base + "/todos", token=token),
            env=Environment(()),
            keys=KeySet(),
            clock=clock,
            timeout=5,
        )
    assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-VERIFIER-NO-EDDSA"]
    assert "not recommended" in outcome.diagnosis.causes[0].evidence[0].line


NEW_CAUSES = (
    "CAUSE-SESSION-CACHE",
    "CAUSE-JWT-NOT-EXPOSED",
    "CAUSE-VERIFIER-NO-EDDSA",
    "CAUSE-KID-RETIRED",
    "CAUSE-JWKS-STALE",
    "CAUSE-JWKS-UNREACHABLE",
    "CAUSE-BA-SECRET-ROTATED",
)


def test_the_new_causes_are_in_codes_and_f1(capsys: pytest.CaptureFixture[str]) -> None:
    from jwtscope.tui.screens.help import help_markdown

    code, out, _ = run(capsys, "codes", "--json")
    listed = {entry["code"] for entry in json.loads(out)}
    help_text = help_markdown()
    findings = (Path(__file__).resolve().parents[2] / "jwtscope" / "FINDINGS.md").read_text()
    assert code == 0
    for name in NEW_CAUSES:
        assert name in listed
        assert f"`{name}`" in help_text and f"`{name}`" in findings
