"""Send replay requests and record what came back: the only place replays touch the network.

Rules: redirects are never followed (a 3xx is reported with its ``Location``); connect and
read timeouts and a cap on the body read are always on; TLS is verified unless the
request says ``insecure`` (curl ``-k``, flagged to the user); every request must go to
the origin the user named. Failures become an :class:`Exchange` with ``error`` set —
no httpx exception escapes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlsplit

import httpx

from jwtscope import __version__
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.errors import UsageError
from jwtscope.net.http_errors import failure_kind, request_failed

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEFAULT_TIMEOUT",
    "Transport",
    "send",
    "send_probes",
    "shared_transport",
]

#: What callers above ``net`` may hold and pass back: an httpx transport.
Transport = httpx.BaseTransport

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BODY = 1_000_000
_UA = f"jwtscope/{__version__}"


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.netloc or "").lower()


def send(
    request: ReplayRequest,
    *,
    purpose: str,
    client: httpx.Client,
    timeout: float = DEFAULT_TIMEOUT,
    max_body: int = DEFAULT_MAX_BODY,
    clock: Callable[[], float] = time.time,
) -> Exchange:
    """Send one request and return the exchange (never raises for network failures)."""
    headers = [(k, v) for k, v in request.wire_headers() if k.lower() != "content-length"]
    if not any(k.lower() == "user-agent" for k, _ in headers):
        headers.append(("User-Agent", _UA))
    sent_at = clock()
    start = time.perf_counter()
    try:
        outgoing = client.build_request(
            request.method,
            request.url,
            headers=headers,
            content=request.body,
            timeout=httpx.Timeout(timeout),
        )
        response = client.send(outgoing, stream=True, follow_redirects=False)
    except httpx.HTTPError as exc:
        failed = request_failed(exc, httpx.URL(request.url), timeout)
        return Exchange(
            purpose,
            request,
            error=failed.message,
            error_kind=failure_kind(exc),
            elapsed=time.perf_counter() - start,
            sent_at=sent_at,
        )
    except (ValueError, TypeError) as exc:  # invalid URL or header value
        return Exchange(
            purpose, request, error=f"request not sent: {exc}", error_kind="other", sent_at=sent_at
        )
    try:
        body, truncated = _read(response, max_body)
    except httpx.HTTPError as exc:
        failed = request_failed(exc, httpx.URL(request.url), timeout)
        return Exchange(
            purpose,
            request,
            status=response.status_code,
            headers=tuple((k.lower(), v) for k, v in response.headers.items()),
            error=failed.message,
            error_kind=failure_kind(exc),
            elapsed=time.perf_counter() - start,
            sent_at=sent_at,
        )
    finally:
        response.close()
    return Exchange(
        purpose,
        request,
        status=response.status_code,
        headers=tuple((k.lower(), v) for k, v in response.headers.items()),
        body=body,
        truncated=truncated,
        elapsed=time.perf_counter() - start,
        sent_at=sent_at,
    )


def send_probes(
    probes: Sequence[PlannedRequest],
    *,
    origin: str,
    timeout: float = DEFAULT_TIMEOUT,
    max_body: int = DEFAULT_MAX_BODY,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.time,
) -> list[Exchange]:
    """Send independent probes concurrently; results come back in the probes' order.

    Args:
        probes: the requests to send.
        origin: the origin the user named; a probe to any other origin is refused.
        timeout: connect/read timeout per request, seconds.
        max_body: bytes of each body to read at most.
        transport: an httpx transport (tests use MockTransport for faults).
        clock: local time, recorded with each exchange for the clock check.

    Raises:
        UsageError: when a probe targets another origin (a programming error upstream).
    """
    allowed = _origin(origin)
    for probe in probes:
        if _origin(probe.request.url) != allowed:
            raise UsageError(
                f"refusing to send to {_origin(probe.request.url)[1]}: only {allowed[1]} was named",
                "replay only talks to the origin you gave",
            )
    if not probes:
        return []
    insecure = any(p.request.insecure for p in probes)
    # No keep-alive: uvicorn closes the connection after an unhandled-exception 500 without
    # saying so, and a reused connection would then fail at random.
    limits = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(
        verify=not insecure, transport=transport, follow_redirects=False, limits=limits
    ) as client:
        if len(probes) == 1:
            return [_send(probes[0], client, timeout, max_body, clock)]
        with ThreadPoolExecutor(max_workers=min(8, len(probes))) as pool:
            futures = [pool.submit(_send, p, client, timeout, max_body, clock) for p in probes]
            return [f.result() for f in futures]


def _send(
    probe: PlannedRequest,
    client: httpx.Client,
    timeout: float,
    max_body: int,
    clock: Callable[[], float],
) -> Exchange:
    return send(
        probe.request,
        purpose=probe.key,
        client=client,
        timeout=timeout,
        max_body=max_body,
        clock=clock,
    )


def _read(response: httpx.Response, max_body: int) -> tuple[bytes, bool]:
    """Read the (decoded) body up to ``max_body`` bytes; True when it was cut."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > max_body:
            return b"".join(chunks)[:max_body], True
    return b"".join(chunks), False


@contextmanager
def shared_transport(
    *, insecure: bool = False, transport: Transport | None = None
) -> Iterator[Transport]:
    """One transport for a run of many sends (a probe), left open between them.

    A new client per send would build a fresh TLS context each time (~30 ms). The
    transport has the settings :func:`send_probes` gives its own: TLS verified unless
    ``insecure``, no keep-alive. A caller's ``transport`` is wrapped, not closed; one
    made here is closed when the block ends.
    """
    own = None
    if transport is None:
        limits = httpx.Limits(max_keepalive_connections=0)
        transport = own = httpx.HTTPTransport(verify=not insecure, limits=limits)
    try:
        yield _Shared(transport)
    finally:
        if own is not None:
            own.close()


class _Shared(httpx.BaseTransport):
    """A transport left open when each send's client closes."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        """Nothing: the inner transport outlives each send's client."""
