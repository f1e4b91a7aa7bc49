"""The findings list (worst first, icon and colour per severity) and the detail pane."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jwtscope.core.catalog import CODES
from jwtscope.core.findings import ICONS, Finding, Severity
from jwtscope.core.output_guard import SCREEN_GUARD

if TYPE_CHECKING:
    from jwtscope.core.analysis import Report

__all__ = ["FindingDetail", "FindingsList"]

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold magenta",
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
    Severity.OK: "green",
}


class FindingsList(OptionList):
    """One line per finding; highlighting one shows its detail."""

    class Selected(Message):
        """The user moved to a finding."""

        def __init__(self, finding: Finding | None) -> None:
            super().__init__()
            self.finding = finding

    report: reactive[Report | None] = reactive(None)
    _shown: tuple[Finding, ...] = ()

    def watch_report(self, report: Report | None) -> None:
        findings_now = report.findings if report else ()
        if findings_now == self._shown and report is not None:
            return  # same findings: keep the list and the selection as they are
        self._shown = findings_now
        previous = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        findings = report.findings if report else ()
        width = max((len(f.code) for f in findings), default=0)
        for index, finding in enumerate(findings):
            label = Text()
            label.append(f"{ICONS[finding.severity]:<2} ", style=SEVERITY_STYLE[finding.severity])
            label.append(f"{finding.code:<{width}}", style=SEVERITY_STYLE[finding.severity])
            label.append(
                f" {_shown(finding.title)}", style="dim" if finding.severity is Severity.OK else ""
            )
            label.no_wrap = True
            label.overflow = "ellipsis"
            self.add_option(Option(label, id=f"{index}:{finding.code}"))
        if findings:
            codes = [f.code for f in findings]
            kept = previous.split(":", 1)[1] if previous else None
            self.highlighted = codes.index(kept) if kept in codes else 0
        else:
            self.post_message(self.Selected(None))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        report = self.report
        if report is None or event.option_index >= len(report.findings):
            return
        self.post_message(self.Selected(report.findings[event.option_index]))


class FindingDetail(Static):
    """Detail, evidence and fix of the selected finding (text shown literally, code wrapped)."""

    finding: reactive[Finding | None] = reactive(None)

    def on_mount(self) -> None:
        self.finding = getattr(self.app, "selected_finding", None)  # mounted lazily

    def watch_finding(self, finding: Finding | None) -> None:
        if finding is None:
            self.update(Text("No findings.", style="italic dim"))
            return
        style = SEVERITY_STYLE[finding.severity]
        parts: list[Any] = []
        head = Text()
        head.append(f"{ICONS[finding.severity]} {finding.code}", style=style)
        head.append(f"  {_shown(finding.title)}", style="bold")
        head.append(f"  ({finding.severity.value})", style="dim")
        parts.append(head)
        if finding.detail:
            parts += [Text(""), Text(_shown(finding.detail))]
        if finding.fix:
            parts += [Text(""), Text("Fix", style="bold underline")]
            parts += fix_renderables(finding.fix)
        if finding.evidence:
            parts += [Text(""), Text("Evidence", style="bold underline")]
            for key, value in finding.evidence:
                line = Text("• ")
                line.append(_shown(key), style="bold")
                line.append(f": {_shown(str(value))}")
                parts.append(line)
        info = CODES.get(finding.code)
        if info:
            parts += [Text(""), Text(info.explain, style="italic dim")]
        self.update(Group(*parts))


def _shown(text: str) -> str:
    """Text from a finding (it may quote the token's claims): through the screen guard."""
    return SCREEN_GUARD.text(text)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_escape(text: str) -> str:
    """Text shown literally by a Markdown widget (no emphasis, links or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def fix_renderables(fix: str, indent: int = 0) -> list[Any]:
    """A fix as text and, when it holds code, a wrapped, highlighted code block."""
    prose, code = split_fix(_shown(fix))
    pad = " " * indent
    parts: list[Any] = [Text(f"{pad}fix: {prose}" if indent else prose)] if prose else []
    if code:
        from rich.syntax import Syntax  # pygments loads with the first code fix

        parts.append(
            Syntax(
                code,
                "python",
                theme="ansi_dark",
                word_wrap=True,
                background_color="default",
                padding=(0, 0, 0, indent),
            )
        )
    return parts


def split_fix(fix: str) -> tuple[str, str]:
    """A fix's prose and its code block: lines from the first that looks like code."""
    lines = fix.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^(jwt\.|jwks = |payload = |key = |app\.|[a-z_]+ = jwt)", line.strip()):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:])
    return fix, ""
