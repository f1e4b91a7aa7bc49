"""FastAPI backends whose token path is a REAL library at its defaults: fastapi-users'
JWT strategy (Bearer transport, in-memory users), joserfc (``jwt.decode`` + a
``JWTClaimsRegistry``), and PyJWT's ``PyJWKClient`` fetching the JWKS from the same
server. The libraries read the wall clock; cases mint tokens relative to the run's time.
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

__all__ = [
    "ALICE_ID",
    "JOSERFC_SECRET",
    "USERS_SECRET",
    "fastapi_users_api",
    "joserfc_api",
    "pyjwk_api",
]

USERS_SECRET = "fastapi-users-jwt-secret-7d3f9a1c5e8b2046-b7c6d5e4f3a2b1c0d9e8f7a6b5c4"
JOSERFC_SECRET = "joserfc-api-secret-2c4e6a8b0d1f3e5a-7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d"
ALICE_ID = uuid.UUID("6f1c2a8e-4b3d-4e5f-9a7b-1c2d3e4f5a6b")


@dataclass
class _User:
    id: uuid.UUID
    email: str
    hashed_password: str = ""
    is_active: bool = True
    is_superuser: bool = False
    is_verified: bool = True


def fastapi_users_api() -> FastAPI:
    """fastapi-users with ``JWTStrategy(secret, 3600)`` behind ``BearerTransport``: ``GET
    /todos`` depends on ``current_user(active=True)``; every refusal is fastapi-users'
    own 401 ``{"detail": "Unauthorized"}``."""
    from fastapi_users import BaseUserManager, FastAPIUsers, UUIDIDMixin
    from fastapi_users.authentication import AuthenticationBackend, BearerTransport, JWTStrategy
    from fastapi_users.db import BaseUserDatabase

    users = {ALICE_ID: _User(ALICE_ID, "alice@example.com")}

    class MemoryUsers(BaseUserDatabase[_User, uuid.UUID]):
        async def get(self, id: uuid.UUID) -> _User | None:
            return users.get(id)

    class UserManager(UUIDIDMixin, BaseUserManager[_User, uuid.UUID]):
        pass

    async def get_user_manager() -> Any:
        yield UserManager(MemoryUsers())

    def get_strategy() -> JWTStrategy[_User, uuid.UUID]:
        return JWTStrategy(secret=USERS_SECRET, lifetime_seconds=3600)

    backend = AuthenticationBackend(
        name="jwt", transport=BearerTransport(tokenUrl="auth/jwt/login"), get_strategy=get_strategy
    )
    fastapi_users = FastAPIUsers[_User, uuid.UUID](get_user_manager, [backend])
    current_user = fastapi_users.current_user(active=True)
    app = FastAPI(title="todos (fastapi-users)")

    @app.get("/todos")
    def todos(user: Annotated[_User, Depends(current_user)]) -> dict[str, Any]:
        return {"owner": user.email, "todos": []}

    return app


def joserfc_api(*, iss: str, aud: str) -> FastAPI:
    """joserfc's ``jwt.decode(token, OctKey, algorithms=["HS256"])`` then
    ``JWTClaimsRegistry(iss=…, aud=…, sub=essential)``; joserfc's error text as a 401."""
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import OctKey

    key = OctKey.import_key(JOSERFC_SECRET)
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": iss},
        aud={"essential": True, "value": aud},
        sub={"essential": True},
    )

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            token = jwt.decode(credentials.credentials, key, algorithms=["HS256"])
            registry.validate(token.claims)
        except (JoseError, ValueError) as e:
            raise HTTPException(401, str(e), headers={"WWW-Authenticate": "Bearer"}) from None
        sub: str = token.claims["sub"]
        return sub

    app = FastAPI(title="todos (joserfc)")

    @app.get("/todos")
    def todos(user: Annotated[str, Depends(current_user)]) -> dict[str, Any]:
        return {"owner": user, "todos": []}

    return app


def pyjwk_api(jwks: dict[str, Any], *, aud: str) -> FastAPI:
    """``PyJWKClient(<this server>/.well-known/jwks.json).get_signing_key_from_jwt`` then
    ``jwt.decode(..., algorithms=["RS256"], audience=aud)``, the pattern of PyJWT's docs;
    PyJWT's error text as a 401."""
    import jwt

    clients: list[jwt.PyJWKClient] = []
    app = FastAPI(title="todos (PyJWKClient)")

    @app.get("/.well-known/jwks.json")
    def keys() -> dict[str, Any]:
        return jwks

    def current_user(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        if not clients:
            clients.append(jwt.PyJWKClient(f"{request.base_url}.well-known/jwks.json"))
        try:
            key = clients[0].get_signing_key_from_jwt(credentials.credentials)
            claims = jwt.decode(
                credentials.credentials, key.key, algorithms=["RS256"], audience=aud
            )
        except jwt.PyJWTError as e:
            raise HTTPException(401, str(e), headers={"WWW-Authenticate": "Bearer"}) from None
        sub: str = claims["sub"]
        return sub

    @app.get("/todos")
    def todos(user: Annotated[str, Depends(current_user)]) -> dict[str, Any]:
        return {"owner": user, "todos": []}

    return app
