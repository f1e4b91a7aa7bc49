"""Read the answers to the minted variants: tokens that differ from the refused one in one
dimension (algorithm, ``aud``, ``exp`` and signature, ``sub``), so each answer that
changes names the dimension at fault.
"""

from __future__ import annotations

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX, Evidence
from jwtscope.core.diagnosis.combined import read_combined
from jwtscope.core.diagnosis.http_answers import add_issuer_ahead
from jwtscope.core.diagnosis.nearby_claims import read_nearby
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    FRESH_AUD,
    FRESH_ISS,
    FRESH_NO_AUD,
    HS256_ENV,
    NO_TOKEN,
    NUMERIC_SUB,
    ORIGINAL,
)
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    optional,
    past_auth,
    refused,
    same_answer,
)
from jwtscope.core.diagnosis.server_messages import read_server_messages, read_variant_words
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.request.exchange import Exchange

__all__ = ["read_bisection"]

#: Each variant and the cause whose claim it changed.
_CHANGED = {
    FRESH: "",
    HS256_ENV: "",
    FRESH_NO_AUD: "CAUSE-AUDIENCE",
    NUMERIC_SUB: "CAUSE-SUB-TYPE",
    FRESH_ISS: "CAUSE-ISSUER",
    FRESH_AUD: "CAUSE-AUDIENCE",
}


def _passed(ctx: RuleContext, ex: Exchange | None) -> bool:
    """The variant got past authentication (accepted, or an application's 403)."""
    return past_auth(ex, ctx.ex.get(NO_TOKEN))


def read_bisection(ctx: RuleContext) -> None:
    """Name the causes the minted variants prove (only when the original was refused or
    failed with a 5xx)."""
    if not (refused(ctx.original) or (ctx.original.status or 0) >= 500):
        return
    _algorithm(ctx)
    _audience(ctx)
    _issuer(ctx)
    _expected_audience(ctx)
    _fresh_accepted(ctx)
    read_server_messages(ctx, FRESH)
    _sub_type(ctx)
    _forbidden_behind(ctx)
    # A variant fixed some stages (a fresh exp, HS256 with the secret): its words speak
    # for the claims it kept.
    read_variant_words(ctx, _CHANGED)
    # Every fix at once, then each left out: the stages no single variant could show.
    read_combined(ctx)
    # The iss/aud values near the token's: the one the backend expects.
    read_nearby(ctx)


def _algorithm(ctx: RuleContext) -> None:
    """A token signed HS256 with the environment's secret is accepted (the same claims, or
    with one claim changed), where the original is not HMAC."""
    alg = ctx.report.token.alg or "?"
    if alg in HMAC_ALGS:
        _hmac_variant(ctx, alg)
        return
    # With the user's private key only ``hs256-env`` is signed HS256 (with the secret).
    signed_hs256 = ctx.variants
    if ctx.signer_private:
        signed_hs256 = [ctx.ex[HS256_ENV]] if HS256_ENV in ctx.ex else []
    hs256 = next((ex for ex in signed_hs256 if _passed(ctx, ex)), None)
    if hs256 is None:
        return
    what = "the same claims" if hs256.purpose == HS256_ENV else "a token"
    ctx.found.add(
        "CAUSE-ALG-MISMATCH",
        "high",
        [
            ctx.ev(ORIGINAL),
            ctx.ev(
                hs256.purpose,
                f"{answer_line(hs256)}: {what} signed HS256 with {ctx.secret_name} "
                f"({hs256.purpose}) accepted, the {alg} original refused",
            ),
        ],
        f"The backend verifies HS256 with the shared secret, but the issuer signs "
        f"{alg} (Better Auth's JWT plugin). Verify against the JWKS:\n" + ctx.call(),
        weight=8,
    )


def _hmac_variant(ctx: RuleContext, alg: str) -> None:
    """An HS384/HS512 token: the same claims signed HS256 with the same secret are
    accepted where the fresh {alg} token is refused: the backend verifies HS256 only."""
    fresh, hs256 = ctx.ex.get(FRESH), ctx.ex.get(HS256_ENV)
    if fresh is None or hs256 is None or not refused(fresh) or not _passed(ctx, hs256):
        return
    ctx.found.add(
        "CAUSE-ALG-MISMATCH",
        "high",
        [
            ctx.ev(ORIGINAL),
            ctx.ev(FRESH, f"{answer_line(fresh)}: a fresh {alg} token is refused too"),
            ctx.ev(
                HS256_ENV,
                f"{answer_line(hs256)}: the same claims signed HS256 with {ctx.secret_name} "
                f"accepted",
            ),
        ],
        f"The backend verifies HS256 only; the issuer signs {alg} with the same secret. "
        f"Sign HS256, or add {alg} to the backend's allowed algorithms "
        f"(`jwt.decode(..., algorithms=['HS256', '{alg}'])`).",
        weight=8,
    )


