"""The base of every jwtscope screen: the app, typed; the shared Escape actions; a status line.

Full screens (Replay, Probe, Audit) derive from :class:`JwtscopeScreen`, whose ``back``
action returns to the token; dialogs (keys, time travel, help, the probe's question)
from :class:`JwtscopeModalScreen`, whose ``cancel`` action closes them changing nothing.
Their keys come from :mod:`jwtscope.tui.bindings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

if TYPE_CHECKING:  # only for the type: the app imports its screens, not the reverse
    from jwtscope.tui.app import JwtscopeApp

__all__ = ["JwtscopeModalScreen", "JwtscopeScreen"]

ResultT = TypeVar("ResultT")


class JwtscopeScreen(Screen[ResultT]):
    """A screen of the jwtscope app.

    A screen that reports errors or progress in one line names that line's
    :class:`~textual.widgets.Static` in ``STATUS_ID``; :meth:`_status` writes to it.
    """

    #: The id of the screen's status line (a Static), or "" when it has none.
    STATUS_ID: ClassVar[str] = ""
    #: Hide the status line while it is empty, so that it takes no room.
    STATUS_HIDDEN_WHEN_EMPTY: ClassVar[bool] = False

    if TYPE_CHECKING:
        #: The app, typed: its state (report, keys, environment, last runs) and its config.
        app: JwtscopeApp

    def _status(self, message: str) -> None:
        """Show ``message`` (an error, progress or a summary) in the status line; "" clears it."""
        status = self.query_one(f"#{self.STATUS_ID}", Static)
        # Errors can quote a server or a file: guarded, and shown as text, never markup.
        status.update(Text(self.app.output_guard().text(message)))
        if self.STATUS_HIDDEN_WHEN_EMPTY:
            status.display = bool(message)

    def action_back(self) -> None:
        """Back to the main screen (screens with a running job cancel it first)."""
        self.app.pop_screen()


class JwtscopeModalScreen(ModalScreen[ResultT], JwtscopeScreen[ResultT]):
    """A dialog of the jwtscope app: Escape (``cancel``) closes it and hands back None."""

    def action_cancel(self) -> None:
        """Close without changes."""
        self.dismiss(None)
