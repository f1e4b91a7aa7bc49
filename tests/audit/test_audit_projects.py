"""The audit on small but realistic FastAPI projects: every seeded mistake with its exact
code, file and line, the full route table, and clean counterparts with no finding at all.

The projects live in ``tests/audit/projects/``, except the buggy Better Auth backend: the
demo's (``jwtscope/demo/project/backend``). Noise that must never be reported
(gitignored files, a virtualenv, node_modules, tests, binary and Python 2 files) is added
to a temporary copy, so the repository holds only lint-clean sources.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jwtscope.audit import AuditResult, RouteStatus, audit_project
from jwtscope.core.findings import Severity
from jwtscope.demo import DEMO_PROJECT

PROJECTS = Path(__file__).parent / "projects"

P, U, PUB = RouteStatus.PROTECTED, RouteStatus.UNPROTECTED, RouteStatus.PUBLIC

TODO_BUGGY_FINDINGS = [
    ("AUDIT-SUB-INT-CAST", "app/api/deps.py", 19),
    ("AUDIT-ROUTE-UNPROTECTED", "app/api/routes/reports.py", 21),
    ("AUDIT-TRAILING-SLASH", "app/api/routes/todos.py", 14),
    ("AUDIT-OWNERSHIP-MISSING", "app/api/routes/todos.py", 29),
    ("AUDIT-OWNERSHIP-MISSING", "app/api/routes/todos.py", 48),
    ("AUDIT-SECRET-DEFAULT", "app/config.py", 7),
    ("AUDIT-SECRET-LITERAL", "app/config.py", 8),
    ("AUDIT-SECRET-DEFAULT", "app/config.py", 14),
    ("AUDIT-ALG-MIXED", "app/core/security.py", 19),
    ("AUDIT-EXCEPT-SWALLOW", "app/core/security.py", 20),
    ("AUDIT-DECODE-NO-ALGORITHMS", "app/core/security.py", 25),
    ("AUDIT-SECRET-LITERAL", "app/core/security.py", 25),
    ("AUDIT-DECODE-NO-VERIFY", "app/core/security.py", 29),
    ("AUDIT-ALG-NONE-ALLOWED", "app/core/security.py", 33),
    ("AUDIT-DECODE-NO-EXP", "app/core/security.py", 33),
    ("AUDIT-CORS-NO-AUTH-HEADER", "app/main.py", 11),
    ("AUDIT-CORS-WILDCARD-CREDENTIALS", "app/main.py", 11),
    ("AUDIT-ROUTE-UNPROTECTED", "app/main.py", 29),
]

TODO_BUGGY_ROUTES = [
    ("GET", "/api/v1/admin/users", P, "require_admin"),
    ("DELETE", "/api/v1/admin/users/{user_id}", P, "require_admin"),
    ("POST", "/api/v1/reports/export", U, ""),
    ("GET", "/api/v1/reports/summary", P, "CurrentUser"),
    ("GET", "/api/v1/reports/{report_id}", P, "get_current_user"),
    ("POST", "/api/v1/todos", P, "CurrentUser"),
    ("GET", "/api/v1/todos/", P, "CurrentUser"),
    ("DELETE", "/api/v1/todos/{todo_id}", P, "CurrentUser"),
    ("GET", "/api/v1/todos/{todo_id}", P, "CurrentUser"),
    ("PATCH", "/api/v1/todos/{todo_id}", P, "CurrentUser"),
    ("GET", "/debug/config", U, ""),
    ("GET", "/health", PUB, "/health"),
]

BA_BUGGY_FINDINGS = [
    ("AUDIT-DECODE-NO-AUDIENCE", "api/auth.py", 18),
    ("AUDIT-SUB-INT-CAST", "api/auth.py", 22),
    ("AUDIT-DECODE-BA-SECRET", "api/auth.py", 26),
    ("AUDIT-JOSE-EDDSA", "api/legacy_auth.py", 7),
    ("AUDIT-CORS-NO-AUTH-HEADER", "api/main.py", 9),
    ("AUDIT-OWNERSHIP-MISSING", "api/routers/notes.py", 27),
    ("AUDIT-ROUTE-UNPROTECTED", "api/routers/sessions.py", 15),
]

#: Secret literals written in the buggy projects: never shown by any finding.
SEEDED_SECRETS = ("dev-secret-change-me", "s3cr3t-legacy-key-2023", "supersecret", "legacy-signing")


def _triples(result: AuditResult) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in result.findings]


def _with_noise(src: Path, dst: Path) -> Path:
    """Copy a project and add files the audit must skip or report as unparsable."""
    root = dst / src.name
    shutil.copytree(src, root)
    (root / "generated").mkdir()
    (root / "generated" / "client.py").write_text('SECRET_KEY = "generated-and-ignored"\n')
    (root / "app" / "scratch.local.py").write_text(
        'import jwt\nprint(jwt.decode("t", options={"verify_signature": False}))\n'
    )
    (root / "tests").mkdir()
    (root / "tests" / "test_security.py").write_text(
        'import jwt\nTEST_SECRET = "test-secret"\njwt.decode("t", TEST_SECRET)\n'
    )
    for venv in ("env", ".venv"):
        (root / venv / "lib").mkdir(parents=True)
        (root / venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
        (root / venv / "lib" / "site_helper.py").write_text(
            'import jwt\nSECRET_KEY = "in-a-venv"\njwt.decode("x", SECRET_KEY)\n'
        )
    (root / "node_modules" / "pkg").mkdir(parents=True)
    (root / "node_modules" / "pkg" / "build.py").write_text('SECRET_KEY = "in-node-modules"\n')
    (root / "app" / "__pycache__").mkdir()
    (root / "app" / "__pycache__" / "stale.py").write_text('SECRET_KEY = "in-pycache"\n')
    (root / "scripts").mkdir()
    (root / "scripts" / "migrate_v1.py").write_text(
        '"""Old Python 2 migration."""\n\nimport sys\n\n\ndef main():\n'
        '    print "migrating users"\n    return 0\n'
    )
    (root / "app" / "blob.py").write_bytes(b"\x00\x01\x02binary\x00")
    (root / "app" / "latin.py").write_bytes(b"# no coding line\nNAME = '\xe9t\xe9'\n")
    return root


@pytest.fixture(scope="module")
def todo_buggy() -> AuditResult:
    return audit_project(PROJECTS / "todo_api_buggy")


def test_todo_buggy_reports_each_seeded_mistake_at_its_line(todo_buggy):
    assert _triples(todo_buggy) == TODO_BUGGY_FINDINGS


def test_todo_buggy_route_table(todo_buggy):
    table = [(r.method, r.path, r.status, r.dependency) for r in todo_buggy.routes]
    assert table == TODO_BUGGY_ROUTES
    admin = next(r for r in todo_buggy.routes if r.path == "/api/v1/admin/users")
    assert admin.via.startswith("APIRouter(dependencies=…) at app/api/routes/admin.py:10")
    assert admin.via.endswith("get_current_user → bearer (HTTPBearer)")
    assert admin.location == "app/api/routes/admin.py:13"
    assert all(r.mounted for r in todo_buggy.routes)


def test_todo_buggy_source_lines_are_the_files_lines(todo_buggy):
    root = PROJECTS / "todo_api_buggy"
    for f in todo_buggy.findings:
        line = (root / f.path).read_text().splitlines()[f.line - 1].strip()
        assert f.source_line == line or "<redacted:" in f.source_line, f


def test_todo_buggy_severities(todo_buggy):
    by_key = {(f.code, f.path, f.line): f.severity for f in todo_buggy.findings}
    assert by_key[("AUDIT-ROUTE-UNPROTECTED", "app/api/routes/reports.py", 21)] is Severity.ERROR
    assert by_key[("AUDIT-ROUTE-UNPROTECTED", "app/main.py", 29)] is Severity.WARNING  # a GET
    assert by_key[("AUDIT-SECRET-DEFAULT", "app/config.py", 14)] is Severity.CRITICAL  # common
    assert by_key[("AUDIT-SECRET-DEFAULT", "app/config.py", 7)] is Severity.WARNING
    assert by_key[("AUDIT-DECODE-NO-VERIFY", "app/core/security.py", 29)] is Severity.CRITICAL
    assert by_key[("AUDIT-TRAILING-SLASH", "app/api/routes/todos.py", 14)] is Severity.WARNING


def test_secrets_never_appear_in_findings(todo_buggy):
    text = json.dumps(todo_buggy.to_dict())
    for secret in SEEDED_SECRETS:
        assert secret not in text
    literal = next(f for f in todo_buggy.findings if f.code == "AUDIT-SECRET-LITERAL")
    assert literal.source_line == 'LEGACY_SECRET = "<redacted: 22 chars, sha256 203c2b2f>"'


def test_fixes_are_written_for_the_code(todo_buggy):
    fixes = {f.code: f.fix for f in todo_buggy.findings}
    assert 'algorithms=["HS256"]' in fixes["AUDIT-DECODE-NO-ALGORITHMS"]
    assert 'os.environ["JWT_SECRET"]' in fixes["AUDIT-DECODE-NO-ALGORITHMS"]
    assert "except jwt.InvalidTokenError" in fixes["AUDIT-EXCEPT-SWALLOW"]
    assert '"Authorization"' in fixes["AUDIT-CORS-NO-AUTH-HEADER"]
    assert "user: CurrentUser" in fixes["AUDIT-ROUTE-UNPROTECTED"]  # what the other routes use
    assert "owner_id" in fixes["AUDIT-OWNERSHIP-MISSING"]


def test_noise_is_skipped_and_py2_is_a_parse_error(tmp_path):
    root = _with_noise(PROJECTS / "todo_api_buggy", tmp_path)
    seen: list[int] = []
    result = audit_project(root, progress=seen.append)
    expected = sorted([*TODO_BUGGY_FINDINGS, ("AUDIT-PARSE-ERROR", "scripts/migrate_v1.py", 7)])
    assert sorted(_triples(result)) == expected
    assert result.parse_errors == 1
    # 14 project files + the Python 2 script + the test file (read for leaked tokens only)
    assert result.files_scanned == 16
    assert result.files_skipped == 2  # binary, undecodable
    assert seen and seen[-1] == result.files_scanned
    assert seen == sorted(seen)


@pytest.fixture(scope="module")
def ba_buggy() -> AuditResult:
    return audit_project(DEMO_PROJECT / "backend")


def test_better_auth_buggy_findings(ba_buggy):
    assert _triples(ba_buggy) == BA_BUGGY_FINDINGS


def test_better_auth_fix_uses_jwks_audience_and_token_expression(ba_buggy):
    finding = next(f for f in ba_buggy.findings if f.code == "AUDIT-DECODE-NO-AUDIENCE")
    assert finding.fix == (
        'jwks = jwt.PyJWKClient("http://localhost:3000/api/auth/jwks")\n'
        "payload = jwt.decode(\n"
        "    creds.credentials,\n"
        "    jwks.get_signing_key_from_jwt(creds.credentials).key,\n"
        '    algorithms=["EdDSA"],\n'
        '    audience="http://localhost:3000",\n'
        '    issuer="http://localhost:3000",\n'
        ")"
    )
    jose = next(f for f in ba_buggy.findings if f.code == "AUDIT-JOSE-EDDSA")
    assert "PyJWT" in jose.fix and "python-jose cannot verify EdDSA" in jose.detail


def test_better_auth_buggy_routes(ba_buggy):
    table = [(r.method, r.path, r.status, r.dependency) for r in ba_buggy.routes]
    assert table == [
        ("POST", "/notes", P, "get_user_id"),
        ("GET", "/notes/{note_id}", P, "get_user_id"),
        ("PUT", "/notes/{note_id}", P, "get_user_id"),
        ("GET", "/session/me", P, "get_session_user"),
        ("GET", "/session/stats", U, ""),
    ]
    me = next(r for r in ba_buggy.routes if r.path == "/session/me")
    assert me.via.endswith("Better Auth /api/auth/get-session")


@pytest.mark.parametrize(
    ("project", "public", "routes"),
    [
        ("todo_api_clean", (), 15),
        ("ba_notes_clean", ("/version",), 6),
    ],
)
def test_clean_projects_have_no_finding(project, public, routes):
    result = audit_project(PROJECTS / project, public=public)
    assert result.findings == ()
    assert len(result.routes) == routes
    assert all(r.status is not U for r in result.routes)
    assert result.parse_errors == 0


def test_clean_route_table_explains_every_protection():
    result = audit_project(PROJECTS / "todo_api_clean")
    table = {(r.method, r.path): (r.status, r.dependency) for r in result.routes}
    assert table[("POST", "/api/v1/login/access-token")] == (
        PUB,
        "convention: login form (OAuth2PasswordRequestForm)",
    )
    assert table[("GET", "/api/v1/public/feed")] == (PUB, "GET /api/v1/public/*")
    assert table[("GET", "/api/v1/projects/stats")] == (P, "get_current_user")  # include deps
    assert table[("DELETE", "/api/v1/admin/users/{user_id}")] == (P, "RoleChecker")
    assert table[("POST", "/internal/jobs/{job_id}/retry")] == (P, "middleware")
    assert table[("GET", "/health")] == (PUB, "/health")
    todos = next(r for r in result.routes if r.path == "/api/v1/todos")
    assert todos.via == (
        "parameter user: CurrentUser → get_current_user → decode_token → jwt.decode"
    )


def test_without_the_public_option_the_route_is_reported():
    result = audit_project(PROJECTS / "ba_notes_clean")
    assert _triples(result) == [("AUDIT-ROUTE-UNPROTECTED", "backend/notes/main.py", 24)]
