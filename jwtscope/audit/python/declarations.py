"""FastAPI declarations in one module: apps, routers, includes, middleware, routes.

Used by the extractor for the calls and assignments that build the route graph:
``FastAPI(…)``/``APIRouter(…)`` objects, ``include_router``/``mount`` edges (also in a
``for`` loop over a literal list of routers), ``add_middleware`` (CORS settings kept
apart), route decorators and ``add_api_route``, with each endpoint's dependencies and
ownership facts (:mod:`jwtscope.audit.python.endpoint`).
"""

from __future__ import annotations

import ast

from jwtscope.audit.python import endpoint
from jwtscope.audit.python.astutil import (
    AUTH_CLASSES,
    BODY_AUTHISH,
    ROLE_TEXT,
    call_name,
    dotted,
    function_nodes,
    is_authish,
    keyword,
    literal_bool,
    literal_str,
    literal_strs,
    marker_of,
    names_roles,
    pieces,
    walk,
)
from jwtscope.audit.python.bypass import read_bypass
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.library_routes import ENFORCING_CALLS, LIBRARY_ROUTERS
from jwtscope.audit.python.local_names import LocalNames
from jwtscope.audit.python.ownership import ownership_facts
from jwtscope.audit.python.summary import (
    CorsDecl,
    IncludeDecl,
    MiddlewareDecl,
    ModuleSummary,
    ObjInfo,
    Piece,
    Ref,
    RouteDecl,
)

__all__ = ["ROUTE_METHODS", "Declarations", "FuncNode", "authish_calls"]

ROUTE_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "options", "head", "trace", "api_route", "websocket"}
)
_BEARER = frozenset({"HTTPBearer", "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer"})
_MAX_CALLS = 8

FuncNode = ast.FunctionDef | ast.AsyncFunctionDef


def _deps_list(node: ast.expr | None) -> tuple[Ref, ...]:
    if not isinstance(node, ast.List | ast.Tuple):
        return ()
    out = []
    for elt in node.elts:
        if isinstance(elt, ast.Call):
            ref = endpoint.depends_target(elt)
            if ref:
                out.append(ref)
    return tuple(out)


#: Router methods that, called on ``self``, make the enclosing class a router.
_ROUTER_METHODS = frozenset({"include_router", "add_api_route", "mount"})