def _audience(ctx: RuleContext) -> None:
    """Without ``aud`` the token is accepted, where a fresh (or HS256) one was refused."""
    fresh, no_aud, hs256 = ctx.ex.get(FRESH), ctx.ex.get(FRESH_NO_AUD), ctx.ex.get(HS256_ENV)
    if no_aud is None or not _passed(ctx, no_aud):
        return
    without_aud = ctx.ev(
        FRESH_NO_AUD, f"{answer_line(no_aud)}: without 'aud' the same token is accepted"
    )
    if fresh is not None and refused(fresh) and not _passed(ctx, fresh):
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "high",
            [ctx.ev(FRESH), without_aud],
            "Pass the audience to PyJWT:\n" + ctx.call(),
            weight=7,
        )
    if hs256 is not None and refused(hs256) and not _passed(ctx, hs256):
        # Shows only once the algorithm matches: a second stage behind the first.
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "high",
            [ctx.ev(HS256_ENV), without_aud],
            "After the algorithm is fixed, PyJWT will still refuse the token's 'aud' "
            "unless it is passed:\n" + ctx.call(),
            weight=3,
        )


def _issuer(ctx: RuleContext) -> None:
    """With the expected ``iss`` (or none) the token is accepted, where the fresh (or
    HS256) one with the token's ``iss`` was refused."""
    changed = ctx.ex.get(FRESH_ISS)
    reference = ctx.ex.get(FRESH) or ctx.ex.get(HS256_ENV)
    if changed is None or not _passed(ctx, changed) or reference is None:
        return
    if _passed(ctx, reference):
        return
    iss = (ctx.report.token.payload or {}).get("iss")
    expected = ctx.report.issuer
    fix = "Use one issuer on both sides (Better Auth: its baseURL origin):\n" + ctx.call()
    if expected is not None and expected.value != iss:
        fix = (
            f"The backend expects iss {expected.value!r}; the token carries {iss!r}: get the "
            "token from that issuer, or set issuer= to the one the token carries."
        )
    ctx.found.add(
        "CAUSE-ISSUER",
        "high",
        [
            ctx.ev(reference.purpose),
            ctx.ev(FRESH_ISS, f"{answer_line(changed)}: with only 'iss' changed it is accepted"),
            *optional(ctx.token_ev("ISS-MISMATCH")),
        ],
        fix,
        weight=6,
    )


def _expected_audience(ctx: RuleContext) -> None:
    """With the expected ``aud`` the token is accepted, where the fresh (or HS256) one
    with the token's ``aud`` was refused."""
    changed = ctx.ex.get(FRESH_AUD)
    reference = ctx.ex.get(FRESH) or ctx.ex.get(HS256_ENV)
    expected = ctx.report.audience
    if changed is None or not _passed(ctx, changed) or reference is None:
        return
    if _passed(ctx, reference):
        return
    aud = (ctx.report.token.payload or {}).get("aud")
    ctx.found.add(
        "CAUSE-AUDIENCE",
        "high",
        [
            ctx.ev(reference.purpose),
            ctx.ev(FRESH_AUD, f"{answer_line(changed)}: with only 'aud' changed it is accepted"),
        ],
        f"The backend expects aud {expected.value if expected else '?'!r}; the token carries "
        f"{aud!r}: issue tokens for that audience, or pass the token's audience to PyJWT.",
        weight=7,
    )


