"""Auth dependencies that let requests in before checking anything, read with the
project's default configuration.

Two kinds of early ``return`` at the top of a dependency (or of the function a dependency
factory returns) are read into an :class:`OpenGate` when the file is parsed:

- ``path``: the condition tests the request path, directly or through a project function
  (``if path_is_whitelisted(request.scope): return``). The names it reads are followed
  through the module's assignments (``whitelist_patterns`` ← ``whitelist_paths`` ←
  ``global_args.whitelist_paths``) to settings attributes, whose defaults are read where
  the project sets them from the environment
  (``args.whitelist_paths = get_env_value("WHITELIST_PATHS", "/health,/api/*")``).
- ``config``: the condition tests configuration only (``if not auth_configured and not
  api_key_configured: return``): authentication is off until something is configured.

At the route table (:func:`gate_verdict`), a route protected by such a dependency is judged
under the default configuration: a path the default whitelist exempts is public for a safe
method when the entry is exact, and unprotected for a method that changes or computes
something under a wildcard entry (``/api/*``); a route behind a configuration switch is
unknown, depending on that configuration — never protected.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from typing import NamedTuple

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python.astutil import dotted, literal_str
from jwtscope.audit.python.summary import FuncInfo, OpenGate

__all__ = [
    "Opened",
    "env_default",
    "follow_gates",
    "gate_verdict",
    "module_flows",
    "open_gate_findings",
    "read_gates",
    "resolve_gate_names",
]

_PATHISH = re.compile(r"(?i)(white|allow|public|exempt|skip|exclud|bypass|open)_?(list|path)?")
_REQUEST_NAMES = frozenset({"request", "req", "scope", "conn", "websocket"})
_REQUEST_TYPES = frozenset({"Request", "HTTPConnection", "WebSocket", "Scope"})
_PATH_ATTRS = frozenset({"path", "url", "scope", "raw_path", "path_params"})
_ENV_CALL = re.compile(r"(?i)(env|^config$)")
_ENV_VAR = re.compile(r"^[A-Z][A-Z0-9_]*$")
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
_MAX_GATES = 8
_MAX_DEPTH = 6
FuncNode = ast.FunctionDef | ast.AsyncFunctionDef


def _accepts(body: list[ast.stmt]) -> bool:
    """``return`` / ``return None``: the request goes on with nothing checked."""
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return False
    value = body[0].value
    return value is None or (isinstance(value, ast.Constant) and value.value is None)


def _request_params(fn: FuncNode) -> tuple[set[str], set[str]]:
    """The function's parameters, and those that are the request."""
    args = [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]
    params = {a.arg for a in args}
    request = {
        a.arg
        for a in args
        if a.arg in _REQUEST_NAMES
        or (a.annotation is not None and (dotted(a.annotation) or ("",))[-1] in _REQUEST_TYPES)
    }
    return params, request


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _gate(test: ast.expr, fn: FuncNode, defs: dict[str, FuncNode], line: int) -> OpenGate | None:
    params, request = _request_params(fn)
    names = _names(test)
    text = ast.unparse(test)[:120]
    if names & request:
        calls = [n for n in ast.walk(test) if isinstance(n, ast.Call)]
        attrs = {n.attr for n in ast.walk(test) if isinstance(n, ast.Attribute)}
        called = [(dotted(c.func) or ("",))[-1] for c in calls]
        if not (attrs & _PATH_ATTRS or any(_PATHISH.search(c) for c in called)):
            return None  # the method (a CORS preflight), a header: not a path exemption
        reads = names - params
        for name in called:
            if name in defs:
                reads |= _names(defs[name]) - {name}
        return OpenGate(line, "path", text, tuple(sorted(reads)))
    if names & params or not names:
        return None  # depends on what the request carries (a token, a key)
    if any(
        isinstance(n, ast.Call) and (dotted(n.func) or ("",))[-1] not in ("bool", "len")
        for n in ast.walk(test)
    ):
        return None
    return OpenGate(line, "config", text, tuple(sorted(names)))


def read_gates(fn: FuncNode, defs: dict[str, FuncNode]) -> tuple[OpenGate, ...]:
    """The early returns of ``fn`` and of the functions defined in it that let a request in
    unchecked, by path or by configuration."""
    out: list[OpenGate] = []
    for inner in (n for n in ast.walk(fn) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
        for stmt in inner.body:
            if isinstance(stmt, ast.If) and not stmt.orelse and _accepts(stmt.body):
                gate = _gate(stmt.test, inner, defs, stmt.lineno)
                if gate is not None and len(out) < _MAX_GATES:
                    out.append(gate)
    return tuple(out)


def _refs(node: ast.AST) -> set[str]:
    """Names and attribute chains an expression reads (``global_args.whitelist_paths``)."""
    out: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute):
            ref = dotted(n)
            if ref is not None:
                out.add(".".join(ref))
        elif isinstance(n, ast.Name):
            out.add(n.id)
    return out


def _top_statements(tree: ast.Module) -> Iterable[ast.stmt]:
    todo = list(tree.body)
    while todo:
        stmt = todo.pop(0)
        if isinstance(stmt, ast.If | ast.Try):
            todo[:0] = [*stmt.body, *stmt.orelse]
            continue
        yield stmt


def module_flows(tree: ast.Module) -> dict[str, set[str]]:
    """For each module-level name, what its value is built from (assignments, and lists
    filled by a loop: ``for p in paths: patterns.append(…)``)."""
    flows: dict[str, set[str]] = {}
    for stmt in _top_statements(tree):
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    flows.setdefault(target.id, set()).update(_refs(stmt.value))
        elif isinstance(stmt, ast.For):
            source = _refs(stmt.iter)
            for n in (n for s in stmt.body for n in ast.walk(s)):
                if (
                    isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Attribute)
                    and n.func.attr in ("append", "extend", "add")
                    and isinstance(n.func.value, ast.Name)
                ):
                    flows.setdefault(n.func.value.id, set()).update(source)
    return flows


