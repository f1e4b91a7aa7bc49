"""Held-out replay cases against REAL auth libraries at their defaults
(:mod:`servers.real_library_backends`, :mod:`servers.real_library_backends_fastapi`).

The expected causes were written BEFORE jwtscope was run on any of them, from the fault
each token carries (ground truth), ranked as DESIGN.md "Diagnosis causes" ranks them; the
libraries' bodies were looked at with plain HTTP requests only. An expectation changed
after a run says why in ``why`` ("changed: …").

Each case is one request to ``GET /todos`` of one backend. Tokens are minted relative to
``now``, the wall-clock second the case runs (the libraries read the wall clock);
jwtscope's clock is fixed at ``now + local_offset`` (a negative offset: the user's and
the issuer's clock run behind the server's). The project's ``.env`` holds the backend's
secret under the name its docs use, so jwtscope can bisect as it would for its user.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
from servers.real_library_backends import (
    AUDIENCE,
    DJANGO_SECRET,
    FLASK_SECRET,
    ISSUER,
    drf_simplejwt,
    flask_jwt,
)
from servers.real_library_backends_fastapi import ALICE_ID, USERS_SECRET, fastapi_users_api
from servers.replay_clock import FixedClock

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

__all__ = ["BACKENDS", "CASES", "MISSES", "RealCase", "run_real_case"]

#: A token, minted at ``now``.
Mint = Callable[[int], str]
OTHER_SECRET = "frontend-side-secret-that-differs-3e1f5a7c9b2d4f6a8c0e-1a2b3c4d5e6f7081"


@dataclass(frozen=True)
class RealCase:
    """One request to one real-library backend and the causes it should get."""

    backend: str
    token: Mint | None
    expected: list[str]
    why: str
    #: The ``Authorization`` value; ``{t}`` is the token. None: ``Bearer {t}``.
    header: str | None = None
    #: The token sent as this cookie instead of a header.
    cookie: str | None = None
    #: The user's clock minus the server's, in seconds.
    local_offset: int = 0
    #: ``--audience`` / ``--issuer`` given to jwtscope.
    options: dict[str, Any] = field(default_factory=dict)


def _env(name: str, secret: str) -> Environment:
    return Environment((EnvSource("./.env", ((name, secret),)),))


#: backend name -> (app factory, the project's .env)
BACKENDS: dict[str, tuple[Callable[[], Any], Environment]] = {
    "flask": (flask_jwt, _env("JWT_SECRET_KEY", FLASK_SECRET)),
    "flask-aud": (
        lambda: flask_jwt(JWT_DECODE_AUDIENCE=AUDIENCE, JWT_DECODE_ISSUER=ISSUER),
        _env("JWT_SECRET_KEY", FLASK_SECRET),
    ),
    "flask-cookie": (
        lambda: flask_jwt(JWT_TOKEN_LOCATION=["cookies"]),
        _env("JWT_SECRET_KEY", FLASK_SECRET),
    ),
    "drf": (drf_simplejwt, _env("SECRET_KEY", DJANGO_SECRET)),
    "users": (fastapi_users_api, _env("JWT_SECRET", USERS_SECRET)),
}


def _fl(alg: str = "HS256", secret: str = FLASK_SECRET, **over: Any) -> Mint:
    """flask-jwt-extended's own access token shape (``create_access_token``)."""

    def mint(n: int) -> str:
        claims = {"fresh": False, "iat": n, "jti": "3f0c", "type": "access", "sub": "alice"}
        claims |= {"nbf": n, "exp": n + 900}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, alg)

    return mint


def _dj(alg: str = "HS256", secret: str = DJANGO_SECRET, **over: Any) -> Mint:
    """simplejwt's own ``AccessToken`` shape, with the project's aud and iss."""

    def mint(n: int) -> str:
        claims = {"token_type": "access", "exp": n + 300, "iat": n, "jti": "9a1b2c"}
        claims |= {"user_id": 1, "aud": AUDIENCE, "iss": ISSUER}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, alg)

    return mint


def _us(alg: str = "HS256", secret: str = USERS_SECRET, **over: Any) -> Mint:
    """fastapi-users' ``JWTStrategy.write_token`` shape."""

    def mint(n: int) -> str:
        claims: dict[str, Any] = {"sub": str(ALICE_ID), "aud": ["fastapi-users:auth"]}
        claims |= {"exp": n + 3600}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, alg)

    return mint


