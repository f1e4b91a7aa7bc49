"""Which requests a replay sends, and why: a pure plan the network layer executes.

Round 1 (always): the original request, the same without the token, and a CORS
preflight when an origin is known. Round 2 (only when the original was refused and the
HMAC secret is known): tokens that differ from the failing one in one dimension, so the
server's answers separate one hypothesis from another. Variants for claims the server's
words may already have decided (``iss``) are planned only while round 1 left it undecided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.keys.keyset import HMAC_ALGS, Secret
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.minting import sign_claims
from jwtscope.core.token.parsing import TokenKind

__all__ = ["PlannedRequest", "bisect_probes", "first_probes"]

ORIGINAL, NO_TOKEN, PREFLIGHT = "original", "no-token", "preflight"
FRESH, FRESH_NO_AUD, HS256_ENV, NUMERIC_SUB = "fresh", "fresh-no-aud", "hs256-env", "numeric-sub"
FRESH_ISS, FRESH_AUD = "fresh-iss", "fresh-aud"
DEFAULT_LIFETIME = 900


@dataclass(frozen=True)
class PlannedRequest:
    """One request to send.

    Args:
        key: a stable id (``original``, ``no-token``, ``fresh`` …).
        purpose: why it is sent, for the list shown to the user.
        request: the request itself.
    """

    key: str
    purpose: str
    request: ReplayRequest


def first_probes(request: ReplayRequest, origin: str | None) -> list[PlannedRequest]:
    """The original request, the same without its token, and a CORS preflight."""
    probes = [PlannedRequest(ORIGINAL, "the request as given", request)]
    if request.token is not None:
        probes.append(
            PlannedRequest(NO_TOKEN, "the same request without the token", request.without_auth())
        )
    if origin:
        wanted = (
            "authorization"
            if request.location.kind == "authorization"
            else (request.location.name.lower() if request.location.kind == "header" else "")
        )
        headers = [("Origin", origin), ("Access-Control-Request-Method", request.method)]
        if wanted:
            headers.append(("Access-Control-Request-Headers", wanted))
        preflight = ReplayRequest(
            method="OPTIONS", url=request.url, headers=tuple(headers), source="preflight"
        )
        probes.append(PlannedRequest(PREFLIGHT, f"CORS preflight from {origin}", preflight))
    return probes


def bisect_probes(
    request: ReplayRequest,
    report: Report,
    secret: Secret | None,
    now: int,
    *,
    undecided: bool = False,
) -> list[PlannedRequest]:
    """Tokens minted with the known secret, each differing from the original in one way.

    Args:
        request: the original request (its token is replaced in each probe).
        report: the analysis of the original token.
        secret: the HMAC secret from the environment, or None (then nothing is minted).
        now: the local time used for ``iat``/``exp``.
        undecided: round 1 named no cause for sure: add the ``iss`` variant (and the
            expected ``aud``, when the token carries another) too.
    """
    payload = report.token.payload
    if secret is None or report.token.kind is not TokenKind.JWS or payload is None:
        return []
    alg = report.token.alg or ""
    probes: list[PlannedRequest] = []
    claims = _fresh_claims(payload, now)
    if alg in HMAC_ALGS:
        probes.append(
            _probe(
                request,
                FRESH,
                f"a fresh {alg} token, same claims (new iat/exp)",
                secret,
                alg,
                claims,
                report,
            )
        )
    else:
        probes.append(
            _probe(
                request,
                HS256_ENV,
                f"the same claims as HS256 signed with {secret.name} (the original is {alg})",
                secret,
                "HS256",
                claims,
                report,
            )
        )
    if payload.get("aud"):
        no_aud = {k: v for k, v in claims.items() if k != "aud"}
        signing_alg = alg if alg in HMAC_ALGS else "HS256"
        probes.append(
            _probe(
                request,
                FRESH_NO_AUD,
                "the fresh token without 'aud'",
                secret,
                signing_alg,
                no_aud,
                report,
            )
        )
    if undecided:
        probes += _iss_probe(request, report, secret, alg, claims)
        probes += _aud_probe(request, report, secret, alg, claims)
    probes += _sub_probe(request, report, secret, alg, claims)
    return probes


def _sub_probe(
    request: ReplayRequest, report: Report, secret: Secret, alg: str, claims: dict[str, Any]
) -> list[PlannedRequest]:
    """The fresh token with a numeric-string ``sub`` (unless the token's already is one)."""
    sub = claims.get("sub")
    if isinstance(sub, str) and sub.isdigit():
        return []
    numeric = {**claims, "sub": "1"}
    purpose = "the fresh token with a numeric-string sub '1'"
    signing_alg = alg if alg in HMAC_ALGS else "HS256"
    return [_probe(request, NUMERIC_SUB, purpose, secret, signing_alg, numeric, report)]


def _iss_probe(
    request: ReplayRequest, report: Report, secret: Secret, alg: str, claims: dict[str, Any]
) -> list[PlannedRequest]:
    """The fresh token with the expected issuer (when known and different), else without
    ``iss``; nothing when the token has no ``iss`` and none is expected."""
    iss, expected = claims.get("iss"), report.issuer
    signing_alg = alg if alg in HMAC_ALGS else "HS256"
    if expected is not None and expected.value != iss:
        changed = {**claims, "iss": expected.value}
        purpose = f"the fresh token with iss {expected.value!r} ({expected.source})"
    elif iss is not None:
        changed = {k: v for k, v in claims.items() if k != "iss"}
        purpose = "the fresh token without 'iss'"
    else:
        return []
    return [_probe(request, FRESH_ISS, purpose, secret, signing_alg, changed, report)]


def _aud_probe(
    request: ReplayRequest, report: Report, secret: Secret, alg: str, claims: dict[str, Any]
) -> list[PlannedRequest]:
    """The fresh token with the expected audience, when one is known and the token's
    ``aud`` is another (the token without ``aud`` is sent anyway)."""
    aud, expected = claims.get("aud"), report.audience
    held = aud if isinstance(aud, list) else [aud]
    if aud is None or expected is None or expected.value in held:
        return []
    changed = {**claims, "aud": expected.value}
    purpose = f"the fresh token with aud {expected.value!r} ({expected.source})"
    signing_alg = alg if alg in HMAC_ALGS else "HS256"
    return [_probe(request, FRESH_AUD, purpose, secret, signing_alg, changed, report)]


def _fresh_claims(payload: dict[str, Any], now: int) -> dict[str, Any]:
    claims = dict(payload)
    iat, exp = payload.get("iat"), payload.get("exp")
    lifetime = DEFAULT_LIFETIME
    if isinstance(iat, (int, float)) and isinstance(exp, (int, float)) and 0 < exp - iat < 86400:
        lifetime = int(exp - iat)
    claims["iat"] = now
    if "exp" in payload:
        claims["exp"] = now + lifetime
    if "nbf" in payload:
        claims["nbf"] = now
    return claims


def _probe(
    request: ReplayRequest,
    key: str,
    purpose: str,
    secret: Secret,
    alg: str,
    claims: dict[str, Any],
    report: Report,
) -> PlannedRequest:
    header_kid = (report.token.header or {}).get("kid")
    minted = sign_claims(
        secret=secret.value,
        alg=alg,
        payload=claims,
        kid=header_kid if isinstance(header_kid, str) and alg == report.token.alg else None,
    )
    return PlannedRequest(key, purpose, request.with_token(minted.token))
