"""What a refusal says: the table of :mod:`jwtscope.core.diagnosis.message_table` ("the
server says X (or the token shows Y) → cause Z") read for one answer.

Each :class:`MessageRule` is one row; :func:`read_server_messages` reads the table for
one answer, :func:`read_variant_words` for the minted variants' answers.
"""

from __future__ import annotations

from collections.abc import Callable

from jwtscope.core.diagnosis.causes import Evidence, stage_of
from jwtscope.core.diagnosis.message_table import SERVER_MESSAGES, MessageRule
from jwtscope.core.diagnosis.replay_plan import ORIGINAL, PREFLIGHT
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    answer_line,
    optional,
    refused,
    same_answer,
    says,
)
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.pyjwt_fix import custom_issuer, jwks_url_for
from jwtscope.core.request.exchange import Exchange

__all__ = ["SERVER_MESSAGES", "MessageRule", "read_server_messages", "read_variant_words"]


#: The causes a minted variant's words can show for the token (claims the variant kept).
_LATER_STAGES = ("CAUSE-ISSUER", "CAUSE-AUDIENCE", "CAUSE-SUB-TYPE")

#: How each blank of a ``fix`` or ``note`` template is filled.
_BLANKS: dict[str, Callable[[RuleContext], str]] = {
    "alg": lambda ctx: ctx.report.token.alg or "?",
    "call": lambda ctx: ctx.call(),
    "call_eddsa": lambda ctx: ctx.call(alg="EdDSA"),
    "jwks_url": lambda ctx: jwks_url_for(ctx.report.token.payload, explicit=ctx.jwks_url),
    "secret": lambda ctx: ctx.secret_name,
    "iss_pair": lambda ctx: _iss_pair(ctx),
    "iss_advice": lambda ctx: _iss_advice(ctx),
}


def _iss_advice(ctx: RuleContext) -> str:
    """Where the token's ``iss`` comes from, and so what to change: Better Auth copies its
    baseURL into it, unless the jwt() plugin sets its own issuer (then BETTER_AUTH_URL
    does not change it)."""
    if custom_issuer(ctx.report.token.payload):
        return (
            "The token's iss is the jwt() plugin's own issuer (jwt({ jwt: { issuer } })), not "
            "Better Auth's baseURL, so changing BETTER_AUTH_URL will not change it: pass that "
            "issuer to jwt.decode, or set the plugin's issuer to the one the API expects"
        )
    return (
        "Use the issuer the token carries (Better Auth: its baseURL origin), or set the auth "
        "server's BETTER_AUTH_URL to the one the API expects"
    )


def _iss_pair(ctx: RuleContext) -> str:
    """ "The backend expects iss X (source); the token carries Y. " — or "" when no issuer
    is expected or it is the token's."""
    expected, iss = ctx.report.issuer, (ctx.report.token.payload or {}).get("iss")
    if expected is None or expected.value == iss:
        return ""
    return (
        f"The API expects iss {expected.value!r} ({expected.source}); the token carries {iss!r}. "
    )


class _Blanks(dict[str, str]):
    """Fills a template's blanks on demand (only the blanks it uses are computed)."""

    def __init__(self, ctx: RuleContext) -> None:
        super().__init__()
        self.ctx = ctx

    def __missing__(self, key: str) -> str:
        return _BLANKS[key](self.ctx)


def read_server_messages(ctx: RuleContext, answer: str = ORIGINAL) -> None:
    """Name the causes the table's rows for ``answer`` find in its refusal.

    Args:
        ctx: the diagnosis in progress (causes are added to ``ctx.found``).
        answer: the probe key whose answer is read (``original`` or ``fresh``).
    """
    ex = ctx.ex.get(answer)
    if ex is None or not refused(ex):
        return
    named: set[str] = set()
    for row in SERVER_MESSAGES:
        if row.answer != answer or row.code in named or not _applies(row, ctx, ex):
            continue
        named.add(row.code)
        named.update(row.instead_of)
        if row.says and answer == ORIGINAL:
            # The server's own words name this stage: the token passed the ones before.
            ctx.reached = max(ctx.reached, stage_of(row.code))
        fix = row.fix.format_map(_Blanks(ctx))
        ctx.found.add(row.code, row.confidence, _evidence(row, ctx, ex), fix, weight=row.weight)


def _applies(row: MessageRule, ctx: RuleContext, ex: Exchange) -> bool:
    token = ctx.report.token
    if row.kind is not None and token.kind is not row.kind:
        return False
    if row.sent and ex.request.token is None:
        return False
    if row.alg != "any" and ((token.alg or "?") in HMAC_ALGS) != (row.alg == "hmac"):
        return False
    if row.algs and token.alg not in row.algs:
        return False
    if row.needs_finding and (row.finding is None or ctx.report.finding(row.finding) is None):
        return False
    if row.after_verification and not _got_further(ctx, ex):
        return False
    alike = ctx.ex.get(row.unless_alike) if row.unless_alike else None
    if alike is not None and refused(alike) and same_answer(alike, ex):
        return False
    return not row.says or says(ex, *row.says)


def _got_further(ctx: RuleContext, ex: Exchange) -> bool:
    """Every other token sent (the original, each minted variant) was refused in other
    words than ``ex``, and so was the request without a token: ``ex`` failed at a later
    stage than they did."""
    variants = ctx.variants
    if not variants or any(not refused(v) for v in variants):
        return False
    others = [
        other
        for key, other in ctx.ex.items()
        if key not in (PREFLIGHT, ex.purpose) and refused(other)
    ]
    return not any(same_answer(ex, other) for other in others)


def _proven(ctx: RuleContext, code: str) -> bool:
    cause = ctx.found.causes.get(code)
    return cause is not None and cause.confidence == "high"


def read_variant_words(ctx: RuleContext, changed: dict[str, str]) -> None:
    """A minted variant's refusal names a later stage than the original's: the claim it
    names is refused once the stages the variant fixed are fixed ("then …").

    Args:
        ctx: the diagnosis in progress.
        changed: each variant's probe key and the cause whose claim it changed (its
            words cannot speak for the token's value of that claim), or "".
    """
    for key, own in changed.items():
        ex = ctx.ex.get(key)
        if ex is None or not refused(ex):
            continue
        named: set[str] = set()
        for row in SERVER_MESSAGES:
            if (
                row.answer != ORIGINAL
                or not row.says
                or row.code not in _LATER_STAGES
                or row.code in named | {own}
                or _proven(ctx, row.code)
                or not _applies(row, ctx, ex)
            ):
                continue
            named.add(row.code)
            line = f"{answer_line(ex)}: once the variant fixed the earlier stages"
            if row.note:
                line += "; " + row.note.format_map(_Blanks(ctx))
            fix = row.fix.format_map(_Blanks(ctx))
            ctx.found.add(row.code, row.confidence, [Evidence(key, line)], fix, row.weight)


def _evidence(row: MessageRule, ctx: RuleContext, ex: Exchange) -> list[Evidence]:
    items: list[Evidence] = []
    for part in row.shows:
        if part == "answer":
            line = answer_line(ex)
            if row.note:
                line += ": " + row.note.format_map(_Blanks(ctx))
            items.append(Evidence(row.answer, line))
        elif row.finding is not None:
            items += optional(ctx.token_ev(row.finding))
    return items
