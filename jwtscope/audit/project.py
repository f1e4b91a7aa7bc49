"""Audit a whole project: the Python backend, the TypeScript/JavaScript frontend, env files,
and credentials committed anywhere. The entry point of ``jwtscope audit``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from jwtscope.audit.model import AuditResult
from jwtscope.audit.python_ast import audit_python

__all__ = ["audit_project"]


def audit_project(
    root: Path,
    *,
    public: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
    now: float | None = None,
) -> AuditResult:
    """Audit every file of ``root`` that can hold a JWT mistake.

    Args:
        root: the project folder (or one file).
        public: route patterns that are public on purpose (``/health``, ``GET /posts/*``).
        progress: called with the number of files read so far, every few files and at the end.
        now: the time (epoch seconds) leaked tokens' ``exp`` is compared with; None: not compared.

    Returns:
        The findings, the route table, the Better Auth issuer found and file counts.
    """
    result = audit_python(Path(root), public=public, progress=progress)
    return replace(result, root=str(Path(root).resolve()))
