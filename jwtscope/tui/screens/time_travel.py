"""Time travel: judge the token as of another instant, for incident triage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from jwtscope.core.timefmt import iso_utc, parse_at
from jwtscope.errors import JwtscopeError
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen

__all__ = ["TimeChange", "TimeTravelScreen"]


@dataclass(frozen=True)
class TimeChange:
    """The new evaluation time (None: now) and leeway."""

    at: int | None
    leeway: int


class TimeTravelScreen(JwtscopeModalScreen[TimeChange | None]):
    """Set the evaluation time and the leeway."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.TIME_TRAVEL]
    STATUS_ID = "time-error"

    def __init__(self, at: int | None, leeway: int) -> None:
        super().__init__()
        self.at = at
        self.leeway = leeway

    def compose(self) -> ComposeResult:
        current = iso_utc(self.at) if self.at is not None else ""
        with Vertical(id="time-dialog"):
            yield Static("Evaluate as of… — Enter applies · Esc cancels", classes="dialog-title")
            yield Static(
                "Time: ISO-8601 (2026-11-20 14:03, UTC unless a zone is given), "
                "epoch seconds, '2h ago', 'in 15m'; empty = now"
            )
            yield Input(current, placeholder="e.g. 2026-11-20 14:03, 2h ago", id="at", compact=True)
            yield Static("Leeway (seconds of clock tolerance, like PyJWT's leeway=)")
            yield Input(str(self.leeway), id="leeway", type="integer", compact=True)
            yield Static("", id="time-error")
            with Horizontal(classes="buttons"):
                yield Button("Apply", id="apply", variant="success", compact=True)
                yield Button("Back to now", id="now", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Button.Pressed, "#apply")
    @on(Input.Submitted)
    def _apply(self) -> None:
        text = self.query_one("#at", Input).value.strip()
        leeway_text = self.query_one("#leeway", Input).value.strip() or "0"
        clock = self.app.config.clock
        try:
            at = parse_at(text, clock()) if text and text.lower() != "now" else None
            leeway = int(leeway_text)
            if leeway < 0:
                raise ValueError
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return
        except ValueError:
            self._status("Leeway must be a whole number ≥ 0.")
            return
        self.dismiss(TimeChange(at, leeway))

    @on(Button.Pressed, "#now")
    def _now(self) -> None:
        self.dismiss(TimeChange(None, self.leeway))

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
