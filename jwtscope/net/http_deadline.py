"""A total deadline per request, and the one kind of transport jwtscope sends through.

httpx's timeouts apply to each network operation: a server that drips one byte a second
never trips them. :func:`deadline` starts a per-thread clock for one request;
the transports made by :func:`origin_transport` clamp every step of that request (name
lookup, connect, TLS handshake, each write and each read) to the time left, so the
connection, the headers and the body together end within the timeout. Readers check
:meth:`Deadline.check` between chunks too, for transports that are not ours (tests).

:func:`origin_transport` talks only to the origin of each request: no proxy, whatever
``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY`` say (clients are made with
``trust_env=False``, which also leaves ``~/.netrc`` alone). The environment is read only
for ``SSL_CERT_FILE``/``SSL_CERT_DIR``, the CAs to trust.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from ssl import SSLContext
from typing import Any

import httpcore
import httpx

__all__ = ["Deadline", "deadline", "origin_transport"]

_local = threading.local()


class Deadline:
    """The moment one request must be over by (monotonic clock)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (negative once passed)."""
        return self.end - time.monotonic()

    @property
    def passed(self) -> bool:
        """The time is up."""
        return self.remaining() <= 0

    def check(self) -> None:
        """Raise :class:`httpx.ReadTimeout` once the time is up."""
        if self.passed:
            raise httpx.ReadTimeout(f"no complete answer within {self.seconds:g} s")


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Give every network step of this thread ``seconds`` in total, for the block."""
    previous = getattr(_local, "deadline", None)
    current = Deadline(seconds)
    _local.deadline = current
    try:
        yield current
    finally:
        _local.deadline = previous


def _clamp(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` cut to this thread's time left; ``error`` when there is none left."""
    current: Deadline | None = getattr(_local, "deadline", None)
    if current is None:
        return timeout
    left = current.remaining()
    if left <= 0:
        raise error(f"no complete answer within {current.seconds:g} s")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A socket stream whose every operation ends by the thread's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        clamped = _clamp(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, clamped))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's socket backend, with the name lookup bounded and streams clamped."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port, _clamp(timeout, httpcore.ConnectTimeout))
        failure: Exception = httpcore.ConnectError(f"no address for {host[:80]}")
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    _clamp(timeout, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _Stream(stream)
        raise failure

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The host's addresses, looked up in a helper thread so a stuck resolver cannot hang us."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass  # a name: look it up
    found: list[list[str]] = []
    failed: list[OSError] = []

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            failed.append(exc)
            return
        found.append(list(dict.fromkeys(str(info[4][0]) for info in infos)))

    worker = threading.Thread(target=lookup, name="jwtscope-dns", daemon=True)
    worker.start()
    worker.join(timeout)
    if failed:
        raise httpcore.ConnectError(str(failed[0])) from failed[0]
    if not found:
        raise httpcore.ConnectTimeout(f"looking up {host[:80]} took too long")
    return found[0]


@functools.lru_cache(maxsize=2)
def _ssl_context(verify: bool) -> SSLContext:
    """One TLS context per process and mode: building one loads the CA bundle (~100 ms),
    and a context is safe to share between connections and threads."""
    return httpx.create_ssl_context(verify=verify, trust_env=True)


class _OriginTransport(httpx.HTTPTransport):
    """An HTTP/1.1 transport without proxy or keep-alive, held to the thread's deadline."""

    def __init__(self, *, verify: bool) -> None:
        context = _ssl_context(verify)
        super().__init__(verify=context)
        # No keep-alive: uvicorn closes the connection after an unhandled-exception 500
        # without saying so, and a reused connection would then fail at random.
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_keepalive_connections=0,
            network_backend=_Backend(),
        )


def origin_transport(*, verify: bool = True) -> httpx.BaseTransport:
    """A transport that talks straight to each request's origin, within its deadline.

    Args:
        verify: check the server's TLS certificate (off only for curl ``-k``).
    """
    return _OriginTransport(verify=verify)
