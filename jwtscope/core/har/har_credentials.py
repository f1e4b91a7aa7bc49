"""The credentials one HAR entry carries or receives, each named by a fingerprint.

Sent: the ``Authorization`` header, token headers (``X-Access-Token`` …) and token
cookies (the ``Cookie`` header and the ``cookies`` array). Received: Better Auth's
``set-auth-token`` / ``set-auth-jwt`` headers, token cookies set by ``Set-Cookie`` and
tokens in a token endpoint's JSON answer. A fingerprint is the first 12 hex digits of
the token's SHA-256; a value the sanitizer replaced (``sanitized-<fp>``, or a JWT whose
signature is ``sanitized-<fp>``) keeps the fingerprint of the original.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from jwtscope.core.har.har_entry import REQUEST_HEADERS, HarEntry
from jwtscope.core.token.carriers import (
    PASSWORD_SCHEMES,
    cookie_text,
    is_token_cookie,
    looks_like_jwt,
    parse_cookie_string,
    split_authorization,
)

__all__ = [
    "SANITIZED",
    "Credential",
    "entry_credentials",
    "fingerprint",
    "is_token_key",
    "set_cookie_pairs",
]

#: The prefix of a value the sanitizer replaced by its fingerprint.
SANITIZED = "sanitized-"
_SANITIZED_VALUE = re.compile(r"sanitized-([0-9a-f]{12})")
_JWT_IN_TEXT = re.compile(r"eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
_TOKEN_HEADERS = REQUEST_HEADERS - {"authorization", "cookie", "origin", "referer"}
_RECEIVED_HEADERS = frozenset({"set-auth-token", "set-auth-jwt"})
_TOKEN_KEY = re.compile(r"(^|_)(token|jwt|access_token|id_token|refresh_token)$", re.IGNORECASE)


@dataclass(frozen=True)
class Credential:
    """A credential seen in an entry.

    Args:
        place: where, in words (``Authorization``, ``cookie session_token``,
            ``set-auth-jwt``, ``Set-Cookie session_token``, ``body token``).
        sent: True when the request carried it, False when the response handed it out.
        value: the token text (kept in memory to judge it; never printed).
        fingerprint: 12 hex digits naming the token.
    """

    place: str
    sent: bool
    value: str
    fingerprint: str

    @property
    def is_jwt(self) -> bool:
        """The value is shaped like a JWS."""
        return looks_like_jwt(self.value)

    @property
    def sanitized(self) -> bool:
        """The value came from a sanitized HAR (its signature or value was replaced)."""
        return bool(_SANITIZED_VALUE.search(self.value.rsplit(".", 1)[-1]))


def fingerprint(value: str) -> str:
    """The token's fingerprint; a sanitized value gives back the original's."""
    tail = value.rsplit(".", 1)[-1]
    match = _SANITIZED_VALUE.fullmatch(tail)
    if match:
        return match.group(1)
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def is_token_key(name: str) -> bool:
    """A JSON key or form field that holds a token (``token``, ``access_token`` …)."""
    return bool(_TOKEN_KEY.search(name))


def _credential(place: str, sent: bool, value: str) -> Credential:
    return Credential(place, sent, value, fingerprint(value))


def set_cookie_pairs(entry: HarEntry) -> list[tuple[str, str, str]]:
    """``(name, value, attributes)`` of every cookie the response sets."""
    found: dict[str, tuple[str, str, str]] = {}
    for key, header in entry.response_headers:
        if key.lower() != "set-cookie":
            continue
        for line in header.splitlines():
            first, _, attributes = line.partition(";")
            name, sep, value = first.partition("=")
            if sep and name.strip():
                found.setdefault(name.strip(), (name.strip(), value.strip(), attributes.strip()))
    for name, value in entry.response_cookies:
        found.setdefault(name, (name, value, ""))
    return list(found.values())


def _request_cookies(entry: HarEntry) -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for key, header in entry.request_headers:
        if key.lower() == "cookie":
            for name, value in parse_cookie_string(header)[0]:
                pairs.setdefault(name, value)
    for name, value in entry.request_cookies:
        pairs.setdefault(name, value)
    return list(pairs.items())


def _sent(entry: HarEntry) -> list[Credential]:
    out: list[Credential] = []
    for key, value in entry.request_headers:
        lower = key.lower()
        if lower == "authorization":
            scheme, token = split_authorization(value)
            junk = token.strip().lower() in ("null", "undefined", "none")
            if token and scheme.lower() not in PASSWORD_SCHEMES and not junk:
                out.append(_credential("Authorization", True, token))
        elif lower in _TOKEN_HEADERS and value.strip():
            out.append(_credential(key, True, split_authorization(value)[1]))
    for name, raw in _request_cookies(entry):
        if raw and is_token_cookie(name, raw):
            out.append(_credential(f"cookie {name}", True, cookie_text(raw)))
    return out


def _received(entry: HarEntry) -> list[Credential]:
    out: list[Credential] = []
    for key, value in entry.response_headers:
        if key.lower() in _RECEIVED_HEADERS and value.strip():
            out.append(_credential(key.lower(), False, value.strip()))
    for name, raw, _attributes in set_cookie_pairs(entry):
        if raw and is_token_cookie(name, raw):
            out.append(_credential(f"Set-Cookie {name}", False, cookie_text(raw)))
    if entry.body:
        out += _body_tokens(entry.body)
    return out


def _body_tokens(body: str) -> list[Credential]:
    found: dict[str, Credential] = {}
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError):
        data = None
    stack: list[tuple[str, Any]] = [("", data)]
    while stack and len(found) < 20:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((key, v) for v in value[:50])
        elif isinstance(value, str) and is_token_key(key) and len(value) >= 16:
            found.setdefault(value, _credential(f"body {key}", False, value))
    for match in _JWT_IN_TEXT.finditer(body):
        value = match.group(0)
        if value not in found and len(found) < 20:
            found[value] = _credential("body", False, value)
    return list(found.values())


def entry_credentials(entry: HarEntry) -> tuple[Credential, ...]:
    """Every credential the entry sent, then every one it received (one per token)."""
    seen: set[tuple[bool, str]] = set()
    out: list[Credential] = []
    for cred in (*_sent(entry), *_received(entry)):
        if (cred.sent, cred.fingerprint) not in seen:
            seen.add((cred.sent, cred.fingerprint))
            out.append(cred)
    return tuple(out)
