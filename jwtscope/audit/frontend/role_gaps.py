"""AUDIT-ROLE-MISSING: backend routes the UI only offers behind a role gate, while the
backend itself only checks that the caller is signed in.

The UI graph is built from every script file's :class:`~jwtscope.audit.frontend.ui_facts.UiFacts`:
imports resolved to the project's own modules (relative, and ``@/``/``~/`` aliases looked
up from the importing file's folders up), API calls through ``fetch``/``axios``, a
project wrapper (``callApi("/jobs")``) or an ``axios.create`` instance. The entry points
are Next.js App Router files (``app/**/page|layout|template|default|route``) and Pages
Router pages; a module nothing imports is an entry too (a SPA's ``main.tsx``, a story).
An App Router page is **role-gated** when it, or a ``layout`` of its folder or of a
parent folder, holds a role gate itself or renders a guard component it imports (a
component that renders ``children`` only for a role). A call is gated when *every* entry
that reaches its module is gated.

A backend route is reported when it is protected (authentication), *every* UI call that
matches it (method and path, as the fetch cross-check matches them) is gated, and nothing
on the backend side speaks of roles: not the endpoint, not its dependencies, not the
middleware or dependency that protects it (any name with ``role``, ``admin``,
``superuser``, ``staff``, ``permission``, ``scopes``… counts as a check, so the audit
stays silent whenever the backend may decide by role). Routes are reported per router,
at the router's declaration.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from jwtscope.audit.codes import make
from jwtscope.audit.frontend.frontend_scan import module_key
from jwtscope.audit.frontend.ui_facts import ALIASES, ApiCall, UiFacts
from jwtscope.audit.model import AuditFinding, Route, RouteStatus
from jwtscope.audit.python.astutil import role_word
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import ModuleSummary, RouteDecl
from jwtscope.core.findings import Severity

__all__ = ["UiGraph", "role_gaps"]

_APP_ENTRY = re.compile(r"(?:^|/)app/(?:.*/)?(page|layout|template|default|route)$")
_PAGES_ENTRY = re.compile(r"(?:^|/)pages/(?!api/)")
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class UiGraph:
    """Every script module's UI facts, by module key (path without extension)."""

    files: dict[str, tuple[str, UiFacts]] = field(default_factory=dict)
    _importers: dict[str, set[str]] | None = None
    _gated: dict[str, tuple[bool, str]] = field(default_factory=dict)

    def add(self, rel: str, facts: UiFacts | None) -> None:
        """One script file's facts (``None``: a file without any). A file that imports
        no project module, sends nothing and gates nothing can lie on no path from a call
        to a page: not kept."""
        if facts is not None and any(
            (facts.specs, facts.calls, facts.gate, facts.guard, facts.wrappers, facts.clients)
        ):
            self.files[module_key(rel)] = (rel, facts)

    def resolve(self, key: str, spec: str) -> str | None:
        """The module ``spec`` names, imported from module ``key``; None if not the project's."""
        base = posixpath.dirname(key)
        if spec.startswith("."):
            found = module_key(posixpath.join(base, spec))
            return found if found in self.files else None
        rest = next((spec[len(a) :] for a in ALIASES if spec.startswith(a)), None)
        if rest is None:
            return None
        folder = base
        while True:
            for candidate in (posixpath.join(folder, rest), posixpath.join(folder, "src", rest)):
                found = module_key(candidate.lstrip("/"))
                if found in self.files:
                    return found
            if not folder or folder == "/":
                return None
            folder = posixpath.dirname(folder)

    def importers(self) -> dict[str, set[str]]:
        """Module → the modules that import it."""
        if self._importers is None:
            self._importers = defaultdict(set)
            for key, (_rel, facts) in self.files.items():
                for spec in facts.specs:
                    target = self.resolve(key, spec)
                    if target is not None and target != key:
                        self._importers[target].add(key)
        return self._importers

    # -- gates -------------------------------------------------------------------------
    def _gate_of(self, key: str) -> str:
        """Where module ``key`` gates by role (itself, or a guard it imports), or ``""``."""
        rel, facts = self.files[key]
        if facts.gate:
            return f"{rel}:{facts.gate}"
        for spec in facts.specs:
            target = self.resolve(key, spec)
            if target is not None and self.files[target][1].guard:
                guard_rel, guard = self.files[target]
                return f"{guard_rel}:{guard.guard}"
        return ""

    def entry_gate(self, key: str) -> tuple[bool, str]:
        """(is ``key`` an entry point, where the role gate over it is or ``""``)."""
        if key in self._gated:
            return self._gated[key]
        match = _APP_ENTRY.search(key)
        answer: tuple[bool, str]
        if match is None:
            pages = _PAGES_ENTRY.search(key) is not None
            answer = (pages, self._gate_of(key) if pages else "")
        elif match.group(1) == "route":
            answer = (True, "")  # a server route handler: no page, no gate
        else:
            gate = self._gate_of(key)
            start = match.start() + (key[match.start()] == "/")
            app_root, folder = key[: start + len("app")], posixpath.dirname(key)
            while not gate:
                for name in ("layout", "template"):
                    layout = posixpath.join(folder, name)
                    if layout != key and layout in self.files:
                        gate = gate or self._gate_of(layout)
                if folder == app_root or not folder.startswith(app_root):
                    break
                folder = posixpath.dirname(folder)
            answer = (True, gate)
        self._gated[key] = answer
        return answer

    def call_gate(self, key: str) -> str:
        """Where the role gate is when every entry that reaches ``key`` is gated; ``""``
        when some entry (or a module nothing imports) is not."""
        importers = self.importers()
        seen, todo, gates = {key}, [key], []
        while todo:
            current = todo.pop()
            entry, gate = self.entry_gate(current)
            if entry or not importers.get(current):
                if not gate:
                    return ""
                gates.append(gate)
                continue
            for parent in importers[current] - seen:
                seen.add(parent)
                todo.append(parent)
        return sorted(gates)[0] if gates else ""

    def api_calls(self) -> Iterable[tuple[str, str, ApiCall]]:
        """(module, file, call) for every request the UI sends through ``fetch``/``axios``,
        a wrapper or an ``axios.create`` instance of the project."""
        for key, (rel, facts) in self.files.items():
            names = dict(facts.names)
            for call in facts.calls:
                if self._sends(key, facts, names, call.callee):
                    yield key, rel, call

    def _sends(self, key: str, facts: UiFacts, names: dict[str, str], callee: str) -> bool:
        if callee in ("fetch", "axios") or callee in facts.wrappers or callee in facts.clients:
            return True
        spec = names.get(callee)
        target = self.resolve(key, spec) if spec else None
        if target is None:
            return False
        other = self.files[target][1]
        return callee in other.wrappers or callee in other.clients


