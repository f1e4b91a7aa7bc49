"""Name the root cause of a failing request from the token, the environment and the answers.

Three sources: the token's findings (:class:`~jwtscope.core.analysis.Report`), what the
server answered to each request (status, its words, ``WWW-Authenticate``, ``Date``,
``Location``, CORS headers) and, when the secret is known, how it answered tokens that
differ from the failing one in one dimension. Each cause carries its evidence (tied to
the request that showed it) and a fix; causes are ranked in the order a verifier meets
them: the top cause, then every further failing stage the evidence shows.

The rules live by what they read: :mod:`~jwtscope.core.diagnosis.http_answers` (the
answer itself), :mod:`~jwtscope.core.diagnosis.server_messages` (what a refusal says, as
a table), :mod:`~jwtscope.core.diagnosis.bisection` (the minted variants) and
:mod:`~jwtscope.core.diagnosis.fallbacks` (what is left when none decided).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.betterauth_rules import (
    finish_betterauth,
    note_eddsa_candidate,
    read_betterauth,
)
from jwtscope.core.diagnosis.bisection import read_bisection
from jwtscope.core.diagnosis.causes import (
    CAUSES,
    Cause,
    CauseCollector,
    Diagnosis,
    Evidence,
    stage_of,
)
from jwtscope.core.diagnosis.cookie_prefix import read_cookie_prefix
from jwtscope.core.diagnosis.fallbacks import read_same_refusal, read_unknown
from jwtscope.core.diagnosis.http_answers import (
    read_app_refusal,
    read_clock,
    read_cors,
    read_forbidden,
    read_ok,
    read_redirect,
    read_server_error,
)
from jwtscope.core.diagnosis.jwks_rules import note_jwks_candidate, read_jwks
from jwtscope.core.diagnosis.not_received import read_not_received
from jwtscope.core.diagnosis.replay_plan import FRESH, ORIGINAL
from jwtscope.core.diagnosis.required_claims import read_required
from jwtscope.core.diagnosis.rule_context import RuleContext, accepted, refused, says
from jwtscope.core.diagnosis.secret_guess import read_guess
from jwtscope.core.diagnosis.server_messages import read_server_messages
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.request.exchange import Exchange

__all__ = ["CAUSES", "Cause", "Diagnosis", "Evidence", "diagnose", "undecided"]

#: Every rule, in the order it names causes (ties in the ranking keep this order).
_RULES: tuple[Callable[[RuleContext], None], ...] = (
    read_ok,
    read_redirect,
    read_cors,
    read_server_error,
    read_bisection,
    read_required,
    read_not_received,
    read_cookie_prefix,
    read_server_messages,
    read_betterauth,
    read_jwks,
    read_clock,
    read_app_refusal,
    read_forbidden,
    read_same_refusal,
)
#: Claims PyJWT checks only after the signature verified.
_CLAIM_WORDS = ("audience", "expired", "issuer", "subject", "not yet valid")
_KEY_CAUSES = ("CAUSE-ALG-MISMATCH", "CAUSE-WRONG-SECRET", "CAUSE-KID-UNKNOWN")


def diagnose(
    report: Report,
    exchanges: Sequence[Exchange],
    *,
    jwks_url: str | None = None,
    secret_name: str | None = None,
    signer_private: bool = False,
    guesses: int = 0,
    guessed_key: bool = False,
) -> Diagnosis:
    """Rank the causes of a failing request.

    Args:
        report: the analysis of the token the request carries.
        exchanges: every exchange sent, each with its probe key as ``purpose``.
        jwks_url: the JWKS URL the user named, if any (used in fixes).
        secret_name: what signed the variants: the variable holding the HMAC secret, or
            the private key's description (used in evidence and fixes).
        signer_private: the variants were signed with the user's private key.
        guesses: how many default secrets ``--guess-server-secret`` planned (0: off, -1:
            skipped because a variant signed with the known key was accepted).
        guessed_key: the variants were signed with the default secret a guess found.
    """
    by_key = {ex.purpose: ex for ex in exchanges}
    original = by_key.get(ORIGINAL)
    found = CauseCollector()
    if original is None or original.status is None:
        return Diagnosis((), tuple(exchanges))
    ctx = RuleContext(report, by_key, original, jwks_url, secret_name or "JWT_SECRET", found)
    ctx.signer_private, ctx.guessed_key = signer_private, guessed_key
    for rule in _RULES:
        rule(ctx)
    notes = [read_guess(ctx, guesses), _not_bisected(ctx)]
    if says(original, *_CLAIM_WORDS):
        # PyJWT checks claims only after the signature verified: key-related guesses are out.
        for code in _KEY_CAUSES:
            cause = found.causes.get(code)
            if cause is not None and cause.confidence != "high":
                del found.causes[code]
    _drop_passed_stages(ctx)
    finish_betterauth(ctx)
    read_unknown(ctx)
    note_jwks_candidate(ctx)
    note_eddsa_candidate(ctx)
    return Diagnosis(found.ranked(), tuple(exchanges), tuple(n for n in notes if n))


def _not_bisected(ctx: RuleContext) -> str:
    """The dimensions no variant could test: the original was refused, no variant was
    signed with the token's own algorithm and none was accepted (say which, and why)."""
    token, original = ctx.report.token, ctx.original
    if not (refused(original) or (original.status or 0) >= 500) or token.payload is None:
        return ""
    if FRESH in ctx.ex or any(accepted(v) for v in ctx.variants) or token.alg in (None, "none"):
        return ""
    payload, header = token.payload, token.header or {}
    dims: list[str] = [c for c in ("exp", "nbf", "iat", "aud", "iss", "sub") if c in payload]
    dims += ["kid"] if "kid" in header else []
    dims.append("required claims (jti, scope, role …)")
    alg = token.alg
    if alg in HMAC_ALGS:
        why = f"no HMAC secret to sign {alg} variants with (pass --secret or --env-file)"
    else:
        why = f"no private key to sign {alg} variants with (pass --signing-key PEM|JWK)"
    return f"not bisected — {why}: " + ", ".join(dims)


