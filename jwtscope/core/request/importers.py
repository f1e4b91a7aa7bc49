"""Recognise what was pasted or loaded and read it as a request to replay.

:func:`parse_request_text` sniffs, in this order: a command starting with ``curl``
(:func:`~jwtscope.core.request.curl_import.parse_curl`), JSON (a HAR file,
:func:`~jwtscope.core.request.har_import.parse_har_entry`), a request line or HTTP/2 pseudo-headers
(:func:`~jwtscope.core.request.raw_import.parse_raw_request`). Anything else — a bare token, a
"Copy as fetch", a "Copy as PowerShell" — is refused with a sentence saying what to
paste instead.
"""

from __future__ import annotations

import re

from jwtscope.core.request.curl_import import parse_curl
from jwtscope.core.request.har_import import parse_har_entry
from jwtscope.core.request.raw_import import parse_raw_request
from jwtscope.core.request.replay_request import ReplayRequest, looks_like_jwt, scrub_text
from jwtscope.errors import InputError

__all__ = ["parse_request_text", "sniff_request_format"]

_CURL = re.compile(r"(?:[$%>]\s*)?(?:\S*[/\\])?curl(?:\.exe)?(?:\s|\^|$)", re.IGNORECASE)
_REQUEST_LINE = re.compile(r"[A-Za-z]+[ \t]+(?:/|https?://)\S*(?:[ \t]+HTTP/[\d.]+)?[ \t]*", re.I)
_WHAT_TO_PASTE = (
    "Paste the browser's “Copy as cURL (bash)”, a raw HTTP request or a HAR file; "
    "or run jwtscope replay URL --token T."
)


def sniff_request_format(text: str) -> str | None:
    """``curl``, ``har``, ``raw`` or None: what :func:`parse_request_text` would read."""
    clean = scrub_text(text).lstrip("\ufeff").strip()
    if _CURL.match(re.sub(r"\A(?:#[^\n]*\n\s*)+", "", clean)):
        return "curl"
    if clean[:1] in ("{", "["):
        return "har"
    first = clean.split("\n", 1)[0].strip()
    if _REQUEST_LINE.fullmatch(first) or re.match(r":(method|authority|path|scheme):", first):
        return "raw"
    return None


def parse_request_text(text: str) -> ReplayRequest:
    """Read a curl command, a HAR file or a raw HTTP request, whichever ``text`` is.

    Raises:
        InputError: the text is none of them (with what to paste instead), or the
            chosen importer refuses it.
    """
    kind = sniff_request_format(text)
    if kind == "curl":
        return parse_curl(text)
    if kind == "har":
        return parse_har_entry(text)
    if kind == "raw":
        return parse_raw_request(text)
    clean = scrub_text(text).strip()
    if not clean:
        raise InputError("Nothing to import: the text is empty.", _WHAT_TO_PASTE)
    lowered = clean.lower()
    if looks_like_jwt(clean) or lowered.startswith(("bearer ", "authorization:")):
        raise InputError(
            "This is a token, not a request.",
            "Run jwtscope replay URL --token '…', or paste the failing request as cURL.",
        )
    if lowered.startswith(("fetch(", "await fetch(")):
        raise InputError("This is “Copy as fetch”, which jwtscope does not read.", _WHAT_TO_PASTE)
    if "invoke-webrequest" in lowered or "invoke-restmethod" in lowered:
        raise InputError(
            "This is “Copy as PowerShell”, which jwtscope does not read.", _WHAT_TO_PASTE
        )
    raise InputError(
        "The text is not a curl command, a raw HTTP request or a HAR file.", _WHAT_TO_PASTE
    )