def _route_regex(path: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^}]*\}", path.rstrip("/") or "/")
    return re.compile("(?:.*)?" + "[^/]+".join(re.escape(p) for p in parts) + "/?$")


@dataclass
class _Group:
    """The gated routes of one router (or one app route)."""

    file: str
    line: int
    source: str
    owner: str
    routes: list[Route] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    gates: set[str] = field(default_factory=set)


def role_gaps(project: Project, routes: list[Route], graph: UiGraph) -> list[AuditFinding]:
    """AUDIT-ROLE-MISSING findings (see the module docstring)."""
    if not graph.files:
        return []
    calls = list(graph.api_calls())
    if not calls:
        return []
    decls = {(m.path, d.line): (m, d) for m in project.modules.values() for d in m.routes}
    role_defs = {name for m in project.modules.values() for name in m.role_defs}
    groups: dict[tuple[str, int], _Group] = {}
    gate_cache: dict[str, str] = {}
    for route in routes:
        if route.status is not RouteStatus.PROTECTED or (route.path.rstrip("/") or "/") == "/":
            continue
        found = decls.get((route.file, route.line))
        if found is None or _role_checked(route, *found, role_defs):
            continue
        pattern = _route_regex(route.path)
        matching = [
            (key, rel, c)
            for key, rel, c in calls
            if c.method in (route.method, "?") and pattern.match(c.url_path.replace("{}", "x"))
        ]
        if not matching or any(c.method == "?" for _, _, c in matching):
            continue
        gates = [gate_cache.setdefault(key, graph.call_gate(key)) for key, _, _ in matching]
        if not all(gates):
            continue
        group = _group_of(groups, route, *found)
        group.routes.append(route)
        group.calls += [f"{rel}:{c.line}" for _, rel, c in matching]
        group.gates.update(gates)
    return [_finding(g) for g in groups.values()]


def _role_checked(
    route: Route, module: ModuleSummary, decl: RouteDecl, role_defs: set[str]
) -> bool:
    """Does anything on the backend side of the route speak of roles or permissions?"""
    if decl.endpoint in module.role_defs:
        return True
    names = [ref[-1] for ref in decl.deps if ref]
    names += [p.ref[-1] for p in decl.params if p.ref]
    names += re.findall(r"[A-Za-z_]\w*", f"{route.dependency} {route.via}")
    return any(role_word(name) or name in role_defs for name in names)


def _group_of(
    groups: dict[tuple[str, int], _Group], route: Route, module: ModuleSummary, decl: RouteDecl
) -> _Group:
    owner = module.objects.get(decl.owner[-1]) if len(decl.owner) == 1 else None
    if owner is not None and owner.kind == "router":
        where = (route.file, owner.line)
        label = f"APIRouter {owner.name} at {route.file}:{owner.line}"
    else:
        where = (route.file, route.line)
        label = f"{route.method} {route.path}"
    if where not in groups:
        groups[where] = _Group(where[0], where[1], "", label)
    return groups[where]


def _finding(group: _Group) -> AuditFinding:
    shown = sorted({f"{r.method} {r.path}" for r in group.routes})
    listed = ", ".join(shown[:6]) + (f" and {len(shown) - 6} more" if len(shown) > 6 else "")
    first = group.routes[0]
    protected_by = first.via.split(" → ")[0] or first.dependency or "authentication"
    writes = any(r.method in _WRITES for r in group.routes)
    gate = sorted(group.gates)[0]
    calls = sorted(set(group.calls))
    return make(
        "AUDIT-ROLE-MISSING",
        path=group.file,
        line=group.line,
        source_line=group.source,
        detail=(
            f"{listed} ({group.owner}): the UI calls them only from pages behind a role "
            f"check ({gate}; calls at {', '.join(calls[:3])}"
            f"{' …' if len(calls) > 3 else ''}), but the backend only checks that the "
            f"caller is signed in ({protected_by}) and nothing on its side reads a role: "
            "any signed-in user can call them directly. The role check in the browser "
            "hides the page, it does not protect the API."
        ),
        fix=(
            "Check the role on the backend too, for every route of the group: a dependency "
            "that answers 403 unless the verified user has the role, e.g. "
            'APIRouter(prefix=…, dependencies=[Depends(require_role("admin"))]) — read the '
            "role from the verified token or the database, never from the request."
        ),
        severity=Severity.ERROR if writes else Severity.WARNING,
    )
