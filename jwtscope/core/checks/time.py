"""Time claims judged at an explicit ``now`` with PyJWT's exact rules.

PyJWT: expired when ``exp <= now - leeway``; not yet valid when ``nbf > now + leeway``
or (2.6+) ``iat > now + leeway``; each claim must convert with ``int()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.timefmt import iso_utc, relative, span
from jwtscope.core.token.parsing import TokenKind

MAX_LIFETIME = 7 * 86400
#: Within this many seconds of a time boundary, clock skew is a likely explanation.
SKEW_HINT = 300


def numeric_claim(payload: dict[str, Any], name: str) -> int | None:
    """The claim as PyJWT reads it (``int(value)``), or None when absent/unreadable."""
    if name not in payload:
        return None
    try:
        return int(payload[name])
    except (ValueError, TypeError, OverflowError):
        return None


@check("time", "CLAIM-TYPE")
def claim_types(ctx: CheckContext) -> Iterator[Finding]:
    """Registered claims PyJWT cannot read."""
    payload = ctx.token.payload
    if ctx.token.kind is not TokenKind.JWS or payload is None:
        return
    for name in ("exp", "nbf", "iat"):
        if name not in payload:
            continue
        value = payload[name]
        shown = repr(value)[:40]
        if numeric_claim(payload, name) is None:
            yield make(
                "CLAIM-TYPE",
                f"'{name}' is {shown}, not a number: PyJWT rejects the token "
                f'("{name} must be an integer").',
                f"Issue '{name}' as seconds since the epoch (a JSON number).",
                evidence={"claim": name, "value": shown},
            )
        elif isinstance(value, (str, bool)):
            yield make(
                "CLAIM-TYPE",
                f"'{name}' is {shown} ({type(value).__name__}); PyJWT converts it with int(), "
                "but RFC 7519 requires a number and other libraries (jose, jsonwebtoken) "
                "reject it.",
                f"Issue '{name}' as a JSON number.",
                severity=Severity.WARNING,
                evidence={"claim": name, "value": shown},
            )
    if "jti" in payload and not isinstance(payload["jti"], str):
        yield make(
            "CLAIM-TYPE",
            f"'jti' is {repr(payload['jti'])[:40]}, not a string: PyJWT 2.10+ raises "
            "InvalidJTIError.",
            "Issue 'jti' as a string.",
            evidence={"claim": "jti"},
        )


@check("time", "EXP-MISSING", "EXP-PAST", "NBF-FUTURE", "IAT-FUTURE", "LIFETIME-LONG")
def time_claims(ctx: CheckContext) -> Iterator[Finding]:
    """Expiry, not-before, issued-at and lifetime at ``ctx.now``."""
    payload = ctx.token.payload
    if ctx.token.kind is not TokenKind.JWS or payload is None:
        return
    now, leeway = ctx.now, ctx.leeway
    at = f"at {iso_utc(now)}" + (f" with {leeway} s leeway" if leeway else "")
    exp = numeric_claim(payload, "exp")
    nbf = numeric_claim(payload, "nbf")
    iat = numeric_claim(payload, "iat")
    if "exp" not in payload:
        yield make(
            "EXP-MISSING",
            "The token has no 'exp' claim: it never expires.",
            "Issue short-lived tokens (Better Auth's JWT plugin uses 15 minutes) and require "
            'exp: `jwt.decode(..., options={"require": ["exp"]})`.',
        )
    if exp is not None and exp <= now - leeway:
        ago = now - exp
        hint = ""
        if ago <= SKEW_HINT:
            hint = (
                f" It expired only {span(ago)} before the evaluation time: if the token was "
                "fresh when sent, the API's clock may be ahead (see --leeway)."
            )
        yield make(
            "EXP-PAST",
            f"Expired {relative(exp, now)} (exp {iso_utc(exp)}, evaluated {at}).{hint}",
            "Get a new token (Better Auth: `GET /api/auth/token`); refresh it before 'exp' "
            "on the client. PyJWT raises ExpiredSignatureError.",
            evidence={"exp": iso_utc(exp), "at": iso_utc(now)},
        )
    if nbf is not None and nbf > now + leeway:
        yield make(
            "NBF-FUTURE",
            f"Not valid until {iso_utc(nbf)} ({relative(nbf, now)}), evaluated {at}.",
            _skew_fix(nbf - now),
            evidence={"nbf": iso_utc(nbf), "at": iso_utc(now)},
        )
    if iat is not None and iat > now + leeway:
        yield make(
            "IAT-FUTURE",
            f"Issued at {iso_utc(iat)}, {span(iat - now)} after the evaluation time ({at}).",
            _skew_fix(iat - now),
            evidence={"iat": iso_utc(iat), "at": iso_utc(now)},
        )
    if exp is not None and iat is not None and exp - iat > MAX_LIFETIME:
        yield make(
            "LIFETIME-LONG",
            f"Lifetime exp - iat is {span(exp - iat)} (over 7 days).",
            "Keep access tokens short (minutes) and refresh them; revoke by session, not by "
            "waiting for expiry.",
            evidence={"lifetime_s": str(exp - iat)},
        )


def _skew_fix(ahead: int) -> str:
    if ahead <= SKEW_HINT:
        return (
            f"Only {span(ahead)} ahead: the issuer's clock runs ahead of the API's. Sync "
            f"clocks (NTP) or allow a leeway: `jwt.decode(..., leeway={max(ahead, 10) + 5})`."
        )
    return (
        "Far in the future: the issuer's clock is wrong or the token was minted with a bad "
        "time. Check the issuer's clock and how it sets iat/nbf."
    )
