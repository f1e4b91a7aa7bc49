"""Turn pasted text into a decoded token.

Two steps, both pure:

* :func:`normalize` finds the token in what people actually paste — ``Bearer …``,
  ``Authorization: Bearer …``, quotes, whitespace and line breaks, ``Cookie:`` and
  ``Set-Cookie:`` lines, a JSON response body, URL-encoding — and records each step.
* :func:`decode` splits it and decodes the segments without judging anything, keeping
  the exact signing input so that the signature can be checked over the bytes that
  were signed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

__all__ = [
    "MAX_INPUT_CHARS",
    "DecodedToken",
    "Malformation",
    "NormalizedInput",
    "TokenKind",
    "b64url_decode",
    "decode",
    "normalize",
    "redact_token",
]

#: Longer input is refused before any work: no real token is this long.
MAX_INPUT_CHARS = 100_000

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

JSON_TOKEN_KEYS = ("token", "access_token", "accessToken", "id_token", "jwt")

_JWT_SHAPE = re.compile(r"eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")
_B64URL_CHAR = re.compile(r"[A-Za-z0-9_\-]")
_B64URL_RUN = re.compile(r"[A-Za-z0-9_\-]*")
_SESSION_TOKEN = re.compile(r"^([A-Za-z0-9]{32})\.([A-Za-z0-9+/_\-]{42,44}={0,2})$")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9\-]*)\s*:\s*(.*)$", re.DOTALL)
_QUOTES = ('"', "'", "`")
_DELIMITERS = frozenset(" \t\r\n\"'`,;:()<>[]{}|=")


class TokenKind(StrEnum):
    """What the normalised text turned out to be."""

    JWS = "jws"
    JWE = "jwe"
    SESSION = "session"
    JUNK = "junk"
    MALFORMED = "malformed"


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


@dataclass(frozen=True)
class Malformation:
    """Why a token could not be decoded, and where.

    Args:
        segment: ``token``, ``header``, ``payload`` or ``signature``.
        reason: what is wrong, in words.
        position: 0-based character offset in the token, when one applies.
    """

    segment: str
    reason: str
    position: int | None = None


@dataclass(frozen=True)
class DecodedToken:
    """A token split and decoded, without any judgement.

    Args:
        raw: the normalised token text.
        kind: what it is.
        header: the decoded header for JWS/JWE, else None.
        payload: the decoded payload for a JWS, else None.
        signing_input: the exact bytes the signature covers (``header.payload``).
        signature: the decoded signature bytes.
        problem: why decoding stopped, for MALFORMED.
        session_parts: ``(token, base64 HMAC)`` for a Better Auth session token.
    """

    raw: str
    kind: TokenKind
    header: dict[str, Any] | None = None
    payload: dict[str, Any] | None = None
    signing_input: bytes = b""
    signature: bytes = b""
    problem: Malformation | None = None
    session_parts: tuple[str, str] | None = None
    segments: tuple[str, ...] = field(default=())

    @property
    def alg(self) -> str | None:
        """The header's ``alg`` when it is a string."""
        alg = (self.header or {}).get("alg")
        return alg if isinstance(alg, str) else None


