"""The HAR screen (F9): a browser session's HAR as a timeline, the first failure's root
cause, and — for the selected request — its token's full verdict at that request's time.

Type the path of a ``.har`` file and press Enter. The file is streamed in a thread worker
(:func:`jwtscope.services.har_run.triage_file`, with the app's environment, keys and
leeway); its progress and result come back as messages, and Escape cancels it. Tokens are
shown as ``T1 fingerprint``; every text passes the app's output guard.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from jwtscope.errors import JwtscopeError
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeScreen

if TYPE_CHECKING:
    from jwtscope.core.har.har_report import HarTriage
    from jwtscope.core.har.har_timeline import Row

__all__ = ["HarScreen"]


class _Cancelled(Exception):
    """Raised inside the progress callback to stop a cancelled read early."""


class HarScreen(JwtscopeScreen[None]):
    """Triage a HAR file: the timeline, the cause, the verdict at each request's time."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.HAR]
    DEFAULT_CSS = """
    #har-top { height: auto; padding: 0 1; }
    #har-top Input { background: $boost; width: 1fr; margin-right: 1; }
    #har-cause { padding: 0 1; height: auto; max-height: 8; }
    #har-main { height: 1fr; }
    #har-rows { width: 3fr; height: 1fr; }
    #har-detail-scroll {
        width: 2fr; height: 1fr; border: round $secondary; border-title-color: $secondary;
    }
    HarScreen.-narrow #har-main { layout: vertical; }
    HarScreen.-narrow #har-rows { width: 1fr; min-height: 4; }
    HarScreen.-narrow #har-detail-scroll { width: 1fr; min-height: 6; }
    """
    #: Side by side from 110 columns; below, the selected request goes under the table
    #: (at 80 columns the table's Status and Tokens columns would be cut off).
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [  # noqa: RUF012 (typed as in Screen)
        (0, "-narrow"),
        (110, "-wide"),
    ]
    STATUS_ID = "har-status"
    STATUS_HIDDEN_WHEN_EMPTY = True

    class Progress(Message):
        """The running read has reached ``done`` of ``total`` bytes."""

        def __init__(self, done: int, total: int, entries: int) -> None:
            super().__init__()
            self.done, self.total, self.entries = done, total, entries

    class Finished(Message):
        """The read ended: a triage, or a one-line error (``result`` is then None)."""

        def __init__(self, result: HarTriage | None, error: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.result: HarTriage | None = None
        self._path = path
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="har-top"):
            yield Static(
                "HAR triage · type a .har file, Enter reads it · Esc cancels/back",
                classes="dialog-title",
            )
            with Horizontal(classes="row"):
                yield Input(self._path, placeholder="session.har", id="har-path", compact=True)
                yield Button("Read", id="har-read", variant="primary", compact=True)
            yield Static("", id="har-status")
            yield Static("", id="har-cause")
        with Horizontal(id="har-main"):
            yield DataTable(id="har-rows", cursor_type="row")
            with VerticalScroll(id="har-detail-scroll"):
                yield Static("", id="har-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#har-rows", DataTable)
        table.add_columns("#", "Time (UTC)", "Request", "Status", "Tokens")
        self.query_one("#har-detail-scroll").border_title = "Selected request"
        self.query_one("#har-path", Input).focus()
        self._status("")

    @on(Button.Pressed, "#har-read")
    @on(Input.Submitted, "#har-path")
    def action_read(self) -> None:
        """Start reading the typed file in a worker."""
        if self._busy:
            return
        text = self.query_one("#har-path", Input).value.strip()
        if not text:
            self._status("Type the path of a .har file (DevTools → Network → Save all as HAR).")
            return
        self._busy = True
        self._status(f"Reading {text}…")
        self._read(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="har")
    def _read(self, path: Path) -> None:
        from jwtscope.services.har_run import triage_file

        worker = get_current_worker()

        def progress(done: int, total: int, entries: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(self.Progress(done, total, entries))

        app = self.app
        try:
            result = triage_file(
                path, env=app.env, keys=app.explicit_keys, leeway=app.leeway, progress=progress
            )
        except _Cancelled:
            return
        except JwtscopeError as exc:
            self.post_message(self.Finished(None, exc.one_line()))
            return
        if not worker.is_cancelled:
            self.post_message(self.Finished(result))

    def on_har_screen_progress(self, event: Progress) -> None:
        """Say how far the read has come."""
        if self._busy and event.total:
            share = event.done * 100 // event.total
            self._status(f"Reading: {share}% ({event.entries} entries)…")

    def on_har_screen_finished(self, event: Finished) -> None:
        """Show the triage (or the error), unless the read was cancelled."""
        if not self._busy:
            return
        self._busy = False
        if event.result is None:
            self._status(event.error)
            return
        self._status("")
        self._show(event.result)

    def action_back(self) -> None:
        """Cancel a running read; otherwise go back to the main screen."""
        if self._busy:
            self._busy = False
            self.workers.cancel_group(self, "har")
            self._status("Cancelled.")
            return
        super().action_back()

    def _guarded(self, text: str) -> Text:
        return Text(self.app.output_guard().text(text))

    def _show(self, result: HarTriage) -> None:
        from jwtscope.core.har.har_text import triage_to_text

        self.result = result
        summary = triage_to_text(result).split("\n\n")[-1]
        self.query_one("#har-cause", Static).update(self._guarded(summary))
        table = self.query_one("#har-rows", DataTable)
        table.clear()
        for index, row in enumerate(result.rows):
            table.add_row(*self._cells(row, result), key=str(index))
        if result.rows:
            first = next((i for i, r in enumerate(result.rows) if r.failure), 0)
            table.move_cursor(row=first)
            table.focus()
        self._show_selected()

    def _cells(self, row: Row, result: HarTriage) -> tuple[Text, ...]:
        from jwtscope.core.request.request_url import mask_url
        from jwtscope.core.timefmt import iso_utc

        entry = row.entry
        tokens = ", ".join(f"{result.label(u.fingerprint)} {u.state}" for u in row.sent)
        got = ", ".join(f"got {result.label(u.fingerprint)}" for u in row.received)
        more = f" (+{row.repeats})" if row.repeats else ""
        status = Text(f"{entry.status or entry.error or '—'} {row.failure}".strip())
        if row.failure:
            status.stylize("bold red")
        return (
            Text(f"{entry.index}{more}"),
            Text(iso_utc(entry.started)[11:19] if entry.started is not None else "—"),
            self._guarded(f"{entry.method} {mask_url(entry.path)}"),
            status,
            self._guarded("; ".join(p for p in (tokens, got) if p) or "none"),
        )

    @on(DataTable.RowHighlighted, "#har-rows")
    def _show_selected(self) -> None:
        """Show the highlighted request and its token's verdict at that request's time."""
        result = self.result
        if result is None or not result.rows:
            self._detail(Text("Read a HAR file to see its timeline.", style="dim"))
            return
        table = self.query_one("#har-rows", DataTable)
        row = result.rows[min(table.cursor_row, len(result.rows) - 1)]
        self._detail(self._guarded(_detail_text(row, result)))

    def _detail(self, renderable: Text) -> None:
        self.query_one("#har-detail", Static).update(renderable)


def _detail_text(row: Row, result: HarTriage) -> str:
    """The request, then each token it carried with the engine's report at its time."""
    from jwtscope.core.report_text import report_to_text
    from jwtscope.core.request.request_url import mask_url
    from jwtscope.core.timefmt import iso_utc

    entry = row.entry
    when = iso_utc(entry.started) if entry.started is not None else "an unknown time"
    lines = [f"#{entry.index} {entry.method} {mask_url(entry.url)}"]
    lines.append(f"→ {entry.status or entry.error or 'no answer'} at {when}")
    if row.failure:
        lines.append(f"failing: {row.failure}")
    if row.repeats:
        lines.append(f"and {row.repeats} more like it, until #{row.latest.index}")
    for use in (*row.sent, *row.received):
        verb = "sent" if use in row.sent else "received"
        label = f"{result.label(use.fingerprint)} {use.fingerprint}"
        lines += ["", f"{verb} {label} via {use.place} — {use.state} at this time"]
        report = result.verdict(use.fingerprint, entry.started)
        if report is not None and result.tokens[use.fingerprint].kind == "jws":
            lines.append(report_to_text(report))
    if not row.sent and not row.received:
        lines += ["", "no credential in this request"]
    return "\n".join(lines)
