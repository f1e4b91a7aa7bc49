"""Which requests a replay sends, and why: a pure plan the network layer executes.

Round 1 (always): the original request, the same without the token, and a CORS
preflight when an origin is known. Round 2 (only when the original was refused and the
HMAC secret or the user's private key is known): tokens that differ from the failing one
in one dimension, so the server's answers separate one hypothesis from another. Variants
for claims the server's words may already have decided (``iss``) are planned only while
round 1 left it undecided.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.variant_signer import Signer
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.parsing import TokenKind

__all__ = [
    "Minter",
    "PlannedRequest",
    "auth_cors_probe",
    "bisect_probes",
    "first_probes",
    "fresh_claims",
    "minter_for",
]

ORIGINAL, NO_TOKEN, PREFLIGHT = "original", "no-token", "preflight"
#: The auth server's get-session asked from the browser's origin (``--auth-url``).
AUTH_CORS = "auth-cors"
FRESH, FRESH_NO_AUD, HS256_ENV, NUMERIC_SUB = "fresh", "fresh-no-aud", "hs256-env", "numeric-sub"
FRESH_ISS, FRESH_AUD = "fresh-iss", "fresh-aud"
#: The same cookie without its ``__Secure-``/``__Host-`` prefix (a backend that reads the
#: development name: Better Auth adds the prefix on https).
UNPREFIXED = "unprefixed-cookie"
#: Cookie-name prefixes browsers enforce on https (RFC 6265bis).
COOKIE_PREFIXES = ("__Secure-", "__Host-")
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
    bare = _unprefixed(request)
    if bare is not None:
        probes.append(bare)
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


def _unprefixed(request: ReplayRequest) -> PlannedRequest | None:
    """The request with its token cookie renamed without the ``__Secure-``/``__Host-``
    prefix, when it has one: the same token, under the name a backend reading the
    development cookie name looks for."""
    location = request.location
    if location.kind != "cookie" or request.token is None:
        return None
    prefix = next((p for p in COOKIE_PREFIXES if location.name.startswith(p)), None)
    if prefix is None:
        return None
    bare = location.name[len(prefix) :]
    cookies = tuple((bare if k == location.name else k, v) for k, v in request.cookies)
    renamed = replace(request, cookies=cookies, location=replace(location, name=bare))
    purpose = f"the same cookie named '{bare}' (without '{prefix}')"
    return PlannedRequest(UNPREFIXED, purpose, renamed)


def auth_cors_probe(auth_url: str, origin: str) -> PlannedRequest:
    """The auth server's get-session asked as the browser asks it (``Origin``, no
    cookies): does its CORS answer expose ``set-auth-jwt`` to that origin?"""
    request = ReplayRequest(
        method="GET", url=auth_url, headers=(("Origin", origin),), source="auth-url"
    )
    purpose = f"the auth server's get-session from {origin} (is set-auth-jwt exposed?)"
    return PlannedRequest(AUTH_CORS, purpose, request)


def bisect_probes(
    request: ReplayRequest,
    report: Report,
    signer: Signer | None,
    now: int,
    *,
    undecided: bool = False,
    alg_check: Signer | None = None,
) -> list[PlannedRequest]:
    """Tokens minted with the known key, each differing from the original in one way.

    Args:
        request: the original request (its token is replaced in each probe).
        report: the analysis of the original token.
        signer: the HMAC secret of the environment or the user's private key, or None
            (then nothing is minted).
        now: the local time used for ``iat``/``exp``.
        undecided: round 1 named no cause for sure: add the ``iss`` variant (and the
            expected ``aud``, when the token carries another) too.
        alg_check: with a private ``signer``, the environment's secret: one more
            variant, the same claims as HS256 (does the backend verify HS256?).
    """
    minter = minter_for(request, report, signer)
    if minter is None:
        return []
    alg = report.token.alg or ""
    claims = fresh_claims(report.token.payload or {}, now)
    probes: list[PlannedRequest] = []
    if minter.alg == alg:
        purpose = f"a fresh {alg} token, same claims (new iat/exp)"
        if minter.signer.private:
            purpose += f", signed with {minter.signer.name}"
        probes.append(minter.probe(FRESH, purpose, claims))
    else:
        probes.append(
            minter.probe(
                HS256_ENV,
                f"the same claims as HS256 signed with {minter.signer.name} "
                f"(the original is {alg})",
                claims,
            )
        )
    if claims.get("aud"):
        no_aud = {k: v for k, v in claims.items() if k != "aud"}
        probes.append(minter.probe(FRESH_NO_AUD, "the fresh token without 'aud'", no_aud))
    if undecided:
        probes += _iss_probe(minter, report, claims)
        probes += _aud_probe(minter, report, claims)
    probes += _sub_probe(minter, claims)
    if not minter.signer.private and alg in HMAC_ALGS and alg != "HS256":
        # An HS384/HS512 token: does the backend verify HS256 only (its default)?
        purpose = (
            f"the same claims as HS256 signed with {minter.signer.name} (the original is {alg})"
        )
        probes.append(
            Minter(request, minter.signer, "HS256", None).probe(HS256_ENV, purpose, claims)
        )
    hs256 = minter_for(request, report, alg_check)
    if minter.signer.private and hs256 is not None and hs256.alg != alg:
        purpose = (
            f"the same claims as HS256 signed with {hs256.signer.name} (the original is {alg})"
        )
        probes.append(hs256.probe(HS256_ENV, purpose, claims))
    return probes


@dataclass(frozen=True)
class Minter:
    """Mints the variants of one request: one signer, one algorithm, one header ``kid``."""

    request: ReplayRequest
    signer: Signer
    alg: str
    kid: str | None

    def probe(
        self, key: str, purpose: str, claims: dict[str, Any], **header: Any
    ) -> PlannedRequest:
        """The request with ``claims`` signed; ``kid=`` overrides the header's kid."""
        kid = header.get("kid", self.kid)
        token = self.signer.sign(claims, self.alg, kid)
        return PlannedRequest(key, purpose, self.request.with_token(token))


