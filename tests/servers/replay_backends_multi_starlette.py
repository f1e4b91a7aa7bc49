"""Pure Starlette todo APIs (no FastAPI) with stacked faults.

Starlette's ``AuthenticationMiddleware`` with a PyJWT backend — with an ``on_error`` that
answers JSON, and with the default one (400, the message as plain text) — a route that
reads the header itself and answers an RFC 6750 challenge with an empty body, a cookie
reader redirecting to ``/login``, and an HTML error page. Clocks as in
:mod:`servers.replay_clock` (serve with :func:`servers.replay_clock.serve_backend`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jwt
from servers.replay_backends_multi import USERS, shifted
from servers.replay_clock import Clock, ClockedPyJWT
from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    SimpleUser,
    requires,
)
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

__all__ = [
    "authmw_default_on_error",
    "authmw_scope",
    "authmw_users_by_id",
    "challenge_route",
    "cookie_login_redirect",
    "html_page_clock_ahead",
]

Decode = Callable[[str], dict[str, Any]]


class JwtBackend(AuthenticationBackend):
    """``Authorization: Bearer`` → ``decode`` → the user (``lookup`` may refuse it); the
    token's space-separated ``scope`` become the request's scopes."""

    def __init__(self, decode: Decode, lookup: Callable[[str], str] = str) -> None:
        self.decode = decode
        self.lookup = lookup

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        scheme, _, token = conn.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            payload = self.decode(token)
        except jwt.InvalidTokenError as e:
            raise AuthenticationError(str(e)) from None
        scopes = ["authenticated", *str(payload.get("scope", "")).split()]
        return AuthCredentials(scopes), SimpleUser(self.lookup(str(payload["sub"])))


@requires("authenticated")
async def list_todos(request: Request) -> JSONResponse:
    return JSONResponse([{"id": 1, "owner": request.user.username, "title": "Buy oat milk"}])


def _starlette(routes: list[Route], now: Clock, middleware: list[Middleware]) -> Starlette:
    app = Starlette(routes=routes, middleware=middleware)
    app.state.clock = now
    return app


def _json_error(conn: HTTPConnection, exc: AuthenticationError) -> Response:
    return JSONResponse({"detail": str(exc)}, 401, headers={"WWW-Authenticate": "Bearer"})


def authmw_users_by_id(secret: str, now: Clock) -> Starlette:
    """HS256 without ``audience=``; the user is looked up by integer id (``User not
    found`` for string ids); errors → 401 ``{"detail": "<message>"}``."""
    decoder = ClockedPyJWT(now)

    def lookup(sub: str) -> str:
        if not sub.isdigit() or int(sub) not in USERS:
            raise AuthenticationError("User not found")
        return USERS[int(sub)]

    backend = JwtBackend(lambda t: decoder.decode(t, secret, algorithms=["HS256"]), lookup)
    middleware = [Middleware(AuthenticationMiddleware, backend=backend, on_error=_json_error)]
    return _starlette([Route("/todos", list_todos)], now, middleware)


def authmw_default_on_error(secret: str, now: Clock) -> Starlette:
    """``AuthenticationMiddleware`` without ``on_error``: Starlette's default answers an
    ``AuthenticationError`` with 400 and the message as plain text."""
    decoder = ClockedPyJWT(now)
    backend = JwtBackend(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))
    middleware = [Middleware(AuthenticationMiddleware, backend=backend)]
    return _starlette([Route("/todos", list_todos)], now, middleware)


def authmw_scope(secret: str, audience: str, now: Clock, scope: str = "todos:read") -> Starlette:
    """HS256 with ``BETTER_AUTH_SECRET`` (``audience=`` right); the route needs ``scope``:
    403 ``{"error": "insufficient_scope"}`` with the RFC 6750 challenge."""
    decoder = ClockedPyJWT(now)
    backend = JwtBackend(
        lambda t: decoder.decode(t, secret, algorithms=["HS256"], audience=audience)
    )

    @requires("authenticated")
    async def todos(request: Request) -> Response:
        if scope not in request.auth.scopes:
            challenge = f'Bearer error="insufficient_scope", scope="{scope}"'
            return JSONResponse(
                {"error": "insufficient_scope", "error_description": f"{scope} is required"},
                403,
                headers={"WWW-Authenticate": challenge},
            )
        return await list_todos(request)

    def on_error(conn: HTTPConnection, exc: AuthenticationError) -> Response:
        return JSONResponse({"error": str(exc)}, 401)

    middleware = [Middleware(AuthenticationMiddleware, backend=backend, on_error=on_error)]
    return _starlette([Route("/todos", todos)], now, middleware)


def challenge_route(secret: str, issuer: str, now: Clock) -> Starlette:
    """The route checks the header itself: HS256 with ``issuer=``; a refusal is an empty
    401 with ``Bearer realm="todos", error="invalid_token", error_description="…"``."""
    decoder = ClockedPyJWT(now)

    async def todos(request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return Response(status_code=401, headers={"WWW-Authenticate": 'Bearer realm="todos"'})
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"], issuer=issuer)
        except jwt.InvalidTokenError as e:
            challenge = f'Bearer realm="todos", error="invalid_token", error_description="{e}"'
            return Response(status_code=401, headers={"WWW-Authenticate": challenge})
        return JSONResponse([{"id": 1, "owner": payload["sub"], "title": "Buy oat milk"}])

    return _starlette([Route("/todos", todos)], now, [])


def cookie_login_redirect(secret: str, now: Clock) -> Starlette:
    """A server-rendered page reading the JWT from the ``session_jwt`` cookie; without a
    valid one, a 303 to ``/login``."""
    decoder = ClockedPyJWT(now)

    async def todos(request: Request) -> Response:
        token = request.cookies.get("session_jwt", "")
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return RedirectResponse("/login", 303)
        return JSONResponse([{"id": 1, "owner": payload["sub"], "title": "Buy oat milk"}])

    return _starlette([Route("/todos", todos)], now, [])


def html_page_clock_ahead(secret: str, audience: str, now: Clock, skew: float = 300.0) -> Starlette:
    """AuthenticationMiddleware, HS256 with ``audience=``, leeway 0, a server clock
    ``skew`` seconds ahead; errors as an HTML page naming PyJWT's message."""
    server_now = shifted(now, skew)
    decoder = ClockedPyJWT(server_now)
    backend = JwtBackend(
        lambda t: decoder.decode(t, secret, algorithms=["HS256"], audience=audience)
    )

    def on_error(conn: HTTPConnection, exc: AuthenticationError) -> Response:
        body = (
            "<html><head><title>Sign-in problem</title></head><body><h1>401</h1>"
            f"<p>Your session could not be verified: {exc}.</p></body></html>"
        )
        return HTMLResponse(body, 401)

    middleware = [Middleware(AuthenticationMiddleware, backend=backend, on_error=on_error)]
    return _starlette([Route("/todos", list_todos)], server_now, middleware)
