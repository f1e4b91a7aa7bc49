"""TypeScript/JavaScript read as text: comments, strings and brackets told apart.

The frontend checks are text-level (no TypeScript parser is needed for what they look
for), but a regular expression over raw source would match inside comments and strings
and get brackets wrong. :func:`lex` returns the source three ways, all the same length so
offsets agree:

- ``text``: the source as written;
- ``code``: comments blanked (strings kept);
- ``shape``: comments blanked and string contents replaced by spaces (quotes kept), so
  that brackets can be matched and keywords searched without false hits.

Template literals keep their ``${...}`` expressions as code. Regular-expression literals
are recognised by the token before the ``/``. The lexer never raises; an unterminated
string or comment runs to the end of the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["JsText", "StringLit", "lex"]

_INTERESTING = re.compile(r"//|/\*|['\"`/{}]")
_IN_TEMPLATE = re.compile(r"\\.|`|\$\{", re.S)
_REGEX_BEFORE = frozenset("(,=:[!&|?{};+-*%<>~^")
_REGEX_WORDS = ("return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await")


@dataclass(frozen=True, slots=True)
class StringLit:
    """A string literal: ``start`` is the opening quote, ``end`` one past the closing one."""

    start: int
    end: int
    value: str


@dataclass
class JsText:
    """One script file, lexed (see the module docstring)."""

    text: str
    code: str
    shape: str
    strings: list[StringLit] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _string_at: dict[int, StringLit] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._string_at = {s.start: s for s in self.strings}

    def line_of(self, pos: int) -> int:
        """The 1-based line of offset ``pos``."""
        return bisect.bisect_right(self._starts, pos)

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) as written, without its newline."""
        if not 1 <= number <= len(self._starts):
            return ""
        start = self._starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)]

    def offset_of(self, number: int) -> int:
        """The offset where line ``number`` (1-based) starts."""
        return self._starts[number - 1]

    def code_span(self, first: int, last: int) -> str:
        """Lines ``first``..``last`` (1-based, inclusive) of :attr:`code`."""
        start = self._starts[first - 1]
        end = self._starts[last] if last < len(self._starts) else len(self.code)
        return self.code[start:end]

    def string_at(self, pos: int) -> StringLit | None:
        """The string literal starting at ``pos`` (after spaces), if any."""
        while pos < len(self.shape) and self.shape[pos] in " \t\r\n":
            pos += 1
        return self._string_at.get(pos)

    def close_of(self, pos: int) -> int:
        """The offset of the bracket closing the one at ``pos``; the end of text if none."""
        depth = 0
        for i in range(pos, len(self.shape)):
            c = self.shape[i]
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
                if depth == 0:
                    return i
        return len(self.shape)

    def expression_end(self, pos: int) -> int:
        """Where the expression starting at ``pos`` ends: at ``,``/``;``/a closing bracket
        of the enclosing level, or a newline at depth 0 that does not continue it."""
        depth = 0
        i = pos
        n = len(self.shape)
        while i < n:
            c = self.shape[i]
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    return i
                depth -= 1
            elif depth == 0 and c in ",;":
                return i
            i += 1
        return n


def _regex_allowed(shape: list[str], pos: int) -> bool:
    i = pos - 1
    while i >= 0 and shape[i] in " \t\r\n":
        i -= 1
    if i < 0:
        return True
    c = shape[i]
    if c in _REGEX_BEFORE:
        return True
    end = i + 1
    while i >= 0 and (shape[i].isalnum() or shape[i] in "_$"):
        i -= 1
    return "".join(shape[i + 1 : end]) in _REGEX_WORDS


