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
from dataclasses import replace
from pathlib import Path

from jwtscope.audit.api_collection import Collections, is_collection
from jwtscope.audit.compose import ComposeFiles, is_compose_file
from jwtscope.audit.envfiles import EnvFiles, git_tracked, judge_tracked
from jwtscope.audit.frontend.crosscheck import Frontend, JwksRef, crosscheck, issuer_of
from jwtscope.audit.frontend.frontend_scan import scan_script
from jwtscope.audit.frontend.role_gaps import UiGraph, role_gaps
from jwtscope.audit.leaks import LeakScanner
from jwtscope.audit.missing import missing_secrets
from jwtscope.audit.model import AuditFinding, AuditResult, IssuerInfo, SkippedFile
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.pydeps import PyDeps, is_dependency_file
from jwtscope.audit.python.python_audit import PythonAudit
from jwtscope.audit.redact import mask_values, redact_line
from jwtscope.audit.walk import ProjectFile, is_test, iter_project_files, read_source_why

__all__ = ["audit_project"]

_PROGRESS_EVERY = 25
#: Logs and data files are streamed line by line, up to this much of each.
_MAX_STREAM = 20_000_000
_MAX_SCRIPT = 1_000_000
_JWKS_URL = re.compile(r"""https?://[^\s"'`<>]*jwks[^\s"'`<>]*""", re.I)


def _stream(path: Path, skipped: list[SkippedFile], rel: str) -> Iterator[str]:
    """The lines of a log or data file, lazily; nothing for binary files. A file not read
    (whole) is added to ``skipped`` with why."""
    try:
        with path.open("rb") as fh:
            if b"\0" in fh.read(4096):
                skipped.append(SkippedFile(rel, "binary (contains NUL bytes)"))
                return
            fh.seek(0)
            read = 0
            for raw in fh:
                read += len(raw)
                if read > _MAX_STREAM:
                    why = f"only the first {_MAX_STREAM // 1_000_000} MB scanned for leaks"
                    skipped.append(SkippedFile(rel, why))
                    return
                yield raw.decode("utf-8", "replace")
    except OSError as exc:
        skipped.append(SkippedFile(rel, f"unreadable ({exc.strerror or type(exc).__name__})"))
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
    readers = _Readers(now)
    for file in _files_of(root):
        counted = readers.feed(file)
        if counted and progress is not None and readers.read % _PROGRESS_EVERY == 0:
            progress(readers.read)
    if progress is not None:
        progress(readers.read)
    return readers.judge(root, public, git=git)


def _files_of(root: Path) -> Sequence[ProjectFile] | Iterator[ProjectFile]:
    """The files to read: ``root`` itself when it is one file, else the walk of the folder."""
    if root.is_file():
        kind = "script" if root.suffix in (".ts", ".tsx", ".js", ".jsx", ".mjs") else "python"
        return [ProjectFile(root, root.name, kind)]
    return iter_project_files(root)


