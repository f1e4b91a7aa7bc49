"""The Probe screen: run the auth test suite against an endpoint, after the user confirms.

With "Every route" ticked, the routes come from the API's OpenAPI document and tests 2–7
run on each: a matrix (routes × tests) fills in route by route, and the highlighted
route's verdicts, with why, show beside it. Otherwise each test's verdict appears as it
arrives (a worker sends the requests, paced, to the
named origin only, and posts each verdict and the result as messages). "Export report"
writes the review report (Markdown) of everything run in this session: the token on the
main screen, the last replay and this probe.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from jwtscope.errors import JwtscopeError
from jwtscope.services.inputs import choose_secret, request_from_text, require_http_url
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen, JwtscopeScreen

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeResult, ProbeVerdict
    from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["ConfirmScreen", "ProbeScreen"]

_STATUS_STYLE = {"PASS": "bold green", "FAIL": "bold red", "SKIP": "dim", "ERROR": "yellow"}


class ConfirmScreen(JwtscopeModalScreen[bool]):
    """Ask before sending requests to a server."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.CONFIRM]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question)
            with Horizontal(classes="buttons"):
                yield Button("Run the probe", id="yes", variant="error", compact=True)
                yield Button("Cancel", id="no", compact=True)

    def on_mount(self) -> None:
        # The user pressed Start to get here: Enter confirms, Escape cancels.
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        """Do not send anything."""
        self.dismiss(False)


