"""Names local to a function or class, as they read at module level: ``combined_auth =
get_auth_dependency(key)`` makes ``Depends(combined_auth)`` a ``Depends(factory())``;
``self.router`` in a method of ``OllamaAPI`` is the router ``OllamaAPI.router``; a local
``api = OllamaAPI(…)`` makes ``api.router`` that same router; ``webui_path = WEBUI_PATH``
makes a route path of ``webui_path`` the constant."""

from __future__ import annotations

import ast

from jwtscope.audit.python.astutil import dotted
from jwtscope.audit.python.endpoint import CALL
from jwtscope.audit.python.summary import Piece, Ref

__all__ = ["LocalNames", "local_calls"]

FuncNode = ast.FunctionDef | ast.AsyncFunctionDef

_MAX_LOCALS = 64


def local_calls(fn: FuncNode) -> dict[str, Ref]:
    """A function's own ``name = callee(…)`` statements (not in nested functions): the name
    stands for ``callee()`` (a dependency factory's product, a class instance)."""
    out: dict[str, Ref] = {}
    todo: list[ast.stmt] = list(fn.body)
    while todo and len(out) < _MAX_LOCALS:
        stmt = todo.pop(0)
        if isinstance(stmt, ast.If | ast.With | ast.AsyncWith | ast.Try):
            todo[:0] = [*stmt.body, *getattr(stmt, "orelse", [])]
            continue
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target, value = stmt.targets[0], stmt.value
        if isinstance(target, ast.Name) and isinstance(value, ast.Call):
            callee = dotted(value.func)
            if callee and callee[0] != "self":
                out[target.id] = (*callee, CALL)
        elif isinstance(target, ast.Name) and isinstance(value, ast.Name):
            out[target.id] = (value.id,)  # webui_path = WEBUI_PATH
    return out


class LocalNames:
    """How names local to the enclosing functions and class read at module level.

    Args:
        calls: ``name`` → ``(*callee, "()")`` for ``name = callee(…)`` in an enclosing
            function (``combined_auth = get_auth_dependency(key)``).
        cls: the innermost enclosing class: ``self.router`` is ``Cls.router``.
    """

    def __init__(self, calls: dict[str, Ref] | None = None, cls: str | None = None) -> None:
        self.calls = calls or {}
        self.cls = cls

    @classmethod
    def of(cls, frames: list[dict[str, Ref]], classes: list[str]) -> LocalNames:
        """The names of the enclosing functions (inner ones win) and the innermost class."""
        merged: dict[str, Ref] = {}
        for frame in frames:
            merged.update(frame)
        return cls(merged, classes[-1] if classes else None)

    def rewrite(self, ref: Ref) -> Ref:
        """``self.router`` → ``(Cls, "router")``; ``api.router`` for a local ``api =
        Api(…)`` → ``(Api, "router")``; anything else unchanged."""
        if len(ref) == 2 and ref[0] == "self" and self.cls:
            return (self.cls, ref[1])
        made = self.calls.get(ref[0]) if len(ref) == 2 else None
        if made is not None and len(made) > 1 and made[-2][:1].isupper():
            return (*made[:-1], ref[1])
        return ref

    def piece(self, part: Piece) -> Piece:
        """A path piece naming a local alias of a constant (``webui_path = WEBUI_PATH``)."""
        if isinstance(part, tuple) and len(part) == 1:
            alias = self.calls.get(part[0])
            if alias is not None and len(alias) == 1:
                return alias
        return part

    def dependency(self, ref: Ref) -> Ref:
        """``Depends(combined_auth)`` for a local ``combined_auth = factory(…)`` is
        ``Depends(factory())``."""
        if len(ref) == 1 and ref[0] in self.calls:
            return self.calls[ref[0]]
        return ref
