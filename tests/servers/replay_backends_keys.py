"""Backends for the replay features that need keys: a server on a published default
secret, asymmetric verifiers whose private key the user may hold (EdDSA, RS256, ES256),
backends that require a claim the token lacks, and one that picks its key by ``kid``.

Written the way real FastAPI + PyJWT apps are (``HTTPBearer``, ``jwt.decode`` with a
pinned algorithm, PyJWT's ``options={"require": [...]}``, a dependency that reads a
claim); clocks as in :mod:`servers.replay_backends` (serve them with
:func:`servers.replay_clock.serve_backend`).
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "FASTAPI_DOCS_SECRET",
    "asymmetric_jwks",
    "hs256_default_secret",
    "hs256_kid_keys",
    "hs256_requires",
    "hs256_scope_opaque",
    "rate_limited",
]

#: The SECRET_KEY of FastAPI's OAuth2 + JWT tutorial, shipped by many apps built from it.
FASTAPI_DOCS_SECRET = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"


def hs256_default_secret(secret: str, now: Clock, *, audience: str | None = None) -> FastAPI:
    """The tutorial backend (``Invalid token: <PyJWT message>``) on ``secret`` — in the
    positive case a published default — with ``audience=`` as given (None: PyJWT
    refuses every token that carries ``aud``)."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials, secret, algorithms=["HS256"], audience=audience
            )
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256 on the tutorial's secret)", now)
    app.include_router(todo_router(current_user))
    return app


def asymmetric_jwks(
    jwks: dict[str, Any],
    algorithms: list[str],
    now: Clock,
    *,
    audience: str | None = None,
    issuer: str | None = None,
    opaque: bool = True,
) -> FastAPI:
    """The key picked by ``kid`` from a JWKS (``jwt.PyJWKSet``, no network), PyJWT with
    ``algorithms``/``audience=``/``issuer=`` as given. ``opaque``: one 401 ``Could not
    validate credentials`` for every failure (FastAPI docs), else PyJWT's message."""
    keys = jwt.PyJWKSet.from_dict(jwks)
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        token = credentials.credentials
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            signing_key = keys[kid] if kid else keys.keys[0]
            payload = decoder.decode(
                token, signing_key, algorithms=algorithms, audience=audience, issuer=issuer
            )
        except (jwt.InvalidTokenError, KeyError) as e:
            detail = "Could not validate credentials" if opaque else str(e)
            raise HTTPException(401, detail, headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    app = new_app(f"todos ({'/'.join(algorithms)} via JWKS)", now)
    app.include_router(todo_router(current_user))
    return app


def hs256_requires(secret: str, now: Clock, required: list[str]) -> FastAPI:
    """The tutorial backend with ``options={"require": required}``: a token without one
    of them is ``Invalid token: Token is missing the "jti" claim``."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials,
                secret,
                algorithms=["HS256"],
                options={"require": required},
            )
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    app = new_app(f"todos (HS256, requires {', '.join(required)})", now)
    app.include_router(todo_router(current_user))
    return app


def hs256_scope_opaque(secret: str, now: Clock, claim: str = "scope") -> FastAPI:
    """HS256, then the dependency reads ``payload[claim]`` (OAuth scopes, a role) inside
    the same ``try``: a token without it gets the one opaque 401."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
            if not payload[claim]:
                raise KeyError(claim)
            sub: str = payload["sub"]
        except (jwt.InvalidTokenError, KeyError):
            raise HTTPException(401, "Could not validate credentials", headers=BEARER) from None
        return sub

    app = new_app(f"todos (HS256, reads {claim})", now)
    app.include_router(todo_router(current_user))
    return app


def hs256_kid_keys(keys: dict[str, str], default: str, now: Clock) -> FastAPI:
    """HS256 with the secret the header's ``kid`` names (key rotation), the default key
    when there is no ``kid``; an unknown ``kid`` is the opaque 401."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            kid = jwt.get_unverified_header(credentials.credentials).get("kid")
            secret = keys[kid] if kid else default
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
        except (jwt.InvalidTokenError, KeyError):
            raise HTTPException(401, "Could not validate credentials", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    app = new_app("todos (HS256, key by kid)", now)
    app.include_router(todo_router(current_user))
    return app


def rate_limited(app: FastAPI, limit: int) -> FastAPI:
    """``app`` behind a limiter (slowapi-style): from request ``limit + 1`` on, 429 ``Too
    Many Requests`` with ``Retry-After``."""
    seen = [0]

    @app.middleware("http")
    async def limiter(request: Request, call_next: Any) -> Any:
        seen[0] += 1
        if seen[0] > limit:
            return JSONResponse(
                {"error": "Rate limit exceeded"}, status_code=429, headers={"Retry-After": "60"}
            )
        return await call_next(request)

    return app
