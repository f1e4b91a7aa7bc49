"""Run an ASGI app on a real loopback port, for tests that need a real server.

Usage::

    from servers.harness import serve

    with serve(create_app()) as base_url:      # "http://127.0.0.1:PORT"
        httpx.get(f"{base_url}/ping")

The port is chosen by the OS (a socket bound to port 0 and handed to uvicorn), so there
is no race between picking a port and listening on it, and many servers can run at
once. The server runs in a daemon thread with its own event loop; :func:`serve` returns
as soon as uvicorn has started (no fixed sleeps) and always stops the server on exit,
even when the test fails. Startup failures (e.g. a lifespan error) raise at once.

Uvicorn runs with h11 and asyncio explicitly, so behaviour does not depend on whether
httptools/uvloop happen to be installed; logging is quiet (warnings only, no access log)
and uvicorn's logging config is not applied, so the test run's logging is left alone.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import uvicorn

__all__ = ["free_port_refused", "serve"]


class _Server(uvicorn.Server):
    """A uvicorn server that signals a threading.Event when startup is over."""

    def __init__(self, config: uvicorn.Config, startup_done: threading.Event) -> None:
        super().__init__(config)
        self._startup_done = startup_done

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets=sockets)
        finally:
            self._startup_done.set()


@contextlib.contextmanager
def serve(
    app: Any,
    *,
    startup_timeout: float = 10.0,
    shutdown_timeout: float = 5.0,
    graceful_timeout: int = 1,
    date_header: bool = True,
) -> Iterator[str]:
    """Serve an ASGI app on ``127.0.0.1`` at a free port, for the ``with`` block.

    Args:
        app: the ASGI application (e.g. a FastAPI app). Its lifespan runs ("on"): an
            error in startup makes :func:`serve` raise.
        startup_timeout: seconds to wait for uvicorn to start listening.
        shutdown_timeout: seconds to wait for the server thread to stop, twice at
            most (a graceful stop, then a forced one).
        graceful_timeout: seconds uvicorn gives unfinished requests at shutdown
            before cancelling them (a handler that never answers cannot hang the run).
        date_header: let uvicorn add its own ``Date`` header (off when the app sets a
            ``Date`` from its own, injected clock).

    Yields:
        The base URL, ``http://127.0.0.1:PORT`` (no trailing slash).

    Raises:
        RuntimeError: the server did not start.
    """
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto says TCP; with proto 0, Nagle holds each response body ~40 ms on keep-alive.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            log_config=None,
            lifespan="on",
            loop="asyncio",
            http="h11",
            ws="none",
            timeout_graceful_shutdown=graceful_timeout,
            date_header=date_header,
        )
        startup_done = threading.Event()
        server = _Server(config, startup_done)
        failures: list[BaseException] = []

        def run() -> None:
            try:
                server.run(sockets=[sock])
            except BaseException as exc:  # incl. SystemExit from a failed uvicorn startup
                failures.append(exc)
            finally:
                startup_done.set()

        thread = threading.Thread(target=run, name=f"test-server-{port}", daemon=True)
        thread.start()
        try:
            startup_done.wait(startup_timeout)
            if not server.started:
                cause = failures[0] if failures else None
                detail = f": {cause!r}" if cause else f" within {startup_timeout:g} s"
                raise RuntimeError(f"test server on port {port} did not start{detail}") from cause
            yield f"http://127.0.0.1:{port}"
        finally:
            _stop(server, thread, shutdown_timeout)
    finally:
        sock.close()


def _stop(server: uvicorn.Server, thread: threading.Thread, timeout: float) -> None:
    """Ask uvicorn to exit, force it if needed; warn (never raise) if it still hangs."""
    server.should_exit = True
    thread.join(timeout)
    if thread.is_alive():
        server.force_exit = True
        thread.join(timeout)
    if thread.is_alive():
        warnings.warn(f"{thread.name} did not stop", ResourceWarning, stacklevel=3)


def free_port_refused() -> str:
    """A base URL on 127.0.0.1 where nothing listens, so a connection is refused.

    The OS picks a free port; the socket is closed at once without listening. Another
    process could take the port in between, which is unlikely on a test machine.

    Returns:
        ``http://127.0.0.1:PORT``.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
