"""The corrected PyJWT call for a backend, with the real values filled in.

Pure string building from the token's header and payload; used by check fixes
(ALG-KEY-MISMATCH, AUD-PRESENT) and by the replay diagnosis.
"""

from __future__ import annotations

from typing import Any

from jwtscope.core.keys.keyset import HMAC_ALGS

__all__ = ["UNKNOWN_BASE_URL", "custom_issuer", "jwks_url_for", "pyjwt_call"]

#: Stands for the auth server's baseURL when the token does not show it.
UNKNOWN_BASE_URL = "<auth server baseURL>"


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def custom_issuer(payload: dict[str, Any] | None) -> bool:
    """``iss`` is not the auth server's baseURL as far as the token shows: Better Auth
    writes its baseURL into both ``iss`` and ``aud``, so a URL ``aud`` that is not the
    ``iss`` (or an ``iss`` that is no URL) means ``jwt({ jwt: { issuer, audience } })``."""
    payload = payload or {}
    iss, aud = payload.get("iss"), payload.get("aud")
    auds = aud if isinstance(aud, list) else [aud]
    if not isinstance(iss, str):
        return False
    if not _is_url(iss):
        return True
    return iss not in auds and any(_is_url(a) for a in auds)


def jwks_url_for(
    payload: dict[str, Any] | None, fallback_origin: str | None = None, explicit: str | None = None
) -> str:
    """The JWKS URL to verify against: the one given, else Better Auth's default path under
    ``iss`` — unless the issuer is a custom one (:func:`custom_issuer`): the baseURL is then
    not in the token, and ``fallback_origin`` (or a placeholder) stands for it."""
    if explicit:
        return explicit
    iss = (payload or {}).get("iss")
    base: str
    if custom_issuer(payload):
        base = fallback_origin or UNKNOWN_BASE_URL
    elif isinstance(iss, str) and _is_url(iss):
        base = iss
    else:
        base = fallback_origin or "http://localhost:3000"
    return f"{base.rstrip('/')}/api/auth/jwks"


def pyjwt_call(
    payload: dict[str, Any] | None,
    alg: str,
    *,
    jwks_url: str | None = None,
    secret_name: str = "JWT_SECRET",
    key: str | None = None,
    token: str = "token",
    base_url: str | None = None,
) -> str:
    """The ``jwt.decode`` a FastAPI backend should make for this token, one argument a line.

    Args:
        payload: the token's payload (its ``aud`` and ``iss`` become ``audience=``/``issuer=``).
        alg: the algorithm to pin.
        jwks_url: for asymmetric algorithms, the JWKS URL.
        secret_name: for HS*, the variable holding the secret.
        key: the key expression to show instead (e.g. ``key``).
        token: the expression holding the token (``creds.credentials``).
        base_url: the auth server's baseURL as configured (BETTER_AUTH_URL, the expected
            issuer), for a JWKS URL the token's custom issuer does not show.
    """
    payload = payload or {}
    lines: list[str] = []
    if key is None:
        if alg in HMAC_ALGS:
            key = f'os.environ["{secret_name}"]'
        else:
            lines.append(f'jwks = jwt.PyJWKClient("{jwks_url_for(payload, base_url, jwks_url)}")')
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
