"""The paste-friendly token editor, with header, payload and signature coloured as on jwt.io."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, TextAreaTheme

__all__ = ["PART_STYLES", "TokenEditor", "token_spans"]

#: jwt.io's colours: header red, payload violet, signature blue (a JWE's 4th/5th part amber).
PART_STYLES = {
    "jwt.header": Style(color="#fb015b"),
    "jwt.payload": Style(color="#d63aff"),
    "jwt.signature": Style(color="#00b9f1"),
    "jwt.extra": Style(color="#e8a33d"),
}
_JWT = re.compile(r"[A-Za-z0-9_\-]{2,}(?:\.[A-Za-z0-9_\-=]*){2,4}")
_THEME = "jwtscope"
_NAMES = ("jwt.header", "jwt.payload", "jwt.signature")


@lru_cache(maxsize=256)
def token_spans(line: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, part name)`` of every part of every JWT-shaped run in ``line``
    (character offsets; the dots between parts are left uncoloured)."""
    spans: list[tuple[int, int, str]] = []
    for match in _JWT.finditer(line):
        start = match.start()
        for i, part in enumerate(match.group(0).split(".")):
            spans.append((start, start + len(part), _NAMES[i] if i < 3 else "jwt.extra"))
            start += len(part) + 1
    return tuple(spans)


class TokenEditor(TextArea):
    """A TextArea that colours every JWT-shaped run it contains, part by part.

    Everything else (``Bearer``, cookie names, quotes) stays in the default colour, so
    what is token and what is not can be seen at a glance. The colours are applied in
    :meth:`get_line`, the hook Textual documents for styling a TextArea's content (no
    tree-sitter language, no private method).

    ``on_edit`` is called as soon as an edit is done, in the same step as the edit itself:
    the views the app updates from it are then repainted in the keystroke's own frame
    (the ``Changed`` message Textual posts arrives later, often after that frame).
    """

    def __init__(self, text: str = "", *, on_edit: Callable[[], None] | None = None, **kwargs: Any):
        super().__init__(text, **kwargs)
        self._on_edit = on_edit

    def edit(self, edit: Edit) -> EditResult:
        """Perform an edit (Textual's public API), then tell ``on_edit`` at once."""
        result = super().edit(edit)
        if self._on_edit is not None:
            self._on_edit()
        return result

    def on_mount(self) -> None:
        # The cursor line's band keeps its background but no colour of its own, which would
        # paint over the parts' colours (a pasted token is usually one line: the cursor's).
        band = self.get_component_rich_style("text-area--cursor-line")
        base = TextAreaTheme.get_builtin_theme("css")
        assert base is not None
        theme = dataclasses.replace(
            base, name=_THEME, cursor_line_style=Style(bgcolor=band.bgcolor)
        )
        self.register_theme(theme)
        self.theme = _THEME

    def get_line(self, line_index: int) -> Text:
        """The line as Textual builds it, with each token part in its jwt.io colour."""
        line = super().get_line(line_index)
        for start, end, name in token_spans(line.plain):
            line.stylize(PART_STYLES[name], start, end)
        return line
