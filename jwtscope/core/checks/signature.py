"""The signature verdict as a finding: SIG-VALID, SIG-INVALID or SIG-UNVERIFIED.

"No key for this kid" is not a signature verdict of its own code: KID-UNKNOWN reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.token.parsing import TokenKind


@check("signature", "SIG-VALID", "SIG-INVALID", "SIG-UNVERIFIED")
def signature(ctx: CheckContext) -> Iterator[Finding]:
    """Report the verdict, with the key used or the keys tried."""
    if ctx.token.kind is not TokenKind.JWS:
        return
    sig = ctx.signature
    alg = sig.alg or "?"
    if sig.status is SigStatus.NO_KEY:
        return  # KID-UNKNOWN says it: no key for this kid, the same for every alg
    if sig.status is SigStatus.VALID:
        note = ""
        if sig.matched_secret is not None and sig.matched_secret.variant:
            note = (
                " Only after stripping quotes/whitespace from the configured value: a "
                "server reading the value as configured will reject it (see SECRET-QUOTED)."
            )
        yield make(
            "SIG-VALID",
            f"{sig.reason}.{note}",
            "",
            evidence={"alg": alg, "key": sig.key or ""},
        )
    elif sig.status is SigStatus.INVALID:
        if alg.lower() == "none":
            fix = "Reject unsigned tokens: pass an explicit algorithms=[...] to jwt.decode."
        elif alg in HMAC_ALGS:
            fix = (
                "The issuer signed with a different secret. Compare the secret on both sides "
                "by fingerprint: `jwtscope inspect TOKEN --env-file web/.env.local "
                "--env-file api/.env` (SECRET-MISMATCH shows where they differ); check for "
                "quotes or a trailing newline in the value."
            )
        else:
            fix = (
                "The token was signed by another key: fetch the JWKS of the environment named "
                "in 'iss', or the token was altered after signing."
            )
        yield make(
            "SIG-INVALID",
            f"{sig.reason}. Tried: {'; '.join(sig.tried) or 'no key'}.",
            fix,
            evidence={"alg": alg, "tried": " | ".join(sig.tried)},
        )
    else:
        if alg in HMAC_ALGS and sig.refused_secrets:
            fix = (
                "An HS* token is verified with the shared secret, never with a key: put the "
                "real secret in .env as JWT_SECRET / BETTER_AUTH_SECRET, pass --env-file PATH "
                "or --secret-env NAME. An issuer that signs with a key pair issues RS256/"
                "ES256/EdDSA tokens, verified with --key/--jwks."
            )
        elif alg in HMAC_ALGS:
            fix = (
                "Provide the secret: put it in .env as JWT_SECRET / BETTER_AUTH_SECRET, pass "
                "--env-file PATH or --secret-env NAME."
            )
        else:
            fix = "Provide the issuer's public keys: --jwks URL|FILE or --key FILE."
            iss = (ctx.token.payload or {}).get("iss")
            if isinstance(iss, str) and iss.startswith("http"):
                fix += (
                    f" For Better Auth: --jwks {iss.rstrip('/')}/api/auth/jwks (with a custom "
                    "basePath or jwks.jwksPath, the JWKS is at <baseURL><basePath><jwksPath>)"
                )
        yield make(
            "SIG-UNVERIFIED",
            f"Not verified: {sig.reason}.",
            fix,
            evidence={"alg": alg},
        )
