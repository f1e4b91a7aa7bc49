"""Which requests an auth middleware lets through unchecked: its excluded paths.

An auth middleware usually starts with a pass-through: ``if request.url.path in PUBLIC:
return await call_next(request)`` (or ``scope["path"]`` and ``await self.app(...)`` in a
plain ASGI class). The condition of every such ``if`` is read into a small expression
(:data:`Cond`) over the request path and method: literal strings, module constants, or
``self.<attr>`` set from ``add_middleware(..., exclude=[...])``. A condition that cannot be
read stays in the expression as "unread", so a route it may cover is reported unknown,
never protected or unprotected on a guess.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from jwtscope.audit.python.astutil import dotted, literal_str, pieces
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import Bypass, Cond, Piece

__all__ = ["Gate", "bypass_verdict", "gate_verdict", "read_bypass"]

_PATH_ATTRS = frozenset({"path", "raw_path"})


def _is_path(node: ast.expr, path_vars: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in path_vars
    if isinstance(node, ast.Attribute):
        return node.attr in _PATH_ATTRS and (dotted(node) or ("",))[0] in (
            "request",
            "req",
            "self",
            "conn",
        )
    if isinstance(node, ast.Subscript):
        return literal_str(node.slice) == "path"
    return False


def _is_method(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "method"
    return isinstance(node, ast.Subscript) and literal_str(node.slice) == "method"


def _values(node: ast.expr) -> tuple[Piece, ...] | None:
    """Strings of a literal, a constant's name, or a ``self.attr`` option."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        out: list[Piece] = []
        for elt in node.elts:
            got = _values(elt)
            if got is None:
                return None
            out += got
        return tuple(out)
    ref = dotted(node)
    if ref is not None and ref[0] == "self" and len(ref) == 2:
        return (("self", ref[1]),)
    single = pieces(node)
    return single if single is not None and len(single) == 1 else None


def _cond(node: ast.expr, path_vars: set[str]) -> Cond | None:
    """The condition as an expression; None when it is about neither path nor method."""
    if isinstance(node, ast.BoolOp):
        parts = [_cond(v, path_vars) for v in node.values]
        kept = tuple(p for p in parts if p is not None)
        if not kept:
            return None
        if isinstance(node.op, ast.And) and len(kept) < len(parts):
            return Cond("unread", why="a condition mixing the path with other tests")
        return Cond("and" if isinstance(node.op, ast.And) else "or", parts=kept)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _cond(node.operand, path_vars)
        return Cond("not", parts=(inner,)) if inner is not None else None
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], node.ops[0]
        kind = "eq" if _is_path(left, path_vars) else "method" if _is_method(left) else ""
        if not kind:
            return None
        values = _values(right)
        if values is None:
            return Cond("unread", why=f"the {'path' if kind == 'eq' else 'method'} test")
        if isinstance(op, ast.Eq | ast.In):
            return Cond(kind, values)
        if isinstance(op, ast.NotEq | ast.NotIn):
            return Cond("not", parts=(Cond(kind, values),))
        return Cond("unread", why="a comparison of the path")
    if isinstance(node, ast.Call):
        return _call_cond(node, path_vars)
    return None


def _call_cond(node: ast.Call, path_vars: set[str]) -> Cond | None:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "startswith" and node.args:
        if not _is_path(func.value, path_vars):
            return None
        values = _values(node.args[0])
        return Cond("prefix", values) if values is not None else Cond("unread", why="a startswith")
    if isinstance(func, ast.Name) and func.id == "any" and node.args:
        gen = node.args[0]
        if isinstance(gen, ast.GeneratorExp) and len(gen.generators) == 1:
            inner = gen.elt
            loop = gen.generators[0]
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "startswith"
                and _is_path(inner.func.value, path_vars)
                and isinstance(loop.target, ast.Name)
                and inner.args
                and isinstance(inner.args[0], ast.Name)
                and inner.args[0].id == loop.target.id
            ):
                values = _values(loop.iter)
                return (
                    Cond("prefix", values)
                    if values is not None
                    else Cond("unread", why="an any(…)")
                )
        mentions = any(_is_path(n, path_vars) for n in ast.walk(gen) if isinstance(n, ast.expr))
        return Cond("unread", why="an any(…) over the path") if mentions else None
    if any(_is_path(n, path_vars) for n in ast.walk(node) if isinstance(n, ast.expr)):
        return Cond("unread", why=f"a call on the path ({ast.unparse(node.func)[:40]})")
    return None


