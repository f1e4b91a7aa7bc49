"""Unknown, never wrong: files the audit cannot read or parse, dependencies it cannot
follow, and dependency factories it can.

A route whose protection depends on a file that did not parse (or a name it cannot
follow) is UNKNOWN with the reason, never UNPROTECTED, and no finding counts it as a
defect. Every file not audited is named with why. Each case has a near miss.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.text import Text

from jwtscope.audit import AuditResult, RouteStatus, audit_project
from jwtscope.audit.excerpt import excerpt
from jwtscope.audit.python.extract import extract_module
from jwtscope.audit.python.facts import ProjectFacts

PROJECTS = Path(__file__).parent / "projects"
P, U, PUB, UNK = (
    RouteStatus.PROTECTED,
    RouteStatus.UNPROTECTED,
    RouteStatus.PUBLIC,
    RouteStatus.UNKNOWN,
)


def _copy_py314(name: str, tmp_path: Path) -> Path:
    """The project with its ``.py314`` and ``.pybroken`` files renamed to ``.py`` (see
    its README)."""
    root = tmp_path / name
    shutil.copytree(PROJECTS / name, root)
    for suffix in ("*.py314", "*.pybroken"):
        for path in root.rglob(suffix):
            path.rename(path.with_suffix(".py"))
    return root


def _table(result: AuditResult) -> dict[tuple[str, str], RouteStatus]:
    return {(r.method, r.path): r.status for r in result.routes}


@pytest.fixture()
def newsyntax(tmp_path: Path) -> AuditResult:
    return audit_project(_copy_py314("newsyntax_api", tmp_path))


def test_pep758_except_is_rewritten_and_its_routes_stay_protected(newsyntax):
    table = _table(newsyntax)
    for key in [("GET", "/api/v1/users/me"), ("PATCH", "/api/v1/users/me")]:
        assert table[key] is P, key
    assert table[("DELETE", "/api/v1/items/{item_id}")] is P
    assert not any(f.path == "app/api/deps.py" for f in newsyntax.findings)


def test_python_314_syntax_is_read_and_its_route_judged(newsyntax):
    (route,) = [r for r in newsyntax.routes if r.file == "app/api/routes/reports.py"]
    assert (route.method, route.path, route.line, route.status) == (
        "GET",
        "/api/v1/reports/{kind}",
        14,
        P,
    )
    assert not any(f.path == "app/api/routes/reports.py" for f in newsyntax.findings)


def test_route_depending_on_an_unparsed_module_is_unknown_with_the_reason(newsyntax):
    route = next(r for r in newsyntax.routes if r.path == "/api/v1/admin/users")
    assert route.status is UNK
    assert route.reason.startswith("parameter admin: could not parse app/api/perms.py line 11")
    assert "`AdminUser` is defined there" in route.reason
    # near miss: the same unknown dependency next to one that protects: protected
    assert _table(newsyntax)[("GET", "/api/v1/admin/whoami")] is P
    # near miss: a route with no dependency at all is still judged (declared public here)
    assert _table(newsyntax)[("GET", "/api/v1/users/stats")] is PUB
    assert not any(f.code == "AUDIT-ROUTE-UNPROTECTED" for f in newsyntax.findings)


def test_routes_declared_in_an_unparsed_file_are_listed_unknown(newsyntax):
    lost = sorted(
        (r.method, r.path, r.line, r.endpoint)
        for r in newsyntax.routes
        if r.file == "app/api/routes/legacy.py"
    )
    assert lost == [
        ("GET", "/legacy/export", 6, "export_all"),
        ("POST", "/legacy/import", 12, "import_all"),
    ]
    route = next(r for r in newsyntax.routes if r.file == "app/api/routes/legacy.py")
    assert route.status is UNK and not route.mounted
    assert "could not parse app/api/routes/legacy.py line 9" in route.reason


def test_every_file_not_audited_is_named_with_why(newsyntax, tmp_path):
    assert [(s.path, s.reason.split(":")[0]) for s in newsyntax.skipped] == [
        ("app/api/perms.py", "could not parse app/api/perms.py line 11"),
        ("app/api/routes/legacy.py", "could not parse app/api/routes/legacy.py line 9"),
    ]


def test_unread_files_and_a_broken_pyproject_are_listed(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "newsyntax_api", root)
    for path in root.rglob("*.py314"):
        path.unlink()
    (root / "app/api/deps.py").write_bytes(b"import os\x00\x00binary")
    (root / "app/api/perms.py").write_bytes("X = 'caf\u00e9'\n".encode("latin-1"))
    (root / "pyproject.toml").write_text("[tool.jwtscope\npublic = [", encoding="utf-8")
    result = audit_project(root)
    skipped = {s.path: s.reason for s in result.skipped}
    assert skipped["app/api/deps.py"] == "binary (contains NUL bytes)"
    assert skipped["app/api/perms.py"].startswith("undecodable")
    assert "public=" in skipped["pyproject.toml"] and "not valid TOML" in skipped["pyproject.toml"]
    table = _table(result)
    # CurrentUser lives in the unread deps.py: unknown, not unprotected
    assert table[("GET", "/api/v1/users/me")] is UNK
    route = next(r for r in result.routes if r.path == "/api/v1/users/me")
    assert "could not read app/api/deps.py: binary" in route.reason
    # the broken pyproject's public= is not applied, and that is said: /users/stats unprotected
    assert table[("GET", "/api/v1/users/stats")] is U
    assert result.files_skipped == 2
    data = result.to_dict()
    assert {"path": "pyproject.toml", "reason": skipped["pyproject.toml"]} in data["skipped"]
    assert any(r["status"] == "unknown" and r["reason"] for r in data["routes"])


def test_pep758_rewrite_is_narrow():
    facts = ProjectFacts()
    ok = "try:\n    pass\nexcept ValueError, jwt.InvalidTokenError:\n    pass\n"
    _, found = extract_module(ok, "a.py", facts)
    assert found == []
    # near miss: `except A, B as e:` is invalid in every version: still a parse error
    bad = "try:\n    pass\nexcept ValueError, KeyError as e:\n    pass\n"
    _, found = extract_module(bad, "b.py", facts)
    assert [f.code for f in found] == ["AUDIT-PARSE-ERROR"]


def test_parse_error_line_is_redacted():
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl"
    text = f'SECRET_TOKEN = "{token}" +\n'
    _, found = extract_module(text, "c.py", ProjectFacts())
    assert found[0].code == "AUDIT-PARSE-ERROR"
    assert token not in found[0].source_line and "redacted" in found[0].source_line


@pytest.fixture(scope="module")
def factory() -> AuditResult:
    return audit_project(PROJECTS / "factory_api")


def test_dependency_factories_are_followed_to_the_callable_they_return(factory):
    table = _table(factory)
    assert table[("GET", "/api/articles/feed")] is P
    assert table[("POST", "/api/articles")] is P
    assert table[("DELETE", "/api/articles/{slug}")] is P  # a nested def with the check
    feed = next(r for r in factory.routes if r.path == "/api/articles/feed")
    assert feed.dependency == "get_current_user_authorizer"
    assert "get_current_user_authorizer() → _get_current_user → jwt.decode" in feed.via


def test_factories_near_misses(factory):
    table = _table(factory)
    # returns a repository, not auth: still unprotected (a real finding)
    assert table[("GET", "/api/articles/export")] is U
    # returns REGISTRY[name]: cannot be followed → unknown with the reason
    drafts = next(r for r in factory.routes if r.path == "/api/articles/drafts")
    assert drafts.status is UNK
    assert "could not resolve `lookup_dependency()`" in drafts.reason
    # a package that is neither in the project nor a known library: unknown
    search = next(r for r in factory.routes if r.path == "/api/profiles/search")
    assert search.status is UNK and "ratelimitx" in search.reason
    # near miss: a known library's dependency that does not authenticate: unprotected
    assert table[("GET", "/api/profiles/popular")] is U
    flagged = {f.location for f in factory.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"}
    assert flagged == {"app/api/routes/articles.py:31", "app/api/routes/profiles.py:8"}


def test_unknown_routes_and_skipped_files_in_every_rendering(factory, tmp_path):
    from jwtscope.audit.audit_text import audit_to_dict, audit_to_markdown, audit_to_text
    from jwtscope.services.review_audit import audit_checklist, audit_data, audit_markdown
    from jwtscope.tui.widgets.audit_views import route_cells, route_detail, summary_view

    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "factory_api", root)
    (root / "app/blob.py").write_bytes(b"\x00\x01binary")
    result = audit_project(root)
    why = "could not resolve `lookup_dependency()`"
    text = audit_to_text(result, "p")
    assert why in text and "Not audited (1):" in text and "app/blob.py — binary" in text
    markdown = audit_to_markdown(result, "p")
    assert f"unknown: parameter user: {why}" in markdown and "## Not audited" in markdown
    data = audit_to_dict(result)
    assert data["skipped"] == [{"path": "app/blob.py", "reason": "binary (contains NUL bytes)"}]
    drafts = next(r for r in result.routes if r.path == "/api/articles/drafts")
    assert why in route_cells(drafts)[-1].plain
    source = excerpt(root, drafts.file, drafts.line)
    head = route_detail(drafts, source, result).renderables[:4]
    assert any(why in part.plain for part in head if isinstance(part, Text))
    summary = summary_view(result).plain
    assert "2 unknown" in summary and "app/blob.py — binary" in summary
    review = audit_data(result)
    assert review["files"]["not_audited"][0]["path"] == "app/blob.py"
    section = "\n".join(audit_markdown(review))
    assert f"unknown: parameter user: {why}" in section and "### Not audited" in section
    # unknown routes are not defects, but the route sign-off is not ticked
    assert (
        dict(audit_checklist(review))["Every route protected or declared public (source audit)"]
        is False
    )


#: Invalid in every Python version: the module never parses.
BROKEN = "try:\n    pass\nexcept ValueError, KeyError as error:\n    pass\n"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_middleware_from_an_unparsed_module_makes_routes_unknown(tmp_path):
    main = (
        "from fastapi import FastAPI\n"
        "from app.security import {name}\n\n"
        "app = FastAPI()\n"
        "app.add_middleware({name})\n\n\n"
        '@app.get("/reports")\n'
        "def reports() -> list:\n"
        "    return []\n"
    )
    broken = "from starlette.middleware.base import BaseHTTPMiddleware\n\n" + BROKEN
    root = _write(
        tmp_path / "a",
        {"app/__init__.py": "", "app/main.py": main.format(name="JWTMiddleware")},
    )
    _write(root, {"app/security.py": broken})
    route = next(r for r in audit_project(root).routes if r.path == "/reports")
    assert route.status is UNK and "middleware JWTMiddleware" in route.reason
    # near miss: a known library's middleware (not auth) leaves the route unprotected
    near = _write(
        tmp_path / "b",
        {
            "app/__init__.py": "",
            "app/main.py": main.format(name="GZipMiddleware").replace(
                "from app.security import", "from starlette.middleware.gzip import"
            ),
            "app/security.py": broken,
        },
    )
    assert _table(audit_project(near))[("GET", "/reports")] is U


def test_star_import_from_an_unparsed_module_is_unknown(tmp_path):
    routes = (
        "from fastapi import APIRouter, Depends\n"
        "from app.deps import *\n\n"
        "router = APIRouter()\n\n\n"
        '@router.get("/me")\n'
        "def me(user=Depends(current_principal)) -> dict:\n"
        "    return user\n\n\n"
        '@router.get("/open")\n'
        "def open_() -> dict:\n"
        "    return {}\n"
    )
    main = (
        "from fastapi import FastAPI\n\nfrom app import routes\n\n"
        "app = FastAPI()\napp.include_router(routes.router)\n"
    )
    root = _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/main.py": main,
            "app/routes.py": routes,
            "app/deps.py": BROKEN,
        },
    )
    result = audit_project(root)
    table = _table(result)
    me = next(r for r in result.routes if r.path == "/me")
    assert table[("GET", "/me")] is UNK and "could not parse app/deps.py line 3" in me.reason
    assert table[("GET", "/open")] is U  # near miss: no dependency, still judged
