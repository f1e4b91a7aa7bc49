"""The review report with a source audit: ``build_review(audit=…)`` and ``report --audit``.

Real audits of the sample projects for the content (exact codes and ``path:line``), a
Markdown snapshot of an audit-only review, hand-built audits for what the samples do not
have (a Better Auth issuer, 40+ routes, a code that does not exist yet), and the CLI.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from testdata import BA_IAT, DATA

from jwtscope.audit import AuditFinding, AuditResult, IssuerInfo, Route, RouteStatus, audit_project
from jwtscope.cli import main
from jwtscope.core.analysis import analyze
from jwtscope.core.findings import Severity
from jwtscope.demo import DEMO_PROJECT
from jwtscope.services.review_report import ReviewReport, build_review, review_markdown

PROJECTS = Path(__file__).resolve().parent / "projects"
#: The buggy Better Auth backend: the demo project's.
BA_NOTES = DEMO_PROJECT / "backend"
NOW = BA_IAT + 60
SCHEMA = json.loads((DATA / "review" / "review.schema.json").read_text())
SNAPSHOT = DATA / "review" / "audit_todo_api_buggy.md"

#: Every finding of todo_api_buggy as (code, location) — the same list as
#: test_audit_projects.TODO_BUGGY_FINDINGS, in the report's words.
TODO_ITEMS = [
    ("AUDIT-SUB-INT-CAST", "app/api/deps.py:19"),
    ("AUDIT-ROUTE-UNPROTECTED", "app/api/routes/reports.py:21"),
    ("AUDIT-TRAILING-SLASH", "app/api/routes/todos.py:14"),
    ("AUDIT-OWNERSHIP-MISSING", "app/api/routes/todos.py:29"),
    ("AUDIT-OWNERSHIP-MISSING", "app/api/routes/todos.py:48"),
    ("AUDIT-SECRET-DEFAULT", "app/config.py:7"),
    ("AUDIT-SECRET-LITERAL", "app/config.py:8"),
    ("AUDIT-SECRET-DEFAULT", "app/config.py:14"),
    ("AUDIT-ALG-MIXED", "app/core/security.py:19"),
    ("AUDIT-EXCEPT-SWALLOW", "app/core/security.py:20"),
    ("AUDIT-DECODE-NO-ALGORITHMS", "app/core/security.py:25"),
    ("AUDIT-SECRET-LITERAL", "app/core/security.py:25"),
    ("AUDIT-DECODE-NO-VERIFY", "app/core/security.py:29"),
    ("AUDIT-ALG-NONE-ALLOWED", "app/core/security.py:33"),
    ("AUDIT-DECODE-NO-EXP", "app/core/security.py:33"),
    ("AUDIT-CORS-NO-AUTH-HEADER", "app/main.py:11"),
    ("AUDIT-CORS-WILDCARD-CREDENTIALS", "app/main.py:11"),
    ("AUDIT-ROUTE-UNPROTECTED", "app/main.py:29"),
]
BA_ITEMS = [
    ("AUDIT-DECODE-NO-AUDIENCE", "api/auth.py:18"),
    ("AUDIT-SUB-INT-CAST", "api/auth.py:22"),
    ("AUDIT-DECODE-BA-SECRET", "api/auth.py:26"),
    ("AUDIT-JOSE-EDDSA", "api/legacy_auth.py:7"),
    ("AUDIT-CORS-NO-AUTH-HEADER", "api/main.py:9"),
    ("AUDIT-OWNERSHIP-MISSING", "api/routers/notes.py:27"),
    ("AUDIT-ROUTE-UNPROTECTED", "api/routers/sessions.py:15"),
]
#: Secret values written in the buggy projects' sources, and the ones the leak test adds
#: in .env files of a copy: none may ever reach a report.
SOURCE_SECRETS = (
    "dev-secret-change-me",
    "s3cr3t-legacy-key-2023",
    "supersecret",
    "legacy-signing-key",
    "postgresql://notes:notes@",
)
ENV_SECRETS = {
    ".env": "JWT_SECRET=env-file-secret-Vq9xR2mK7pL4\n",
    ".env.local": 'BETTER_AUTH_SECRET="local-ba-secret-Zt5wN8cJ3hY6"\nJWT_SECRET=changeme\n',
    "app/.env.production": "SECRET_KEY=prod-secret-Hd7sQ1vB9kE2xF4\n",
}
_HEADING = re.compile(r"^#### (\S+) — .+\n\n`([^`]+)`$", re.MULTILINE)


def _review(root: Path, **audit_options: object) -> tuple[ReviewReport, AuditResult]:
    audit = audit_project(root, now=NOW, **audit_options)  # type: ignore[arg-type]
    return build_review(date=NOW, system=root.name, audit=audit), audit


def _items(review: ReviewReport) -> list[tuple[str, str]]:
    return sorted((i["code"], i["location"]) for i in review.to_dict()["findings"]["source"])


@pytest.fixture(scope="module")
def todo() -> ReviewReport:
    return _review(PROJECTS / "todo_api_buggy")[0]


@pytest.fixture(scope="module")
def ba_notes() -> ReviewReport:
    return _review(BA_NOTES)[0]


# ------------------------------------------------------------------ real audits


@pytest.mark.parametrize(("name", "expected"), [("todo", TODO_ITEMS), ("ba_notes", BA_ITEMS)])
def test_every_audit_finding_is_an_item_in_json_and_markdown(name, expected, request):
    review: ReviewReport = request.getfixturevalue(name)
    assert _items(review) == sorted(expected)
    assert sorted(_HEADING.findall(review_markdown(review))) == sorted(expected)
    data = review.to_dict()
    assert all(i["source"] == "audit" for i in data["findings"]["source"])
    assert not any(data["findings"][g] for g in ("critical", "high", "medium", "low"))
    assert data["summary"]["counts"]["source"] == len(expected)


def test_audit_items_keep_severity_evidence_and_fix(todo):
    by_key = {(i.code, i.location): i for i in todo.items}
    no_verify = by_key[("AUDIT-DECODE-NO-VERIFY", "app/core/security.py:29")]
    assert (no_verify.group, no_verify.severity) == ("source", "critical")
    assert no_verify.evidence == 'return jwt.decode(token, options={"verify_signature": False})'
    assert "verify_signature" not in no_verify.fix and 'algorithms=["HS256"]' in no_verify.fix
    assert by_key[("AUDIT-ROUTE-UNPROTECTED", "app/main.py:29")].severity == "medium"
    assert by_key[("AUDIT-ROUTE-UNPROTECTED", "app/api/routes/reports.py:21")].severity == "high"
    assert todo.severity_counts() == {"critical": 3, "high": 11, "medium": 4, "low": 0}
    # worst first inside the source group
    ranks = ["critical", "high", "medium", "low"]
    levels = [ranks.index(i.level) for i in todo.items]
    assert levels == sorted(levels)


def test_scope_system_summary_and_sign_off(todo):
    data = todo.to_dict()
    assert data["scope"] == ["source audit of todo_api_buggy"]
    assert data["summary"]["severity"]["critical"] == 3
    assert data["audit"]["root"] == "todo_api_buggy"
    assert data["audit"]["counts"]["routes"] == {"protected": 9, "public": 1, "unprotected": 2}
    checklist = {c["item"]: c["done"] for c in data["checklist"]}
    assert checklist["All critical issues resolved"] is False
    assert checklist["Every route protected or declared public (source audit)"] is False
    assert checklist["No critical or high finding in the source audit"] is False
    md = review_markdown(todo)
    assert "3 critical and 11 high issues need fixing." in md
    assert "Source audit of `todo_api_buggy`: 12 routes (2 unprotected), 18 findings" in md


def test_route_table_and_findings_in_markdown(todo):
    md = review_markdown(todo)
    section = md.split("## Audit of the source", 1)[1]
    assert (
        "| unprotected | POST | `/api/v1/reports/export` | `app/api/routes/reports.py:21` | — |"
        in section
    )
    assert "| protected | GET | `/api/v1/admin/users` | `app/api/routes/admin.py:13` | " in section
    assert "| public | GET | `/health` | `app/main.py:24` |" in section
    assert section.count("\n| protected |") == 9
    # the finding: code, title, path:line, the line in a code block, detail, fix
    block = section.split("#### AUDIT-DECODE-NO-VERIFY — ", 1)[1].split("\n#### ", 1)[0]
    assert block.startswith("Signature verification turned off (critical)\n\n")
    assert "`app/core/security.py:29`\n\n```python\nreturn jwt.decode(token, options=" in block
    assert "skips the signature check" in block
    assert '**Fix:**\n\n```python\npayload = jwt.decode(\n    token,\n    os.environ["JWT' in block


def test_recommendations_come_from_the_audit(todo):
    recs = todo.recommendations
    assert recs[0] == (
        "Protect 2 unprotected routes (POST /api/v1/reports/export, GET /debug/config): add "
        "the auth dependency, or declare the ones meant to be public with --public or "
        "[tool.jwtscope] public = [...]."
    )
    assert recs[1].startswith(
        "Fix ownership checks in 2 places (app/api/routes/todos.py:29, app/api/routes/todos.py:48)"
    )
    assert (
        "Hard-coded secret (AUDIT-SECRET-LITERAL): fix app/config.py:8, app/core/security.py:25."
        in recs
    )
    # medium-only codes are not recommendations; no fix's code line is one either
    assert not any("AUDIT-TRAILING-SLASH" in r or r.startswith("payload =") for r in recs)


def test_public_patterns_change_the_route_table():
    review, _ = _review(PROJECTS / "todo_api_buggy", public=["/debug/config"])
    assert review.audit is not None
    assert review.audit["counts"]["routes"] == {"protected": 9, "public": 2, "unprotected": 1}
    assert review.recommendations[0].startswith(
        "Protect 1 unprotected route (POST /api/v1/reports/export)"
    )
    assert ("AUDIT-ROUTE-UNPROTECTED", "app/main.py:29") not in _items(review)


def test_json_with_an_audit_follows_the_schema(todo, ba_notes):
    for review in (todo, ba_notes):
        data = json.loads(json.dumps(review.to_dict()))
        jsonschema.validate(data, SCHEMA)
        assert data["audit"]["routes"][0].keys() >= {"method", "path", "status", "file", "line"}
    data = todo.to_dict()
    data["audit"]["root"] = str(PROJECTS / "todo_api_buggy")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)  # the schema itself refuses a full path
    assert todo.to_dict()["audit"]["root"] == "todo_api_buggy"  # to_dict gave a copy


def test_a_review_without_audit_has_no_audit_part(betterauth_token):
    review = build_review(date=NOW, system="token", report=analyze(betterauth_token, now=NOW))
    data = review.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert data["audit"] is None and data["findings"]["source"] == []
    md = review_markdown(review)
    assert "Audit of the source" not in md and "### Source" not in md
    assert "### Critical (" in md


def test_audit_only_markdown_matches_the_snapshot(todo):
    text = review_markdown(todo)
    if not SNAPSHOT.exists():  # first run writes the snapshot; review it before committing
        SNAPSHOT.write_text(text)
    assert text == SNAPSHOT.read_text(), (
        "update tests/data/review/audit_todo_api_buggy.md (delete it and rerun) if the change "
        "is intended"
    )
    assert str(PROJECTS) not in text and str(Path.home()) not in text
    assert "### Critical (" not in text  # audit-only: just the source group
    assert "### Source (18)" in text


def test_full_stack_review_states_the_issuer_and_hides_every_planted_secret(ba_fullstack_buggy):
    review = build_review(
        date=NOW,
        system="ba_fullstack_buggy",
        audit=audit_project(ba_fullstack_buggy, now=NOW, git=False),
    )
    md, data = review_markdown(review), review.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert data["audit"]["issuer"]["jwks_url"] == "http://localhost:3000/api/auth/jwks"
    assert "- **JWKS URL:** http://localhost:3000/api/auth/jwks" in md
    assert "- **Algorithm:** EdDSA" in md and "- **JWT plugin:** present" in md
    assert "- **Audience (`aud`):** http://localhost:3000" in md
    # findings from the frontend and .env files come through like any other code
    assert ("AUDIT-SECRET-DEFAULT", "web/lib/auth.ts:9") in _items(review)
    assert ("CAUSE-ALG-MISMATCH", "api/auth.py:16") in _items(review)
    planted = [
        (DATA / "betterauth" / "eddsa" / "alice.jwt").read_text().strip().split(".")[2],
        "FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67sie",  # the session cookie in web/logs/dev.log
        "better-auth-secret-123456789",  # web/.env.local
        "Jf8s0dK2mQ7vX4pL9wR1tZ6yB3nH5cA8eG0uI2oP4sE=",  # api/.env
        "MC4CAQAwBQYDK2VwBCIEIO7nqV0Mz4pY2rT8wK3jL6sD1fH9gB5xN0cR7vU2aQ8e",  # api/config.yaml
        "dev-only-secret-change-me-later",  # web/lib/auth.ts
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",  # web/tests/fixtures/token.json
    ]
    shown = md + json.dumps(data)
    for value in planted:
        assert value not in shown


# ------------------------------------------------------------------ hand-built audits

ISSUER = IssuerInfo(
    file="web/lib/auth.ts",
    line=7,
    jwt_plugin=True,
    algorithm="EdDSA",
    base_url="http://localhost:3000",
    jwks_url="http://localhost:3000/api/auth/jwks",
    audience="http://localhost:3000",
    issuer="http://localhost:3000",
    evidence=("baseURL from BETTER_AUTH_URL in web/.env.local",),
)


def _route(n: int, status: RouteStatus = RouteStatus.PROTECTED) -> Route:
    return Route("GET", f"/items/{n}", status, "api/items.py", 10 + n, f"item_{n}", "CurrentUser")


def _audit(**fields: object) -> AuditResult:
    base: dict[str, object] = {
        "root": "/home/someone/work/shop-web",
        "files_scanned": 3,
        "kinds": (("python", 2), ("script", 1)),
    }
    return AuditResult(**{**base, **fields})  # type: ignore[arg-type]


def test_issuer_facts_are_stated():
    review = build_review(date=NOW, system="shop", audit=_audit(issuer=ISSUER))
    md = review_markdown(review)
    assert "### Better Auth issuer (`web/lib/auth.ts:7`)" in md
    assert "- **JWT plugin:** present" in md
    assert "- **Algorithm:** EdDSA" in md
    assert "- **JWKS URL:** http://localhost:3000/api/auth/jwks" in md
    assert "- **Audience (`aud`):** http://localhost:3000" in md
    assert "Folder `shop-web`: 3 files read (2 python, 1 script)" in md
    assert review.to_dict()["audit"]["issuer"]["jwks_url"] == "http://localhost:3000/api/auth/jwks"
    jsonschema.validate(review.to_dict(), SCHEMA)
    assert "/home/someone" not in md + json.dumps(review.to_dict())
    no_plugin = IssuerInfo(file="web/lib/auth.ts", line=7, jwt_plugin=False)
    md = review_markdown(build_review(date=NOW, system="shop", audit=_audit(issuer=no_plugin)))
    assert "- **JWT plugin:** absent" in md and "- **JWKS URL:** not found in the source" in md


def test_a_large_route_table_lists_only_unprotected_routes():
    unprotected = (_route(98, RouteStatus.UNPROTECTED), _route(99, RouteStatus.UNPROTECTED))
    routes = (*(_route(n) for n in range(43)), *unprotected)
    review = build_review(date=NOW, system="shop", audit=_audit(routes=routes))
    md = review_markdown(review)
    rows = [line for line in md.splitlines() if line.startswith("| ") and "status" not in line]
    assert rows == [
        "| unprotected | GET | `/items/98` | `api/items.py:108` | CurrentUser |",
        "| unprotected | GET | `/items/99` | `api/items.py:109` | CurrentUser |",
    ]
    assert "43 other routes (43 protected) not listed" in md
    assert len(review.to_dict()["audit"]["routes"]) == 45  # JSON keeps every route
    small = build_review(date=NOW, system="shop", audit=_audit(routes=routes[:40]))
    assert review_markdown(small).count("\n| protected |") == 40


def test_any_code_is_reported_even_one_that_does_not_exist_yet():
    finding = AuditFinding(
        code="AUDIT-FUTURE-CHECK",
        severity=Severity.CRITICAL,
        title="Something new",
        detail="A check added later.",
        fix="Do the right thing.",
        path="web/app/page.tsx",
        line=3,
        source_line="const t = `Bearer ${token}` // ```",
    )
    info = AuditFinding("AUDIT-NOTE", Severity.INFO, "A note", "Noted.", "Nothing.", "x.py", 1, "x")
    review = build_review(date=NOW, system="shop", audit=_audit(findings=(finding, info)))
    md = review_markdown(review)
    assert "#### AUDIT-FUTURE-CHECK — Something new (critical)" in md
    assert "````tsx\nconst t = `Bearer ${token}` // ```\n````" in md  # fence not closed early
    assert "Something new (AUDIT-FUTURE-CHECK): fix web/app/page.tsx:3." in review.recommendations
    assert review.severity_counts() == {"critical": 1, "high": 0, "medium": 0, "low": 1}
    assert [(i.code, i.level) for i in review.items] == [
        ("AUDIT-FUTURE-CHECK", "critical"),
        ("AUDIT-NOTE", "low"),
    ]
    jsonschema.validate(review.to_dict(), SCHEMA)


def test_core_review_does_not_import_the_audit_package():
    code = "import sys, jwtscope.services.review_report\nprint('jwtscope.audit' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------ CLI


@pytest.fixture(autouse=True)
def _no_local_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_report_audit_alone_writes_an_audit_only_review(capsys):
    code = main(["report", "--audit", str(PROJECTS / "todo_api_buggy")])
    out = capsys.readouterr().out
    assert code == 1  # critical/high findings in the source
    assert out.startswith("# JWT authentication review — todo_api_buggy\n")
    assert "- **Scope:** source audit of todo_api_buggy" in out
    assert "#### AUDIT-DECODE-NO-VERIFY — " in out and "`app/core/security.py:29`" in out
    assert str(PROJECTS) not in out


def test_report_audit_json_to_a_file(capsys, tmp_path):
    target = tmp_path / "review.json"
    code = main(
        [
            "report",
            "--audit",
            str(BA_NOTES),
            "--public",
            "/session/stats",
            "--json",
            "--out",
            str(target),
        ]
    )
    data = json.loads(target.read_text())
    assert code == 1
    jsonschema.validate(data, SCHEMA)
    assert data["system"]["target"] == "backend"
    assert data["audit"]["counts"]["routes"]["unprotected"] == 0
    assert ("AUDIT-ROUTE-UNPROTECTED", "api/routers/sessions.py:15") not in {
        (i["code"], i["location"]) for i in data["findings"]["source"]
    }
    assert "review written to" in capsys.readouterr().err


def test_report_of_a_clean_project_exits_0(capsys):
    assert main(["report", "--audit", str(PROJECTS / "todo_api_clean")]) == 0
    out = capsys.readouterr().out
    assert "No critical or high issue was found." in out
    assert "- [x] Every route protected or declared public (source audit)" in out


def test_report_with_token_and_audit_covers_both(capsys, betterauth_token):
    main(
        [
            "report",
            "--token",
            betterauth_token,
            "--audit",
            str(BA_NOTES),
            "--no-dotenv",
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert data["scope"] == ["token analysis (inspect)", "source audit of backend"]
    assert data["token"]["header"]["alg"] == "EdDSA"
    assert ("AUDIT-JOSE-EDDSA", "api/legacy_auth.py:7") in {
        (i["code"], i["location"]) for i in data["findings"]["source"]
    }
    assert betterauth_token.split(".")[2] not in json.dumps(data)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report"], "nothing to review — fix: pass --token T, a URL (or --curl), --audit PATH"),
        (["report", "--public", "/health"], "--public goes with --audit — fix: add --audit PATH"),
        (["report", "--audit", "no-such-folder"], "no-such-folder is not a folder — fix: "),
        (["report", "--audit", ".", "--probe"], "--probe needs the endpoint — fix: "),
    ],
)
def test_report_usage_errors_are_one_line_with_a_fix(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_secrets_of_the_project_never_reach_the_report(capsys, tmp_path):
    for project in (PROJECTS / "todo_api_buggy", BA_NOTES):
        root = tmp_path / project.name
        shutil.copytree(project, root)
        for name, text in ENV_SECRETS.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        outputs = []
        for fmt in ([], ["--json"]):
            main(["report", "--audit", str(root), *fmt])
            outputs.append(capsys.readouterr().out)
        text = "\n".join(outputs)
        assert "#### AUDIT-" in text  # the report does show findings
        secrets = [*SOURCE_SECRETS, "changeme"]
        secrets += [
            line.split("=", 1)[1].strip('"\n')
            for t in ENV_SECRETS.values()
            for line in t.splitlines()
        ]
        for secret in secrets:
            assert secret not in text, f"{project.name}: a secret from the project is in the report"
        assert str(tmp_path) not in text