class _Readers:
    """The four readers one pass over the files feeds, the findings found on the way and
    the file counts."""

    def __init__(self, now: float | None) -> None:
        self.facts = ProjectFacts()
        self.python = PythonAudit(self.facts)
        self.front = Frontend()
        self.ui = UiGraph()
        self.env = EnvFiles()
        self.leaks = LeakScanner(now=now)
        self.deps = PyDeps()
        self.compose = ComposeFiles()
        self.collections = Collections()
        self.findings: list[AuditFinding] = []
        self.kinds: Counter[str] = Counter()
        self.skipped: list[SkippedFile] = []
        self.unread = 0
        self.read = 0

    def feed(self, file: ProjectFile) -> bool:
        """Read one file; True when it counts as read (config files and skipped ones don't)."""
        name = file.path.name
        if file.kind in ("pyproject", "deps") or is_dependency_file(name):
            self._small(file, self.deps.add)
        if is_compose_file(name):
            self._small(file, self.compose.add)
        if is_collection(name):
            self._small(file, self.collections.add)
        if file.kind == "deps":
            return False
        if file.kind in ("pyproject", "jwks"):
            self.python.config_file(file)
            return False
        if file.kind in ("log", "data"):
            self.kinds[file.kind] += 1
            self.leaks.scan(file.rel, _stream(file.path, self.skipped, file.rel), secrets=True)
        else:
            limit = _MAX_SCRIPT if file.kind == "script" else None
            text, why = read_source_why(file.path, limit) if limit else read_source_why(file.path)
            if text is None:
                self.unread += 1
                self.skipped.append(SkippedFile(file.rel, why))
                if file.kind == "python" and not is_test(file.rel):
                    self.python.unread(file.rel, why)
                return False
            self.kinds[file.kind] += 1
            self.source(file, text)
        self.read += 1
        return True

    def _small(self, file: ProjectFile, reader: Callable[[str, str], None]) -> None:
        """A dependency or compose file, read whole (one that cannot be is listed)."""
        text, why = read_source_why(file.path)
        if text is None:
            self.skipped.append(SkippedFile(file.rel, why))
        else:
            reader(file.rel, text)

    def source(self, file: ProjectFile, text: str) -> None:
        """A ``.env`` file, a Python module or a script, by kind."""
        test = is_test(file.rel)
        if file.kind == "env":
            parsed = self.env.add(file.rel, text)
            for name, value in parsed.values.items():  # names and URLs only, never kept
                self.facts.note_env_name(name, (value or "").strip(), file.rel)
                line = parsed.lines.get(name, (0, ""))[0]
                self.facts.note_env_list(name, (value or "").strip(), f"{file.rel}:{line}")
            self.front.jwks_refs += _jwks_refs(file.rel, text)
        elif file.kind == "python":
            if not test:
                self.python.add(file.rel, text)
                self.front.jwks_refs += _jwks_refs(file.rel, text)
            self.leaks.scan(file.rel, text, secrets=False)
        else:
            facts_, found = scan_script(text, file.rel, is_test=test)
            self.front.add(facts_, file.rel)
            self.ui.add(file.rel, facts_.ui)
            if (why := facts_.unparsed_reason(file.rel)) is not None:
                self.skipped.append(SkippedFile(file.rel, why))
            self.findings += found
            self.leaks.scan(file.rel, text, secrets=False)

    def judge(self, root: Path, public: Sequence[str], *, git: bool) -> AuditResult:
        """The project-level questions, once every file is read: issuer, routes, decodes,
        the frontend held against the backend, ``.env`` files, secrets and leaks."""
        env, front = self.env, self.front
        issuer = issuer_of(front, env)
        _teach_facts(self.facts, issuer)
        project, routes, backend = self.python.finish(public)
        routes, backend = self.collections.apply(routes, backend)
        cross, mismatched = crosscheck(project, routes, front, issuer, env)
        findings = self.findings
        findings += [
            f
            for f in backend
            if not (f.code == "AUDIT-DECODE-BA-SECRET" and (f.path, f.line) in mismatched)
        ]
        findings += cross
        findings += role_gaps(project, routes, self.ui)
        findings += self._better_auth(issuer)
        verifiers = {n for m in project.modules.values() for c in m.decodes for n in c.key_names}
        findings += env.judge(verifiers)
        findings += missing_secrets(project, front.configs, env)
        tracked = git_tracked(root) if git and root.is_dir() and env.files else None
        if tracked:
            findings += judge_tracked(env, tracked)
        findings += self.leaks.findings
        masks = env.secret_values()
        findings = [_masked(f, masks) for f in findings]
        findings.sort(key=lambda f: (f.path, f.line, f.code))
        return AuditResult(
            findings=tuple(findings),
            routes=tuple(routes),
            files_scanned=self.read,
            parse_errors=self.python.parse_errors,
            files_skipped=self.unread,
            root=str(root.resolve()),
            kinds=tuple(sorted(self.kinds.items())),
            issuer=issuer,
            token_issuers=tuple(self.facts.token_issuers()),
            skipped=tuple(sorted([*self.skipped, *self.python.skipped], key=lambda s: s.path)),
            masks=masks,
        )

    def _better_auth_eddsa(self, issuer: IssuerInfo | None) -> str | None:
        """The evidence that the tokens are EdDSA, or None (not, or not known)."""
        if issuer is not None and issuer.jwt_plugin:
            alg = issuer.algorithm
            return (
                f"Better Auth's jwt() plugin, alg {alg} ({issuer.location})"
                if alg == "EdDSA"
                else None
            )
        return self.facts.eddsa[0] if self.facts.eddsa else None

    def _better_auth(self, issuer: IssuerInfo | None) -> list[AuditFinding]:
        """Issue 17's backend findings: cookie names, JWKS loads, verifiers, compose."""
        eddsa = self._better_auth_eddsa(issuer)
        backend = self.python.better_auth
        out = backend.finish(eddsa=eddsa, secure_cookies_off=self.front.secure_cookies_off)
        out += self.deps.judge(eddsa=eddsa, verifiers=backend.pyjwt_verifiers)
        return out + self.compose.judge(self.env)


def _masked(finding: AuditFinding, masks: tuple[str, ...]) -> AuditFinding:
    """The finding with the project's ``.env`` secrets masked in its source line."""
    shown = mask_values(finding.source_line, masks)
    return finding if shown == finding.source_line else replace(finding, source_line=shown)