def _drop_passed_stages(ctx: RuleContext) -> None:
    """The server's own words name the stage the token reached: weaker guesses at the
    stages it passed (key, signature, claims before it) are contradicted, and so are
    guesses from the token alone at that stage (the words say what went wrong there)."""
    first = stage_of("CAUSE-ALG-MISMATCH")
    for code, cause in list(ctx.found.causes.items()):
        if cause.confidence == "high" or cause.stage_index < first:
            continue
        token_only = all(e.source == "token" for e in cause.evidence)
        if code == "CAUSE-EXPIRED" and _exp_past_at_server(ctx):
            # Past at the server's own clock: a fact, whatever stage the words name
            # (flask-jwt-extended re-decodes an expired token and reports that error).
            continue
        if cause.stage_index < ctx.reached or (cause.stage_index == ctx.reached and token_only):
            del ctx.found.causes[code]


def _exp_past_at_server(ctx: RuleContext) -> bool:
    """The token's ``exp`` is past at local time and at the server's ``Date``."""
    exp = (ctx.report.token.payload or {}).get("exp")
    server = ctx.original.server_time
    return (
        isinstance(exp, (int, float))
        and server is not None
        and exp < min(server, float(ctx.report.now))
    )


def undecided(report: Report, exchanges: Sequence[Exchange]) -> bool:
    """Round 1 leaves the refusal undecided — the original was refused (or failed) and no
    cause is named for sure — or names the issuer (a token with the expected ``iss``
    shows the stage behind it): round 2 bisects ``iss`` too."""
    original = next((ex for ex in exchanges if ex.purpose == ORIGINAL), None)
    if original is None or not (refused(original) or (original.status or 0) >= 500):
        return False
    sure = [c.code for c in diagnose(report, exchanges).causes if c.confidence == "high"]
    return not sure or sure == ["CAUSE-ISSUER"]
