"""The save dialog: where to write an exported report (the proposed path, editable).

Enter writes, Escape cancels. An existing file is never replaced silently: the first
Enter says so, a second Enter on the same path replaces it. A failure (a folder that is
missing or not writable) is one line in the dialog, which stays open with the text kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen

__all__ = ["SaveScreen"]

#: ``(path, text, overwrite) -> path written``; raises FileExistsError or OSError.
Writer = Callable[[Path, str, bool], Path]


class SaveScreen(JwtscopeModalScreen[Path | None]):
    """Ask where to write ``text``; hands back the path written, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.SAVE]
    STATUS_ID = "save-error"

    def __init__(self, title: str, proposed: Path, text: str, write: Writer) -> None:
        super().__init__()
        self._title = title
        self._proposed = proposed
        self._text = text
        self._write = write
        self._replace: Path | None = None  # the existing file a second Enter replaces

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog"):
            yield Static(f"{self._title} — Enter writes · Esc cancels", classes="dialog-title")
            yield Static("Write to (edit the path or the name):", classes="hint")
            yield Input(str(self._proposed), id="save-path", compact=True)
            yield Static("", id="save-error")
            with Horizontal(classes="buttons"):
                yield Button("Write", id="save-write", variant="primary", compact=True)
                yield Button("Cancel", id="save-cancel", compact=True)

    def on_mount(self) -> None:
        path_input = self.query_one("#save-path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    @on(Input.Changed, "#save-path")
    def _path_edited(self) -> None:
        self._replace = None
        self._status("")

    @on(Button.Pressed, "#save-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#save-write")
    @on(Input.Submitted, "#save-path")
    def action_write(self) -> None:
        """Write the text to the path typed (asking before replacing a file)."""
        typed = self.query_one("#save-path", Input).value.strip()
        if not typed:
            self._status("Type a file name.")
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            path = path / self._proposed.name
        overwrite = self._replace == path
        try:
            written = self._write(path, self._text, overwrite)
        except FileExistsError:
            self._replace = path
            self._status(f"{path.name} exists: Enter again replaces it, or change the name.")
            return
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self._status(f"Could not write {path}: {reason}. Choose another folder or name.")
            return
        self.dismiss(written)
