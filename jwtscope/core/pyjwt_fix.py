"""The corrected PyJWT call for a backend, with the real values filled in."""

from __future__ import annotations

from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.keys import HMAC_ALGS

__all__ = ["jwks_url_for", "pyjwt_call"]


def jwks_url_for(report: Report, explicit: str | None = None) -> str:
    """The JWKS URL to verify against: the one given, else Better Auth's under ``iss``."""
    if explicit:
        return explicit
    payload = report.token.payload or {}
    iss = payload.get("iss")
    base = iss if isinstance(iss, str) and iss.startswith(("http://", "https://")) else None
    if base is None and report.issuer is not None:
        base = report.issuer.value
    return f"{(base or 'http://localhost:3000').rstrip('/')}/api/auth/jwks"


def pyjwt_call(
    report: Report,
    *,
    alg: str | None = None,
    jwks_url: str | None = None,
    secret_name: str = "JWT_SECRET",
    audience: bool = True,
    issuer: bool = True,
) -> str:
    """The ``jwt.decode`` a FastAPI backend should make for this token.

    Args:
        report: the analysis of the token (its alg, aud and iss are used).
        alg: the algorithm to pin (default: the token's).
        jwks_url: for asymmetric algorithms, the JWKS URL (default: under ``iss``).
        secret_name: for HS*, the variable holding the secret.
        audience: pass ``audience=`` when the token has ``aud``.
        issuer: pass ``issuer=`` when the token has ``iss``.
    """
    payload: dict[str, Any] = report.token.payload or {}
    alg = alg or report.token.alg or "HS256"
    lines: list[str] = []
    if alg in HMAC_ALGS:
        key = f'os.environ["{secret_name}"]'
    else:
        lines.append(f'jwks = jwt.PyJWKClient("{jwks_url_for(report, jwks_url)}")')
        key = "jwks.get_signing_key_from_jwt(token).key"
    args = [f'algorithms=["{alg}"]']
    aud = payload.get("aud")
    if audience and aud:
        first = aud if isinstance(aud, str) else aud[0] if isinstance(aud, list) and aud else None
        if isinstance(first, str):
            args.append(f'audience="{first}"')
    iss = payload.get("iss")
    if issuer and isinstance(iss, str) and iss:
        args.append(f'issuer="{iss}"')
    lines.append(f"payload = jwt.decode(token, {key}, {', '.join(args)})")
    return "\n".join(lines)
