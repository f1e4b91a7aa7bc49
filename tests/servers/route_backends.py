"""FastAPI APIs with auth holes on some routes, for the route probe (``probe --all-routes``).

Each factory takes ``(secret, now)`` and returns an app written the way real projects
write them (serve it with :func:`servers.replay_clock.serve_backend`); ``app.state.holes``
names the routes that answer without a valid token by mistake, ``app.state.store`` is
the data (a test checks it after the probe: nothing left behind, nothing changed), and
``app.state.seen`` records every request's method and raw path.

===========================  ======================================================
app                          the hole(s)
===========================  ======================================================
:func:`item_hole`            ``GET /todos/{todo_id}`` without its dependency
                             (``GET /todos`` is protected)
:func:`method_hole`          ``PUT /notes/{note_id}`` without it (GET and DELETE on
                             the same path are protected)
:func:`router_hole`          the ``/reports`` router mounted without the router
                             dependency the ``/todos`` router got (the API declares
                             bearer security globally, for Swagger's Authorize)
:func:`version_hole`          one router mounted at ``/v1`` with its dependency and
                             at ``/v2`` without (no global security declared); its
                             ``/admin`` router, also without, is reported public:
                             the limit of a black-box probe (see the test)
:func:`middleware_hole`      auth middleware excluding paths by prefix: ``/docs``
                             also lets ``/authors…`` through (``/health`` and
                             ``/auth/login`` are meant to be public and say so)
:func:`nested_hole`          ``GET /users/{user_id}/todos/{todo_id}`` without its
                             dependency (ids: ``user_id`` from ``GET /users``, then
                             ``todo_id`` from that user's list, keyed ``todo_id``)
:func:`excluded_prefix`      auth middleware with an ``EXCLUDED`` list of prefixes:
                             ``/public`` also lets ``/publications…`` through
:func:`post_hole`            ``POST /projects`` without its dependency (list, read
                             and delete protected): anyone creates; the probe's
                             creations are deleted again with user A's token
:func:`cross_api`            the API of :data:`CROSS_PROJECT` (its source, for
                             ``--project``): the audit and the server disagree on
                             ``/todos`` (a dependency that swallows the error) and
                             ``/reports`` (checked where the audit cannot follow);
                             ``/items`` is unknown to the audit; ``/admin/export``
                             is missing from the OpenAPI document
:func:`header_hole`          auth read by hand from the ``Authorization`` header
                             (nothing declared in the document):
                             ``GET /orders/{order_id}`` forgot it; ``GET /orders``
                             is seen refusing, so the item route is no public one
:func:`correct_api`          none: public reads of posts, authenticated writes,
                             ``/health`` public (0 false alarms)
:func:`hostile_ids`          none, but its ids are ``..`` and ``.``: no request may
                             land on ``/`` or the collection
===========================  ======================================================
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
import itertools
from collections.abc import Callable
from typing import Annotated, Any

import jwt
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from servers.replay_backends import bearer_hs256_user, new_app
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "CROSS_PROJECT",
    "ROUTE_BACKENDS",
    "correct_api",
    "cross_api",
    "excluded_prefix",
    "gated_api",
    "header_hole",
    "hostile_ids",
    "item_hole",
    "method_hole",
    "middleware_hole",
    "nested_hole",
    "post_hole",
    "router_hole",
    "version_hole",
]


class NewItem(BaseModel):
    title: str


def _store() -> dict[int, dict[str, Any]]:
    return {
        1: {"id": 1, "owner": "user-a", "title": "Buy oat milk"},
        2: {"id": 2, "owner": "user-c", "title": "Water the plants"},
    }


def _health(app: FastAPI) -> None:
    @app.get("/health", openapi_extra={"security": []})
    def health() -> dict[str, str]:
        return {"status": "ok"}


def _finish(app: FastAPI, store: Any, holes: set[str]) -> FastAPI:
    app.state.store = store
    app.state.holes = holes
    if not hasattr(app.state, "seen"):
        seen: list[tuple[str, str]] = []

        @app.middleware("http")
        async def record(request: Request, call_next: Callable[..., Any]) -> Any:
            seen.append((request.method, request.scope.get("raw_path", b"").decode()))
            return await call_next(request)

        app.state.seen = seen
    return app


def _global_bearer(app: FastAPI) -> None:
    """Declare bearer security for every operation (what projects do for Authorize)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version="1", routes=app.routes)
            schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
            schemes["bearer"] = {"type": "http", "scheme": "bearer"}
            schema["security"] = [{"bearer": []}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def item_hole(secret: str, now: Clock) -> FastAPI:
    """``GET /todos`` is protected; ``GET /todos/{todo_id}`` lost its dependency."""
    app, store = new_app("todos (item hole)", now), _store()
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    next_id = itertools.count(3)

    @app.get("/todos")
    def list_todos(user: User) -> list[dict[str, Any]]:
        return [t for t in store.values() if t["owner"] == user]

    @app.post("/todos", status_code=201)
    def create(new: NewItem, user: User) -> dict[str, Any]:
        todo = {"id": next(next_id), "owner": user, "title": new.title}
        store[todo["id"]] = todo
        return todo

    @app.get("/todos/{todo_id}")
    def read(todo_id: int) -> dict[str, Any]:  # the hole: no `user: User`
        if todo_id not in store:
            raise HTTPException(404, "Todo not found")
        return store[todo_id]

    @app.delete("/todos/{todo_id}", status_code=204)
    def delete(todo_id: int, user: User) -> Response:
        if store.get(todo_id, {}).get("owner") != user:
            raise HTTPException(404, "Todo not found")
        del store[todo_id]
        return Response(status_code=204)

    _health(app)
    return _finish(app, store, {"GET /todos/{todo_id}"})


def method_hole(secret: str, now: Clock) -> FastAPI:
    """``/notes/{note_id}``: GET and DELETE protected, PUT forgot the dependency."""
    app, store = new_app("notes (method hole)", now), _store()
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    next_id = itertools.count(3)

    def own(note_id: int, user: str) -> dict[str, Any]:
        if store.get(note_id, {}).get("owner") != user:
            raise HTTPException(404, "Note not found")
        return store[note_id]

    @app.get("/notes")
    def list_notes(user: User) -> list[dict[str, Any]]:
        return [n for n in store.values() if n["owner"] == user]

    @app.post("/notes", status_code=201)
    def create(new: NewItem, user: User) -> dict[str, Any]:
        note = {"id": next(next_id), "owner": user, "title": new.title}
        store[note["id"]] = note
        return note

    @app.get("/notes/{note_id}")
    def read(note_id: int, user: User) -> dict[str, Any]:
        return own(note_id, user)

    @app.put("/notes/{note_id}")
    def update(note_id: int, new: NewItem) -> dict[str, Any]:  # the hole: no `user: User`
        if note_id not in store:
            raise HTTPException(404, "Note not found")
        store[note_id]["title"] = new.title
        return store[note_id]

    @app.delete("/notes/{note_id}", status_code=204)
    def delete(note_id: int, user: User) -> Response:
        del store[own(note_id, user)["id"]]
        return Response(status_code=204)

    return _finish(app, store, {"PUT /notes/{note_id}"})


def router_hole(secret: str, now: Clock) -> FastAPI:
    """Two routers; ``/reports`` was included without the dependency ``/todos`` got."""
    app, store = new_app("todos and reports (router hole)", now), _store()
    auth = bearer_hs256_user(secret, now)
    todos = APIRouter(prefix="/todos")
    reports = APIRouter(prefix="/reports")

    @todos.get("")
    def list_todos() -> list[dict[str, Any]]:
        return list(store.values())

    @todos.get("/{todo_id}")
    def read_todo(todo_id: int) -> dict[str, Any]:
        if todo_id not in store:
            raise HTTPException(404, "Todo not found")
        return store[todo_id]

    @reports.get("")
    def list_reports() -> list[dict[str, Any]]:
        return [{"id": "q3", "revenue": 1200}]

    @reports.get("/{report_id}")
    def read_report(report_id: str) -> dict[str, Any]:
        return {"id": report_id, "revenue": 1200}

    app.include_router(todos, dependencies=[Depends(auth)])
    app.include_router(reports)  # the hole: dependencies=[Depends(auth)] forgotten
    _health(app)
    _global_bearer(app)
    return _finish(app, store, {"GET /reports", "GET /reports/{report_id}"})


def version_hole(secret: str, now: Clock) -> FastAPI:
    """The todos router mounted twice; ``/v2`` forgot the dependency ``/v1`` has."""
    app, store = new_app("todos v1/v2 (router hole)", now), _store()
    auth = bearer_hs256_user(secret, now)
    todos = APIRouter(prefix="/todos")
    admin = APIRouter(prefix="/admin")

    @todos.get("")
    def list_todos() -> list[dict[str, Any]]:
        return list(store.values())

    @todos.get("/{todo_id}")
    def read_todo(todo_id: int) -> dict[str, Any]:
        if todo_id not in store:
            raise HTTPException(404, "Todo not found")
        return store[todo_id]

    @admin.get("/stats")
    def stats() -> dict[str, int]:
        return {"todos": len(store)}

    app.include_router(todos, prefix="/v1", dependencies=[Depends(auth)])
    app.include_router(todos, prefix="/v2")  # the hole: dependencies forgotten
    app.include_router(admin)  # also forgotten, but nothing in the API says so
    _health(app)
    app.state.undetectable = {"GET /admin/stats"}
    return _finish(app, store, {"GET /v2/todos", "GET /v2/todos/{todo_id}"})


def middleware_hole(secret: str, now: Clock) -> FastAPI:
    """Auth in a middleware that lets some paths through by prefix; ``/auth`` is too wide."""
    app, store = new_app("authors (middleware auth)", now), _store()
    decoder = ClockedPyJWT(now)
    public = ("/health", "/docs", "/openapi.json", "/auth")

    @app.middleware("http")
    async def authenticate(request: Request, call_next: Callable[..., Any]) -> Any:
        if request.url.path.startswith(public):  # the hole: "/authors" starts with "/auth"
            return await call_next(request)
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return JSONResponse({"detail": "Not authenticated"}, 401)
        try:
            request.state.user = decoder.decode(token, secret, algorithms=["HS256"])["sub"]
        except (jwt.InvalidTokenError, KeyError):
            return JSONResponse({"detail": "Invalid token"}, 401)
        return await call_next(request)

    @app.get("/me")
    def me(request: Request) -> dict[str, Any]:
        return {"sub": request.state.user}

    @app.post("/auth/login", openapi_extra={"security": []})
    def login() -> dict[str, str]:
        return {"access_token": "issued elsewhere"}

    @app.get("/authors")
    def list_authors() -> list[dict[str, Any]]:
        return list(store.values())

    @app.get("/authors/{author_id}")
    def read_author(author_id: int) -> dict[str, Any]:
        if author_id not in store:
            raise HTTPException(404, "Author not found")
        return store[author_id]

    _health(app)
    _global_bearer(app)
    return _finish(app, store, {"GET /authors", "GET /authors/{author_id}"})


def excluded_prefix(secret: str, now: Clock) -> FastAPI:
    """Middleware auth skipping an ``EXCLUDED`` list by prefix; ``/public`` is too wide."""
    app, store = new_app("publications (excluded prefixes)", now), _store()
    decoder = ClockedPyJWT(now)
    excluded = ["/docs", "/health", "/public", "/openapi.json"]

    @app.middleware("http")
    async def authenticate(request: Request, call_next: Callable[..., Any]) -> Any:
        if any(request.url.path.startswith(p) for p in excluded):  # "/publications" too
            return await call_next(request)
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise jwt.InvalidTokenError("no bearer token")
            decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return JSONResponse({"detail": "Not authenticated"}, 401)
        return await call_next(request)

    @app.get("/public/terms", openapi_extra={"security": []})
    def terms() -> dict[str, str]:
        return {"terms": "be nice"}

    @app.get("/publications")
    def list_publications() -> list[dict[str, Any]]:
        return list(store.values())

    @app.get("/orders")
    def list_orders() -> list[dict[str, Any]]:
        return list(store.values())

    _health(app)
    _global_bearer(app)
    return _finish(app, store, {"GET /publications"})


def post_hole(secret: str, now: Clock) -> FastAPI:
    """``POST /projects`` forgot its dependency; list, read and delete have it."""
    app, store = new_app("projects (POST hole)", now), _store()
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    next_id = itertools.count(3)

    @app.get("/projects")
    def list_projects(user: User) -> list[dict[str, Any]]:
        return list(store.values())

    @app.post("/projects", status_code=201)
    def create(new: NewItem) -> dict[str, Any]:  # the hole: no `user: User`
        project = {"id": next(next_id), "owner": None, "title": new.title}
        store[project["id"]] = project
        return project

    @app.get("/projects/{project_id}")
    def read(project_id: int, user: User) -> dict[str, Any]:
        if project_id not in store:
            raise HTTPException(404, "Project not found")
        return store[project_id]

    @app.delete("/projects/{project_id}", status_code=204)
    def delete(project_id: int, user: User) -> Response:  # a team app: members delete
        if store.pop(project_id, None) is None:
            raise HTTPException(404, "Project not found")
        return Response(status_code=204)

    return _finish(app, store, {"POST /projects"})


def gated_api(secret: str, now: Clock) -> FastAPI:
    """Protected todos whose first route, ``GET /slow``, answers only once
    ``app.state.gate`` is set (``app.state.reached`` is set when it is waiting): a test
    stops the probe while it runs, with no sleep."""
    import asyncio
    import threading

    app, store = new_app("todos (gated)", now), _store()
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    next_id = itertools.count(3)
    app.state.gate, app.state.reached = threading.Event(), threading.Event()

    @app.middleware("http")
    async def gate(request: Request, call_next: Callable[..., Any]) -> Any:
        if request.url.path == "/slow":  # held before the auth check: every probe waits
            app.state.reached.set()
            await asyncio.to_thread(app.state.gate.wait, 10)
        return await call_next(request)

    @app.get("/slow")
    def slow(user: User) -> dict[str, str]:
        return {"status": "slow"}

    @app.get("/todos")
    def list_todos(user: User) -> list[dict[str, Any]]:
        return [t for t in store.values() if t["owner"] == user]

    @app.post("/todos", status_code=201)
    def create(new: NewItem, user: User) -> dict[str, Any]:
        todo = {"id": next(next_id), "owner": user, "title": new.title}
        store[todo["id"]] = todo
        return todo

    @app.get("/todos/{todo_id}")
    def read(todo_id: int, user: User) -> dict[str, Any]:
        if store.get(todo_id, {}).get("owner") != user:
            raise HTTPException(404, "Todo not found")
        return store[todo_id]

    @app.delete("/todos/{todo_id}", status_code=204)
    def delete(todo_id: int, user: User) -> Response:
        if store.get(todo_id, {}).get("owner") != user:
            raise HTTPException(404, "Todo not found")
        del store[todo_id]
        return Response(status_code=204)

    _health(app)
    return _finish(app, store, set())


def header_hole(secret: str, now: Clock) -> FastAPI:
    """A hand-written header dependency (FastAPI declares no security for it); the item
    route forgot it."""
    from fastapi import Header

    app, store = new_app("orders (header dependency)", now), _store()
    decoder = ClockedPyJWT(now)

    def current_user(authorization: Annotated[str | None, Header()] = None) -> str:
        scheme, _, token = (authorization or "").partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise jwt.InvalidTokenError("no bearer token")
            return str(decoder.decode(token, secret, algorithms=["HS256"])["sub"])
        except (jwt.InvalidTokenError, KeyError) as exc:
            raise HTTPException(401, "Not authenticated") from exc

    User = Annotated[str, Depends(current_user)]

    @app.get("/orders")
    def list_orders(user: User) -> list[dict[str, Any]]:
        return list(store.values())

    @app.get("/orders/{order_id}")
    def read_order(order_id: int) -> dict[str, Any]:  # the hole: no `user: User`
        if order_id not in store:
            raise HTTPException(404, "Order not found")
        return store[order_id]

    @app.get("/catalog")
    def catalog() -> list[dict[str, str]]:  # public on purpose, and so is its item
        return [{"id": "tea"}]

    @app.get("/catalog/{item_id}")
    def catalog_item(item_id: str) -> dict[str, str]:
        return {"id": item_id}

    _health(app)
    return _finish(app, store, {"GET /orders/{order_id}"})


def nested_hole(secret: str, now: Clock) -> FastAPI:
    """Nested resources; the deepest item route forgot its dependency."""
    app = new_app("users' todos (nested hole)", now)
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    store = {"u1": {5: {"todo_id": 5, "title": "Buy oat milk"}}}

    @app.get("/users")
    def list_users(user: User) -> list[dict[str, str]]:
        return [{"id": "u1", "name": "Ada"}]

    @app.get("/users/{user_id}/todos")
    def list_todos(user_id: str, user: User) -> dict[str, Any]:
        return {"items": list(store.get(user_id, {}).values()), "total": 1}

    @app.get("/users/{user_id}/todos/{todo_id}")
    def read_todo(user_id: str, todo_id: int) -> dict[str, Any]:  # the hole
        todo = store.get(user_id, {}).get(todo_id)
        if todo is None:
            raise HTTPException(404, "Todo not found")
        return todo

    return _finish(app, store, {"GET /users/{user_id}/todos/{todo_id}"})


def correct_api(secret: str, now: Clock) -> FastAPI:
    """No hole: public reads of posts, authenticated writes and drafts; ``/health`` public."""
    app, store = new_app("blog (correct)", now), _store()
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]

    @app.get("/posts")
    def list_posts() -> list[dict[str, Any]]:
        return list(store.values())

    @app.get("/posts/{post_id}")
    def read_post(post_id: int) -> dict[str, Any]:
        if post_id not in store:
            raise HTTPException(404, "Post not found")
        return store[post_id]

    @app.put("/posts/{post_id}")
    def update_post(post_id: int, new: NewItem, user: User) -> dict[str, Any]:
        raise HTTPException(403, "Not your post")

    @app.get("/drafts")
    def list_drafts(user: User) -> list[dict[str, Any]]:
        return [p for p in store.values() if p["owner"] == user]

    @app.get("/drafts/{draft_id}")
    def read_draft(draft_id: int, user: User) -> dict[str, Any]:
        if store.get(draft_id, {}).get("owner") != user:
            raise HTTPException(404, "Draft not found")
        return store[draft_id]

    _health(app)
    return _finish(app, store, set())


