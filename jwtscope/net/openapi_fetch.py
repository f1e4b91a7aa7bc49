"""Fetch an API's OpenAPI document (FastAPI's ``/openapi.json``) for the route probe.

One GET, on the origin the user named only: no redirects followed, no proxy, a total
deadline and a size cap on the body (the helpers of :mod:`jwtscope.net.http_deadline`
and :mod:`jwtscope.net.http_body`). Every failure is a one-line
:class:`~jwtscope.errors.NetworkError` with a fix; the document is not judged here.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from jwtscope import __version__
from jwtscope.errors import NetworkError
from jwtscope.net.http_body import ACCEPT_ENCODING, read_body
from jwtscope.net.http_deadline import deadline, origin_transport
from jwtscope.net.http_errors import origin_of, request_failed, show_url

__all__ = ["fetch_openapi"]

_HEADERS = {
    "Accept": "application/json",
    "Accept-Encoding": ACCEPT_ENCODING,
    "User-Agent": f"jwtscope/{__version__}",
}
_FIX = "pass the document with --openapi FILE, or its URL with --openapi URL"


def fetch_openapi(
    url: str,
    *,
    origin: str,
    timeout: float = 5.0,
    max_bytes: int = 5_000_000,
    insecure: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """GET the OpenAPI document at ``url`` and parse it.

    Args:
        url: the document's http(s) URL.
        origin: the origin the user named; a URL elsewhere is refused.
        timeout: seconds the request may take in all.
        max_bytes: the largest body accepted (decoded).
        insecure: do not verify TLS.
        transport: an httpx transport (tests).

    Raises:
        NetworkError: another origin, no answer, a non-2xx answer, or not a JSON object.
    """
    try:
        target = httpx.URL(url)
        allowed = httpx.URL(origin)
    except httpx.InvalidURL as exc:
        raise NetworkError("The OpenAPI URL is not a valid URL", fix=_FIX) from exc
    if origin_of(target) != origin_of(allowed):
        raise NetworkError(
            f"refusing to fetch {show_url(target)}: only {origin} was named", fix=_FIX
        )
    answered = False
    try:
        with (
            httpx.Client(
                transport=transport or origin_transport(verify=not insecure),
                headers=_HEADERS,
                timeout=httpx.Timeout(timeout),
                follow_redirects=False,
                trust_env=False,
            ) as client,
            deadline(timeout) as limit,
            client.stream("GET", target) as response,
        ):
            answered = True
            status = response.status_code
            if not 200 <= status < 300:
                raise NetworkError(
                    f"{show_url(target)} answered HTTP {status}, not an OpenAPI document",
                    fix=_FIX,
                )
            body, truncated = read_body(response, max_bytes, limit)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise request_failed(exc, target, timeout, answered=answered) from exc
    if truncated:
        raise NetworkError(f"the OpenAPI document is larger than {max_bytes} bytes", fix=_FIX)
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NetworkError(f"{show_url(target)} is not JSON", fix=_FIX) from exc
    if not isinstance(document, dict) or "paths" not in document:
        raise NetworkError(f"{show_url(target)} is not an OpenAPI document (no paths)", fix=_FIX)
    return document
