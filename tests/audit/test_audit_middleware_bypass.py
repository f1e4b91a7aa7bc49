"""An auth middleware's pass-through (excluded paths) decides which routes it protects:
exact paths and prefixes at a segment boundary are public on purpose, a prefix that
tears a segment (``/auth`` for ``/authors``) is a hole, and a condition that cannot be
read makes the routes it may cover unknown."""

from __future__ import annotations

from pathlib import Path

from audit.test_audit_snippets import run

from jwtscope.audit import AuditResult, RouteStatus

P, U, X, K = RouteStatus.PROTECTED, RouteStatus.UNPROTECTED, RouteStatus.PUBLIC, RouteStatus.UNKNOWN

ROUTES = """
@app.get("/health")
def health(): ...
@app.post("/auth/login")
def login(): ...
@app.get("/authors/{author_id}")
def author(author_id: int): ...
@app.get("/items")
def items(): ...
@app.post("/items")
def add_item(): ...
"""


def table(result: AuditResult) -> dict[str, RouteStatus]:
    return {f"{r.method} {r.path}": r.status for r in result.routes}


def test_prefixes_in_a_module_constant(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        """
import jwt
from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware
PUBLIC = ("/health", "/auth")
class AuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if request.url.path.startswith(PUBLIC):
            return await call_next(request)
        token = request.headers["authorization"][7:]
        request.state.user = jwt.decode(token, KEY, algorithms=["HS256"])
        return await call_next(request)
app = FastAPI()
app.add_middleware(AuthMiddleware)
"""
        + ROUTES,
    )
    assert table(result) == {
        "GET /health": X,
        "POST /auth/login": X,
        "GET /authors/{author_id}": U,
        "GET /items": P,
        "POST /items": P,
    }
    hole = next(f for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED")
    assert "'/auth'" in hole.detail and "/authors/{author_id}" in hole.detail


def test_an_asgi_middleware_with_exclude_paths_given_to_add_middleware(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        """
import jwt
from fastapi import FastAPI
class JWTMiddleware:
    def __init__(self, app, exclude_paths):
        self.app = app
        self.excluded = exclude_paths
    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] in self.excluded:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        jwt.decode(headers[b"authorization"][7:], KEY, algorithms=["HS256"])
        await self.app(scope, receive, send)
app = FastAPI()
app.add_middleware(JWTMiddleware, exclude_paths=["/health", "/auth/login"])
"""
        + ROUTES,
    )
    assert table(result) == {
        "GET /health": X,
        "POST /auth/login": X,
        "GET /authors/{author_id}": P,
        "GET /items": P,
        "POST /items": P,
    }


def test_reads_let_through_by_method_and_prefix(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        """
import jwt
from fastapi import FastAPI, Request
app = FastAPI()
@app.middleware("http")
async def auth(request: Request, call_next):
    if request.method == "GET" and request.url.path.startswith("/items"):
        return await call_next(request)
    jwt.decode(request.headers["authorization"][7:], KEY, algorithms=["HS256"])
    return await call_next(request)
"""
        + ROUTES,
    )
    statuses = table(result)
    assert statuses["GET /items"] == X and statuses["POST /items"] == P
    assert statuses["GET /health"] == P  # the middleware checks it: nothing lets it through


def test_a_condition_that_cannot_be_read_makes_routes_unknown(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        """
import jwt
from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware
from app.config import is_public
class AuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if is_public(request.url.path):
            return await call_next(request)
        jwt.decode(request.headers["authorization"][7:], KEY, algorithms=["HS256"])
        return await call_next(request)
app = FastAPI()
app.add_middleware(AuthMiddleware)
"""
        + ROUTES,
    )
    statuses = table(result)
    assert set(statuses.values()) == {K}
    route = next(r for r in result.routes if r.path == "/items")
    assert "line 7" in route.reason and "could not be read" in route.reason
    assert not [f for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"]


def test_the_table_shows_why_in_the_tui_and_the_report(tmp_path: Path) -> None:
    """The three states and their reasons reach the TUI's route table and the review."""
    from jwtscope.services.review_audit import audit_data, audit_markdown
    from jwtscope.tui.widgets.audit_views import route_cells

    result = run(
        tmp_path,
        """
import jwt
from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware
from app.config import is_public
PUBLIC = ("/auth",)
class AuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if request.url.path.startswith(PUBLIC):
            return await call_next(request)
        jwt.decode(request.headers["authorization"][7:], KEY, algorithms=["HS256"])
        return await call_next(request)
app = FastAPI()
app.add_middleware(AuthMiddleware)
@app.get("/authors/{author_id}")
def author(author_id: int): ...
@app.get("/auth/login")
def login(): ...
@app.get("/items")
def items(): ...
""",
    )
    cells = {f"{r.method} {r.path}": route_cells(r)[-1].plain for r in result.routes}
    assert cells["GET /authors/{author_id}"].startswith("nothing: the auth middleware's")
    assert cells["GET /auth/login"].startswith("excluded from the auth middleware")
    assert cells["GET /items"].startswith("middleware")
    data = audit_data(result)
    shown = {f"{r['method']} {r['path']}": r for r in data["routes"]}
    assert shown["GET /authors/{author_id}"]["status"] == "unprotected"
    assert "'/auth'" in shown["GET /authors/{author_id}"]["reason"]
    markdown = "\n".join(audit_markdown(data))
    assert "nothing: the auth middleware's excluded prefix '/auth'" in markdown
