"""The audit code registry, the result model, and the audit's import hygiene."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jwtscope.audit import AUDIT_CODES, AuditFinding, AuditResult, Route, RouteStatus
from jwtscope.audit.codes import make
from jwtscope.core.catalog import CODES
from jwtscope.core.findings import Finding, Severity

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "jwtscope" / "audit"


def test_codes_are_distinct_from_token_codes_and_fully_described():
    assert not set(AUDIT_CODES) & set(CODES)
    for code, info in AUDIT_CODES.items():
        assert code == info.code and code.startswith("AUDIT-")
        assert info.title and len(info.explain) > 40 and info.family.startswith("audit.")


def test_every_code_emitted_by_the_source_is_registered_and_every_registered_one_used():
    emitted: set[str] = set()
    for path in AUDIT.rglob("*.py"):
        if path.name in ("codes.py", "codes_betterauth.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and text.startswith("AUDIT-") and text.isupper():
                emitted.add(text)
    assert emitted == set(AUDIT_CODES)


def test_make_rejects_unknown_codes_and_strips_the_source_line():
    with pytest.raises(KeyError):
        make("AUDIT-NOPE", path="a.py", line=1, source_line="", detail="")
    finding = make("AUDIT-PARSE-ERROR", path="a.py", line=3, source_line="  x(\n", detail="d")
    assert finding.source_line == "x(" and finding.severity is Severity.INFO
    assert finding.location == "a.py:3"


def test_models_serialise_to_json():
    finding = AuditFinding(
        "AUDIT-SUB-INT-CAST", Severity.WARNING, "t", "d", "f", "app/deps.py", 9, "int(x)"
    )
    route = Route("GET", "/a", RouteStatus.PUBLIC, "app/main.py", 3, "a", "/a")
    result = AuditResult((finding,), (route,), files_scanned=2, parse_errors=0)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["findings"][0]["path"] == "app/deps.py"
    assert data["routes"][0]["status"] == "public"
    assert not result.fails
    core = finding.to_finding()
    assert isinstance(core, Finding)
    assert dict(core.evidence) == {"location": "app/deps.py:9", "source": "int(x)"}


def test_audit_loads_no_ui_or_network_library():
    code = (
        "import sys\nfrom pathlib import Path\nfrom jwtscope.audit import audit_project\n"
        f"audit_project(Path({str(ROOT / 'tests' / 'audit' / 'projects')!r}))\n"
        "print(' '.join(m for m in ('textual', 'httpx', 'rich') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split() == []


def test_audit_modules_stay_small():
    for path in AUDIT.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 450, path.name
