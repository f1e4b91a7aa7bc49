"""Find the token in what people actually paste, and record each step taken to find it.

``Bearer …``, ``Authorization: Bearer …``, quotes, whitespace and line breaks,
``Cookie:`` and ``Set-Cookie:`` lines, a cookie string, a JSON response body,
URL-encoding. :func:`normalize` is the entry point; decoding the token it finds is
:func:`jwtscope.core.token.parsing.decode`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

__all__ = [
    "JSON_TOKEN_KEYS",
    "JUNK_VALUES",
    "MAX_INPUT_CHARS",
    "SESSION_TOKEN",
    "TOKEN_COOKIE_NAMES",
    "NormalizedInput",
    "normalize",
]

#: Longer input is refused before any work: no real token is this long.
MAX_INPUT_CHARS = 100_000

#: What clients send when the token is missing (lower case): JavaScript artefacts.
JUNK_VALUES = {
    "",
    "undefined",
    "null",
    "none",
    "nan",
    "false",
    "true",
    "[object object]",
    "[object promise]",
    "[object response]",
    "bearer",
    '""',
    "''",
}

#: Cookie names that carry a token, best first (after any JWT-shaped value).
TOKEN_COOKIE_NAMES = (
    "__Secure-better-auth.session_token",
    "better-auth.session_token",
    "__Secure-better-auth.session_data",
    "better-auth.session_data",
    "__Secure-authjs.session-token",
    "authjs.session-token",
    "__Secure-next-auth.session-token",
    "next-auth.session-token",
    "access_token",
    "accessToken",
    "token",
    "jwt",
    "id_token",
    "auth",
    "session",
)

#: JSON fields that carry a token, best first.
JSON_TOKEN_KEYS = ("token", "access_token", "accessToken", "id_token", "jwt")

#: A Better Auth session token: 32 alphanumerics, a dot, a base64 HMAC.
SESSION_TOKEN = re.compile(r"^([A-Za-z0-9]{32})\.([A-Za-z0-9+/_\-]{42,44}={0,2})$")

_JWT_SHAPE = re.compile(r"eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9\-]*)\s*:\s*(.*)$", re.DOTALL)
_SCHEME = re.compile(r"^(bearer|token|jwt)(\s+|$)", re.IGNORECASE)
_QUOTES = ('"', "'", "`")
_DELIMITERS = frozenset(" \t\r\n\"'`,;:()<>[]{}|=")


@dataclass(frozen=True)
class NormalizedInput:
    """The token found in pasted text, and what was stripped to find it.

    Args:
        token: the token text after normalisation.
        steps: one human sentence per normalisation applied, in order.
        carrier: where the token sat (``authorization``, ``cookie:NAME``, ``json:token``,
            ``text``) — useful to the replay feature.
    """

    token: str
    steps: tuple[str, ...] = ()
    carrier: str = "text"


@dataclass
class _Reading:
    """The text on its way to a token: what is left, the steps so far, the carrier."""

    text: str
    steps: list[str] = field(default_factory=list)
    carrier: str = "text"

    def strip_quotes(self) -> None:
        while len(self.text) >= 2 and self.text[0] == self.text[-1] and self.text[0] in _QUOTES:
            self.steps.append(f"surrounding {self.text[0]} quotes removed")
            self.text = self.text[1:-1].strip()

    def result(self) -> NormalizedInput:
        return NormalizedInput(token=self.text, steps=tuple(self.steps), carrier=self.carrier)


def normalize(text: str) -> NormalizedInput:
    """Find the token in pasted text.

    Args:
        text: anything a user pasted: a token, a header line, a cookie line, JSON.

    Returns:
        The token text and every normalisation applied to reach it.
    """
    reading = _Reading(text)
    if reading.text != reading.text.strip():
        reading.steps.append("surrounding whitespace removed")
        reading.text = reading.text.strip()
    reading.strip_quotes()
    _from_json(reading)
    _from_header_line(reading)
    _without_scheme(reading)
    _from_cookie_text(reading)
    _url_decoded(reading)
    s = reading.text
    if s.lower() in JUNK_VALUES or re.sub(r"\s+", " ", s.lower()) in JUNK_VALUES:
        return reading.result()
    _without_inner_whitespace(reading)
    _found_inside(reading)
    return reading.result()


def _from_json(reading: _Reading) -> None:
    """A JSON object: the token is the value of its first token field."""
    found = _token_from_json(reading.text)
    if found is not None:
        key, reading.text = found
        reading.steps.append(f'token taken from the JSON field "{key}"')
        reading.carrier = f"json:{key}"


def _from_header_line(reading: _Reading) -> None:
    """``Name: value``: a Cookie or Set-Cookie line, or any header (the name dropped)."""
    header = _HEADER_LINE.match(reading.text)
    if not header or _looks_like_token(reading.text):
        return
    name, value = header.group(1), header.group(2).strip()
    lname = name.lower()
    if lname == "cookie":
        found = _token_from_cookie_pairs(value.split(";"))
        if found is not None:
            cname, reading.text = found
            reading.steps.append(f"token taken from the cookie {cname!r} of a Cookie: line")
            reading.carrier = f"cookie:{cname}"
    elif lname == "set-cookie":
        pair = value.split(";", 1)[0]
        cname, _, reading.text = pair.partition("=")
        reading.steps.append(f"token taken from a Set-Cookie: line (cookie {cname.strip()!r})")
        reading.carrier = f"cookie:{cname.strip()}"
    else:
        reading.steps.append(f'header name "{name}:" removed')
        reading.text = value
        reading.carrier = lname if lname != "authorization" else "authorization"
    reading.strip_quotes()


def _without_scheme(reading: _Reading) -> None:
    """A ``Bearer``/``Token``/``JWT`` scheme prefix."""
    scheme = _SCHEME.match(reading.text)
    if scheme:
        reading.steps.append(f'"{scheme.group(1)}" scheme prefix removed')
        reading.text = reading.text[scheme.end() :]
        if reading.carrier == "text":
            reading.carrier = "authorization"
        reading.strip_quotes()


def _from_cookie_text(reading: _Reading) -> None:
    """``name=value`` with a known cookie name, or a ``a=b; c=d`` cookie string."""
    s = reading.text
    if reading.carrier != "text":
        return
    if "=" in s and not _looks_like_token(s) and ";" not in s:
        cname, _, value = s.partition("=")
        if re.fullmatch(r"[A-Za-z0-9_.\-]+", cname) and value and cname in TOKEN_COOKIE_NAMES:
            reading.steps.append(f"cookie name {cname!r} removed")
            reading.carrier = f"cookie:{cname}"
            reading.text = value
    elif ";" in s and "=" in s:
        found = _token_from_cookie_pairs(s.split(";"))
        if found is not None:
            cname, reading.text = found
            reading.steps.append(f"token taken from the cookie {cname!r} of a cookie string")
            reading.carrier = f"cookie:{cname}"


def _url_decoded(reading: _Reading) -> None:
    """``%XX`` escapes."""
    if re.search(r"%[0-9A-Fa-f]{2}", reading.text):
        decoded = unquote(reading.text)
        if decoded != reading.text:
            reading.steps.append("URL-encoding decoded (%XX)")
            reading.text = decoded


def _without_inner_whitespace(reading: _Reading) -> None:
    """Line breaks and spaces inside a token (a wrapped paste)."""
    s = reading.text
    if re.search(r"\s", s):
        squeezed = re.sub(r"\s+", "", s)
        if _JWT_SHAPE.fullmatch(squeezed) or not _JWT_SHAPE.search(s):
            reading.steps.append("whitespace and line breaks inside the token removed")
            reading.text = squeezed


def _found_inside(reading: _Reading) -> None:
    """A JWT standing alone inside surrounding text."""
    s = reading.text
    if not _looks_like_token(s):
        match = next((m for m in _JWT_SHAPE.finditer(s) if _delimited(s, m)), None)
        if match:
            reading.steps.append("token found inside surrounding text")
            reading.text = match.group(0)


def _delimited(s: str, match: re.Match[str]) -> bool:
    """The match stands alone: not part of a longer run of token-like characters."""
    before = s[match.start() - 1] if match.start() else " "
    after = s[match.end()] if match.end() < len(s) else " "
    return before in _DELIMITERS and after in _DELIMITERS


def _looks_like_token(s: str) -> bool:
    return bool(_JWT_SHAPE.fullmatch(s)) or bool(SESSION_TOKEN.match(s))


def _token_from_json(s: str) -> tuple[str, str] | None:
    if not (s.startswith("{") and s.endswith("}")):
        return None
    try:
        value = json.loads(s)
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, dict):
        return None
    for key in JSON_TOKEN_KEYS:
        if isinstance(value.get(key), str):
            return key, value[key]
    return None


def _token_from_cookie_pairs(pairs: list[str]) -> tuple[str, str] | None:
    cookies: list[tuple[str, str]] = []
    for pair in pairs:
        name, sep, value = pair.strip().partition("=")
        if sep:
            cookies.append((name.strip(), value.strip()))
    for name, value in cookies:
        if _JWT_SHAPE.fullmatch(unquote(value)):
            return name, value
    by_name = dict(cookies)
    for name in TOKEN_COOKIE_NAMES:
        if name in by_name:
            return name, by_name[name]
    return None
