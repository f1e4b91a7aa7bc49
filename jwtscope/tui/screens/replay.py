"""The Replay screen: send the failing request, see every request sent and the diagnosis.

Paste a "Copy as cURL" command or a URL into the bar (method and extra headers are
editable), press Send. The Auth URL (``--auth-url`` in the CLI) names the auth server's
get-session: for a request that sends ``Bearer null``, the replay asks it, from the
request's origin, whether its CORS answer exposes ``set-auth-jwt``. The request is read
by :mod:`jwtscope.services.inputs`; the replay runs in a worker and its result comes back
as a message (Escape cancels: the result is then ignored, and timeouts bound the wait).
The token replayed is the main screen's, unless the curl carries its own — the screen
says which. Network work happens in :mod:`jwtscope.services.replay_run` (httpx is
imported there lazily); this screen only presents.
"""

from __future__ import annotations

import json
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
from textual.widgets import (
    Button,
    Footer,
    Input,
    LoadingIndicator,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from jwtscope.core.diagnosis.replay_text import NOTES_HEADING, stage_heading
from jwtscope.errors import JwtscopeError
from jwtscope.services.inputs import (
    replay_origin,
    request_from_text,
    require_auth_url,
    require_http_url,
)
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeScreen
from jwtscope.tui.widgets.findings import fix_renderables

if TYPE_CHECKING:
    from jwtscope.core.request.exchange import Exchange
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.services.replay_run import ReplayOutcome

__all__ = ["ReplayScreen"]

#: The Auth URL's tooltip: what it is for, as ``--auth-url``'s help says it.
_AUTH_URL_HELP = (
    "The auth server's get-session URL, e.g. http://localhost:3000/api/auth/get-session. "
    "When the request sends 'Bearer null', one GET from the request's Origin (a copied "
    "curl's Origin header, or an 'Origin: …' extra header) checks that its CORS answer "
    "exposes set-auth-jwt — the header a Better Auth client reads the JWT from."
)

_CONFIDENCE_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


class ReplayScreen(JwtscopeScreen[None]):
    """Replay a request and diagnose it."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.REPLAY]
    STATUS_ID = "replay-error"
    STATUS_HIDDEN_WHEN_EMPTY = True  # its row goes to the diagnosis until there is an error

    class ReplayDone(Message):
        """The replay ended: its outcome, or a one-line error (``outcome`` is then None)."""

        def __init__(self, outcome: ReplayOutcome | None, error: str = "") -> None:
            super().__init__()
            self.outcome = outcome
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.outcome: ReplayOutcome | None = None
        self._purposes: dict[str, str] = {}  # each request's purpose, by its key
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="replay-top"):
            yield Static(
                "Replay — paste 'Copy as cURL' or a URL · Ctrl+S sends · Esc back",
                classes="dialog-title",
            )
            with Horizontal(classes="row"):
                yield Input("GET", id="method", compact=True)
                yield Input(
                    placeholder="curl 'http://localhost:8000/todos' -H 'authorization: …'"
                    "  or  http://localhost:8000/todos",
                    id="url",
                    compact=True,
                )
                yield Button("Send", id="send", variant="primary", compact=True)
            headers = TextArea("", id="headers", soft_wrap=False)
            # Its help in its top border: a row saved for the diagnosis at 80x24.
            headers.border_title = "Extra headers, one 'Name: value' a line (ignored for a curl)"
            yield headers
            with Horizontal(classes="row"):
                yield Static("Auth URL", id="auth-url-label")
                yield Input(
                    placeholder="optional, e.g. http://localhost:3000/api/auth/get-session",
                    id="auth-url",
                    compact=True,
                    tooltip=_AUTH_URL_HELP,
                )
            yield Static(
                "Better Auth 'Bearer null': does its CORS expose set-auth-jwt to the Origin?",
                id="auth-url-help",
                classes="hint",
            )
            yield Static("", id="replay-token")
            yield LoadingIndicator(id="replay-busy")
            yield Static("", id="replay-error")
        with Horizontal(id="replay-main"):
            yield OptionList(id="exchanges")
            with TabbedContent(id="replay-tabs", initial="tab-diagnosis"):
                with TabPane("Diagnosis", id="tab-diagnosis"), VerticalScroll():
                    yield Static("Send a request to see the diagnosis.", id="diagnosis")
                with TabPane("Response", id="tab-response"), VerticalScroll():
                    yield Static("", id="response")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#replay-busy").display = False
        self._status("")
        self.query_one("#exchanges").border_title = "Requests sent"
        self.query_one("#url", Input).focus()
        self._show_token_source(None)

    # ------------------------------------------------------------------ building

    def build_request(self) -> ReplayRequest:
        """The request from the bar: a curl, raw request or HAR file (with its own token,
        else the main screen's), or a URL sent with the main screen's token.

        Raises:
            JwtscopeError: the text cannot be read as a request, or its URL is not http(s).
        """
        lines = self.query_one("#headers", TextArea).text.splitlines()
        method = self.query_one("#method", Input).value.strip().upper() or "GET"
        request = request_from_text(
            self.query_one("#url", Input).value.strip(),
            token=self.app.main_token,
            method=method,
            headers=[line for line in lines if line.strip()],
        )
        return require_http_url(request)

    def _show_token_source(self, request: ReplayRequest | None) -> None:
        main_token = self.app.main_token
        label = self.query_one("#replay-token", Static)
        if request is None:
            label.update(
                "Token: the one on the main screen"
                if main_token
                else "Token: none on the main screen — paste one there, or a curl"
            )
        elif request.token is None:
            label.update("Token: none (the request carries no token)")
        elif main_token and request.token == main_token:
            label.update("Token: the one on the main screen")
        else:
            label.update(
                Text(
                    "Token: the one carried by the curl — it differs from the main screen's",
                    style="bold yellow",
                )
            )

    # ------------------------------------------------------------------ sending

    @on(Button.Pressed, "#send")
    @on(Input.Submitted, "#url")
    @on(Input.Submitted, "#auth-url")
    def action_send(self) -> None:
        """Parse the bar and start the replay in a worker."""
        if self._busy:
            return
        try:
            request = self.build_request()
            auth_url = require_auth_url(self.query_one("#auth-url", Input).value)
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return
        self._show_token_source(request)
        self._status("")
        self._busy = True
        self.query_one("#replay-busy").display = True
        app, config = self.app, self.app.config
        self._replay(
            partial(
                config.run_replay,
                request,
                env=app.env,
                keys=app.explicit_keys,
                origin=replay_origin(request),
                clock=config.clock,
                audience=config.audience,
                issuer=config.issuer,
                auth_url=auth_url,
            )
        )

    @work(thread=True, exclusive=True, group="replay")
    def _replay(self, run: Callable[[], ReplayOutcome]) -> None:
        """Run the replay (every input already bound into ``run``); post its result."""
        worker = get_current_worker()
        try:
            done = self.ReplayDone(run())
        except JwtscopeError as exc:
            done = self.ReplayDone(None, exc.one_line())
        if not worker.is_cancelled:
            self.post_message(done)

    def on_replay_screen_replay_done(self, event: ReplayDone) -> None:
        """Show the outcome (or the error) of the replay, unless it was cancelled."""
        if not self._busy:
            return  # cancelled: the result is ignored
        self._busy = False
        self.query_one("#replay-busy").display = False
        if event.outcome is None:
            self._status(event.error)
            return
        outcome = self.outcome = event.outcome
        self.app.last_diagnosis = outcome.diagnosis
        exchanges = self.query_one("#exchanges", OptionList)
        exchanges.clear_options()
        purposes = {p.key: p.purpose for p in outcome.probes}
        shown = self.app.output_guard().text
        self._purposes = {key: shown(text) for key, text in purposes.items()}
        for index, ex in enumerate(outcome.exchanges):
            # Short and whole at 80 columns: status, method and the request's key, the
            # name the diagnosis quotes ("[fresh-no-aud] GET /todos → 200"); its purpose
            # and time head the Response tab and the list's tooltip.
            status = str(ex.status) if ex.status is not None else "---"
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append(f"{status:>3} ", style="bold green" if ex.ok else "bold red")
            label.append(f"{ex.request.method:<7} ")
            label.append(shown(ex.purpose), style="bold")
            exchanges.add_option(Option(label, id=str(index)))
        if outcome.exchanges:
            exchanges.highlighted = 0
        self.query_one("#diagnosis", Static).update(self._diagnosis_view(outcome))
        if outcome.unreachable:
            self._status(outcome.exchanges[0].error or "the server could not be reached")

    def action_back(self) -> None:
        """Cancel a running replay; otherwise go back to the main screen."""
        if self._busy:
            self._busy = False
            self.workers.cancel_group(self, "replay")
            self.query_one("#replay-busy").display = False
            self._status("Cancelled (requests already sent still finish within the timeout).")
            return
        super().action_back()

    # ------------------------------------------------------------------ views

    @on(OptionList.OptionHighlighted, "#exchanges")
    def _exchange_selected(self, event: OptionList.OptionHighlighted) -> None:
        if self.outcome is None or event.option_index >= len(self.outcome.exchanges):
            return
        ex = self.outcome.exchanges[event.option_index]
        purpose = self._purposes.get(ex.purpose, "")
        self.query_one("#exchanges", OptionList).tooltip = f"{ex.purpose}: {purpose}"
        self.query_one("#response", Static).update(self._response_view(ex, purpose))

    def _response_view(self, ex: Exchange, purpose: str = "") -> Any:
        """The request's purpose, then the answer as the server sent it, through the app's
        output guard (a server can echo the token, the secret or terminal escapes)."""
        guard = self.app.output_guard()
        shown = guard.text
        head = Text(shown(f"{ex.purpose}: {purpose}" if purpose else ex.purpose), style="italic")
        head.append(f"  ({ex.elapsed * 1000:.0f} ms)", style="dim")
        if ex.status is None:
            return Group(head, Text(shown(f"No answer: {ex.error}"), style="bold red"))
        parts: list[Any] = [
            head,
            Text(shown(f"{ex.status}  {ex.request.method} {ex.request.shown_url}"), style="bold"),
        ]
        parts += [Text(shown(f"{k}: {v}"), style="dim") for k, v in ex.headers]
        parts.append(Text(""))
        data = ex.json()
        if data is not None:
            from rich.syntax import Syntax

            parts.append(
                Syntax(
                    # guard.data caps the nesting: json.dumps(indent=) recurses in Python
                    shown(json.dumps(guard.data(data), indent=2, ensure_ascii=False)[:20_000]),
                    "json",
                    theme="ansi_dark",
                    background_color="default",
                    word_wrap=True,
                )
            )
        else:
            parts.append(Text(shown(ex.text[:20_000])))
        if ex.truncated:
            parts.append(Text("(body cut at the size cap)", style="italic dim"))
        return Group(*parts)

    def _diagnosis_view(self, outcome: ReplayOutcome) -> Any:
        """The ranked causes; their evidence quotes the server, so it passes the guard."""
        shown = self.app.output_guard().text
        diagnosis = outcome.diagnosis
        if not diagnosis.causes:
            return Text("No answer from the server: nothing to diagnose.", style="bold red")
        parts: list[Any] = []
        for i, cause in enumerate(diagnosis.causes, 1):
            heading = stage_heading(diagnosis, i - 1)
            if heading:
                parts.append(Text(heading, style="bold italic"))
            head = Text(f"{i}. ")
            head.append(cause.code, style="bold")
            head.append(f" ({cause.confidence})", style=_CONFIDENCE_STYLE[cause.confidence])
            head.append(f" — {shown(cause.title)}")
            parts.append(head)
            for ev in cause.evidence:
                parts.append(Text(shown(f"   [{ev.source}] {ev.line}"), style="dim"))
            parts += fix_renderables(shown(cause.fix), indent=3)
            parts.append(Text(""))
        if diagnosis.notes:
            parts.append(Text(NOTES_HEADING, style="bold italic"))
            parts += [Text(shown(f"- {note}"), style="yellow") for note in diagnosis.notes]
        return Group(*parts)