def hostile_ids(secret: str, now: Clock) -> FastAPI:
    """Protected, but its ids are dot segments; every request path is recorded."""
    app = new_app("things (hostile ids)", now)
    User = Annotated[str, Depends(bearer_hs256_user(secret, now))]
    seen: list[tuple[str, str]] = []
    store: dict[str, Any] = {"created": 0, "deleted_root": 0}

    @app.middleware("http")
    async def record(request: Request, call_next: Callable[..., Any]) -> Any:
        seen.append((request.method, request.scope.get("raw_path", b"").decode()))
        return await call_next(request)

    @app.get("/things")
    def list_things(user: User) -> list[dict[str, str]]:
        return [{"id": "."}]

    @app.post("/things", status_code=201)
    def create(new: NewItem, user: User) -> dict[str, str]:
        store["created"] += 1
        return {"id": ".."}

    @app.get("/things/{thing_id}")
    def read(thing_id: str, user: User) -> dict[str, str]:
        return {"id": thing_id}

    @app.put("/things/{thing_id}")
    def update(thing_id: str, new: NewItem, user: User) -> dict[str, str]:
        return {"id": thing_id}

    @app.delete("/things/{thing_id}", status_code=204)
    def delete(thing_id: str, user: User) -> Response:
        return Response(status_code=204)

    @app.delete("/", status_code=204)
    def delete_root() -> Response:  # a request landing here would wipe everything
        store["deleted_root"] += 1
        return Response(status_code=204)

    app.state.seen = seen
    return _finish(app, store, set())