def _passes_through(body: list[ast.stmt]) -> bool:
    """The branch hands the request on unchecked: ``return await call_next(request)``, or
    ``await self.app(scope, receive, send)`` then ``return``."""
    for stmt in body:
        for n in ast.walk(stmt):
            if isinstance(n, ast.Call):
                head = dotted(n.func)
                if head and (head[-1] == "call_next" or head[-2:] == ("self", "app")):
                    return any(isinstance(s, ast.Return) for s in body)
    return False


def read_bypass(nodes: list[ast.AST]) -> Bypass | None:
    """The pass-through conditions among a middleware's nodes, or None when it has none."""
    path_vars: set[str] = set()
    options: list[tuple[str, str]] = []
    defaults: list[tuple[str, tuple[Piece, ...]]] = []
    for n in nodes:
        if isinstance(n, ast.Assign) and _is_path(n.value, set()):
            path_vars.update(t.id for t in n.targets if isinstance(t, ast.Name))
        elif isinstance(n, ast.Assign) and isinstance(n.value, ast.Name | ast.BoolOp):
            param, fallback = _option_source(n.value)
            for t in n.targets:
                ref = dotted(t)
                if param and ref is not None and len(ref) == 2 and ref[0] == "self":
                    options.append((ref[1], param))
                    if fallback:  # self.excluded = excluded or PUBLIC_ROUTES
                        defaults.append((ref[1], fallback))
    conds: list[Cond] = []
    line = 0
    for n in nodes:
        if isinstance(n, ast.If) and _passes_through(n.body):
            cond = _cond(n.test, path_vars)
            if cond is not None:
                conds.append(cond)
                line = line or n.lineno
    return Bypass(tuple(conds), line, tuple(options), tuple(defaults)) if conds else None


def _option_source(value: ast.expr) -> tuple[str, tuple[Piece, ...]]:
    """``param`` or ``param or FALLBACK``: the ``__init__`` parameter an option is set
    from, and the values it falls back to when the parameter is not given."""
    if isinstance(value, ast.Name):
        return value.id, ()
    if (
        isinstance(value, ast.BoolOp)
        and isinstance(value.op, ast.Or)
        and len(value.values) == 2
        and isinstance(value.values[0], ast.Name)
    ):
        return value.values[0].id, _values(value.values[1]) or ()
    return "", ()


Resolve = Callable[[tuple[Piece, ...]], "list[str] | None"]


def _matches(cond: Cond, path: str, method: str, resolve: Resolve) -> bool | None:
    """Three-valued: True, False, or None (cannot tell)."""
    if cond.kind in ("or", "and"):
        got = [_matches(c, path, method, resolve) for c in cond.parts]
        if cond.kind == "or":
            return True if True in got else None if None in got else False
        return False if False in got else None if None in got else True
    if cond.kind == "not":
        inner = _matches(cond.parts[0], path, method, resolve)
        return None if inner is None else not inner
    known = resolve(cond.values) if cond.kind != "unread" else None
    if known is None:
        return None
    if cond.kind == "method":
        return method.upper() in (v.upper() for v in known)
    if cond.kind == "eq":
        return path in known or path.rstrip("/") in known
    return any(path.startswith(v) for v in known)


def unread_reasons(bypass: Bypass) -> list[str]:
    """What could not be read in the conditions."""
    todo, out = list(bypass.conds), []
    while todo:
        cond = todo.pop()
        todo += cond.parts
        if cond.kind == "unread":
            out.append(cond.why)
    return out


