"""A backend that reads a cookie by its development name: on https the cookie carries a
``__Secure-``/``__Host-`` prefix (Better Auth names its session cookie
``__Secure-better-auth.session_token`` there), so the backend finds no cookie. The replay
sends the same cookie without the prefix; accepted, it names CAUSE-COOKIE-PREFIX.
"""

from __future__ import annotations

from jwtscope.core.diagnosis.replay_plan import NO_TOKEN, ORIGINAL, UNPREFIXED
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    past_auth,
    refused,
)

__all__ = ["read_cookie_prefix"]


def read_cookie_prefix(ctx: RuleContext) -> None:
    """The original, carrying a prefixed cookie, is refused; the same cookie without the
    prefix gets past authentication: the backend reads the unprefixed name only."""
    bare = ctx.ex.get(UNPREFIXED)
    if bare is None or not refused(ctx.original):
        return
    if not (accepted(bare) or past_auth(bare, ctx.ex.get(NO_TOKEN))):
        return
    sent = ctx.original.request.location.name
    wanted = bare.request.location.name
    got = "is accepted" if accepted(bare) else "gets past the authentication"
    evidence = [
        ctx.ev(ORIGINAL, f"{answer_line(ctx.original)}: the token in the cookie '{sent}'"),
        ctx.ev(UNPREFIXED, f"{answer_line(bare)}: the same token in '{wanted}' {got}"),
    ]
    # The specific form of "the token did not arrive where the API reads it".
    ctx.found.causes.pop("CAUSE-HEADER-NOT-RECEIVED", None)
    ctx.found.add(
        "CAUSE-COOKIE-PREFIX",
        "high",
        evidence,
        f"The backend reads the cookie '{wanted}' by its literal name; over https the "
        f"browser sends it as '{sent}' (Better Auth adds the prefix when baseURL is https). "
        f"Read both names (`request.cookies.get('{sent}') or request.cookies.get('{wanted}')`), "
        "or better, send the plugin JWT as `Authorization: Bearer` and verify it with the "
        "JWKS. Do not turn off secure cookies in production.",
        weight=9,
    )
