"""The corrected PyJWT call for a backend, with the real values filled in.

Pure string building from the token's header and payload; used by check fixes
(ALG-KEY-MISMATCH, AUD-PRESENT) and by the replay diagnosis.
"""

from __future__ import annotations

from typing import Any

from jwtscope.core.keys.keyset import HMAC_ALGS

__all__ = ["jwks_url_for", "pyjwt_call"]


def jwks_url_for(
    payload: dict[str, Any] | None, fallback_origin: str | None = None, explicit: str | None = None
) -> str:
    """The JWKS URL to verify against: the one given, else Better Auth's under ``iss``."""
    if explicit:
        return explicit
    iss = (payload or {}).get("iss")
    base = iss if isinstance(iss, str) and iss.startswith(("http://", "https://")) else None
    return f"{(base or fallback_origin or 'http://localhost:3000').rstrip('/')}/api/auth/jwks"


def pyjwt_call(
    payload: dict[str, Any] | None,
    alg: str,
    *,
    jwks_url: str | None = None,
    secret_name: str = "JWT_SECRET",
    key: str | None = None,
    token: str = "token",
) -> str:
    """The ``jwt.decode`` a FastAPI backend should make for this token, one argument a line.

    Args:
        payload: the token's payload (its ``aud`` and ``iss`` become ``audience=``/``issuer=``).
        alg: the algorithm to pin.
        jwks_url: for asymmetric algorithms, the JWKS URL.
        secret_name: for HS*, the variable holding the secret.
        key: the key expression to show instead (e.g. ``key``).
        token: the expression holding the token (``creds.credentials``).
    """
    payload = payload or {}
    lines: list[str] = []
    if key is None:
        if alg in HMAC_ALGS:
            key = f'os.environ["{secret_name}"]'
        else:
            lines.append(f'jwks = jwt.PyJWKClient("{jwks_url_for(payload, explicit=jwks_url)}")')
            key = f"jwks.get_signing_key_from_jwt({token}).key"
    args = [token, key, f'algorithms=["{alg}"]']
    aud = payload.get("aud")
    first = aud if isinstance(aud, str) else aud[0] if isinstance(aud, list) and aud else None
    if isinstance(first, str) and first:
        args.append(f'audience="{first}"')
    iss = payload.get("iss")
    if isinstance(iss, str) and iss:
        args.append(f'issuer="{iss}"')
    lines.append("payload = jwt.decode(")
    lines += [f"    {arg}," for arg in args]
    lines.append(")")
    return "\n".join(lines)
