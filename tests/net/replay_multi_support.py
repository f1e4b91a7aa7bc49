"""What the multi-fault replay cases share: the case record, the tokens' claims and
environments, the generated key sets, and serving + replaying one case at a fixed clock.

How the expectations of the cases (:mod:`net.replay_multi_fastapi`,
:mod:`net.replay_multi_stacks`) were derived, before the tool was run: the faults a
request meets, in the order a verifier meets them (transport → token → key → signature →
required claims → time → iss → aud → sub → application; a refused CORS preflight after
the server's own faults, as ``jwtscope.core.diagnosis.causes`` ranks it). A fault behind
the first is expected when some request jwtscope could send would show it (a token
minted with the ``.env`` secret with any of its claims changed, or the same token sent
where and how the server reads it), or when the token itself shows it (an ``exp`` past at
both clocks). A fault no request could show (behind a wrong secret, or behind a key
jwtscope cannot sign with) is not expected.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from jwt.algorithms import OKPAlgorithm, RSAAlgorithm
from net.replay_support import ENV, NOW, SECRET
from servers.node_multi_server import serve_node_multi
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

__all__ = [
    "AHEAD",
    "API",
    "ENV_API",
    "EXPIRED",
    "ISSUER_SECRET",
    "NEAR_EXPIRY",
    "ROTATED_JWKS",
    "RSA_JWKS",
    "MultiCase",
    "node",
    "ranked",
    "run_case",
    "serve_case",
]

API = "https://api.example.com"
#: A project whose auth server is API: the expected ``iss`` and ``aud`` of the analysis.
ENV_API = Environment(
    (EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET), ("BETTER_AUTH_URL", API))),)
)
#: The secret the token's issuer really signs with (the frontend's, not the .env's).
ISSUER_SECRET = "frontend-env-local-secret-9f3c1a7e5b2d4c6a8e0f"
EXPIRED = {"iat": NOW - 3600, "exp": NOW - 2700}
#: A 15-minute token issued 11 minutes ago: valid locally, expired on a clock 5 min ahead.
NEAR_EXPIRY = {"iat": NOW - 660, "exp": NOW + 240}
#: From an issuer whose clock runs 10 minutes ahead.
AHEAD = {"iat": NOW + 600, "nbf": NOW + 600, "exp": NOW + 1500}


def _jwk(public: Any, algorithm: Any, **extra: str) -> dict[str, Any]:
    return {**json.loads(algorithm.to_jwk(public)), **extra}


ROTATED_JWKS = {
    "keys": [_jwk(Ed25519PrivateKey.generate().public_key(), OKPAlgorithm, kid="k-2026-12")]
}
RSA_JWKS = {
    "keys": [
        _jwk(
            generate_private_key(65537, 2048).public_key(),
            RSAAlgorithm,
            kid="rsa-1",
            alg="RS256",
            use="sig",
        )
    ]
}


def ranked(codes: str) -> list[str]:
    """``"EXPIRED AUDIENCE"`` -> ``["CAUSE-EXPIRED", "CAUSE-AUDIENCE"]``."""
    return [f"CAUSE-{code}" for code in codes.split()]


@dataclass(frozen=True)
class MultiCase:
    """One backend and how it is replayed.

    Args:
        stack: ``FastAPI``, ``FastAPI+python-jose``, ``Starlette``, ``Express``, ``node:http``.
        surface: what a refusal looks like.
        faults: the backend's faults, in words.
        backend: an ASGI app factory taking the clock, or a Node config (``multi.mjs``).
        token: the token the failing request carries.
        expected: the full ranked list of cause codes.
        env: the environment jwtscope reads.
        send: ``bearer`` (``Authorization: Bearer``) or ``token-scheme`` (``Token …``).
        origin: the browser origin (the CORS preflight is sent when set).
    """

    stack: str
    surface: str
    faults: str
    backend: Callable[[FixedClock], Any] | dict[str, Any]
    token: Callable[[], str]
    expected: list[str]
    env: Environment = ENV
    send: str = "bearer"
    origin: str | None = None


def node(**config: Any) -> dict[str, Any]:
    """A configuration of ``tests/servers/node_jose/multi.mjs``."""
    return config


def serve_case(case: MultiCase, clock: FixedClock) -> Any:
    """A context manager serving the case's backend; yields its base URL."""
    if isinstance(case.backend, dict):
        return serve_node_multi(now=NOW, **case.backend)
    return serve_backend(case.backend(clock))


def run_case(case: MultiCase, base: str) -> ReplayOutcome:
    """Replay the case's failing ``GET /todos`` against ``base`` at the fixed clock."""
    token = case.token()
    url = base + "/todos"
    if case.send == "token-scheme":
        request = build_request(url, token=token, headers=[("Authorization", f"Token {token}")])
    else:
        request = build_request(url, token=token)
    return run_replay(
        request,
        env=case.env,
        keys=KeySet(),
        origin=case.origin,
        clock=FixedClock(NOW),
        timeout=5,
    )
