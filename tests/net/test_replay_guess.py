"""``replay --guess-server-secret`` against real local backends: a server on a published
default secret is named (the secret only by number and fingerprint), a server on its own
secret is not ("not in the list"), a server that is not local is refused before any
request, and the request budget (50 in all, one guess at a time, paced) holds."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from net.replay_support import BA, ENV, NOW, SECRET, SUB, cause, codes, hs
from servers.replay_backends_keys import FASTAPI_DOCS_SECRET, hs256_default_secret, rate_limited
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.core.diagnosis.replay_text import replay_to_dict, replay_to_text
from jwtscope.core.keys.default_secrets import MAX_GUESSES, default_secrets
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet, fingerprint
from jwtscope.core.request.replay_request import build_request
from jwtscope.errors import UsageError
from jwtscope.services.replay_run import GUESS_BUDGET, GUESS_INTERVAL, ReplayOutcome, run_replay

ISSUER_SECRET = "the-issuers-own-secret-nobody-published-0123456789"
NO_ENV = Environment(())


def guess(app, token: str, env: Environment = NO_ENV, **kwargs) -> tuple[ReplayOutcome, list]:
    waits: list[float] = []
    with serve_backend(app) as base:
        request = build_request(base + "/todos", token=token)
        outcome = run_replay(
            request,
            env=env,
            keys=KeySet(),
            clock=FixedClock(NOW),
            timeout=5,
            guess_secret=True,
            pause=waits.append,
            **kwargs,
        )
    return outcome, waits


def guesses(outcome: ReplayOutcome) -> list[str]:
    return [ex.purpose for ex in outcome.exchanges if ex.purpose.startswith("guess-")]


def text(outcome: ReplayOutcome) -> str:
    return replay_to_text(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis)


def test_the_list_is_short_data_and_holds_the_documented_defaults():
    values = default_secrets()
    assert 10 <= len(values) <= MAX_GUESSES <= GUESS_BUDGET
    assert {"secret", "changeme", FASTAPI_DOCS_SECRET, "better-auth-secret-123456789"} <= set(
        values
    )


def test_server_on_the_fastapi_docs_secret_is_named_by_number_and_fingerprint():
    clock = FixedClock(NOW)
    outcome, waits = guess(
        hs256_default_secret(FASTAPI_DOCS_SECRET, clock), hs(ISSUER_SECRET), env=ENV
    )
    assert codes(outcome)[0] == "CAUSE-DEFAULT-SECRET"
    found = cause(outcome, "CAUSE-DEFAULT-SECRET")
    assert found.confidence == "high"
    number = default_secrets().index(FASTAPI_DOCS_SECRET) + 1
    sent = guesses(outcome)
    assert sent == [f"guess-{i}" for i in range(1, number + 1)]  # stops at the hit
    assert waits == [GUESS_INTERVAL] * (number - 1)  # one at a time, paced
    shown = text(outcome) + str(
        replay_to_dict(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis, 1)
    )
    assert FASTAPI_DOCS_SECRET not in shown
    assert fingerprint(FASTAPI_DOCS_SECRET.encode(), len(FASTAPI_DOCS_SECRET)) in shown
    assert f"default secret #{number}" in shown
    assert len(outcome.exchanges) <= GUESS_BUDGET


def test_server_on_its_own_secret_nothing_guessed_and_said_plainly():
    clock = FixedClock(NOW)
    outcome, waits = guess(
        hs256_default_secret(ISSUER_SECRET + "-server", clock), hs(ISSUER_SECRET)
    )
    assert "CAUSE-DEFAULT-SECRET" not in codes(outcome)
    sent = guesses(outcome)
    assert len(sent) == len(default_secrets())
    assert len(outcome.exchanges) <= GUESS_BUDGET
    assert len(waits) == len(sent) - 1
    notes = " ".join(outcome.diagnosis.notes)
    assert "not in jwtscope's list" in notes
    assert "not in jwtscope's list" in text(outcome)


def test_a_guess_past_the_signature_then_decides_with_that_secret():
    """The server runs on "secret" and passes no audience=: the right guess is refused
    with another message (Invalid audience), and the variants signed with it decide."""
    clock = FixedClock(NOW)
    token = hs(ISSUER_SECRET, aud=BA)
    outcome, _ = guess(hs256_default_secret("secret", clock), token)
    # the issuer signs with its own secret (the words say so), and 'aud' is refused next
    assert codes(outcome) == ["CAUSE-DEFAULT-SECRET", "CAUSE-WRONG-SECRET", "CAUSE-AUDIENCE"]
    assert cause(outcome, "CAUSE-DEFAULT-SECRET").confidence == "high"
    assert cause(outcome, "CAUSE-AUDIENCE").confidence == "high"
    keys = [ex.purpose for ex in outcome.exchanges]
    assert "fresh-no-aud" in keys and "fresh" in keys  # the deciding requests were sent
    hit = default_secrets().index("secret") + 1
    assert len(guesses(outcome)) <= hit + 2  # the odd answer needs two others to stand out
    assert len(outcome.exchanges) <= GUESS_BUDGET


def test_guessing_is_off_by_default():
    clock = FixedClock(NOW)
    with serve_backend(hs256_default_secret("secret", clock)) as base:
        request = build_request(base + "/todos", token=hs(ISSUER_SECRET))
        outcome = run_replay(request, env=NO_ENV, keys=KeySet(), clock=clock, timeout=5)
    assert not guesses(outcome)
    assert "CAUSE-DEFAULT-SECRET" not in codes(outcome)


@pytest.mark.parametrize("url", ["http://example.com/todos", "https://10.0.0.5:8443/todos"])
def test_a_server_that_is_not_local_is_refused_before_any_request(url: str):
    request = build_request(url, token=hs(ISSUER_SECRET))
    with pytest.raises(UsageError) as info:
        run_replay(request, env=NO_ENV, keys=KeySet(), guess_secret=True, timeout=0.01)
    assert "local server" in info.value.one_line()
    assert "\n" not in info.value.one_line()


def test_cli_refuses_a_remote_target_in_one_line():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "jwtscope",
            "replay",
            "http://example.com/todos",
            "--token",
            hs(ISSUER_SECRET, sub=SUB),
            "--guess-server-secret",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "--guess-server-secret only runs against a local server" in proc.stderr


def test_no_guess_when_the_servers_key_is_already_known():
    """Near miss: a variant signed with the env secret is accepted — the server's key is
    known, so not one default secret is sent."""
    clock = FixedClock(NOW)
    expired = hs(iat=NOW - 3600, exp=NOW - 2700)
    outcome, waits = guess(hs256_default_secret(SECRET, clock), expired, env=ENV)
    assert codes(outcome) == ["CAUSE-EXPIRED"]
    assert not guesses(outcome) and not waits
    assert any("not needed" in note for note in outcome.diagnosis.notes)


def test_cli_names_the_default_secret_and_never_prints_it():
    with serve_backend(hs256_default_secret(FASTAPI_DOCS_SECRET, time.time)) as base:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "jwtscope",
                "replay",
                f"{base}/todos",
                "--token",
                hs(ISSUER_SECRET),
                "--guess-server-secret",
                "--json",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["causes"][0]["code"] == "CAUSE-DEFAULT-SECRET"
    assert any("default secret #" in note for note in data["notes"])
    assert FASTAPI_DOCS_SECRET not in proc.stdout + proc.stderr
    assert sum(r["key"].startswith("guess-") for r in data["requests"]) <= GUESS_BUDGET


def test_a_rate_limited_server_stops_the_guess_and_says_so():
    clock = FixedClock(NOW)
    app = rate_limited(hs256_default_secret(ISSUER_SECRET + "-server", clock), limit=8)
    outcome, _ = guess(app, hs(ISSUER_SECRET))
    assert "CAUSE-DEFAULT-SECRET" not in codes(outcome)
    statuses = [ex.status for ex in outcome.exchanges if ex.purpose.startswith("guess-")]
    assert statuses[-1] == 429 and statuses.count(429) == 1  # stopped at the first 429
    assert any("rate limited (429)" in note for note in outcome.diagnosis.notes)
