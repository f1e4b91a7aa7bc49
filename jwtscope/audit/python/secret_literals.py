"""Secrets written into Python code: literals passed or assigned under a secret-like name,
literal defaults of environment reads (``os.getenv("JWT_SECRET", "dev")``, ``… or "dev"``)
and of Settings fields. Each finding shows the literal as its fingerprint, never its value.
"""

from __future__ import annotations

import ast
import re
from typing import Protocol

from jwtscope.audit.python.astutil import SECRETISH, call_name, dotted, keyword, literal_str
from jwtscope.core.findings import Severity
from jwtscope.core.keys.common_secrets import is_common
from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES
from jwtscope.core.keys.keyset import fingerprint

__all__ = ["ENV_NAME", "Emit", "SecretChecks", "env_var_read", "redact"]

_NOT_SECRET_NAME = re.compile(
    r"(?i)(_name|_env|_var|_file|_path|_header|_url|_uri|_field|_alg|_algorithm|_len|"
    r"_length|_id|_prefix|_type|_kind|_cookie|_source|_location)s?$"
)
#: An environment variable's name (``JWT_SECRET``): a name, not a secret value.
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_ENV_READERS = frozenset({"getenv", "get", "setdefault", "config", "env", "str"})


class Emit(Protocol):
    """Report a finding at ``line`` (the extractor fills in the path and source line)."""

    def __call__(
        self,
        code: str,
        line: int,
        detail: str,
        fix: str,
        *,
        severity: Severity | None = None,
        source: str | None = None,
    ) -> None: ...


def redact(line: str, node: ast.expr, value: str) -> str:
    """``line`` with the literal at ``node`` replaced by its fingerprint."""
    end = getattr(node, "end_col_offset", None)
    if node.lineno != getattr(node, "end_lineno", node.lineno) or end is None:
        return "<source line hidden: it holds a secret>"
    raw = line.encode("utf-8")
    stand_in = f'"<redacted: {fingerprint(value.encode(), len(value))}>"'.encode()
    return (raw[: node.col_offset] + stand_in + raw[end:]).decode("utf-8", "replace")


def env_var_read(node: ast.Call) -> str | None:
    """The variable an environment read names: ``os.getenv("X")``,
    ``os.environ.get("X")``, ``config("X")`` (decouple), ``env("X")``/``env.str("X")``
    (environs); None for any other call."""
    ref = dotted(node.func)
    if not ref or ref[-1] not in _ENV_READERS or not node.args:
        return None
    if ref[-1] in ("get", "setdefault") and "environ" not in ref:
        return None
    if ref[-1] == "str" and ref[0] != "env":
        return None
    return literal_str(node.args[0])


def _secret_name(name: str) -> bool:
    return bool(SECRETISH.search(name)) and not _NOT_SECRET_NAME.search(name)


def _secret_value(value: str | None) -> bool:
    """A value, not the name of a variable (``"JWT_SECRET"``); a well-known secret written
    in capitals (``"SECRET"``) is a value."""
    if not value or "${" in value:
        return False
    return not ENV_NAME.match(value) or is_common(value.lower())


class SecretChecks:
    """Secret literals in one module.

    Args:
        lines: the module's source split into lines.
        emit: where findings go.
    """

    def __init__(self, lines: list[str], emit: Emit) -> None:
        self.lines = lines
        self.emit = emit

    def line(self, lineno: int) -> str:
        """Source line ``lineno`` (1-based)."""
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def keyword_literals(self, node: ast.Call) -> None:
        """``f(secret_key="…")``: a literal passed under a secret-like keyword."""
        for kw in node.keywords:
            value = literal_str(kw.value)
            if kw.arg and _secret_name(kw.arg) and _secret_value(value) and value is not None:
                self.literal(kw.value, value, f"passed as {kw.arg}=")

    def literal(self, node: ast.expr, value: str, how: str) -> None:
        """AUDIT-SECRET-LITERAL for ``value``, the literal at ``node``; ``how`` says where."""
        common = is_common(value)
        self.emit(
            "AUDIT-SECRET-LITERAL",
            node.lineno,
            f"A secret literal ({fingerprint(value.encode(), len(value))}) is {how}"
            + (" and it is a well-known secret." if common else "."),
            "Read it from the environment and fail when it is missing:\n"
            '    JWT_SECRET = os.environ["JWT_SECRET"]\n'
            "then rotate the value: it is in the repository's history.",
            severity=Severity.CRITICAL if common else None,
            source=redact(self.line(node.lineno), node, value),
        )

    def env_default(self, node: ast.Call, at: ast.expr, fallback: ast.expr | None = None) -> None:
        """AUDIT-SECRET-DEFAULT: ``os.getenv("JWT_SECRET", "dev")`` and the like (the
        literal default is ``fallback`` for ``os.getenv(...) or "dev"``)."""
        name = env_var_read(node)
        if not name or not (_secret_name(name) or name in KNOWN_SECRET_NAMES):
            return
        default = fallback
        if default is None:
            default = keyword(node, "default")
            if default is None and len(node.args) > 1:
                default = node.args[1]
        value = literal_str(default)
        if default is None or not value:
            return
        common = is_common(value)
        self.emit(
            "AUDIT-SECRET-DEFAULT",
            at.lineno,
            f"{name} falls back to a literal ({fingerprint(value.encode(), len(value))})"
            + (", a well-known secret," if common else "")
            + " when the variable is not set.",
            f'Fail fast instead: {name} = os.environ["{name}"]  (a KeyError at start-up '
            "beats tokens signed with a published default).",
            severity=Severity.CRITICAL if common else None,
            source=redact(self.line(default.lineno), default, value)
            if default.lineno == at.lineno
            else self.line(at.lineno),
        )

    def on_bool_or(self, node: ast.BoolOp) -> None:
        """``os.getenv("JWT_SECRET") or "dev"``."""
        if not isinstance(node.op, ast.Or) or len(node.values) < 2:
            return
        first, last = node.values[0], node.values[-1]
        if isinstance(first, ast.Call) and literal_str(last):
            self.env_default(first, node, fallback=last)

    def on_assign(self, target: str, value: ast.expr, settings_class: bool) -> None:
        """An assignment of a literal to a secret-like name (a Settings field is a default)."""
        if not _secret_name(target):
            return
        if (
            settings_class
            and isinstance(value, ast.Call)
            and call_name(value) == "Field"
            and (value.args or value.keywords)
        ):
            value = keyword(value, "default") or (value.args[0] if value.args else value)
        text = literal_str(value)
        if text is None or not _secret_value(text):
            return
        if not settings_class:
            self.literal(value, text, f"assigned to {target}")
            return
        common = is_common(text)
        self.emit(
            "AUDIT-SECRET-DEFAULT",
            value.lineno,
            f"Settings field {target} defaults to a literal "
            f"({fingerprint(text.encode(), len(text))})"
            + (", a well-known secret" if common else "")
            + ": used whenever the variable is missing.",
            f"Declare it without a default ({target}: str) so that settings fail to load "
            "when the variable is missing.",
            severity=Severity.CRITICAL if common else None,
            source=redact(self.line(value.lineno), value, text),
        )
