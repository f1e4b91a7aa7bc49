"""What the evidence shows when no rule decided: a wrong secret shown by refusals that never
change, or CAUSE-UNKNOWN naming the request that would decide.
"""

from __future__ import annotations

from jwtscope.core.diagnosis.causes import UNKNOWN_FIX, Evidence
from jwtscope.core.diagnosis.replay_plan import FRESH_AUD, FRESH_ISS, NO_TOKEN, ORIGINAL
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    login_redirect,
    refused,
    same_answer,
)
from jwtscope.core.keys.keyset import HMAC_ALGS

__all__ = ["UNDECIDED", "read_same_refusal", "read_unknown"]

#: Hypotheses the token alone suggests, and the request that would decide each:
#: (token finding, the cause it would be, what to send).
UNDECIDED: tuple[tuple[str, str, str], ...] = (
    (
        "AUD-PRESENT",
        "CAUSE-AUDIENCE",
        "the same token without 'aud', signed with the server's key (jwtscope sends it "
        "when the HMAC secret is in .env, the private key is given with --signing-key, or "
        "--guess-server-secret finds the server's default secret)",
    ),
    (
        "ISS-MISMATCH",
        "CAUSE-ISSUER",
        "the same token with the expected 'iss', signed with the server's key",
    ),
    (
        "ALG-KEY-MISMATCH",
        "CAUSE-ALG-MISMATCH",
        "the backend's verifying key: a backend verifying HS256 with a shared secret "
        "would have accepted jwtscope's HS256 token unless its secret differs; one "
        "verifying with a JWKS is checked with `--jwks URL` naming the JWKS it uses (a "
        "token that verifies there points at the backend's key fetch: "
        "CAUSE-JWKS-UNREACHABLE / CAUSE-JWKS-STALE)",
    ),
)


def read_same_refusal(ctx: RuleContext) -> None:
    """An HS* token that verifies with the environment's secret, unexpired, and every
    fresh variant (re-signed with that secret) refused exactly as the original: the one
    thing they all share is the key, so the server's key differs."""
    if any(c.confidence != "low" for c in ctx.found.causes.values()):
        return
    report, variants = ctx.report, ctx.variants
    secret = report.signature.matched_secret
    if (report.token.alg or "") not in HMAC_ALGS or secret is None or report.finding("EXP-PAST"):
        return
    if not variants or not all(refused(v) and same_answer(v, ctx.original) for v in variants):
        return
    evidence = [
        ctx.ev(ORIGINAL),
        Evidence(
            "token",
            f"verifies with {secret.name} ({secret.source}), unexpired, "
            f"{report.token.alg} (the algorithm the secret signs)",
        ),
        *(
            ctx.ev(v.purpose, f"{answer_line(v)}: refused the same way, freshly signed")
            for v in variants
        ),
    ]
    payload = report.token.payload or {}
    open_claims = _untried_claims(ctx)
    if open_claims:
        # An iss/aud the server may expect otherwise predicts every answer seen as well
        # as another key does: read_unknown names both and the requests that decide.
        return
    if "sub" in payload:
        evidence.append(
            Evidence(
                "token",
                f"not separated: a server that finds no user for sub {payload['sub']!r} "
                "and says so in the same words (FastAPI's tutorial answers 'Could not "
                "validate credentials' to both) answers the same; a token for a user the "
                "server has would decide",
            )
        )
    same_without = same_answer(ctx.ex.get(NO_TOKEN), ctx.original)
    if same_without and login_redirect(ctx.original):
        # A login page's redirect, the same without a token: a web page that reads its
        # session from a cookie (and never the header) answers exactly this way, as does
        # one on another key; read_unknown names both and the request that would decide.
        return
    if same_without:
        evidence.append(
            Evidence(
                NO_TOKEN,
                "without a token the answer is the same too: if the token were lost on the "
                "way, a token the server is known to accept would be refused here as well",
            )
        )
    fix = (
        f"The backend verifies with another key than {ctx.secret_name}: check the "
        "backend's environment (process env overrides .env) and use one secret on both "
        "sides (compare fingerprints with `jwtscope inspect --env-file …`)."
    )
    if "sub" in payload:
        fix += (
            f" If the keys are the same, the application refuses the user: check that a "
            f"user with id {payload['sub']!r} exists on this server."
        )
    ctx.found.add("CAUSE-WRONG-SECRET", "medium", evidence, fix, weight=4)


def _untried_claims(ctx: RuleContext) -> list[str]:
    """The token's ``aud``/``iss`` that no variant replaced with the value the server
    expects (jwtscope knows none): a server expecting other values refuses every variant
    alike, as a server with another key does."""
    report = ctx.report
    payload = report.token.payload or {}
    tried = {"aud": FRESH_AUD in ctx.ex, "iss": FRESH_ISS in ctx.ex and report.issuer is not None}
    return [claim for claim in ("aud", "iss") if claim in payload and not tried[claim]]


