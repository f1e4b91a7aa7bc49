"""The one output boundary: every string that leaves jwtscope passes :class:`OutputGuard`.

It masks what must never be shown whole — JWT signatures, Better Auth session tokens,
``Authorization``/``Cookie`` values, credentials in URL queries and userinfo, and every
secret jwtscope holds (as typed, base64, base64url, hex and URL-encoded) — and it
neutralises control characters (C0 but newline and tab, DEL, C1) so that a hostile claim
cannot retitle, clear or write to the clipboard of the user's terminal. JSON stays strict:
non-finite numbers become strings and lone surrogates are escaped.

Every scan is linear in the length of the text: tokens are found in maximal runs of
token characters, never with a backtracking pattern over attacker text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jwtscope.core.request.request_url import MASK

__all__ = ["SCREEN_GUARD", "OutputGuard", "neutralise_controls"]

#: Secrets shorter than this are not masked in free text: masking a 5-letter word
#: everywhere would garble every sentence that contains it.
MIN_MASKED_SECRET = 8
#: JSON output nests at most this deep (deeper containers become a note).
MAX_DATA_DEPTH = 100

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SGR_OR_CONTROL = re.compile(r"\x1b\[[0-9;]{0,32}m|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
#: Maximal runs of the characters a JWT or session token is made of (no overlap: linear).
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_\-.+/=%]{16,}")
_B64_TAIL = re.compile(r"[A-Za-z0-9_-]+\Z")
_B64_HEAD = re.compile(r"[A-Za-z0-9_-]*")
_B64_FULL = re.compile(r"[A-Za-z0-9_-]+")
_SESSION = re.compile(r"[A-Za-z0-9]{32}(?:\.|%2E)[A-Za-z0-9+/_%-]{20,}")
_AUTH_HEADER = re.compile(
    r"(?im)(?P<head>\b(?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?(?:(?:bearer|basic|token|jwt)\s+)?)"
    r"(?P<value>[^\s\"',;]{4,})"
)
_COOKIE_HEADER = re.compile(r"(?im)(?P<head>\b(?:set-)?cookie\s*:\s*)(?P<value>[^\r\n]*)")
_COOKIE_ATTRIBUTES = frozenset(
    {"path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "priority"}
)
_COOKIE_PAIR = re.compile(r"(?P<name>[^=;\s]+)=(?P<value>[^;]*)")
_QUERY_CREDENTIAL = re.compile(
    r"(?i)(?P<head>[?&;](?:access_token|id_token|refresh_token|token|jwt|auth|"
    r"api_?key|key|secret|password|passwd|session|code)=)(?P<value>[^&#\s\"'<>]+)"
)
_USERINFO = re.compile(
    r"(?i)(?P<head>\b[a-z][a-z0-9+.-]{0,15}://[^/@\s:\"'<>]*:)(?P<pw>[^/@\s\"'<>]*)@"
)


def neutralise_controls(text: str, *, keep_sgr: bool = False) -> str:
    """``text`` with C0 (but newline and tab), DEL and C1 characters shown as ``\\xNN``.

    Args:
        text: the text to show.
        keep_sgr: keep colour sequences (``ESC [ … m``), which only change colours: for
            text jwtscope coloured itself. Every other sequence is still neutralised.
    """
    if not _CONTROLS.search(text):
        return text
    pattern = _SGR_OR_CONTROL if keep_sgr else _CONTROLS
    return pattern.sub(_show_control, text)


def _show_control(match: re.Match[str]) -> str:
    char = match.group(0)
    return char if len(char) > 1 else f"\\x{ord(char):02x}"


def _escape_surrogates(text: str) -> str:
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _b64_prefix(text: str) -> str:
    match = _B64_HEAD.match(text)
    return match.group(0) if match else ""


def _mask_jwt_run(run: str) -> str:
    """A run of token characters with the signature of every JWS in it cut.

    The run is split on dots once; a JWS is a segment ending in ``eyJ…`` (base64url
    only), a non-empty payload segment and a signature of at least 8 base64url
    characters. Linear in the run's length.
    """
    segments = run.split(".")
    out: list[str] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        head = _B64_TAIL.search(seg) if i + 2 < len(segments) else None
        start = seg.find("eyJ", head.start()) if head else -1
        payload = segments[i + 1] if start >= 0 else ""
        signature = _b64_prefix(segments[i + 2]) if start >= 0 else ""
        if start >= 0 and payload and _B64_FULL.fullmatch(payload) and len(signature) >= 8:
            rest = segments[i + 2][len(signature) :]
            out.append(f"{seg}.{payload}.<signature removed>{rest}")
            i += 3
        else:
            out.append(seg)
            i += 1
    return ".".join(out)


def _mask_runs(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        run = match.group(0)
        if "eyJ" in run:
            run = _mask_jwt_run(run)
        if len(run) >= 53 and _SESSION.search(run):
            run = _SESSION.sub(lambda m: f"<session token, sha256 {_short_hash(m.group(0))}>", run)
        return run

    return _TOKEN_RUN.sub(one, text)


def _encodings(secret: str) -> set[str]:
    raw = secret.encode("utf-8", "surrogatepass")
    forms = {
        secret,
        base64.b64encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        binascii.hexlify(raw).decode(),
        quote(secret, safe=""),
    }
    return {f for f in forms if len(f) >= MIN_MASKED_SECRET}


@dataclass(frozen=True)
class OutputGuard:
    """Masks tokens, credentials and known secrets; neutralises control characters.

    Args:
        secrets: the secret texts jwtscope holds (env, ``.env``, ``--secret``); each is
            masked as typed and in its simple encodings.
    """

    secrets: tuple[str, ...] = ()
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        forms: set[str] = set()
        for secret in self.secrets:
            forms |= _encodings(secret)
        if forms:
            ordered = sorted(forms, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(f) for f in ordered))
            object.__setattr__(self, "_pattern", pattern)

    def with_secrets(self, secrets: Iterable[str]) -> OutputGuard:
        """A guard that also masks ``secrets``."""
        return OutputGuard(tuple(dict.fromkeys((*self.secrets, *secrets))))

    def mask(self, text: str) -> str:
        """``text`` with tokens, credentials and known secrets masked (controls kept)."""
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: f"<secret, sha256 {_short_hash(m.group(0))}>", text)
        if "://" in text:
            text = _USERINFO.sub(lambda m: f"{m.group('head')}***@", text)
        text = _QUERY_CREDENTIAL.sub(self._query_value, text)
        text = _AUTH_HEADER.sub(self._auth_value, text)
        text = _COOKIE_HEADER.sub(self._cookie_value, text)
        return _mask_runs(text)

    def text(self, text: str, *, keep_sgr: bool = False) -> str:
        """Text for a terminal, a report or the clipboard: masked, controls neutralised
        (colour sequences kept with ``keep_sgr``), lone surrogates escaped."""
        return neutralise_controls(_escape_surrogates(self.mask(text)), keep_sgr=keep_sgr)

    def data(self, value: Any, _depth: int = 0) -> Any:
        """A JSON-ready value with every string guarded and every number finite.

        Non-finite floats become the strings ``"Infinity"``, ``"-Infinity"``, ``"NaN"``, so
        that ``json.dumps(..., allow_nan=False)`` always succeeds; containers nested deeper
        than :data:`MAX_DATA_DEPTH` become a note, so that neither this nor
        ``json.dumps`` can exhaust the recursion limit.
        """
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, float) and not math.isfinite(value):
            return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        if isinstance(value, Mapping | list | tuple) and _depth >= MAX_DATA_DEPTH:
            return f"<nested deeper than {MAX_DATA_DEPTH} levels>"
        if isinstance(value, Mapping):
            return {self.text(str(k)): self.data(v, _depth + 1) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.data(v, _depth + 1) for v in value]
        return value

    @staticmethod
    def _query_value(match: re.Match[str]) -> str:
        """As :func:`jwtscope.core.request.request_url.mask_url` shows it: a JWT keeps its
        first segment, any other value becomes ``***``; a masked value stays."""
        value = match.group("value")
        if MASK in value or value.startswith("<"):
            return match.group(0)
        if value.startswith("eyJ") and "." in value:
            return f"{match.group('head')}{value.split('.', 1)[0]}.{MASK}"
        return f"{match.group('head')}{MASK}"

    @staticmethod
    def _auth_value(match: re.Match[str]) -> str:
        value = match.group("value")
        if value.startswith("<") or value.lower() in ("null", "undefined", "none"):
            return match.group(0)
        if value.startswith("eyJ") and value.count(".") >= 2:
            return match.group("head") + _mask_jwt_run(value)
        return f"{match.group('head')}<redacted, sha256 {_short_hash(value)}>"

    @staticmethod
    def _cookie_value(match: re.Match[str]) -> str:
        def pair(m: re.Match[str]) -> str:
            value = m.group("value").strip()
            if not value or value.startswith("<") or m.group("name").lower() in _COOKIE_ATTRIBUTES:
                return m.group(0)
            return f"{m.group('name')}=<redacted, sha256 {_short_hash(value)}>"

        return match.group("head") + _COOKIE_PAIR.sub(pair, match.group("value"))


#: The guard for what a screen shows before any secret is known: tokens' signatures cut,
#: credentials masked, control characters neutralised.
SCREEN_GUARD = OutputGuard()
