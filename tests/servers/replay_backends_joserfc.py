"""A FastAPI backend verifying with joserfc's defaults: ``jwt.decode(token, keys)`` with no
``algorithms=`` accepts only joserfc's recommended algorithms, and EdDSA (deprecated by
RFC 9864) is not one: ``unsupported_algorithm: Algorithm of 'EdDSA' is not recommended``.
Imported only when joserfc is installed."""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_clock import Clock

__all__ = ["joserfc_api"]


def joserfc_api(jwks: dict[str, Any], now: Clock) -> FastAPI:
    """``jwt.decode(token, KeySet)``, joserfc's default allow-list; its error as a 401."""
    keys = KeySet.import_key_set(jwks)  # type: ignore[arg-type]

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            token = jwt.decode(credentials.credentials, keys)
        except JoseError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = token.claims["sub"]
        return sub

    app = new_app("todos (joserfc defaults)", now)
    app.include_router(todo_router(current_user))
    return app