#: The source of :func:`cross_api` as a project folder holds it (``deps.py`` does not
#: parse, so the audit cannot tell what protects ``/items``).
CROSS_PROJECT = {
    "app.py": """import jwt
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPBearer

from deps import require_user

SECRET_KEY = __import__("os").environ["JWT_SECRET"]
bearer = HTTPBearer(auto_error=False)
app = FastAPI()
MODE = "strict"


def get_current_user(credentials=Depends(bearer)):
    try:
        return jwt.decode(credentials.credentials, SECRET_KEY, algorithms=["HS256"])["sub"]
    except Exception:
        return None


def verify_token(credentials=Depends(HTTPBearer())):
    try:
        return jwt.decode(credentials.credentials, SECRET_KEY, algorithms=["HS256"])["sub"]
    except jwt.InvalidTokenError as exc:
        raise HTTPException(401, "Invalid token") from exc


def make_auth(mode):
    def check(request: Request):
        if not request.headers.get("authorization"):
            raise HTTPException(401, "Not authenticated")
    return check


CHECKS = {"strict": make_auth("strict")}


@app.get("/todos")
def list_todos(user=Depends(get_current_user)):
    return [{"id": 1, "title": "Buy oat milk"}]


@app.get("/reports", dependencies=[Depends(CHECKS[MODE])])
def reports():
    return [{"id": "q3"}]


@app.get("/items")
def items(user=Depends(require_user)):
    return [{"id": 7}]


@app.get("/admin/export", include_in_schema=False)
def export(user=Depends(verify_token)):
    return {"rows": 2}


@app.get("/health")
def health():
    return {"status": "ok"}
""",
    "deps.py": """def require_user(request):
    match request:
        case {"token": str(t)} if t ==:
            return t
""",
}


