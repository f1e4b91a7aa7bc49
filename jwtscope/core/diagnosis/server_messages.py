"""What a refusal says, as a table: "the server says X (or the token shows Y) → cause Z".

Each :class:`MessageRule` is one row; :func:`read_server_messages` reads the table for
one answer. Rows of one cause are tried in order and the first that applies names it,
so a row that needs the server's words comes before the weaker row that only has the
token's finding to go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX, Evidence, stage_of
from jwtscope.core.diagnosis.replay_plan import FRESH, ORIGINAL, PREFLIGHT
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    answer_line,
    optional,
    refused,
    same_answer,
    says,
)
from jwtscope.core.diagnosis.server_words import (
    ALG_SAYS,
    KID_SAYS,
    REQUIRED_SAYS,
    SIGNATURE_SAYS,
    USER_ID_SAYS,
    USER_SAYS,
)
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.pyjwt_fix import jwks_url_for
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.token.parsing import TokenKind

__all__ = ["SERVER_MESSAGES", "MessageRule", "read_server_messages", "read_variant_words"]


@dataclass(frozen=True)
class MessageRule:
    """One row of the table.

    Args:
        code: the cause the row names.
        confidence: ``high``, ``medium`` or ``low``.
        weight: breaks ties between causes of the same confidence.
        fix: the fix, a template: ``{alg}`` the token's algorithm, ``{call}`` the PyJWT
            call that verifies the token (``{call_eddsa}`` with EdDSA), ``{jwks_url}`` the
            issuer's JWKS URL, ``{secret}`` the variable that holds the HMAC secret.
        says: fragments of the refusal's ``detail`` or ``error_description`` (lower
            case, any one matches); empty when the row needs no words from the server.
        finding: the token finding shown as evidence.
        needs_finding: the row applies only when the token shows ``finding``.
        alg: the token algorithms the row is for: ``any``, ``hmac`` (HS*) or ``not-hmac``.
        kind: the token kind the row is for, or None for any.
        sent: the row applies only when the request carries a token.
        answer: the probe whose refusal (401/403) is read: the original request, or the
            token minted fresh with the environment's secret.
        shows: the evidence, in order: ``answer`` (the refusal) and ``token`` (the finding).
        note: a template (as ``fix``) appended to the refusal's line in the evidence.
        after_verification: the row applies only when minted variants were sent and
            every one was refused in other words than the original (and the answer
            without a token differs too): the token got further than they did.
    """

    code: str
    confidence: str
    weight: int
    fix: str
    says: tuple[str, ...] = ()
    finding: str | None = None
    needs_finding: bool = False
    alg: Literal["any", "hmac", "not-hmac"] = "any"
    kind: TokenKind | None = None
    sent: bool = False
    answer: str = ORIGINAL
    shows: tuple[Literal["answer", "token"], ...] = ("answer", "token")
    note: str = ""
    after_verification: bool = False


_ALG_FIX = "The backend's algorithms= does not include the token's {alg}. Pin it:\n{call}"

#: The causes a minted variant's words can show for the token (claims the variant kept).
_LATER_STAGES = ("CAUSE-ISSUER", "CAUSE-AUDIENCE", "CAUSE-SUB-TYPE")

#: Every "server says X → cause" rule, in the order causes are named.
SERVER_MESSAGES: tuple[MessageRule, ...] = (
    MessageRule(
        "CAUSE-JUNK-TOKEN",
        "high",
        9,
        "Fix the client code that builds the header: await the token, guard a missing "
        "session (`if (!token) return`), read the right property.",
        kind=TokenKind.JUNK,
        sent=True,
        finding="TOKEN-JUNK",
    ),
    MessageRule(
        "CAUSE-SESSION-TOKEN",
        "high",
        9,
        "Send a JWT, not the session token: get it from `GET /api/auth/token` (or the "
        "`set-auth-jwt` header of /api/auth/get-session) and verify it with the JWKS:\n"
        "{call_eddsa}",
        kind=TokenKind.SESSION,
        finding="BA-SESSION-TOKEN",
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "high",
        6,
        _ALG_FIX,
        says=ALG_SAYS,
        alg="not-hmac",
        finding="ALG-KEY-MISMATCH",
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "medium",
        6,
        _ALG_FIX,
        says=ALG_SAYS,
        alg="hmac",
        finding="ALG-KEY-MISMATCH",
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "low",
        2,
        "If the backend verifies with the shared secret, verify against the JWKS:\n{call}",
        alg="not-hmac",
        finding="ALG-KEY-MISMATCH",
        needs_finding=True,
        shows=("token",),
    ),
    MessageRule(
        "CAUSE-AUDIENCE",
        "high",
        6,
        "Pass the token's audience to PyJWT:\n{call}",
        says=("audience", '"aud" claim'),
        finding="AUD-PRESENT",
    ),
    MessageRule(
        "CAUSE-ISSUER",
        "high",
        5,
        "Use the issuer the token carries (Better Auth: its baseURL origin):\n{call}",
        says=("invalid issuer", "issuer", '"iss" claim'),
        finding="ISS-MISMATCH",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "high",
        6,
        "Issue 'sub' as a string (PyJWT 2.10+ requires it).",
        says=("subject must be a string", "invalid subject"),
        finding="SUB-NOT-STRING",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "high",
        6,
        SUB_FIX,
        says=USER_ID_SAYS,
        after_verification=True,
        note="every other token sent is refused in other words: this token passed "
        "verification and failed at the application's use of 'sub'",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "medium",
        4,
        "The token verified, then the application found no user for its 'sub': " + SUB_FIX,
        says=USER_SAYS,
        after_verification=True,
        note="every other token sent is refused in other words: this token passed "
        "verification and failed looking up its 'sub'",
    ),
    MessageRule(
        "CAUSE-CLAIM-REQUIRED",
        "high",
        5,
        "The backend requires a claim the token lacks (its answer names it): issue tokens "
        "with it, or drop the requirement (PyJWT: options={{'require': [...]}}; a "
        "dependency reading the claim).",
        says=REQUIRED_SAYS,
    ),
    MessageRule(
        "CAUSE-KID-UNKNOWN",
        "high",
        5,
        "The backend's JWKS lacks the token's kid: point it at the issuer's JWKS "
        "({jwks_url}) and refetch after key rotation.",
        says=KID_SAYS,
        finding="KID-UNKNOWN",
    ),
    MessageRule(
        "CAUSE-KID-UNKNOWN",
        "medium",
        3,
        "Fetch the JWKS of the environment that issued the token.",
        finding="KID-UNKNOWN",
        needs_finding=True,
        shows=("token",),
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "medium",
        4,
        "The backend verifies with another key than the issuer signs with: use one secret "
        "on both sides (HS*), or the issuer's JWKS (EdDSA/RS*/ES*).",
        says=SIGNATURE_SAYS,
        finding="SIG-INVALID",
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "low",
        2,
        "The token does not verify with the secret found here.",
        finding="SIG-INVALID",
        needs_finding=True,
        shows=("token",),
    ),
    MessageRule(
        "CAUSE-EXPIRED",
        "high",
        6,
        EXPIRED_FIX,
        says=("expired", '"exp" claim'),
        finding="EXP-PAST",
        needs_finding=True,
    ),
    MessageRule(
        "CAUSE-EXPIRED",
        "medium",
        4,
        EXPIRED_FIX,
        finding="EXP-PAST",
        needs_finding=True,
        shows=("token", "answer"),
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "high",
        5,
        "The backend does not use the {secret} found here. Check the backend's environment "
        "(process env overrides .env) and use one secret everywhere.",
        says=("signature verification failed", "invalid signature", "signature"),
        answer=FRESH,
        shows=("answer",),
        note="a token signed with the environment's {secret} is refused too",
    ),
)

#: How each blank of a ``fix`` or ``note`` template is filled.
_BLANKS: dict[str, Callable[[RuleContext], str]] = {
    "alg": lambda ctx: ctx.report.token.alg or "?",
    "call": lambda ctx: ctx.call(),
    "call_eddsa": lambda ctx: ctx.call(alg="EdDSA"),
    "jwks_url": lambda ctx: jwks_url_for(ctx.report.token.payload, explicit=ctx.jwks_url),
    "secret": lambda ctx: ctx.secret_name,
}


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
    if row.needs_finding and (row.finding is None or ctx.report.finding(row.finding) is None):
        return False
    if row.after_verification and not _got_further(ctx, ex):
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
