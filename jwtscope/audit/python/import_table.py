"""A Python module's import table, read from its syntax tree: each local name with the
module (and attribute) it stands for, star imports, and whether FastAPI/Starlette is imported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from jwtscope.audit.python.summary import ModuleSummary

__all__ = ["module_name", "record_import", "top_level_defs"]

_WEB = ("fastapi", "starlette")


def module_name(rel: str) -> tuple[str, bool]:
    """``app/routers/todos.py`` → ``("app.routers.todos", False)``; packages → True."""
    parts = rel[:-3].split("/") if rel.endswith(".py") else rel.split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def top_level_defs(
    tree: ast.Module,
) -> Iterator[ast.Import | ast.ImportFrom | ast.FunctionDef | ast.AsyncFunctionDef]:
    """The module's imports and functions, also those under ``if``/``try``/``with``."""
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.AsyncFunctionDef):
            yield node
        elif isinstance(node, ast.If | ast.Try | ast.TryStar | ast.With):
            todo += node.body
            todo += getattr(node, "orelse", [])
            todo += getattr(node, "finalbody", [])
            for handler in getattr(node, "handlers", []):
                todo += handler.body


def record_import(s: ModuleSummary, node: ast.Import | ast.ImportFrom) -> bool:
    """Add one import statement to ``s`` (relative imports resolved against its package).

    Returns:
        True when it imports from FastAPI or Starlette (the module is a web module).
    """
    package = s.name if s.is_package else s.name.rpartition(".")[0]
    web = False
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                s.imports.setdefault(alias.asname, (alias.name, None))
            else:
                head = alias.name.split(".")[0]
                s.imports.setdefault(head, (head, None))
            web = web or alias.name.startswith(_WEB)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            up = package.split(".") if package else []
            up = up[: len(up) - (node.level - 1)] if node.level > 1 else up
            base = ".".join([*up, *([node.module] if node.module else [])])
        web = web or base.startswith(_WEB)
        for alias in node.names:
            if alias.name == "*":
                if base not in s.star_imports:
                    s.star_imports.append(base)
            else:
                s.imports.setdefault(alias.asname or alias.name, (base, alias.name))
    return web
