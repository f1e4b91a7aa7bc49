"""Small FastAPI + PyJWT todo APIs, one per way a bearer token fails (token problems).

Each factory returns a FastAPI app written the way tutorials and real projects write
them: ``HTTPBearer`` as a dependency, ``jwt.decode`` with a pinned algorithm, and
``except jwt.ExpiredSignatureError`` / ``except jwt.InvalidTokenError`` turned into a
401. The diagnosis engine replays requests against them, so what they answer is what a
user of jwtscope would see from their own API.

Every app has the same routes (:func:`todo_router`)::

    GET  /todos             the caller's todos (a JSON list)
    GET  /todos/{todo_id}   one of the caller's todos; 404 for missing *or someone else's*
    POST /todos             {"title": ...} -> 201, the new todo

The only thing that is not "real app" code is the clock: every factory takes
``now: Callable[[], float]``, stores it as ``app.state.clock`` and verifies tokens with
:class:`servers.replay_clock.ClockedPyJWT` — see that module for why, and serve the apps
with :func:`servers.replay_clock.serve_backend` so the ``Date`` header follows the clock.

Three styles of error handling appear, because real apps use all three:

- **"tutorial"** (:func:`bearer_hs256_user`): ``Token has expired`` /
  ``Invalid token: <PyJWT message>``, ``WWW-Authenticate: Bearer``;
- **RFC 6750** (:func:`eddsa_jwks_ok`): ``HTTPBearer(auto_error=False)``, the PyJWT
  message as the detail and ``Bearer realm="todos", error="invalid_token",
  error_description="<message>"``;
- **FastAPI docs** (:func:`int_sub_caught`): one opaque ``Could not validate credentials``.

Transport-level failures (redirects, CORS, the old 403, a crashing dependency) are in
:mod:`servers.replay_backends_http`.
"""

# No ``from __future__ import annotations`` here: FastAPI resolves string annotations in
# the module globals, so ``Annotated[..., Depends(local_dependency)]`` inside a factory
# would silently become a query parameter (422 "Field required").
from collections.abc import Callable
from typing import Annotated, Any

import jwt
from fastapi import APIRouter, Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "ALICE_SUB",
    "BEARER",
    "BOB_SUB",
    "NUMERIC_USER_ID",
    "PLACEHOLDER_SECRET",
    "bearer_hs256_user",
    "bearer_jwks_user",
    "clock_ahead",
    "eddsa_jwks_ok",
    "eddsa_no_audience",
    "hs256_fed_eddsa",
    "hs256_ok",
    "hs256_wrong_secret",
    "int_sub",
    "int_sub_caught",
    "new_app",
    "ownership_403",
    "seed_todos",
    "todo_router",
]

#: alice.jwt's ``sub``: a Better Auth user id (a 32-character string).
ALICE_SUB = "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy"
#: Another Better Auth-style user, owner of todo 2.
BOB_SUB = "r2QeJ8mZ0bNw5TqA1cXyLs9UvPd3KfGh"
#: The user of an app with integer ids (owner of todo 3; tokens carry ``"sub": "42"``).
NUMERIC_USER_ID = 42
#: The secret of :func:`hs256_wrong_secret`: a placeholder left in from a tutorial.
PLACEHOLDER_SECRET = "change-this-to-a-long-random-secret-in-production"

BEARER = {"WWW-Authenticate": "Bearer"}

UserId = str | int
CurrentUser = Callable[..., Any]


# --- the todo API every backend serves ------------------------------------------------


class NewTodo(BaseModel):
    title: str


class Todo(BaseModel):
    id: int
    owner: UserId
    title: str
    done: bool = False


def seed_todos() -> list[Todo]:
    """Todo 1 is Alice's, 2 is Bob's, 3 belongs to user 42 (apps with integer ids)."""
    return [
        Todo(id=1, owner=ALICE_SUB, title="Buy oat milk"),
        Todo(id=2, owner=BOB_SUB, title="Water the plants"),
        Todo(id=3, owner=NUMERIC_USER_ID, title="File the tax return"),
    ]


