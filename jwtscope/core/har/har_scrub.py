"""Values made safe for a sanitized HAR: tokens, URLs, JSON and form bodies, claims.

A token keeps what triage needs and loses what could be replayed: a JWT keeps its
header's ``alg``/``kid``/``typ`` and its claims' times, ``iss`` and ``aud`` (personal
data masked), and its signature becomes ``sanitized-<fingerprint>``; any other token
becomes ``sanitized-<fingerprint>``. Passwords and secrets are removed outright (a
fingerprint of a password could be guessed back), other text is masked.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from jwtscope.core.har.har_credentials import SANITIZED, fingerprint, is_token_key
from jwtscope.core.token.carriers import looks_like_jwt
from jwtscope.core.token.parsing import b64url_decode

__all__ = [
    "MASKED",
    "REMOVED",
    "is_secret_key",
    "scrub_json_text",
    "scrub_token",
    "scrub_url",
    "scrub_value",
]

MASKED = "masked"
REMOVED = "removed"
_SECRET_KEY = re.compile(
    r"(pass(word|wd|phrase)?|secret|pwd|pin|otp|cvv|card|iban|ssn|private|credential|"
    r"api_?key|client_?secret|code_?verifier|^code$)",
    re.IGNORECASE,
)
_KEPT_CLAIMS = frozenset(
    {
        "iss",
        "aud",
        "exp",
        "iat",
        "nbf",
        "auth_time",
        "scope",
        "scp",
        "azp",
        "role",
        "roles",
        "typ",
        "amr",
        "acr",
        "ver",
    }
)
_KEPT_HEADER = ("alg", "kid", "typ", "cty")
_ERROR_KEYS = frozenset(
    {"error", "error_description", "code", "status", "type", "detail", "message"}
)
_TOKENISH = re.compile(r"[A-Za-z0-9_\-.+/=%]{24,}")
_JWT_INSIDE = re.compile(r"eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
_NOT_A_TOKEN = frozenset({"", "null", "undefined", "none"})
_SEGMENT_SAFE = re.compile(r"[A-Za-z0-9_.~-]{1,40}")


def is_secret_key(name: str) -> bool:
    """A field whose value is a password or secret (removed, never fingerprinted)."""
    return bool(_SECRET_KEY.search(name))


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _claims(payload: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if key in _KEPT_CLAIMS and not isinstance(value, dict):
            out[key] = value
        elif key == "sub" and isinstance(value, str | int) and "@" not in str(value):
            out[key] = value if len(str(value)) <= 64 else MASKED
        elif isinstance(value, bool) or value is None:
            out[key] = value
        else:
            out[key] = MASKED
    return out


def _jwt(token: str, fp: str) -> str | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    kept = {k: header[k] for k in _KEPT_HEADER if isinstance(header.get(k), str)}
    return f"{_b64(kept)}.{_b64(_claims(payload))}.{SANITIZED}{fp}"


@lru_cache(maxsize=4096)  # a session repeats its few tokens in thousands of headers
def scrub_token(token: str) -> str:
    """A token as a sanitized HAR keeps it (see the module docstring); idempotent."""
    if token.strip().lower() in _NOT_A_TOKEN:
        return token  # "Bearer null" stays: it is the evidence of a lost token
    fp = fingerprint(token)
    if looks_like_jwt(token):
        sanitized = _jwt(token, fp)
        if sanitized is not None:
            return sanitized
    return f"{SANITIZED}{fp}"


def scrub_value(key: str, value: str) -> str:
    """A field's value by its name: secrets removed, tokens fingerprinted, text masked."""
    if not value:
        return value
    if is_secret_key(key):
        return REMOVED
    if is_token_key(key) or looks_like_jwt(value) or value.startswith(SANITIZED):
        return scrub_token(value)
    inside = _JWT_INSIDE.findall(value)
    if inside:  # "Bearer eyJ…" and the like: the tokens stay (sanitized), the text goes
        return " ".join(scrub_token(t) for t in inside)
    return MASKED


def _segment(segment: str) -> str:
    text = unquote(segment)
    if not text or (_SEGMENT_SAFE.fullmatch(text) and "@" not in text):
        return segment if _SEGMENT_SAFE.fullmatch(segment) else quote(text, safe="")
    if looks_like_jwt(text) or _TOKENISH.fullmatch(text):
        return scrub_token(text)
    return MASKED


def scrub_query(query: str) -> str:
    """A query string with every value scrubbed (names kept)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, scrub_value(k, v)) for k, v in pairs], safe="-._~")


@lru_cache(maxsize=4096)
def scrub_url(url: str) -> str:
    """A URL without userinfo and fragment, its query values and odd path segments scrubbed."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return MASKED
    path = "/".join(_segment(s) for s in parts.path.split("/"))
    return urlunsplit((parts.scheme, host + port, path, scrub_query(parts.query), ""))


def _walk(value: Any, key: str, keep_errors: bool, depth: int = 0) -> Any:
    if depth > 32:
        return MASKED
    if isinstance(value, dict):
        return {str(k): _walk(v, str(k), keep_errors, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, key, keep_errors, depth + 1) for v in value]
    if isinstance(value, str):
        if keep_errors and key in _ERROR_KEYS and not is_secret_key(key):
            return scrub_text_tokens(value)
        return scrub_value(key, value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return REMOVED if is_secret_key(key) else value if key in _KEPT_CLAIMS else 0
    return MASKED


def scrub_text_tokens(text: str) -> str:
    """Free text with every token-shaped run replaced (an error message kept readable)."""
    return _TOKENISH.sub(lambda m: scrub_token(m.group(0)), text)


def scrub_json_text(text: str, *, keep_errors: bool = False) -> str | None:
    """A JSON body with every value scrubbed (keys kept); None when it is not JSON.

    Args:
        text: the body.
        keep_errors: keep (token-scrubbed) ``error``/``message``/``detail`` texts, for
            the answer to a failing request.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return json.dumps(_walk(data, "", keep_errors), ensure_ascii=False)


def scrub_form_text(text: str) -> str:
    """An ``application/x-www-form-urlencoded`` body with every value scrubbed."""
    return scrub_query(text)
