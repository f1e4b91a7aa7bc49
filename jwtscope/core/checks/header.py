"""Checks on the JOSE header: alg none, key references, kid, alg vs key type."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.keys.verify_signature import SignatureCheck, SigStatus
from jwtscope.core.pyjwt_fix import jwks_url_for, pyjwt_call
from jwtscope.core.token.parsing import TokenKind

#: Path traversal, absolute system paths, SQL and shell metacharacters. A bare "/" is
#: allowed: base64 kids (AWS Cognito) contain it.
_KID_DANGER = re.compile(
    r"(\.\./|\.\.\\|^/(dev|etc|proc|tmp|var|usr|home|root)\b|^[a-z]:\\|['\";|`]|\$\(|--|"
    r"\x00|\bunion\b|\bselect\b)",
    re.IGNORECASE,
)


@check("header", "ALG-NONE")
def alg_none(ctx: CheckContext) -> Iterator[Finding]:
    """``alg: none`` in any casing."""
    alg = ctx.token.alg
    if ctx.token.kind is TokenKind.JWS and alg is not None and alg.lower() == "none":
        yield make(
            "ALG-NONE",
            f"The header says alg {alg!r}: the token is unsigned"
            + (" and still carries a signature segment." if ctx.token.signature else "."),
            "Reject it. Always pass an explicit list to PyJWT: "
            "`jwt.decode(token, key, algorithms=[\"EdDSA\"])` (never 'none', never "
            "taken from the token header).",
            evidence={"alg": alg},
        )


@check("header", "HEADER-KEY-REF")
def key_references(ctx: CheckContext) -> Iterator[Finding]:
    """``jku``/``x5u``/``jwk``/``x5c`` in the header, or a dangerous ``kid``."""
    header = ctx.token.header or {}
    if ctx.token.kind not in (TokenKind.JWS, TokenKind.JWE):
        return
    refs = [name for name in ("jku", "x5u", "jwk", "x5c") if name in header]
    if refs:
        shown = ", ".join(refs)
        yield make(
            "HEADER-KEY-REF",
            f"The header carries {shown}: it tells the verifier where to find the key.",
            "Ignore key references in the header; verify only against keys you configured "
            "(a fixed JWKS URL or PEM).",
            evidence={"fields": shown},
        )
    kid = header.get("kid")
    if isinstance(kid, str) and _KID_DANGER.search(kid):
        yield make(
            "HEADER-KEY-REF",
            f"The kid {kid[:60]!r} contains path or SQL characters.",
            "Never use 'kid' in a file path or SQL query; look it up in a fixed key map.",
            severity=Severity.ERROR,
            title="kid with path or SQL characters",
            evidence={"kid": kid[:60]},
        )


@check("header", "KID-UNKNOWN")
def kid_unknown(ctx: CheckContext) -> Iterator[Finding]:
    """The token's kid is not in the offered key set: no key for this kid, for any alg."""
    sig = ctx.signature
    if not sig.kid_unknown:
        return
    kids = ", ".join(sig.available_kids) or "(none)"
    if sig.status is SigStatus.VALID and sig.matched_public is not None:
        yield make(
            "KID-UNKNOWN",
            f"The token's kid {sig.kid!r} is not in the key set offered (kids: {kids}). The "
            f"signature still verifies with the key {sig.matched_public.kid or '(no kid)'}, so "
            "a kid-based lookup (PyJWKClient) fails while the key is right.",
            "Publish the key under the kid the issuer writes in the header, or have the "
            "issuer write the kid its JWKS publishes.",
            evidence={"kid": str(sig.kid), "available": kids},
        )
        return
    iss = (ctx.token.payload or {}).get("iss")
    jwks = (
        f" ({iss.rstrip('/')}/api/auth/jwks for Better Auth, or its custom basePath/jwksPath)"
        if isinstance(iss, str) and iss.startswith("http")
        else ""
    )
    yield make(
        "KID-UNKNOWN",
        f"No key for this kid: the JWKS has no key with kid {sig.kid!r} (its kids: {kids}), "
        f"so a kid lookup finds no {sig.alg} key to check the signature with. PyJWT's "
        "PyJWKClient raises 'Unable to find a signing key that matches'. This says nothing "
        "against the signature: the keys were rotated (a token signed before the rotation, "
        "its key now past the grace period), or the "
        "JWKS was fetched from another URL or environment.",
        f"Refetch the JWKS from the issuer's URL{jwks} and check it is the URL of the "
        "environment in 'iss'. If the kid is still missing, the key is gone: the client "
        "must get a fresh token. On the API, refetch the JWKS when an unknown kid arrives "
        "(PyJWKClient does on a miss) instead of caching the keys forever.",
        evidence={"kid": str(sig.kid), "available": kids, "verdict": "no key for this kid"},
    )


