"""TypeScript/JavaScript parsed with tree-sitter-typescript: one file's syntax tree and
what the frontend checks ask of it.

``.ts``/``.mts``/``.cts`` files are read with the TypeScript grammar, everything else
(``.tsx``, ``.js``, ``.jsx``, ``.mjs``, ``.cjs``) with the TSX one (JavaScript with JSX is
a subset). One parser and one query per grammar are made once and reused. The query
collects, in one pass in C, every node kind the checks look at (calls, ``||``/``??``/``+``
expressions, declarations, assignments, template strings, imports, environment reads,
comments); :class:`Script` hands them out in source order with their lines and literal
values. Comments and the insides of strings are never mistaken for code, since the
parser tells them apart. tree-sitter recovers from syntax errors: what it could read is
still used, and :attr:`Script.error_line` says where the first error is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

__all__ = ["Literal", "Script"]

_TS_SUFFIXES = (".ts", ".mts", ".cts")
_QUERY = """
(call_expression function: (_)) @call
(binary_expression) @binary
(variable_declarator name: (identifier) value: (_)) @decl
(assignment_expression left: [(member_expression) (subscript_expression)]) @assign
(template_string) @template
(import_statement) @import
((member_expression
  object: (member_expression property: (property_identifier) @_env)
  property: (property_identifier)) @member (#eq? @_env "env"))
((subscript_expression
  object: (member_expression property: (property_identifier) @_env)
  index: (string)) @subscript (#eq? @_env "env"))
(comment) @comment
"""
#: Wrappers that do not change a value: ``(x)``, ``x!``, ``x as T``, ``x satisfies T``.
_WRAPPERS = frozenset(
    {"parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression"}
)
_ENV_OBJECTS = ("process.env", "import.meta.env", "Bun.env")


@cache
def _grammar(tsx: bool) -> tuple[Parser, Query]:
    language = Language(
        tree_sitter_typescript.language_tsx()
        if tsx
        else tree_sitter_typescript.language_typescript()
    )
    return Parser(language), Query(language, _QUERY)


@dataclass(frozen=True, slots=True)
class Literal:
    """A string literal: its value as written between the quotes, where it is (1-based
    lines, 0-based character columns; ``end`` is one past the closing quote)."""

    value: str
    line: int
    start: int
    end_line: int
    end: int


class Script:
    """One script file, parsed (see the module docstring)."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        parser, query = _grammar(not path.endswith(_TS_SUFFIXES))
        self.root = parser.parse(self.data).root_node
        found = QueryCursor(query).captures(self.root)
        self._nodes = {k: sorted(v, key=lambda n: n.start_byte) for k, v in found.items()}
        self.lines = text.split("\n")
        self._ascii = text.isascii()
        self._code_lines: list[str] | None = None
        self._starts: list[int] | None = None
        self.decls: dict[str, Node] = {}
        for decl in reversed(self.of("decl")):
            name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            if name is not None and value is not None:
                self.decls[self.text_of(name)] = value
        self.env_refs: list[tuple[Node, str]] = []
        calls = self.of("call") if "Deno" in text else []
        for node in self.of("member") + self.of("subscript") + calls:
            env = self.env_name(node)
            if env is not None:
                self.env_refs.append((node, env))

    # -- nodes and text ---------------------------------------------------------------
    def of(self, kind: str) -> list[Node]:
        """The nodes the query captured as ``kind`` (see ``_QUERY``), in source order."""
        return self._nodes.get(kind, [])

    def text_of(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) as written, without its newline."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    @staticmethod
    def line_of(node: Node) -> int:
        return node.start_point.row + 1

    def column(self, row: int, byte_column: int) -> int:
        """The character column of a tree-sitter point (whose column counts bytes)."""
        if self._ascii:
            return byte_column
        line = self.lines[row].encode("utf-8", "surrogatepass")
        return len(line[:byte_column].decode("utf-8", "ignore"))

    def code_line(self, number: int) -> str:
        """Line ``number`` (1-based) with its comments blanked (strings kept)."""
        if self._code_lines is None:
            out, pos = [], 0
            for comment in self.of("comment"):
                start = self._offset(comment.start_point.row, comment.start_point.column)
                end = self._offset(comment.end_point.row, comment.end_point.column)
                out.append(self.text[pos:start])
                out.append(re.sub(r"[^\n]", " ", self.text[start:end]))
                pos = end
            out.append(self.text[pos:])
            self._code_lines = "".join(out).split("\n")
        return self._code_lines[number - 1] if 1 <= number <= len(self._code_lines) else ""

    def _offset(self, row: int, byte_column: int) -> int:
        if self._starts is None:
            self._starts = [0]
            for line in self.lines:
                self._starts.append(self._starts[-1] + len(line) + 1)
        return self._starts[row] + self.column(row, byte_column)

    def code(self, node: Node | None) -> str:
        """The node's text without its comments."""
        if node is None:
            return ""
        out, pos = [], node.start_byte
        for comment in self.of("comment"):
            if node.start_byte <= comment.start_byte and comment.end_byte <= node.end_byte:
                out.append(self.data[pos : comment.start_byte])
                pos = comment.end_byte
        out.append(self.data[pos : node.end_byte])
        return b"".join(out).decode("utf-8", "replace")

    def shape(self, node: Node) -> str:
        """The node's text with the insides of its string literals blanked: what is left
        is names, operators and quotes."""
        out, pos = bytearray(), node.start_byte
        stack = [node]
        fragments: list[Node] = []
        while stack:
            current = stack.pop()
            if current.type == "string_fragment":
                fragments.append(current)
            elif current.type != "comment":
                stack.extend(current.children)
        for fragment in sorted(fragments, key=lambda n: n.start_byte):
            out += self.data[pos : fragment.start_byte] + b" " * (
                fragment.end_byte - fragment.start_byte
            )
            pos = fragment.end_byte
        out += self.data[pos : node.end_byte]
        return out.decode("utf-8", "replace")

    # -- values -----------------------------------------------------------------------
    @staticmethod
    def unwrap(node: Node | None) -> Node | None:
        """The value inside ``(x)``, ``x!``, ``x as T`` and ``x satisfies T``."""
        while node is not None and node.type in _WRAPPERS:
            node = node.named_children[0] if node.named_children else None
        return node

    def resolve(self, node: Node | None) -> Node | None:
        """The value of a name declared in this file (``const secret = …``), one level;
        any other node as it is."""
        node = self.unwrap(node)
        if node is not None and node.type in ("identifier", "shorthand_property_identifier"):
            return self.unwrap(self.decls.get(self.text_of(node), node))
        return node

    def literal(self, node: Node | None) -> Literal | None:
        """The string literal ``node`` is (quotes, or backquotes without ``${}``)."""
        node = self.unwrap(node)
        if node is None or node.type not in ("string", "template_string"):
            return None
        if any(k.type == "template_substitution" for k in node.children):
            return None
        start, end = node.start_point, node.end_point
        return Literal(
            value=self.text_of(node)[1:-1],
            line=start.row + 1,
            start=self.column(start.row, start.column),
            end_line=end.row + 1,
            end=self.column(end.row, end.column),
        )

    def env_name(self, node: Node | None) -> str | None:
        """The environment variable ``node`` reads: ``process.env.X``,
        ``process.env["X"]``, ``import.meta.env.X``, ``Bun.env.X``, ``Deno.env.get("X")``."""
        node = self.unwrap(node)
        if node is None:
            return None
        if node.type == "call_expression":
            if self.text_of(node.child_by_field_name("function")) != "Deno.env.get":
                return None
            args = self.args(node)
            lit = self.literal(args[0]) if args else None
            return lit.value if lit else None
        if node.type not in ("member_expression", "subscript_expression"):
            return None
        if self.text_of(node.child_by_field_name("object")).replace(" ", "") not in _ENV_OBJECTS:
            return None
        if node.type == "member_expression":
            return self.text_of(node.child_by_field_name("property"))
        lit = self.literal(node.child_by_field_name("index"))
        return lit.value if lit else None

    def env_in(self, node: Node | None) -> str | None:
        """The first environment variable read inside ``node``."""
        if node is None:
            return None
        for ref, name in self.env_refs:
            if node.start_byte <= ref.start_byte and ref.end_byte <= node.end_byte:
                return name
        return None

    @staticmethod
    def args(call: Node) -> list[Node]:
        """A call's arguments (comments left out)."""
        args = call.child_by_field_name("arguments")
        if args is None:
            return []
        return [a for a in args.named_children if a.type != "comment"]

    def pairs(self, obj: Node | None) -> dict[str, Node]:
        """An object literal's keys and values; ``{ secret }`` maps ``secret`` to the name
        (resolve it with :meth:`resolve`). The first of a repeated key wins."""
        out: dict[str, Node] = {}
        obj = self.unwrap(obj)
        if obj is None or obj.type != "object":
            return out
        for child in obj.named_children:
            if child.type == "shorthand_property_identifier":
                out.setdefault(self.text_of(child), child)
            elif child.type == "pair":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                lit = self.literal(key)
                name = lit.value if lit else self.text_of(key)
                if value is not None:
                    out.setdefault(name, value)
        return out

    def find_pair(self, node: Node | None, key: str) -> Node | None:
        """The value of the first ``key:`` anywhere inside ``node`` (in source order)."""
        if node is None:
            return None
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "object":
                value = self.pairs(current).get(key)
                if value is not None:
                    return value
            stack.extend(reversed(current.named_children))
        return None

    def imports(self) -> dict[str, tuple[str, str]]:
        """Names imported by name: local name -> (module as written, name exported)."""
        out: dict[str, tuple[str, str]] = {}
        for node in self.of("import"):
            source = self.literal(node.child_by_field_name("source"))
            stack = list(node.named_children) if source else []
            while stack and source:
                current = stack.pop()
                if current.type == "import_specifier":
                    name = current.child_by_field_name("name")
                    alias = current.child_by_field_name("alias")
                    out[self.text_of(alias or name)] = (source.value, self.text_of(name))
                else:
                    stack.extend(current.named_children)
        return out

    @property
    def error_line(self) -> int | None:
        """The line of the first syntax error tree-sitter recovered from, if any: a
        missing token, or the first piece of an ERROR node that is not a whole statement
        (tree-sitter wraps the complete statements before an error in the ERROR too)."""
        if not self.root.has_error:
            return None
        node = self.root
        while not (node.is_error or node.is_missing):
            bad = next((k for k in node.children if k.has_error or k.is_missing), None)
            if bad is None:
                break
            node = bad
        for child in node.children if node.is_error else ():
            if not child.type.endswith(("statement", "declaration")) and child.type != "comment":
                return child.start_point.row + 1
        return node.start_point.row + 1
