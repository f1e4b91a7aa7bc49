"""Backends with stacked faults and other error surfaces than FastAPI's JSON ``detail``.

Written the way real apps are: PyJWT behind FastAPI with one opaque message, a backend
whose JWT part works and whose use of ``sub`` fails, a plain-text "Unauthorized" for every
failure, an HTML error page, an RFC 6750 challenge with an empty body, and Starlette's
``AuthenticationMiddleware``. Clocks as in :mod:`servers.replay_backends` (serve them with
:func:`servers.replay_clock.serve_backend`).
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
from typing import Annotated, Any

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from servers.replay_backends import new_app, todo_router
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
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.routing import Route

__all__ = [
    "challenge_only",
    "hs256_no_aud_int_sub",
    "hs256_opaque",
    "hs256_user_lookup",
    "html_errors",
    "jwks_int_sub_words",
    "login_redirect",
    "plain_unauthorized",
    "starlette_auth",
]

OPTIONAL_BEARER = HTTPBearer(auto_error=False)


def _bearer(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise HTTPException(401, "Not authenticated", headers={"WWW-Authenticate": "Bearer"})
    return credentials.credentials


def hs256_opaque(
    secret: str,
    now: Clock,
    *,
    audience: str | None = None,
    issuer: str | None = None,
    message: str = "Could not validate credentials",
) -> Any:
    """HS256 with ``secret`` (``audience=``/``issuer=`` as given), one opaque 401 for every
    token error (FastAPI-docs style); ``Not authenticated`` without a header."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        token = _bearer(credentials)
        try:
            payload = decoder.decode(
                token, secret, algorithms=["HS256"], audience=audience, issuer=issuer
            )
        except jwt.InvalidTokenError:
            raise HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"}) from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256, opaque errors)", now)
    app.include_router(todo_router(current_user))
    return app


def jwks_int_sub_words(jwks: dict[str, Any], audience: str, issuer: str, now: Clock) -> Any:
    """EdDSA via the JWKS, verified correctly; then ``int(payload["sub"])`` fails on Better
    Auth's string ids -> 401 ``Invalid user id``. Token errors -> 401 ``Invalid token``."""
    keys = jwt.PyJWKSet.from_dict(jwks)
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> int:
        token = _bearer(credentials)
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            payload = decoder.decode(
                token, keys[kid], algorithms=["EdDSA"], audience=audience, issuer=issuer
            )
        except (jwt.InvalidTokenError, KeyError):
            raise HTTPException(401, "Invalid token") from None
        try:
            return int(payload["sub"])
        except ValueError:
            raise HTTPException(401, "Invalid user id") from None

    app = new_app("todos (EdDSA, integer user ids)", now)
    app.include_router(todo_router(current_user))
    return app


def hs256_no_aud_int_sub(secret: str, now: Clock) -> Any:
    """Three faults: HS256 with ``BETTER_AUTH_SECRET`` (the token is EdDSA), no
    ``audience=``, then ``int(payload["sub"])`` -> 401 ``Invalid user id``. Token errors
    -> 401 ``Invalid token: <PyJWT message>``."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> int:
        token = _bearer(credentials)
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}") from None
        try:
            return int(payload["sub"])
        except ValueError:
            raise HTTPException(401, "Invalid user id") from None

    app = new_app("todos (HS256 secret, no audience, integer user ids)", now)
    app.include_router(todo_router(current_user))
    return app


def hs256_user_lookup(secret: str, now: Clock) -> Any:
    """HS256 verified correctly, then the user is looked up in a table with integer ids:
    Better Auth's string ``sub`` -> 401 ``User not found`` (user 1 exists)."""
    decoder = ClockedPyJWT(now)
    users = {1: "alice", 42: "bob"}

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> int:
        token = _bearer(credentials)
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}") from None
        sub = str(payload["sub"])
        user_id = int(sub) if sub.isdigit() else None
        if user_id not in users:
            raise HTTPException(401, "User not found")
        return user_id

    app = new_app("todos (HS256, users by integer id)", now)
    app.include_router(todo_router(current_user))
    return app


