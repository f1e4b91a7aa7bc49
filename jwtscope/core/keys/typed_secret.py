"""Keys are typed: an HMAC secret that is really a PEM, SSH or JWK key is refused for HS*.

PyJWT's ``HMACAlgorithm.prepare_key`` decides (``InvalidKeyError``: "an asymmetric key or
x509 certificate"; "looks like a JWK"); a small fallback names what the value is and
also catches the shapes an older PyJWT lets through (escaped newlines, surrounding quotes).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from jwtscope.core.keys.keyset import KeySet, PublicKey, load_jwks, load_pem
from jwtscope.errors import KeyLoadError

__all__ = ["pinned_alg", "public_key_in", "typed_key_kind"]

#: Byte strings one of which every value PyJWT refuses contains (a cheap pre-filter, so
#: that plain secrets never pay for importing PyJWT and cryptography).
_HINTS = (b"----", b"ssh-", b"ecdsa-sha2-", b"kty", b"\\u", b"{", b"[")
_PEM_BEGIN = re.compile(rb"----[- ]BEGIN ([A-Z0-9 ]+?)[- ]----")
_SSH_PREFIXES = (
    b"ssh-ed25519",
    b"ssh-ed448",
    b"ssh-rsa",
    b"ssh-dss",
    b"ecdsa-sha2-nistp256",
    b"ecdsa-sha2-nistp384",
    b"ecdsa-sha2-nistp521",
    b"sk-ssh-ed25519@openssh.com",
    b"sk-ecdsa-sha2-nistp256@openssh.com",
)
_QUOTES_AND_SPACE = b" \t\r\n\"'`"


@lru_cache(maxsize=256)
def typed_key_kind(value: bytes) -> str:
    """What an HMAC secret really is when it is a key, or ``""`` for a usable secret.

    Args:
        value: the secret's key bytes.

    Returns:
        ``"a PEM public key"``, ``"an X.509 certificate"``, ``"a PEM private key"``,
        ``"an OpenSSH public key"``, ``"a JWK"``, ``"a JWKS"``, ``"a DER public key or
        certificate"``…, or ``""`` when PyJWT would use the value as an HMAC key.
    """
    if not value or not (value[:1] == b"\x30" or any(hint in value for hint in _HINTS)):
        return ""
    refusal = _pyjwt_refusal(value)
    kind = _name(value)
    if kind:
        return kind
    if refusal is None:
        return ""
    if "JWK" in refusal:
        return "a JWK"
    return "a DER public key or certificate"


def public_key_in(value: bytes, source: str) -> PublicKey | None:
    """The public key a refused secret holds (PEM, certificate, SSH, JWK), if it loads."""
    text = value.strip(_QUOTES_AND_SPACE).replace(b"\\n", b"\n")
    try:
        if text.startswith(b"-----BEGIN"):
            return load_pem(text, source)
        if text.startswith(_SSH_PREFIXES):
            return _load_ssh(text, source)
        doc = _json_object(text)
        if doc is not None:
            keys: KeySet = load_jwks(doc, source)
            return keys.public_keys[0] if keys.public_keys else None
    except KeyLoadError:
        return None
    return None


def pinned_alg(key: PublicKey | None) -> str:
    """The asymmetric alg to pin in ``algorithms=[...]`` for ``key`` (RS256 for RSA)."""
    if key is None:
        return "RS256"
    for preferred in ("RS256", "EdDSA"):
        if preferred in key.algorithms:
            return preferred
    return sorted(key.algorithms)[0]


def _pyjwt_refusal(value: bytes) -> str | None:
    """PyJWT's ``InvalidKeyError`` message when it refuses ``value`` as an HMAC key."""
    from jwt.algorithms import HMACAlgorithm
    from jwt.exceptions import InvalidKeyError

    try:
        HMACAlgorithm(HMACAlgorithm.SHA256).prepare_key(value)
    except InvalidKeyError as exc:
        return str(exc)
    return None


def _name(value: bytes) -> str:
    """Name the key shape: PEM (any newline style), OpenSSH public key, JWK or JWKS."""
    text = value.strip(_QUOTES_AND_SPACE)
    begin = _PEM_BEGIN.search(text)
    if begin is not None and re.search(
        rb"----[- ]END " + re.escape(begin.group(1)) + rb"[- ]----", text[begin.end() :]
    ):
        label = begin.group(1)
        if b"CERTIFICATE" in label:
            return "an X.509 certificate"
        if b"PRIVATE KEY" in label:
            return "a PEM private key"
        if b"PUBLIC KEY" in label:
            return "a PEM public key"
        return "a PEM block"
    if text.startswith(_SSH_PREFIXES):
        return "an OpenSSH public key"
    doc = _json_object(text)
    if doc is not None:
        return "a JWKS" if "keys" in doc and "kty" not in doc else "a JWK"
    return ""


def _json_object(text: bytes) -> dict[str, Any] | None:
    """A JWK (an object with ``kty``) or a JWKS (an object with a ``keys`` list)."""
    if not text.startswith(b"{"):
        return None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    keys = doc.get("keys")
    if "kty" in doc or (
        isinstance(keys, list) and any(isinstance(k, dict) and "kty" in k for k in keys)
    ):
        return doc
    return None


def _load_ssh(text: bytes, source: str) -> PublicKey | None:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_ssh_public_key(text.split(b"\n")[0].strip())
        spki = key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return None
    return load_pem(spki, source)