def _key_or_claim(ctx: RuleContext) -> tuple[list[Evidence], list[str]]:
    """Every fresh variant refused as the original, the token verifying with the
    environment's secret, and an ``aud``/``iss`` untried: the evidence naming the
    hypotheses, and the requests that decide."""
    secret = ctx.report.signature.matched_secret
    variants = ctx.variants
    claims = _untried_claims(ctx)
    if secret is None or not claims or not variants:
        return [], []
    if not all(refused(v) and same_answer(v, ctx.original) for v in variants):
        return [], []
    payload = ctx.report.token.payload or {}
    codes = {"aud": "CAUSE-AUDIENCE", "iss": "CAUSE-ISSUER"}
    named = " or ".join(
        f"{codes[c]} (the server expects another '{c}' than {payload[c]!r})" for c in claims
    )
    evidence = [
        Evidence(
            "token",
            f"undecided: CAUSE-WRONG-SECRET (the token verifies with {secret.name} and every "
            f"fresh variant is refused alike) or {named}: each predicts these answers",
        )
    ]
    deciding = [
        f"{codes[c]}: the fresh token with the server's '{c}' (its config, or "
        f"`--{'audience' if c == 'aud' else 'issuer'} VALUE`): accepted means the claim"
        for c in claims
    ]
    deciding.append(
        "CAUSE-WRONG-SECRET: the server's own secret (its environment; process env "
        "overrides .env): another value than .env's means the key"
    )
    return evidence, deciding


def read_unknown(ctx: RuleContext) -> None:
    """Nothing decided: CAUSE-UNKNOWN, with each hypothesis the token suggests that no
    answer disproved, and the request that would decide it."""
    if ctx.found.causes:
        return
    evidence = [Evidence(ORIGINAL, answer_line(ctx.original))]
    deciding: list[str] = []
    carried_accepted = any(accepted(v) for v in ctx.variants)
    for finding, code, request in UNDECIDED:
        if ctx.report.finding(finding) is None or carried_accepted:
            continue
        evidence.append(Evidence("token", f"undecided: {code} ({finding})"))
        deciding.append(f"{code}: {request}")
    variants = ctx.variants
    key_or_claim, claim_deciding = _key_or_claim(ctx)
    evidence += key_or_claim
    deciding += claim_deciding
    if variants and all(same_answer(v, ctx.original) for v in variants):
        evidence.append(Evidence("variants", "the server answers every failure the same way"))
        if same_answer(ctx.ex.get(NO_TOKEN), ctx.original):
            evidence.extend(_lost_or_other_key(ctx))
            deciding.extend(_LOST_OR_OTHER_KEY_DECIDING)
        else:
            deciding.append(
                "whether the token arrives at all: a token the server is known to accept "
                "(freshly issued by the issuer), sent to this URL"
            )
    fix = UNKNOWN_FIX
    if ctx.report.signature.matched_secret is not None:
        fix = "Compare the server's logs for this request (the secret in .env was used)."
    if deciding:
        fix += "\nThe request that would decide:\n" + "\n".join(f"- {d}" for d in deciding)
    ctx.found.add("CAUSE-UNKNOWN", "low", evidence, fix)


#: The requests that separate "the token never reaches the verifier" from "the server
#: verifies with another key", when the server answers a token and no token alike.
_LOST_OR_OTHER_KEY_DECIDING = (
    "CAUSE-HEADER-NOT-RECEIVED: the same token where the server reads it (the cookie or "
    "header its code names; a browser request copied as cURL carries its cookies): "
    "accepted there means the token never arrived",
    "CAUSE-WRONG-SECRET: a token signed with the server's own secret (from the "
    "server's environment, or `--guess-server-secret` for framework defaults): accepted "
    "means the server's key differs from the one in .env",
)


def _lost_or_other_key(ctx: RuleContext) -> list[Evidence]:
    """The two hypotheses a token-blind answer leaves open, when the token verifies with
    the environment's secret: each predicts exactly the answers seen."""
    secret = ctx.report.signature.matched_secret
    if secret is None:
        return []
    return [
        Evidence(
            NO_TOKEN,
            f"{answer_line(ctx.ex[NO_TOKEN])}: the same answer without a token",
        ),
        Evidence(
            "token",
            f"undecided: CAUSE-WRONG-SECRET (the token verifies with {secret.name} and "
            "every fresh variant is refused) or CAUSE-HEADER-NOT-RECEIVED (a server that "
            "never reads the token answers a token and no token alike)",
        ),
    ]
