"""The paste-friendly token editor, with header, payload and signature coloured as on jwt.io."""

from __future__ import annotations

import dataclasses
import re

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

__all__ = ["TokenEditor"]

#: jwt.io's colours: header red, payload violet, signature blue.
PART_STYLES = {
    "jwt.header": Style(color="#fb015b"),
    "jwt.payload": Style(color="#d63aff"),
    "jwt.signature": Style(color="#00b9f1"),
    "jwt.extra": Style(color="#e8a33d"),
}
_JWT = re.compile(r"[A-Za-z0-9_\-]{2,}(?:\.[A-Za-z0-9_\-=]*){2,4}")
_THEME = "jwtscope"


class TokenEditor(TextArea):
    """A TextArea that colours every JWT-shaped run it contains, part by part.

    Everything else (``Bearer``, cookie names, quotes) stays in the default colour, so
    what is token and what is not can be seen at a glance.
    """

    def on_mount(self) -> None:
        base = TextAreaTheme.get_builtin_theme("css")
        assert base is not None
        styles = {**base.syntax_styles, **PART_STYLES}
        self.register_theme(dataclasses.replace(base, name=_THEME, syntax_styles=styles))
        self.theme = _THEME

    def _build_highlight_map(self) -> None:
        """Colour the parts of each token-shaped run (overrides tree-sitter highlighting)."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        for row, line in enumerate(self.document.lines):
            for match in _JWT.finditer(line):
                start = match.start()
                names = ("jwt.header", "jwt.payload", "jwt.signature")
                for i, part in enumerate(match.group(0).split(".")):
                    name = names[i] if i < 3 else "jwt.extra"
                    begin = len(line[:start].encode())
                    end = begin + len(part.encode())
                    highlights[row].append((begin, end, name))
                    start += len(part) + 1