def plain_unauthorized(secret: str, now: Clock, *, issuer: str | None = None) -> Any:
    """HS256 (``issuer=`` as given) behind a dependency that answers every failure —
    no header, bad token — with the same plain-text ``Unauthorized``."""
    decoder = ClockedPyJWT(now)

    def current_user(request: Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise jwt.InvalidTokenError("no bearer")
            payload = decoder.decode(token, secret, algorithms=["HS256"], issuer=issuer)
        except jwt.InvalidTokenError:
            raise HTTPException(401, "Unauthorized") from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256, plain Unauthorized)", now)

    @app.exception_handler(HTTPException)
    async def plain(request: Request, exc: HTTPException) -> Response:
        return PlainTextResponse(str(exc.detail), exc.status_code)

    app.include_router(todo_router(current_user))
    return app


def login_redirect(secret: str, now: Clock) -> Any:
    """HS256 behind a web app's guard: any failure (no header, bad token) is a 302 to
    ``/login?next=…``, the way server-rendered apps answer unauthenticated requests."""
    decoder = ClockedPyJWT(now)

    class LoginRequired(Exception):
        pass

    def current_user(request: Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise LoginRequired
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except (jwt.InvalidTokenError, LoginRequired):
            raise LoginRequired from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256, redirect to login)", now)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", 302)

    app.include_router(todo_router(current_user))
    return app


def html_errors(secret: str, now: Clock) -> Any:
    """HS256 (no ``audience=``), errors as an HTML page naming PyJWT's message."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        token = _bearer(credentials)
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, str(e)) from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256, HTML errors)", now)

    @app.exception_handler(HTTPException)
    async def page(request: Request, exc: HTTPException) -> Response:
        body = (
            "<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body>"
            f"<h1>Unauthorized</h1><p>{exc.detail}</p></body></html>"
        )
        return HTMLResponse(body, exc.status_code)

    app.include_router(todo_router(current_user))
    return app


def challenge_only(jwks: dict[str, Any], now: Clock, *, issuer: str | None = None) -> Any:
    """EdDSA via the JWKS without ``audience=``: an empty 401 whose only words are the
    RFC 6750 challenge ``Bearer error="invalid_token", error_description="…"``."""
    keys = jwt.PyJWKSet.from_dict(jwks)
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        if credentials is None:
            raise HTTPException(401, "", headers={"WWW-Authenticate": 'Bearer realm="api"'})
        token = credentials.credentials
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            payload = decoder.decode(token, keys[kid], algorithms=["EdDSA"], issuer=issuer)
        except (jwt.InvalidTokenError, KeyError) as e:
            challenge = f'Bearer error="invalid_token", error_description="{e}"'
            raise HTTPException(401, "", headers={"WWW-Authenticate": challenge}) from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (EdDSA, RFC 6750 challenge only)", now)

    @app.exception_handler(HTTPException)
    async def empty(request: Request, exc: HTTPException) -> Response:
        return Response(b"", exc.status_code, headers=exc.headers)

    app.include_router(todo_router(current_user))
    return app


class _JwtBackend(AuthenticationBackend):
    def __init__(self, secret: str, now: Clock) -> None:
        self.secret = secret
        self.decoder = ClockedPyJWT(now)

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        scheme, _, token = conn.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            payload = self.decoder.decode(token, self.secret, algorithms=["HS256"])
        except jwt.InvalidTokenError as e:
            raise AuthenticationError(str(e)) from None
        return AuthCredentials(["authenticated"]), SimpleUser(str(payload["sub"]))


def starlette_auth(secret: str, now: Clock) -> Any:
    """Starlette (no FastAPI): ``AuthenticationMiddleware`` with a PyJWT backend (HS256,
    no ``audience=``); errors -> 401 ``{"error": "<PyJWT message>"}``; without a token
    ``@requires("authenticated")`` answers 403."""

    @requires("authenticated")
    async def todos(request: Any) -> JSONResponse:
        return JSONResponse([{"id": 1, "owner": request.user.username}])

    def on_error(conn: HTTPConnection, exc: AuthenticationError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, 401)

    app = Starlette(
        routes=[Route("/todos", todos)],
        middleware=[
            Middleware(
                AuthenticationMiddleware, backend=_JwtBackend(secret, now), on_error=on_error
            )
        ],
    )
    app.state.clock = now
    return app
