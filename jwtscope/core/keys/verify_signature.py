"""Check a token's signature over the exact bytes that were signed.

PyJWT's algorithm objects do the cryptography; this module decides which keys may be
tried. The algorithm family is pinned by each key's type: a secret only ever verifies
HS*, an Ed25519 key only EdDSA, and so on — the token's ``alg`` only selects among the
algorithms a key allows. ``alg: none`` is never valid.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from jwtscope.core.keys.keyset import HMAC_ALGS, KeySet, PublicKey, Secret
from jwtscope.core.token.parsing import DecodedToken, TokenKind

__all__ = ["SigStatus", "SignatureCheck", "verify_signature"]

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
#: JWS algorithms PyJWT can verify (PyJWT/cryptography load on the first public-key check).
_KNOWN_ALGS = frozenset(
    {
        "ES256",
        "ES256K",
        "ES384",
        "ES512",
        "ES521",
        "EdDSA",
        "PS256",
        "PS384",
        "PS512",
        "RS256",
        "RS384",
        "RS512",
    }
)


class SigStatus(StrEnum):
    """The signature verdict."""

    VALID = "valid"
    INVALID = "invalid"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class SignatureCheck:
    """What the signature check found.

    Args:
        status: valid, invalid or unverified.
        alg: the token's ``alg`` as written.
        key: the key that verified it (valid), or a summary of the keys tried.
        reason: why, in words.
        tried: descriptions of every key tried.
        matched_secret: the secret that verified an HS* token.
        matched_public: the public key that verified the token.
        kid: the token's ``kid``, if any.
        kid_unknown: the token has a ``kid`` that no offered key carries.
        available_kids: the kids that were offered.
        mismatched_keys: keys offered whose type cannot verify this ``alg``.
        confusion_key: a public key whose PEM, used as an HMAC secret, verifies the
            HS* token (the algorithm-confusion attack).
    """

    status: SigStatus
    alg: str | None
    key: str | None = None
    reason: str = ""
    tried: tuple[str, ...] = ()
    matched_secret: Secret | None = None
    matched_public: PublicKey | None = None
    kid: str | None = None
    kid_unknown: bool = False
    available_kids: tuple[str, ...] = ()
    mismatched_keys: tuple[str, ...] = ()
    confusion_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: status, alg, key and reason."""
        return {
            "status": self.status.value,
            "alg": self.alg,
            "key": self.key,
            "reason": self.reason,
            "tried": list(self.tried),
        }


def verify_signature(token: DecodedToken, keys: KeySet) -> SignatureCheck:
    """Verify a decoded token against every key that may verify its ``alg``.

    Args:
        token: a decoded token (anything but a JWS is reported as unverified).
        keys: the secrets and public keys on offer.

    Returns:
        The verdict; never raises.
    """
    alg = token.alg
    kid_value = (token.header or {}).get("kid")
    kid = kid_value if isinstance(kid_value, str) else None
    if token.kind is not TokenKind.JWS:
        return SignatureCheck(
            SigStatus.UNVERIFIED, alg, reason=f"not a signed JWT ({token.kind.value})"
        )
    if alg is None:
        return SignatureCheck(SigStatus.UNVERIFIED, None, reason="the header has no string 'alg'")
    if alg.lower() == "none":
        return SignatureCheck(
            SigStatus.INVALID, alg, reason="alg 'none' means unsigned; it is never valid", kid=kid
        )
    if alg in HMAC_ALGS:
        return _verify_hmac(token, keys, alg, kid)
    if alg not in _KNOWN_ALGS:
        return SignatureCheck(
            SigStatus.UNVERIFIED,
            alg,
            reason=f"alg {alg!r} is not a JWS algorithm PyJWT knows",
            kid=kid,
        )
    return _verify_public(token, keys, alg, kid)


def _hmac_ok(alg: str, key: bytes, token: DecodedToken) -> bool:
    digest = hmac.new(key, token.signing_input, _HASHES[alg]).digest()
    return hmac.compare_digest(digest, token.signature)


