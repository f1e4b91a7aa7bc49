"""Rules that read what the server did with the request itself: success, a redirect, the
CORS preflight, a 5xx, a token it never received, a 403 after authentication, and its
clock (the ``Date`` header).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX, Evidence, stage_of
from jwtscope.core.diagnosis.replay_plan import NO_TOKEN, NUMERIC_SUB, ORIGINAL, PREFLIGHT
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    login_redirect,
    lower,
    optional,
    refused,
    same_answer,
    says,
)
from jwtscope.core.timefmt import iso_utc, span

#: Words of an answer saying no credentials arrived.
_MISSING_SAYS = (
    "not authenticated",
    "missing",
    "no token",
    "authorization header",
    "credentials were not provided",
    "invalid authentication credentials",
)
#: Words of a verifier refusing a token not yet valid (``iat``/``nbf`` in its future).
_IMMATURE_SAYS = (
    "not yet valid",
    "immature",
    "(iat)",
    "(nbf)",
    "issued in the future",
    '"nbf" claim',
    '"iat" claim',
)
#: ``WWW-Authenticate`` schemes of credentials sent outside ``Authorization``.
_KEY_SCHEMES = ("apikey", "api-key", "cookie")

__all__ = [
    "read_clock",
    "read_cors",
    "read_forbidden",
    "read_not_received",
    "read_ok",
    "read_redirect",
    "read_server_error",
]


def read_ok(ctx: RuleContext) -> None:
    """A 2xx answer: nothing to fix."""
    if ctx.original.ok:
        ctx.found.add(
            "CAUSE-OK",
            "high",
            [ctx.ev(ORIGINAL)],
            "Nothing to fix on the server for this request.",
            weight=1,
        )


def read_redirect(ctx: RuleContext) -> None:
    """A 3xx: where it leads, and whether the Authorization header survives it."""
    ex = ctx.original
    if ex.status is None or not 300 <= ex.status < 400 or login_redirect(ex):
        # A redirect to a login page is the app's refusal: the other rules read it.
        return
    location = ex.header("location") or ""
    target = urlsplit(location)
    source = urlsplit(ex.request.url)
    other_origin = bool(target.netloc) and (target.scheme, target.netloc) != (
        source.scheme,
        source.netloc,
    )
    lines = [ctx.ev(ORIGINAL, f"{answer_line(ex)}, Location: {location or '(none)'}")]
    slash = target.path.rstrip("/") == source.path.rstrip("/") and target.path != source.path
    if other_origin:
        lines.append(
            Evidence(
                "original",
                "the redirect changes origin: HTTP clients and "
                "browsers drop the Authorization header on it",
            )
        )
    fix = f"Call the final URL directly ({location})."
    if slash:
        fix += (
            " Starlette redirects to the other trailing-slash form with a 307: use the "
            "exact path the route is declared with, or declare both (or "
            "`APIRouter(redirect_slashes=False)` and one canonical path)."
        )
    if other_origin:
        fix += " Make the redirect stay on the same origin (check proxy/host settings)."
    ctx.found.add("CAUSE-REDIRECT", "high", lines, fix, weight=5)
    _expired_behind(ctx)


def _expired_behind(ctx: RuleContext) -> None:
    """Behind a transport fault the server never judged the token, but an ``exp`` past at
    local time and at the server's clock (its ``Date``) is a stage the token alone shows."""
    exp = (ctx.report.token.payload or {}).get("exp")
    server = ctx.original.server_time
    if ctx.report.finding("EXP-PAST") is None or not isinstance(exp, (int, float)):
        return
    if server is not None and exp > server:
        return
    at = f"and at the server's clock ({iso_utc(server)})" if server is not None else ""
    ctx.found.add(
        "CAUSE-EXPIRED",
        "medium",
        [
            *optional(ctx.token_ev("EXP-PAST")),
            Evidence("original", f"exp {iso_utc(exp)} is past at local time {at}".strip()),
        ],
        EXPIRED_FIX,
        weight=4,
    )


def read_cors(ctx: RuleContext) -> None:
    """The preflight refuses the origin or the header that carries the token."""
    pre = ctx.ex.get(PREFLIGHT)
    if pre is None or pre.status is None:
        return
    allowed = lower(pre.header("access-control-allow-headers"))
    wanted = lower(pre.request.header("Access-Control-Request-Headers"))
    header_ok = not wanted or "*" in allowed or wanted in [h.strip() for h in allowed.split(",")]
    if pre.ok and header_ok and pre.header("access-control-allow-origin"):
        return
    detail = pre.detail or ""
    lines = [ctx.ev(PREFLIGHT, f"{answer_line(pre)}; allow-headers: {allowed or '(none)'}")]
    fix = (
        "Allow the header in CORSMiddleware: `app.add_middleware(CORSMiddleware, "
        f'allow_origins=["{pre.request.header("Origin")}"], allow_credentials=True, '
        'allow_methods=["*"], allow_headers=["Authorization", "Content-Type"])`'
    )
    if "disallowed cors origin" in detail.lower() or not pre.header("access-control-allow-origin"):
        fix = fix.replace("Allow the header", "Allow this origin and the header")
    # Before "it works from curl" (a browser still fails: the first stage it meets); when
    # the request itself is refused, after the server's own faults (the replay got past
    # the preflight, the browser will meet it once they are fixed).
    stage = stage_of("CAUSE-HEADER-NOT-RECEIVED") if ctx.original.ok else -1
    ctx.found.add("CAUSE-CORS-PREFLIGHT", "high", lines, fix, weight=2, stage=stage)


