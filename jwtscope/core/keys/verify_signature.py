"""Check a token's signature over the exact bytes that were signed.

PyJWT's algorithm objects do the cryptography; this module decides which keys may be
tried. The algorithm family is pinned by each key's type: a secret only ever verifies
HS*, an Ed25519 key only EdDSA, and so on — the token's ``alg`` only selects among the
algorithms a key allows. A "secret" that is really a key (PEM, certificate, OpenSSH, JWK)
verifies nothing, as PyJWT refuses it for HMAC. ``alg: none`` is never valid.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from jwtscope.core.keys.keyset import HMAC_ALGS, KeySet, PublicKey, Secret
from jwtscope.core.keys.typed_secret import pinned_alg, public_key_in, typed_key_kind
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
    #: The token's kid is not in a key set that names its keys: a kid lookup (PyJWKClient)
    #: finds no key, whatever the algorithm. Neither "invalid" nor "unverified".
    NO_KEY = "no key for kid"


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
            HS* token (the algorithm-confusion attack); the key came as a key (``--key``,
            JWKS) or as a "secret" holding a PEM/SSH/JWK key.
        confusion_alg: the asymmetric alg that key verifies (to pin in ``algorithms=``).
        refused_secrets: secrets that are really keys (PEM, certificate, OpenSSH, JWK):
            never used as HMAC keys, as PyJWT refuses them (``InvalidKeyError``).
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
    confusion_alg: str | None = None
    refused_secrets: tuple[str, ...] = ()

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
    # Keys are typed: a "secret" holding a PEM, SSH or JWK key is never an HMAC key.
    usable = tuple(s for s in keys.secrets if not typed_key_kind(s.value))
    refused = _refused(keys.secrets)
    tried = tuple(s.describe() for s in usable)
    mismatched = tuple(k.describe() for k in keys.public_keys) + refused
    confusion, confusion_alg = _confusion(token, keys, alg)
    common: dict[str, Any] = {
        "kid": kid,
        "mismatched_keys": mismatched,
        "confusion_key": confusion,
        "confusion_alg": confusion_alg,
        "refused_secrets": refused,
    }
    for secret in usable:
        if _hmac_ok(alg, secret.value, token):
            return SignatureCheck(
                SigStatus.VALID,
                alg,
                key=secret.describe(),
                reason=f"{alg} HMAC matches {secret.label}",
                tried=tried,
                matched_secret=secret,
                **common,
            )
    if usable:
        return SignatureCheck(
            SigStatus.INVALID,
            alg,
            key="; ".join(s.describe() for s in usable if not s.variant),
            reason=f"{alg} HMAC matches none of the {_count(usable, 'secret')} tried",
            tried=tried,
            **common,
        )
    reason = "no HMAC secret was found to verify this HS* token"
    if refused:
        reason = (
            f"the only HMAC secret offered is a key, not a shared secret: {'; '.join(refused)}."
            f" A key is never used as an {alg} secret, as PyJWT refuses it (InvalidKeyError)"
        )
    elif keys.public_keys:
        reason = "only public keys were offered; an HS* token needs the shared secret"
    return SignatureCheck(SigStatus.UNVERIFIED, alg, reason=reason, **common)


def _refused(secrets: tuple[Secret, ...]) -> tuple[str, ...]:
    """Each secret that is really a key, described with what it is (variants left out)."""
    typed = [s for s in secrets if typed_key_kind(s.value)]
    shown = [s for s in typed if not s.variant] or typed
    return tuple(_typed_describe(s) for s in shown)


def _typed_describe(secret: Secret) -> str:
    """``--secret, 451 chars, sha256 1a2b3c4d — a PEM public key``."""
    return f"{secret.describe()} — {typed_key_kind(secret.value)}"


def _confusion(token: DecodedToken, keys: KeySet, alg: str) -> tuple[str | None, str | None]:
    """The key (public key, or a secret holding one) whose text is the token's HMAC key."""
    for key in keys.public_keys:
        if _hmac_ok(alg, key.spki_pem, token) or _hmac_ok(alg, key.spki_pem.strip(), token):
            return key.describe(), pinned_alg(key)
    for secret in keys.secrets:
        kind = typed_key_kind(secret.value)
        if kind and (
            _hmac_ok(alg, secret.value, token) or _hmac_ok(alg, secret.value.strip(), token)
        ):
            return _typed_describe(secret), pinned_alg(public_key_in(secret.value, secret.label))
    return None, None


def _verify_public(token: DecodedToken, keys: KeySet, alg: str, kid: str | None) -> SignatureCheck:
    compatible = [k for k in keys.public_keys if alg in k.algorithms]
    refused = _refused(keys.secrets)
    mismatched = (
        tuple(s.describe() for s in keys.secrets if not typed_key_kind(s.value))
        + refused
        + tuple(k.describe() for k in keys.public_keys if alg not in k.algorithms)
    )
    available = tuple(k.kid for k in keys.public_keys if k.kid)
    # Only a key set that names its keys (a JWKS with kids) can lack the token's kid.
    kid_unknown = bool(kid) and bool(available) and kid not in available
    if kid and not kid_unknown:
        # Keys with the token's kid first; the others are tried too so that a key
        # published under another kid is still recognised.
        compatible.sort(key=lambda k: k.kid != kid)
    if kid_unknown and not any(_public_ok_any(alg, k, token) for k in compatible):
        return SignatureCheck(
            SigStatus.NO_KEY,
            alg,
            reason=(
                f"no key for this kid: the key set has no key with kid {kid!r} "
                f"(kids: {', '.join(available)})"
            ),
            tried=tuple(k.describe() for k in compatible),
            kid=kid,
            kid_unknown=True,
            available_kids=available,
            mismatched_keys=mismatched,
            refused_secrets=refused,
        )
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
            refused_secrets=refused,
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
                refused_secrets=refused,
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
        refused_secrets=refused,
    )


def _public_ok_any(alg: str, key: PublicKey, token: DecodedToken) -> bool:
    """Whether ``key`` verifies the token (the key published under another kid)."""
    from jwt.algorithms import get_default_algorithms

    return _public_ok(get_default_algorithms()[alg], key, token)


def _public_ok(algorithm: Any, key: PublicKey, token: DecodedToken) -> bool:
    try:
        return bool(algorithm.verify(token.signing_input, key.key, token.signature))
    except Exception:  # a malformed signature for this key type is simply "does not verify"
        return False


def _count(items: Any, noun: str) -> str:
    n = len(items)
    return f"{n} {noun}{'s' if n != 1 else ''}"
