"""A Next.js + Better Auth frontend with a FastAPI backend: every planted mistake found at its
exact line, the issuer worked out, and the corrected project with no finding at all."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from testdata import BA_IAT, BETTERAUTH_EDDSA

from jwtscope.audit import RouteStatus, audit_project
from jwtscope.audit.audit_text import audit_to_markdown, audit_to_text
from jwtscope.core.findings import Severity
from jwtscope.demo import DEMO_PROJECT

PROJECTS = Path(__file__).parent / "projects"
CLEAN = PROJECTS / "ba_fullstack_clean"
NOW = BA_IAT + 3600  # an hour after the leaked token was issued: it has expired (15 min)

BUGGY_FINDINGS = {
    ("AUDIT-JWKS-URL-MISMATCH", "api/auth.py", 10),
    ("CAUSE-ALG-MISMATCH", "api/auth.py", 16),
    ("CAUSE-AUDIENCE", "api/auth.py", 23),
    ("AUDIT-LEAKED-SECRET", "api/config.yaml", 3),
    ("SECRET-COMMON", "web/.env.local", 2),
    ("SECRET-MISMATCH", "web/.env.local", 2),
    ("AUDIT-BEARER-UNGUARDED", "web/app/notes/page.tsx", 12),
    ("AUDIT-TOKEN-WEBSTORAGE", "web/lib/api.ts", 8),
    ("AUDIT-BEARER-UNGUARDED", "web/lib/api.ts", 15),
    ("AUDIT-FETCH-NO-AUTH", "web/lib/api.ts", 20),
    ("AUDIT-SECRET-DEFAULT", "web/lib/auth.ts", 9),
    ("AUDIT-LEAKED-JWT", "web/logs/dev.log", 2),
    ("AUDIT-LEAKED-SESSION", "web/logs/dev.log", 4),
    ("AUDIT-LEAKED-JWT", "web/tests/fixtures/token.json", 3),
}
#: Values planted in the buggy project that must never be shown.
PLANTED = (
    (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip(),
    "FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67sie",  # the session cookie's token part
    "better-auth-secret-123456789",
    "Jf8s0dK2mQ7vX4pL9wR1tZ6yB3nH5cA8eG0uI2oP4sE=",
    "MC4CAQAwBQYDK2VwBCIEIO7nqV0Mz4pY2rT8wK3jL6sD1fH9gB5xN0cR7vU2aQ8e",
    "dev-only-secret-change-me-later",
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
)


@pytest.fixture(scope="module")
def buggy(ba_fullstack_buggy):
    """The audit of the buggy project (its ``web/`` is the demo's: see conftest.py)."""
    return audit_project(ba_fullstack_buggy, now=NOW, git=False)


def test_every_planted_mistake_is_found_at_its_line(buggy):
    assert {(f.code, f.path, f.line) for f in buggy.findings} == BUGGY_FINDINGS
    assert len(buggy.findings) == len(BUGGY_FINDINGS)


def test_the_corrected_project_has_no_finding():
    result = audit_project(CLEAN, now=NOW, git=False)
    assert [f.location + " " + f.code for f in result.findings] == []
    assert [(r.method, r.path, r.status) for r in result.routes] == [
        ("GET", "/health", RouteStatus.PUBLIC),
        ("GET", "/notes", RouteStatus.PROTECTED),
    ]
    issuer = result.issuer
    assert issuer is not None and issuer.jwt_plugin and issuer.algorithm == "ES256"
    assert issuer.location == "web/lib/auth.ts:6"


def test_issuer_is_worked_out_from_config_and_env(buggy):
    issuer = buggy.issuer
    assert issuer is not None
    assert (issuer.jwt_plugin, issuer.algorithm) == (True, "EdDSA")
    assert issuer.base_url == "http://localhost:3000"
    assert issuer.jwks_url == "http://localhost:3000/api/auth/jwks"
    assert issuer.audience == issuer.issuer == "http://localhost:3000"
    assert "baseURL from BETTER_AUTH_URL in web/.env.local" in issuer.evidence


def test_source_lines_are_the_files_lines_redacted(buggy, ba_fullstack_buggy):
    for f in buggy.findings:
        line = (ba_fullstack_buggy / f.path).read_text().splitlines()[f.line - 1].strip()
        assert f.source_line == line or "<redacted" in f.source_line, f


def test_nothing_secret_is_ever_shown(buggy):
    shown = json.dumps(buggy.to_dict()) + audit_to_text(buggy, "x") + audit_to_markdown(buggy, "x")
    for value in PLANTED:
        assert value not in shown


def test_alg_mismatch_replaces_the_backend_only_finding_and_fixes_the_call(buggy):
    by_key = {(f.code, f.line): f for f in buggy.findings if f.path == "api/auth.py"}
    assert ("AUDIT-DECODE-BA-SECRET", 16) not in by_key
    fix = by_key[("CAUSE-ALG-MISMATCH", 16)].fix
    assert 'jwt.PyJWKClient("http://localhost:3000/api/auth/jwks")' in fix
    assert 'algorithms=["EdDSA"]' in fix and 'audience="http://localhost:3000"' in fix
    assert "creds.credentials" in fix
    assert "'http://localhost:8000'" in by_key[("CAUSE-AUDIENCE", 23)].detail


def test_leaked_tokens_carry_their_claims_and_severity(buggy):
    leaks = {f.path: f for f in buggy.findings if f.code == "AUDIT-LEAKED-JWT"}
    log = leaks["web/logs/dev.log"]
    assert "sub 'KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy'" in log.detail
    assert "(expired)" in log.detail and "Seen 2 times" in log.detail
    assert log.severity is Severity.WARNING
    sample = leaks["web/tests/fixtures/token.json"]
    assert sample.severity is Severity.INFO and "sample token" in sample.detail


def test_a_leaked_token_that_still_works_is_an_error():
    result = audit_project(DEMO_PROJECT / "web" / "logs", now=BA_IAT + 60, git=False)
    (leak,) = [f for f in result.findings if f.code == "AUDIT-LEAKED-JWT"]
    assert leak.severity is Severity.ERROR and "(still valid)" in leak.detail


def test_fetch_finding_names_the_protected_route(buggy):
    (fetch,) = [f for f in buggy.findings if f.code == "AUDIT-FETCH-NO-AUTH"]
    assert "GET /notes (api/routers/notes.py:14)" in fetch.detail


def test_text_report_tells_the_backend_what_to_verify_with(buggy):
    text = audit_to_text(buggy, "project")
    assert (
        "The backend must verify with: JWKS http://localhost:3000/api/auth/jwks, "
        "algorithms=['EdDSA'], audience='http://localhost:3000'" in text
    )
    assert "15 files read (3 data/fixture, 2 .env, 1 log, 5 Python, 4 TS/JS)" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_env_files_tracked_by_git(tmp_path, ba_fullstack_buggy):
    root = tmp_path / "repo"
    shutil.copytree(ba_fullstack_buggy, root)
    (root / "web" / ".env.example").write_text("BETTER_AUTH_SECRET=\n")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-f", "web/.env.local", "web/.env.example", "api/main.py")
    result = audit_project(root, now=NOW)
    tracked = [f for f in result.findings if f.code == "AUDIT-ENV-TRACKED"]
    assert [(f.location, f.severity) for f in tracked] == [("web/.env.local:2", Severity.ERROR)]
    assert "git rm --cached web/.env.local" in tracked[0].fix
    assert "<redacted" in tracked[0].source_line


def test_no_git_repository_means_no_tracked_finding(tmp_path, ba_fullstack_buggy):
    root = tmp_path / "plain"
    shutil.copytree(ba_fullstack_buggy, root)
    result = audit_project(root, now=NOW)
    assert not [f for f in result.findings if f.code == "AUDIT-ENV-TRACKED"]


def test_a_secret_mismatch_needs_a_backend_that_verifies_with_it(tmp_path):
    root = tmp_path / "two"
    for folder, value in (
        ("web", "Zq3v9LmT0pX8wR2nB7kD4sF6hJ1gC5yA"),
        ("api", "Pp0oIi9uUy8tTr7eEw6qQa5sSd4fFg3h"),
    ):
        (root / folder).mkdir(parents=True)
        (root / folder / ".env").write_text(f"JWT_SECRET={value}\n")
    (root / "api" / "tokens.py").write_text("import os\nimport jwt\n")
    assert [f.code for f in audit_project(root, git=False).findings] == []
    (root / "api" / "tokens.py").write_text(
        "import os\nimport jwt\n"
        "def check(t):\n"
        "    return jwt.decode(t, os.environ['JWT_SECRET'], algorithms=['HS256'])\n"
    )
    found = [(f.code, f.location) for f in audit_project(root, git=False).findings]
    assert found == [("SECRET-MISMATCH", "web/.env:1")]
