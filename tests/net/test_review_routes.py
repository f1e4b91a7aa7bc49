"""The route probe in the review report: the matrix, each route's tests with why, the
cross-check with the source audit, in Markdown and JSON (``report --all-routes``)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from servers.replay_clock import serve_backend
from servers.route_backends import CROSS_PROJECT, cross_api, item_hole

SECRET_TEXT = "route-probe-secret-0123456789abcdef01234"


def _report(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, app: Any, *argv: str) -> int:
    from jwtscope.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET_TEXT}\n")
    project = tmp_path / "todo_api"
    project.mkdir(exist_ok=True)
    for name, text in CROSS_PROJECT.items():
        (project / name).write_text(text)
    with serve_backend(app) as base:
        return main(["report", base, *argv])


def test_markdown_report_has_the_matrix_and_each_routes_tests_with_why(
    monkeypatch, tmp_path, capsys
):
    app = item_hole(SECRET_TEXT, time.time)
    code = _report(monkeypatch, tmp_path, app, "--all-routes")
    text = capsys.readouterr().out
    assert code == 1
    assert "## Route matrix" in text and "| route | 2 | 3 | 4 | 5 | 6 | 7 |" in text
    assert re.search(r"^\| `GET /todos/\{todo_id\}` \| \*\*FAIL\*\* \|", text, re.M), text
    assert re.search(r"^\| `GET /health` \| public \|", text, re.M)
    assert "#### `GET /todos/{todo_id}`" in text
    # every SKIP says why, in the route's own test table
    assert re.search(r"^- ⏭ SKIP — 2\. .*— why: a write: run with --allow-writes", text, re.M)
    assert "GET /todos/{todo_id} answers without valid credentials" in text  # a finding
    assert "Routes: 5 probed, 1 answer without valid credentials (GET /todos/{todo_id})" in text


def test_json_report_with_the_audit_has_the_cross_check_as_findings(monkeypatch, tmp_path, capsys):
    app = cross_api(SECRET_TEXT, time.time)
    code = _report(monkeypatch, tmp_path, app, "--all-routes", "--audit", "todo_api", "--json")
    data = json.loads(capsys.readouterr().out)
    schema = Path(__file__).parents[1] / "data" / "review" / "review.schema.json"
    jsonschema.validate(data, json.loads(schema.read_text()))
    assert code == 1
    routes = data["routes"]
    assert set(routes["holes"]) == {"GET /todos", "GET /reports"}
    rows = {r["route"]: r for r in routes["rows"]}
    assert rows["GET /todos"]["cells"][0] == "FAIL"
    assert "GET /admin/export" in rows  # only the audit knows it
    assert all(
        t["explanation"] for r in routes["rows"] for t in r["tests"] if t["status"] != "PASS"
    )
    codes = {f["code"]: g for g, items in data["findings"].items() for f in items}
    assert codes["PROBE-AUDIT-MISSED"] == "high"
    assert codes["PROBE-AUDIT-REFUSED"] == "medium"
    assert codes["PROBE-AUDIT-RESOLVED"] == "low"
    assert data["audit"] is not None and data["audit"]["root"] == "todo_api"
    assert SECRET_TEXT not in json.dumps(data)


def test_markdown_report_with_the_audit_lists_the_contradictions(monkeypatch, tmp_path, capsys):
    app = cross_api(SECRET_TEXT, time.time)
    _report(monkeypatch, tmp_path, app, "--project", "todo_api")
    text = capsys.readouterr().out
    assert "### Static + dynamic" in text
    assert re.search(r"^\| `PROBE-AUDIT-MISSED` \| error \| `GET /todos` \|", text, re.M), text
    assert "## Audit of the source" in text or "Source audit" in text
