"""Turn pasted text into a decoded token: the token stage's front door, and decoding.

Two steps, both pure:

* :func:`normalize` finds the token in what people actually paste (``Bearer …``, header
  and cookie lines, quotes, line breaks, JSON, URL-encoding) and records each step; it
  lives in :mod:`jwtscope.core.token.pasted_text` and is re-exported here.
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

from jwtscope.core.token.pasted_text import (
    JUNK_VALUES,
    MAX_INPUT_CHARS,
    SESSION_TOKEN,
    NormalizedInput,
    normalize,
)

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

#: Header and payload nesting deeper than this is refused as malformed: no real token comes
#: close, and every renderer (text, JSON, the app's views) then stays far from the recursion limit.
MAX_JSON_DEPTH = 64

_B64URL_CHAR = re.compile(r"[A-Za-z0-9_\-]")
_B64URL_RUN = re.compile(r"[A-Za-z0-9_\-]*")


class TokenKind(StrEnum):
    """What the normalised text turned out to be."""

    JWS = "jws"
    JWE = "jwe"
    SESSION = "session"
    SESSION_CACHE = "session-cache"
    JUNK = "junk"
    MALFORMED = "malformed"


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
        payload: the decoded payload for a JWS (the decoded JSON of a compact session
            cache), else None.
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


def decode(token: str) -> DecodedToken:
    """Split and decode a normalised token.

    Args:
        token: the output of :func:`normalize`.

    Returns:
        A DecodedToken whose ``kind`` says what was found; never raises.
    """
    if token.strip().lower() in JUNK_VALUES:
        return DecodedToken(raw=token, kind=TokenKind.JUNK)
    session = SESSION_TOKEN.match(token)
    if session:
        return DecodedToken(
            raw=token, kind=TokenKind.SESSION, session_parts=(session.group(1), session.group(2))
        )
    segments = tuple(token.split("."))
    if len(segments) == 5:
        return _decode_jwe(token, segments)
    if len(segments) == 1 and (cache := _compact_cache(token)) is not None:
        return DecodedToken(raw=token, kind=TokenKind.SESSION_CACHE, payload=cache)
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


def _compact_cache(token: str) -> dict[str, Any] | None:
    """Better Auth's ``compact`` session_data cookie: base64url JSON {session, expiresAt, …}."""
    if not token.startswith("eyJ") or not _B64URL_RUN.fullmatch(token):
        return None
    try:
        value, problem = _json_object(b64url_decode(token), "payload", 0)
    except ValueError:
        return None
    if problem or value is None or not {"session", "expiresAt", "signature"} <= value.keys():
        return None
    return value


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
    if _deeper_than(value, MAX_JSON_DEPTH):
        return None, Malformation(
            name, f"not valid JSON for a token (nested deeper than {MAX_JSON_DEPTH})", offset
        )
    return value, None


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` nests containers deeper than ``limit`` (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return names.get(type(value), "null")


def _malformed(token: str, segments: tuple[str, ...], problem: Malformation) -> DecodedToken:
    return DecodedToken(raw=token, kind=TokenKind.MALFORMED, problem=problem, segments=segments)
