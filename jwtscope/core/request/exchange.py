"""What one HTTP request got back, as plain data (filled in by :mod:`jwtscope.net.http_send`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["Exchange", "WwwAuthenticate", "parse_www_authenticate"]

_PARAM = re.compile(r'([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))')


@dataclass(frozen=True)
class WwwAuthenticate:
    """An RFC 6750 challenge: ``Bearer error="invalid_token", error_description="…"``."""

    scheme: str
    params: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str | None:
        """A parameter by name (case-insensitive)."""
        return next((v for k, v in self.params if k.lower() == name.lower()), None)


def parse_www_authenticate(value: str) -> WwwAuthenticate:
    """Parse the first challenge of a ``WWW-Authenticate`` header."""
    scheme, _, rest = value.strip().partition(" ")
    params = tuple(
        (m.group(1), m.group(2) if m.group(2) is not None else m.group(3))
        for m in _PARAM.finditer(rest)
    )
    return WwwAuthenticate(scheme=scheme, params=params)


@dataclass(frozen=True)
class Exchange:
    """One request sent and what came back (or why nothing did).

    Args:
        purpose: why it was sent ("original request", "without the token", …).
        request: the request as sent.
        status: the HTTP status, None when no answer arrived.
        headers: the response headers, in order (lower-case names).
        body: the body, at most the cap.
        truncated: the body was longer than the cap.
        elapsed: seconds from sending to the end of the body read.
        error: a one-line reason when no answer arrived (refused, timeout, TLS, …).
        error_kind: ``refused``, ``timeout``, ``tls``, ``dns``, ``protocol`` or ``other``.
        sent_at: local time (epoch seconds) when the request was sent.
    """

    purpose: str
    request: ReplayRequest
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    truncated: bool = False
    elapsed: float = 0.0
    error: str | None = None
    error_kind: str | None = None
    sent_at: float = 0.0
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """A 2xx answer."""
        return self.status is not None and 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        """A response header (case-insensitive; the first one)."""
        lname = name.lower()
        return next((v for k, v in self.headers if k.lower() == lname), None)

    @property
    def text(self) -> str:
        """The body as text (undecodable bytes replaced)."""
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON, or None."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, RecursionError):
            return None

    @property
    def detail(self) -> str | None:
        """FastAPI's ``detail`` (a string, or the first message of a validation list), else
        ``message``, ``error`` or flask-jwt-extended's ``msg``."""
        data = self.json()
        if isinstance(data, dict):
            detail = data.get("detail", data.get("message", data.get("error", data.get("msg"))))
            if isinstance(detail, str):
                return detail
            if isinstance(detail, list) and detail and isinstance(detail[0], dict):
                msg = detail[0].get("msg")
                return msg if isinstance(msg, str) else None
        text = self.text.strip()
        return text[:200] if text and not text.startswith(("<", "{", "[")) else None

    @property
    def challenge(self) -> WwwAuthenticate | None:
        """The parsed ``WWW-Authenticate`` header."""
        value = self.header("www-authenticate")
        return parse_www_authenticate(value) if value else None

    @property
    def server_time(self) -> float | None:
        """The server's clock from its ``Date`` header (epoch seconds)."""
        value = self.header("date")
        if not value:
            return None
        try:
            return parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError, IndexError):
            return None

    def summary(self) -> str:
        """``401 Invalid token: Signature has expired`` / ``no answer: connection refused``."""
        if self.status is None:
            return f"no answer: {self.error or 'unknown error'}"
        detail = self.detail
        return f"{self.status} {detail}" if detail else str(self.status)