def resolve_gate_names(gate: OpenGate, flows: dict[str, set[str]]) -> OpenGate:
    """A path gate with its names followed through the module's assignments to the
    settings attributes they come from (``whitelist_paths`` of ``global_args``)."""
    if gate.kind != "path":
        return gate
    seen: set[str] = set()
    todo = [(n, 0) for n in gate.names if n in flows]
    leaves: set[str] = set()
    while todo:
        name, depth = todo.pop()
        if name in seen or depth > _MAX_DEPTH:
            continue
        seen.add(name)
        for ref in flows.get(name, ()):
            if "." in ref:
                leaves.add(ref.rsplit(".", 1)[-1])
            elif ref in flows:
                todo.append((ref, depth + 1))
            else:
                leaves.add(ref)
    leaves |= seen  # a module name may itself be read from the environment
    return OpenGate(gate.line, gate.kind, gate.text, tuple(sorted(leaves)))


def follow_gates(functions: Iterable[FuncInfo], tree: ast.Module) -> None:
    """Follow the names of the module's path gates to the settings they come from."""
    gated = [f for f in functions if any(g.kind == "path" for g in f.gates)]
    if gated:
        flows = module_flows(tree)
        for info in gated:
            info.gates = tuple(resolve_gate_names(g, flows) for g in info.gates)


def env_default(call: ast.Call) -> tuple[str, str] | None:
    """``get_env_value("X", "default")``, ``os.getenv("X", "d")``, ``config("X",
    default="d")``: the variable and its literal string default; None otherwise."""
    ref = dotted(call.func)
    if not ref or (not _ENV_CALL.search(ref[-1]) and ref[-1] != "get") or not call.args:
        return None
    if ref[-1] == "get" and "environ" not in ref:
        return None
    var = literal_str(call.args[0])
    if var is None or not _ENV_VAR.match(var):
        return None
    default = literal_str(call.args[1]) if len(call.args) > 1 else None
    for kw in call.keywords:
        if kw.arg == "default":
            default = literal_str(kw.value)
    return (var, default) if default is not None else None


def _matches(pattern: str, path: str) -> bool:
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern or path.rstrip("/") == pattern.rstrip("/")


DefaultOf = dict[str, "tuple[str, str, str, str] | None"]


class Opened(NamedTuple):
    """What an open gate makes of one route: ``status`` (public, unprotected, unknown), why,
    the place to report (the default's ``file:line`` or the gate's), its source line, and
    the whitelist entry that matched (``""`` for a configuration switch)."""

    status: str
    why: str
    place: str
    source: str
    pattern: str


def gate_verdict(
    gates: tuple[OpenGate, ...],
    where: str,
    defaults: DefaultOf,
    path: str,
    method: str,
    dep: str = "the auth dependency",
) -> Opened | None:
    """What a dependency's open gates make of ``method path`` under the default
    configuration, or None when they let nothing through.

    Args:
        gates: the dependency's gates.
        where: the file the gates are in.
        defaults: settings attribute → (variable, default, ``file:line``, source line).
        dep: the dependency as written, for the explanation.
    """
    for gate in gates:
        if gate.kind != "path":
            continue
        for name in gate.names:
            known = defaults.get(name)
            if known is None:
                continue
            var, default, place, source = known
            for pattern in (p.strip() for p in default.split(",") if p.strip()):
                if not _matches(pattern, path):
                    continue
                why = (
                    f"{var} defaults to {default!r} ({place}): {pattern!r} exempts it from "
                    f"{dep}'s check ({where}:{gate.line})"
                )
                if pattern.endswith("*") and method.upper() not in _SAFE:
                    return Opened("unprotected", why, place, source, pattern)
                return Opened("public", f"exempt by default: {why}", place, source, pattern)
    for gate in gates:
        if gate.kind == "config":
            why = (
                f"depends on configuration: {dep} lets every request through "
                f"when `{gate.text}` ({where}:{gate.line}); it checks credentials only once "
                f"{' or '.join(gate.names)} is configured"
            )
            return Opened("unknown", why, f"{where}:{gate.line}", f"if {gate.text}:", "")
    return None


def open_gate_findings(hits: dict[str, Opened]) -> list[AuditFinding]:
    """One finding per place: a default whitelist with a wildcard that exempts routes
    declaring an auth dependency, and authentication that is off until configured."""
    out: list[AuditFinding] = []
    for place, hit in sorted(hits.items()):
        path, _, line = place.rpartition(":")
        if hit.pattern:
            out.append(
                make(
                    "AUDIT-AUTH-WHITELIST-DEFAULT",
                    path=path,
                    line=int(line),
                    source_line=hit.source,
                    detail=f"{_plural(hit.why)}. Every route under "
                    f"{hit.pattern} answers without "
                    "credentials unless the operator narrows the setting.",
                    fix="Default the whitelist to exact public paths (/health) and make "
                    "wider exemptions opt-in.",
                )
            )
        else:
            out.append(
                make(
                    "AUDIT-AUTH-DISABLED-BY-DEFAULT",
                    path=path,
                    line=int(line),
                    source_line=hit.source,
                    detail=hit.why.replace("depends on configuration: ", "")
                    + ": with the default configuration every protected route is open.",
                    fix="Fail closed: refuse to start (or refuse requests) when no "
                    "credentials are configured, unless an explicit open mode is set.",
                )
            )
    return out


def _plural(why: str) -> str:
    """A route's explanation said of the setting: "… exempts routes from …"."""
    return why.removeprefix("exempt by default: ").replace(" exempts it ", " exempts routes ")
