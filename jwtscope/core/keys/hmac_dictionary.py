"""Test candidate secrets against an HS256/HS384/HS512 token, as fast as pure Python allows.

A token signed with HMAC can be checked offline against a wordlist: a candidate is the
key if ``HMAC(candidate, signing_input)`` equals the signature. This module holds the
pure part of that search — the target, the per-candidate test and a single-process
loop. Reading wordlists and using every core is :mod:`jwtscope.local.crack_search`'s job.

How the per-candidate test is made fast (measured on CPython 3.11 + OpenSSL 3.0 with a
~450-byte signing input; see ``bench/bench_crack.py``):

* ``hmac.new(key, msg, sha256).digest()`` costs about 3 µs per candidate, the one-shot
  ``hmac.digest(key, msg, "sha256")`` about 2–2.7 µs.
* Two plain ``hashlib`` one-shots cost about 1.6 µs. HMAC is
  ``H((K ^ opad) || H((K ^ ipad) || msg))`` with ``K`` zero-padded to the block size, so
  ``K ^ ipad`` is ``key.translate(xor_0x36) + b"\\x36" * (block - len(key))``. The tail
  (pad bytes, and for the inner hash the whole message too) depends only on the key's
  length, so it is precomputed once per length: per candidate there are two
  ``translate`` calls, three concatenations and two hashes, and no base64 (raw digests
  are compared with the raw signature). What is left is mostly the cost of creating
  and finishing two OpenSSL hash contexts.

Keys longer than the block size are first hashed, exactly as RFC 2104 says. A caveat
that follows from the same RFC: keys that differ only by trailing zero bytes (``b"k"``
and ``b"k\\x00"``), or a long key and its digest, give the same HMAC. A match is
therefore a key that verifies and forges tokens, not necessarily the same bytes the
issuer typed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["HMAC_ALGORITHMS", "HmacTarget", "make_matcher", "search"]

_Hash = Callable[[bytes], Any]

#: JWS ``alg`` → (hash constructor, block size in bytes, digest size in bytes).
_ALGORITHMS: dict[str, tuple[_Hash, int, int]] = {
    "HS256": (hashlib.sha256, 64, 32),
    "HS384": (hashlib.sha384, 128, 48),
    "HS512": (hashlib.sha512, 128, 64),
}

#: The ``alg`` values whose key can be searched for with a wordlist.
HMAC_ALGORITHMS: tuple[str, ...] = tuple(_ALGORITHMS)

_XOR_IPAD = bytes(byte ^ 0x36 for byte in range(256))
_XOR_OPAD = bytes(byte ^ 0x5C for byte in range(256))


@dataclass(frozen=True)
class HmacTarget:
    """What a candidate key must reproduce.

    Attributes:
        signing_input: the exact bytes that were signed, ``header.payload`` in ASCII.
        signature: the raw (base64url-decoded) signature.
        alg: ``"HS256"``, ``"HS384"`` or ``"HS512"``.
    """

    signing_input: bytes
    signature: bytes
    alg: str

    def __post_init__(self) -> None:
        if self.alg not in _ALGORITHMS:
            raise ValueError(
                f"alg {self.alg!r} is not an HMAC algorithm; only "
                f"{', '.join(HMAC_ALGORITHMS)} keys can be searched with a wordlist"
            )
        digest_size = _ALGORITHMS[self.alg][2]
        if len(self.signature) != digest_size:
            raise ValueError(
                f"the signature is {len(self.signature)} bytes but {self.alg} signatures "
                f"are {digest_size} bytes; no key can produce it"
            )

    @classmethod
    def from_token(cls, token: str) -> HmacTarget:
        """Build the target from a compact JWS ``header.payload.signature``.

        Surrounding whitespace is ignored; nothing else is normalised (see
        :func:`jwtscope.core.token.parsing.normalize` for ``Bearer …`` and friends).

        Args:
            token: the compact serialisation of an HMAC-signed JWS.

        Returns:
            The target, with the signing input taken byte for byte from the token.

        Raises:
            ValueError: the token does not have three parts, a part is not base64url,
                the header is not a JSON object, or ``alg`` is not HS256/384/512.
        """
        parts = token.strip().split(".")
        if len(parts) != 3:
            raise ValueError(
                f"a signed JWT has 3 dot-separated parts (header.payload.signature), "
                f"this one has {len(parts)}"
            )
        header_b64, payload_b64, signature_b64 = parts
        try:
            signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
        except UnicodeEncodeError as exc:
            raise ValueError("the header or payload contains non-ASCII characters") from exc
        try:
            header = json.loads(_b64url_decode(header_b64))
        except (ValueError, RecursionError) as exc:  # bad base64, bad or too deep JSON
            raise ValueError("the header is not base64url-encoded JSON") from exc
        if not isinstance(header, dict):
            raise ValueError("the header is not a JSON object")
        alg = header.get("alg")
        if alg not in _ALGORITHMS:
            raise ValueError(
                f"alg {alg!r} is not an HMAC algorithm; only "
                f"{', '.join(HMAC_ALGORITHMS)} keys can be searched with a wordlist"
            )
        try:
            signature = _b64url_decode(signature_b64)
        except ValueError as exc:
            raise ValueError("the signature is not valid base64url") from exc
        return cls(signing_input=signing_input, signature=signature, alg=alg)


def make_matcher(target: HmacTarget) -> Callable[[bytes], bool]:
    """Build the per-candidate test for ``target``.

    Args:
        target: the token to reproduce.

    Returns:
        A function that tells whether a candidate key produces the token's signature.
        It is correct for every key length, including the empty key and keys longer
        than the hash's block size.
    """
    new_hash, block_size, _ = _ALGORITHMS[target.alg]
    signature = target.signature
    # Index = key length (0..block_size); key bytes ^ pad, then pad for the zero fill.
    inner_tails = [b"\x36" * (block_size - n) + target.signing_input for n in range(block_size + 1)]
    outer_tails = [b"\x5c" * (block_size - n) for n in range(block_size + 1)]
    translate = bytes.translate

    def matches(key: bytes) -> bool:
        size = len(key)
        if size > block_size:
            key = new_hash(key).digest()
            size = len(key)
        inner = new_hash(translate(key, _XOR_IPAD) + inner_tails[size]).digest()
        outer: bytes = new_hash(translate(key, _XOR_OPAD) + outer_tails[size] + inner).digest()
        return outer == signature

    return matches


def search(target: HmacTarget, candidates: Iterable[bytes]) -> bytes | None:
    """Test candidates in order in this process.

    Args:
        target: the token to reproduce.
        candidates: the keys to try; consumed lazily, up to the first match.

    Returns:
        The first candidate that produces the signature, or ``None``.
    """
    # filter() runs the loop in C: only the matcher itself is interpreted.
    return next(filter(make_matcher(target), candidates), None)


def _b64url_decode(segment: str) -> bytes:
    """Strict base64url: unpadded or padded, every other character refused."""
    try:
        raw = segment.encode("ascii")
    except UnicodeEncodeError as exc:
        raise ValueError("non-ASCII character in base64url") from exc
    raw = raw.rstrip(b"=")
    if b"+" in raw or b"/" in raw:
        raise ValueError("'+' or '/' in base64url (that is plain base64)")
    if len(raw) % 4 == 1:
        raise ValueError("impossible length for base64url")
    try:
        return base64.b64decode(raw + b"=" * (-len(raw) % 4), altchars=b"-_", validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from exc