def normalize(text: str) -> NormalizedInput:
    """Find the token in pasted text.

    Args:
        text: anything a user pasted: a token, a header line, a cookie line, JSON.

    Returns:
        The token text and every normalisation applied to reach it.
    """
    steps: list[str] = []
    carrier = "text"
    s = text
    if s != s.strip():
        steps.append("surrounding whitespace removed")
        s = s.strip()
    s = _strip_quotes(s, steps)

    json_token = _token_from_json(s)
    if json_token is not None:
        key, s = json_token
        steps.append(f'token taken from the JSON field "{key}"')
        carrier = f"json:{key}"

    header = _HEADER_LINE.match(s)
    if header and not _looks_like_token(s):
        name, value = header.group(1), header.group(2).strip()
        lname = name.lower()
        if lname == "cookie":
            found = _token_from_cookie_pairs(value.split(";"))
            if found is not None:
                cname, s = found
                steps.append(f"token taken from the cookie {cname!r} of a Cookie: line")
                carrier = f"cookie:{cname}"
        elif lname == "set-cookie":
            pair = value.split(";", 1)[0]
            cname, _, s = pair.partition("=")
            steps.append(f"token taken from a Set-Cookie: line (cookie {cname.strip()!r})")
            carrier = f"cookie:{cname.strip()}"
        else:
            steps.append(f'header name "{name}:" removed')
            s = value
            carrier = lname if lname != "authorization" else "authorization"
        s = _strip_quotes(s, steps)

    bearer = re.match(r"^(bearer|token|jwt)(\s+|$)", s, re.IGNORECASE)
    if bearer:
        steps.append(f'"{bearer.group(1)}" scheme prefix removed')
        s = s[bearer.end() :]
        if carrier == "text":
            carrier = "authorization"
        s = _strip_quotes(s, steps)

    if carrier == "text" and "=" in s and not _looks_like_token(s) and ";" not in s:
        cname, _, value = s.partition("=")
        if re.fullmatch(r"[A-Za-z0-9_.\-]+", cname) and value and cname in _cookie_names():
            steps.append(f"cookie name {cname!r} removed")
            carrier = f"cookie:{cname}"
            s = value
    elif carrier == "text" and ";" in s and "=" in s:
        found = _token_from_cookie_pairs(s.split(";"))
        if found is not None:
            cname, s = found
            steps.append(f"token taken from the cookie {cname!r} of a cookie string")
            carrier = f"cookie:{cname}"

    if re.search(r"%[0-9A-Fa-f]{2}", s):
        decoded = unquote(s)
        if decoded != s:
            steps.append("URL-encoding decoded (%XX)")
            s = decoded

    if s.lower() in JUNK_VALUES or re.sub(r"\s+", " ", s.lower()) in JUNK_VALUES:
        return NormalizedInput(token=s, steps=tuple(steps), carrier=carrier)

    if re.search(r"\s", s):
        squeezed = re.sub(r"\s+", "", s)
        if _JWT_SHAPE.fullmatch(squeezed) or not _JWT_SHAPE.search(s):
            steps.append("whitespace and line breaks inside the token removed")
            s = squeezed

    if not _looks_like_token(s):
        match = next((m for m in _JWT_SHAPE.finditer(s) if _delimited(s, m)), None)
        if match:
            steps.append("token found inside surrounding text")
            s = match.group(0)
    return NormalizedInput(token=s, steps=tuple(steps), carrier=carrier)


def decode(token: str) -> DecodedToken:
    """Split and decode a normalised token.

    Args:
        token: the output of :func:`normalize`.

    Returns:
        A DecodedToken whose ``kind`` says what was found; never raises.
    """
    if token.strip().lower() in JUNK_VALUES:
        return DecodedToken(raw=token, kind=TokenKind.JUNK)
    session = _SESSION_TOKEN.match(token)
    if session:
        return DecodedToken(
            raw=token, kind=TokenKind.SESSION, session_parts=(session.group(1), session.group(2))
        )
    segments = tuple(token.split("."))
    if len(segments) == 5:
        return _decode_jwe(token, segments)
    if len(segments) != 3:
        return _malformed(
            token,
            segments,
            Malformation(
                "token",
                f"{len(segments)} segment{'s' if len(segments) != 1 else ''} separated by dots;"
                " a JWT has 3 (header.payload.signature), an encrypted JWT (JWE) has 5",
            ),
        )
    names = ("header", "payload", "signature")
    decoded: list[bytes] = []
    offset = 0
    for name, seg in zip(names, segments, strict=True):
        if not seg and name != "signature":
            return _malformed(token, segments, Malformation(name, f"the {name} is empty", offset))
        raw, problem = _decode_segment(seg, name, offset)
        if problem:
            return _malformed(token, segments, problem)
        decoded.append(raw)
        offset += len(seg) + 1
    header, problem = _json_object(decoded[0], "header", 0)
    if problem:
        return _malformed(token, segments, problem)
    payload, problem = _json_object(decoded[1], "payload", len(segments[0]) + 1)
    if problem:
        return DecodedToken(
            raw=token,
            kind=TokenKind.MALFORMED,
            header=header,
            problem=problem,
            segments=segments,
        )
    return DecodedToken(
        raw=token,
        kind=TokenKind.JWS,
        header=header,
        payload=payload,
        signing_input=f"{segments[0]}.{segments[1]}".encode("ascii"),
        signature=decoded[2],
        segments=segments,
    )