def todo_router(
    current_user: CurrentUser,
    *,
    collection_path: str = "",
    others_status: int = status.HTTP_404_NOT_FOUND,
) -> APIRouter:
    """The todo routes, protected by the ``current_user`` dependency (returns a user id).

    Args:
        current_user: the auth dependency.
        collection_path: ``""`` serves ``/todos``; ``"/"`` serves only ``/todos/``, which
            is what ``@router.get("/")`` under ``prefix="/todos"`` does in real apps.
        others_status: the answer for someone else's todo: 404 (do not reveal it
            exists, the common choice) or 403.
    """
    router = APIRouter(prefix="/todos", tags=["todos"])
    todos = seed_todos()
    User = Annotated[UserId, Depends(current_user)]

    @router.get(collection_path)
    def list_todos(user_id: User) -> list[Todo]:
        return [todo for todo in todos if todo.owner == user_id]

    @router.get("/{todo_id}")
    def read_todo(todo_id: int, user_id: User) -> Todo:
        todo = next((todo for todo in todos if todo.id == todo_id), None)
        if todo is None or (todo.owner != user_id and others_status == 404):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Todo not found")
        if todo.owner != user_id:
            raise HTTPException(others_status, "Not enough permissions")
        return todo

    @router.post(collection_path, status_code=status.HTTP_201_CREATED)
    def create_todo(new: NewTodo, user_id: User) -> Todo:
        todo = Todo(id=max(todo.id for todo in todos) + 1, owner=user_id, title=new.title)
        todos.append(todo)
        return todo

    return router


def new_app(title: str, now: Clock) -> FastAPI:
    """A FastAPI app whose clock is ``now`` (read by ``serve_backend`` for ``Date``)."""
    app = FastAPI(title=title)
    app.state.clock = now
    return app


# --- HS256, the tutorial way ----------------------------------------------------------


def bearer_hs256_user(secret: str, now: Clock, *, security: HTTPBearer | None = None) -> Any:
    """The tutorial dependency: HTTPBearer + ``jwt.decode(..., algorithms=["HS256"])``.

    Expired -> 401 ``Token has expired``; any other PyJWT error -> 401
    ``Invalid token: <message>``; both with ``WWW-Authenticate: Bearer``. A missing or
    non-Bearer header is HTTPBearer's own answer (``security``; ``HTTPBearer()`` if None).
    """
    bearer = security or HTTPBearer()
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
    ) -> str:
        try:
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str | None = payload.get("sub")
        if user_id is None:
            raise HTTPException(401, "Invalid token: no subject", headers=BEARER)
        return user_id

    return current_user


