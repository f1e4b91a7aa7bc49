"""Send replay requests and record what came back: the only place replays touch the network.

Rules: redirects are never followed (a 3xx is reported with its ``Location``); each
request has a total deadline — connection, headers and body within ``timeout``
(:mod:`jwtscope.net.http_deadline`) — and a cap on its body, on the wire and decoded
(:mod:`jwtscope.net.http_body`); TLS is verified unless the request says ``insecure``
(curl ``-k``, flagged to the user); every request goes to the origin the user named and
nowhere else: never through a proxy (``HTTP_PROXY`` and friends and ``~/.netrc`` are
ignored). Failures become an :class:`Exchange` with ``error`` set — no httpx exception
escapes.
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
from jwtscope.net.http_body import ACCEPT_ENCODING, read_body
from jwtscope.net.http_deadline import deadline, origin_transport
from jwtscope.net.http_errors import failure_kind, origin_of, request_failed

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
_DECODED = frozenset({"gzip", "x-gzip", "deflate", "identity"})


def _origin(url: str) -> tuple[str, str, int]:
    """``(scheme, host, port)``: what "the same origin" compares (userinfo left out)."""
    try:
        return origin_of(httpx.URL(url))
    except httpx.InvalidURL:
        return ("", "", 0)


def _shown_origin(origin: tuple[str, str, int]) -> str:
    return f"{origin[1]}:{origin[2]}"


def _wire_headers(request: ReplayRequest) -> list[tuple[str, str]]:
    """The headers sent: the request's own (:meth:`ReplayRequest.wire_headers`), a
    ``User-Agent`` when it has none, and an ``Accept-Encoding`` that asks only for what
    :func:`jwtscope.net.http_body.read_body` decodes (the request's own when it does)."""
    headers: list[tuple[str, str]] = []
    for name, value in request.wire_headers():
        lname = name.lower()
        if lname == "content-length":
            continue
        if lname == "accept-encoding" and not _decodable(value):
            value = ACCEPT_ENCODING
        headers.append((name, value))
    names = {name.lower() for name, _ in headers}
    if "user-agent" not in names:
        headers.append(("User-Agent", _UA))
    if "accept-encoding" not in names:
        headers.append(("Accept-Encoding", ACCEPT_ENCODING))
    return headers


def _decodable(accept_encoding: str) -> bool:
    codings = (part.split(";")[0].strip().lower() for part in accept_encoding.split(","))
    return all(coding in _DECODED for coding in codings if coding)


def send(
    request: ReplayRequest,
    *,
    purpose: str,
    client: httpx.Client,
    timeout: float = DEFAULT_TIMEOUT,
    max_body: int = DEFAULT_MAX_BODY,
    clock: Callable[[], float] = time.time,
) -> Exchange:
    """Send one request and return the exchange (never raises for network failures).

    The request goes to :attr:`ReplayRequest.wire_url` (no ``user:password@``: the URL's
    credentials become ``Authorization: Basic`` only when the request has no
    ``Authorization`` of its own, see :meth:`ReplayRequest.wire_headers`). The whole
    exchange, body included, ends within ``timeout`` seconds.
    """
    sent_at = clock()
    start = time.perf_counter()
    with deadline(timeout) as limit:
        try:
            outgoing = client.build_request(
                request.method,
                request.wire_url,
                headers=_wire_headers(request),
                content=request.body,
                timeout=httpx.Timeout(timeout),
            )
        except (ValueError, TypeError, httpx.InvalidURL) as exc:  # bad URL or header value
            return Exchange(
                purpose, request, error=_not_sent(exc, request), error_kind="other", sent_at=sent_at
            )
        try:
            response = client.send(outgoing, stream=True, follow_redirects=False)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return _failed(purpose, request, outgoing.url, exc, (timeout, start, sent_at), None)
        try:
            body, truncated = read_body(response, max_body, limit)
        except httpx.HTTPError as exc:
            return _failed(purpose, request, outgoing.url, exc, (timeout, start, sent_at), response)
        finally:
            response.close()
    return Exchange(
        purpose,
        request,
        status=response.status_code,
        headers=_headers(response),
        body=body,
        truncated=truncated,
        elapsed=time.perf_counter() - start,
        sent_at=sent_at,
    )


def _failed(
    purpose: str,
    request: ReplayRequest,
    url: httpx.URL,
    exc: Exception,
    times: tuple[float, float, float],
    response: httpx.Response | None,
) -> Exchange:
    """The exchange of a request that failed, before or after the answer's headers.

    ``times`` is ``(timeout, perf_counter at the start, clock at the start)``.
    """
    timeout, start, sent_at = times
    failed = request_failed(exc, url, timeout, answered=response is not None)
    return Exchange(
        purpose,
        request,
        status=response.status_code if response is not None else None,
        headers=_headers(response) if response is not None else (),
        error=failed.message,
        error_kind=failure_kind(exc),
        elapsed=time.perf_counter() - start,
        sent_at=sent_at,
    )


def _headers(response: httpx.Response) -> tuple[tuple[str, str], ...]:
    return tuple((k.lower(), v) for k, v in response.headers.items())


def _not_sent(exc: Exception, request: ReplayRequest) -> str:
    """``request not sent: …`` with the URL's password and the token kept out of it."""
    reason = " ".join(str(exc).split())[:160] or type(exc).__name__
    try:
        password = urlsplit(request.url).password
    except ValueError:
        password = None
    for secret in (request.token, password):
        if secret:
            reason = reason.replace(secret, "***")
    return f"request not sent: {reason}"


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
        timeout: seconds each request may take in all (connect, headers and body).
        max_body: bytes of each body to read at most (decoded; about twice that raw).
        transport: an httpx transport (tests use MockTransport for faults).
        clock: local time, recorded with each exchange for the clock check.

    Raises:
        UsageError: when a probe targets another origin (a programming error upstream).
    """
    allowed = _origin(origin)
    for probe in probes:
        target = _origin(probe.request.url)
        if target != allowed:
            raise UsageError(
                f"refusing to send to {_shown_origin(target)}: only {_shown_origin(allowed)}"
                " was named",
                "replay only talks to the origin you gave",
            )
    if not probes:
        return []
    insecure = any(p.request.insecure for p in probes)
    if transport is None:
        transport = origin_transport(verify=not insecure)
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=False) as client:
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


@contextmanager
def shared_transport(
    *, insecure: bool = False, transport: Transport | None = None
) -> Iterator[Transport]:
    """One transport for a run of many sends (a probe), left open between them.

    A new client per send would build a fresh TLS context each time (~30 ms). The
    transport is the one :func:`send_probes` makes for itself
    (:func:`jwtscope.net.http_deadline.origin_transport`): TLS verified unless
    ``insecure``, no keep-alive, no proxy, a deadline per request. A caller's
    ``transport`` is wrapped, not closed; one made here is closed when the block ends.
    """
    own = None
    if transport is None:
        transport = own = origin_transport(verify=not insecure)
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
