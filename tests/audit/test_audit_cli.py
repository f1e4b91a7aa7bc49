"""`jwtscope audit` end to end on the sample projects (text, JSON, Markdown, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

from jwtscope.cli import main

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


def test_not_a_folder_is_exit_2(capsys, tmp_path):
    assert main(["audit", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