class _Lexer:
    """One run of :func:`lex`: the two blanked copies, the strings found so far and, per
    open template expression, the ``{`` depth inside it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.code = list(text)
        self.shape = list(text)
        self.strings: list[StringLit] = []
        self.braces: list[int] = []

    def run(self) -> JsText:
        """Scan from token to token (comments, quotes, slashes, braces) to the end."""
        text, n = self.text, self.n
        pos = 0
        while pos < n:
            m = _INTERESTING.search(text, pos)
            if m is None:
                break
            pos = self.step(m.group(0), m.start())
        return JsText(text, "".join(self.code), "".join(self.shape), self.strings)

    def step(self, tok: str, start: int) -> int:
        """Handle the token ``tok`` found at ``start``; return where scanning goes on."""
        if tok == "//":
            end = self.text.find("\n", start)
            return self.comment(start, self.n if end == -1 else end)
        if tok == "/*":
            end = self.text.find("*/", start + 2)
            return self.comment(start, self.n if end == -1 else end + 2)
        if tok in "'\"":
            return self.quoted(tok, start)
        if tok == "`":
            return self.backtick(start)
        if tok == "{":
            if self.braces:
                self.braces[-1] += 1
            return start + 1
        if tok == "}":
            return self.close_brace(start)
        return self.slash(start)

    def blank(self, start: int, end: int, *, in_code: bool) -> None:
        """Spaces over ``[start, end)`` in :attr:`shape` (and in :attr:`code` too when
        ``in_code``); newlines stay."""
        text, shape, code = self.text, self.shape, self.code
        for k in range(start, end):
            if text[k] != "\n":
                shape[k] = " "
                if in_code:
                    code[k] = " "

    def comment(self, start: int, end: int) -> int:
        self.blank(start, end, in_code=True)
        return end

    def quoted(self, quote: str, start: int) -> int:
        """A ``'…'`` or ``"…"`` string (it ends at the line's end if unterminated)."""
        text, n = self.text, self.n
        k = start + 1
        while k < n and text[k] != quote and text[k] != "\n":
            k += 2 if text[k] == "\\" else 1
        end = min(k + 1, n)
        self.strings.append(StringLit(start, end, text[start + 1 : min(k, n)]))
        self.blank(start + 1, min(k, n), in_code=False)
        return end

    def backtick(self, start: int) -> int:
        """A template literal; it is a string only when it holds no ``${…}``."""
        depth = len(self.braces)
        end = self.template(start + 1)
        text = self.text
        if len(self.braces) == depth and text[end - 1 : end] == "`" and end - 1 > start:
            self.strings.append(StringLit(start, end, text[start + 1 : end - 1]))
        return end

    def template(self, start: int) -> int:
        """Scan template text from ``start`` (after a backtick or ``}``); return the
        offset after the closing backtick, or after ``${`` (pushing an expression)."""
        k = start
        while True:
            m = _IN_TEMPLATE.search(self.text, k)
            if m is None:
                self.blank(start, self.n, in_code=False)
                return self.n
            tok = m.group(0)
            if tok == "`":
                self.blank(start, m.start(), in_code=False)
                return m.end()
            if tok == "${":
                self.blank(start, m.start(), in_code=False)
                self.braces.append(0)
                return m.end()
            k = m.end()

    def close_brace(self, start: int) -> int:
        """A ``}``: the end of a template expression (back into its text), or a brace."""
        braces = self.braces
        if braces and braces[-1] == 0:
            braces.pop()
            return self.template(start + 1)
        if braces:
            braces[-1] -= 1
        return start + 1

    def slash(self, start: int) -> int:
        """A ``/``: a regular expression literal (blanked like a string) or a division."""
        if not _regex_allowed(self.shape, start):
            return start + 1
        text, n = self.text, self.n
        k = start + 1
        in_class = False
        while k < n and text[k] != "\n":
            c = text[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            elif c == "/" and not in_class:
                break
            k += 1
        if k < n and text[k] == "/":
            self.blank(start + 1, k, in_code=False)
            return k + 1
        return start + 1


def lex(text: str) -> JsText:
    """Lex one script file (see the module docstring)."""
    return _Lexer(text).run()
