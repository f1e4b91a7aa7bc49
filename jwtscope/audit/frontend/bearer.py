"""``Authorization: Bearer …`` built from a value that can be null or undefined.

A finding needs evidence that the value can be missing — an optional chain
(``session?.token``), a declaration that says so (``localStorage.getItem(…)``,
``string | null``, an optional parameter, ``let token;``) — and no check of it in the
enclosing function (``if (!token)``, ``token ? … : …``, ``token &&``, ``?? …``). A value
whose type the source cannot tell (a call's result, ``data.token``) is never reported:
a wrong verdict is worse than none.

The headers are found in the syntax tree (a template string ``Bearer ${…}``, or
``"Bearer " + …``); the declaration and the checks are looked for in the lines before
it, comments left out.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tree_sitter import Node

from jwtscope.audit.frontend.scripttree import Literal, Script

__all__ = ["BearerChecks"]


class BearerChecks:
    """Mixed into the script scanner, which provides :attr:`js` and :meth:`emit`."""

    js: Script

    def emit(
        self, code: str, line: int, detail: str, fix: str, hide: Literal | None = None
    ) -> None:
        raise NotImplementedError

    def bearer(self) -> None:
        js = self.js
        found: list[tuple[Node, str]] = []
        for template in js.of("template"):
            parts = template.named_children
            for before, part in pairwise(parts):
                if (
                    part.type == "template_substitution"
                    and before.type == "string_fragment"
                    and js.text_of(before).endswith("Bearer ")
                ):
                    found.append((part, js.code(part)[2:-1].strip()))
        for node in js.of("binary"):
            left = js.literal(node.child_by_field_name("left"))
            if (
                left is not None
                and left.value == "Bearer "
                and js.text_of(node.child_by_field_name("operator")) == "+"
            ):
                found.append((node, js.code(node.child_by_field_name("right")).strip()))
        for node, expr in sorted(found, key=lambda f: f[0].start_byte):
            if expr:
                self._bearer_value(node, expr)

    def _bearer_value(self, node: Node, expr: str) -> None:
        js = self.js
        pos = js.line_of(node), js.column(node.start_point.row, node.start_point.column)
        root = re.match(r"(?:await\s+)?([A-Za-z_$][\w$]*)", expr)
        if root is None or expr.startswith(("'", '"', "`")):
            return
        name = root.group(1)
        if name in ("process", "import", "env") or re.fullmatch(r"[A-Z0-9_]+", name):
            return  # a constant or an environment variable: configuration, not a session
        why = "it is an optional chain" if "?." in expr else self._nullable(pos, name, expr)
        if why is None or self._guarded(pos, name):
            return
        self.emit(
            "AUDIT-BEARER-UNGUARDED",
            pos[0],
            f"The Authorization header is built from {expr[:60]}, which can be null or "
            f"undefined ({why}), and nothing checks it first: before sign-in (or when "
            "getting the token failed) the backend receives 'Bearer undefined'/'Bearer null' "
            "and answers 401 for a malformed token.",
            _fix(name, expr),
        )

    def _lines_before(self, pos: tuple[int, int], limit: int = 40) -> list[str]:
        """The code lines before ``pos`` (line, column) back to the enclosing top-level
        statement, comments blanked."""
        js = self.js
        line, column = pos
        out = [js.code_line(line)[:column]]
        for number in range(line - 1, max(0, line - limit), -1):
            text = js.code_line(number)
            out.append(text)
            if text[:1] not in (" ", "\t", "}", ")", "\r", ""):
                break  # a top-level statement: the enclosing function starts here
        return out

    def _nullable(self, pos: tuple[int, int], name: str, expr: str) -> str | None:
        """Why ``name`` can be null/undefined at ``pos``, from its declaration; None when
        the declaration says it is a string or cannot tell (a call's result)."""
        if expr != name:
            return None  # data.token, getToken(): the text cannot tell
        n = re.escape(name)
        decl = re.compile(
            rf"\b(?:const|let|var)\s+{n}\b\s*(?::\s*(?P<type>[^=;\n]+?))?\s*"
            rf"(?:=\s*(?P<init>[^;\n]+)|;|$)"
        )
        param = re.compile(rf"[(,]\s*{n}\s*(?P<opt>\?)?\s*:\s*(?P<type>[^,)=\n]+)")
        for text in self._lines_before(pos):
            m = decl.search(text)
            if m is not None:
                kind = m.group("type") or ""
                init = m.group("init")
                if re.search(r"\b(null|undefined)\b", kind):
                    return f"declared as {kind.strip()}"
                if init is None:
                    return "declared without a value"
                if re.search(r"getItem\s*\(|\.get\s*\(|\?\.|\b(null|undefined)\b", init):
                    return f"it comes from {init.strip()[:50]}"
                return None
            m = param.search(text)
            if m is not None:
                if m.group("opt") or re.search(r"\b(null|undefined)\b", m.group("type")):
                    return "an optional parameter"
                return None
        return None

    def _guarded(self, pos: tuple[int, int], name: str) -> bool:
        n = re.escape(name)
        guard = re.compile(
            rf"(?:if\s*\(\s*!?\s*{n}\b|\b{n}\s*(?:&&|\?(?![.:,)])|===?\s*(?:null|undefined)|"
            rf"!==?\s*(?:null|undefined)|\?\?)|!\s*{n}\b\s*\)|typeof\s+{n}\b|"
            rf"\bassert\w*\(\s*{n}\b)"
        )
        return any(guard.search(text) for text in self._lines_before(pos))


def _fix(name: str, expr: str) -> str:
    """Check the value before building the header (name it first when it is a chain)."""
    first = "" if expr == name else f"const token = {expr};\n"
    var = name if expr == name else "token"
    return (
        f'{first}if (!{var}) throw new Error("not signed in");\n'
        f"headers: {{ Authorization: `Bearer ${{{var}}}` }}\n"
        f"// or send the header only when there is a token:\n"
        f"headers: {var} ? {{ Authorization: `Bearer ${{{var}}}` }} : {{}}"
    )