def read_server_error(ctx: RuleContext) -> None:
    """A 5xx; when the answer without a token is a normal refusal, the crash follows the
    token (perhaps ``int(sub)``)."""
    ex = ctx.original
    if ex.status is None or ex.status < 500:
        return
    lines = [ctx.ev(ORIGINAL)]
    no_token = ctx.ex.get(NO_TOKEN)
    if no_token is not None and refused(no_token):
        lines.append(
            ctx.ev(
                NO_TOKEN,
                f"{answer_line(no_token)}: without a token the auth check "
                "answers normally, so the crash happens after the token is read",
            )
        )
    ctx.found.add(
        "CAUSE-SERVER-ERROR",
        "medium",
        lines,
        "Read the server's traceback for this request; wrap the token handling so "
        "bad tokens give 401, not 500.",
        weight=1,
    )
    sub = (ctx.report.token.payload or {}).get("sub")
    numeric = ctx.ex.get(NUMERIC_SUB)
    disproved = numeric is not None and not accepted(numeric)
    if (
        isinstance(sub, str)
        and not sub.isdigit()
        and no_token is not None
        and refused(no_token)
        and not disproved
    ):
        sub_line = f"sub is {sub!r}, not a number: a backend doing int(payload['sub']) crashes"
        ctx.found.add(
            "CAUSE-SUB-TYPE", "low", [*lines, Evidence("token", sub_line)], SUB_FIX, weight=2
        )


def read_not_received(ctx: RuleContext) -> None:
    """The refusal is the one the server gives without a token (or a generic "missing
    credentials"): the token did not arrive where the API reads it."""
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if not refused(ex):
        return
    same = no_token is not None and no_token.status == ex.status and no_token.detail == ex.detail
    generic = says(ex, *_MISSING_SAYS)
    if not (same or generic):
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


def read_clock(ctx: RuleContext) -> None:
    """The server's ``Date`` is far from local time, and the token's ``exp`` (or
    ``iat``/``nbf``) falls on the other side of the server's clock."""
    ex, report = ctx.original, ctx.report
    server = ex.server_time
    if not refused(ex) or server is None:
        return
    local = ex.sent_at or float(report.now)
    skew = server - local
    if abs(skew) < 5:
        _issuer_ahead(ctx, server)
        return
    direction = "ahead of" if skew > 0 else "behind"
    skew_line = Evidence(
        "original",
        f"server Date {iso_utc(server or 0)} is {span(skew)} "
        f"{direction} local time {iso_utc(local)}",
    )
    payload = report.token.payload or {}
    exp, iat, nbf = (payload.get(k) for k in ("exp", "iat", "nbf"))
    leeway = f"`jwt.decode(..., leeway={int(abs(skew)) + 30})`"
    if (
        isinstance(exp, (int, float))
        and report.finding("EXP-PAST") is None
        and exp <= (server or 0)
        and (says(ex, "expired", '"exp" claim') or not ex.detail)
    ):
        past = f"exp {iso_utc(exp)} is still ahead locally but already past on the server"
        ctx.found.add(
            "CAUSE-CLOCK-SKEW",
            "high",
            [ctx.ev(ORIGINAL), skew_line, Evidence("token", past)],
            f"Sync the server's clock (NTP). Until then, allow a leeway: {leeway}.",
            weight=8,
        )
    ahead = [v for v in (iat, nbf) if isinstance(v, (int, float)) and v > (server or 0)]
    if ahead and says(ex, *_IMMATURE_SAYS):
        future = f"iat/nbf {iso_utc(max(ahead))} is in the server's future"
        ctx.found.add(
            "CAUSE-CLOCK-SKEW",
            "high",
            [ctx.ev(ORIGINAL), skew_line, Evidence("token", future)],
            "The server's clock is behind the issuer's: sync it (NTP), or allow a "
            f"leeway: {leeway}.",
            weight=8,
        )


def _issuer_ahead(ctx: RuleContext, server: float) -> None:
    """The server's clock agrees with local time, the server says the token is not yet
    valid, and its ``iat``/``nbf`` is in the future at both clocks: the issuer's clock
    runs ahead."""
    payload = ctx.report.token.payload or {}
    ahead = [payload[k] for k in ("iat", "nbf") if isinstance(payload.get(k), (int, float))]
    ahead = [v for v in ahead if v > server + 5]
    if not ahead or not says(ctx.original, *_IMMATURE_SAYS):
        return
    early = max(ahead) - server
    ctx.found.add(
        "CAUSE-CLOCK-SKEW",
        "high",
        [
            ctx.ev(ORIGINAL),
            Evidence(
                "token",
                f"iat/nbf {iso_utc(max(ahead))} is {span(early)} in the future at local "
                f"time and at the server's clock ({iso_utc(server)}): the issuer's clock "
                "runs ahead",
            ),
        ],
        "Sync the issuer's clock (NTP); until then, allow a leeway on the backend: "
        f"`jwt.decode(..., leeway={int(early) + 30})`.",
        weight=8,
    )


def read_forbidden(ctx: RuleContext) -> None:
    """A 403 that differs from the answer without a token: the token was accepted, the
    user may not do this."""
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if ex.status != 403 or says(ex, "not authenticated", "invalid authentication credentials"):
        return
    if no_token is not None and no_token.status in (401, 403) and no_token.detail != ex.detail:
        ctx.found.add(
            "CAUSE-FORBIDDEN",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(
                    NO_TOKEN,
                    f"{answer_line(no_token)}"
                    ": without the token the answer differs, so the token was accepted",
                ),
            ],
            "The token is fine; the user lacks access to this resource (ownership or "
            "role). Check the resource's owner and the user's role.",
            weight=4,
        )
