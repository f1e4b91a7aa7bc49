"""Optional auth: a dependency factory called with ``required=False`` (``auto_error=False``,
``optional=True``) reads a token when one is sent and answers without one — the route is
public (optional auth), neither protected nor a hole. Near misses stay as they were.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from jwtscope.audit import AuditResult, RouteStatus, audit_project

P, U, PUB = RouteStatus.PROTECTED, RouteStatus.UNPROTECTED, RouteStatus.PUBLIC

DEPS = """
import jwt
from typing import Optional
from fastapi import Depends, FastAPI, Header

def _get_current_user(authorization: str = Header(...)):
    return jwt.decode(authorization[7:], KEY, algorithms=["HS256"])

def _get_current_user_optional(authorization: str = Header("")):
    return _get_current_user(authorization) if authorization else None

def get_current_user_authorizer(*, required: bool = True):
    return _get_current_user if required else _get_current_user_optional

def _nobody():
    return None

def get_lookup(*, required: bool = True):
    return _nobody

def get_article(slug: str, user=Depends(get_current_user_authorizer(required=False))):
    return {"slug": slug, "viewer": user}

def check_author(article=Depends(get_article), user=Depends(get_current_user_authorizer())):
    return article
"""


def _audit(tmp_path: Path, routes: str) -> AuditResult:
    (tmp_path / "app.py").write_text(textwrap.dedent(DEPS).lstrip() + textwrap.dedent(routes))
    return audit_project(tmp_path, git=False)


def _table(result: AuditResult) -> dict[tuple[str, str], RouteStatus]:
    return {(r.method, r.path): r.status for r in result.routes}


def test_a_factory_called_with_required_false_makes_the_route_public(tmp_path):
    result = _audit(
        tmp_path,
        """
        app = FastAPI()
        @app.get("/articles")
        def articles(user=Depends(get_current_user_authorizer(required=False))): ...
        @app.get("/articles/{slug}")
        def article(a=Depends(get_article)): ...
        """,
    )
    assert _table(result) == {("GET", "/articles"): PUB, ("GET", "/articles/{slug}"): PUB}
    by_path = {r.path: r for r in result.routes}
    assert by_path["/articles"].dependency == (
        "optional auth: get_current_user_authorizer(required=False)"
    )
    assert by_path["/articles/{slug}"].dependency == (
        "optional auth: get_article → get_current_user_authorizer(required=False)"
    )
    assert not [f for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"]


def test_near_misses_stay_protected_or_unprotected(tmp_path):
    result = _audit(
        tmp_path,
        """
        app = FastAPI()
        @app.get("/feed")
        def feed(user=Depends(get_current_user_authorizer())): ...
        @app.put("/articles/{slug}", dependencies=[Depends(check_author)])
        def edit(a=Depends(get_article)): ...
        @app.get("/lookup")
        def lookup(x=Depends(get_lookup(required=False))): ...
        """,
    )
    assert _table(result) == {
        # the plain call authenticates: protected, as before
        ("GET", "/feed"): P,
        # an optional dependency next to a required one: the required one wins
        ("PUT", "/articles/{slug}"): P,
        # required=False on a factory that never authenticates: still a hole
        ("GET", "/lookup"): U,
    }
    edit = next(r for r in result.routes if r.method == "PUT")
    assert edit.dependency == "check_author"
    flagged = {f.line for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"}
    assert len(flagged) == 1