def cross_api(secret: str, now: Clock) -> FastAPI:
    """What :data:`CROSS_PROJECT` runs (with a parsing ``deps.py``)."""
    from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

    app, store = new_app("cross-check", now), _store()
    strict = Depends(bearer_hs256_user(secret, now))
    decoder = ClockedPyJWT(now)
    lenient = HTTPBearer(auto_error=False)

    def get_current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(lenient)],
    ) -> str | None:
        try:
            return str(decoder.decode(credentials.credentials, secret, algorithms=["HS256"])["sub"])  # type: ignore[union-attr]
        except Exception:  # the hole the source reading misses: None, not 401
            return None

    def check(request: Request) -> None:
        if not request.headers.get("authorization"):
            raise HTTPException(401, "Not authenticated")

    @app.get("/todos")
    def list_todos(user: Annotated[str | None, Depends(get_current_user)]) -> list[dict[str, Any]]:
        return list(store.values())

    @app.get("/reports", dependencies=[Depends(check)])
    def reports() -> list[dict[str, str]]:
        return [{"id": "q3"}]

    @app.get("/items", dependencies=[strict])
    def items() -> list[dict[str, int]]:
        return [{"id": 7}]

    @app.get("/admin/export", include_in_schema=False, dependencies=[strict])
    def export() -> dict[str, int]:
        return {"rows": 2}

    _health(app)
    return _finish(app, store, {"GET /todos", "GET /reports"})  # /reports takes any token


ROUTE_BACKENDS: dict[str, Callable[[str, Clock], FastAPI]] = {
    "item_hole": item_hole,
    "method_hole": method_hole,
    "router_hole": router_hole,
    "version_hole": version_hole,
    "middleware_hole": middleware_hole,
    "nested_hole": nested_hole,
    "excluded_prefix": excluded_prefix,
    "post_hole": post_hole,
    "cross_api": cross_api,
    "header_hole": header_hole,
    "correct_api": correct_api,
}
