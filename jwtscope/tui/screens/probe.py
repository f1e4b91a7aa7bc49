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

import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

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
from jwtscope.tui.screens.base import JwtscopeScreen
from jwtscope.tui.screens.probe_dialogs import ConfirmScreen, RoutePickScreen
from jwtscope.tui.screens.probe_export import export_tests
from jwtscope.tui.screens.probe_rows import (
    STATUS_STYLE,
    route_cells,
    route_detail,
    route_summary,
    verdict_detail,
)

if TYPE_CHECKING:
    from jwtscope.core.probe.openapi_routes import ApiRoute
    from jwtscope.core.probe.probe_suite import ProbeResult, ProbeVerdict
    from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
    from jwtscope.core.probe.route_plan import RoutePlan
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["ConfirmScreen", "ProbeScreen"]


class ProbeScreen(JwtscopeScreen[None]):
    """Run the test suite and export the review.

    With "Every route" ticked, Start reads the routes and shows the plan to pick from
    (:class:`~jwtscope.tui.screens.probe_dialogs.RoutePickScreen`); Escape or Ctrl+C
    stops a running route probe, which still deletes what it created and says so. A
    one-URL probe finishes in the background when the screen is left.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.PROBE]
    STATUS_ID = "probe-error"
    #: Below 110 columns the detail goes under the matrix (app.tcss, ``-narrow``).
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

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

    class RoutesFound(Message):
        """The routes were read and planned: the plan to pick from."""

        def __init__(
            self,
            request: ReplayRequest,
            writes: bool,
            plans: list[RoutePlan],
            source: str,
            routes: list[ApiRoute],
        ) -> None:
            super().__init__()
            self.request, self.writes, self.source = request, writes, source
            self.plans, self.routes = plans, routes

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
        self.ran: dict[str, Any] = {}  # what the last probe was run with (Export as tests)
        self._busy = False
        self._routes_running = False
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(id="probe-top"):
            yield Static(
                "Probe · Ctrl+S start · Ctrl+E export report · Ctrl+G export tests · Esc back",
                classes="dialog-title",
            )
            yield Input(
                placeholder="http://localhost:8000/todos  (or a curl command)",
                id="probe-url",
                compact=True,
            )
            with Horizontal(classes="row"):
                yield Input(
                    placeholder="user B's token (optional)",
                    id="token-b",
                    password=True,
                    compact=True,
                )
                yield Input(placeholder="resource URL with {id}", id="resource", compact=True)
                yield Input(placeholder="id", id="resource-id", compact=True)
            with Horizontal(classes="row"):
                yield Checkbox("Allow writes", id="allow-writes", compact=True)
                yield Checkbox("Every route", id="all-routes", compact=True)
                yield Input(placeholder='create body {"title": …}', id="create", compact=True)
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button("Export", id="export", compact=True)
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
        if self.query_one("#all-routes", Checkbox).value:
            self._discover(request, writes)  # the plan, to pick from, is the question
            return
        question = f"Send the auth test suite (about 20 requests, paced) to {request.origin}?" + (
            " It includes WRITES (POST/PUT/DELETE)."
            if writes
            else " Read-only: writes are skipped."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(request, writes)

        self.app.push_screen(ConfirmScreen(question), answered)

    def _start(self, request: ReplayRequest, writes: bool) -> None:
        """Read the form and the app's state here, on the UI thread, then start the worker."""
        config = self.app.config
        given, ids = self._route_inputs(request), ("token_b", "resource", "resource_id")
        form = {k: self._value("#" + k.replace("_", "-")) for k in ids}
        self.ran = {**form, "request": request, "create_body": given["create_body"]}
        run = partial(
            config.run_probe, request, allow_writes=writes, clock=config.clock, **given, **form
        )
        self._show_matrix(False)
        self._busy = True
        self._status("Running…")
        self.verdicts.clear()
        self.query_one("#verdicts", OptionList).clear_options()
        self._run(run)

    def _route_inputs(self, request: ReplayRequest) -> dict[str, Any]:
        """User A's report and secret, and the create body, read on the UI thread (both
        probes take them)."""
        app = self.app
        report = app.report if request.token and request.token == app.main_token else None
        create = self._value("#create")
        return {
            "report": report,
            "secret": choose_secret(report, app.env),
            "create_body": create.encode() if create else None,
        }

    def _discover(self, request: ReplayRequest, writes: bool) -> None:
        """Read the OpenAPI document and plan (a worker); the plan is shown to pick from."""
        self._busy = True
        self._status("Reading the OpenAPI document… (nothing else is sent before you pick)")
        self._find_routes(request, writes, self._route_inputs(request))

    @work(thread=True, exclusive=True, group="probe")
    def _find_routes(self, request: ReplayRequest, writes: bool, given: dict[str, Any]) -> None:
        from jwtscope.services.probe_routes import RouteOptions, load_routes, plan_all_routes

        options = RouteOptions(create_body=given["create_body"], allow_writes=writes)
        try:
            source, routes = load_routes(request, None)
            plans = plan_all_routes(
                request,
                routes,
                options,
                report=given["report"],
                secret=given["secret"],
                now=int(self.app.config.clock()),
            )
        except JwtscopeError as exc:
            self.post_message(self.ProbeDone(None, exc.one_line()))
            return
        self.post_message(self.RoutesFound(request, writes, plans, source, routes))

    def on_probe_screen_routes_found(self, event: RoutesFound) -> None:
        """Show the plan; run on the routes picked."""
        self._busy = False
        self._status(f"{len(event.plans)} routes found: pick, then run (Ctrl+S)")

        def picked(routes: list[ApiRoute] | None) -> None:
            if routes:
                self._start_routes(event, routes)
            else:
                self._status("Cancelled: nothing was sent to the routes")

        self.app.push_screen(
            RoutePickScreen(event.plans, event.source, event.request.origin), picked
        )

    def _start_routes(self, found: RoutesFound, routes: list[ApiRoute]) -> None:
        """Start the route probe on the routes picked, tests 2–7 each."""
        config, request = self.app.config, found.request
        self._stop = threading.Event()
        self.ran = {"request": request, "create_body": self._route_inputs(request)["create_body"]}
        run = partial(
            config.run_route_probe,
            request,
            allow_writes=found.writes,
            routes=found.routes,
            picked=routes,
            source=found.source,
            stop=self._stop.is_set,
            clock=config.clock,
            **self._route_inputs(request),
        )
        self._show_matrix(True)
        self._busy = self._routes_running = True
        self._status(f"Probing {len(routes)} routes… (Esc or Ctrl+C stops and cleans up)")
        self.rows.clear()
        self.query_one("#route-matrix", DataTable).clear()
        self._run_routes(run)

    def action_back(self) -> None:
        """Stop a running route probe (it still cleans up); else back to the token."""
        if self._routes_running:
            self.action_stop()
        else:
            super().action_back()

    def action_stop(self) -> None:
        """Stop the running route probe: no further route; what it created is deleted."""
        if self._routes_running and not self._stop.is_set():
            self._stop.set()
            self._status("Stopping — cleaning up what the probe created…")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+C stops only while a route probe runs (else it copies, as in any input)."""
        return self._routes_running if action == "stop" else True

    def _show_matrix(self, on: bool) -> None:  # the matrix, or the one-URL tests list
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
        """Add the route's row to the matrix as it arrives."""
        self.rows.append(event.row)
        self.query_one("#route-matrix", DataTable).add_row(*route_cells(event.row))

    @on(DataTable.RowHighlighted, "#route-matrix")
    def _show_route(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row < len(self.rows):
            detail = route_detail(self.rows[event.cursor_row], self.app.output_guard().text)
            self.query_one("#verdict-detail", Static).update(detail)

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
        label.append(f"{status:<5} ", style=STATUS_STYLE.get(status, ""))
        label.append(f"{verdict.test.number}. {verdict.test.title}")
        options = self.query_one("#verdicts", OptionList)
        options.add_option(Option(label, id=verdict.test.id))
        if options.highlighted is None:
            options.highlighted = 0

    def on_probe_screen_probe_done(self, event: ProbeDone) -> None:
        """Keep the result for the review and say how it went."""
        self._busy = self._routes_running = False
        self.result = result = event.result
        from jwtscope.core.probe.route_judge import RouteProbeResult

        if isinstance(result, RouteProbeResult):  # its matrix goes into the exported review
            self.app.last_route_probe = result
        else:
            self.app.last_probe = result
        if event.error:
            self._status(event.error)
        elif result is not None:
            counts = result.counts
            summary = (
                f"{counts['PASS']} passed, {counts['FAIL']} failed, "
                f"{counts['SKIP']} skipped, {counts['ERROR']} not judged"
            )
            if hasattr(result, "rows"):  # a route probe: its cleanup, and whether it stopped
                summary = route_summary(cast("RouteProbeResult", result), summary)
            self._status(summary)

    @on(OptionList.OptionHighlighted, "#verdicts")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.verdicts):
            detail = verdict_detail(self.verdicts[event.option_index], self.app.output_guard().text)
            self.query_one("#verdict-detail", Static).update(detail)

    def action_export(self) -> None:
        """Write the review report of everything run in this session."""
        self.app.export_review(self._value("#probe-url") or "token")

    def action_export_tests(self) -> None:
        """Ask where to write the last probe as the project's pytest suite, and write it."""
        if self.result is None or not self.ran or self._busy:
            self._status("Run the probe first: Export as tests writes what it found")
            return
        export_tests(self.app, self.result, **self.ran)
