"""Recognise what Better Auth hands out: the plugin JWT versus its session artefacts.

Better Auth (1.7) issues one access token, the ``jwt()`` plugin's JWT (``GET
/api/auth/token`` or the ``set-auth-jwt`` header), and several session artefacts that
are not access tokens: the opaque session token (cookie ``better-auth.session_token``,
the bearer plugin's ``set-auth-token``) and the ``session_data`` cookie cache in its
strategies ``compact`` (base64url JSON with an HMAC), ``jwt`` (HS256 with
BETTER_AUTH_SECRET, or signed with the plugin's key when ``jwt({ sessionCookieCache:
true })``: ``typ`` ``better-auth.session-cache+jwt``, ``aud`` ``better-auth:session-cache``)
and ``jwe`` (``dir`` / ``A256CBC-HS512``). The shapes come from the real output in
``tests/data/betterauth``. Pure: no clock, no environment.
"""

from __future__ import annotations

from typing import Any

from jwtscope.core.token.parsing import DecodedToken, TokenKind

__all__ = [
    "CACHE_STRATEGIES",
    "DEFAULT_CACHE_MAX_AGE",
    "PLUGIN_LIFETIME",
    "SESSION_CACHE_AUD",
    "SESSION_CACHE_TYP",
    "cache_expiry",
    "cache_max_age",
    "cache_strategy",
    "is_plugin_jwt",
]

SESSION_CACHE_AUD = "better-auth:session-cache"
SESSION_CACHE_TYP = "better-auth.session-cache+jwt"
#: The plugin's default ``expirationTime`` ("15m").
PLUGIN_LIFETIME = 900
#: ``session.cookieCache.maxAge`` when unset.
DEFAULT_CACHE_MAX_AGE = 300
#: How each strategy is named to the user.
CACHE_STRATEGIES = {
    "compact": "strategy 'compact': base64url JSON signed with an HMAC of BETTER_AUTH_SECRET",
    "jwt": "strategy 'jwt': an HS256 JWT signed with BETTER_AUTH_SECRET",
    "jwt-plugin": (
        "strategy 'jwt' with jwt({ sessionCookieCache: true }): signed with the JWT "
        f"plugin's key, typ {SESSION_CACHE_TYP!r}, aud {SESSION_CACHE_AUD!r}"
    ),
    "jwe": (
        "strategy 'jwe': encrypted (dir, A256CBC-HS512) with a key derived from BETTER_AUTH_SECRET"
    ),
}
_USER_FIELDS = frozenset({"id", "email", "emailVerified"})


def _aud_list(payload: dict[str, Any]) -> list[Any]:
    aud = payload.get("aud")
    return aud if isinstance(aud, list) else [aud]


def _session_shape(payload: dict[str, Any]) -> bool:
    return isinstance(payload.get("session"), dict) and isinstance(payload.get("user"), dict)


def cache_strategy(token: DecodedToken, carrier: str = "text") -> str | None:
    """The ``session_data`` cookie-cache strategy the token was made with, or None.

    Args:
        token: the decoded token.
        carrier: where it was found (``cookie:better-auth.session_data`` names it for a JWE).
    """
    if token.kind is TokenKind.SESSION_CACHE:
        return "compact"
    header = token.header or {}
    if token.kind is TokenKind.JWE:
        from_cookie = carrier.startswith("cookie:") and carrier.endswith("session_data")
        ba_jwe = header.get("alg") == "dir" and header.get("enc") == "A256CBC-HS512"
        return "jwe" if from_cookie and ba_jwe else None
    payload = token.payload
    if token.kind is not TokenKind.JWS or payload is None:
        return None
    if header.get("typ") == SESSION_CACHE_TYP or SESSION_CACHE_AUD in _aud_list(payload):
        return "jwt-plugin"
    if _session_shape(payload):
        return "jwt-plugin" if payload.get("sid") and header.get("kid") else "jwt"
    return None


def cache_expiry(token: DecodedToken) -> int | None:
    """When the cookie cache stops being trusted (epoch seconds), if readable."""
    payload = token.payload or {}
    if token.kind is TokenKind.SESSION_CACHE:
        ms = payload.get("expiresAt")
        return int(ms) // 1000 if isinstance(ms, int) and not isinstance(ms, bool) else None
    exp = payload.get("exp")
    return exp if isinstance(exp, int) and not isinstance(exp, bool) else None


def cache_max_age(token: DecodedToken) -> int | None:
    """The cache's configured ``maxAge`` in seconds, as far as the token shows it."""
    payload = token.payload or {}
    expiry = cache_expiry(token)
    if expiry is None:
        return None
    if token.kind is TokenKind.SESSION_CACHE:
        inner = payload.get("session")
        updated = inner.get("updatedAt") if isinstance(inner, dict) else None
        expires_ms = payload.get("expiresAt")
        if isinstance(updated, int) and isinstance(expires_ms, int):
            return max(0, round((expires_ms - updated) / 1000))
        return None
    iat = payload.get("iat")
    return expiry - iat if isinstance(iat, int) and not isinstance(iat, bool) else None


def is_plugin_jwt(token: DecodedToken) -> bool:
    """The ``jwt()`` plugin's access token (not a cookie cache): the shape it issues.

    Its default payload is the user object plus ``sub``; with a custom ``definePayload``
    the 15-minute default lifetime and a ``kid`` still mark it.
    """
    payload = token.payload
    if token.kind is not TokenKind.JWS or payload is None or cache_strategy(token):
        return False
    if not isinstance(payload.get("sub"), str) or not isinstance(
        (token.header or {}).get("kid"), str
    ):
        return False
    if token.alg is None or token.alg.startswith("HS"):
        return False
    exp, iat = payload.get("exp"), payload.get("iat")
    lifetime = exp - iat if isinstance(exp, int) and isinstance(iat, int) else None
    return payload.keys() >= _USER_FIELDS or lifetime == PLUGIN_LIFETIME
