"""The Audit screen: the static source audit of a project, its routes and its findings.

Type the project folder (the app's working folder by default) and the routes that are
public on purpose, press Enter or Run. The audit runs in a thread worker (it reads files
and parses Python, never imports or runs them); its progress and result come back as
messages, and Escape cancels it. The routes table and the findings list show the result;
the pane below (or beside, on a wide terminal) shows the selected one with the source
around its line, redacted by :func:`jwtscope.audit.excerpt`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Input,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from jwtscope.errors import JwtscopeError
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeScreen
from jwtscope.tui.widgets.audit_views import (
    finding_detail,
    finding_label,
    route_cells,
    route_detail,
    sorted_findings,
    summary_view,
)

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditFinding, AuditResult

__all__ = ["AuditScreen"]

#: Lines of source shown either side of the selected line.
AROUND = 5
#: Codes in the findings list are padded to this width at most (longer ones push on).
CODE_WIDTH = 24


class _Cancelled(Exception):
    """Raised inside the audit's progress callback to stop a cancelled audit early."""


class AuditScreen(JwtscopeScreen[None]):
    """Audit a project's source: routes, findings and the code behind each."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.AUDIT]
    STATUS_ID = "audit-status"
    STATUS_HIDDEN_WHEN_EMPTY = True
    #: Side by side from 120 columns; the detail goes below the lists on narrower ones.
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [  # noqa: RUF012 (typed as in Screen)
        (0, "-narrow"),
        (120, "-wide"),
    ]
    #: Below 30 rows the title line goes (the footer names the same keys).
    VERTICAL_BREAKPOINTS: list[tuple[int, str]] | None = [  # noqa: RUF012 (typed as in Screen)
        (0, "-short"),
        (30, "-tall"),
    ]

    class Progress(Message):
        """The running audit has read ``files`` files."""

        def __init__(self, files: int) -> None:
            super().__init__()
            self.files = files

    class Finished(Message):
        """The audit ended: a result, or a one-line error (``result`` is then None)."""

        def __init__(self, result: AuditResult | None, error: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.result: AuditResult | None = None
        self.findings: tuple[AuditFinding, ...] = ()
        self._busy = False
        self._shown_root = ""

    def compose(self) -> ComposeResult:
        last = self.app.last_audit
        with Vertical(id="audit-top"):
            yield Static(
                "Audit the project's source · Enter runs · Ctrl+E report · Esc cancels/back",
                id="audit-title",
                classes="dialog-title",
            )
            with Horizontal(classes="row"):
                yield Input(
                    last.root if last else str(self.app.config.audit_root),
                    placeholder="project folder",
                    id="audit-root",
                    compact=True,
                )
                yield Input(
                    placeholder="public routes, e.g. /health, GET /posts/*",
                    id="audit-public",
                    compact=True,
                )
                yield Button("Run", id="audit-run", variant="primary", compact=True)
            yield Static("", id="audit-status")
            yield Static("", id="audit-summary")
        with Horizontal(id="audit-main"):
            with TabbedContent(id="audit-tabs", initial="tab-routes"):
                with TabPane("Routes", id="tab-routes"):
                    yield DataTable(id="audit-routes", cursor_type="row")
                with TabPane("Findings", id="tab-audit-findings"):
                    yield OptionList(id="audit-findings")
            with VerticalScroll(id="audit-detail-scroll"):
                yield Static("", id="audit-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#audit-routes", DataTable)
        table.add_columns("Status", "Method", "Path", "Where", "Protected by")
        self.query_one("#audit-detail-scroll").border_title = "Selected"
        self.query_one("#audit-root", Input).focus()
        self._status("")
        last = self.app.last_audit
        if last is not None:
            self._show(last)
        else:
            self._detail(Text("Run the audit to see the routes and the findings.", style="dim"))

    # ------------------------------------------------------------------ running

    @on(Button.Pressed, "#audit-run")
    @on(Input.Submitted, "#audit-root")
    @on(Input.Submitted, "#audit-public")
    def action_run(self) -> None:
        """Check the folder and start the audit in a worker."""
        if self._busy:
            return
        text = self.query_one("#audit-root", Input).value.strip()
        root = _folder(text) if text else self.app.config.audit_root
        if root is None or not root.is_dir():
            self._status(f"{text or root} is not a folder: type the project folder to audit.")
            return
        public = [
            p.strip() for p in self.query_one("#audit-public", Input).value.split(",") if p.strip()
        ]
        config = self.app.config
        run = partial(config.run_audit, root, public=public, now=config.clock())
        self._busy = True
        self._shown_root = text or str(root)
        self._status(f"Auditing {self._shown_root}…")
        self._audit(run)

    @work(thread=True, exclusive=True, group="audit")
    def _audit(self, run: Callable[..., AuditResult]) -> None:
        """Run the audit (every input already bound into ``run``); post its progress and
        its result."""
        worker = get_current_worker()

        def progress(files: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(self.Progress(files))

        try:
            result = run(progress=progress)
        except _Cancelled:
            return
        except JwtscopeError as exc:
            self.post_message(self.Finished(None, exc.one_line()))
            return
        except Exception as exc:  # an engine bug on one odd file must not end the session
            self.post_message(self.Finished(None, f"The audit stopped: {_one_line(exc)}"))
            return
        if not worker.is_cancelled:
            self.post_message(self.Finished(result))

    def on_audit_screen_progress(self, event: Progress) -> None:
        """Say how far the running audit has read."""
        if self._busy:
            self._status(f"Auditing {self._shown_root}: read {event.files} files…")

    def on_audit_screen_finished(self, event: Finished) -> None:
        """Show the result (or the error) of the audit, unless it was cancelled."""
        if not self._busy:
            return  # cancelled: the result is ignored
        self._busy = False
        if event.result is None:
            self._status(event.error)
            return
        self.app.last_audit = event.result
        self._show(event.result)
        self._status("")  # the summary says what was read
        if event.result.routes or event.result.findings:
            active = self.query_one("#audit-tabs", TabbedContent).active
            self.query_one("#audit-routes" if active == "tab-routes" else "#audit-findings").focus()

    def action_export(self) -> None:
        """Write the review report of everything run in this session (named by the folder)."""
        if self.app.last_audit is None:
            self._status("Run the audit first: the review would not include it.")
            return
        self.app.export_review(Path(self.app.last_audit.root).name)

    def action_back(self) -> None:
        """Cancel a running audit; otherwise go back to the main screen."""
        if self._busy:
            self._busy = False
            self.workers.cancel_group(self, "audit")
            self._status("Cancelled.")
            return
        super().action_back()

    # ------------------------------------------------------------------ views

    def _show(self, result: AuditResult) -> None:
        self.result = result
        self.findings = sorted_findings(result)
        self.query_one("#audit-summary", Static).update(summary_view(result))
        tabs = self.query_one("#audit-tabs", TabbedContent)
        tabs.get_tab("tab-routes").label = f"Routes ({len(result.routes)})"
        tabs.get_tab("tab-audit-findings").label = f"Findings ({len(self.findings)})"
        table = self.query_one("#audit-routes", DataTable)
        table.clear()
        for index, route in enumerate(result.routes):
            table.add_row(*route_cells(route), key=str(index))
        options = self.query_one("#audit-findings", OptionList)
        options.clear_options()
        width = min(max((len(f.code) for f in self.findings), default=0), CODE_WIDTH)
        options.add_options(
            Option(finding_label(f, width), id=str(i)) for i, f in enumerate(self.findings)
        )
        if self.findings:
            options.highlighted = 0
        self._show_selected()

    @on(DataTable.RowHighlighted, "#audit-routes")
    @on(OptionList.OptionHighlighted, "#audit-findings")
    @on(TabbedContent.TabActivated, "#audit-tabs")
    def _show_selected(self) -> None:
        """Show the highlighted route or finding of the active tab."""
        from jwtscope.audit.excerpt import excerpt

        result = self.result
        if result is None:
            return
        if self.query_one("#audit-tabs", TabbedContent).active == "tab-routes":
            table = self.query_one("#audit-routes", DataTable)
            if not result.routes:
                self._detail(Text("No FastAPI routes found.", style="dim"))
                return
            route = result.routes[min(table.cursor_row, len(result.routes) - 1)]
            source = excerpt(result.root, route.file, route.line, AROUND, result.masks)
            self._detail(route_detail(route, source, result))
            return
        index = self.query_one("#audit-findings", OptionList).highlighted
        if index is None or index >= len(self.findings):
            self._detail(Text("No findings.", style="green"))
            return
        finding = self.findings[index]
        source = excerpt(result.root, finding.path, finding.line, AROUND, result.masks)
        self._detail(finding_detail(finding, source, result))

    def _detail(self, renderable: object) -> None:
        self.query_one("#audit-detail", Static).update(renderable)  # type: ignore[arg-type]


def _one_line(exc: BaseException) -> str:
    """``Type: message`` on one line (an OSError says which file and why)."""
    text = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {text}"[:200]


def _folder(text: str) -> Path | None:
    """The folder typed (``~`` expanded); None when the text cannot be a path."""
    try:
        path = Path(text).expanduser()
        path.stat()
    except (OSError, ValueError, RuntimeError):  # missing, NUL byte, unknown ~user
        return None
    return path
