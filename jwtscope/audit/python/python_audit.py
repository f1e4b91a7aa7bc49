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
import re
import tomllib
from collections.abc import Sequence

from jwtscope.audit.model import AuditFinding, Route, RouteStatus, SkippedFile
from jwtscope.audit.python.ba_backend import BaBackend
from jwtscope.audit.python.cors_config import judge_cors
from jwtscope.audit.python.decodes import judge_decodes
from jwtscope.audit.python.extract import extract_module
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.import_table import module_name
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.routes import build_routes
from jwtscope.audit.python.summary import ModuleSummary
from jwtscope.audit.walk import ProjectFile, read_source_why

__all__ = ["PythonAudit"]


#: A route decorator, read as text in a file that did not parse (``@router.get("/x")``).
_ROUTE_TEXT = re.compile(
    r"""^\s*@\s*([\w.]+)\.(get|post|put|patch|delete|options|head)\("""
    r"""\s*(?:path\s*=\s*)?(?:[rfu]?["']([^"'\n]*)["'])?"""
)
#: ``router = APIRouter(prefix="/legacy", …)`` on one line, read as text.
_ROUTER_TEXT = re.compile(
    r"""^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:fastapi\.)?APIRouter\(.*?\bprefix\s*=\s*[rfu]?["']([^"'\n]*)["']"""
)
_PATH_TEXT = re.compile(r"""^\s*(?:path\s*=\s*)?[rfu]?["']([^"'\n]*)["']""")
_DEF_TEXT = re.compile(r"^\s*(?:async\s+)?def\s+(\w+)")


def _read_pyproject(file: ProjectFile, facts: ProjectFacts) -> str:
    """Apply ``[tool.jwtscope] public``; the reason it could not be read, or ``""``."""
    text, why = read_source_why(file.path, 500_000)
    if text is None:
        return f"{why}: its [tool.jwtscope] settings (public=…) are not applied"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return f"not valid TOML ({exc}): its [tool.jwtscope] settings (public=…) are not applied"
    tool = data.get("tool", {})
    section = tool.get("jwtscope", {}) if isinstance(tool, dict) else {}
    public = section.get("public", []) if isinstance(section, dict) else []
    if isinstance(public, str):
        public = public.split(",")
    if isinstance(public, list):
        facts.public += [p.strip() for p in public if isinstance(p, str) and p.strip()]
    return ""


def unparsed_routes(rel: str, text: str, reason: str) -> list[Route]:
    """Routes a file that did not parse seems to declare, read as text: all unknown."""
    out: list[Route] = []
    lines = text.splitlines()
    prefixes = {m.group(1): m.group(2) for m in map(_ROUTER_TEXT.match, lines) if m}
    for number, line in enumerate(lines, 1):
        m = _ROUTE_TEXT.match(line)
        if m is None:
            continue
        endpoint = next(
            (d.group(1) for d in map(_DEF_TEXT.match, lines[number : number + 12]) if d), "?"
        )
        path = m.group(3)
        if path is None and number < len(lines):
            following = _PATH_TEXT.match(lines[number])
            path = following.group(1) if following else None
        path = prefixes.get(m.group(1), "") + (path if path is not None else "{?}")
        why = f"{reason}; declared in it (the prefixes of its includes unknown)"
        out.append(
            Route(
                m.group(2).upper(),
                path,
                RouteStatus.UNKNOWN,
                rel,
                number,
                endpoint,
                mounted=False,
                reason=why,
            )
        )
        if len(out) >= 2_000:
            break
    return out


def _read_jwks(file: ProjectFile, facts: ProjectFacts) -> str:
    text, why = read_source_why(file.path, 1_000_000)
    if text is None:
        return why
    try:
        doc = json.loads(text)
    except ValueError:
        return "not valid JSON"
    keys = doc.get("keys") if isinstance(doc, dict) else None
    for key in keys if isinstance(keys, list) else []:
        if isinstance(key, dict) and (
            key.get("kty") == "OKP" or key.get("alg") == "EdDSA" or key.get("crv") == "Ed25519"
        ):
            facts.remember(facts.eddsa, f"an OKP/EdDSA key in {file.rel}")
    return ""


class PythonAudit:
    """The Python half of an audit: fed file by file, judged at the end."""

    def __init__(self, facts: ProjectFacts) -> None:
        self.facts = facts
        self.modules: dict[str, ModuleSummary] = {}
        self.findings: list[AuditFinding] = []
        self.parse_errors = 0
        self.unparsed: dict[str, str] = {}
        self.packages: set[str] = set()
        self.folders: set[str] = set()  # every package name on a module's path
        self.skipped: list[SkippedFile] = []
        self.lost_routes: list[Route] = []
        self.better_auth = BaBackend()

    def add(self, rel: str, text: str) -> None:
        """Read one (non-test) Python file."""
        summary, found = extract_module(text, rel, self.facts)
        name = module_name(rel)[0]
        self.packages.add(name.split(".")[0])
        self.folders.update(name.split(".")[:-1])
        error = next((f for f in found if f.code == "AUDIT-PARSE-ERROR"), None)
        if error is not None:
            self.parse_errors += 1
            why = error.detail.removeprefix("Not audited: ").split(". Routes")[0]
            why = re.sub(r" \(line \d+\)$", "", why)
            reason = f"could not parse {rel} line {error.line}: {why}"
            self.unparsed.setdefault(name, reason)
            self.skipped.append(SkippedFile(rel, reason))
            self.lost_routes += unparsed_routes(rel, text, reason)
        self.findings += found
        if error is None:
            self.better_auth.add(rel, text)
        if summary is not None:
            self.modules.setdefault(summary.name, _slim(summary))

    def unread(self, rel: str, why: str) -> None:
        """A Python file that could not be read: its names are unknown."""
        self.unparsed.setdefault(module_name(rel)[0], f"could not read {rel}: {why}")

    def config_file(self, file: ProjectFile) -> None:
        """A ``pyproject.toml`` or JWKS file: facts only (a file not read is listed)."""
        why = {"pyproject": _read_pyproject, "jwks": _read_jwks}[file.kind](file, self.facts)
        if why:
            self.skipped.append(SkippedFile(file.rel, why))

    def finish(self, public: Sequence[str]) -> tuple[Project, list[Route], list[AuditFinding]]:
        """The project, its route table, and the route, decode and CORS findings."""
        packages = frozenset(self.packages)
        project = Project(self.modules, self.facts, self.unparsed, packages)
        project.folders = frozenset(self.folders)
        routes, route_findings = build_routes(project, [*public, *self.facts.public])
        routes += self.lost_routes
        routes.sort(key=lambda r: (r.path, r.method, r.file, r.line))
        findings = [*self.findings, *route_findings]
        findings += judge_decodes(project)
        findings += judge_cors(project, routes)
        return project, routes, findings


def _slim(summary: ModuleSummary) -> ModuleSummary:
    """A module kept only for the names of its functions that check nothing (a utility
    module) keeps those names and nothing else: the memory an audit holds grows with
    the routes and dependencies, not with the utility code around them."""
    plain, summary.plain = summary.plain, set()
    if summary.worth_keeping():
        summary.plain = plain
        return summary
    return ModuleSummary(summary.name, summary.path, summary.is_package, plain=plain)
