"""A private key to sign test tokens with (``replay --signing-key``): RSA, EC or Ed25519,
read from a PEM private key or a private JWK (one with ``d``). Never shown: only its
source, type and the fingerprint of its public half."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.keys.keyset import PublicKey, load_jwk, load_pem
from jwtscope.errors import KeyLoadError

__all__ = ["SigningKey", "load_signing_key"]

_FIX = "pass a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK (with 'd')"


@dataclass(frozen=True)
class SigningKey:
    """A private key and its public half.

    Args:
        source: ``--signing-key key.pem``.
        key: the cryptography private-key object (never shown).
        public: its public half (algorithms it signs, kid, type, fingerprint).
    """

    source: str
    key: Any = field(repr=False)
    public: PublicKey

    @property
    def algorithms(self) -> frozenset[str]:
        """The algorithms the key signs (pinned by its type, or the JWK's ``alg``)."""
        return self.public.algorithms

    @property
    def kid(self) -> str | None:
        """The JWK's ``kid``, if any."""
        return self.public.kid

    def describe(self) -> str:
        """``the signing key key.pem (Ed25519, sha256 1a2b3c4d)``."""
        detail = self.public.detail or self.public.kty
        return f"the signing key {self.source} ({detail}, {self.public.fingerprint})"


def load_signing_key(data: bytes, source: str) -> SigningKey:
    """Read a private key from PEM or JWK bytes.

    Raises:
        KeyLoadError: not a private key (a public key, certificate, secret or JWKS), or
            a key type jwtscope cannot sign with.
    """
    from cryptography.hazmat.primitives import serialization

    text = data.strip()
    if text.startswith(b"-----BEGIN") and b"PRIVATE KEY" in text.split(b"\n", 1)[0]:
        try:
            key = serialization.load_pem_private_key(text, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyLoadError(
                f"{source} is not a readable unencrypted PEM private key", _FIX
            ) from exc
        return SigningKey(source, key, load_pem(text, source))
    if text.startswith(b"{"):
        return _from_jwk(text, source)
    raise KeyLoadError(f"{source} is not a private key (PEM or JWK)", _FIX)


def _from_jwk(text: bytes, source: str) -> SigningKey:
    import jwt

    try:
        obj = json.loads(text.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise KeyLoadError(f"{source} looks like JSON but does not parse", _FIX) from exc
    if not isinstance(obj, dict) or "keys" in obj or not isinstance(obj.get("d"), str):
        raise KeyLoadError(f"{source} is not a private JWK (no 'd')", _FIX)
    if obj.get("kty") == "oct":
        raise KeyLoadError(
            f"{source} is an HMAC (oct) key", "pass HMAC secrets with --secret or --env-file"
        )
    public = load_jwk(obj, source)
    try:
        key = jwt.PyJWK(obj).key
    except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError, KeyError) as exc:
        raise KeyLoadError(f"{source}: the private JWK cannot be used", _FIX) from exc
    if not isinstance(public, PublicKey):  # pragma: no cover - oct refused above
        raise KeyLoadError(f"{source} is not a private key", _FIX)
    return SigningKey(source, key, public)
