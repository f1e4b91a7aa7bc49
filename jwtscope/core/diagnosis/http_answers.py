"""Rules that read what the server did with the request itself: success, a redirect, the
CORS preflight, a 5xx, a 403 after authentication, and its clock (the ``Date`` header).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX, Evidence, stage_of
from jwtscope.core.diagnosis.replay_plan import FRESH, NO_TOKEN, NUMERIC_SUB, ORIGINAL, PREFLIGHT
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
from jwtscope.core.diagnosis.server_words import APP_REFUSAL_SAYS
from jwtscope.core.timefmt import iso_utc, span

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
__all__ = [
    "add_issuer_ahead",
    "read_app_refusal",
    "read_clock",
    "read_cors",
    "read_forbidden",
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
    # The fresh token keeps the string sub: accepted, int(sub) cannot be what crashes.
    disproved = (numeric is not None and not accepted(numeric)) or accepted(ctx.ex.get(FRESH))
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
    if says(ctx.original, *_IMMATURE_SAYS):
        add_issuer_ahead(ctx, server, server, [ctx.ev(ORIGINAL)])


def add_issuer_ahead(
    ctx: RuleContext, server: float, local: float, evidence: list[Evidence]
) -> bool:
    """Name CAUSE-CLOCK-SKEW (the issuer's clock runs ahead) when the token's ``iat`` or
    ``nbf`` lies more than 5 s in the future at the ``server``'s clock and at ``local``
    time, after ``evidence`` (the answers that show it); whether it was named."""
    payload = ctx.report.token.payload or {}
    ahead = [v for k in ("iat", "nbf") if isinstance(v := payload.get(k), (int, float))]
    ahead = [v for v in ahead if v > max(server, local) + 5]
    if not ahead:
        return False
    early = max(ahead) - server
    line = (
        f"iat/nbf {iso_utc(max(ahead))} is {span(early)} in the future at the server's "
        f"clock ({iso_utc(server)}) and at local time: the issuer's clock runs ahead"
    )
    ctx.found.add(
        "CAUSE-CLOCK-SKEW",
        "high",
        [*evidence, Evidence("token", line)],
        "Sync the issuer's clock (NTP); until then, allow a leeway on the backend "
        f"(`jwt.decode(..., leeway={int(early) + 30})`, jsonwebtoken's `clockTolerance`).",
        weight=8,
    )
    return True


def read_app_refusal(ctx: RuleContext) -> None:
    """A 400/401/403 whose words refuse the user, not the token (a scope, a permission, a
    disabled account), and that differs from the answer without a token: the token was
    read and verified, and the application refused what it grants."""
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if ex.status not in (400, 401, 403) or not says(ex, *APP_REFUSAL_SAYS):
        return
    if no_token is None or same_answer(no_token, ex):
        return
    evidence = [
        ctx.ev(ORIGINAL, f"{answer_line(ex)}: the application's words about the user"),
        ctx.ev(NO_TOKEN, f"{answer_line(no_token)}: without the token the answer differs"),
    ]
    wanted = ex.challenge.get("scope") if ex.challenge is not None else None
    if wanted:
        lacks = _scopes_lacking(ctx, wanted)
        line = f"the server asks for scope {wanted!r}"
        evidence.append(
            Evidence(ORIGINAL, line + (f"; the token lacks {lacks!r}" if lacks else ""))
        )
    ctx.reached = max(ctx.reached, stage_of("CAUSE-FORBIDDEN"))
    ctx.found.add(
        "CAUSE-FORBIDDEN",
        "high",
        evidence,
        "The token verified; the application refuses this user here"
        + (f" (it needs scope {wanted!r})" if wanted else "")
        + ": issue the token with the scope or role the route needs, or enable the user "
        "— do not loosen the token check.",
        weight=5,
    )


def _scopes_lacking(ctx: RuleContext, wanted: str) -> str:
    """The scopes of a challenge's ``scope`` the token's ``scope``/``scp`` does not grant
    ("" when it grants them all or carries neither claim)."""
    payload = ctx.report.token.payload or {}
    granted: set[str] = set()
    for claim in ("scope", "scp", "scopes"):
        value = payload.get(claim)
        if isinstance(value, str):
            granted.update(value.split())
        elif isinstance(value, list):
            granted.update(str(v) for v in value)
    if not any(claim in payload for claim in ("scope", "scp", "scopes")):
        return ""
    return " ".join(s for s in wanted.split() if s not in granted)


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