def _option_values(node: ast.expr) -> tuple[Piece, ...] | None:
    """``["/health", PREFIX]`` or ``EXCLUDED`` as pieces; None for anything else."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        parts = [pieces(e) for e in node.elts]
        if all(p is not None and len(p) == 1 for p in parts):
            return tuple(p[0] for p in parts if p)
        return None
    single = pieces(node)
    return single if single is not None and len(single) == 1 else None


def _iterated(node: ast.expr) -> Ref | None:
    """The name a value stands for: ``settings.ORIGINS`` itself, or the iterable of a
    comprehension that only converts each item (``[str(o) for o in settings.ORIGINS]``)."""
    if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
        gen = node.generators[0] if len(node.generators) == 1 else None
        if gen is None or gen.ifs or not isinstance(gen.target, ast.Name):
            return None
        names = {n.id for n in ast.walk(node.elt) if isinstance(n, ast.Name)}
        return dotted(gen.iter) if names <= {gen.target.id, "str"} else None
    return dotted(node)


def _swallowed(nodes: list[ast.AST]) -> set[int]:
    """The nodes whose failure cannot refuse the request: in a function that never raises,
    everything under a ``try`` with handlers (``try: ok = check(t) except Exception: ok =
    False``) — the check only answers yes or no, the caller decides."""
    if any(isinstance(n, ast.Raise) for n in nodes):
        return set()
    tries = [n for n in nodes if isinstance(n, ast.Try | ast.TryStar) and n.handlers]
    return {id(inner) for t in tries for stmt in t.body for inner in walk(stmt)}


def authish_calls(nodes: list[ast.AST]) -> tuple[Ref, ...]:
    """Up to a few called names that suggest a credential check (``verify_token``); not
    those whose failure is swallowed (:func:`_swallowed`)."""
    out: list[Ref] = []
    swallowed = _swallowed(nodes)
    for node in nodes:
        if isinstance(node, ast.Call) and id(node) not in swallowed:
            ref = dotted(node.func)
            optional = literal_bool(keyword(node, "auto_error")) is False
            if ref and ref[-1] in AUTH_CLASSES and optional:
                continue  # HTTPBearer(auto_error=False): lets a request without credentials in
            if ref and ref not in out and is_authish(ref[-1], BODY_AUTHISH):
                out.append(ref)
                if len(out) >= _MAX_CALLS:
                    break
    return tuple(out)


class Declarations:
    """Records one module's FastAPI declarations into its summary.

    Args:
        summary: the module's summary to fill.
        lines: the module's source lines.
        facts: project facts (bearer schemes are evidence for the CORS check).
        defs: the module's functions by name (``add_api_route`` endpoints).
        scope: the extractor's stack of enclosing ``(kind, name, settings)``.
    """

    def __init__(
        self,
        summary: ModuleSummary,
        lines: list[str],
        facts: ProjectFacts,
        defs: dict[str, FuncNode],
        scope: list[tuple[str, str, bool]] | None = None,
    ) -> None:
        self.s = summary
        self.lines = lines
        self.facts = facts
        self.defs = defs
        self.handled: set[int] = set()
        self.scope = scope if scope is not None else []
        #: per enclosing function, its ``name = f(…)`` statements (see ``local_names``).
        self.frames: list[dict[str, Ref]] = []
        lower = "\n".join(lines).lower()
        self.role_text = any(word in lower for word in ROLE_TEXT)

    @property
    def names(self) -> LocalNames:
        """How names of the enclosing functions and class read (``self.router``)."""
        return LocalNames.of(self.frames, [n for k, n, _ in self.scope if k == "class"])

    def line(self, lineno: int) -> str:
        """Source line ``lineno`` (1-based)."""
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def decorators(self, node: FuncNode, nodes: list[ast.AST]) -> None:
        """Route decorators (``@router.get(...)``) and ``@app.middleware("http")``; notes
        the function (and its class) when its code speaks of roles."""
        if self.role_text and names_roles(nodes):
            self.s.role_defs.add(node.name)
            if self.scope and self.scope[-1][0] == "class":
                self.s.role_defs.add(self.scope[-1][1])
        for dec in node.decorator_list:
            if not isinstance(dec, ast.Call) or not isinstance(dec.func, ast.Attribute):
                continue
            owner = dotted(dec.func.value)
            if owner is None:
                continue
            owner = self.names.rewrite(owner)
            if dec.func.attr in ROUTE_METHODS:
                path = keyword(dec, "path")
                if path is None and dec.args:
                    path = dec.args[0]
                if dec.func.attr == "api_route":
                    methods = literal_strs(keyword(dec, "methods")) or ("GET",)
                else:
                    methods = (dec.func.attr.upper(),)
                self.route(owner, methods, path, node, dec, dec.lineno, nodes)
            elif dec.func.attr == "middleware" and dec.args and literal_str(dec.args[0]) == "http":
                marker = marker_of(iter(nodes))
                bypass = read_bypass(nodes)
                self.s.middleware.append(MiddlewareDecl(owner, None, marker, dec.lineno, bypass))

    def object(self, name: str, value: ast.Call, line: int, top: bool) -> None:
        """``name = FastAPI(…)``, ``APIRouter(…)``, ``HTTPBearer(…)`` or another instance."""
        callee = dotted(value.func)
        if not callee:
            return
        cls = callee[-1]
        objects = self.s.objects
        if cls in ("FastAPI", "APIRouter"):
            prefix = pieces(keyword(value, "prefix")) or ()
            deps = _deps_list(keyword(value, "dependencies"))
            kind = "app" if cls == "FastAPI" else "router"
            objects.setdefault(name, ObjInfo(name, kind, callee, line, prefix, deps))
            middleware = keyword(value, "middleware")
            if isinstance(middleware, ast.List | ast.Tuple):
                for entry in middleware.elts:
                    if isinstance(entry, ast.Call) and entry.args:
                        self.middleware((name,), entry.args[0], entry, entry.lineno)
        elif cls in AUTH_CLASSES:
            auto = literal_bool(keyword(value, "auto_error")) is not False
            objects.setdefault(name, ObjInfo(name, "scheme", callee, line, auto_error=auto))
            if cls in _BEARER:
                self.facts.remember(self.facts.bearer, f"{cls} at {self.s.path}:{line}")
        elif top and cls[:1].isupper():
            objects.setdefault(name, ObjInfo(name, "instance", callee, line))

    def middleware(self, target: Ref, cls_node: ast.expr, call: ast.Call, line: int) -> None:
        """A middleware added to ``target``; CORSMiddleware keeps its settings."""
        ref = dotted(cls_node)
        if ref is None:
            return
        if ref[-1] == "CORSMiddleware":
            headers = keyword(call, "allow_headers")
            origins = keyword(call, "allow_origins")
            self.s.cors.append(
                CorsDecl(
                    line=line,
                    source=self.line(line),
                    origins=literal_strs(origins) if origins is not None else (),
                    origins_ref=_iterated(origins) if origins is not None else None,
                    origin_regex=literal_str(keyword(call, "allow_origin_regex")),
                    credentials=literal_bool(keyword(call, "allow_credentials"))
                    if keyword(call, "allow_credentials") is not None
                    else False,
                    headers=literal_strs(headers) if headers is not None else (),
                )
            )
        else:
            options = tuple(
                (kw.arg, values)
                for kw in call.keywords
                if kw.arg is not None
                for values in [_option_values(kw.value)]
                if values is not None
            )
            self.s.middleware.append(MiddlewareDecl(target, ref, "", line, options=options))

    def self_router(self, cls: str | None, attr: str, line: int) -> Ref | None:
        """``self.include_router(…)`` in a method of ``cls``: the class is itself a router
        (a subclass of APIRouter or of a framework's Router), recorded as one."""
        if cls is None or attr not in _ROUTER_METHODS:
            return None
        name = f"{cls}()"  # the instance, apart from the class (a dependency's namesake)
        self.s.objects.setdefault(name, ObjInfo(name, "router", (cls,), line))
        return (name,)

    def method_call(self, target: Ref, attr: str, node: ast.Call) -> None:
        """``include_router``, ``mount``, ``add_middleware`` and ``add_api_route`` calls."""
        if id(node) in self.handled:
            return

        def arg(name: str, index: int) -> ast.expr | None:
            value = keyword(node, name)
            return value if value is not None or len(node.args) <= index else node.args[index]

        if attr == "include_router":
            router = arg("router", 0)
            child = dotted(router or ast.Constant(None))
            child = self.names.rewrite(child) if child else child
            made = dotted(router.func) if isinstance(router, ast.Call) else None
            if child:
                self.include(target, child, node)
            elif made and made[-1] in LIBRARY_ROUTERS:
                self.include(target, made, node, library=".".join(made))
        elif attr == "mount":
            child = dotted(arg("app", 1) or ast.Constant(None))
            prefix = pieces(arg("path", 0)) or ()
            if child:
                inc = IncludeDecl(target, child, prefix, (), node.lineno, True)
                self.s.includes.append(inc)
            served = arg("app", 1)
            if isinstance(served, ast.Call) and call_name(served).endswith("StaticFiles"):
                self.s.static_mounts.append((tuple(map(self.names.piece, prefix)), node.lineno))
        elif attr == "add_middleware" and node.args:
            self.middleware(target, node.args[0], node, node.lineno)
        elif attr == "add_api_route":
            fn_ref = dotted(arg("endpoint", 1) or ast.Constant(None))
            fn = self.defs.get(fn_ref[-1]) if fn_ref else None
            methods = literal_strs(keyword(node, "methods")) or ("GET",)
            if fn is not None:
                nodes = list(function_nodes(fn))
                self.route(target, methods, arg("path", 0), fn, node, node.lineno, nodes)

    def include(self, target: Ref, child: Ref, node: ast.Call, library: str = "") -> None:
        """Record one ``include_router`` edge (to a router a library generates)."""
        prefix = pieces(keyword(node, "prefix")) or ()
        deps = _deps_list(keyword(node, "dependencies"))
        inc = IncludeDecl(target, child, prefix, deps, node.lineno, False, library)
        self.s.includes.append(inc)

    def loop_includes(self, node: ast.For) -> None:
        """``for r in (a.router, b.router): app.include_router(r)``."""
        if isinstance(node.target, ast.Name) and isinstance(node.iter, ast.List | ast.Tuple):
            children = [dotted(e) for e in node.iter.elts]
            for inner in (n for stmt in node.body for n in ast.walk(stmt)):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "include_router"
                    and inner.args
                    and isinstance(inner.args[0], ast.Name)
                    and inner.args[0].id == node.target.id
                ):
                    target = dotted(inner.func.value)
                    if target:
                        self.handled.add(id(inner))
                        for child in children:
                            if child:
                                self.include(target, child, inner)

    def route(
        self,
        owner: Ref,
        methods: tuple[str, ...],
        path_node: ast.expr | None,
        fn: FuncNode,
        call: ast.Call,
        line: int,
        nodes: list[ast.AST],
    ) -> None:
        """Record one route with what its endpoint says (``nodes``: the function's nodes)."""
        parsed = pieces(path_node) if path_node is not None else ("",)
        path: tuple[Piece, ...] = parsed if parsed is not None else ("{?}",)
        path = tuple(map(self.names.piece, path))
        params = tuple(endpoint.own_params(fn))
        for param in params:
            param.ref = self.names.dependency(param.ref)
        dep_params = {p.name for p in params}
        exchange = endpoint.token_exchange(fn, nodes)
        self.s.routes.append(
            RouteDecl(
                owner=owner,
                methods=tuple(m.upper() for m in methods),
                path=path,
                line=line,
                source=self.line(line),
                endpoint=fn.name,
                deps=tuple(map(self.names.dependency, _deps_list(keyword(call, "dependencies")))),
                params=params,
                inline="" if exchange else marker_of(iter(nodes)),
                calls=() if exchange else authish_calls(nodes),
                login_form=endpoint.login_form(fn),
                ownership=ownership_facts(fn, nodes, path, dep_params, self.lines),
                method_calls=frozenset(
                    n.func.attr
                    for n in nodes
                    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                )
                & ENFORCING_CALLS,
                page=endpoint.serves_page(fn, call, nodes),
                exchange=exchange,
            )
        )
