"""Checks on the payload's claims: sub, aud, iss and sensitive data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding
from jwtscope.core.pyjwt_fix import pyjwt_call
from jwtscope.core.token.betterauth_shapes import cache_strategy
from jwtscope.core.token.parsing import TokenKind

_SENSITIVE_KEY = re.compile(
    r"(pass(word|wd|phrase)?$|^pwd$|secret|api[_-]?key|private[_-]?key|access[_-]?key|"
    r"card[_-]?(number|no)|^cc[_-]?num|^cvv$|^cvc$|^ssn$|social[_-]?security|tax[_-]?id|"
    r"national[_-]?id|passport|^pin$)",
    re.IGNORECASE,
)
_SSN = re.compile(r"^\d{3}-\d{2}-\d{4}$")
_CARD = re.compile(r"^(?:\d[ -]?){12,18}\d$")
#: Card networks' leading digits (Visa, Mastercard, Amex, Discover, JCB, Diners).
_CARD_IIN = re.compile(r"^(4|5[1-5]|2[2-7]|3[47]|6011|65|35|30[0-5]|36|38)")
#: Claims that hold identifiers: long digit strings there are ids, not card numbers.
_ID_KEY = re.compile(r"(^|[_\-.])(id|sub|jti|sid|uid|oid|nonce)$|Id$|^id$", re.IGNORECASE)
_KEY_VALUE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY|^(sk_live_|AKIA[0-9A-Z]{16}|ghp_|xox[bp]-)")


def _payload(ctx: CheckContext) -> dict[str, Any] | None:
    return ctx.token.payload if ctx.token.kind is TokenKind.JWS else None


def _access_payload(ctx: CheckContext) -> dict[str, Any] | None:
    """The payload, unless the token is a session cookie cache (BA-SESSION-CACHE).

    A cache's aud/iss/sub are never offered as settings for an API: that would make it
    accept session cookies as access tokens.
    """
    if cache_strategy(ctx.token, ctx.normalized.carrier) is not None:
        return None
    return _payload(ctx)


@check("claims", "SUB-MISSING", "SUB-NOT-STRING")
def subject(ctx: CheckContext) -> Iterator[Finding]:
    """``sub`` present and a string (PyJWT 2.10+)."""
    payload = _access_payload(ctx)
    if payload is None:
        return
    if "sub" not in payload:
        ba_cache = "session" in payload and "user" in payload
        detail = "The token has no 'sub': the API cannot tell which user it is for."
        if ba_cache:
            detail += (
                " Its shape {session, user} is Better Auth's session_data cookie cache, not "
                "an access token."
            )
        yield make(
            "SUB-MISSING",
            detail,
            "Issue the user id as 'sub' (Better Auth's jwt() plugin does: use "
            "`GET /api/auth/token`). If the API reads another claim, make sure the issuer "
            "sets it.",
        )
        return
    sub = payload["sub"]
    if not isinstance(sub, str):
        yield make(
            "SUB-NOT-STRING",
            f"'sub' is {sub!r} ({type(sub).__name__}); PyJWT 2.10+ raises "
            "InvalidSubjectError('Subject must be a string').",
            f'Issue it as a string: "sub": "{sub}" (and convert in the API if it needs '
            'a number: `user_id = int(payload["sub"])`).',
            evidence={"type": type(sub).__name__},
        )


@check("claims", "AUD-PRESENT", "AUD-MISMATCH")
def audience(ctx: CheckContext) -> Iterator[Finding]:
    """``aud`` present (PyJWT needs audience=), and against the expected audience."""
    payload = _access_payload(ctx)
    if payload is None:
        return
    aud = payload.get("aud")
    alg = ctx.token.alg or "HS256"
    if aud:
        yield make(
            "AUD-PRESENT",
            f"The token has aud {aud!r}. PyJWT raises InvalidAudienceError('Invalid audience') "
            "unless jwt.decode is given audience=.",
            pyjwt_call(payload, alg, key="key"),
            evidence={"aud": str(aud)},
        )
    expected = ctx.audience
    if expected is None:
        return
    if not aud:
        if expected.explicit:
            yield make(
                "AUD-MISMATCH",
                f"Expected audience {expected.value!r} ({expected.source}) but the token has "
                "no 'aud': PyJWT raises MissingRequiredClaimError('aud').",
                "Have the issuer set 'aud', or drop audience= on the API if none is intended.",
                evidence={"expected": expected.value, "source": expected.source},
            )
        return
    claims = [aud] if isinstance(aud, str) else aud if isinstance(aud, list) else [aud]
    if expected.value not in claims:
        near = [
            c for c in claims if isinstance(c, str) and c.rstrip("/") == expected.value.rstrip("/")
        ]
        hint = (
            " (they differ only by a trailing slash, which PyJWT compares exactly)" if near else ""
        )
        yield make(
            "AUD-MISMATCH",
            f"The token's aud {aud!r} does not contain the expected {expected.value!r} "
            f"({expected.source}){hint}.",
            "Use the audience the issuer sets (Better Auth: its baseURL origin), e.g. "
            f"audience={claims[0]!r}, or fix the issuer's configuration.",
            evidence={"aud": str(aud), "expected": expected.value, "source": expected.source},
        )


@check("claims", "ISS-MISMATCH")
def issuer(ctx: CheckContext) -> Iterator[Finding]:
    """``iss`` against the expected issuer."""
    payload = _access_payload(ctx)
    expected = ctx.issuer
    if payload is None or expected is None:
        return
    iss = payload.get("iss")
    if iss is None:
        if expected.explicit:
            yield make(
                "ISS-MISMATCH",
                f"Expected issuer {expected.value!r} ({expected.source}) but the token has no "
                "'iss': PyJWT raises MissingRequiredClaimError('iss').",
                "Have the issuer set 'iss', or drop issuer= on the API.",
                evidence={"expected": expected.value},
            )
        return
    if iss != expected.value:
        near = isinstance(iss, str) and iss.rstrip("/") == expected.value.rstrip("/")
        hint = " (only a trailing slash differs; PyJWT compares exactly)" if near else ""
        yield make(
            "ISS-MISMATCH",
            f"The token's iss {iss!r} is not the expected {expected.value!r} "
            f"({expected.source}){hint}: it was issued by another environment or service.",
            "Use a token from the expected issuer, or set issuer= to the value the issuer "
            "really uses (Better Auth: its baseURL origin).",
            evidence={"iss": str(iss), "expected": expected.value, "source": expected.source},
        )


@check("claims", "CLAIM-SENSITIVE")
def sensitive(ctx: CheckContext) -> Iterator[Finding]:
    """Passwords, secrets, keys, card or ID numbers anywhere in the payload."""
    payload = _payload(ctx)
    if payload is None:
        return
    hits = sorted(set(_sensitive_paths(payload, "", 0)))
    if hits:
        shown = ", ".join(hits[:8]) + (" …" if len(hits) > 8 else "")
        yield make(
            "CLAIM-SENSITIVE",
            f"The payload carries sensitive data at: {shown}. Anyone with the token can read "
            "it (the payload is only base64url-encoded).",
            "Remove it from the token; keep only identifiers ('sub') and look the rest up "
            "server-side. Rotate anything that was exposed.",
            evidence={"paths": shown},
        )


def _sensitive_paths(value: Any, path: str, depth: int) -> Iterator[str]:
    if depth > 8:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else str(key)
            if _SENSITIVE_KEY.search(str(key)) and _has_content(item):
                yield sub
            else:
                yield from _sensitive_paths(item, sub, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value[:100]):
            yield from _sensitive_paths(item, f"{path}[{i}]", depth + 1)
    elif isinstance(value, str) and not _ID_KEY.search(_last_key(path)) and _sensitive_value(value):
        yield path


def _last_key(path: str) -> str:
    return re.split(r"[.\[]", path)[-1]


def _has_content(value: Any) -> bool:
    return (isinstance(value, str) and bool(value.strip())) or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def _sensitive_value(text: str) -> bool:
    s = text.strip()
    if _SSN.match(s) or _KEY_VALUE.search(s):
        return True
    if _CARD.match(s):
        digits = [int(c) for c in s if c.isdigit()]
        number = "".join(map(str, digits))
        return 13 <= len(digits) <= 19 and bool(_CARD_IIN.match(number)) and _luhn(digits)
    return False


def _luhn(digits: list[int]) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
