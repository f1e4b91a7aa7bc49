"""Test plumbing for the replay backends: a server clock that tests can set.

The backends in :mod:`servers.replay_backends` and :mod:`servers.replay_backends_http`
are written the way real FastAPI + PyJWT apps are written, except for one thing: their
clock. A real app reads the wall clock in two places, and both are replaced here:

1. **PyJWT's exp / nbf / iat checks.** PyJWT has no clock parameter: it calls
   ``datetime.now()`` inside ``PyJWT._validate_claims`` and hands that ``now`` to
   ``_validate_iat``, ``_validate_nbf`` and ``_validate_exp``. :class:`ClockedPyJWT` is a
   ``jwt.PyJWT`` whose three validators call PyJWT's own code with the injected clock
   instead. Chosen over "decode with ``verify_exp=False`` … and re-check by hand"
   because it keeps PyJWT's rules, messages *and order of checks* by construction (an
   expired token with the wrong ``aud`` still says ``Signature has expired``, as the real
   thing does), with no copied logic to drift. The price is leaning on three private
   method names; ``test_replay_backends.py`` pins that the injected clock really is used
   (each check passes or fails only because of it), so a rename in PyJWT fails loudly.
   Apps call ``decoder.decode(token, key, algorithms=[...], ...)`` — the same signature
   as ``jwt.decode`` (which is itself ``PyJWT().decode``).

2. **The ``Date`` response header.** uvicorn adds ``date`` from the wall clock to every
   response, at the protocol level, after the app. :func:`serve_backend` runs uvicorn
   with ``date_header=False`` and wraps the app in :class:`ServerDate`, which adds a
   ``date`` header from the app's clock (``app.state.clock``) to *every* response —
   including the 500 that Starlette's ``ServerErrorMiddleware`` writes and CORS
   preflight answers — just as uvicorn would. The shared harness cannot do this (it has
   no way to pass ``date_header=False``), so this module has its own ``serve`` that
   reuses the harness's start/stop machinery.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from email.utils import formatdate
from typing import Any

import jwt
from servers.harness import serve
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Clock", "ClockedPyJWT", "FixedClock", "ServerDate", "http_date", "serve_backend"]

#: A clock: seconds since the epoch, like :func:`time.time`.
Clock = Callable[[], float]


class FixedClock:
    """A clock that stands still at ``time`` until a test moves it.

    One running server can then be asked questions at several instants::

        clock = FixedClock(BA_IAT + 60)
        with serve_backend(hs256_ok(secret, clock)) as base_url, clock.at(BA_IAT + 900):
            ...  # every check and the Date header now read BA_IAT + 900
    """

    def __init__(self, time: float) -> None:
        self.time = time

    def __call__(self) -> float:
        return self.time

    @contextlib.contextmanager
    def at(self, time: float) -> Iterator[None]:
        """Move the clock to ``time`` for the ``with`` block, then back."""
        before, self.time = self.time, time
        try:
            yield
        finally:
            self.time = before


class ClockedPyJWT(jwt.PyJWT):
    """``jwt.PyJWT`` whose time checks (iat, nbf, exp) read ``now()``, not the wall clock.

    Everything else — signature, algorithms, aud, iss, sub, jti, leeway, the order of
    the checks and every error message — is PyJWT's own code.
    """

    def __init__(self, now: Clock, options: Any = None) -> None:
        super().__init__(options)
        self._now = now

    def _validate_iat(self, payload: dict[str, Any], now: float, leeway: float) -> None:
        super()._validate_iat(payload, self._now(), leeway)

    def _validate_nbf(self, payload: dict[str, Any], now: float, leeway: float) -> None:
        super()._validate_nbf(payload, self._now(), leeway)

    def _validate_exp(self, payload: dict[str, Any], now: float, leeway: float) -> None:
        super()._validate_exp(payload, self._now(), leeway)


def http_date(timestamp: float) -> str:
    """An HTTP ``Date`` value (IMF-fixdate), formatted the way uvicorn formats it."""
    return formatdate(timestamp, usegmt=True)


class ServerDate:
    """ASGI wrapper: put ``date: <clock()>`` first in every response, as uvicorn does."""

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_date(message: Message) -> None:
            if message["type"] == "http.response.start":
                date = (b"date", http_date(self.clock()).encode("latin-1"))
                message = {**message, "headers": [date, *message.get("headers", [])]}
            await send(message)

        await self.app(scope, receive, send_with_date)


@contextlib.contextmanager
def serve_backend(app: Any, *, startup_timeout: float = 10.0) -> Iterator[str]:
    """Like :func:`servers.harness.serve`, but the ``Date`` header follows the app's clock.

    Args:
        app: an app whose ``app.state.clock`` is its clock (every replay backend sets
            it); the header is then ``http_date(app.state.clock())``.
        startup_timeout: seconds to wait for uvicorn to start listening.

    Yields:
        The base URL, ``http://127.0.0.1:PORT``.
    """
    with serve(
        ServerDate(app, app.state.clock), startup_timeout=startup_timeout, date_header=False
    ) as base_url:
        yield base_url
