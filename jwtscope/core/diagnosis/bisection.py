"""Read the answers to the minted variants: tokens that differ from the refused one in one
dimension (algorithm, ``aud``, ``exp`` and signature, ``sub``), so each answer that
changes names the dimension at fault.
"""

from __future__ import annotations

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX, Evidence
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    FRESH_NO_AUD,
    HS256_ENV,
    NUMERIC_SUB,
    ORIGINAL,
)
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    optional,
    refused,
    says,
)
from jwtscope.core.diagnosis.server_messages import read_server_messages

__all__ = ["read_bisection"]


def read_bisection(ctx: RuleContext) -> None:
    """Name the causes the minted variants prove (only when the original was refused or
    failed with a 5xx)."""
    if not (refused(ctx.original) or (ctx.original.status or 0) >= 500):
        return
    _algorithm(ctx)
    _audience(ctx)
    _fresh_accepted(ctx)
    read_server_messages(ctx, FRESH)
    _sub_type(ctx)


def _algorithm(ctx: RuleContext) -> None:
    """The same claims signed HS256 with the environment's secret are accepted."""
    hs256 = ctx.ex.get(HS256_ENV)
    if hs256 is None or not accepted(hs256):
        return
    alg = ctx.report.token.alg or "?"
    ctx.found.add(
        "CAUSE-ALG-MISMATCH",
        "high",
        [
            ctx.ev(ORIGINAL),
            ctx.ev(
                HS256_ENV,
                f"{answer_line(hs256)}: the same claims "
                f"signed HS256 with {ctx.secret_name} are accepted",
            ),
        ],
        f"The backend verifies HS256 with the shared secret, but the issuer signs "
        f"{alg} (Better Auth's JWT plugin). Verify against the JWKS:\n" + ctx.call(),
        weight=8,
    )


def _audience(ctx: RuleContext) -> None:
    """Without ``aud`` the token is accepted, where a fresh (or HS256) one was refused."""
    fresh, no_aud, hs256 = ctx.ex.get(FRESH), ctx.ex.get(FRESH_NO_AUD), ctx.ex.get(HS256_ENV)
    if no_aud is None or not accepted(no_aud):
        return
    without_aud = ctx.ev(
        FRESH_NO_AUD, f"{answer_line(no_aud)}: without 'aud' the same token is accepted"
    )
    if fresh is not None and refused(fresh):
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "high",
            [ctx.ev(FRESH), without_aud],
            "Pass the audience to PyJWT:\n" + ctx.call(),
            weight=7,
        )
    if hs256 is not None and refused(hs256):
        # Shows only once the algorithm matches: a second problem behind the first.
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "medium",
            [ctx.ev(HS256_ENV), without_aud],
            "After the algorithm is fixed, PyJWT will still refuse the token's 'aud' "
            "unless it is passed:\n" + ctx.call(),
            weight=3,
        )


def _fresh_accepted(ctx: RuleContext) -> None:
    """The same claims with a fresh ``exp``, re-signed with the secret, are accepted."""
    fresh = ctx.ex.get(FRESH)
    if fresh is None or not accepted(fresh):
        return
    if ctx.report.finding("EXP-PAST"):
        ctx.found.add(
            "CAUSE-EXPIRED",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(
                    FRESH, f"{answer_line(fresh)}: the same claims with a fresh exp are accepted"
                ),
                *optional(ctx.token_ev("EXP-PAST")),
            ],
            EXPIRED_FIX,
            weight=6,
        )
    elif ctx.report.signature.status.value == "invalid":
        ctx.found.add(
            "CAUSE-WRONG-SECRET",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(
                    FRESH, f"{answer_line(fresh)}: re-signed with {ctx.secret_name} it is accepted"
                ),
                *optional(ctx.token_ev("SIG-INVALID")),
            ],
            f"The issuer signs with another secret than the backend's "
            f"{ctx.secret_name}. Use one value on both sides (compare fingerprints "
            "with `jwtscope inspect --env-file web/.env.local --env-file api/.env`).",
            weight=6,
        )


def _sub_type(ctx: RuleContext) -> None:
    """With ``sub`` '1' the token is accepted, where the string ``sub`` crashed or was
    refused as a subject."""
    fresh, numeric = ctx.ex.get(FRESH), ctx.ex.get(NUMERIC_SUB)
    reference = fresh or ctx.ex.get(HS256_ENV)
    if (
        numeric is None
        or not accepted(numeric)
        or reference is None
        or not ((reference.status or 0) >= 500 or says(reference, "subject"))
    ):
        return
    evidence: list[Evidence] = [
        ctx.ev(fresh.purpose if fresh else HS256_ENV),
        ctx.ev(NUMERIC_SUB, f"{answer_line(numeric)}: with sub '1' it works"),
    ]
    ctx.found.add("CAUSE-SUB-TYPE", "high", evidence, SUB_FIX, weight=7)
