"""Where a token travels in a request, and how to find it there.

Best first:

1. ``Authorization: <scheme> <token>`` with any scheme except the password schemes
   (Basic, Digest, Negotiate, NTLM), recorded with its scheme;
2. a cookie whose value is JWT-shaped, else one named like a session token
   (:data:`jwtscope.core.token.pasted_text.TOKEN_COOKIE_NAMES`, then
   ``…session_token``-like names), its value URL-decoded;
3. another header whose value is JWT-shaped, else one named like ``X-Auth-Token``;
4. an ``Authorization`` header with a password scheme, when nothing else carries a token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

from jwtscope.core.token.pasted_text import TOKEN_COOKIE_NAMES

__all__ = [
    "NOWHERE",
    "PASSWORD_SCHEMES",
    "TOKEN_HEADER_NAMES",
    "LocationKind",
    "TokenLocation",
    "cookie_text",
    "cookie_value_like",
    "detect_token",
    "is_token_cookie",
    "looks_like_jwt",
    "parse_cookie_string",
    "split_authorization",
]

LocationKind = Literal["authorization", "cookie", "header", "none"]

_JWT = re.compile(
    r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"
    r"|eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"
)
#: Authorization schemes that carry a password, not a token.
PASSWORD_SCHEMES = frozenset({"basic", "digest", "negotiate", "ntlm"})
_SCHEME_WORDS = frozenset({"bearer", "token", "jwt", "dpop", "basic", "digest", "negotiate"})
#: Headers other than Authorization that carry a token (read by name, lower case).
TOKEN_HEADER_NAMES = (
    "x-auth-token",
    "x-access-token",
    "x-id-token",
    "x-jwt",
    "x-jwt-token",
    "x-token",
    "x-session-token",
    "x-api-token",
    "x-authorization",
    "access-token",
    "token",
    "jwt",
)
_TOKENISH_COOKIE = re.compile(r"(session[_-]?token|access[_-]?token|id[_-]?token|auth[_-]?token)$")
_COOKIE_OCTET = re.compile(r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*")


@dataclass(frozen=True)
class TokenLocation:
    """Where the token sits in a request.

    Args:
        kind: ``authorization``, ``cookie``, ``header`` or ``none``.
        name: the cookie or header name (``Authorization`` as written, for kind authorization).
        scheme: the word before the token (``Bearer``, ``Token``, ``""`` when there is none).
    """

    kind: LocationKind
    name: str = ""
    scheme: str = ""


#: The location of a request without a token.
NOWHERE = TokenLocation("none")


def looks_like_jwt(value: str) -> bool:
    """The whole value is shaped like a JWS (3 parts) or JWE (5 parts) starting ``eyJ``."""
    return bool(_JWT.fullmatch(value))


def split_authorization(value: str) -> tuple[str, str]:
    """``(scheme, credentials)`` of an Authorization value, the way FastAPI splits it.

    ``"Bearer x"`` gives ``("Bearer", "x")``; a bare token gives ``("", token)``; a lone
    scheme word gives ``(word, "")``.
    """
    text = value.strip()
    scheme, sep, rest = text.partition(" ")
    if sep and not looks_like_jwt(scheme):
        return scheme, rest
    if not sep and text.lower() in _SCHEME_WORDS:
        return text, ""
    return "", text


def parse_cookie_string(text: str) -> tuple[list[tuple[str, str]], int]:
    """``a=1; b=2`` as pairs, values untouched, and how many pieces had no ``=``."""
    pairs: list[tuple[str, str]] = []
    skipped = 0
    for piece in text.split(";"):
        piece = piece.strip()
        if not piece:
            continue
        name, sep, value = piece.partition("=")
        if not sep or not name.strip():
            skipped += 1
            continue
        pairs.append((name.strip(), value.strip()))
    return pairs, skipped


def detect_token(
    headers: list[tuple[str, str]], cookies: list[tuple[str, str]]
) -> tuple[str | None, TokenLocation, list[str]]:
    """Find the token in headers (without Cookie) and cookies, in the order of this module.

    Returns:
        The token (None when there is none), its location and notes on how it was read.
    """
    notes: list[str] = []
    fallback: tuple[str, TokenLocation] | None = None
    auths = [(k, v) for k, v in headers if k.lower() == "authorization"]
    if auths:
        name, value = auths[0]
        if len(auths) > 1:
            notes.append(f"{len(auths)} Authorization headers: the first one is used")
        scheme, token = split_authorization(value)
        location = TokenLocation("authorization", name, scheme)
        if scheme.lower() not in PASSWORD_SCHEMES:
            return token, location, notes
        fallback = (token, location)
    cookie = _token_cookie(cookies)
    if cookie is not None:
        name, raw = cookie
        token = cookie_text(raw)
        if token != raw.strip('"'):
            notes.append(f"the {name} cookie was URL-decoded to read its token")
        return token, TokenLocation("cookie", name), notes
    candidates = [(k, v) for k, v in headers if k.lower() != "authorization"]
    shaped = [(k, v) for k, v in candidates if looks_like_jwt(split_authorization(v)[1])]
    named = [(k, v) for k, v in candidates if k.lower() in TOKEN_HEADER_NAMES and v.strip()]
    if shaped or named:
        name, value = (shaped or named)[0]
        scheme, token = split_authorization(value)
        return token, TokenLocation("header", name, scheme), notes
    if fallback is not None:
        return fallback[0], fallback[1], notes
    return None, TokenLocation("none"), notes


def _token_cookie(cookies: list[tuple[str, str]]) -> tuple[str, str] | None:
    for name, value in cookies:
        if looks_like_jwt(cookie_text(value)):
            return name, value
    first: dict[str, str] = {}
    for name, value in cookies:
        first.setdefault(name, value)
    for known in TOKEN_COOKIE_NAMES:
        if known in first:
            return known, first[known]
    return next(((k, v) for k, v in cookies if _TOKENISH_COOKIE.search(k.lower())), None)


def is_token_cookie(name: str, value: str) -> bool:
    """The cookie carries a token: JWT-shaped value or a session-token name."""
    return (
        looks_like_jwt(cookie_text(value))
        or name in TOKEN_COOKIE_NAMES
        or bool(_TOKENISH_COOKIE.search(name.lower()))
    )


def cookie_text(raw: str) -> str:
    """A cookie value as the server reads it: surrounding quotes dropped, %XX decoded."""
    inner = raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] == '"' else raw
    return unquote(inner)


def cookie_value_like(old: str, token: str) -> str:
    """``token`` encoded the way the cookie value it replaces was.

    A new cookie (no old value) is percent-encoded like JavaScript's
    ``encodeURIComponent``, as Better Auth writes its cookies; a JWT is left as it is.
    """
    quoted = len(old) >= 2 and old[0] == old[-1] == '"'
    inner = old[1:-1] if quoted else old
    encoded = (
        not inner or unquote(inner) != inner or not _COOKIE_OCTET.fullmatch(token) or "%" in token
    )
    value = quote(token, safe="-_.!~*'()") if encoded else token
    return f'"{value}"' if quoted else value