def minter_for(request: ReplayRequest, report: Report, signer: Signer | None) -> Minter | None:
    """The minter of ``request``'s variants, or None when nothing can be minted (no key, not
    a JWS, or a private key that cannot sign the token's algorithm)."""
    if signer is None or report.token.kind is not TokenKind.JWS or report.token.payload is None:
        return None
    token_alg = report.token.alg or ""
    alg = signer.alg_for(token_alg)
    if alg is None:
        return None
    header_kid = (report.token.header or {}).get("kid")
    kid = header_kid if isinstance(header_kid, str) and alg == token_alg else None
    return Minter(request, signer, alg, kid)


def _sub_probe(minter: Minter, claims: dict[str, Any]) -> list[PlannedRequest]:
    """The fresh token with a numeric-string ``sub`` (unless the token's already is one)."""
    sub = claims.get("sub")
    if isinstance(sub, str) and sub.isdigit():
        return []
    purpose = "the fresh token with a numeric-string sub '1'"
    return [minter.probe(NUMERIC_SUB, purpose, {**claims, "sub": "1"})]


def _iss_probe(minter: Minter, report: Report, claims: dict[str, Any]) -> list[PlannedRequest]:
    """The fresh token with the expected issuer (when known and different), else without
    ``iss``; nothing when the token has no ``iss`` and none is expected."""
    iss, expected = claims.get("iss"), report.issuer
    if expected is not None and expected.value != iss:
        changed = {**claims, "iss": expected.value}
        purpose = f"the fresh token with iss {expected.value!r} ({expected.source})"
    elif iss is not None:
        changed = {k: v for k, v in claims.items() if k != "iss"}
        purpose = "the fresh token without 'iss'"
    else:
        return []
    return [minter.probe(FRESH_ISS, purpose, changed)]


def _aud_probe(minter: Minter, report: Report, claims: dict[str, Any]) -> list[PlannedRequest]:
    """The fresh token with the expected audience, when one is known and the token's
    ``aud`` is another (the token without ``aud`` is sent anyway)."""
    aud, expected = claims.get("aud"), report.audience
    held = aud if isinstance(aud, list) else [aud]
    if aud is None or expected is None or expected.value in held:
        return []
    purpose = f"the fresh token with aud {expected.value!r} ({expected.source})"
    return [minter.probe(FRESH_AUD, purpose, {**claims, "aud": expected.value})]


def fresh_claims(payload: dict[str, Any], now: int) -> dict[str, Any]:
    """The token's claims with new times: ``iat`` now, ``exp`` now + its lifetime (15
    minutes when unknown), ``nbf`` now — each only when the token has it."""
    claims = dict(payload)
    iat, exp = payload.get("iat"), payload.get("exp")
    lifetime = DEFAULT_LIFETIME
    if isinstance(iat, (int, float)) and isinstance(exp, (int, float)) and 0 < exp - iat < 86400:
        lifetime = int(exp - iat)
    if "iat" in payload:
        claims["iat"] = now
    if "exp" in payload:
        claims["exp"] = now + lifetime
    if "nbf" in payload:
        claims["nbf"] = now
    return claims