def _verify_hmac(token: DecodedToken, keys: KeySet, alg: str, kid: str | None) -> SignatureCheck:
    tried = tuple(s.describe() for s in keys.secrets)
    mismatched = tuple(k.describe() for k in keys.public_keys)
    confusion = next(
        (
            k.describe()
            for k in keys.public_keys
            if _hmac_ok(alg, k.spki_pem, token) or _hmac_ok(alg, k.spki_pem.strip(), token)
        ),
        None,
    )
    for secret in keys.secrets:
        if _hmac_ok(alg, secret.value, token):
            return SignatureCheck(
                SigStatus.VALID,
                alg,
                key=secret.describe(),
                reason=f"{alg} HMAC matches {secret.label}",
                tried=tried,
                matched_secret=secret,
                kid=kid,
                mismatched_keys=mismatched,
                confusion_key=confusion,
            )
    if keys.secrets:
        return SignatureCheck(
            SigStatus.INVALID,
            alg,
            key="; ".join(s.describe() for s in keys.secrets if not s.variant),
            reason=f"{alg} HMAC matches none of the {_count(keys.secrets, 'secret')} tried",
            tried=tried,
            kid=kid,
            mismatched_keys=mismatched,
            confusion_key=confusion,
        )
    reason = "no HMAC secret was found to verify this HS* token"
    if keys.public_keys:
        reason = "only public keys were offered; an HS* token needs the shared secret"
    return SignatureCheck(
        SigStatus.UNVERIFIED,
        alg,
        reason=reason,
        kid=kid,
        mismatched_keys=mismatched,
        confusion_key=confusion,
    )


def _verify_public(token: DecodedToken, keys: KeySet, alg: str, kid: str | None) -> SignatureCheck:
    compatible = [k for k in keys.public_keys if alg in k.algorithms]
    mismatched = tuple(s.describe() for s in keys.secrets) + tuple(
        k.describe() for k in keys.public_keys if alg not in k.algorithms
    )
    available = tuple(k.kid for k in keys.public_keys if k.kid)
    # Only a key set that names its keys (a JWKS with kids) can lack the token's kid.
    kid_unknown = bool(kid) and bool(available) and kid not in available
    if kid and not kid_unknown:
        # Keys with the token's kid first; the others are tried too so that a key
        # published under another kid is still recognised.
        compatible.sort(key=lambda k: k.kid != kid)
    if not compatible:
        reason = f"no public key that can verify {alg} was offered"
        if keys.secrets and not keys.public_keys:
            reason = f"{alg} is verified with a public key (JWKS/PEM), not with an HMAC secret"
        return SignatureCheck(
            SigStatus.UNVERIFIED,
            alg,
            reason=reason,
            kid=kid,
            kid_unknown=kid_unknown,
            available_kids=available,
            mismatched_keys=mismatched,
        )
    from jwt.algorithms import get_default_algorithms

    algorithm = get_default_algorithms()[alg]
    tried = tuple(k.describe() for k in compatible)
    for key in compatible:
        if _public_ok(algorithm, key, token):
            return SignatureCheck(
                SigStatus.VALID,
                alg,
                key=key.describe(),
                reason=f"{alg} signature verifies with {key.describe()}",
                tried=tried,
                matched_public=key,
                kid=kid,
                kid_unknown=kid_unknown,
                available_kids=available,
                mismatched_keys=mismatched,
            )
    return SignatureCheck(
        SigStatus.INVALID,
        alg,
        key="; ".join(tried),
        reason=f"{alg} signature does not verify with {_count(compatible, 'key')} offered",
        tried=tried,
        kid=kid,
        kid_unknown=kid_unknown,
        available_kids=available,
        mismatched_keys=mismatched,
    )


def _public_ok(algorithm: Any, key: PublicKey, token: DecodedToken) -> bool:
    try:
        return bool(algorithm.verify(token.signing_input, key.key, token.signature))
    except Exception:  # a malformed signature for this key type is simply "does not verify"
        return False


def _count(items: Any, noun: str) -> str:
    n = len(items)
    return f"{n} {noun}{'s' if n != 1 else ''}"
