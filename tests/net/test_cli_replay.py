"""`jwtscope replay` end to end against a real backend: text, JSON, curl and exit codes."""

from __future__ import annotations

import json
import time

import pytest
from servers.harness import free_port_refused
from servers.replay_backends import hs256_fed_eddsa
from servers.replay_clock import serve_backend
from testdata import BETTERAUTH_EDDSA

from jwtscope.cli import main

TOKEN = (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()
SECRET = (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()


@pytest.fixture(scope="module")
def backend():
    with serve_backend(hs256_fed_eddsa(SECRET, time.time)) as base:
        yield base


@pytest.fixture(autouse=True)
def _env_in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"BETTER_AUTH_SECRET={SECRET}\n")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_url_and_token_text(capsys, backend):
    code, out, _ = run(capsys, "replay", backend + "/todos", "--token", TOKEN)
    assert code == 1
    assert "1. CAUSE-ALG-MISMATCH (high)" in out
    assert 'algorithms=["EdDSA"]' in out
    assert TOKEN not in out and TOKEN.split(".")[2] not in out
    assert SECRET not in out


def test_text_shows_each_further_stage(capsys, backend):
    code, out, _ = run(capsys, "replay", backend + "/todos", "--token", TOKEN)
    assert code == 1
    diagnosis = out[out.index("Diagnosis:") :]
    assert diagnosis.index("1. CAUSE-ALG-MISMATCH (high)") < diagnosis.index("then, once fixed:")
    # The backend runs on real time: the Better Auth token is expired too (a medium cause
    # between the two, from the token alone).
    assert diagnosis.index("then, once fixed:") < diagnosis.index("CAUSE-AUDIENCE (high)")


def test_json_lists_requests_and_causes(capsys, backend):
    code, out, _ = run(capsys, "replay", backend + "/todos", "--token", TOKEN, "--json")
    data = json.loads(out)
    assert code == 1 and data["exit_code"] == 1
    assert data["causes"][0]["code"] == "CAUSE-ALG-MISMATCH"
    assert [r["key"] for r in data["requests"]][:2] == ["original", "no-token"]
    assert all(r["status"] == 401 or r["status"] == 200 for r in data["requests"])
    assert TOKEN.split(".")[2] not in out


def test_curl_text(capsys, backend):
    curl = f"curl '{backend}/todos' -H 'authorization: Bearer {TOKEN}' --compressed"
    code, out, _ = run(capsys, "replay", "--curl", curl, "--only-original")
    assert code == 1
    assert "Requests sent (1)" in out


def test_malformed_curl_is_exit_2(capsys):
    code, _, err = run(capsys, "replay", "--curl", "curl 'http://127.0.0.1:9/todos")
    assert code == 2
    assert err.startswith("jwtscope: error: ") and " — fix: " in err
    assert "Traceback" not in err


def test_refused_is_exit_3(capsys):
    code, _, err = run(capsys, "replay", free_port_refused() + "/todos", "--token", TOKEN)
    assert code == 3
    assert "refused" in err.lower()


def test_nothing_to_replay_is_exit_2(capsys, monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    code, _, err = run(capsys, "replay")
    assert code == 2
    assert "nothing to replay" in err