def route_bypassed(bypass: Bypass, path: str, method: str, resolve: Resolve) -> bool | None:
    """Whether the middleware lets ``method path`` through unchecked (None: cannot tell);
    ``resolve`` turns a leaf's values into strings (None when they cannot be followed)."""
    return _matches(Cond("or", parts=bypass.conds), path, method, resolve)


def _prefix_leaves(conds: tuple[Cond, ...], resolve: Resolve) -> list[str]:
    todo, out = list(conds), []
    while todo:
        cond = todo.pop()
        if cond.kind == "not":
            continue  # "everything outside /api" is meant to be public
        todo += cond.parts
        if cond.kind == "prefix":
            out += resolve(cond.values) or []
    return out


def bypass_verdict(
    bypass: Bypass, path: str, method: str, resolve: Resolve
) -> tuple[str, str] | None:
    """What a middleware's pass-through means for ``method path``: None when the middleware
    checks it; else ``("public"|"unprotected"|"unknown", why)``. A prefix that matches in
    the middle of a segment (``/auth`` for ``/authors``) is a hole, not an intent."""
    got = route_bypassed(bypass, path, method, resolve)
    if got is False:
        return None
    if got is None:
        unread = unread_reasons(bypass) or ["a value that could not be followed"]
        return "unknown", (
            f"the auth middleware lets some requests through (line {bypass.line}) and "
            f"{unread[0]} could not be read"
        )
    prefixes = _prefix_leaves(bypass.conds, resolve)
    clean = [p for p in prefixes if path.startswith(p) and _at_boundary(path, p)]
    torn = [p for p in prefixes if path.startswith(p) and not _at_boundary(path, p)]
    if torn and not clean:
        return "unprotected", (
            f"the auth middleware's excluded prefix {torn[0]!r} (line {bypass.line}) "
            f"also lets {path} through"
        )
    return "public", f"excluded from the auth middleware (line {bypass.line})"


def _at_boundary(path: str, prefix: str) -> bool:
    return prefix.endswith("/") or len(path) == len(prefix) or path[len(prefix)] in "/?."


@dataclass(frozen=True, slots=True)
class Gate:
    """An auth middleware as added to an app: its pass-through, the module its constants
    live in, and the ``add_middleware`` options (``exclude_paths=[...]``) and their module."""

    bypass: Bypass | None
    module: str
    options_module: str = ""
    options: tuple[tuple[str, tuple[Piece, ...]], ...] = ()


def gate_verdict(
    project: Project, gates: list[Gate], path: str, method: str
) -> tuple[str, str] | None:
    """None when some auth middleware checks ``method path``; else what their pass-throughs
    mean together: unknown first (one may check it), then a torn prefix, then public."""
    verdicts = []
    for gate in gates:
        if gate.bypass is None:
            return None
        verdict = bypass_verdict(gate.bypass, path, method, _resolver(project, gate))
        if verdict is None:
            return None
        verdicts.append(verdict)
    for kind in ("unknown", "unprotected", "public"):
        for verdict in verdicts:
            if verdict[0] == kind:
                return verdict
    return None


def _resolver(project: Project, gate: Gate) -> Resolve:
    aliases = dict(gate.bypass.options) if gate.bypass is not None else {}
    defaults = gate.bypass.defaults if gate.bypass is not None else ()

    def resolve(values: tuple[Piece, ...]) -> list[str] | None:
        out: list[str] = []
        for value in values:
            if isinstance(value, str):
                out.append(value)
                continue
            if value[0] == "self" and len(value) == 2:
                names = {value[1], aliases.get(value[1], value[1])}
                given = next((v for k, v in gate.options if k in names), None)
                fallback = next((v for k, v in defaults if k == value[1]), None)
                if given is not None:
                    got = project.strings(gate.options_module, given)
                else:
                    got = project.strings(gate.module, fallback) if fallback else None
            else:
                got = project.strings(gate.module, (value,))
            if got is None:
                return None
            out += got
        return out

    return resolve