def _ago(s: int) -> Callable[[int], int]:
    return lambda n: n - s


def _ahead(s: int) -> Callable[[int], int]:
    return lambda n: n + s


C = RealCase
CASES: dict[str, RealCase] = {
    # --- flask-jwt-extended 4.7 (401 {"msg"} for missing/expired, 422 {"msg"} otherwise)
    "flask-ok": C("flask", _fl(), ["CAUSE-OK"], "a token as create_access_token makes it"),
    "flask-expired": C(
        "flask",
        _fl(iat=_ago(3600), nbf=_ago(3600), exp=_ago(2700)),
        ["CAUSE-EXPIRED"],
        "exp 45 min past",
    ),
    "flask-wrong-secret": C(
        "flask",
        _fl(secret=OTHER_SECRET),
        ["CAUSE-WRONG-SECRET"],
        "signed by an issuer with another secret; 422",
    ),
    "flask-hs512": C(
        "flask",
        _fl("HS512"),
        ["CAUSE-ALG-MISMATCH"],
        "right secret, HS512; the server decodes HS256 only; 422",
    ),
    "flask-hs384": C(
        "flask",
        _fl("HS384"),
        ["CAUSE-ALG-MISMATCH"],
        "right secret, HS384; the server decodes HS256 only; 422",
    ),
    "flask-no-sub": C(
        "flask",
        _fl(sub=None),
        ["CAUSE-CLAIM-REQUIRED"],
        "no identity claim: 422 'Missing claim: sub'",
    ),
    "flask-int-sub": C(
        "flask",
        _fl(sub=42),
        ["CAUSE-SUB-TYPE"],
        "numeric sub: PyJWT 2.10 'Subject must be a string'; 422",
    ),
    "flask-issuer-ahead": C(
        "flask",
        _fl(iat=_ahead(600), nbf=_ahead(600), exp=_ahead(1500)),
        ["CAUSE-CLOCK-SKEW"],
        "iat/nbf 10 min in the future at both clocks",
    ),
    "flask-clock-skew": C(
        "flask",
        _fl(iat=_ago(600), nbf=_ago(600), exp=_ago(300)),
        ["CAUSE-CLOCK-SKEW"],
        "user's/issuer's clock 10 min behind the server: exp ahead locally, past on the server",
        local_offset=-600,
    ),
    "flask-junk": C(
        "flask", None, ["CAUSE-JUNK-TOKEN"], "Bearer undefined", header="Bearer undefined"
    ),
    "flask-bearer-bearer": C(
        "flask", _fl(), ["CAUSE-SCHEME"], "doubled Bearer prefix", header="Bearer Bearer {t}"
    ),
    "flask-token-scheme": C(
        "flask", _fl(), ["CAUSE-SCHEME"], "'Token' scheme, server wants Bearer", header="Token {t}"
    ),
    "flask-no-header": C("flask", None, ["CAUSE-HEADER-NOT-RECEIVED"], "no Authorization at all"),
    "flask-aud-missing": C(
        "flask-aud",
        _fl(iss=ISSUER),
        ["CAUSE-AUDIENCE"],
        "server requires aud 'todo-api'; token has none",
    ),
    "flask-aud-wrong": C(
        "flask-aud", _fl(iss=ISSUER, aud="billing-api"), ["CAUSE-AUDIENCE"], "aud of another API"
    ),
    "flask-iss-wrong": C(
        "flask-aud",
        _fl(iss="https://login.other.com", aud=AUDIENCE),
        ["CAUSE-ISSUER"],
        "iss of another issuer",
    ),
    "flask-cookie-location": C(
        "flask-cookie",
        _fl(),
        ["CAUSE-HEADER-NOT-RECEIVED"],
        "server reads the access_token_cookie; token sent as header",
    ),
    # --- djangorestframework-simplejwt 5.5 (401; most faults say only "Token is invalid")
    "drf-ok": C("drf", _dj(), ["CAUSE-OK"], "simplejwt AccessToken shape + aud/iss"),
    "drf-expired": C(
        "drf", _dj(iat=_ago(3600), exp=_ago(3300)), ["CAUSE-EXPIRED"], "'Token is expired'"
    ),
    "drf-wrong-secret": C(
        "drf",
        _dj(secret=OTHER_SECRET),
        ["CAUSE-WRONG-SECRET"],
        "another SECRET_KEY signed it; 'Token is invalid'",
    ),
    "drf-hs512": C("drf", _dj("HS512"), ["CAUSE-ALG-MISMATCH"], "HS512 vs HS256"),
    "drf-aud-missing": C(
        "drf",
        _dj(aud=None),
        ["CAUSE-UNKNOWN"],
        "AUDIENCE set, token has none. Changed from CAUSE-AUDIENCE after the first run: "
        "simplejwt says 'Token is invalid' to a wrong key, iss and aud alike, and jwtscope "
        "knows neither the server's aud nor its iss: no request it can sign decides, so "
        "CAUSE-UNKNOWN naming the hypotheses and the deciding requests is the right answer",
    ),
    "drf-iss-wrong": C(
        "drf",
        _dj(iss="https://login.other.com"),
        ["CAUSE-UNKNOWN"],
        "ISSUER set, token from another. Changed from CAUSE-ISSUER after the first run, "
        "for the reason of drf-aud-missing",
    ),
    "drf-no-token-type": C(
        "drf", _dj(token_type=None), ["CAUSE-CLAIM-REQUIRED"], "'Token has no type'"
    ),
    "drf-no-user-id": C(
        "drf",
        _dj(user_id=None, sub="1"),
        ["CAUSE-CLAIM-REQUIRED"],
        "'Token contained no recognizable user identification' (sub, no user_id)",
    ),
    "drf-bearer-bearer": C(
        "drf", _dj(), ["CAUSE-SCHEME"], "doubled Bearer", header="Bearer Bearer {t}"
    ),
    "drf-jwt-scheme": C(
        "drf", _dj(), ["CAUSE-SCHEME"], "'JWT' scheme of djangorestframework-jwt", header="JWT {t}"
    ),
    "drf-no-header": C("drf", None, ["CAUSE-HEADER-NOT-RECEIVED"], "no Authorization"),
    "drf-expired-wrong-iss": C(
        "drf",
        _dj(iat=_ago(3600), exp=_ago(3300), iss="https://login.other.com"),
        ["CAUSE-EXPIRED", "CAUSE-ISSUER"],
        "expired (the token shows it) and iss wrong (a fresh token "
        "still refused, one with the server's iss accepted)",
    ),
    # --- fastapi-users 15 (every refusal: 401 {"detail": "Unauthorized"}, as with no token)
    "users-ok": C("users", _us(), ["CAUSE-OK"], "JWTStrategy.write_token shape"),
    "users-expired": C("users", _us(exp=_ago(600)), ["CAUSE-EXPIRED"], "exp past"),
    "users-wrong-secret": C(
        "users", _us(secret=OTHER_SECRET), ["CAUSE-WRONG-SECRET"], "another secret"
    ),
    "users-no-aud": C(
        "users",
        _us(aud=None),
        ["CAUSE-AUDIENCE"],
        "no aud; fastapi-users requires 'fastapi-users:auth'",
    ),
    "users-hs512": C("users", _us("HS512"), ["CAUSE-ALG-MISMATCH"], "HS512 vs HS256"),
    "users-no-header": C("users", None, ["CAUSE-HEADER-NOT-RECEIVED"], "no Authorization"),
}


