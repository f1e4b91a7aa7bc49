"""Ctrl+R, edit and re-sign: change the token's header or payload and sign it here with a
key the user holds (an environment secret by name, a pasted secret, a private key file).

The result is labelled as signed here by jwtscope, apart from the pasted token; it can
be copied as a token or as a curl ``Authorization`` header, and loaded into the editor
only by the explicit "Inspect this token" button. The key is chosen by
:mod:`jwtscope.services.resign_build`; no secret value is ever shown.
"""

from __future__ import annotations

import json
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Select, Static, TextArea

from jwtscope.errors import JwtscopeError
from jwtscope.services.resign_build import Resigned, ResignKey, env_secret_names, resign
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen

__all__ = ["RESULT_TITLE", "ResignScreen"]

#: The result panel's title: this token is not the one pasted.
RESULT_TITLE = "SIGNED HERE BY jwtscope — not the token you pasted"
_PASTED = "pasted"
_FILE = "file"


class ResignScreen(JwtscopeModalScreen[None]):
    """Edit the header and payload, choose a key, sign; copy or inspect the result."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.RESIGN]
    STATUS_ID = "resign-error"
    # The editors share what the fixed rows leave (the header no more than its usual four
    # lines), so the key choice and the Sign button are on screen from 80x24 up; the
    # dialog scrolls once the signed token's panel is open on a short screen.
    DEFAULT_CSS = """
    #resign-dialog { width: 90%; max-width: 110; height: 90%; border: thick $primary;
        background: $surface; padding: 0 1; }
    #resign-dialog TextArea { height: 1fr; min-height: 5; }
    #resign-dialog #resign-header { max-height: 6; }
    #resign-dialog Input { background: $boost; }
    #resign-dialog .resign-row { height: auto; margin-top: 1; }
    #resign-key { width: 1fr; }
    #resign-alg { width: 12; margin-left: 1; }
    #resign-secret { width: 1fr; margin-right: 1; }
    #resign-path { width: 1fr; }
    #resign-error { color: $error; height: auto; }
    #resign-result { border: heavy $warning; height: auto; display: none; }
    #resign-result.shown { display: block; }
    #resign-dialog Button { margin-left: 1; }
    """

    #: The last token signed here (None before the first signature).
    signed: Resigned | None = None

    def compose(self) -> ComposeResult:
        report = self.app.report
        token = report.token if report is not None else None
        header = (token.header if token is not None else None) or {"alg": "HS256", "typ": "JWT"}
        payload = (token.payload if token is not None else None) or {}
        names = env_secret_names(self.app.env)
        options = [(f"env: {name}", f"env:{name}") for name in names]
        options += [("a secret pasted below", _PASTED), ("a private key file (PEM/JWK)", _FILE)]
        with VerticalScroll(id="resign-dialog"):
            yield Static(
                "Edit and re-sign — Ctrl+S signs · Esc closes (pasted token kept)",
                classes="dialog-title",
            )
            yield TextArea(json.dumps(header, indent=2), id="resign-header")
            yield TextArea(json.dumps(payload, indent=2, ensure_ascii=False), id="resign-payload")
            with Horizontal(classes="resign-row"):
                yield Select(
                    options, value=options[0][1], allow_blank=False, id="resign-key", compact=True
                )
                yield Input(
                    str(header.get("alg") or ""), placeholder="alg", id="resign-alg", compact=True
                )
            with Horizontal(classes="resign-row"):
                yield Input(
                    placeholder="pasted HMAC secret (never shown)",
                    password=True,
                    id="resign-secret",
                    compact=True,
                )
                yield Input(
                    placeholder="private key file: PEM or JWK", id="resign-path", compact=True
                )
            yield Static("", id="resign-error")
            with Horizontal(classes="buttons"):
                yield Button("Sign", id="resign-sign", variant="success", compact=True)
                yield Button("Close", id="resign-close", compact=True)
            with Vertical(id="resign-result"):
                yield Static("", id="resign-token")
                yield Static("", id="resign-info")
                with Horizontal(classes="buttons"):
                    yield Button("Copy token", id="resign-copy", compact=True)
                    yield Button("Copy curl header", id="resign-curl", compact=True)
                    yield Button("Inspect this token", id="resign-inspect", compact=True)

    def on_mount(self) -> None:
        self.query_one("#resign-result").border_title = RESULT_TITLE
        # The editors' names on their borders: no line of its own (80x24 is short).
        self.query_one("#resign-header").border_title = "Header (JSON)"
        self.query_one("#resign-payload").border_title = "Payload (JSON)"
        self.query_one("#resign-payload", TextArea).focus()

    def _key(self) -> ResignKey:
        choice = str(self.query_one("#resign-key", Select).value)
        if choice == _PASTED:
            return ResignKey(pasted=self.query_one("#resign-secret", Input).value)
        if choice == _FILE:
            path = self.query_one("#resign-path", Input).value.strip()
            if not path:
                return ResignKey()
            return ResignKey(key_path=path)
        return ResignKey(env_name=choice.removeprefix("env:"))

    @on(Button.Pressed, "#resign-sign")
    def action_sign(self) -> None:
        """Sign the edited header and payload; errors stay on one line, nothing is lost."""
        try:
            signed = resign(
                self.query_one("#resign-header", TextArea).text,
                self.query_one("#resign-payload", TextArea).text,
                self.query_one("#resign-alg", Input).value,
                self._key(),
                self.app.env,
            )
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return
        self.signed = signed
        self._status("")
        self.query_one("#resign-token", Static).update(Text(signed.token))
        info = f"{signed.alg}, signed with {signed.key}"
        info += f"; {signed.note}" if signed.note else ""
        self.query_one("#resign-info", Static).update(Text(self.app.output_guard().text(info)))
        result = self.query_one("#resign-result")
        result.add_class("shown")
        # On a short screen the panel opens below the fold: bring it into view.
        self.call_after_refresh(result.scroll_visible, animate=False)

    @on(Button.Pressed, "#resign-copy")
    def _copy_token(self) -> None:
        if self.signed is not None:
            self._copy(self.signed.token, "Token signed here by jwtscope:")

    @on(Button.Pressed, "#resign-curl")
    def _copy_curl(self) -> None:
        if self.signed is not None:
            header = f"Authorization: Bearer {self.signed.token}"
            self._copy(header, "curl Authorization header (token signed here by jwtscope):")

    def _copy(self, text: str, what: str) -> None:
        """Copy ``text`` whole: the app's guard would cut the signature of the token this
        screen signed on purpose (it holds no secret), so the copy goes around it."""
        from jwtscope.tui.clipboard import copy_outcome

        App.copy_to_clipboard(self.app, text)
        outcome = self.app.last_copy = copy_outcome(text, self.app.config.clipboard)
        message = f"{what} {outcome.message}"
        if outcome.warn:
            self.app.notify(message, severity="warning", timeout=10)
        else:
            self.app.notify(message, timeout=8)

    @on(Button.Pressed, "#resign-inspect")
    def _inspect(self) -> None:
        if self.signed is None:
            return
        token = self.signed.token
        self.dismiss(None)
        self.app.set_token(token)
        self.app.notify(
            "The editor now holds the token SIGNED HERE BY jwtscope, not the one you pasted.",
            title="Re-signed token loaded",
            timeout=8,
        )

    @on(Button.Pressed, "#resign-close")
    def _close(self) -> None:
        self.action_cancel()
