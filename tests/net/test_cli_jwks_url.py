"""`inspect --jwks URL` against a real loopback server."""

from __future__ import annotations

import json

import pytest
from servers.harness import free_port_refused
from testdata import BA_IAT

from jwtscope.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("path", ["/api/auth/jwks", "/.well-known/openid-configuration"])
def test_jwks_url_verifies_the_better_auth_token(capsys, jwks_server, betterauth_token, path):
    code, out, _ = _run(
        capsys,
        "inspect",
        betterauth_token,
        "--jwks",
        jwks_server + path,
        "--at",
        str(BA_IAT + 60),
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["signature"]["status"] == "valid"
    assert data["signature"]["key"].startswith(f"JWKS {jwks_server}/api/auth/jwks, kid TcXl")


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/html", "HTML"), ("/redirect", "redirect"), ("/notfound", "404"), ("/slow", "")],
)
def test_jwks_url_failures_are_one_line(capsys, jwks_server, betterauth_token, path, expected):
    code, out, err = _run(
        capsys, "inspect", betterauth_token, "--jwks", jwks_server + path, "--timeout", "0.3"
    )
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert out == ""
    assert len(lines) == 1 and lines[0].startswith("jwtscope: error: ") and " — fix: " in lines[0]
    assert expected.lower() in lines[0].lower()
    assert "Traceback" not in err


def test_jwks_url_refused(capsys, betterauth_token):
    url = free_port_refused() + "/api/auth/jwks"
    code, _, err = _run(capsys, "inspect", betterauth_token, "--jwks", url)
    assert code == 2
    assert "refused" in err.lower()
