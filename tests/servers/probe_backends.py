"""FastAPI + PyJWT todo APIs for the probe: one correct, and one per classic JWT mistake.

Each factory takes ``(secret, now)`` and returns an app written the way real projects
write them; serve it with :func:`servers.replay_clock.serve_backend`. The routes::

    GET    /todos             the caller's todos
    POST   /todos             {"title": ...} -> 201 {"id": ..., "owner": ..., ...}
    GET    /todos/{todo_id}   one of the caller's todos; 404 for missing *or someone else's*
    PUT    /todos/{todo_id}   {"title": ...} -> the updated todo; same 404 rule
    DELETE /todos/{todo_id}   204; same 404 rule

Todo 1 belongs to ``user-a`` (so a probe can name it: ``--resource-id 1``), todo 2 to
``user-c``. What each app gets wrong, and the probe test that must catch it:

=========================  =============================================  ===============
app                        mistake                                        fails
=========================  =============================================  ===============
:func:`correct`            none (HTTPBearer + ``algorithms=["HS256"]``)   nothing
:func:`no_auth_on_list`    ``GET /todos`` has no auth dependency          P2–P7, P8 list
:func:`no_owner_on_write`  PUT/DELETE find the todo by id only            P8 update/del
:func:`signature_skipped`  ``options={"verify_signature": False}``        P4*, P5–P7
:func:`exp_ignored`        ``options={"verify_exp": False}``              P4
:func:`alg_none_accepted`  trusts the header's ``alg``; none = unsigned   P6
=========================  =============================================  ===============

\\* PyJWT turns every claim check off with the signature check unless told otherwise,
so the "we verify at the gateway" decoder accepts expired tokens too.

The clock is the only thing that is not real-app code: every app verifies with
:class:`servers.replay_clock.ClockedPyJWT` (see that module for why).
"""

# No ``from __future__ import annotations``: FastAPI resolves string annotations in the
# module globals, so ``Annotated[..., Depends(local_dependency)]`` inside a factory
# would silently become a query parameter (see replay_backends).
import itertools
from collections.abc import Callable
from typing import Annotated, Any

import jwt
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from servers.replay_backends import BEARER, bearer_hs256_user, new_app
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "BACKENDS",
    "OTHER_USER",
    "SEEDED_ID",
    "alg_none_accepted",
    "correct",
    "exp_ignored",
    "no_auth_on_list",
    "no_owner_on_write",
    "signature_skipped",
    "todo_api",
]

#: Todo 1 is ``user-a``'s from the start.
SEEDED_ID = 1
#: The owner of todo 2: nobody the probe plays.
OTHER_USER = "user-c"

CurrentUser = Callable[..., str]
Credentials = Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())]


class NewTodo(BaseModel):
    title: str


class Todo(BaseModel):
    id: int
    owner: str
    title: str
    done: bool = False


def todo_api(
    title: str,
    now: Clock,
    current_user: CurrentUser,
    *,
    auth_on_list: bool = True,
    owner_check_on_write: bool = True,
) -> FastAPI:
    """The todo app, protected by ``current_user`` (a dependency returning the user id).

    Args:
        title: the app title.
        now: the app's clock.
        current_user: the auth dependency.
        auth_on_list: False leaves ``GET /todos`` without the dependency (the bug of
            :func:`no_auth_on_list`).
        owner_check_on_write: False makes PUT/DELETE look the todo up by id only.
    """
    todos = {
        1: Todo(id=1, owner="user-a", title="Buy oat milk"),
        2: Todo(id=2, owner=OTHER_USER, title="Water the plants"),
    }
    next_id = itertools.count(3)
    router = APIRouter(prefix="/todos", tags=["todos"])
    User = Annotated[str, Depends(current_user)]

    def own_todo(todo_id: int, user_id: str) -> Todo:
        todo = todos.get(todo_id)
        if todo is None or todo.owner != user_id:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Todo not found")
        return todo

    def any_todo(todo_id: int) -> Todo:
        todo = todos.get(todo_id)
        if todo is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Todo not found")
        return todo

    if auth_on_list:

        @router.get("")
        def list_todos(user_id: User) -> list[Todo]:
            return [todo for todo in todos.values() if todo.owner == user_id]

    else:

        @router.get("")
        def list_todos_unprotected() -> list[Todo]:  # the bug: no `user_id: User`
            return list(todos.values())

    @router.post("", status_code=status.HTTP_201_CREATED)
    def create_todo(new: NewTodo, user_id: User) -> Todo:
        todo = Todo(id=next(next_id), owner=user_id, title=new.title)
        todos[todo.id] = todo
        return todo

    @router.get("/{todo_id}")
    def read_todo(todo_id: int, user_id: User) -> Todo:
        return own_todo(todo_id, user_id)

    @router.put("/{todo_id}")
    def update_todo(todo_id: int, new: NewTodo, user_id: User) -> Todo:
        todo = own_todo(todo_id, user_id) if owner_check_on_write else any_todo(todo_id)
        todo.title = new.title
        return todo

    @router.delete("/{todo_id}", status_code=status.HTTP_204_NO_CONTENT)
    def delete_todo(todo_id: int, user_id: User) -> Response:
        todo = own_todo(todo_id, user_id) if owner_check_on_write else any_todo(todo_id)
        del todos[todo.id]
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    app = new_app(title, now)
    app.include_router(router)
    return app


