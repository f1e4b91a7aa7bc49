"""The findings list (worst first, icon and colour per severity) and the detail pane."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from jwtscope.core.analysis import Report
from jwtscope.core.catalog import CODES
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.render import ICONS

__all__ = ["FindingDetail", "FindingsList"]

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
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

    def watch_report(self, report: Report | None) -> None:
        previous = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        findings = report.findings if report else ()
        for index, finding in enumerate(findings):
            label = Text()
            label.append(f"{ICONS[finding.severity]:<2} ", style=SEVERITY_STYLE[finding.severity])
            label.append(f"{finding.code:<18}", style=SEVERITY_STYLE[finding.severity])
            label.append(
                f" {finding.title}", style="dim" if finding.severity is Severity.OK else ""
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


class FindingDetail(Markdown):
    """Detail, evidence and fix of the selected finding."""

    finding: reactive[Finding | None] = reactive(None)

    def watch_finding(self, finding: Finding | None) -> None:
        if finding is None:
            self.update("*No findings.*")
            return
        info = CODES.get(finding.code)
        parts = [f"### {finding.code} — {finding.title}", f"**{finding.severity.value}**", ""]
        if finding.detail:
            parts += [finding.detail, ""]
        if finding.fix:
            fix = finding.fix
            if "\n" in fix or fix.startswith("jwt."):
                head, _, code = fix.partition("\n") if "\n" in fix else ("", "", fix)
                parts += ["**Fix**", "", head, "", "```python", code, "```", ""]
            else:
                parts += ["**Fix**", "", fix, ""]
        if finding.evidence:
            parts += ["**Evidence**", ""]
            parts += [f"- `{key}`: {value}" for key, value in finding.evidence]
            parts.append("")
        if info:
            parts += ["---", f"*{info.explain}*"]
        self.update("\n".join(parts))
