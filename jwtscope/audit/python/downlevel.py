"""Python syntax newer than the running interpreter, rewritten so its :mod:`ast` accepts it.

tree-sitter-python parses every 3.x syntax up to 3.14; when the interpreter's own parser
refuses a file, :func:`downlevel` finds the newer constructs in tree-sitter's tree and
rewrites each to an older spelling with the same meaning for the audit, on the same
lines (columns move only on the rewritten line):

- PEP 758 ``except A, B:`` / ``except* A, B:`` -> ``except (A, B):`` (never with ``as``:
  that form is invalid in every version and stays an error);
- PEP 695 ``type X[T] = Y`` -> ``X = Y``; ``def f[T](…)`` / ``class C[T]:`` -> without
  the type parameters (PEP 696 defaults included: tree-sitter-python 0.25 marks them as
  errors, tolerated inside the brackets that are dropped);
- PEP 750 t-strings -> f-strings; PEP 701 f-strings (the enclosing quote reused inside,
  comments, backslashes, multi-line expressions) -> an f-string 3.11 accepts with the same
  expressions when one exists, else a placeholder string on the same lines.

A file tree-sitter itself cannot parse (an ERROR or MISSING node elsewhere) is not
rewritten, and whatever the rewrite gives is parsed again by :mod:`ast`, which decides.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterator
from functools import cache

import tree_sitter_python
from tree_sitter import Language, Node, Parser

__all__ = ["downlevel"]

_Edit = tuple[int, int, bytes]  # byte span [start, end) replaced by the bytes


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_python.language()))


def downlevel(text: str) -> str | None:
    """``text`` with its newer-syntax constructs rewritten (see the module docstring);
    None when tree-sitter finds a syntax error too or there is nothing to rewrite."""
    data = text.encode("utf-8", "surrogatepass")
    root = _parser().parse(data).root_node
    if root.has_error and not _errors_are_type_defaults(root):
        return None
    edits: list[_Edit] = []
    for node in _walk(root):
        kind = node.type
        if kind == "except_clause":
            edits += _except(node)
        elif kind == "type_alias_statement":
            edits += _type_alias(node, data)
        elif kind in ("function_definition", "class_definition"):
            edits += _type_params(node, data)
        elif kind == "string" and _is_template(node, data):
            edits += _fstring(node, data)
    if not edits:
        return None
    out = bytearray(data)
    for start, end, new in sorted(edits, reverse=True):
        out[start:end] = new
    return out.decode("utf-8", "surrogatepass")


def _errors_are_type_defaults(root: Node) -> bool:
    """Are tree-sitter's only errors inside type parameters (PEP 696 defaults, which its
    grammar does not know yet and the rewrite drops)?"""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "type_parameter":
            continue
        if node.is_error or node.is_missing:
            return False
        stack.extend(k for k in node.children if k.has_error)
    return True


def _walk(root: Node) -> Iterator[Node]:
    """Every node, parents first; an f-/t-string's insides are not entered (the string is
    rewritten whole)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if node.type != "string":
            stack.extend(reversed(node.children))


def _except(node: Node) -> list[_Edit]:
    """``except A, B:`` -> ``except (A, B):``."""
    kids = node.children
    if not any(k.type == "," for k in kids) or any(k.type == "as_pattern" for k in kids):
        return []
    names = [k for k in kids if k.is_named and k.type not in ("block", "comment")]
    if not names:
        return []
    first, last = names[0].start_byte, names[-1].end_byte
    return [(first, first, b"("), (last, last, b")")]


def _type_alias(node: Node, data: bytes) -> list[_Edit]:
    """``type X[T] = Y`` -> ``X = Y`` (padded with spaces after the name)."""
    kids = node.children
    if len(kids) < 3 or kids[0].type != "type":
        return []
    target = kids[1]
    name = target
    while name.named_child_count and name.type in ("type", "generic_type"):
        name = name.named_children[0]
    if name.type != "identifier":
        return []
    span = data[kids[0].start_byte : target.end_byte]
    new = data[name.start_byte : name.end_byte]
    if b"\n" in span:
        new += b"\\\n" * span.count(b"\n")  # keep the lines: continuation lines
    return [(kids[0].start_byte, target.end_byte, new.ljust(len(span)))]


def _type_params(node: Node, data: bytes) -> list[_Edit]:
    """``def f[T](…)`` / ``class C[T](…)`` -> without ``[T]``; its line breaks move into
    the parentheses that follow (added for a class without bases)."""
    params = next((k for k in node.children if k.type == "type_parameter"), None)
    if params is None:
        return []
    span = data[params.start_byte : params.end_byte]
    breaks = span.count(b"\n")
    if not breaks:
        return [(params.start_byte, params.end_byte, b" " * len(span))]
    after = params.next_sibling
    if after is not None and after.type in ("parameters", "argument_list"):
        return [
            (params.start_byte, params.end_byte, b""),
            (after.start_byte + 1, after.start_byte + 1, b"\n" * breaks),
        ]
    return [(params.start_byte, params.end_byte, b"(" + b"\n" * breaks + b")")]


def _is_template(node: Node, data: bytes) -> bool:
    """An f-string or t-string (its prefix has ``f`` or ``t``)."""
    start = node.children[0] if node.children else None
    if start is None or start.type != "string_start":
        return False
    prefix = data[start.start_byte : start.end_byte].lower()
    return b"f" in prefix or b"t" in prefix


def _parses(source: bytes) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source.decode("utf-8", "surrogatepass"), mode="eval")
        except (SyntaxError, ValueError):
            return False
    return True


def _fstring(node: Node, data: bytes) -> list[_Edit]:
    """A t-string or PEP 701 f-string as an f-string the running parser accepts (same
    expressions, comments dropped, quotes changed), else a placeholder on the same lines."""
    kids = node.children
    start, end = kids[0], kids[-1]
    original = data[node.start_byte : node.end_byte]
    prefix = data[start.start_byte : start.end_byte].rstrip(b"'\"")
    quote = data[start.start_byte + len(prefix) : start.end_byte]
    fprefix = prefix.replace(b"t", b"f").replace(b"T", b"f")
    body = _body(kids[1:-1] if end.type == "string_end" else kids[1:], data)
    candidates = [quote, b"'" if b'"' in quote else b'"']
    candidates += [q * 3 for q in candidates if len(q) == 1] + [b"'''", b'"""']
    for q in dict.fromkeys(candidates):
        candidate = fprefix + q + body + q
        if _parses(candidate):
            return [] if candidate == original else [(node.start_byte, node.end_byte, candidate)]
    return [(node.start_byte, node.end_byte, b'"""' + b"\n" * original.count(b"\n") + b'"""')]


def _body(parts: list[Node], data: bytes) -> bytes:
    """The string's insides: literal text as written, each interpolation without its
    comments (a comment ends at the line's end; the line break stays)."""
    out = bytearray()
    for part in parts:
        if part.type != "interpolation":
            out += data[part.start_byte : part.end_byte]
            continue
        pos = part.start_byte
        for comment in _comments(part):
            out += data[pos : comment.start_byte]
            pos = comment.end_byte
        out += data[pos : part.end_byte]
    return bytes(out)


def _comments(node: Node) -> list[Node]:
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "comment":
            found.append(current)
        else:
            stack.extend(current.children)
    return sorted(found, key=lambda c: c.start_byte)
