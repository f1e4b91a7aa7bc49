"""Turn httpx failures into one-line NetworkErrors with a fix (shared by every net module).

URLs in messages are shown with their password masked (``admin:***@``) and their query
as ``?…``, since either may carry a credential.
"""

from __future__ import annotations

import socket
import ssl

import httpx

from jwtscope.core.request.request_url import mask_url
from jwtscope.errors import NetworkError

__all__ = ["DEFAULT_PORTS", "failure_kind", "origin_of", "request_failed", "show_url"]

DEFAULT_PORTS = {"http": 80, "https": 443}
_FIX_CHECK_URL = "check the URL"
_TLS_MARKERS = ("ssl", "tls", "certificate")
_DNS_MARKERS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
    "no address associated",
)
_REFUSED_MARKERS = ("refused", "errno 111", "errno 61", "winerror 10061")


def failure_kind(exc: Exception) -> str:
    """``timeout``, ``tls``, ``dns``, ``refused``, ``protocol`` or ``other``."""
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.ConnectError):
        causes = _causes(exc)
        text = " ".join(str(cause) for cause in causes).lower()
        if any(isinstance(c, ssl.SSLError) for c in causes) or any(m in text for m in _TLS_MARKERS):
            return "tls"
        if any(isinstance(c, socket.gaierror) for c in causes) or any(
            m in text for m in _DNS_MARKERS
        ):
            return "dns"
        if any(isinstance(c, ConnectionRefusedError) for c in causes) or any(
            m in text for m in _REFUSED_MARKERS
        ):
            return "refused"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.DecodingError)):
        return "protocol"
    return "other"


def request_failed(
    exc: Exception, url: httpx.URL, timeout: float, *, answered: bool = False
) -> NetworkError:
    """Turn an httpx exception into a one-line NetworkError.

    Args:
        exc: what httpx (or :mod:`jwtscope.net.http_body`) raised.
        url: the URL requested.
        timeout: the request's deadline, seconds.
        answered: the status line and headers had arrived (the body was being read).
    """
    shown = show_url(url)
    where = f"{url.host}:{origin_of(url)[2]}"
    slow_fix = "check the server is up and not stuck, or allow a longer timeout"
    if isinstance(exc, httpx.ConnectTimeout):
        return NetworkError(
            f"Timed out after {timeout:g} s connecting to {where}",
            fix="check the host and port, and that no firewall or VPN drops the connection",
        )
    if isinstance(exc, httpx.TimeoutException) and answered:
        return NetworkError(f"No complete answer from {shown} within {timeout:g} s", slow_fix)
    if isinstance(exc, httpx.ReadTimeout):
        return NetworkError(f"No answer from {shown} within {timeout:g} s", fix=slow_fix)
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(f"Timed out after {timeout:g} s talking to {shown}", fix=slow_fix)
    if isinstance(exc, httpx.ConnectError):
        return _connect_failed(exc, url, where)
    if isinstance(exc, httpx.RemoteProtocolError):
        return NetworkError(
            f"{where} broke off the HTTP exchange: {_reason(exc)}",
            fix="check that this port speaks HTTP (http:// vs https://), then try again",
        )
    if isinstance(exc, httpx.DecodingError):
        return NetworkError(
            f"{shown} sent a body that cannot be decompressed: {_reason(exc)}", fix=_FIX_CHECK_URL
        )
    return NetworkError(
        f"Request to {shown} failed: {type(exc).__name__}: {_reason(exc)}",
        fix="check the URL and your network, then try again",
    )


def _connect_failed(exc: httpx.ConnectError, url: httpx.URL, where: str) -> NetworkError:
    """Tell TLS, DNS and refused connections apart."""
    kind = failure_kind(exc)
    if kind == "tls":
        return NetworkError(
            f"TLS/certificate error connecting to {where}: {_reason(exc)}",
            fix=(
                "use the host name the certificate was issued for, trust its CA"
                " (SSL_CERT_FILE), or use http:// if the server speaks plain HTTP"
            ),
        )
    if kind == "dns":
        return NetworkError(
            f"Cannot resolve the host name {url.host[:80]!r}",
            fix="check the spelling of the host, your DNS and VPN",
        )
    if kind == "refused":
        return NetworkError(
            f"Connection refused by {where}: nothing is listening there",
            fix="start the server, or check the host and port in the URL",
        )
    return NetworkError(
        f"Cannot connect to {where}: {_reason(exc)}",
        fix="check the host and port, your network, VPN and firewall",
    )


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and its chain of causes, without loops."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _reason(exc: BaseException) -> str:
    """A library's error text on one short, printable line (a server's bytes may be in it)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 160 else text[:159] + "…"


def origin_of(url: httpx.URL) -> tuple[str, str, int]:
    return (url.scheme, url.host, url.port or DEFAULT_PORTS.get(url.scheme, 0))


def show_url(url: httpx.URL) -> str:
    """A URL for messages: password masked (``admin:***@``), query shown as ``?…``."""
    shown = mask_url(str(url.copy_with(query=None, fragment=None)))
    return shown + "?…" if url.query else shown
