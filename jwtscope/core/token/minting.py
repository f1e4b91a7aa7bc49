"""Sign test tokens (the review's USER1_TOKEN / USER2_TOKEN) with a known HMAC secret, or
with the user's private key (replay variants of RS*/PS*/ES*/EdDSA tokens)."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from typing import Any

import jwt

from jwtscope.errors import KeyLoadError, UsageError

__all__ = ["MintedToken", "mint_token", "parse_claims", "sign_claims", "sign_with_key"]

_RESERVED = {"sub", "iat", "exp"}


@dataclass(frozen=True)
class MintedToken:
    """A signed token and what went into it."""

    token: str
    header: dict[str, Any]
    payload: dict[str, Any]


def parse_claims(items: list[str]) -> dict[str, Any]:
    """``k=v`` pairs; ``v`` is JSON when it parses (5, true, ["a"]), else a string.

    Raises:
        UsageError: for an item without ``=`` or with an empty name, or one that sets
            sub/iat/exp (they have their own options).
    """
    claims: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(
                f"--claim {item!r} is not NAME=VALUE", "write it like --claim role=admin"
            )
        if name in _RESERVED:
            raise UsageError(f"--claim {name} is set by its own option", f"use --{name}")
        try:
            claims[name] = json.loads(raw)
        except (ValueError, RecursionError):  # not JSON, too deep, a number too long
            claims[name] = raw
    return claims


def mint_token(
    *,
    secret: bytes,
    alg: str,
    sub: str,
    now: int,
    lifetime: int | None,
    claims: dict[str, Any] | None = None,
    aud: str | None = None,
    iss: str | None = None,
    kid: str | None = None,
) -> MintedToken:
    """Sign an HS* token with ``sub``, ``iat`` = now and ``exp`` = now + lifetime."""
    payload: dict[str, Any] = {"sub": sub, "iat": now}
    if lifetime is not None:
        payload["exp"] = now + lifetime
    if iss:
        payload["iss"] = iss
    if aud:
        payload["aud"] = aud
    payload.update(claims or {})
    return sign_claims(secret=secret, alg=alg, payload=payload, kid=kid)


def sign_claims(
    *,
    secret: bytes,
    alg: str,
    payload: dict[str, Any],
    kid: str | None = None,
    headers: dict[str, Any] | None = None,
) -> MintedToken:
    """Sign exactly ``payload`` (any claim types, e.g. to reproduce a token) with HS*;
    ``headers`` adds header fields (``typ``, ``kid``, …; its ``alg`` is ignored).

    Raises:
        KeyLoadError: the secret is a public key, certificate or JWK, which PyJWT refuses
            as an HMAC key (signing with it is the alg-confusion attack).
    """
    headers = _headers(headers, kid)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short test secrets are reported by inspect, not here
        try:
            token = jwt.encode(payload, secret, algorithm=alg, headers=headers)
        except jwt.InvalidKeyError as exc:
            raise KeyLoadError(
                "the secret is a key (PEM, certificate or JWK), not an HMAC secret: "
                "signing with it would be the alg-confusion attack",
                "pass the HMAC secret (--secret-env NAME or --env-file), not a public key",
            ) from exc
    header = jwt.get_unverified_header(token)
    return MintedToken(token=token, header=header, payload=payload)


def _headers(extra: dict[str, Any] | None, kid: str | None) -> dict[str, Any] | None:
    """The JOSE header fields to add (``alg`` is the argument's, never the header's)."""
    merged = {k: v for k, v in (extra or {}).items() if k != "alg"}
    if kid:
        merged["kid"] = kid
    return merged or None


def sign_with_key(
    *,
    key: Any,
    alg: str,
    payload: dict[str, Any],
    kid: str | None = None,
    headers: dict[str, Any] | None = None,
) -> MintedToken:
    """Sign exactly ``payload`` with a private key (RSA, EC or Ed25519) and ``alg``.

    Raises:
        KeyLoadError: the key cannot sign ``alg``.
    """
    headers = _headers(headers, kid)
    try:
        token = jwt.encode(payload, key, algorithm=alg, headers=headers)
    except (jwt.InvalidKeyError, NotImplementedError, TypeError, ValueError) as exc:
        raise KeyLoadError(
            f"the signing key cannot sign {alg}", "pass a private key of the token's type"
        ) from exc
    return MintedToken(token=token, header=jwt.get_unverified_header(token), payload=payload)
