"""How an unverified ``jwt.decode`` result is used: only to peek (a header field, a log
line) before a verifying decode in the same function, or as the identity."""

from __future__ import annotations

import ast

from jwtscope.audit.python.astutil import call_name, literal_str

__all__ = ["only_peeks"]

#: Calls whose arguments are only shown, never trusted.
_LOGGING = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log", "print"}
)
#: What an unverified token may be read for: which key (and issuer) to verify it with.
_KEY_FIELDS = frozenset({"kid", "alg", "typ", "cty", "iss", "jku", "x5u", "x5t", "x5t#S256"})
_DECODES = ("decode", "decode_complete")


def only_peeks(fn: ast.FunctionDef | ast.AsyncFunctionDef, line: int, verified: list[int]) -> bool:
    """Whether the unverified decode on ``line`` of ``fn`` is a harmless peek.

    True when a verifying decode follows it in ``fn`` (``verified``: their lines) and its
    result is only read for a key-selection field (``kid``, ``alg``, ``iss``…) or passed
    to a logging call — never returned, passed on or read for a claim such as ``sub``.
    """
    if not any(v > line for v in verified):
        return False
    parents = {c: p for p in ast.walk(fn) for c in ast.iter_child_nodes(p)}
    call: ast.AST | None = next(
        (
            n
            for n in ast.walk(fn)
            if isinstance(n, ast.Call) and n.lineno == line and call_name(n) in _DECODES
        ),
        None,
    )
    if call is None:
        return False
    holder = parents.get(call)
    if isinstance(holder, ast.Await):
        call, holder = holder, parents.get(holder)
    target = _single_target(holder)
    if target is None:
        return _harmless(call, parents)
    until = min(
        (
            n.lineno
            for n in ast.walk(fn)
            if isinstance(n, ast.Assign | ast.AnnAssign)
            and n.lineno > line
            and _single_target(n) == target
        ),
        default=10**9,
    )
    uses = [
        n
        for n in ast.walk(fn)
        if isinstance(n, ast.Name)
        and n.id == target
        and isinstance(n.ctx, ast.Load)
        and line <= n.lineno < until
    ]
    return all(_harmless(use, parents) for use in uses)


def _single_target(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
    elif isinstance(node, ast.AnnAssign):
        target = node.target
    else:
        return None
    return target.id if isinstance(target, ast.Name) else None


def _harmless(node: ast.AST, parents: dict[ast.AST, ast.AST], depth: int = 0) -> bool:
    """A key-selection field read from ``node``, or ``node`` shown in a logging call; a
    claim read into a local name (``aud = payload.get("aud")``) that is only logged."""
    parent = parents.get(node)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return literal_str(parent.slice) in _KEY_FIELDS or _only_logged(parent, parents, depth)
    if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr == "get":
        getter = parents.get(parent)
        if isinstance(getter, ast.Call) and getter.args:
            field = literal_str(getter.args[0])
            return field in _KEY_FIELDS or _only_logged(getter, parents, depth)
        return False
    current = node
    while current in parents and not isinstance(current, ast.stmt):
        current = parents[current]
        if isinstance(current, ast.Call) and call_name(current) in _LOGGING:
            return True
    return False


def _only_logged(value: ast.AST, parents: dict[ast.AST, ast.AST], depth: int) -> bool:
    """``value`` is assigned to a local name whose every later read is shown in a logging
    call (one level: the name itself is not passed on)."""
    holder = parents.get(value)
    name = _single_target(holder)
    if name is None or depth > 0 or holder is None:
        return False
    scope = holder
    while scope in parents and not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
        scope = parents[scope]
    uses = [
        n
        for n in ast.walk(scope)
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
    ]
    return all(_harmless(use, parents, depth + 1) for use in uses)
