"""The Python (FastAPI) half of an audit, statically.

:class:`PythonAudit` is fed one file at a time by :func:`jwtscope.audit.project.audit_project`:
each Python file is parsed with :mod:`ast` into a small summary
(:mod:`jwtscope.audit.python.extract`) and the tree is dropped; at the end it answers the
cross-module questions: the route table (:mod:`jwtscope.audit.python.routes`), the ``jwt.decode``
verdicts (:mod:`jwtscope.audit.python.decodes`) and CORS
(:mod:`jwtscope.audit.python.cors_config`). The user's code is never imported or executed.

Test code (``tests/``, ``test_*.py``, ``*_test.py``, ``conftest.py``, ``*.test.ts``: see
:func:`jwtscope.audit.walk.is_test`) is not fed to it: it legitimately decodes without
verification and hard-codes secrets (it is still searched for leaked tokens).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence

from jwtscope.audit.model import AuditFinding, Route
from jwtscope.audit.python.cors_config import judge_cors
from jwtscope.audit.python.decodes import judge_decodes
from jwtscope.audit.python.extract import extract_module
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.routes import build_routes
from jwtscope.audit.python.summary import ModuleSummary
from jwtscope.audit.walk import ProjectFile, read_source

__all__ = ["PythonAudit"]


def _read_pyproject(file: ProjectFile, facts: ProjectFacts) -> None:
    text = read_source(file.path, 500_000)
    try:
        data = tomllib.loads(text or "")
    except tomllib.TOMLDecodeError:
        return
    tool = data.get("tool", {})
    section = tool.get("jwtscope", {}) if isinstance(tool, dict) else {}
    public = section.get("public", []) if isinstance(section, dict) else []
    if isinstance(public, str):
        public = public.split(",")
    if isinstance(public, list):
        facts.public += [p.strip() for p in public if isinstance(p, str) and p.strip()]


def _read_jwks(file: ProjectFile, facts: ProjectFacts) -> None:
    try:
        doc = json.loads(read_source(file.path, 1_000_000) or "null")
    except ValueError:
        return
    keys = doc.get("keys") if isinstance(doc, dict) else None
    for key in keys if isinstance(keys, list) else []:
        if isinstance(key, dict) and (
            key.get("kty") == "OKP" or key.get("alg") == "EdDSA" or key.get("crv") == "Ed25519"
        ):
            facts.remember(facts.eddsa, f"an OKP/EdDSA key in {file.rel}")


class PythonAudit:
    """The Python half of an audit: fed file by file, judged at the end."""

    def __init__(self, facts: ProjectFacts) -> None:
        self.facts = facts
        self.modules: dict[str, ModuleSummary] = {}
        self.findings: list[AuditFinding] = []
        self.parse_errors = 0

    def add(self, rel: str, text: str) -> None:
        """Read one (non-test) Python file."""
        summary, found = extract_module(text, rel, self.facts)
        if any(f.code == "AUDIT-PARSE-ERROR" for f in found):
            self.parse_errors += 1
        self.findings += found
        if summary is not None:
            self.modules.setdefault(summary.name, summary)

    def config_file(self, file: ProjectFile) -> None:
        """A ``pyproject.toml`` or JWKS file: facts only."""
        {"pyproject": _read_pyproject, "jwks": _read_jwks}[file.kind](file, self.facts)

    def finish(self, public: Sequence[str]) -> tuple[Project, list[Route], list[AuditFinding]]:
        """The project, its route table, and the route, decode and CORS findings."""
        project = Project(self.modules, self.facts)
        routes, route_findings = build_routes(project, [*public, *self.facts.public])
        findings = [*self.findings, *route_findings]
        findings += judge_decodes(project)
        findings += judge_cors(project, routes)
        return project, routes, findings
