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

__all__ = ["HelpScreen", "help_markdown", "key_label", "keys_markdown"]


#: Each group of bindings under its heading, in the order the help lists them.
_KEY_GROUPS = (
    ("Main screen", bindings.APP),
    ("Replay (F6)", bindings.REPLAY),
    ("Probe (F7), and its question before sending", (*bindings.PROBE, *bindings.CONFIRM)),
    ("Probe: picking the routes to run", bindings.ROUTE_PICK),
    ("Audit (F8)", bindings.AUDIT),
    ("HAR triage (F9)", bindings.HAR),
    ("Keys dialog (F2)", bindings.KEYS),
    ("Time travel (F3)", bindings.TIME_TRAVEL),
    ("Edit and re-sign (Ctrl+R)", bindings.RESIGN),
    ("Export dialog (Ctrl+E): Enter writes, asks before replacing a file", bindings.SAVE),
    ("Help (F1)", bindings.HELP),
)
_KEY_NAMES = {"escape": "Esc", "ctrl": "Ctrl", "shift": "Shift"}


def key_label(keys: str) -> str:
    """How a binding's keys are written in the help: ``ctrl+o`` → ``Ctrl+O``,
    ``escape,f1,q`` → ``Esc / F1 / Q``."""
    return " / ".join(
        "+".join(_KEY_NAMES.get(part, part.upper()) for part in key.split("+"))
        for key in keys.split(",")
    )


def keys_markdown() -> list[str]:
    """Every binding of every screen (from :mod:`jwtscope.tui.bindings`), then the keys
    Textual itself provides."""
    lines = ["## Keys", ""]
    for title, group in _KEY_GROUPS:
        lines += [f"**{title}**", ""]
        # F-keys first, in order, then the Ctrl keys.
        for binding in sorted(group, key=lambda b: (not b.key.startswith("f"), b.key)):
            lines.append(f"- **{key_label(binding.key)}** {md_escape(binding.tooltip)}")
        lines.append("")
    lines += [
        "**Everywhere**",
        "",
        "- **Enter** (or a click) on a finding: its detail, evidence and fix (the Finding tab; "
        "the Decoded tab shows header and payload, the Claims tab explains each claim)",
        "- **Tab** / **Shift+Tab** move between panes",
        "- **Ctrl+P** command palette (every action) · **Ctrl+Q** quit",
        "",
        "Copies (F4, F5) go to the terminal as OSC 52, and to the clipboard tool when one is "
        "found (pbcopy, wl-copy, xclip, xsel); the message says which. When it may not have "
        "arrived (tmux without `set-clipboard on`, the Linux console), **Ctrl+E** saves the "
        "review report to a file instead.",
        "",
    ]
    return lines


def help_markdown() -> str:
    """The help text: keys, then each finding code with its meaning."""
    lines = keys_markdown()
    heads = {
        "finding": "Finding codes (the token)",
        "cause": "Replay causes (F6)",
        "audit": "Audit codes (F8)",
        "har": "HAR triage causes (F9)",
        "probe": "Static + dynamic: the audit vs the server (F7, with a project)",
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
