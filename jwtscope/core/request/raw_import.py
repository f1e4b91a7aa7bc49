"""Read a raw HTTP/1.1 request, as copied from devtools or Burp, as a request to replay.

What is accepted: a request line in origin form (``GET /todos HTTP/1.1``) or absolute
form (``GET https://api.example.com/todos HTTP/1.1``), the version optional; or, as
Chrome shows HTTP/2 requests, pseudo-headers ``:method``, ``:path``, ``:authority`` and
``:scheme`` instead of (or besides) a request line. Then headers (folded lines joined),
an empty line and the body, with CRLF or LF line ends. The URL is built from
``:scheme``/``:authority`` or ``Host``; ``Host``, ``Content-Length`` and
``Transfer-Encoding`` are left out of the headers (the URL and the body carry them).
"""

from __future__ import annotations

import re

from jwtscope.core.request.replay_request import (
    MAX_REQUEST_CHARS,
    ReplayRequest,
    assemble_request,
    scrub_text,
)
from jwtscope.errors import InputError, UsageError

__all__ = ["REQUEST_LINE", "parse_raw_request"]

#: ``METHOD target [HTTP/x.y]``.
REQUEST_LINE = re.compile(
    r"([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]+(\S+)(?:[ \t]+(HTTP/\d(?:\.\d)?))?[ \t]*",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
_LEFT_OUT = ("host", "content-length", "transfer-encoding")


def parse_raw_request(text: str, *, default_scheme: str = "http") -> ReplayRequest:
    """Read a raw HTTP request.

    Args:
        text: the request line, headers, an empty line and the body.
        default_scheme: the scheme when the text does not say (no ``:scheme``, no
            absolute URL, no port 443): ``http`` or ``https``.

    Returns:
        The request with ``source="raw"``.

    Raises:
        InputError: no request line, a line that is not a header, no host.
        UsageError: ``default_scheme`` is not http or https.
    """
    if default_scheme.lower() not in ("http", "https"):
        raise UsageError(
            f"The default scheme {default_scheme[:20]!r} is not http or https.",
            "Pass http or https.",
        )
    text = scrub_text(text).lstrip("\ufeff")
    if len(text) > MAX_REQUEST_CHARS:
        raise InputError(
            f"The raw request is longer than {MAX_REQUEST_CHARS:,} characters.",
            "Paste one request.",
        )
    text = text.lstrip("\r\n\t ")
    split = _BLANK_LINE.search(text)
    head = text[: split.start()] if split else text
    body_text = text[split.end() :] if split else ""
    lines = re.split(r"\r?\n", head)
    notes: list[str] = []
    pseudo: dict[str, str] = {}
    method = target = ""
    first = lines[0].strip()
    start = 0
    line_match = REQUEST_LINE.fullmatch(first)
    if line_match and not first.startswith(":"):
        method, target = line_match.group(1), line_match.group(2)
        start = 1
    elif not first.startswith(":"):
        raise InputError(
            "The first line is not an HTTP request line like 'GET /path HTTP/1.1'.",
            "Copy the request with its first line (devtools: Raw view; Burp: Copy to file).",
        )
    headers = _headers(lines[start:], start, pseudo)
    method = method or pseudo.get(":method", "")
    target = target or pseudo.get(":path", "")
    if not method or not target:
        raise InputError(
            "The request has no method or path (no request line, no :method/:path).",
            "Copy the request with its first line, e.g. 'GET /todos HTTP/1.1'.",
        )
    url = _url(target, headers, pseudo, default_scheme.lower(), notes)
    body = body_text.encode("utf-8") if body_text else None
    body = _check_length(body, headers, notes)
    left_out = [k for k, _ in headers if k.lower() in _LEFT_OUT]
    if left_out:
        notes.append(f"{', '.join(dict.fromkeys(left_out))} left out: the URL and body carry them")
    kept = [(k, v) for k, v in headers if k.lower() not in _LEFT_OUT]
    return assemble_request(method, url, kept, (), body, source="raw", notes=notes)


def _headers(lines: list[str], offset: int, pseudo: dict[str, str]) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    for number, line in enumerate(lines, offset + 1):
        if not line.strip():
            continue
        if line[0] in " \t" and headers:
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}".strip())
            continue
        if line.startswith(":"):
            name, sep, value = line[1:].partition(":")
            name = ":" + name.strip().lower()
        else:
            name, sep, value = line.partition(":")
            name = name.strip()
        if not sep or name in ("", ":"):
            raise InputError(
                f"Line {number} of the request is not a 'Name: value' header.",
                "Keep one empty line between the headers and the body.",
            )
        if name.startswith(":"):
            pseudo.setdefault(name, value.strip())
        else:
            headers.append((name, value.strip()))
    return headers


def _url(
    target: str,
    headers: list[tuple[str, str]],
    pseudo: dict[str, str],
    default_scheme: str,
    notes: list[str],
) -> str:
    if re.match(r"https?://", target, re.IGNORECASE):
        return target
    if not target.startswith("/"):
        raise InputError(
            "The request target is neither a path (/…) nor an absolute http(s) URL.",
            "jwtscope replays ordinary requests, not CONNECT or OPTIONS *.",
        )
    host = pseudo.get(":authority") or next(
        (v for k, v in headers if k.lower() == "host" and v), ""
    )
    if not host:
        raise InputError(
            "The request has no Host header, so its URL is unknown.",
            "Add a 'Host: api.example.com' line, or use the full URL in the request line.",
        )
    scheme = pseudo.get(":scheme", "").lower()
    if scheme not in ("http", "https"):
        scheme = "https" if host.endswith(":443") else default_scheme
        notes.append(f"the raw request does not say http or https: {scheme} assumed")
    return f"{scheme}://{host}{target}"


def _check_length(
    body: bytes | None, headers: list[tuple[str, str]], notes: list[str]
) -> bytes | None:
    declared = next((v for k, v in headers if k.lower() == "content-length"), None)
    if declared is None or not declared.strip().isdigit():
        return body
    length = int(declared)
    actual = len(body or b"")
    if actual > length and not (body or b"")[length:].strip():
        notes.append("whitespace after the body (beyond its Content-Length) removed")
        return (body or b"")[:length] or None
    if actual != length:
        notes.append(f"Content-Length says {length} bytes but the body has {actual}")
    return body
