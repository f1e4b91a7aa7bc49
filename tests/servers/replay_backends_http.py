"""Todo APIs whose token handling is fine but whose HTTP plumbing is not.

The same todo API and HS256 dependency as :mod:`servers.replay_backends`, wrapped in the
things that break auth before (or after) the JWT is looked at:

- :func:`redirect_todos` — the list lives at ``/todos/``; Starlette answers ``/todos``
  with a 307 to the absolute ``/todos/`` URL (same origin: clients keep the header);
- :func:`redirect_other_origin` — a canonical-host middleware sends 127.0.0.1 to
  ``localhost``: a different origin, so clients drop ``Authorization`` on the way;
- :func:`cors_no_authorization` / :func:`cors_ok` — CORSMiddleware without / with
  ``allow_headers`` for ``Authorization``;
- :func:`legacy_403` — FastAPI < 0.122's ``HTTPBearer``: 403 instead of 401;
- :func:`auth_path_500` — the auth dependency itself crashes (a renamed setting).

Serve them with :func:`servers.replay_clock.serve_backend`.
"""

# No ``from __future__ import annotations`` here: FastAPI resolves string annotations in
# the module globals, so ``Annotated[..., Depends(local_dependency)]`` inside a factory
# would silently become a query parameter (422 "Field required").
from collections.abc import Awaitable, Callable
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from servers.replay_backends import BEARER, bearer_hs256_user, new_app, todo_router
from servers.replay_clock import Clock, ClockedPyJWT
from starlette.status import HTTP_403_FORBIDDEN

__all__ = [
    "LegacyHTTPBearer",
    "auth_path_500",
    "cors_no_authorization",
    "cors_ok",
    "legacy_403",
    "redirect_other_origin",
    "redirect_todos",
]


def redirect_todos(secret: str, now: Clock) -> FastAPI:
    """8a. ``@router.get("/")`` under ``prefix="/todos"``: only ``/todos/`` exists.

    ``GET /todos`` (with or without a token: routing comes before auth) -> 307,
    ``Location: http://127.0.0.1:PORT/todos/``, empty body. ``/todos/{id}`` is normal.
    """
    app = new_app("todos (trailing slash)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now), collection_path="/"))
    return app


def redirect_other_origin(secret: str, now: Clock, canonical_host: str = "localhost") -> FastAPI:
    """8b. A canonical-host middleware: any request whose host is not ``canonical_host``
    gets a 307 to the same URL on ``canonical_host`` (same port, path and query).

    Reached as ``http://127.0.0.1:PORT``, every route redirects to
    ``http://localhost:PORT/...`` — another origin, so a client following the redirect
    drops ``Authorization`` and the final answer is 401 ``Not authenticated``.
    """
    app = new_app("todos (canonical host)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now)))

    @app.middleware("http")
    async def redirect_to_canonical_host(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.hostname != canonical_host:
            canonical_url = request.url.replace(hostname=canonical_host)
            return RedirectResponse(str(canonical_url), status_code=307)
        return await call_next(request)

    return app


def cors_no_authorization(secret: str, now: Clock, origin: str) -> FastAPI:
    """9. CORS for the frontend ``origin`` with every method but the default
    ``allow_headers``: a preflight asking for ``authorization`` -> 400
    ``Disallowed CORS headers`` (text/plain), so the browser never sends the request."""
    app = new_app("todos (CORS without allow_headers)", now)
    app.add_middleware(CORSMiddleware, allow_origins=[origin], allow_methods=["*"])
    app.include_router(todo_router(bearer_hs256_user(secret, now)))
    return app


def cors_ok(secret: str, now: Clock, origin: str) -> FastAPI:
    """9b. The fix of :func:`cors_no_authorization`: ``allow_headers=["Authorization",
    "Content-Type"]``; the preflight -> 200 ``OK``."""
    app = new_app("todos (CORS)", now)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[origin],
        allow_methods=["*"],
        allow_headers=["Authorization", "Content-Type"],
    )
    app.include_router(todo_router(bearer_hs256_user(secret, now)))
    return app


class LegacyHTTPBearer(HTTPBearer):
    """``HTTPBearer`` as FastAPI < 0.122 shipped it: 403 and no ``WWW-Authenticate``.

    Missing header (or ``Bearer`` without a token) -> 403 ``Not authenticated``; another
    scheme -> 403 ``Invalid authentication credentials``. (0.122.0 changed both to 401
    ``Not authenticated`` + ``WWW-Authenticate: Bearer``.)
    """

    async def __call__(self, request: Request) -> HTTPAuthorizationCredentials | None:  # type: ignore[override]
        authorization = request.headers.get("Authorization")
        scheme, credentials = get_authorization_scheme_param(authorization)
        if not (authorization and scheme and credentials):
            if self.auto_error:
                raise HTTPException(status_code=HTTP_403_FORBIDDEN, detail="Not authenticated")
            return None
        if scheme.lower() != "bearer":
            if self.auto_error:
                raise HTTPException(
                    status_code=HTTP_403_FORBIDDEN,
                    detail="Invalid authentication credentials",
                )
            return None
        return HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials)


def legacy_403(secret: str, now: Clock) -> FastAPI:
    """10. :func:`servers.replay_backends.hs256_ok` on an old FastAPI (``LegacyHTTPBearer``).
    Token errors are the app's own, so still 401."""
    app = new_app("todos (FastAPI < 0.122)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now, security=LegacyHTTPBearer())))
    return app


def auth_path_500(secret: str, now: Clock) -> FastAPI:
    """11. The auth dependency crashes: the setting was renamed to ``JWT_SECRET_KEY`` but
    the dependency still reads ``settings["JWT_SECRET"]`` -> KeyError -> 500
    ``Internal Server Error``. No header is still HTTPBearer's 401: it runs first."""
    settings = {"JWT_SECRET_KEY": secret, "JWT_ALGORITHM": "HS256"}
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials,
                settings["JWT_SECRET"],
                algorithms=[settings["JWT_ALGORITHM"]],
            )
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str = payload["sub"]
        return user_id

    app = new_app("todos (crashing auth)", now)
    app.include_router(todo_router(current_user))
    return app
