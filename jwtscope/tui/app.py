"""The jwtscope app: paste a token, see everything that is wrong with it, and why.

The app owns the state (the pasted text, the key sources, the evaluation time) and
asks the engine for a :class:`~jwtscope.core.analysis.Report` whenever one of them
changes; widgets receive the report and only present it. Clock, environment and
network come in through :class:`~jwtscope.tui.config.AppConfig`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.lazy import Lazy
from textual.reactive import var
from textual.widgets import Footer, Header, Static, TextArea

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.output_guard import SCREEN_GUARD
from jwtscope.errors import JwtscopeError
from jwtscope.tui import bindings
from jwtscope.tui.commands import JwtscopeCommands
from jwtscope.tui.config import AppConfig, EnvChoice
from jwtscope.tui.user_keymap import apply_user_settings
from jwtscope.tui.widgets.detail_tabs import DetailTabs
from jwtscope.tui.widgets.findings import FindingsList
from jwtscope.tui.widgets.token_editor import TokenEditor
from jwtscope.tui.widgets.verdict import VerdictBanner

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult
    from jwtscope.core.analysis import Report
    from jwtscope.core.diagnosis.diagnose import Diagnosis
    from jwtscope.core.findings import Finding
    from jwtscope.core.output_guard import OutputGuard
    from jwtscope.core.probe.probe_suite import ProbeResult
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.tui.clipboard import CopyOutcome
    from jwtscope.tui.screens.keys import KeysChange
    from jwtscope.tui.screens.time_travel import TimeChange

__all__ = ["JwtscopeApp"]


class JwtscopeApp(App[None]):
    """The interactive inspector."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "jwtscope"
    SUB_TITLE = "why does my API say 401?"
    COMMANDS = App.COMMANDS | {JwtscopeCommands}
    BINDINGS: ClassVar[list[BindingType]] = [*bindings.APP]

    #: A var, not a reactive: the views repaint what changed, not the whole screen.
    report: var[Report | None] = var(None, init=False)
    #: The finding shown in the detail pane (read by the pane when it mounts).
    selected_finding: Finding | None = None
    #: The last replay's diagnosis, probe and source audit, for the exported review.
    last_diagnosis: Diagnosis | None = None
    last_probe: ProbeResult | None = None
    last_route_probe: RouteProbeResult | None = None
    last_audit: AuditResult | None = None
    #: What the last copy could claim (a local tool confirmed it, or only OSC 52 was sent).
    last_copy: CopyOutcome | None = None
    #: True once the environment is read and the first analysis is done (after frame 1).
    started: bool = False

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        self.env_choice = config.env_choice
        self.explicit_keys = config.explicit_keys
        self.at = config.at
        self.leeway = config.leeway
        self.env = Environment()
        self._env_error: str | None = None
        self._steps = ""
        self._analysed: str | None = None  # the editor's text the report is of
        if config.title:
            self.sub_title = config.title

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The views a keystroke updates, held rather than looked up in the DOM each time.
        self._editor = TokenEditor(
            self.config.text,
            on_edit=self._token_edited,
            id="token",
            soft_wrap=True,
            placeholder="Paste a token, 'Bearer …', an Authorization or Cookie line",
        )
        self._steps_view = Static("", id="steps")
        self._banner = VerdictBanner(id="verdict")
        self._findings = FindingsList(id="findings")
        self._detail = DetailTabs(id="tabs", local_tz=self.config.local_tz)
        yield Header()
        with Vertical(id="token-pane"):
            yield self._editor
            yield self._steps_view
        yield self._banner
        with Horizontal(id="main"):
            yield self._findings
            # The detail tabs are empty until the first analysis, which follows the first
            # frame: they mount after it too.
            yield Lazy(self._detail)
        # Every main key fits in 80 columns; the palette's entry only from 100 (Ctrl+P is
        # in F1's help either way).
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#token-pane").border_title = "Token"
        self.query_one("#findings").border_title = "Findings"
        self.query_one("#findings").border_subtitle = "Enter: detail"
        self._editor.focus()
        apply_user_settings(self, self.config.user_settings)
        if self._editor.text.strip():
            self._banner.update("Analysing…")
        # The window appears first; reading .env files and the first analysis follow in
        # the next frame (a few tens of milliseconds later).
        self.call_after_refresh(self._start)

    def on_resize(self) -> None:
        for footer in self.query(Footer).results():
            footer.show_command_palette = self.size.width >= 100

    def _start(self) -> None:
        self._load_env(self.env_choice)
        self.recompute()
        self.started = True
        if self.config.tick_seconds > 0:
            self.set_interval(self.config.tick_seconds, self._tick)
        if self._env_error:
            self.notify(self._env_error, title="Environment not read", severity="error", timeout=10)

    # ------------------------------------------------------------------ state

    def _load_env(self, choice: EnvChoice) -> None:
        try:
            self.env = self.config.load_env(choice)
            self._env_error = None
        except JwtscopeError as exc:
            self.env = Environment()
            self._env_error = exc.one_line()
        self.env_choice = choice

    @property
    def now(self) -> int:
        """The evaluation time: the time-travel instant, or the injected clock."""
        return self.at if self.at is not None else int(self.config.clock())

    @property
    def time_label(self) -> str:
        """What the evaluation time is when it is the configured one (``demo time``)."""
        at_configured = self.at is not None and self.at == self.config.at
        return self.config.at_label if at_configured else ""

    def recompute(self) -> None:
        """Ask the engine for a fresh report of the current text, keys and time."""
        from jwtscope.core.analysis import analyze  # the engine loads after the first frame

        text = self._analysed = self._editor.text
        if not text.strip():
            self.report = None
            return
        kwargs = dict(
            now=self.now,
            keys=self.explicit_keys,
            leeway=self.leeway,
            audience=self.config.audience,
            issuer=self.config.issuer,
            now_is_real=self.at is None,
        )
        try:
            self.report = analyze(text, env=self.env, **kwargs)  # type: ignore[arg-type]
        except JwtscopeError as exc:
            self.notify(exc.one_line(), title="Secret not usable", severity="error")
            self.report = analyze(text, env=Environment(), **kwargs)  # type: ignore[arg-type]

    def watch_report(self, report: Report | None) -> None:
        self._banner.report = report
        self._findings.report = report  # rows replaced in place, the selection kept
        # The selected finding follows now, not a message later: one frame for everything.
        self.selected_finding = self._findings.current
        self._detail.show(report, self.selected_finding)
        steps = "✂ " + "; ".join(report.input.steps) if report and report.input.steps else ""
        if steps != self._steps:
            self._steps = steps
            # The steps can quote the pasted text: guarded, shown as text (never markup).
            self._steps_view.update(Text(SCREEN_GUARD.text(steps)))

    def _tick(self) -> None:
        if self.at is None and self.report is not None:
            self.recompute()

    def _token_edited(self) -> None:
        """A keystroke's edit: analysed before the editor's own repaint (one frame for both)."""
        if self.started:
            self.recompute()

    @on(TextArea.Changed, "#token")
    def _token_changed(self) -> None:
        """Every other change (load, undo, redo): analysed unless an edit already was."""
        if self._analysed != self._editor.text:
            self.recompute()

    @on(FindingsList.Selected)
    def _finding_selected(self, event: FindingsList.Selected) -> None:
        self.selected_finding = event.finding
        self._detail.show(self.report, event.finding)

    @on(FindingsList.OptionSelected, "#findings")
    def _finding_opened(self) -> None:
        """Enter or a click on a finding: show its detail."""
        if self._detail.is_mounted:  # mounted lazily, after the first frame
            self._detail.active = "tab-finding"

    # ------------------------------------------------------------------ actions

    #: The main screen's actions (its bindings' and the palette's): off while a dialog is open.
    _MAIN_SCREEN_ACTIONS = frozenset(b.action for b in bindings.APP)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main screen's actions do nothing while a dialog is open."""
        return not (action in self._MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def action_help(self) -> None:
        """Show the help screen."""
        from jwtscope.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_replay(self) -> None:
        """Open the Replay screen."""
        from jwtscope.tui.screens.replay import ReplayScreen

        self.push_screen(ReplayScreen())

    def action_probe(self) -> None:
        """Open the Probe screen."""
        from jwtscope.tui.screens.probe import ProbeScreen

        self.push_screen(ProbeScreen())

    def action_audit(self) -> None:
        """Open the Audit screen."""
        from jwtscope.tui.screens.audit import AuditScreen

        self.push_screen(AuditScreen())

    def action_har(self) -> None:
        """Open the HAR screen."""
        from jwtscope.tui.screens.har import HarScreen

        self.push_screen(HarScreen())

    def action_resign(self) -> None:
        """Open the edit-and-re-sign dialog (its token never replaces the pasted one unasked)."""
        from jwtscope.tui.screens.resign import ResignScreen

        self.push_screen(ResignScreen())

    def action_export(self) -> None:
        """Write the review report of the token and everything run so far (asks where)."""
        self.export_review("token")

    def export_review(self, system: str) -> None:
        """Ask where to write the review report of everything run so far, and write it."""
        from jwtscope.core.timefmt import iso_utc
        from jwtscope.services.review_report import build_review, review_markdown
        from jwtscope.tui.screens.save import SaveScreen

        now = int(self.config.clock())
        review = build_review(
            date=now,
            system=system,
            report=self.report,
            diagnosis=self.last_diagnosis,
            probe=self.last_probe,
            audit=self.last_audit,
            routes=self.last_route_probe,
        )
        text = self.output_guard().text(review_markdown(review))
        name = "jwtscope-review-" + iso_utc(now).replace(":", "").replace("-", "") + ".md"
        proposed = self.config.report_dir / name
        dialog = SaveScreen("Export the review report", proposed, text, self.config.write_report)
        self.push_screen(dialog, self._exported)

    def _exported(self, written: Path | None) -> None:
        if written is not None:
            self.notify(f"Review written to {written}.", timeout=6)

    def output_guard(self) -> OutputGuard:
        """The boundary for what leaves the app (clipboard, exported files): every secret
        the app holds is masked, and so are tokens' signatures and control characters."""
        from jwtscope.core.output_guard import OutputGuard

        secrets = [s.text for s in self.explicit_keys.secrets]
        with contextlib.suppress(JwtscopeError):  # a secret the analysis reports as unusable
            secrets += [s.text for s in self.env.secrets()]
        if self.last_audit is not None:  # the .env secrets the source audit read
            secrets += self.last_audit.masks
        return OutputGuard(tuple(secrets))

    def copy_to_clipboard(self, text: str) -> None:
        """Copy ``text`` through :meth:`output_guard` (Textual sends it as OSC 52)."""
        super().copy_to_clipboard(self.output_guard().text(text))

    def copy_and_say(self, text: str, what: str) -> None:
        """Copy ``text`` (OSC 52, and a local clipboard tool when one reaches the user's
        clipboard), then say truthfully where it went; ``what`` names it."""
        from jwtscope.tui.clipboard import copy_outcome

        self.copy_to_clipboard(text)
        outcome = self.last_copy = copy_outcome(
            self.output_guard().text(text), self.config.clipboard
        )
        message = f"{what} {outcome.message}"
        if outcome.warn:
            self.notify(message, severity="warning", timeout=10)
        else:
            self.notify(message, timeout=8)

    def action_keys(self) -> None:
        """Open the keys dialog."""
        from jwtscope.tui.screens.keys import KeysScreen

        self.push_screen(KeysScreen(self.env_choice, self.explicit_keys, self.env), self._keys_done)

    def _keys_done(self, change: KeysChange | None) -> None:
        if change is None:
            return
        self.explicit_keys = change.explicit
        self.env = change.env
        self.env_choice = change.choice
        self.recompute()
        self.notify("Key sources updated.", timeout=3)

    def action_time_travel(self) -> None:
        """Open the time-travel dialog."""
        from jwtscope.tui.screens.time_travel import TimeTravelScreen

        self.push_screen(TimeTravelScreen(self.at, self.leeway), self._time_done)

    def _time_done(self, change: TimeChange | None) -> None:
        if change is None:
            return
        self.at, self.leeway = change.at, change.leeway
        self.recompute()

    def action_copy_note(self) -> None:
        """Copy the redacted triage note."""
        if self.report is None:
            self.notify("Paste a token first.", severity="warning")
            return
        from jwtscope.core.triage import triage_note

        self.copy_and_say(
            triage_note(self.report), "Redacted triage note (signature cut, PII masked):"
        )

    def action_copy_payload(self) -> None:
        """Copy the decoded payload as JSON."""
        import json

        if self.report is None or self.report.token.payload is None:
            self.notify("No decoded payload to copy.", severity="warning")
            return
        payload = json.dumps(self.report.token.payload, indent=2, ensure_ascii=False)
        self.copy_and_say(payload, "Decoded payload:")

    def action_clear(self) -> None:
        """Clear the token editor."""
        editor = self._editor
        editor.clear()
        editor.focus()

    @property
    def main_token(self) -> str | None:
        """The token found in the editor, if any."""
        report = self.report
        return report.input.token if report is not None and report.input.token else None

    def set_token(self, text: str) -> None:
        """Replace the editor's text (used by the command palette and tests)."""
        self._editor.load_text(text)
        self.recompute()
