"""One HAR entry as the triage needs it: times, method, URL, status, headers and the
credentials, with every body dropped (bounded memory on large HARs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "REQUEST_HEADERS",
    "RESPONSE_HEADERS",
    "HarEntry",
    "entry_from_json",
    "obj",
    "parse_started",
    "text",
]

#: Response bodies of token endpoints kept to read the tokens they hand out (bytes).
MAX_KEPT_BODY = 64_000
#: Paths of endpoints that hand out or refresh tokens (Better Auth, OAuth, custom).
TOKEN_ENDPOINT = re.compile(
    r"(/token\b|/jwt\b|/refresh|/get-session|/session\b|/sign-?in|/login|/oauth2?/|/auth/)",
    re.IGNORECASE,
)


#: The request headers triage reads (the others are dropped as entries are read).
REQUEST_HEADERS = frozenset(
    {"authorization", "cookie", "origin", "referer", "x-auth-token", "x-access-token"}
    | {"x-id-token", "x-jwt", "x-jwt-token", "x-token"}
)
#: The response headers triage reads.
RESPONSE_HEADERS = frozenset(
    {"date", "set-cookie", "set-auth-token", "set-auth-jwt", "location", "www-authenticate"}
    | {"access-control-allow-origin"}
)


@dataclass(frozen=True)
class HarEntry:
    """One request and its answer.

    Args:
        index: the entry's position in the HAR (0-based).
        started: ``startedDateTime`` in epoch seconds (float), None when unreadable.
        method: the request method.
        url: the request URL as recorded (shown only through ``mask_url``).
        status: the response status (0 for a request the browser blocked or lost).
        request_headers: ``(name, value)`` pairs, names as written (only
            :data:`REQUEST_HEADERS`).
        request_cookies: the ``cookies`` array of the request.
        response_headers: ``(name, value)`` pairs (only :data:`RESPONSE_HEADERS`).
        response_cookies: the ``cookies`` array of the response.
        error: the browser's error (Chrome's ``_error``), e.g. ``net::ERR_FAILED``.
        redirect_url: ``redirectURL`` or the ``Location`` header.
        body: the response text of a token endpoint (other bodies are dropped).
    """

    index: int
    started: float | None
    method: str
    url: str
    status: int
    request_headers: tuple[tuple[str, str], ...] = ()
    request_cookies: tuple[tuple[str, str], ...] = ()
    response_headers: tuple[tuple[str, str], ...] = ()
    response_cookies: tuple[tuple[str, str], ...] = ()
    error: str = ""
    redirect_url: str = ""
    body: str = ""

    def request_header(self, name: str) -> str | None:
        """The first request header ``name`` (case-insensitive)."""
        return _first(self.request_headers, name)

    def response_header(self, name: str) -> str | None:
        """The first response header ``name`` (case-insensitive)."""
        return _first(self.response_headers, name)

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the URL."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")

    @property
    def path(self) -> str:
        """The URL's path."""
        return urlsplit(self.url).path or "/"

    @property
    def is_token_endpoint(self) -> bool:
        """The path names an endpoint that issues or refreshes tokens."""
        return bool(TOKEN_ENDPOINT.search(self.path))

    @property
    def server_date(self) -> float | None:
        """The response's ``Date`` header in epoch seconds."""
        value = self.response_header("date")
        if not value:
            return None
        try:
            return parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None


def _first(pairs: tuple[tuple[str, str], ...], name: str) -> str | None:
    lower = name.lower()
    return next((v for k, v in pairs if k.lower() == lower), None)


def parse_started(value: Any) -> float | None:
    """``startedDateTime`` (ISO 8601, ``Z`` or an offset) in epoch seconds."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def _pairs(items: Any, kept: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """``(name, value)`` of a HAR name/value list; only the names in ``kept`` (lower
    case) when it is given."""
    if not isinstance(items, list):
        return ()
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        name, value = item.get("name"), item.get("value")
        if isinstance(name, str) and (kept is None or name.lower() in kept):
            out.append((name, value if isinstance(value, str) else ""))
    return tuple(out)


def obj(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str:
    """``value`` when it is a string, else ``""``."""
    return value if isinstance(value, str) else ""


def entry_from_json(index: int, raw: Any) -> HarEntry | None:
    """The entry ``raw`` (a parsed HAR entry), or None when it has no request method/URL."""
    if not isinstance(raw, dict):
        return None
    request, response = obj(raw.get("request")), obj(raw.get("response"))
    method, url = request.get("method"), request.get("url")
    if not isinstance(method, str) or not isinstance(url, str) or not url:
        return None
    status = response.get("status")
    status = status if isinstance(status, int) and not isinstance(status, bool) else 0
    status = max(status, 0)  # Playwright writes -1 for a request that got no answer
    response_headers = _pairs(response.get("headers"), RESPONSE_HEADERS)
    redirect = response.get("redirectURL")
    redirect = redirect if isinstance(redirect, str) and redirect else ""
    if not redirect:
        redirect = _first(response_headers, "location") or ""
    error = raw.get("_error") or response.get("_error") or response.get("_failureText") or ""
    entry = HarEntry(
        index=index,
        started=parse_started(raw.get("startedDateTime")),
        method=method,
        url=url,
        status=status,
        request_headers=_pairs(request.get("headers"), REQUEST_HEADERS),
        request_cookies=_pairs(request.get("cookies")),
        response_headers=response_headers,
        response_cookies=_pairs(response.get("cookies")),
        error=error if isinstance(error, str) else "",
        redirect_url=redirect,
    )
    if entry.is_token_endpoint:
        content = obj(response.get("content"))
        body = content.get("text")
        kept = isinstance(body, str) and len(body) <= MAX_KEPT_BODY
        if kept and content.get("encoding") != "base64":
            return replace(entry, body=str(body))
    return entry
