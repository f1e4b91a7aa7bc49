"""The route table: every route with its full path, and what (if anything) protects it.

Routes are placed by walking ``include_router``/``mount`` edges down from each
``FastAPI()`` app, collecting prefixes (the include's, then the router's own) and the
dependency layers FastAPI applies: the app's and every router's ``dependencies=``, each
``include_router(dependencies=…)``, the decorator's ``dependencies=`` and the endpoint's
parameters (``Depends``/``Security``/``Annotated`` aliases). A mounted sub-app keeps the
parent's middleware but not its dependencies. An auth middleware (``add_middleware`` of a
class that checks credentials, or ``@app.middleware("http")`` doing so) protects every
route of its app. Routers no app includes are listed with ``mounted=False``. The findings
on the finished table are judged in :mod:`jwtscope.audit.python.route_findings`.

A route that nothing protects is *public* when it matches ``--public`` /
``[tool.jwtscope] public`` (glob patterns, optionally prefixed by a method:
``/health``, ``/docs*``, ``GET /posts/*``) or by convention: ``/``, a login form
(``OAuth2PasswordRequestForm``) or a last literal segment such as ``login``, ``token``,
``register``, ``password-recovery``, ``webhook``, ``health…``; and when its auth is
optional: a dependency factory called with ``required=False`` (``auto_error=False``,
``optional=True``) that authenticates when called plainly — it reads a token when one is
sent and answers without one. Otherwise it is *unprotected*.

Inline protection: an endpoint that itself decodes a token or answers 401/403, or calls a
*project* function that authenticates (names alone do not count here: a login endpoint
calls ``authenticate()``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from jwtscope.audit.model import AuditFinding, Route, RouteStatus
from jwtscope.audit.python.bypass import Gate, gate_verdict
from jwtscope.audit.python.endpoint import is_call
from jwtscope.audit.python.library_routes import (
    ENFORCED_BY_CALL,
    generated_routes,
    library_strategy,
)
from jwtscope.audit.python.open_gates import Opened, open_gate_findings
from jwtscope.audit.python.open_gates import gate_verdict as open_gate_verdict
from jwtscope.audit.python.public_routes import convention, public_match, static_twin
from jwtscope.audit.python.resolve import Project, Unknown, shown
from jwtscope.audit.python.route_findings import RouteEntry, judge_routes
from jwtscope.audit.python.summary import (
    ClassInfo,
    FuncInfo,
    IncludeDecl,
    ModuleSummary,
    ObjInfo,
    Piece,
    Ref,
    RouteDecl,
)

__all__ = ["build_routes"]

#: A dependency chain naming one of these grants access beyond one's own records.
_PRIVILEGED = re.compile(r"(?i)(admin|superuser|staff|(^|[^a-z])role|permission|scope|privilege)")
_MAX_ROUTES = 50_000
#: Marks, in a route's middleware list, a middleware that cannot be judged (and why).
_UNSURE = "?"

Key = tuple[str, str]  # (module, object name)
Gated = dict[str, tuple[str, str]]  # method → (status, why)


@dataclass(frozen=True)
class _Layer:
    where: str
    module: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class _Edge:
    child: Key
    module: str
    prefix: tuple[Piece, ...]
    deps: tuple[Ref, ...]
    line: int
    mount: bool


def _name(ref: Ref) -> str:
    """The dependency as named in the table: ``RoleChecker`` for ``RoleChecker(…)``."""
    return ".".join(ref[:-1] if is_call(ref) else ref)


class _Builder:
    def __init__(self, project: Project, patterns: Sequence[str]) -> None:
        self.p = project
        self.patterns = patterns
        self.objects: dict[Key, ObjInfo] = {}
        self.routes: dict[Key, list[tuple[ModuleSummary, RouteDecl]]] = defaultdict(list)
        self.edges: dict[Key, list[_Edge]] = defaultdict(list)
        self.middleware: dict[Key, list[str]] = defaultdict(list)
        self.unknown_mw: dict[Key, list[str]] = defaultdict(list)
        self.generated: dict[Key, list[tuple[ModuleSummary, IncludeDecl]]] = defaultdict(list)
        self.gates: dict[str, Gate] = {}  # an auth middleware's line → its pass-through
        self.out: list[RouteEntry] = []
        self.seen_entries: set[tuple[str, str, str, int]] = set()
        #: findings of open gates, by place: (code, source line, why).
        self.open_hits: dict[str, Opened] = {}

    def key(self, module: str, ref: Ref) -> Key | None:
        sym = self.p.resolve(module, ref)
        if sym is None or not isinstance(sym.obj, ObjInfo) or sym.kind != "obj":
            return None
        if sym.obj.kind not in ("app", "router"):
            return None
        return (sym.module, sym.name)

    def index(self) -> None:
        for m in self.p.modules.values():
            for obj in m.objects.values():
                if obj.kind in ("app", "router"):
                    self.objects[(m.name, obj.name)] = obj
        for m in self.p.modules.values():
            for decl in m.routes:
                owner = self.key(m.name, decl.owner)
                if owner is not None:
                    self.routes[owner].append((m, decl))
            for inc in m.includes:
                target, child = self.key(m.name, inc.target), self.key(m.name, inc.child)
                if target is not None and inc.library:
                    self.generated[target].append((m, inc))
                elif target is not None and child is not None:
                    edge = _Edge(child, m.name, inc.prefix, inc.deps, inc.line, inc.mount)
                    self.edges[target].append(edge)
            for mw in m.middleware:
                target = self.key(m.name, mw.target)
                if target is None:
                    continue
                how, gate = "", Gate(mw.bypass, m.name)
                if mw.marker:
                    how = f"@{'.'.join(mw.target)}.middleware('http') → {mw.marker}"
                elif mw.ref is not None:
                    found = self.p.middleware_auth(m.name, mw.ref)
                    how = f"middleware {found}" if found else ""
                    lost = self.p.middleware_unknown(m.name, mw.ref)
                    if lost:
                        self.unknown_mw[target].append(f"middleware {shown(mw.ref)}: {lost}")
                    sym = self.p.resolve(m.name, mw.ref)
                    if sym is not None and isinstance(sym.obj, ClassInfo):
                        gate = Gate(sym.obj.bypass, sym.module, m.name, mw.options)
                if how:
                    self.middleware[target].append(f"{how} ({m.path}:{mw.line})")
                    self.gates[f"{how} ({m.path}:{mw.line})"] = gate

    def run(self) -> None:
        self.index()
        visited: set[Key] = set()
        children = {e.child for edges in self.edges.values() for e in edges}
        for key, obj in sorted(self.objects.items()):
            if obj.kind == "app" and key not in children:
                self.walk(key, (), (), [], True, visited, ())
        for key in sorted(self.objects):
            if key not in visited and key not in children:
                self.walk(key, (), (), [], False, visited, ())
        for key in sorted(self.objects):  # routers reachable only through a cycle
            if key not in visited:
                self.walk(key, (), (), [], False, visited, ())

    def walk(
        self,
        key: Key,
        prefix: tuple[str, ...],
        layers: tuple[_Layer, ...],
        middleware: list[str],
        mounted: bool,
        visited: set[Key],
        stack: tuple[Key, ...],
    ) -> None:
        if key in stack or len(self.out) > _MAX_ROUTES:
            return
        visited.add(key)
        obj = self.objects[key]
        module = self.p.modules[key[0]]
        own_prefix = self.p.text_of(key[0], obj.prefix)
        kind = "FastAPI" if obj.kind == "app" else "APIRouter"
        own = _Layer(f"{kind}(dependencies=…) at {module.path}:{obj.line}", key[0], obj.deps)
        layers = (*layers, own) if obj.deps else layers
        middleware = [*middleware, *self.middleware.get(key, [])]
        middleware += [_UNSURE + why for why in self.unknown_mw.get(key, [])]
        for m, decl in self.routes.get(key, []):
            path = "".join(prefix) + own_prefix + self.p.text_of(m.name, decl.path)
            self.entry(m, decl, path, layers, middleware, mounted)
        for m, lib in self.generated.get(key, []):
            base = "".join(prefix) + own_prefix + self.p.text_of(m.name, lib.prefix)
            where = f"include_router(dependencies=…) at {m.path}:{lib.line}"
            inc_layers = (*layers, _Layer(where, m.name, lib.deps)) if lib.deps else layers
            taken = {
                (d.methods, self.p.text_of(mm.name, d.path))
                for mm, d in self.routes.get(key, [])
                if mm.name != m.name or d.line < lib.line  # declared first: it wins
            }
            for decl in generated_routes(lib):
                if (decl.methods, self.p.text_of(m.name, decl.path)) in taken:
                    continue  # the router's own route was added first and wins
                self.entry(
                    m,
                    decl,
                    base + self.p.text_of(m.name, decl.path),
                    inc_layers,
                    middleware,
                    mounted,
                )
        for edge in self.edges.get(key, []):
            where = f"include_router(dependencies=…) at {self.p.modules[edge.module].path}"
            inc = _Layer(f"{where}:{edge.line}", edge.module, edge.deps)
            child_layers = () if edge.mount else (*layers, inc) if edge.deps else layers
            child_prefix = (*prefix, own_prefix, self.p.text_of(edge.module, edge.prefix))
            self.walk(
                edge.child,
                child_prefix,
                child_layers,
                middleware,
                mounted,
                visited,
                (*stack, key),
            )

    def entry(
        self,
        m: ModuleSummary,
        decl: RouteDecl,
        path: str,
        layers: tuple[_Layer, ...],
        middleware: list[str],
        mounted: bool,
    ) -> None:
        users: set[str] = set()
        chains: list[str] = []
        found: tuple[str, str] | None = None
        unknown: list[str] = []
        lib_optional: str | None = None
        source: tuple[str, Ref] | None = None  # the dependency that protects it
        for param in decl.params:
            enforced = ENFORCED_BY_CALL.get(param.ref[-1]) if param.ref else None
            if enforced is not None:  # e.g. AuthJWT: only Authorize.jwt_required() checks
                called = sorted(decl.method_calls & enforced[0])
                if called:
                    users.add(param.name)
                    via = f"{param.ref[-1]}.{called[0]}() in {decl.endpoint}"
                    found = found or (param.ref[-1], f"parameter {param.name}: {via}")
                elif decl.method_calls & enforced[1]:
                    lib_optional = f"{param.ref[-1]}.jwt_optional() in {decl.endpoint}"
                continue
            how = self.p.judge(m.name, param.ref, alias_only=param.annotation_only)
            if isinstance(how, Unknown):
                unknown.append(f"parameter {param.name}: {how.reason}")
            elif how:
                users.add(param.name)
                chains.append(f"{shown(param.ref)} → {how}")
                source = source or ((m.name, param.ref) if found is None else None)
                found = found or (_name(param.ref), f"parameter {param.name}: {how}")
        candidates = [_Layer("the route's dependencies=…", m.name, decl.deps), *reversed(layers)]
        for layer in candidates:
            for ref in layer.refs:
                how = self.p.judge(layer.module, ref)
                if isinstance(how, Unknown):
                    unknown.append(f"{layer.where}: {how.reason}")
                elif how:
                    chains.append(f"{shown(ref)} → {how}")
                    source = source or ((layer.module, ref) if found is None else None)
                    found = found or (_name(ref), f"{layer.where}: {how}")
        privileged = bool(_PRIVILEGED.search(" ".join(chains)))
        unknown += [mw[1:] for mw in middleware if mw.startswith(_UNSURE)]
        middleware = [mw for mw in middleware if not mw.startswith(_UNSURE)]
        gated: dict[str, tuple[str, str]] = {}
        if found is None and middleware:
            found = ("middleware", middleware[0])
            gates = [self.gates[mw] for mw in middleware if mw in self.gates]
            for method in decl.methods if len(gates) == len(middleware) else ():
                verdict = gate_verdict(self.p, gates, path, method)
                if verdict is not None:
                    gated[method] = verdict
        # a login handler's "raises 401" on a bad password is not protection
        login = decl.inline.startswith("raises") and convention(decl, path) is not None
        if found is None and decl.inline and not login:
            found = ("inline", f"in {decl.endpoint}: {decl.inline}")
        if found is None:
            for ref in decl.calls:
                how = self.p.auth_of(m.name, ref, by_name=False)
                if how:
                    found = ("inline", f"in {decl.endpoint}: calls {how}")
                    break
        verdict = None
        if decl.library and decl.inline:
            verdict = library_strategy(self.p.facts.strategies, decl.inline)
        if verdict is not None and found is not None and found[0] == "inline" and decl.inline:
            gated = dict.fromkeys(decl.methods, verdict)
        optional = None
        if found is None:
            refs = [(m.name, p.ref) for p in decl.params]
            refs += [(layer.module, ref) for layer in candidates for ref in layer.refs]
            optional = next(filter(None, (self.p.optional_auth(*r) for r in refs)), lib_optional)
        if found is not None and decl.ownership is not None:
            users.update(decl.ownership.request_users)  # the user a middleware put there
        users = set() if privileged else users
        gated = gated or (self.opened(source, path, decl.methods) if source else {})
        self.add(m, decl, path, found, unknown, mounted, users, optional, gated)

    def opened(self, source: tuple[str, Ref], path: str, methods: tuple[str, ...]) -> Gated:
        """What the protecting dependency's open gates (a default path whitelist, auth off
        until configured) make of each method, under the default configuration."""
        sym = self.p.resolve(source[0], source[1][:-1] if is_call(source[1]) else source[1])
        if sym is None or not isinstance(sym.obj, FuncInfo):
            return {}
        gates, where = sym.obj.gates, self.p.modules[sym.module].path
        out: Gated = {}
        for method in methods if gates else ():
            defaults, dep = self.p.facts.config_defaults, f"`{shown(source[1])}`"
            got = open_gate_verdict(gates, where, defaults, path, method, dep)
            if got is None:
                continue
            out[method] = (got.status, got.why)
            if got.status != "public" or got.pattern.endswith("*"):
                self.open_hits.setdefault(got.place, got)
        return out

    def add(
        self,
        m: ModuleSummary,
        decl: RouteDecl,
        path: str,
        found: tuple[str, str] | None,
        unknown: list[str],
        mounted: bool,
        users: set[str],
        optional: str | None = None,
        gated: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        """One row per method: protected, public (declared, optional auth, by convention or
        let through by the auth middleware), unknown (a dependency that cannot be judged)
        or unprotected. ``gated``: per method, what the auth middleware's pass-through
        makes of it when nothing else protects it."""
        optional = f"optional auth: {optional}" if optional else None
        for method in decl.methods:
            reason = ""
            declared = public_match(method, path, self.patterns)
            gate = (gated or {}).get(method)
            if gate is not None and not declared:
                status = {"public": RouteStatus.PUBLIC, "unknown": RouteStatus.UNKNOWN}.get(
                    gate[0], RouteStatus.UNPROTECTED
                )
                dependency, via = (gate[1] if gate[0] == "public" else ""), ""
                reason = gate[1] if gate[0] != "public" else ""
                if status is RouteStatus.UNPROTECTED and (public := convention(decl, path)):
                    status, dependency, reason = RouteStatus.PUBLIC, public, ""  # e.g. /logout
            elif gate is not None and declared:
                status, dependency, via = RouteStatus.PUBLIC, declared, ""
            elif found is not None:
                status, dependency, via = RouteStatus.PROTECTED, found[0], found[1]
            elif unknown and not declared:
                status, dependency, via = RouteStatus.UNKNOWN, "", ""
                reason = "; ".join(dict.fromkeys(unknown))
            else:
                public = declared or optional or convention(decl, path) or static_twin(m, decl)
                status = RouteStatus.PUBLIC if public else RouteStatus.UNPROTECTED
                dependency, via = public or "", ""
            route = Route(
                method,
                path,
                status,
                m.path,
                decl.line,
                decl.endpoint,
                dependency,
                via,
                mounted,
                reason,
            )
            identity = (method, path, m.path, decl.line)
            if identity not in self.seen_entries:
                self.seen_entries.add(identity)
                self.out.append((route, decl, m, users))


def build_routes(
    project: Project, patterns: Sequence[str]
) -> tuple[list[Route], list[AuditFinding]]:
    """The route table and the route findings (unprotected, ownership, trailing slash)."""
    builder = _Builder(project, patterns)
    builder.run()
    routes = [entry[0] for entry in builder.out]
    findings = judge_routes(project, builder.out) + open_gate_findings(builder.open_hits)
    routes.sort(key=lambda r: (r.path, r.method, r.file, r.line))
    return routes, findings
