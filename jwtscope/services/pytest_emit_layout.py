"""How the exported pytest module lays out its literals and calls within 88 columns.

The module must pass ``ruff check`` with ruff's default settings and with ``--select
E,W,F,I --line-length 88``, and ``ruff format --check``, whatever the texts it embeds
(a finding's words, a long route, the command line). Every string that may be long is
written the way ``ruff format`` writes it: on its line when it fits; else alone in
parentheses on the next line; else split at spaces into implicitly concatenated parts,
one per line (a word longer than a line is cut where it must). Docstring lines are
wrapped the same way, and the command line with shell continuations (`` \\``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["WIDTH", "Lit", "call", "doc_lines", "literal", "shell_lines", "string", "wrapped"]

#: ruff's default line length.
WIDTH = 88


@dataclass(frozen=True)
class Lit:
    """A call argument that is a string literal (``key=`` for a keyword argument)."""

    text: str
    key: str = ""


def string(text: str) -> str:
    """A Python string literal the way ruff format writes it (double quotes preferred)."""
    quote_char = "'" if '"' in text and "'" not in text else '"'
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == quote_char:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return quote_char + "".join(out) + quote_char


def _parts(text: str, room: int) -> list[str]:
    """``text`` cut into parts whose literals are at most ``room`` wide: at spaces (each
    part after the first starts with its space), a too-long word where it must."""
    parts: list[str] = []
    current = ""
    for word in text.split(" "):
        piece = word if not parts and not current else " " + word
        if len(string(current + piece)) <= room:
            current += piece
            continue
        if current:
            parts.append(current)
            current = ""
        for ch in piece:  # a word longer than a line
            if current and len(string(current + ch)) > room:
                parts.append(current)
                current = ""
            current += ch
    return [*parts, current] if current or not parts else parts


def wrapped(text: str, head: str, suffix: str, indent: int) -> str:
    """``head`` + the literal of ``text`` + ``suffix``, kept within :data:`WIDTH`.

    Args:
        text: the string.
        head: what comes before it, indentation included (its last line counts).
        suffix: what follows it on its line (``,`` or ``: {``).
        indent: the indentation of the line ``head`` starts.
    """
    lit = string(text)
    column = len(head.rsplit("\n", 1)[-1])
    if column + len(lit) + len(suffix) <= WIDTH:
        return head + lit + suffix
    pad, inner = " " * indent, " " * (indent + 4)
    room = WIDTH - len(inner)
    parts = [lit] if len(lit) <= room else [string(p) for p in _parts(text, room)]
    body = "\n".join(inner + p for p in parts)
    return f"{head}(\n{body}\n{pad}){suffix}"


def literal(value: Any, head: str, suffix: str = ",", indent: int = 0) -> str:
    """``head`` + ``value`` as a literal + ``suffix``: every non-empty collection exploded
    with a (magic) trailing comma, every string wrapped (:func:`wrapped`)."""
    if isinstance(value, str):
        return wrapped(value, head, suffix, indent)
    if value is None or isinstance(value, (bool, int, float)):
        return f"{head}{value!r}{suffix}"
    pad, inner = " " * indent, " " * (indent + 4)
    if isinstance(value, dict):
        if not value:
            return head + "{}" + suffix
        rows = [
            literal(v, wrapped(str(k), inner, ": ", indent + 4), ",", indent + 4)
            for k, v in value.items()
        ]
        return head + "{\n" + "\n".join(rows) + f"\n{pad}}}" + suffix
    items = list(value)
    if not items:
        return head + "[]" + suffix
    rows = [literal(v, inner, ",", indent + 4) for v in items]
    return head + "[\n" + "\n".join(rows) + f"\n{pad}]" + suffix


def call(head: str, args: Sequence[str | Lit], indent: int, tail: str = "") -> str:
    """``head(args)tail`` on one line when it fits, else one argument per line."""
    pad = " " * indent
    flat = [a if isinstance(a, str) else a.key + string(a.text) for a in args]
    line = f"{pad}{head}({', '.join(flat)}){tail}"
    if len(line) <= WIDTH:
        return line
    inner = pad + "    "
    rows = [
        f"{inner}{a}," if isinstance(a, str) else wrapped(a.text, inner + a.key, ",", indent + 4)
        for a in args
    ]
    return f"{pad}{head}(\n" + "\n".join(rows) + f"\n{pad}){tail}"


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def doc_lines(lines: Sequence[str]) -> list[str]:
    """Docstring lines (escaped) within :data:`WIDTH` (the first after its quotes): a
    longer line is wrapped at spaces, its continuation indented two more (a word longer
    than a line is cut)."""
    out: list[str] = []
    for line in lines:
        text = _escaped(line)
        width = WIDTH - (3 if not out else 0)
        if len(text) <= width:
            out.append(text)
            continue
        lead = " " * (len(text) - len(text.lstrip(" ")))
        out += textwrap.wrap(
            text.strip(" "),
            width,
            initial_indent=lead,
            subsequent_indent=lead + "  ",
            break_on_hyphens=False,
        )
    return out


def shell_lines(command: str, indent: int) -> list[str]:
    """A shell command as lines ending in `` \\`` that the shell joins back: broken at
    spaces outside quotes; a word longer than a line is cut with a continuation at the
    start of the next line (closing and reopening the quote it is cut in).

    Lines are measured as the docstring will write them (a ``\\`` counts twice)."""
    width = WIDTH - 2  # room for " \"
    words: list[str] = []
    current, quote = "", ""
    for ch in command:
        if ch == " " and not quote:
            words.append(current)
            current = ""
            continue
        if ch in "'\"" and (not quote or quote == ch):
            quote = "" if quote else ch
        current += ch
    words.append(current)
    lines: list[str] = []  # each with the continuation it ends with
    line = " " * indent
    for word in words:
        if line.strip() and len(_escaped(f"{line} {word}")) > width:
            lines.append(line + " \\")
            line = " " * (indent + 4)
        line = f"{line} {word}" if line.strip() else line + word
        while len(_escaped(line)) > width:  # one word longer than a line
            cut = width - 1
            while len(_escaped(line[:cut])) > width - 1:
                cut -= 1
            head, rest = line[:cut], line[cut:]
            opened = _quote_at(head)
            lines.append(head + opened + "\\")  # no space: the word goes on
            line = opened + rest  # at column 0: leading spaces would split the word
    return [*lines, line]


def _quote_at(text: str) -> str:
    """The quote (``'`` or ``"``) open at the end of ``text``, or ""."""
    quote = ""
    for ch in text:
        if ch in "'\"" and (not quote or quote == ch):
            quote = "" if quote else ch
    return quote