class ProbeScreen(JwtscopeScreen[None]):
    """Run the test suite and export the review.

    Escape does not stop a running probe: it finishes in the background (cleaning up
    what it created), and its result is no longer shown.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.PROBE]
    STATUS_ID = "probe-error"

    class VerdictArrived(Message):
        """One test of the running probe has been judged."""

        def __init__(self, verdict: ProbeVerdict) -> None:
            super().__init__()
            self.verdict = verdict

    class RouteArrived(Message):
        """One route of the running route probe has been judged."""

        def __init__(self, row: RouteVerdicts) -> None:
            super().__init__()
            self.row = row

    class ProbeDone(Message):
        """The probe ended: its result, or a one-line error (``result`` is then None)."""

        def __init__(self, result: ProbeResult | RouteProbeResult | None, error: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.verdicts: list[ProbeVerdict] = []
        self.rows: list[RouteVerdicts] = []
        self.result: ProbeResult | RouteProbeResult | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="probe-top"):
            yield Static(
                "Probe — the classic auth test suite · Ctrl+S starts (asks first) · "
                "Ctrl+E exports the report · Esc back",
                classes="dialog-title",
            )
            yield Input(
                placeholder="http://localhost:8000/todos  (or a curl command)",
                id="probe-url",
                compact=True,
            )
            with Horizontal(classes="row"):
                yield Input(
                    placeholder="user B's token (optional: minted with the secret)",
                    id="token-b",
                    password=True,
                    compact=True,
                )
                yield Input(
                    placeholder="resource URL with {id} (optional)", id="resource", compact=True
                )
                yield Input(placeholder="id", id="resource-id", compact=True)
            with Horizontal(classes="row"):
                yield Checkbox("Allow writes (POST/PUT/DELETE)", id="allow-writes", compact=True)
                yield Checkbox("Every route (OpenAPI)", id="all-routes", compact=True)
                yield Input(
                    placeholder='create body, e.g. {"title": "probe"}', id="create", compact=True
                )
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button("Export report", id="export", compact=True)
            yield Static("", id="probe-error")
        with Horizontal(id="probe-main"):
            yield OptionList(id="verdicts")
            yield DataTable(id="route-matrix", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="verdict-detail-scroll"):
                yield Static("", id="verdict-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#verdicts").border_title = "Tests"
        matrix = self.query_one("#route-matrix", DataTable)
        matrix.border_title = "Routes × tests 2–7"
        matrix.add_columns("route", *(str(n) for n in range(2, 8)))
        self.query_one("#probe-url", Input).focus()

    def _value(self, selector: str) -> str | None:
        return self.query_one(selector, Input).value.strip() or None

    def build_request(self) -> ReplayRequest:
        """The endpoint from the bar: a curl, raw request or HAR file (with its own token,
        else the main screen's), or a URL sent with the main screen's token.

        Raises:
            JwtscopeError: the text cannot be read as a request, or its URL is not http(s).
        """
        text = self._value("#probe-url") or ""
        return require_http_url(request_from_text(text, token=self.app.main_token))

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Confirm, then run the probe in a worker."""
        if self._busy:
            return
        try:
            request = self.build_request()
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return
        self._status("")  # the request is usable: a stale error goes
        writes = self.query_one("#allow-writes", Checkbox).value
        every = self.query_one("#all-routes", Checkbox).value
        what = (
            "tests 2–7 on every route of its OpenAPI document (at most 300 requests, paced)"
            if every
            else "the auth test suite (about 20 requests, paced)"
        )
        question = f"Send {what} to {request.origin}?" + (
            " It includes WRITES (POST/PUT/DELETE)."
            if writes
            else " Read-only: writes are skipped."
        )

        def answered(yes: bool | None) -> None:
            if yes and every:
                self._start_routes(request, writes)
            elif yes:
                self._start(request, writes)

        self.app.push_screen(ConfirmScreen(question), answered)

    def _start(self, request: ReplayRequest, writes: bool) -> None:
        """Read the form and the app's state here, on the UI thread, then start the worker."""
        app, config = self.app, self.app.config
        report = app.report if request.token and request.token == app.main_token else None
        create = self._value("#create")
        run = partial(
            config.run_probe,
            request,
            report=report,
            secret=choose_secret(report, app.env),
            token_b=self._value("#token-b"),
            resource=self._value("#resource"),
            resource_id=self._value("#resource-id"),
            create_body=create.encode() if create else None,
            allow_writes=writes,
            clock=config.clock,
        )
        self._show_matrix(False)
        self._busy = True
        self._status("Running…")
        self.verdicts.clear()
        self.query_one("#verdicts", OptionList).clear_options()
        self._run(run)

    def _start_routes(self, request: ReplayRequest, writes: bool) -> None:
        """Start the route probe: every route of the OpenAPI document, tests 2–7 each."""
        app, config = self.app, self.app.config
        report = app.report if request.token and request.token == app.main_token else None
        create = self._value("#create")
        run = partial(
            config.run_route_probe,
            request,
            create_body=create.encode() if create else None,
            allow_writes=writes,
            report=report,
            secret=choose_secret(report, app.env),
            clock=config.clock,
        )
        self._show_matrix(True)
        self._busy = True
        self._status("Reading the OpenAPI document, then probing every route…")
        self.rows.clear()
        self.query_one("#route-matrix", DataTable).clear()
        self._run_routes(run)

    def _show_matrix(self, on: bool) -> None:
        self.query_one("#route-matrix").display = on
        self.query_one("#verdicts").display = not on

    @work(thread=True, exclusive=True, group="probe")
    def _run_routes(self, run: Callable[..., RouteProbeResult]) -> None:
        """Run the route probe; post each route's row and the result."""
        try:
            done = self.ProbeDone(run(on_row=lambda row: self.post_message(self.RouteArrived(row))))
        except JwtscopeError as exc:
            done = self.ProbeDone(None, exc.one_line())
        self.post_message(done)

    def on_probe_screen_route_arrived(self, event: RouteArrived) -> None:
        """Add the route's row to the matrix."""
        row = event.row
        self.rows.append(row)
        if row.public:
            cells = [Text("public", style="dim")] + [Text("") for _ in row.verdicts[1:]]
        else:
            cells = [
                Text(v.status.value, style=_STATUS_STYLE.get(v.status.value, ""))
                for v in row.verdicts
            ]
        self.query_one("#route-matrix", DataTable).add_row(Text(row.route.label), *cells)

    @on(DataTable.RowHighlighted, "#route-matrix")
    def _show_route(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.rows):
            return
        row = self.rows[event.cursor_row]
        parts: list[Any] = [Text(row.route.label, style="bold")]
        if row.url:
            parts.append(Text(f"sent to {row.url}", style="dim"))
        if row.filled_from:
            parts.append(Text(f"ids: {row.filled_from}", style="dim"))
        if row.public:
            parts.append(Text(row.verdicts[0].explanation))
        else:
            for v in row.verdicts:
                head = f"{v.status.value} {v.test.number}. {v.test.title}"
                parts += [Text(""), Text(head, _STATUS_STYLE.get(v.status.value, ""))]
                parts.append(Text(v.explanation))
        self.query_one("#verdict-detail", Static).update(Group(*parts))

    @work(thread=True, exclusive=True, group="probe")
    def _run(self, run: Callable[..., ProbeResult]) -> None:
        """Run the probe (every input already bound into ``run``); post each verdict and
        the result."""
        try:
            done = self.ProbeDone(
                run(on_progress=lambda verdict: self.post_message(self.VerdictArrived(verdict)))
            )
        except JwtscopeError as exc:
            done = self.ProbeDone(None, exc.one_line())
        self.post_message(done)

    def on_probe_screen_verdict_arrived(self, event: VerdictArrived) -> None:
        """List the verdict that just arrived."""
        verdict = event.verdict
        self.verdicts.append(verdict)
        label = Text()
        status = verdict.status.value
        label.append(f"{status:<5} ", style=_STATUS_STYLE.get(status, ""))
        label.append(f"{verdict.test.number}. {verdict.test.title}")
        options = self.query_one("#verdicts", OptionList)
        options.add_option(Option(label, id=verdict.test.id))
        if options.highlighted is None:
            options.highlighted = 0

    def on_probe_screen_probe_done(self, event: ProbeDone) -> None:
        """Keep the result for the review and say how it went."""
        self._busy = False
        self.result = result = event.result
        if result is None or not hasattr(result, "rows"):  # the review takes a one-URL probe
            self.app.last_probe = result
        if event.error:
            self._status(event.error)
        elif result is not None:
            counts = result.counts
            self._status(
                f"{counts['PASS']} passed, {counts['FAIL']} failed, "
                f"{counts['SKIP']} skipped, {counts['ERROR']} not judged"
            )

    @on(OptionList.OptionHighlighted, "#verdicts")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.verdicts):
            return
        v = self.verdicts[event.option_index]
        shown = self.app.output_guard().text  # observations quote the server's answers
        parts: list[Any] = [
            Text(f"{v.status.value} — {shown(v.test.title)}", style="bold"),
            Text(shown(f"expected: {v.expected}")),
        ]
        parts += [Text(shown(f"observed: {o.summary}"), style="dim") for o in v.observed]
        if v.explanation:
            parts += [Text(""), Text(shown(v.explanation))]
        if v.severity is not None:
            parts += [
                Text(""),
                Text(
                    f"severity of a FAIL: {v.severity.value}; a FAIL means: {v.test.fail_means}",
                    style="italic",
                ),
            ]
        self.query_one("#verdict-detail", Static).update(Group(*parts))

    def action_export(self) -> None:
        """Write the review report of everything run in this session."""
        self.app.export_review(self._value("#probe-url") or "token")
