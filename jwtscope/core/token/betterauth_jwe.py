"""Better Auth's ``jwe`` cookie cache opened with BETTER_AUTH_SECRET: its claims (the
cache's ``iat``/``exp``, so how long it is trusted) and proof that it is Better Auth's.

Better Auth 1.7 encrypts the ``session_data`` cookie (``cookieCache.strategy: "jwe"``)
as a compact JWE, ``alg`` ``dir`` and ``enc`` ``A256CBC-HS512``, under a 64-byte key
derived with HKDF-SHA256 from the secret, salt ``better-auth-session`` and info
``BetterAuth.js Generated Encryption Key`` (its ``symmetricEncodeJWT``). The tag is
checked before anything is decrypted. Pure: the secrets are passed in.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from collections.abc import Iterable
from typing import Any

__all__ = ["CACHE_SALT", "open_session_cache"]

#: The HKDF salt of the session cookie cache.
CACHE_SALT = b"better-auth-session"
_INFO = b"BetterAuth.js Generated Encryption Key"


def _b64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _key(secret: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 64, CACHE_SALT, _INFO).derive(secret)


def _decrypt(key: bytes, protected: str, iv: bytes, ciphertext: bytes, tag: bytes) -> bytes:
    """A256CBC-HS512 (RFC 7518 5.2.5): the MAC key first, then the AES key.

    Raises:
        ValueError: the tag does not match (another key) or the padding is wrong.
    """
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    aad = protected.encode("ascii")
    mac = hmac.new(key[:32], aad + iv + ciphertext + (len(aad) * 8).to_bytes(8, "big"), "sha512")
    if not hmac.compare_digest(mac.digest()[:32], tag):
        raise ValueError("tag mismatch")
    decryptor = Cipher(algorithms.AES(key[32:]), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    pad = padded[-1] if padded else 0
    if not 1 <= pad <= 16 or padded[-pad:] != bytes([pad]) * pad:
        raise ValueError("bad padding")
    return padded[:-pad]


def open_session_cache(token: str, secrets: Iterable[bytes]) -> tuple[dict[str, Any], int] | None:
    """The claims of a Better Auth ``jwe`` cookie cache and the index of the secret that
    opened it, or None (not that shape, or no secret opens it).

    Args:
        token: the compact JWE (five dot-separated parts, an empty encrypted key).
        secrets: candidate BETTER_AUTH_SECRET values, as bytes.
    """
    parts = token.split(".")
    if len(parts) != 5 or parts[1]:
        return None
    try:
        header = json.loads(_b64(parts[0]))
        iv, ciphertext, tag = _b64(parts[2]), _b64(parts[3]), _b64(parts[4])
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or (header.get("alg"), header.get("enc")) != (
        "dir",
        "A256CBC-HS512",
    ):
        return None
    if len(iv) != 16 or len(tag) != 32 or not ciphertext or len(ciphertext) % 16:
        return None
    for index, secret in enumerate(secrets):
        try:
            claims = json.loads(_decrypt(_key(secret), parts[0], iv, ciphertext, tag))
        except ValueError:  # wrong key (tag), bad padding, not JSON
            continue
        if isinstance(claims, dict):
            return claims, index
    return None
