"""The Probe screen: run the auth test suite against an endpoint, after the user confirms.

Each test's verdict appears as it arrives (a worker sends the requests, paced, to the
named origin only). "Export report" writes the review report (Markdown) of everything
run in this session: the token on the main screen, the last replay and this probe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from jwtscope.errors import JwtscopeError

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeResult, ProbeVerdict
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.tui.app import JwtscopeApp

__all__ = ["ConfirmScreen", "ProbeScreen"]

_STATUS_STYLE = {"PASS": "bold green", "FAIL": "bold red", "SKIP": "dim", "ERROR": "yellow"}


class ConfirmScreen(ModalScreen[bool]):
    """Ask before sending requests to a server."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "no", "Cancel", id="confirm_no", tooltip="Do not send anything"),
    ]

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
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        """Cancel."""
        self.dismiss(False)


class ProbeScreen(Screen[None]):
    """Run the test suite and export the review."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="probe_back", tooltip="Back to the token"),
        Binding("ctrl+s", "start", "Start", id="probe_start", tooltip="Start the probe"),
        Binding(
            "ctrl+e",
            "export",
            "Export report",
            id="probe_export",
            priority=True,  # inputs bind ctrl+e (end of line); End still does that
            tooltip="Write the review report (Markdown) of everything run",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.verdicts: list[ProbeVerdict] = []
        self.result: ProbeResult | None = None
        self._busy = False

    @property
    def jwt_app(self) -> JwtscopeApp:
        """The app, typed."""
        return cast("JwtscopeApp", self.app)

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
                yield Input(
                    placeholder='create body, e.g. {"title": "probe"}', id="create", compact=True
                )
                yield Button("Start", id="start", variant="primary", compact=True)
                yield Button("Export report", id="export", compact=True)
            yield Static("", id="probe-error")
        with Horizontal(id="probe-main"):
            yield OptionList(id="verdicts")
            with VerticalScroll(id="verdict-detail-scroll"):
                yield Static("", id="verdict-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#verdicts").border_title = "Tests"
        self.query_one("#probe-url", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#probe-error", Static).update(message)

    def _value(self, selector: str) -> str | None:
        return self.query_one(selector, Input).value.strip() or None

    def build_request(self) -> ReplayRequest:
        """The endpoint from the bar (see :meth:`JwtscopeApp.request_from`)."""
        return self.jwt_app.request_from(self._value("#probe-url") or "")

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
            self._error(exc.one_line())
            return
        writes = self.query_one("#allow-writes", Checkbox).value
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
        self._busy = True
        self._error("Running…")
        self.verdicts.clear()
        self.query_one("#verdicts", OptionList).clear_options()
        self._run(request, writes)

    @work(thread=True, exclusive=True, group="probe")
    def _run(self, request: ReplayRequest, writes: bool) -> None:
        app = self.jwt_app
        report = app.report if request.token and request.token == app.main_token else None
        create = self._value("#create")
        try:
            result = app.config.run_probe(
                request,
                report=report,
                secret=_secret(app, report),
                token_b=self._value("#token-b"),
                resource=self._value("#resource"),
                resource_id=self._value("#resource-id"),
                create_body=create.encode() if create else None,
                allow_writes=writes,
                clock=app.config.clock,
                on_progress=lambda v: self.app.call_from_thread(self._add, v),
            )
        except JwtscopeError as exc:
            self.app.call_from_thread(self._finished, None, exc.one_line())
            return
        self.app.call_from_thread(self._finished, result, None)

    def _add(self, verdict: ProbeVerdict) -> None:
        self.verdicts.append(verdict)
        label = Text()
        status = verdict.status.value
        label.append(f"{status:<5} ", style=_STATUS_STYLE.get(status, ""))
        label.append(f"{verdict.test.number}. {verdict.test.title}")
        options = self.query_one("#verdicts", OptionList)
        options.add_option(Option(label, id=verdict.test.id))
        if options.highlighted is None:
            options.highlighted = 0

    def _finished(self, result: ProbeResult | None, error: str | None) -> None:
        self._busy = False
        self.result = result
        self.jwt_app.last_probe = result
        if error:
            self._error(error)
        elif result is not None:
            counts = result.counts
            self._error(
                f"{counts['PASS']} passed, {counts['FAIL']} failed, "
                f"{counts['SKIP']} skipped, {counts['ERROR']} not judged"
            )

    @on(OptionList.OptionHighlighted, "#verdicts")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.verdicts):
            return
        v = self.verdicts[event.option_index]
        parts: list[Any] = [
            Text(f"{v.status.value} — {v.test.title}", style="bold"),
            Text(f"expected: {v.expected}"),
        ]
        parts += [Text(f"observed: {o.summary}", style="dim") for o in v.observed]
        if v.explanation:
            parts += [Text(""), Text(v.explanation)]
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
        self.jwt_app.export_review(self._value("#probe-url") or "token")

    def action_back(self) -> None:
        """Back to the main screen (a running probe finishes in the background)."""
        self.app.pop_screen()


def _secret(app: JwtscopeApp, report: Any) -> Any:
    from jwtscope.services.inputs import choose_secret

    return choose_secret(report, app.env)
