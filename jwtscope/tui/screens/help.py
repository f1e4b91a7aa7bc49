"""F1: the keys of the app and every finding code, in plain words."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static

from jwtscope.services.code_reference import all_codes
from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen
from jwtscope.tui.widgets.findings import md_escape

__all__ = ["HelpScreen", "help_markdown"]


def help_markdown() -> str:
    """The help text: keys, then each finding code with its meaning."""
    lines = [
        "## Keys",
        "",
        "- **F1** this help (Esc closes it)",
        "- **F2** / **Ctrl+O** key sources: pasted secret, env variable, .env files, key file, "
        "JWKS URL",
        "- **F3** / **Ctrl+T** time travel: judge the token as of another time, set the leeway",
        "- **F4** copy a redacted triage note (Markdown) · **F5** copy the decoded payload",
        "- **F6** replay: paste 'Copy as cURL' or a URL, send it, see every request sent and the "
        "ranked causes with evidence and fix (Ctrl+S sends, Esc cancels/back)",
        "- **F7** probe: run the auth test suite against an endpoint after you confirm, with live "
        "results per test; Ctrl+E exports the review report (Markdown) of everything run",
        "- **F8** audit: read a project's source (never run it): every route and what protects "
        "it, the JWT mistakes worst first, the source around each (Enter runs, Ctrl+E exports "
        "the review report with the audit, Esc cancels/back)",
        "- **Enter** (or a click) on a finding: its detail, evidence and fix (the Finding tab; "
        "the Decoded tab shows header and payload, the Claims tab explains each claim)",
        "- **Ctrl+L** clear the token · **Tab** / **Shift+Tab** move between panes",
        "- **Ctrl+P** command palette (every action) · **Ctrl+Q** quit",
        "",
    ]
    heads = {
        "finding": "Finding codes (the token)",
        "cause": "Replay causes (F6)",
        "audit": "Audit codes (F8)",
        "har": "HAR triage causes (F9)",
    }
    entries = all_codes()
    for kind, head in heads.items():
        lines += [f"## {head}", ""]
        for entry in (e for e in entries if e.kind == kind):
            lines += [f"### `{entry.code}` — {md_escape(entry.title)}", ""]
            lines += [f"*{entry.severity}* · {md_escape(entry.explain)}", ""]
    return "\n".join(lines)


class HelpScreen(JwtscopeModalScreen[None]):
    """Scrollable help; Escape, F1 or Q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.HELP]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static("jwtscope help — Esc closes", classes="dialog-title")
            with VerticalScroll():
                yield Markdown(help_markdown())