@check("header", "ALG-KEY-MISMATCH")
def alg_key_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """The token's alg family does not fit the keys offered."""
    sig = ctx.signature
    alg = sig.alg
    if ctx.token.kind is not TokenKind.JWS or alg is None or alg.lower() == "none":
        return
    if sig.confusion_key:
        yield _confusion(sig, alg)
        return
    if alg in HMAC_ALGS and sig.refused_secrets:
        yield _key_as_secret(sig, alg)
        return
    if sig.status is not SigStatus.UNVERIFIED or not sig.mismatched_keys:
        return
    if alg in HMAC_ALGS:
        yield make(
            "ALG-KEY-MISMATCH",
            f"The token is {alg} (HMAC with a shared secret) but only public keys were "
            f"offered: {'; '.join(sig.mismatched_keys)}.",
            "Verify HS* tokens with the shared secret (--secret-env NAME or .env). If the "
            "issuer publishes a JWKS it should not issue HS* tokens — check who signed it.",
            evidence={"alg": alg},
        )
        return
    ba_secret = any(s.name in ("BETTER_AUTH_SECRET", "AUTH_SECRET") for s in ctx.keys.secrets)
    origin = ctx.issuer or ctx.audience
    payload = ctx.token.payload
    jwks_url = jwks_url_for(payload, origin.value if origin else None)
    fix_code = pyjwt_call(payload, alg, jwks_url=jwks_url)
    if ba_secret and alg in ("EdDSA", "Ed25519", "ES256", "ES512", "PS256", "RS256"):
        detail = (
            f"The token is {alg}, signed by Better Auth's JWT plugin with a key from its "
            "JWKS. BETTER_AUTH_SECRET is not that key: Better Auth never signs JWTs with it "
            "(it signs cookies and encrypts the JWKS private keys)."
        )
        fix = (
            f"Verify against the JWKS at {jwks_url} (--jwks {jwks_url}; Better Auth's default "
            "path: with a custom basePath or jwks.jwksPath it is <baseURL><basePath><jwksPath>)."
            f" In FastAPI:\n{fix_code}"
        )
    else:
        detail = (
            f"The token is {alg} (public-key signature) but the keys offered cannot verify "
            f"it: {'; '.join(sig.mismatched_keys)}."
        )
        fix = f"Verify with the issuer's JWKS or public key (--jwks/--key), e.g.:\n{fix_code}"
    if sig.refused_secrets:
        detail += (
            " A secret offered holds a key, and a key is never used as a secret: pass it "
            "as a key (--key FILE) to verify this token with it."
        )
    yield make("ALG-KEY-MISMATCH", detail, fix, evidence={"alg": alg, "jwks": jwks_url})


#: Why a key offered as an HMAC secret is an algorithm-confusion hazard.
_CONFUSION_ATTACK = (
    "Anyone who knows the public key (it is public) can sign any token with it as an "
    "HMAC secret; a verifier that accepts the public key as an HMAC secret accepts such "
    "forged tokens."
)


#: PyJWT's refusal, for findings about a key offered as an HMAC secret.
_PYJWT_REFUSES = (
    "PyJWT refuses it (InvalidKeyError: an asymmetric key, x509 certificate or JWK "
    "should not be used as an HMAC secret)"
)


def _refused_note(sig: SignatureCheck) -> str:
    """Which keys offered as secrets were refused as HMAC keys, and why."""
    if not sig.refused_secrets:
        return ""
    if sig.confusion_key in sig.refused_secrets:
        others = [k for k in sig.refused_secrets if k != sig.confusion_key]
        also = f" Also refused: {'; '.join(others)}." if others else ""
        return (
            " This key came as an HMAC secret; jwtscope does not use a key as one, as "
            f"{_PYJWT_REFUSES}.{also}"
        )
    return (
        f" A key offered as a secret is never used as an HMAC key, as {_PYJWT_REFUSES}: "
        f"{'; '.join(sig.refused_secrets)}."
    )


def _pin_fix(pinned: str) -> str:
    return (
        f'Pin the algorithm on the server: `jwt.decode(token, public_key, algorithms=["{pinned}"])`'
        " (the asymmetric alg only, never HS* for a public key), and pass the key as a key "
        "(a PEM/JWKS loaded as a key, --key FILE), never as a secret (JWT_SECRET, --secret)."
    )


def _confusion(sig: SignatureCheck, alg: str) -> Finding:
    """The HS* token's HMAC key is the text of a public key: the algorithm-confusion attack."""
    key = sig.confusion_key or ""
    return make(
        "ALG-KEY-MISMATCH",
        f"This {alg} token verifies when the public key ({key}) is used as the HMAC secret: "
        f"it was forged with the algorithm-confusion attack. {_CONFUSION_ATTACK}"
        + _refused_note(sig),
        _pin_fix(sig.confusion_alg or "RS256"),
        severity=Severity.CRITICAL,
        title="Algorithm confusion: HS* token signed with a public key",
        evidence={"key": key},
    )


def _key_as_secret(sig: SignatureCheck, alg: str) -> Finding:
    """A PEM/SSH/JWK key arrived as the HMAC secret of an HS* token it does not verify."""
    keys = "; ".join(sig.refused_secrets)
    return make(
        "ALG-KEY-MISMATCH",
        f"The token is {alg} (HMAC with a shared secret) but the secret offered is a key, "
        f"not a shared secret: {keys}. A key is never used as an HMAC secret, as PyJWT "
        "refuses it (InvalidKeyError). A verifier that takes it as its HMAC secret is open "
        f"to the algorithm-confusion attack. {_CONFUSION_ATTACK}",
        "If the issuer signs with this key pair, verify with the key as a key and pin its "
        'alg: `jwt.decode(token, public_key, algorithms=["RS256"])` (ES256/EdDSA for EC/'
        "Ed25519 keys; --key FILE here). If the token is meant to be HS*, put the real "
        "shared secret in the variable.",
        evidence={"alg": alg, "keys": keys},
    )
