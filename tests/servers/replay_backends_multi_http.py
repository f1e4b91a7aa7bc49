"""FastAPI + PyJWT todo APIs whose transport and token faults come together.

The token is read from a cookie (the client sends a header), or from ``Authorization:
Token …`` (Django REST style), or the route answers ``/todos`` with a trailing-slash
redirect, an ``HTTPSRedirectMiddleware`` sends every request to another origin, the CORS
policy refuses the preflight, or a server-rendered guard redirects to ``/login`` — each
stacked with a fault at the token's stages behind it. Serve with
:func:`servers.replay_clock.serve_backend`.
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.responses import RedirectResponse, Response
from fastapi.security import APIKeyCookie, OAuth2PasswordBearer
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_backends_multi import USERS
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "cookie_only",
    "cors_default_headers_no_audience",
    "cors_other_origin_int_sub",
    "https_redirect",
    "login_guard_users_by_id",
    "oauth2_no_audience",
    "token_scheme",
    "trailing_slash",
]


def _hs256_user(secret: str, now: Clock, token_dependency: Any) -> Any:
    """``jwt.decode(token, secret, algorithms=["HS256"])`` on what ``token_dependency``
    returns; ``Token has expired`` / ``Invalid token: <message>``."""
    decoder = ClockedPyJWT(now)

    def current_user(token: Annotated[str, Depends(token_dependency)]) -> str:
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return current_user


def cookie_only(secret: str, now: Clock) -> FastAPI:
    """The token is read from the ``access_token`` cookie (``APIKeyCookie``); a request
    without it is FastAPI's 401 ``Not authenticated``."""
    app = new_app("todos (cookie auth)", now)
    user = _hs256_user(secret, now, APIKeyCookie(name="access_token"))
    app.include_router(todo_router(user))
    return app


def token_scheme(secret: str, now: Clock) -> FastAPI:
    """Django REST framework's convention: ``Authorization: Token <jwt>``; anything else
    is 401 ``Authentication credentials were not provided.`` + ``WWW-Authenticate: Token``."""

    def token_header(request: Request) -> str:
        keyword, _, token = request.headers.get("authorization", "").partition(" ")
        if keyword != "Token" or not token:
            raise HTTPException(
                401,
                "Authentication credentials were not provided.",
                headers={"WWW-Authenticate": "Token"},
            )
        return token

    app = new_app("todos (Token scheme)", now)
    app.include_router(todo_router(_hs256_user(secret, now, token_header)))
    return app


def oauth2_no_audience(secret: str, now: Clock) -> FastAPI:
    """``OAuth2PasswordBearer`` (a non-Bearer header is 401 ``Not authenticated``), HS256
    without ``audience=``."""
    app = new_app("todos (OAuth2PasswordBearer, no audience=)", now)
    user = _hs256_user(secret, now, OAuth2PasswordBearer(tokenUrl="token"))
    app.include_router(todo_router(user))
    return app


def trailing_slash(secret: str, now: Clock) -> FastAPI:
    """``@router.get("/")`` under ``/todos``: ``GET /todos`` is a 307 to ``/todos/``."""
    app = new_app("todos (trailing slash)", now)
    bearer = OAuth2PasswordBearer(tokenUrl="token")
    app.include_router(todo_router(_hs256_user(secret, now, bearer), collection_path="/"))
    return app


def https_redirect(secret: str, now: Clock) -> FastAPI:
    """``HTTPSRedirectMiddleware`` left on in a plain-HTTP deployment: every request
    (preflights too) is a 307 to ``https://…``, another origin."""
    app = new_app("todos (HTTPS redirect)", now)
    app.add_middleware(HTTPSRedirectMiddleware)
    user = _hs256_user(secret, now, OAuth2PasswordBearer(tokenUrl="token"))
    app.include_router(todo_router(user))
    return app


def cors_default_headers_no_audience(secret: str, now: Clock, origin: str) -> FastAPI:
    """CORS for ``origin`` with the default ``allow_headers`` (no ``Authorization``) and
    HS256 without ``audience=``."""
    app = new_app("todos (CORS without allow_headers, no audience=)", now)
    app.add_middleware(CORSMiddleware, allow_origins=[origin], allow_methods=["*"])
    user = _hs256_user(secret, now, OAuth2PasswordBearer(tokenUrl="token"))
    app.include_router(todo_router(user))
    return app


def cors_other_origin_int_sub(secret: str, now: Clock, allowed_origin: str) -> FastAPI:
    """CORS for the production frontend ``allowed_origin`` only; HS256, then
    ``int(payload["sub"])`` outside the ``try`` (500)."""
    decoder = ClockedPyJWT(now)
    bearer = OAuth2PasswordBearer(tokenUrl="token")

    def current_user(token: Annotated[str, Depends(bearer)]) -> int:
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        return int(payload["sub"])

    app = new_app("todos (CORS for production only, integer ids)", now)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[allowed_origin],
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.include_router(todo_router(current_user))
    return app


def login_guard_users_by_id(secret: str, audience: str, now: Clock) -> FastAPI:
    """A server-rendered app's guard: HS256 with ``BETTER_AUTH_SECRET`` (``audience=``
    right), users by integer id; any failure is a 302 to ``/login?next=…``."""
    decoder = ClockedPyJWT(now)

    class LoginRequired(Exception):
        pass

    def current_user(request: Request) -> int:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise LoginRequired
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"], audience=audience)
        except jwt.InvalidTokenError:
            raise LoginRequired from None
        sub = str(payload["sub"])
        user_id = int(sub) if sub.isdigit() else 0
        if user_id not in USERS:
            raise LoginRequired
        return user_id

    app = new_app("todos (login guard, users by id)", now)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", 302)

    app.include_router(todo_router(current_user))
    return app
