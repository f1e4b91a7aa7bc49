"""Split a pasted shell command into words, the way bash or Windows ``cmd.exe`` would.

:mod:`shlex` is not enough for "Copy as cURL": Chrome writes bodies with special
characters in bash's ANSI-C quoting (``$'{"a":"it\\'s"}'``), Safari and Firefox write
``\\xHH`` bytes in it, and Chrome's "Copy as cURL (cmd)" escapes with ``^`` for
``cmd.exe`` and then ``\\"`` for the C runtime's argument parser. Two splitters:

* :func:`split_posix` — single quotes, double quotes with their four escapes,
  ``$'…'`` (every bash escape), ``$"…"``, backslash escapes and backslash-newline
  continuations, ``#`` comments, and the operators ``;``, ``&``, ``&&``, ``|``, ``||``
  and redirections. Nothing is expanded: ``$VAR`` stays as written and is reported.
* :func:`split_cmd` — ``^`` escapes and ``^``-newline continuations, ``"…"`` quoting
  with ``\\"`` and ``""``, and the operators ``&``, ``&&``, ``|``, ``||``, ``<``, ``>``.

A byte written as ``\\xHH`` (0x80–0xFF) becomes the lone surrogate ``U+DC00+HH``, as
Python's ``surrogateescape`` does: ``word.encode("utf-8", "surrogateescape")`` gives the
bytes bash would pass to curl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jwtscope.errors import InputError

__all__ = ["Operator", "ShellSplit", "looks_like_cmd", "split_cmd", "split_command", "split_posix"]

#: Operators after which the next word is a file, not a new command.
REDIRECTIONS = frozenset({">", ">>", "<", "<<", "&>"})

_WHITESPACE = " \t\r\n\f\v"
_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "E": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}
_HEX = "0123456789abcdefABCDEF"
_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*)|(\())")
_CMD_HINT = re.compile(r"[ \t]\^\r?\n|(?:^|\s)\^\"")
_POSIX_CONTINUATION = re.compile(r"[ \t]\\\r?\n")
_DOUBLED_QUOTE = re.compile(r'[^\s"]""[^\s"]')
_SINGLE_QUOTED_WORD = re.compile(r"(?:^|\s)\$?'")


@dataclass(frozen=True)
class Operator:
    """A shell operator between words: ``;``, ``&``, ``&&``, ``|``, ``||``, ``>`` …"""

    text: str


@dataclass(frozen=True)
class ShellSplit:
    """The words and operators of a command line.

    Args:
        items: words (str) and operators, in order.
        notes: what was kept as written (shell variables) or how the text was read.
        dialect: ``posix`` (bash/zsh) or ``cmd`` (Windows).
    """

    items: tuple[str | Operator, ...]
    notes: tuple[str, ...] = ()
    dialect: Literal["posix", "cmd"] = "posix"


def looks_like_cmd(text: str) -> bool:
    """The text is written for Windows ``cmd.exe``.

    Chrome's current "Copy as cURL (cmd)" has ``^`` continuations and ``^"`` quotes; the
    older one double-quotes every word and doubles inner quotes (``"{""a"":1}"``), which
    bash would read differently — recognised when no word is single-quoted.
    """
    if _CMD_HINT.search(text):
        return not _POSIX_CONTINUATION.search(text)
    return bool(_DOUBLED_QUOTE.search(text)) and not _SINGLE_QUOTED_WORD.search(text)


def split_command(text: str) -> ShellSplit:
    """Split with :func:`split_cmd` when :func:`looks_like_cmd`, else :func:`split_posix`."""
    return split_cmd(text) if looks_like_cmd(text) else split_posix(text)


def split_posix(text: str) -> ShellSplit:
    """Split a bash/zsh command line into words and operators.

    Raises:
        InputError: a quote is not closed.
    """
    items: list[str | Operator] = []
    word: list[str] = []
    started = False
    variables: list[str] = []
    i, n = 0, len(text)

    def flush() -> None:
        nonlocal started
        if started:
            items.append("".join(word))
        word.clear()
        started = False

    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if c == "\\":
            if text.startswith("\r\n", i + 1):
                i += 3
            elif nxt == "\n":
                i += 2
            else:
                word.append(nxt)
                started = started or bool(nxt)
                i += 2
        elif c in _WHITESPACE:
            flush()
            i += 1
        elif c == "'":
            end = text.find("'", i + 1)
            if end < 0:
                raise _unclosed(text, i, "single")
            word.append(text[i + 1 : end])
            started, i = True, end + 1
        elif c == '"' or (c == "$" and nxt == '"'):
            start = i if c == '"' else i + 1
            i = _double_quoted(text, start, word, variables)
            started = True
        elif c == "$" and nxt == "'":
            i = _ansi_c(text, i + 1, word)
            started = True
        elif c == "#" and not started:
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in ";&|<>" and (op := _operator(text, i)) is not None:
            if op in REDIRECTIONS and started and "".join(word).isdigit():
                word.clear()
                started = False
            flush()
            items.append(Operator(op))
            i += len(op)
        else:
            if c == "$":
                _note_variable(text, i, variables)
            word.append(c)
            started, i = True, i + 1
    flush()
    return ShellSplit(tuple(items), _variable_notes(variables), "posix")


def split_cmd(text: str) -> ShellSplit:
    """Split a Windows ``cmd.exe`` command line (Chrome's "Copy as cURL (cmd)").

    Raises:
        InputError: a double quote is not closed.
    """
    items: list[str | Operator] = []
    buf: list[str] = []
    quoted = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if quoted:
            buf.append(c)
            quoted = c != '"'
            i += 1
        elif c == "^":
            newline = 2 if text.startswith("\r\n", i + 1) else int(text.startswith("\n", i + 1))
            if newline:
                i += 1 + newline
                if text.startswith("\r\n", i):
                    buf.append("\n")
                    i += 2
                elif i < n:
                    buf.append(text[i])
                    i += 1
            else:
                buf.append(text[i + 1 : i + 2])
                i += 2
        elif c == '"':
            quoted = True
            buf.append(c)
            i += 1
        elif c in "&|<>":
            op = c * 2 if text[i + 1 : i + 2] == c and c in "&|>" else c
            items.extend(_crt_split("".join(buf), text))
            buf.clear()
            items.append(Operator(op))
            i += len(op)
        else:
            buf.append(c)
            i += 1
    items.extend(_crt_split("".join(buf), text))
    return ShellSplit(tuple(items), ("read as a Windows cmd command (^ escapes)",), "cmd")


def _crt_split(line: str, whole: str) -> list[str]:
    """Split like the Microsoft C runtime: quotes, backslashes before quotes, ``""``."""
    args: list[str] = []
    cur: list[str] = []
    started = quoted = False
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\":
            j = i
            while j < n and line[j] == "\\":
                j += 1
            count = j - i
            if j < n and line[j] == '"':
                cur.append("\\" * (count // 2))
                if count % 2:
                    cur.append('"')
                    j += 1
            else:
                cur.append("\\" * count)
            started, i = True, j
        elif c == '"':
            if quoted and line[i + 1 : i + 2] == '"':
                cur.append('"')
                i += 2
            else:
                quoted, started, i = not quoted, True, i + 1
        elif c in _WHITESPACE and not quoted:
            if started:
                args.append("".join(cur))
            cur.clear()
            started, i = False, i + 1
        else:
            cur.append(c)
            started, i = True, i + 1
    if quoted:
        raise InputError(
            "The Windows command has an unclosed double quote.",
            "Copy the whole command again: it looks cut off.",
        )
    if started:
        args.append("".join(cur))
    return args


def _operator(text: str, i: int) -> str | None:
    """The operator at ``i``, or None when the character belongs to the word."""
    two = text[i : i + 2]
    after = text[i + 1 : i + 2]
    if two in ("&&", "||", ">>", "<<", "&>"):
        return two
    if text[i] in "|<>":
        return text[i]
    return text[i] if after == "" or after in _WHITESPACE or after == text[i] else None


def _double_quoted(text: str, start: int, word: list[str], variables: list[str]) -> int:
    """Read ``"…"`` opening at ``start``; return the index after the closing quote."""
    i, n = start + 1, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            return i + 1
        if c == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in '$`"\\':
                word.append(nxt)
                i += 2
            elif nxt == "\n":
                i += 2
            elif text.startswith("\r\n", i + 1):
                i += 3
            else:
                word.append(c)
                i += 1
            continue
        if c == "$":
            _note_variable(text, i, variables)
        word.append(c)
        i += 1
    raise _unclosed(text, start, "double")


def _ansi_c(text: str, start: int, word: list[str]) -> int:
    """Read ``$'…'`` whose quote is at ``start``; return the index after the closing quote."""
    i, n = start + 1, len(text)
    while i < n:
        c = text[i]
        if c == "'":
            return i + 1
        if c != "\\" or i + 1 >= n:
            word.append(c)
            i += 1
            continue
        e = text[i + 1]
        i += 2
        if e in _SIMPLE_ESCAPES:
            word.append(_SIMPLE_ESCAPES[e])
        elif e in "xuU":
            limit = {"x": 2, "u": 4, "U": 8}[e]
            digits = _run(text, i, _HEX, limit)
            i += len(digits)
            if not digits:
                word.append("\\" + e)
            elif e == "x":
                word.append(_byte(int(digits, 16)))
            else:
                code = int(digits, 16)
                bad = code > 0x10FFFF or 0xD800 <= code <= 0xDFFF
                word.append("\ufffd" if bad else chr(code))
        elif e in "01234567":
            digits = e + _run(text, i, "01234567", 2)
            i += len(digits) - 1
            word.append(_byte(int(digits, 8) & 0xFF))
        elif e == "c" and i < n:
            word.append(chr(ord(text[i]) & 0x1F))
            i += 1
        else:
            word.append("\\" + e)
    raise _unclosed(text, start - 1, "$'…'")


def _run(text: str, i: int, allowed: str, limit: int) -> str:
    end = i
    while end < len(text) and end - i < limit and text[end] in allowed:
        end += 1
    return text[i:end]


def _byte(value: int) -> str:
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _note_variable(text: str, i: int, variables: list[str]) -> None:
    match = _VARIABLE.match(text, i)
    if match:
        name = match.group(1) or match.group(2) or "$(…)"
        variables.append(name if name == "$(…)" else f"${name}")


def _variable_notes(variables: list[str]) -> tuple[str, ...]:
    if not variables:
        return ()
    names = ", ".join(dict.fromkeys(variables))
    return (f"{names} kept as written: jwtscope does not expand shell variables",)


def _unclosed(text: str, pos: int, kind: str) -> InputError:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return InputError(
        f"The command has an unclosed {kind} quote (line {line}, column {column}).",
        "Copy the whole command again: it looks cut off, or a quote inside a value is not escaped.",
    )
