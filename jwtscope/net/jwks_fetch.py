"""Fetch a JSON Web Key Set (JWKS) over HTTP, following OIDC discovery once.

:func:`fetch_jwks` takes the URL the user named — a JWKS endpoint such as Better Auth's
``/api/auth/jwks``, or an OIDC discovery document such as
``/.well-known/openid-configuration`` — and returns the parsed key set as a
:class:`FetchedJwks`. It does not judge the keys; :mod:`jwtscope.core.keys.keyset` does.

Rules, so that nothing is sent to an origin the user did not name:

- only ``http``/``https``; redirects are reported, never followed;
- a discovery document's ``jwks_uri`` is followed once, and only on the same origin;
- never through a proxy: ``HTTP_PROXY`` and friends and ``~/.netrc`` are ignored;
- each request has a total deadline (connect, headers and body) and a size cap on the
  body, on the wire and decompressed; stacked content encodings are refused.

Every failure is a :class:`~jwtscope.errors.NetworkError` with a one-line message and a
fix; no httpx exception escapes. URLs in messages are shown with the password masked
and without their query string, since either may carry a credential. A URL's
``user:password@`` is sent as ``Authorization: Basic`` (as curl does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from jwtscope import __version__
from jwtscope.errors import NetworkError
from jwtscope.net.http_body import ACCEPT_ENCODING, read_body
from jwtscope.net.http_deadline import Deadline, deadline, origin_transport
from jwtscope.net.http_errors import DEFAULT_PORTS as _DEFAULT_PORTS
from jwtscope.net.http_errors import origin_of as _origin
from jwtscope.net.http_errors import request_failed as _request_failed
from jwtscope.net.http_errors import show_url as _show

__all__ = ["FetchedJwks", "fetch_jwks"]

_HEADERS = {
    "Accept": "application/json",
    "Accept-Encoding": ACCEPT_ENCODING,
    "User-Agent": f"jwtscope/{__version__}",
}
_EXAMPLE_URL = "https://app.example.com/api/auth/jwks"
_FIX_PASS_JWKS = "pass the JWKS URL itself with --jwks"
_FIX_CHECK_URL = f"check the URL points at the JWKS endpoint (e.g. {_EXAMPLE_URL})"
_STATUS_FIXES = {
    401: "a JWKS endpoint is public: check the URL (a protected route or a proxy refused it)",
    403: "a JWKS endpoint is public: check the URL (a protected route or a proxy refused it)",
    404: (
        "check the path: Better Auth serves its JWKS at /api/auth/jwks; an OIDC provider"
        " names it as jwks_uri in /.well-known/openid-configuration"
    ),
    405: "the endpoint does not accept GET: " + _FIX_CHECK_URL,
    429: "the server is rate limiting: wait a moment and try again",
}


@dataclass(frozen=True)
class FetchedJwks:
    """A JWKS document fetched from the network.

    Attributes:
        url: the URL the JWKS document came from (the ``jwks_uri`` after discovery).
        document: the parsed JWKS, always of the form ``{"keys": [...]}``.
        via_discovery: the discovery URL when the JWKS was reached through its
            ``jwks_uri``; ``None`` when the given URL served the JWKS itself.
    """

    url: str
    document: dict[str, Any]
    via_discovery: str | None = None


def fetch_jwks(
    url: str,
    *,
    timeout: float = 5.0,
    max_bytes: int = 1_000_000,
    transport: httpx.BaseTransport | None = None,
) -> FetchedJwks:
    """Fetch a JWKS, or an OIDC discovery document and then its ``jwks_uri``.

    A single JWK object (one with ``kty``) is accepted and wrapped as
    ``{"keys": [jwk]}``.

    Args:
        url: an ``http``/``https`` URL of a JWKS or of an OIDC discovery document.
        timeout: seconds each request may take in all (connect, headers and body).
        max_bytes: the largest body accepted (decompressed); a bigger one is refused.
        transport: an httpx transport to send through (tests, fault injection). By
            default, :func:`jwtscope.net.http_deadline.origin_transport`.

    Returns:
        The fetched key set, where it came from and whether discovery was used.

    Raises:
        NetworkError: the URL is not http(s), the request failed, the server answered
            with a redirect or an error, or the answer is not a JWKS.
    """
    start = _parse_url(url)
    with httpx.Client(
        transport=transport or origin_transport(),
        headers=_HEADERS,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
    ) as client:
        document = _get_json_object(client, start, timeout=timeout, max_bytes=max_bytes)
        jwks = _as_jwks(document, start)
        if jwks is not None:
            return FetchedJwks(url=str(start), document=jwks, via_discovery=None)
        if "jwks_uri" not in document:
            raise _not_a_jwks(document, start)

        jwks_url = _discovered_jwks_url(document["jwks_uri"], start)
        second = _get_json_object(client, jwks_url, timeout=timeout, max_bytes=max_bytes)
        jwks = _as_jwks(second, jwks_url)
        if jwks is not None:
            return FetchedJwks(url=str(jwks_url), document=jwks, via_discovery=str(start))
        if "jwks_uri" in second:
            raise NetworkError(
                f"jwks_uri {_show(jwks_url)} is another discovery document;"
                " jwtscope follows discovery only once",
                fix=_FIX_PASS_JWKS,
            )
        raise _not_a_jwks(second, jwks_url)


def _parse_url(url: str) -> httpx.URL:
    """Parse the URL the user gave; refuse anything but absolute http(s) URLs."""
    fix = f"pass the full http(s) URL of the JWKS, e.g. {_EXAMPLE_URL}"
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        # The text may be anything the user pasted (even a token): never echo it.
        raise NetworkError("The JWKS URL is not a valid URL", fix=fix) from exc
    if parsed.scheme not in _DEFAULT_PORTS:
        got = f"scheme {parsed.scheme[:20]!r}" if parsed.scheme else "no scheme"
        raise NetworkError(f"The JWKS URL must start with http:// or https:// (got {got})", fix)
    if not parsed.host:
        raise NetworkError("The JWKS URL has no host name", fix=fix)
    return parsed


def _get_json_object(
    client: httpx.Client, url: httpx.URL, *, timeout: float, max_bytes: int
) -> dict[str, Any]:
    """GET ``url`` and return its body parsed as a JSON object, all within ``timeout``."""
    answered = False
    try:
        with deadline(timeout) as limit, client.stream("GET", url) as response:
            answered = True
            _check_status(response)
            body = _read_capped(response, max_bytes, limit)
            content_type = response.headers.get("content-type", "")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _request_failed(exc, url, timeout, answered=answered) from exc
    return _parse_json_object(body, content_type, url)


def _check_status(response: httpx.Response) -> None:
    """Refuse redirects and non-2xx answers."""
    status = response.status_code
    shown = _show(response.url)
    if 300 <= status < 400:
        location = response.headers.get("location")
        if not location:
            raise NetworkError(
                f"{shown} answered HTTP {status} without a Location header", _FIX_CHECK_URL
            )
        try:
            target = _show(response.url.join(location))
        except httpx.InvalidURL:
            target = "an invalid Location"
        raise NetworkError(
            f"{shown} redirected (HTTP {status}) to {target}",
            fix="pass the final URL with --jwks (jwtscope does not follow redirects)",
        )
    if not 200 <= status < 300:
        if status >= 500:
            fix = "the server failed: check its logs, then try again"
        else:
            fix = _STATUS_FIXES.get(status, _FIX_CHECK_URL)
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise NetworkError(f"{shown} answered HTTP {status}{reason}", fix=fix)


def _read_capped(response: httpx.Response, max_bytes: int, limit: Deadline) -> bytes:
    """Read the body, refusing it as soon as it passes ``max_bytes``."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(response.url, max_bytes)
    body, truncated = read_body(response, max_bytes, limit)
    if truncated:
        raise _too_large(response.url, max_bytes)
    return body


