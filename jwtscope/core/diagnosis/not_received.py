"""The token did not arrive where the API reads it: the refusal is the one the server gives
without a token, says no credentials arrived, or challenges with another scheme than the
request's (CAUSE-HEADER-NOT-RECEIVED, CAUSE-SCHEME).
"""

from __future__ import annotations

from jwtscope.core.diagnosis.causes import Evidence
from jwtscope.core.diagnosis.replay_plan import NO_TOKEN, ORIGINAL
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    answer_line,
    refused,
    same_answer,
    says,
)

__all__ = ["read_not_received"]

#: Words of an answer saying no credentials arrived.
_MISSING_SAYS = (
    "not authenticated",
    "missing",
    "no token",
    "authorization header",
    "credentials were not provided",
    "invalid authentication credentials",
)  #: ``WWW-Authenticate`` schemes of credentials sent outside ``Authorization``.
_KEY_SCHEMES = ("apikey", "api-key", "cookie")
#: Scheme words of an ``Authorization`` header carrying a token.
_SCHEME_WORDS = ("bearer", "jwt", "token")


def read_not_received(ctx: RuleContext) -> None:
    """The refusal is the one the server gives without a token (or a generic "missing
    credentials"): the token did not arrive where the API reads it."""
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if not refused(ex):
        return
    if _doubled_scheme(ctx):
        return
    same = no_token is not None and no_token.status == ex.status and no_token.detail == ex.detail
    generic = says(ex, *_MISSING_SAYS)
    # No token sent at all: whatever the refusal says, it is the one for "no token".
    if not (same or generic or ex.request.location.kind == "none"):
        return
    lines = [ctx.ev(ORIGINAL)]
    if same and no_token is not None:
        lines.append(
            ctx.ev(NO_TOKEN, f"{answer_line(no_token)}: the same answer as without a token")
        )
    if ex.status == 403 and says(ex, "not authenticated"):
        lines.append(
            Evidence(
                "original",
                "403 'Not authenticated' is FastAPI's HTTPBearer before "
                "0.122 (newer versions answer 401)",
            )
        )
    _where_the_token_went(ctx, lines, same)


def _never_read(ctx: RuleContext) -> list[Evidence]:
    """Every token sent (the original and each minted variant) got the answer the request
    without a token gets, and that answer says no credentials arrived (or challenges with
    another scheme than the request's): the server never read the token. The evidence, or
    [] when the answers do not show it."""
    no_token, variants = ctx.ex.get(NO_TOKEN), ctx.variants
    if no_token is None or not variants:
        return []
    if not all(same_answer(v, no_token) for v in [ctx.original, *variants]):
        return []
    scheme = _foreign_scheme(ctx)
    if not (says(ctx.original, *_MISSING_SAYS) or scheme):
        return []
    line = f"every one of the {len(variants)} minted tokens got that answer too"
    if scheme:
        line += f"; the server challenges with 'WWW-Authenticate: {scheme}'"
    return [Evidence("variants", line)]


def _foreign_scheme(ctx: RuleContext) -> str:
    """The scheme of the original's ``WWW-Authenticate`` when it is another than the one
    the request uses ("" when the same or none)."""
    challenge = ctx.original.challenge
    location = ctx.original.request.location
    used = location.scheme.lower() if location.kind == "authorization" else ""
    if challenge is None or not challenge.scheme or challenge.scheme.lower() == used:
        return ""
    return challenge.scheme


def _where_the_token_went(ctx: RuleContext, lines: list[Evidence], same: bool) -> None:
    """Name the cause from where the request carries its token."""
    location = ctx.original.request.location
    never_read = _never_read(ctx) if same else []
    challenged = _foreign_scheme(ctx)
    if never_read and location.kind == "authorization" and challenged:
        if challenged.lower() in _KEY_SCHEMES:
            where = f"the server asks for '{challenged}' credentials (an API key header or "
            where += "cookie), not the Authorization header the token travels in"
            ctx.found.add(
                "CAUSE-HEADER-NOT-RECEIVED",
                "high",
                [*lines, *never_read, Evidence("request", where)],
                "The API reads the token from another header or a cookie: send it where "
                "the API reads it, or make the API read `Authorization: Bearer`.",
                weight=8,
            )
            return
        scheme = f"the header says '{location.scheme} …'; the server wants '{challenged} …'"
        ctx.found.add(
            "CAUSE-SCHEME",
            "high",
            [*lines, *never_read, Evidence("request", scheme)],
            f"Send `Authorization: {challenged} <token>`, or make the API accept "
            f"'{location.scheme}' (one scheme on both sides).",
            weight=8,
        )
        return
    if location.kind == "authorization" and location.scheme.lower() != "bearer":
        scheme = f"the header says '{location.scheme} …'; HTTPBearer only accepts 'Bearer'"
        ctx.found.add(
            "CAUSE-SCHEME",
            "high",
            [*lines, Evidence("request", scheme)],
            "Send `Authorization: Bearer <token>`.",
            weight=8,
        )
    elif location.kind in ("cookie", "header"):
        elsewhere = (
            f"the token travels in the {location.kind} {location.name!r}, "
            "but the API reads 'Authorization: Bearer'"
        )
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "high",
            [*lines, Evidence("request", elsewhere)],
            "Send the token as `Authorization: Bearer <token>` (Better Auth: fetch a JWT "
            "from /api/auth/token and set the header), or make the API read the cookie.",
            weight=8,
        )
    elif location.kind == "none":
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "high",
            [*lines, Evidence("request", "the request carries no token at all")],
            "The client sends no token: attach `Authorization: Bearer <token>`.",
            weight=8,
        )
    elif same and (never_read or not ctx.variants):
        # With minted variants sent, an answer that never changes decides nothing (a
        # server that says "Unauthorized" to everything) unless it says no credentials
        # arrived: the fallbacks read them.
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "high" if never_read else "medium",
            [
                *lines,
                *never_read,
                Evidence("request", "the request does carry 'Authorization: Bearer …'"),
            ],
            "Something between client and API drops the header: a proxy or load "
            "balancer (pass Authorization through), a redirect to another origin, or "
            "middleware reading another header.",
            weight=3,
        )


def _doubled_scheme(ctx: RuleContext) -> bool:
    """The ``Authorization`` value repeats its scheme (``Bearer Bearer eyJ…``: a client
    that adds the prefix to a value that already has it) and the request is refused:
    CAUSE-SCHEME, whatever words the refusal uses."""
    value = ctx.original.request.header("Authorization") or ""
    parts = value.split()
    if len(parts) < 3 or parts[0].lower() not in _SCHEME_WORDS:
        return False
    if parts[1].lower() not in _SCHEME_WORDS:
        return False
    said = f"the header says '{parts[0]} {parts[1]} …': the scheme is sent twice"
    ctx.found.add(
        "CAUSE-SCHEME",
        "high",
        [ctx.ev(ORIGINAL), Evidence("request", said)],
        f"The client adds '{parts[0]} ' to a value that already starts with it: send "
        f"`Authorization: {parts[0]} <token>` (store the bare token, or do not prefix again).",
        weight=8,
    )
    return True