def _fresh_accepted(ctx: RuleContext) -> None:
    """The same claims with a fresh ``exp``, re-signed with the secret, get past the stage
    that refused the original: accepted, an application's 403, or a crash where the
    original was refused (the token was read and verified before the crash). Each fault of
    the original the fresh token fixed is shown: an ``exp`` past, a signature that does
    not verify with the secret."""
    fresh = ctx.ex.get(FRESH)
    if fresh is None:
        return
    crashed = (fresh.status or 0) >= 500 and refused(ctx.original)
    if not (_passed(ctx, fresh) or crashed):
        return
    got = "are accepted" if accepted(fresh) else "get past the token check"
    if ctx.report.finding("EXP-PAST"):
        ctx.found.add(
            "CAUSE-EXPIRED",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(FRESH, f"{answer_line(fresh)}: the same claims with a fresh exp {got}"),
                *optional(ctx.token_ev("EXP-PAST")),
            ],
            EXPIRED_FIX,
            weight=6,
        )
    _issuer_ahead_fixed(ctx, fresh, got)
    if ctx.report.signature.status.value == "invalid":
        ctx.found.add(
            "CAUSE-WRONG-SECRET",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(FRESH, f"{answer_line(fresh)}: re-signed with {ctx.secret_name} it {got}"),
                *optional(ctx.token_ev("SIG-INVALID")),
            ],
            f"The issuer signs with another secret than the backend's "
            f"{ctx.secret_name}. Use one value on both sides (compare fingerprints "
            "with `jwtscope inspect --env-file web/.env.local --env-file api/.env`).",
            weight=6,
        )


def _issuer_ahead_fixed(ctx: RuleContext, fresh: Exchange, got: str) -> None:
    """The token's ``iat``/``nbf`` lies in the future at the server's clock (and at
    local time), and the same claims dated now pass: the issuer's clock runs ahead —
    whatever words (or crash) the server refused the original with."""
    server = ctx.original.server_time or float(ctx.report.now)
    local = ctx.original.sent_at or float(ctx.report.now)
    evidence = [
        ctx.ev(ORIGINAL),
        ctx.ev(FRESH, f"{answer_line(fresh)}: the same claims dated now {got}"),
    ]
    if add_issuer_ahead(ctx, server, local, evidence) and (ctx.original.status or 0) >= 500:
        # The crash is the verifier's answer to this token: no further stage.
        ctx.found.causes.pop("CAUSE-SERVER-ERROR", None)


def _sub_type(ctx: RuleContext) -> None:
    """With ``sub`` '1' the token is accepted, where the same token with its string ``sub``
    crashed or was refused (the only difference between the two is ``sub``)."""
    fresh, numeric = ctx.ex.get(FRESH), ctx.ex.get(NUMERIC_SUB)
    reference = fresh or ctx.ex.get(HS256_ENV)
    if numeric is None or not _passed(ctx, numeric) or reference is None:
        return
    if _passed(ctx, reference) or "sub" not in (ctx.report.token.payload or {}):
        # Without a 'sub' the variant ADDED one: the server requires the claim (the
        # required-claims rules name it), its type was never the question.
        return
    works = "it works" if accepted(numeric) else "it gets past the token check"
    evidence: list[Evidence] = [
        ctx.ev(reference.purpose),
        ctx.ev(NUMERIC_SUB, f"{answer_line(numeric)}: with sub '1' {works}"),
    ]
    ctx.found.add("CAUSE-SUB-TYPE", "high", evidence, SUB_FIX, weight=7)
    if (reference.status or 0) >= 500 and same_answer(reference, ctx.original):
        # The original's crash is this one: the server error is not a further stage.
        ctx.found.causes.pop("CAUSE-SERVER-ERROR", None)


def _forbidden_behind(ctx: RuleContext) -> None:
    """A variant got past authentication and the application refused it with a 403 (role,
    scope, ownership), where the original was refused earlier: a further stage."""
    if "CAUSE-FORBIDDEN" in ctx.found.causes or _passed(ctx, ctx.original):
        return
    hit = next(
        (v for v in ctx.variants if _passed(ctx, v) and not accepted(v)),
        None,
    )
    if hit is None or any(accepted(v) for v in ctx.variants):
        return
    ctx.found.add(
        "CAUSE-FORBIDDEN",
        "high",
        [
            ctx.ev(
                hit.purpose,
                f"{answer_line(hit)}: once the variant fixed the earlier stages, the "
                "authenticated user is refused (its words name no token fault, and differ "
                "from the answer without a token)",
            ),
        ],
        "Once the token is fixed, the user still lacks access here (role, scope or "
        "ownership): grant it, or call a resource the user may use.",
        weight=4,
    )
