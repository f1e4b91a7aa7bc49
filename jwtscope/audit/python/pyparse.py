"""Parse Python source with the running interpreter's :mod:`ast`, retrying once with the
newer syntax rewritten by :mod:`jwtscope.audit.python.downlevel` (tree-sitter); a file
that does not parse is a finding."""

from __future__ import annotations

import ast
import warnings

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python.downlevel import downlevel
from jwtscope.audit.redact import redact_line

__all__ = ["PARSE_FAILURES", "parse_error", "parse_python"]

PARSE_FAILURES = (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError)


def parse_python(text: str, rel: str) -> ast.Module:
    """Parse with the running interpreter's :mod:`ast`; on a syntax error, retry once with
    the newer constructs (PEP 758, PEP 695, t-strings, PEP 701 f-strings) in the older
    spelling, line numbers unchanged. Raises what the first attempt raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.parse(text, filename=rel)
        except SyntaxError as first:
            rewritten = downlevel(text)
            if rewritten is None:
                raise
            try:
                return ast.parse(rewritten, filename=rel)
            except PARSE_FAILURES:
                raise first from None


def parse_error(rel: str, lines: list[str], exc: BaseException) -> AuditFinding:
    line = getattr(exc, "lineno", None) or 1
    message = getattr(exc, "msg", None) or type(exc).__name__
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return make(
        "AUDIT-PARSE-ERROR",
        path=rel,
        line=line,
        source_line=redact_line(source)[:200],
        detail=f"Not audited: {message} (line {line}). Routes declared in it or depending "
        "on its names are reported unknown, never unprotected.",
        fix="Fix the syntax, or audit with the Python version the project targets "
        "(or exclude the file in .gitignore if it is not Python 3).",
    )
