"""The second held-out batch of real-library replay cases (joserfc, PyJWT's PyJWKClient,
fault combinations, cookies), written after the fixes of the first batch and BEFORE
jwtscope was run on any of them. Importing this module adds its backends to
:data:`net.real_library_cases.BACKENDS`.
"""

from __future__ import annotations

import json
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from jwt.algorithms import RSAAlgorithm
from net.real_library_cases import (
    BACKENDS,
    OTHER_SECRET,
    C,
    Mint,
    RealCase,
    _ago,
    _ahead,
    _dj,
    _env,
    _fl,
    _us,
)
from servers.real_library_backends import AUDIENCE, FLASK_SECRET, ISSUER
from servers.real_library_backends_fastapi import JOSERFC_SECRET, joserfc_api, pyjwk_api

__all__ = ["BATCH2"]

_RSA = generate_private_key(65537, 2048)
_PUBLIC: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(_RSA.public_key()))
JWKS = {"keys": [{**_PUBLIC, "kid": "k1", "alg": "RS256", "use": "sig"}]}

BACKENDS["joserfc"] = (
    lambda: joserfc_api(iss=ISSUER, aud=AUDIENCE),
    _env("JWT_SECRET", JOSERFC_SECRET),
)
BACKENDS["pyjwk"] = (lambda: pyjwk_api(JWKS, aud=AUDIENCE), _env("JWT_SECRET", FLASK_SECRET))


def _jo(alg: str = "HS256", secret: str = JOSERFC_SECRET, **over: Any) -> Mint:
    def mint(n: int) -> str:
        claims: dict[str, Any] = {"sub": "alice", "iss": ISSUER, "aud": AUDIENCE}
        claims |= {"iat": n, "exp": n + 900}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, alg)

    return mint


def _rs(kid: str | None = "k1", **over: Any) -> Mint:
    def mint(n: int) -> str:
        claims: dict[str, Any] = {"sub": "alice", "aud": AUDIENCE, "iat": n, "exp": n + 900}
        claims |= {k: (v(n) if callable(v) else v) for k, v in over.items()}
        headers = {"kid": kid} if kid else None
        return jwt.encode(claims, _RSA, "RS256", headers=headers)

    return mint


BATCH2: dict[str, RealCase] = {
    # --- joserfc 1.8: decode + JWTClaimsRegistry(iss, aud, sub essential), text as 401
    "jose-ok": C("joserfc", _jo(), ["CAUSE-OK"], "all claims as registered"),
    "jose-expired": C(
        "joserfc",
        _jo(iat=_ago(3600), exp=_ago(2700)),
        ["CAUSE-EXPIRED"],
        "'expired_token: The token is expired'",
    ),
    "jose-wrong-secret": C(
        "joserfc", _jo(secret=OTHER_SECRET), ["CAUSE-WRONG-SECRET"], "'bad_signature: '"
    ),
    "jose-hs512": C(
        "joserfc",
        _jo("HS512"),
        ["CAUSE-ALG-MISMATCH"],
        "'unsupported_algorithm: Algorithm of 'HS512' is not allowed'",
    ),
    "jose-iss-wrong": C(
        "joserfc",
        _jo(iss="https://login.other.com"),
        ["CAUSE-ISSUER"],
        "\"invalid_claim: Invalid claim: 'iss'\"",
    ),
    "jose-aud-missing": C(
        "joserfc", _jo(aud=None), ["CAUSE-AUDIENCE"], "\"missing_claim: Missing claim: 'aud'\""
    ),
    "jose-no-sub": C(
        "joserfc",
        _jo(sub=None),
        ["CAUSE-CLAIM-REQUIRED"],
        "\"missing_claim: Missing claim: 'sub'\"",
    ),
    "jose-issuer-ahead": C(
        "joserfc",
        _jo(iat=_ahead(600), nbf=_ahead(600), exp=_ahead(1500)),
        ["CAUSE-CLOCK-SKEW"],
        "nbf 10 min ahead at both clocks",
    ),
    "jose-bearer-null": C(
        "joserfc", None, ["CAUSE-JUNK-TOKEN"], "Bearer null", header="Bearer null"
    ),
    # --- PyJWKClient against the server's own JWKS, RS256, audience
    "jwk-ok": C("pyjwk", _rs(), ["CAUSE-OK"], "kid k1 in the JWKS"),
    "jwk-kid-unknown": C(
        "pyjwk",
        _rs("k-2025-old"),
        ["CAUSE-KID-UNKNOWN"],
        "'Unable to find a signing key that matches: \"k-2025-old\"'",
    ),
    "jwk-expired": C(
        "pyjwk", _rs(iat=_ago(3600), exp=_ago(2700)), ["CAUSE-EXPIRED"], "'Signature has expired'"
    ),
    "jwk-aud-wrong": C(
        "pyjwk", _rs(aud="billing-api"), ["CAUSE-AUDIENCE"], "'Audience doesn't match'"
    ),
    "jwk-hs256-token": C(
        "pyjwk", _fl(), ["CAUSE-ALG-MISMATCH"], "an HS256 token (no kid) to an RS256/JWKS backend"
    ),
    # --- combinations and where the token travels
    "flask-wrong-secret-expired": C(
        "flask",
        _fl(secret=OTHER_SECRET, iat=_ago(3600), nbf=_ago(3600), exp=_ago(2700)),
        ["CAUSE-WRONG-SECRET", "CAUSE-EXPIRED"],
        "signature first (422), the token shows exp past",
    ),
    "flask-expired-aud-wrong": C(
        "flask-aud",
        _fl(iss=ISSUER, aud="billing-api", iat=_ago(3600), nbf=_ago(3600), exp=_ago(2700)),
        ["CAUSE-EXPIRED", "CAUSE-AUDIENCE"],
        "exp first; a fresh token says 'Invalid audience'",
    ),
    "users-unknown-user": C(
        "users",
        _us(sub="0b4e7a52-9d3c-4f1e-8a6b-5c2d1e0f9a87"),
        ["CAUSE-UNKNOWN"],
        "valid token for a user the server lacks; 'Unauthorized' to "
        "everything: no request separates it from a key mismatch",
    ),
    "drf-token-in-cookie": C(
        "drf",
        _dj(),
        ["CAUSE-HEADER-NOT-RECEIVED"],
        "token sent as a cookie; simplejwt reads the header",
        cookie="access",
    ),
    "flask-cookie-ok": C(
        "flask-cookie",
        _fl(),
        ["CAUSE-OK"],
        "the cookie flask-jwt-extended reads",
        cookie="access_token_cookie",
    ),
}
