"""Audit a Python (FastAPI) project's source for JWT mistakes, statically.

:func:`audit_python` streams the project's files (:mod:`jwtscope.audit.walk`), parses
each Python file with :mod:`ast` into a small summary (:mod:`jwtscope.audit.extract`),
drops the tree, and at the end answers the cross-module questions: the route table
(:mod:`jwtscope.audit.routes`), the ``jwt.decode`` verdicts
(:mod:`jwtscope.audit.decodes`) and CORS (:mod:`jwtscope.audit.config`). The user's
code is never imported or executed.

Test code (``tests/``, ``test_*.py``, ``*_test.py``, ``conftest.py``) is not audited: it
legitimately decodes without verification and hard-codes secrets.
"""

from __future__ import annotations

import io
import json
import tokenize
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from jwtscope.audit.config import judge_cors
from jwtscope.audit.decodes import judge_decodes
from jwtscope.audit.extract import extract_module
from jwtscope.audit.facts import ProjectFacts
from jwtscope.audit.model import AuditFinding, AuditResult
from jwtscope.audit.resolve import Project
from jwtscope.audit.routes import build_routes
from jwtscope.audit.summary import ModuleSummary
from jwtscope.audit.walk import ProjectFile, iter_project_files

__all__ = ["MAX_FILE_BYTES", "audit_python", "read_source"]

#: Larger Python files are generated code, not hand-written auth: skipped.
MAX_FILE_BYTES = 2_000_000
_PROGRESS_EVERY = 25
_TEST_DIRS = frozenset({"tests", "test", "testing"})


def _is_test(rel: str) -> bool:
    *dirs, name = rel.split("/")
    return (
        any(d in _TEST_DIRS for d in dirs)
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
    )


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """The text of a source file; None when binary, undecodable, too large or unreadable."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        return None
    if len(data) > limit or b"\0" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None


def _read_env(file: ProjectFile, facts: ProjectFacts) -> None:
    text = read_source(file.path, 200_000)
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.removeprefix("export ").partition("=")
        facts.note_env_name(name.strip(), value.strip().strip("\"'"), file.rel)


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


def audit_python(
    root: Path,
    *,
    public: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> AuditResult:
    """Audit the Python files under ``root`` (a folder, or one ``.py`` file).

    Args:
        root: the project folder.
        public: route patterns that are public on purpose (``/health``, ``/docs*``,
            ``GET /posts/*``); added to ``[tool.jwtscope] public`` of pyproject.toml.
        progress: called with the number of Python files read so far, every few files
            and once at the end.

    Returns:
        The findings, the route table and file counts.
    """
    root = Path(root)
    facts = ProjectFacts()
    modules: dict[str, ModuleSummary] = {}
    findings: list[AuditFinding] = []
    scanned = parse_errors = skipped = 0
    if root.is_file():
        files: Sequence[ProjectFile] | None = [ProjectFile(root, root.name, "python")]
    else:
        files = None
    for file in files if files is not None else iter_project_files(root):
        if file.kind == "env":
            _read_env(file, facts)
            continue
        if file.kind == "pyproject":
            _read_pyproject(file, facts)
            continue
        if file.kind == "jwks":
            _read_jwks(file, facts)
            continue
        text = None if _is_test(file.rel) else read_source(file.path)
        if text is None:
            skipped += 1
            continue
        scanned += 1
        summary, found = extract_module(text, file.rel, facts)
        if any(f.code == "AUDIT-PARSE-ERROR" for f in found):
            parse_errors += 1
        findings += found
        if summary is not None:
            modules.setdefault(summary.name, summary)
        if progress is not None and scanned % _PROGRESS_EVERY == 0:
            progress(scanned)
    if progress is not None:
        progress(scanned)
    project = Project(modules, facts)
    routes, route_findings = build_routes(project, [*public, *facts.public])
    findings += route_findings
    findings += judge_decodes(project)
    findings += judge_cors(project, routes)
    findings.sort(key=lambda f: (f.path, f.line, f.code))
    return AuditResult(
        findings=tuple(findings),
        routes=tuple(routes),
        files_scanned=scanned,
        parse_errors=parse_errors,
        files_skipped=skipped,
    )