# --- the apps -------------------------------------------------------------------------


def correct(secret: str, now: Clock) -> FastAPI:
    """Every probe test passes: HTTPBearer, ``algorithms=["HS256"]``, owner checks."""
    return todo_api("todos (correct)", now, bearer_hs256_user(secret, now))


def no_auth_on_list(secret: str, now: Clock) -> FastAPI:
    """``GET /todos`` was written without the ``user_id: User`` parameter: it answers
    anyone, with everyone's todos."""
    app = todo_api(
        "todos (list without auth)", now, bearer_hs256_user(secret, now), auth_on_list=False
    )
    return app


def no_owner_on_write(secret: str, now: Clock) -> FastAPI:
    """Reads check the owner; PUT and DELETE only check that the todo exists."""
    return todo_api(
        "todos (no owner check on writes)",
        now,
        bearer_hs256_user(secret, now),
        owner_check_on_write=False,
    )


def signature_skipped(secret: str, now: Clock) -> FastAPI:
    """ "The gateway verifies the token": the app only decodes it, with
    ``options={"verify_signature": False}`` (``secret`` is unused, as in such apps)."""
    decoder = ClockedPyJWT(now)

    def current_user(credentials: Credentials) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials,
                algorithms=["HS256"],
                options={"verify_signature": False},
            )
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str | None = payload.get("sub")
        if user_id is None:
            raise HTTPException(401, "Invalid token: no subject", headers=BEARER)
        return user_id

    return todo_api("todos (signature not verified)", now, current_user)


def exp_ignored(secret: str, now: Clock) -> FastAPI:
    """Verifies the signature but turned the expiry check off ("clock problems")."""
    decoder = ClockedPyJWT(now)

    def current_user(credentials: Credentials) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials,
                secret,
                algorithms=["HS256"],
                options={"verify_exp": False},
            )
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str = payload["sub"]
        return user_id

    return todo_api("todos (exp not verified)", now, current_user)


def alg_none_accepted(secret: str, now: Clock) -> FastAPI:
    """Takes the algorithm from the token's header, as JWT libraries did before
    CVE-2015-9235 (node-jsonwebtoken < 4.2.2, pyjwt < 1.0): ``alg: none`` (compared
    case-insensitively, as several did) means "unsigned", so no signature is checked.
    Time claims are still checked; every other token is verified with HS256."""
    decoder = ClockedPyJWT(now)

    def legacy_decode(token: str) -> dict[str, Any]:
        alg = str(jwt.get_unverified_header(token).get("alg", ""))
        if alg.lower() == "none":
            return decoder.decode(
                token, options={"verify_signature": False, "verify_exp": True, "verify_iat": True}
            )
        return decoder.decode(token, secret, algorithms=["HS256"])

    def current_user(credentials: Credentials) -> str:
        try:
            payload = legacy_decode(credentials.credentials)
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str = payload["sub"]
        return user_id

    return todo_api("todos (alg none accepted)", now, current_user)


#: Every backend by name, for parametrised tests and the benchmark.
BACKENDS: dict[str, Callable[[str, Clock], FastAPI]] = {
    "correct": correct,
    "no_auth_on_list": no_auth_on_list,
    "no_owner_on_write": no_owner_on_write,
    "signature_skipped": signature_skipped,
    "exp_ignored": exp_ignored,
    "alg_none_accepted": alg_none_accepted,
}