def b64url_decode(segment: str) -> bytes:
    """Decode base64url with or without padding; raises ValueError on bad input."""
    stripped = segment.rstrip("=")
    if len(stripped) % 4 == 1:
        raise ValueError("impossible length for base64url")
    try:
        return base64.urlsafe_b64decode(stripped + "=" * (-len(stripped) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(str(exc)) from exc


def redact_token(token: str) -> str:
    """A token safe for reports: header and payload kept, signature cut.

    A token that is not a JWS keeps only its first 6 characters.
    """
    parts = token.split(".")
    if len(parts) == 3 and parts[0].startswith("eyJ"):
        return f"{parts[0]}.{parts[1]}.<signature removed>"
    if len(token) <= 8:
        return "<redacted>"
    return f"{token[:6]}…<{len(token) - 6} more characters redacted>"


def _decode_jwe(token: str, segments: tuple[str, ...]) -> DecodedToken:
    try:
        header, problem = _json_object(b64url_decode(segments[0]), "header", 0)
    except ValueError as exc:
        return _malformed(token, segments, Malformation("header", f"not base64url ({exc})", 0))
    if problem:
        return _malformed(token, segments, problem)
    return DecodedToken(raw=token, kind=TokenKind.JWE, header=header, segments=segments)


def _decode_segment(seg: str, name: str, offset: int) -> tuple[bytes, Malformation | None]:
    body = seg.rstrip("=")
    if _B64URL_RUN.fullmatch(body):
        try:
            return b64url_decode(seg), None
        except ValueError:
            return b"", Malformation(
                name, f"{len(body)} characters is an impossible length for base64url", offset
            )
    for i, ch in enumerate(body):
        if not _B64URL_CHAR.match(ch):
            hint = ""
            if ch in "+/":
                hint = " (standard base64 instead of base64url)"
            return b"", Malformation(
                name, f"character {ch!r} is not allowed in base64url{hint}", offset + i
            )
    try:
        return b64url_decode(seg), None
    except ValueError:
        return b"", Malformation(
            name, f"{len(body)} characters is an impossible length for base64url", offset
        )


def _json_object(
    raw: bytes, name: str, offset: int
) -> tuple[dict[str, Any] | None, Malformation | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, Malformation(name, "decodes to bytes that are not UTF-8 text", offset)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        reason = (
            exc.msg
            if isinstance(exc, json.JSONDecodeError)
            else ("nested too deeply" if isinstance(exc, RecursionError) else "a number too long")
        )
        where = f" at character {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
        return None, Malformation(name, f"not valid JSON ({reason}{where})", offset)
    if not isinstance(value, dict):
        return None, Malformation(name, f"JSON {_json_type(value)}, not an object", offset)
    return value, None


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return names.get(type(value), "null")


def _malformed(token: str, segments: tuple[str, ...], problem: Malformation) -> DecodedToken:
    return DecodedToken(raw=token, kind=TokenKind.MALFORMED, problem=problem, segments=segments)


def _strip_quotes(s: str, steps: list[str]) -> str:
    while len(s) >= 2 and s[0] == s[-1] and s[0] in _QUOTES:
        steps.append(f"surrounding {s[0]} quotes removed")
        s = s[1:-1].strip()
    return s


def _delimited(s: str, match: re.Match[str]) -> bool:
    """The match stands alone: not part of a longer run of token-like characters."""
    before = s[match.start() - 1] if match.start() else " "
    after = s[match.end()] if match.end() < len(s) else " "
    return before in _DELIMITERS and after in _DELIMITERS


def _looks_like_token(s: str) -> bool:
    return bool(_JWT_SHAPE.fullmatch(s)) or bool(_SESSION_TOKEN.match(s))


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


def _cookie_names() -> set[str]:
    return set(TOKEN_COOKIE_NAMES)


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
