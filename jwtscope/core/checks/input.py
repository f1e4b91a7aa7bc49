"""Checks on what was pasted: normalisation, junk, malformed, JWE, session tokens, size."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterator

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding
from jwtscope.core.keys.env_snapshot import URL_NAMES
from jwtscope.core.token.betterauth_jwe import open_session_cache
from jwtscope.core.token.betterauth_shapes import cache_strategy
from jwtscope.core.token.parsing import TokenKind

#: Browsers drop cookies over 4096 bytes; many proxies cap a header line at 8 KB.
COOKIE_LIMIT = 4000
HEADER_LIMIT = 7000


@check("input", "INPUT-NORMALIZED")
def normalized(ctx: CheckContext) -> Iterator[Finding]:
    """Say what was stripped from the pasted text."""
    steps = ctx.normalized.steps
    if steps:
        yield make(
            "INPUT-NORMALIZED",
            "; ".join(steps) + ".",
            "Nothing to fix in the token. If your client sends it this way, make it send "
            "exactly 'Authorization: Bearer <token>'.",
            evidence={"steps": " | ".join(steps), "carrier": ctx.normalized.carrier},
        )


#: TOKEN-JUNK's fix, when the environment shows Better Auth (replay says more itself).
JUNK_BETTER_AUTH_HINT = (
    " With Better Auth, a JWT read from the `set-auth-jwt` header of get-session is null "
    "when the auth server's CORS does not expose it (Access-Control-Expose-Headers: "
    "set-auth-jwt; Hono/Express `cors()` overwrite it): `jwtscope replay --auth-url "
    "<auth server>/api/auth/get-session` (the Replay screen's Auth URL) checks it."
)
#: Variables that show the project runs Better Auth.
_BETTER_AUTH_NAMES = (*URL_NAMES, "BETTER_AUTH_SECRET")


@check("input", "TOKEN-JUNK")
def junk(ctx: CheckContext) -> Iterator[Finding]:
    """A JavaScript value that is not a token."""
    if ctx.token.kind is TokenKind.JUNK:
        shown = ctx.token.raw or "(empty)"
        fix = (
            "Check the code that builds the header: await the promise that returns the "
            "token, guard against a missing session before sending "
            "(`if (!token) return`), and read the right property (e.g. `data.token`)."
        )
        if ctx.env.first(_BETTER_AUTH_NAMES) is not None:
            fix += JUNK_BETTER_AUTH_HINT
        yield make(
            "TOKEN-JUNK",
            f"The token is {shown!r}: the client sent a variable that held no token.",
            fix,
            evidence={"value": shown},
        )


@check("input", "TOKEN-MALFORMED")
def malformed(ctx: CheckContext) -> Iterator[Finding]:
    """Wrong segment count, bad base64url or bad JSON, with where."""
    problem = ctx.token.problem
    if ctx.token.kind is TokenKind.MALFORMED and problem is not None:
        where = f" at position {problem.position}" if problem.position is not None else ""
        fix = "Copy the whole token again: it may be truncated or edited."
        if "standard base64" in problem.reason:
            fix = "Encode with base64url (- and _ instead of + and /, no padding)."
        elif problem.segment == "token":
            fix = (
                "Paste the whole token (header.payload.signature). If it has no dots it is an "
                "opaque token or an ID, not a JWT."
            )
        yield make(
            "TOKEN-MALFORMED",
            f"{problem.segment.capitalize()}: {problem.reason}{where}.",
            fix,
            evidence={"segment": problem.segment, "position": str(problem.position)},
        )


@check("input", "TOKEN-JWE")
def jwe(ctx: CheckContext) -> Iterator[Finding]:
    """An encrypted token."""
    if ctx.token.kind is TokenKind.JWE:
        header = ctx.token.header or {}
        detail = (
            f"Encrypted JWT (alg {header.get('alg')!r}, enc {header.get('enc')!r}); the "
            "payload cannot be read without the decryption key."
        )
        fix = (
            "If your API expects a signed JWT, the client is sending the wrong token "
            "(Auth.js session cookies are JWE). Request a signed JWT from the issuer."
        )
        opened = None
        if ctx.keys.secrets:
            opened = open_session_cache(ctx.token.raw, [s.value for s in ctx.keys.secrets])
        if opened is not None:
            detail = (
                f"Encrypted JWT (alg {header.get('alg')!r}, enc {header.get('enc')!r}), "
                f"decrypted with {ctx.keys.secrets[opened[1]].label}: Better Auth's "
                "session cookie cache (BA-SESSION-CACHE)."
            )
        if opened is not None or cache_strategy(ctx.token, ctx.normalized.carrier) == "jwe":
            fix = "Not an access token: send the JWT plugin's token instead (BA-SESSION-CACHE)."
        yield make(
            "TOKEN-JWE",
            detail,
            fix,
            evidence={"alg": str(header.get("alg")), "enc": str(header.get("enc"))},
        )


@check("input", "BA-SESSION-TOKEN")
def session_token(ctx: CheckContext) -> Iterator[Finding]:
    """A Better Auth session token, and whether its HMAC matches a known secret."""
    parts = ctx.token.session_parts
    if ctx.token.kind is not TokenKind.SESSION or parts is None:
        return
    token_part, mac = parts
    try:
        given = base64.b64decode(mac.replace("-", "+").replace("_", "/") + "==")
    except ValueError:
        given = b""
    matched = next(
        (
            s
            for s in ctx.keys.secrets
            if hmac.compare_digest(
                hmac.new(s.value, token_part.encode(), hashlib.sha256).digest(), given
            )
        ),
        None,
    )
    if matched is not None:
        verdict = f"Its HMAC matches {matched.describe()}: it is a genuine session token."
    elif ctx.keys.secrets:
        verdict = (
            "Its HMAC matches none of the secrets found: it was signed with another "
            "BETTER_AUTH_SECRET (another environment) or altered."
        )
    else:
        verdict = "No secret was found, so its HMAC was not checked."
    carrier = ctx.normalized.carrier
    yield make(
        "BA-SESSION-TOKEN",
        "This is a Better Auth session token (<32-char token>.<base64 HMAC-SHA256>), "
        f"not a JWT, {_session_source(carrier)}. " + verdict,
        "A JWT backend cannot verify it, and must not accept it as an access token. Get a "
        "JWT from the jwt() plugin (`GET /api/auth/token` with the session, or the "
        "`set-auth-jwt` header of `/api/auth/get-session`) and verify it against "
        "`/api/auth/jwks`; or validate the session with Better Auth's "
        "`/api/auth/get-session`.",
        evidence={
            "hmac": "matches" if matched else ("no match" if ctx.keys.secrets else "unchecked"),
            "carrier": carrier,
        },
    )


def _session_source(carrier: str) -> str:
    """Where the session token came from, in words (and the __Secure- prefix on https)."""
    if not carrier.startswith("cookie:"):
        return (
            "the value of the bearer plugin's `set-auth-token` header (the session cookie "
            "holds the same token)"
        )
    name = carrier.removeprefix("cookie:")
    text = f"from the session cookie {name}"
    if name.startswith("__Secure-"):
        text += (
            " (on an https baseURL Better Auth prefixes its cookie names with __Secure-: a "
            "backend that reads 'better-auth.session_token' by literal name finds nothing "
            "in production)"
        )
    return text


@check("input", "TOKEN-OVERSIZE")
def oversize(ctx: CheckContext) -> Iterator[Finding]:
    """Long enough to be dropped by browsers or proxies."""
    n = len(ctx.token.raw)
    in_cookie = ctx.normalized.carrier.startswith("cookie:")
    limit = COOKIE_LIMIT if in_cookie else HEADER_LIMIT
    if n > limit:
        where = (
            "a cookie (browsers drop cookies over 4096 bytes)"
            if in_cookie
            else ("a header (nginx and many proxies cap header lines at 8 KB)")
        )
        yield make(
            "TOKEN-OVERSIZE",
            f"The token is {n:,} characters, too large for {where}.",
            "Keep the payload small: put the user id in 'sub' and look the rest up "
            "server-side instead of embedding the whole user/session object.",
            evidence={"length": str(n)},
        )