#: Cases jwtscope still gets wrong (strict xfail), and why.
MISSES: dict[str, str] = {
    "drf-expired-wrong-iss": "the iss fault behind the expiry cannot be separated from a "
    "key mismatch ('Token is invalid' to both); jwtscope lists only CAUSE-EXPIRED where "
    "'then: unknown (iss or key)' would be complete",
    "users-no-aud": "fastapi-users answers 'Unauthorized' to everything; a token WITHOUT aud "
    "leaves 'the server requires an aud' open, which jwtscope does not count against its "
    "CAUSE-WRONG-SECRET (medium) guess (it would make every aud-less token undecidable)",
}


def run_real_case(case: RealCase, base: str, now: int | None = None) -> ReplayOutcome:
    """Replay ``case`` against its backend, served at ``base``."""
    now = int(time.time()) if now is None else now
    token = case.token(now) if case.token else None
    url = base + "/todos"
    if case.cookie and token:
        request = build_request(url, cookies=[(case.cookie, token)])
    elif case.header:
        request = build_request(url, headers=[("Authorization", case.header.format(t=token))])
    else:
        request = build_request(url, token=token)
    env = BACKENDS[case.backend][1]
    clock = FixedClock(now + case.local_offset)
    return run_replay(request, env=env, keys=KeySet(), clock=clock, timeout=5, **case.options)