def _too_large(url: httpx.URL, max_bytes: int) -> NetworkError:
    return NetworkError(
        f"JWKS response larger than {max_bytes} bytes from {_show(url)}",
        fix="a JWKS is a few kilobytes: " + _FIX_CHECK_URL,
    )


def _parse_json_object(body: bytes, content_type: str, url: httpx.URL) -> dict[str, Any]:
    """Decode a body as a UTF-8 JSON object, with a clear error for anything else."""
    shown = _show(url)
    looks_like_html = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"
    if looks_like_html:
        raise _html(shown)
    if not body.strip():
        raise NetworkError(f"{shown} returned an empty body, not a JWKS", fix=_FIX_CHECK_URL)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NetworkError(
            f"{shown} returned a body that is not UTF-8 text"
            f" (byte 0x{body[exc.start]:02x} at position {exc.start})",
            fix=_FIX_CHECK_URL + ", not a file download",
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "html" in content_type.lower():
            raise _html(shown) from exc
        raise NetworkError(
            f"{shown} did not return valid JSON ({exc.msg} at line {exc.lineno}"
            f" column {exc.colno})",
            fix=_FIX_CHECK_URL + '; a JWKS looks like {"keys": [...]}',
        ) from exc
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        raise NetworkError(f"{shown} returned JSON that cannot be read", _FIX_CHECK_URL) from exc
    if not isinstance(data, dict):
        raise NetworkError(
            f"{shown} returned a JSON {_json_type(data)}, not a JWKS object",
            fix=_FIX_CHECK_URL + '; a JWKS looks like {"keys": [...]}',
        )
    return data


def _html(shown: str) -> NetworkError:
    return NetworkError(
        f"{shown} returned HTML, not a JWKS (is this the login page?)",
        fix=_FIX_CHECK_URL,
    )


def _as_jwks(document: dict[str, Any], url: httpx.URL) -> dict[str, Any] | None:
    """Return ``document`` as ``{"keys": [...]}``, or ``None`` if it is not a key set."""
    if "keys" in document:
        if not isinstance(document["keys"], list):
            raise NetworkError(
                f'"keys" in the JSON from {_show(url)} is a'
                f" {_json_type(document['keys'])}, not a list",
                fix=_FIX_CHECK_URL,
            )
        return document
    if "kty" in document:
        return {"keys": [document]}
    return None


def _not_a_jwks(document: dict[str, Any], url: httpx.URL) -> NetworkError:
    fields = ", ".join(repr(name[:30]) for name in list(document)[:5]) or "none"
    more = ", …" if len(document) > 5 else ""
    return NetworkError(
        f"JSON from {_show(url)} is not a JWKS: no 'keys' list and no 'jwks_uri'"
        f" (fields: {fields}{more})",
        fix=_FIX_CHECK_URL,
    )


def _discovered_jwks_url(raw: Any, discovery: httpx.URL) -> httpx.URL:
    """Check a discovery document's ``jwks_uri``: a URL on the discovery's own origin."""
    shown = _show(discovery)
    if not isinstance(raw, str) or not raw.strip():
        raise NetworkError(f"jwks_uri in {shown} is not a URL", fix=_FIX_PASS_JWKS)
    try:
        target = discovery.join(raw.strip())
    except httpx.InvalidURL as exc:
        raise NetworkError(f"jwks_uri in {shown} is not a valid URL", _FIX_PASS_JWKS) from exc
    if target.scheme not in _DEFAULT_PORTS or not target.host:
        raise NetworkError(f"jwks_uri in {shown} is not an http(s) URL", fix=_FIX_PASS_JWKS)
    if _origin(target) != _origin(discovery):
        raise NetworkError(
            f"jwks_uri in {shown} points to another origin ({_show(target)});"
            " jwtscope does not follow it on its own",
            fix=f"if you trust that server, pass the jwks_uri explicitly: --jwks {_show(target)}",
        )
    return target


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", dict: "object"}
    if value is None:
        return "null"
    return names.get(type(value), "number")
