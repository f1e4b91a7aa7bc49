"""The third held-out batch: real Node auth libraries at their documented defaults
(express-jwt with its README's error handler, passport-jwt, @fastify/jwt, hono's jwt
middleware), expectations written BEFORE jwtscope was run on any of them (the
libraries' answers were looked at with plain HTTP requests only). Importing this module
adds its backends to :data:`net.real_library_cases.BACKENDS`.

What the libraries answer (checked by hand): express-jwt's README handler says
``invalid token...`` to every fault, a missing header included; passport-jwt says
``Unauthorized`` to everything; @fastify/jwt names each fault (and answers a future
``nbf`` with a 500); hono says ``Unauthorized`` with an RFC 6750 challenge. passport-jwt
and @fastify/jwt accept any HS* algorithm with the secret by default.
"""

from __future__ import annotations

from typing import Any

import jwt
from net.real_library_cases import BACKENDS, OTHER_SECRET, C, Mint, RealCase, _ago, _ahead, _env
from servers.node_real_server import serve_node_real
from servers.real_library_backends import AUDIENCE, ISSUER

__all__ = ["NODE_CASES", "NODE_SECRET"]

NODE_SECRET = "node-api-jwt-secret-0123456789abcdef-fedcba9876543210fedcba98765432"
_ENV = _env("JWT_SECRET", NODE_SECRET)

BACKENDS["express-jwt"] = (lambda: serve_node_real("express-jwt", secret=NODE_SECRET), _ENV)
BACKENDS["passport-jwt"] = (
    lambda: serve_node_real("passport-jwt", secret=NODE_SECRET, audience=AUDIENCE, issuer=ISSUER),
    _ENV,
)
BACKENDS["fastify-jwt"] = (lambda: serve_node_real("fastify-jwt", secret=NODE_SECRET), _ENV)
BACKENDS["hono"] = (lambda: serve_node_real("hono", secret=NODE_SECRET), _ENV)


def _nd(alg: str = "HS256", secret: str = NODE_SECRET, **over: Any) -> Mint:
    """A token as ``jsonwebtoken.sign({sub}, secret, {expiresIn: '15m'})`` makes it."""

    def mint(n: int) -> str:
        claims: dict[str, Any] = {"sub": "alice", "iat": n, "exp": n + 900}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, alg)

    return mint


_AHEAD = {"iat": _ahead(600), "nbf": _ahead(600), "exp": _ahead(1500)}
_EXPIRED = {"iat": _ago(3600), "exp": _ago(2700)}
_PP = {"aud": AUDIENCE, "iss": ISSUER}

NODE_CASES: dict[str, RealCase] = {
    # --- express-jwt 8 + the README's handler: 'invalid token...' to everything
    "ex-ok": C("express-jwt", _nd(), ["CAUSE-OK"], "as jsonwebtoken.sign makes it"),
    "ex-expired": C("express-jwt", _nd(**_EXPIRED), ["CAUSE-EXPIRED"], "exp past"),
    "ex-wrong-secret": C(
        "express-jwt", _nd(secret=OTHER_SECRET), ["CAUSE-WRONG-SECRET"], "another secret"
    ),
    "ex-hs512": C("express-jwt", _nd("HS512"), ["CAUSE-ALG-MISMATCH"], "algorithms: ['HS256']"),
    "ex-no-header": C("express-jwt", None, ["CAUSE-HEADER-NOT-RECEIVED"], "no Authorization"),
    "ex-bearer-bearer": C(
        "express-jwt", _nd(), ["CAUSE-SCHEME"], "doubled Bearer", header="Bearer Bearer {t}"
    ),
    "ex-issuer-ahead": C(
        "express-jwt", _nd(**_AHEAD), ["CAUSE-CLOCK-SKEW"], "iat/nbf 10 min ahead at both clocks"
    ),
    # --- passport-jwt 4 (audience + issuer set): 'Unauthorized' to everything
    "pp-ok": C("passport-jwt", _nd(**_PP), ["CAUSE-OK"], "aud and iss as configured"),
    "pp-expired": C("passport-jwt", _nd(**_PP, **_EXPIRED), ["CAUSE-EXPIRED"], "exp past"),
    "pp-wrong-secret": C(
        "passport-jwt", _nd(secret=OTHER_SECRET, **_PP), ["CAUSE-WRONG-SECRET"], "another secret"
    ),
    "pp-aud-wrong": C(
        "passport-jwt",
        _nd(aud="billing-api", iss=ISSUER),
        ["CAUSE-UNKNOWN"],
        "truth: AUDIENCE; 'Unauthorized' to everything and the expected aud "
        "unknown to jwtscope: no request it can sign separates aud from the "
        "key, so CAUSE-UNKNOWN naming both is the right answer",
    ),
    "pp-hs512": C(
        "passport-jwt",
        _nd("HS512", **_PP),
        ["CAUSE-OK"],
        "jsonwebtoken accepts any HS* with a secret by default",
    ),
    "pp-no-header": C("passport-jwt", None, ["CAUSE-HEADER-NOT-RECEIVED"], "no Authorization"),
    # --- @fastify/jwt 9: named faults
    "fa-expired": C(
        "fastify-jwt", _nd(**_EXPIRED), ["CAUSE-EXPIRED"], "'Authorization token expired'"
    ),
    "fa-wrong-secret": C(
        "fastify-jwt",
        _nd(secret=OTHER_SECRET),
        ["CAUSE-WRONG-SECRET"],
        "'The token signature is invalid.'",
    ),
    "fa-bearer-bearer": C(
        "fastify-jwt",
        _nd(),
        ["CAUSE-SCHEME"],
        "400 'Format is Authorization: Bearer [token]'",
        header="Bearer Bearer {t}",
    ),
    "fa-issuer-ahead": C(
        "fastify-jwt", _nd(**_AHEAD), ["CAUSE-CLOCK-SKEW"], "500 'The token will be active at …'"
    ),
    "fa-token-scheme": C(
        "fastify-jwt",
        _nd(),
        ["CAUSE-SCHEME"],
        "'Token <jwt>': 'No Authorization was found'",
        header="Token {t}",
    ),
    "fa-junk": C(
        "fastify-jwt", None, ["CAUSE-JUNK-TOKEN"], "Bearer undefined", header="Bearer undefined"
    ),
    # --- hono 4 jwt middleware: 'Unauthorized' + an RFC 6750 challenge
    "ho-expired": C("hono", _nd(**_EXPIRED), ["CAUSE-EXPIRED"], "'token verification failure'"),
    "ho-wrong-secret": C(
        "hono", _nd(secret=OTHER_SECRET), ["CAUSE-WRONG-SECRET"], "another secret"
    ),
    "ho-hs512": C("hono", _nd("HS512"), ["CAUSE-ALG-MISMATCH"], "alg: 'HS256'"),
    "ho-bearer-bearer": C(
        "hono",
        _nd(),
        ["CAUSE-SCHEME"],
        "'invalid credentials structure'",
        header="Bearer Bearer {t}",
    ),
    "ho-no-header": C(
        "hono", None, ["CAUSE-HEADER-NOT-RECEIVED"], "'no authorization included in request'"
    ),
    "ho-clock-skew": C(
        "hono",
        _nd(iat=_ago(600), exp=_ago(300)),
        ["CAUSE-CLOCK-SKEW"],
        "user's/issuer's clock 10 min behind the server",
        local_offset=-600,
    ),
}
