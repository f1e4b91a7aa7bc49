"""`jwtscope audit` end to end on the sample projects (text, JSON, Markdown, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

from jwtscope.cli import main
from jwtscope.demo import DEMO_PROJECT

PROJECTS = Path(__file__).resolve().parent / "projects"


def test_buggy_project_exits_1_and_lists_routes_and_findings(capsys):
    code = main(["audit", str(PROJECTS / "todo_api_buggy")])
    out = capsys.readouterr().out
    assert code == 1
    assert "unprotected  POST    /api/v1/reports/export" in out
    assert "AUDIT-DECODE-NO-VERIFY  app/core/security.py:29" in out


def test_clean_project_exits_0(capsys):
    assert main(["audit", str(PROJECTS / "todo_api_clean")]) == 0
    assert "Findings (0)" in capsys.readouterr().out


def test_json_and_markdown(capsys):
    main(["audit", str(PROJECTS / "todo_api_buggy"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["exit_code"] == 1 and data["files_scanned"] > 0
    assert {"method", "path", "status", "file", "line"} <= set(data["routes"][0])
    main(["audit", str(PROJECTS / "todo_api_buggy"), "--format", "md"])
    md = capsys.readouterr().out
    assert md.startswith("# jwtscope audit") and "## Routes" in md


def test_a_missing_path_is_exit_2(capsys, tmp_path):
    assert main(["audit", str(tmp_path / "missing")]) == 2
    assert "missing does not exist — fix: pass the project folder" in capsys.readouterr().err


def test_one_file_can_be_audited(capsys):
    path = DEMO_PROJECT / "web" / "lib" / "api.ts"
    assert main(["audit", str(path), "--no-git"]) == 1
    out = capsys.readouterr().out
    assert "1 file read (1 TS/JS)" in out and "AUDIT-TOKEN-WEBSTORAGE  api.ts:8" in out


def test_full_stack_json_names_the_issuer_and_file_kinds(capsys, ba_fullstack_buggy):
    code = main(["audit", str(ba_fullstack_buggy), "--json", "--no-git"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 == data["exit_code"]
    assert data["issuer"]["jwks_url"] == "http://localhost:3000/api/auth/jwks"
    assert data["issuer"]["algorithm"] == "EdDSA" and data["issuer"]["jwt_plugin"] is True
    assert data["files_by_kind"] == {"data": 3, "env": 2, "log": 1, "python": 5, "script": 4}
    codes = {f["code"] for f in data["findings"]}
    assert {"CAUSE-ALG-MISMATCH", "AUDIT-BEARER-UNGUARDED", "AUDIT-LEAKED-JWT"} <= codes
    assert "AUDIT-ENV-TRACKED" not in codes  # --no-git


def test_full_stack_markdown_fences_typescript(capsys, ba_fullstack_buggy):
    main(["audit", str(ba_fullstack_buggy), "--format", "md", "--no-git"])
    md = capsys.readouterr().out
    assert '```ts\nlocalStorage.setItem("jwt", data?.token ?? "");\n```' in md
    assert "The backend must verify with: JWKS http://localhost:3000/api/auth/jwks" in md