def hs256_ok(secret: str, now: Clock) -> FastAPI:
    """1. Correct HS256 verification with the issuer's secret."""
    app = new_app("todos (HS256)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now)))
    return app


def hs256_fed_eddsa(better_auth_secret: str, now: Clock) -> FastAPI:
    """3. HS256 with ``BETTER_AUTH_SECRET`` — the code of :func:`hs256_ok`, fed Better
    Auth's EdDSA tokens: ``Invalid token: The specified alg value is not allowed``.
    (Better Auth never signs its JWTs with the secret.)"""
    app = new_app("todos (HS256 with BETTER_AUTH_SECRET)", now)
    app.include_router(todo_router(bearer_hs256_user(better_auth_secret, now)))
    return app


def hs256_wrong_secret(now: Clock, secret: str = PLACEHOLDER_SECRET) -> FastAPI:
    """4. HS256 with a secret the issuer does not use (a placeholder nobody replaced):
    ``Invalid token: Signature verification failed``."""
    app = new_app("todos (HS256, placeholder secret)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now)))
    return app


def clock_ahead(secret: str, now: Clock, skew: float = 1200.0) -> FastAPI:
    """7. :func:`hs256_ok` on a server whose clock is ``now() + skew`` seconds.

    With the default +20 min, a fresh 15-minute token is already ``Token has expired``;
    with a negative skew a fresh token is ``Invalid token: The token is not yet valid
    (iat)``. The ``Date`` header shows the skewed clock.
    """

    def server_now() -> float:
        return now() + skew

    app = new_app(f"todos (HS256, clock {skew:+g} s)", server_now)
    app.include_router(todo_router(bearer_hs256_user(secret, server_now)))
    return app


def ownership_403(secret: str, now: Clock) -> FastAPI:
    """12. :func:`hs256_ok`, but someone else's todo is 403 ``Not enough permissions``
    (authenticated, refused) instead of 404."""
    app = new_app("todos (HS256, 403 for others' todos)", now)
    app.include_router(todo_router(bearer_hs256_user(secret, now), others_status=403))
    return app


# --- integer user ids -----------------------------------------------------------------


def int_sub(secret: str, now: Clock) -> FastAPI:
    """6. Verifies correctly, then ``int(payload["sub"])`` (the users table has integer
    ids). Better Auth's string ids raise ValueError outside the ``try`` -> unhandled ->
    500 ``Internal Server Error`` (text/plain). This is the realistic one: the crash
    is in code written after the JWT part worked in development with numeric ids."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> int:
        try:
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        return int(payload["sub"])

    app = new_app("todos (integer user ids)", now)
    app.include_router(todo_router(current_user))
    return app


def int_sub_caught(secret: str, now: Clock) -> FastAPI:
    """6b. FastAPI-docs style: everything, including ``int(sub)``, inside one ``try``
    -> a single opaque 401 ``Could not validate credentials`` (expired tokens too)."""
    decoder = ClockedPyJWT(now)
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> int:
        try:
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
            return int(payload["sub"])
        except (jwt.InvalidTokenError, KeyError, ValueError):
            raise credentials_exception from None

    app = new_app("todos (integer user ids, opaque errors)", now)
    app.include_router(todo_router(current_user))
    return app


# --- EdDSA via a JWKS (Better Auth's JWT plugin) ---------------------------------------


def bearer_jwks_user(
    jwks: dict[str, Any],
    now: Clock,
    *,
    audience: str | None = None,
    issuer: str | None = None,
) -> Any:
    """RFC 6750 style: ``HTTPBearer(auto_error=False)``, the key picked by ``kid`` from a
    JWKS (a ``jwt.PyJWKSet`` built from the dict, no network), ``algorithms=["EdDSA"]``.

    No header -> 401 ``Not authenticated`` with ``Bearer realm="todos"``; a bad token
    -> 401 ``<PyJWT message>`` (``Unknown signing key`` for an unknown ``kid``) with
    ``Bearer realm="todos", error="invalid_token", error_description="<detail>"``.
    """
    keys = jwt.PyJWKSet.from_dict(jwks)
    decoder = ClockedPyJWT(now)

    def invalid_token(description: str) -> HTTPException:
        challenge = (
            f'Bearer realm="todos", error="invalid_token", error_description="{description}"'
        )
        return HTTPException(401, description, headers={"WWW-Authenticate": challenge})

    def current_user(
        credentials: Annotated[
            HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False))
        ],
    ) -> str:
        if credentials is None:
            raise HTTPException(
                401, "Not authenticated", headers={"WWW-Authenticate": 'Bearer realm="todos"'}
            )
        token = credentials.credentials
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            try:
                signing_key = keys[kid]
            except KeyError:
                raise invalid_token("Unknown signing key") from None
            payload = decoder.decode(
                token, signing_key, algorithms=["EdDSA"], audience=audience, issuer=issuer
            )
        except jwt.InvalidTokenError as e:
            raise invalid_token(str(e)) from None
        user_id: str = payload["sub"]
        return user_id

    return current_user


def eddsa_jwks_ok(jwks: dict[str, Any], audience: str, issuer: str, now: Clock) -> FastAPI:
    """2. Correct verification of Better Auth JWTs: EdDSA via the JWKS, with ``audience=``
    and ``issuer=`` (both the Better Auth base URL)."""
    app = new_app("todos (EdDSA via JWKS)", now)
    user = bearer_jwks_user(jwks, now, audience=audience, issuer=issuer)
    app.include_router(todo_router(user))
    return app


def eddsa_no_audience(jwks: dict[str, Any], now: Clock) -> FastAPI:
    """5. :func:`eddsa_jwks_ok` without ``audience=``: PyJWT rejects every token that has
    an ``aud`` (Better Auth's always do) with ``Invalid audience``."""
    app = new_app("todos (EdDSA via JWKS, no audience)", now)
    app.include_router(todo_router(bearer_jwks_user(jwks, now)))
    return app
