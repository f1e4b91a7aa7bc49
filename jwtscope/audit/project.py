"""Audit a whole project: the Python backend, the TypeScript/JavaScript frontend, ``.env``
files, and credentials committed anywhere. The entry point of ``jwtscope audit``.

One streaming pass over the files (:mod:`jwtscope.audit.walk`) feeds four readers, each
keeping small records only: the Python audit (:mod:`jwtscope.audit.python.python_audit`), the
frontend scanner (:mod:`jwtscope.audit.frontend.frontend_scan`), the ``.env`` files
(:mod:`jwtscope.audit.envfiles`) and the leak scanner (:mod:`jwtscope.audit.leaks`).
Then the Better Auth issuer is worked out and held against the backend
(:mod:`jwtscope.audit.frontend.crosscheck`). Nothing of the project is imported or executed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from jwtscope.audit.envfiles import EnvFiles, git_tracked, judge_tracked
from jwtscope.audit.frontend.crosscheck import Frontend, JwksRef, crosscheck, issuer_of
from jwtscope.audit.frontend.frontend_scan import scan_script
from jwtscope.audit.leaks import LeakScanner
from jwtscope.audit.missing import missing_secrets
from jwtscope.audit.model import AuditFinding, AuditResult, IssuerInfo
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.python_audit import PythonAudit, is_test, read_source
from jwtscope.audit.redact import redact_line
from jwtscope.audit.walk import ProjectFile, iter_project_files

__all__ = ["audit_project"]

_PROGRESS_EVERY = 25
#: Logs and data files are streamed line by line, up to this much of each.
_MAX_STREAM = 20_000_000
_MAX_SCRIPT = 1_000_000
_JWKS_URL = re.compile(r"""https?://[^\s"'`<>]*jwks[^\s"'`<>]*""", re.I)


def _stream(path: Path) -> Iterator[str]:
    """The lines of a log or data file, lazily; nothing for binary files."""
    try:
        with path.open("rb") as fh:
            if b"\0" in fh.read(4096):
                return
            fh.seek(0)
            read = 0
            for raw in fh:
                read += len(raw)
                if read > _MAX_STREAM:
                    return
                yield raw.decode("utf-8", "replace")
    except OSError:
        return


def _jwks_refs(rel: str, text: str) -> list[JwksRef]:
    if "jwks" not in text.lower():
        return []
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        for m in _JWKS_URL.finditer(line):
            out.append(JwksRef(rel, number, redact_line(line).strip(), m.group(0).rstrip(".,)")))
    return out


def _teach_facts(facts: ProjectFacts, issuer: IssuerInfo | None) -> None:
    """What the frontend says about the tokens, for the backend's decode verdicts."""
    if issuer is None or not issuer.jwt_plugin:
        return  # without the plugin Better Auth issues no JWTs: the backend's are its own
    facts.remember(facts.better_auth, f"betterAuth() at {issuer.location}")
    if issuer.jwt_plugin and issuer.algorithm:
        facts.issuer_alg = issuer.algorithm
    if issuer.audience and issuer.audience not in facts.base_urls:
        facts.base_urls.insert(0, issuer.audience)
        del facts.base_urls[8:]


def audit_project(
    root: Path,
    *,
    public: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
    now: float | None = None,
    git: bool = True,
) -> AuditResult:
    """Audit every file of ``root`` that can hold a JWT mistake.

    Args:
        root: the project folder (or one file).
        public: route patterns that are public on purpose (``/health``, ``GET /posts/*``).
        progress: called with the number of files read so far, every few files and at the end.
        now: the time (epoch seconds) leaked tokens' ``exp`` is compared with; None: not compared.
        git: ask git which ``.env`` files it tracks (skipped when git is missing).

    Returns:
        The findings, the route table, the Better Auth issuer found and file counts.
    """
    root = Path(root)
    facts = ProjectFacts()
    python = PythonAudit(facts)
    front = Frontend()
    env = EnvFiles()
    leaks = LeakScanner(now=now)
    findings: list[AuditFinding] = []
    kinds: Counter[str] = Counter()
    skipped = 0
    if root.is_file():
        kind = "script" if root.suffix in (".ts", ".tsx", ".js", ".jsx", ".mjs") else "python"
        files: Sequence[ProjectFile] | Iterator[ProjectFile] = [ProjectFile(root, root.name, kind)]
    else:
        files = iter_project_files(root)
    read = 0
    for file in files:
        if file.kind in ("pyproject", "jwks"):
            python.config_file(file)
            continue
        if file.kind in ("log", "data"):
            kinds[file.kind] += 1
            leaks.scan(file.rel, _stream(file.path), secrets=True)
        else:
            limit = _MAX_SCRIPT if file.kind == "script" else None
            text = read_source(file.path, limit) if limit else read_source(file.path)
            if text is None:
                skipped += 1
                continue
            kinds[file.kind] += 1
            test = is_test(file.rel)
            if file.kind == "env":
                parsed = env.add(file.rel, text)
                for name, value in parsed.values.items():  # names and URLs only, never kept
                    facts.note_env_name(name, (value or "").strip(), file.rel)
                front.jwks_refs += _jwks_refs(file.rel, text)
            elif file.kind == "python":
                if not test:
                    python.add(file.rel, text)
                    front.jwks_refs += _jwks_refs(file.rel, text)
                leaks.scan(file.rel, text, secrets=False)
            else:
                facts_, found = scan_script(text, file.rel, is_test=test)
                front.add(facts_)
                findings += found
                leaks.scan(file.rel, text, secrets=False)
        read += 1
        if progress is not None and read % _PROGRESS_EVERY == 0:
            progress(read)
    if progress is not None:
        progress(read)
    issuer = issuer_of(front, env)
    _teach_facts(facts, issuer)
    project, routes, backend = python.finish(public)
    cross, mismatched = crosscheck(project, routes, front, issuer)
    findings += [
        f
        for f in backend
        if not (f.code == "AUDIT-DECODE-BA-SECRET" and (f.path, f.line) in mismatched)
    ]
    findings += cross
    verifiers = {n for m in project.modules.values() for c in m.decodes for n in c.key_names}
    findings += env.judge(verifiers)
    findings += missing_secrets(project, front.configs, env)
    tracked = git_tracked(root) if git and root.is_dir() and env.files else None
    if tracked:
        findings += judge_tracked(env, tracked)
    findings += leaks.findings
    findings.sort(key=lambda f: (f.path, f.line, f.code))
    return AuditResult(
        findings=tuple(findings),
        routes=tuple(routes),
        files_scanned=read,
        parse_errors=python.parse_errors,
        files_skipped=skipped,
        root=str(root.resolve()),
        kinds=tuple(sorted(kinds.items())),
        issuer=issuer,
    )
