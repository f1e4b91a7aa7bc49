"""What the replay stage tests share: the Better Auth fixtures, minting, and running a
replay against a backend at a fixed clock."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import jwt
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT, BETTERAUTH_EDDSA

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import ReplayRequest, build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

__all__ = [
    "BA",
    "BA_TOKEN",
    "ENV",
    "JWKS",
    "NOW",
    "SECRET",
    "SUB",
    "cause",
    "codes",
    "hs",
    "replay",
    "run_at",
]

NOW = BA_IAT + 60
SUB = "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy"
BA = "http://localhost:3000"
SECRET = (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()
BA_TOKEN = (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()
JWKS: dict[str, Any] = json.loads((BETTERAUTH_EDDSA / "jwks.json").read_text())
ENV = Environment((EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET),)),))


def hs(secret: str = SECRET, **claims: Any) -> str:
    payload = {"sub": SUB, "iat": NOW, "exp": NOW + 900, **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def run_at(base: str, token: str, env: Environment = ENV, **kwargs: Any) -> ReplayOutcome:
    request: ReplayRequest = build_request(base + "/todos", token=token)
    return run_replay(request, env=env, keys=KeySet(), clock=FixedClock(NOW), timeout=5, **kwargs)


def replay(app_factory: Callable[[FixedClock], Any], token: str, **kwargs: Any) -> ReplayOutcome:
    clock = FixedClock(NOW)
    with serve_backend(app_factory(clock)) as base:
        return run_at(base, token, **kwargs)


def codes(outcome: ReplayOutcome) -> list[str]:
    return [c.code for c in outcome.diagnosis.causes]


def cause(outcome: ReplayOutcome, code: str) -> Any:
    return next(c for c in outcome.diagnosis.causes if c.code == code)


def assert_evidenced_and_never_ok_when_failing(outcome: ReplayOutcome, expected: list[str]) -> None:
    """Every cause carries evidence; a case expected to fail is never CAUSE-OK, exit 1."""
    for c in outcome.diagnosis.causes:
        assert c.evidence and all(e.line.strip() for e in c.evidence), c.code
    if expected != ["CAUSE-OK"]:
        assert not outcome.diagnosis.ok and outcome.exit_code == 1
        assert "CAUSE-OK" not in codes(outcome)
