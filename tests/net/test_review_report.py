"""The review report and the probe/report CLI against real backends on 127.0.0.1."""

from __future__ import annotations

import json
import time

import jsonschema
import jwt
import pytest
from servers.probe_backends import BACKENDS, correct
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT, DATA

from jwtscope.cli import main
from jwtscope.core.analysis import analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import Secret
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.probe_run import run_probe
from jwtscope.services.replay_run import run_replay
from jwtscope.services.review_report import build_review, review_markdown

NOW = BA_IAT + 60
SECRET_TEXT = "probe-backend-secret-0123456789abcdef0123"
SECRET = Secret("JWT_SECRET", "./.env", SECRET_TEXT, SECRET_TEXT.encode())
ENV = Environment((EnvSource("./.env", (("JWT_SECRET", SECRET_TEXT),)),))
SNAPSHOT = DATA / "review" / "alg_none_accepted.md"
SCHEMA = json.loads((DATA / "review" / "review.schema.json").read_text())


def _token(now: int, sub: str = "user-a") -> str:
    claims = {"sub": sub, "email": "alice@example.com", "iat": now, "exp": now + 900}
    return jwt.encode(claims, SECRET_TEXT, algorithm="HS256")


def _review_of(backend: str):
    clock = FixedClock(NOW)
    with serve_backend(BACKENDS[backend](SECRET_TEXT, clock)) as base:
        request = build_request(base + "/todos", token=_token(NOW))
        report = analyze(request.token, now=NOW, env=ENV)
        outcome = run_replay(request, env=ENV, keys=report.keys, clock=clock, timeout=5)
        probe = run_probe(
            request,
            report=report,
            secret=SECRET,
            create_body=b'{"title": "t"}',
            allow_writes=True,
            clock=clock,
            min_interval=0,
            timeout=5,
        )
        review = build_review(
            date=NOW,
            system=base + "/todos",
            report=report,
            diagnosis=outcome.diagnosis,
            probe=probe,
        )
    return review, base


def test_markdown_report_of_a_broken_backend_matches_the_snapshot():
    review, base = _review_of("alg_none_accepted")
    text = review_markdown(review).replace(base, "http://127.0.0.1:PORT")
    if not SNAPSHOT.exists():  # first run writes the snapshot; review it before committing
        SNAPSHOT.write_text(text)
    assert text == SNAPSHOT.read_text(), "update tests/data/review/ if the change is intended"
    assert "### Critical (" in text and "P6-alg-none" in text
    assert "- [ ] All critical issues resolved" in text
    assert "alice@example.com" not in text and "a***@example.com" in text
    signature = _token(NOW).split(".")[2]
    assert signature not in text and SECRET_TEXT not in text


def test_json_report_follows_its_schema_and_says_the_same():
    review, _ = _review_of("alg_none_accepted")
    data = review.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert [f["code"] for f in data["findings"]["critical"]] == ["P6-alg-none"]
    assert data["summary"]["tests"]["FAIL"] == 1
    assert {"item": "All tests passing", "done": False} in data["checklist"]


def test_correct_backend_review_signs_off():
    review, _ = _review_of("correct")
    data = review.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert data["summary"]["counts"]["critical"] == 0
    assert {"item": "All tests passing", "done": True} in data["checklist"]


# ---------------------------------------------------------------- CLI (real clock)


@pytest.fixture(scope="module")
def live_backend():
    with serve_backend(correct(SECRET_TEXT, time.time)) as base:
        yield base


@pytest.fixture(autouse=True)
def _env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET_TEXT}\n")


def test_probe_cli_json(capsys, live_backend):
    code = main(
        [
            "probe",
            live_backend + "/todos",
            "--token",
            _token(int(time.time())),
            "--allow-writes",
            "--create",
            '{"title": "cli"}',
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["passed"] is True
    assert {t["id"] for t in data["tests"]} >= {"P1-valid", "P6-alg-none", "P8-cross-read"}


def test_report_cli_writes_markdown(capsys, live_backend, tmp_path):
    out = tmp_path / "review.md"
    code = main(
        [
            "report",
            live_backend + "/todos",
            "--token",
            _token(int(time.time())),
            "--probe",
            "--out",
            str(out),
        ]
    )
    text = out.read_text()
    assert code == 0
    assert text.startswith("# JWT authentication review — ")
    assert "## Test results" in text and "## Sign-off" in text
    assert SECRET_TEXT not in text


def test_report_without_anything_is_exit_2(capsys):
    assert main(["report"]) == 2
    assert "nothing to review" in capsys.readouterr().err


def test_report_of_an_unreachable_server_is_exit_3(capsys):
    from servers.harness import free_port_refused

    code = main(["report", free_port_refused() + "/todos", "--token", _token(int(time.time()))])
    assert code == 3
    assert "refused" in capsys.readouterr().err.lower()
