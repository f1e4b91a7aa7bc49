"""The findings list (worst first, icon and colour per severity) and the detail pane."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Self

from rich.console import Group
from rich.text import Text
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jwtscope.core.catalog import CODES
from jwtscope.core.findings import ICONS, Finding, Severity
from jwtscope.core.output_guard import SCREEN_GUARD

if TYPE_CHECKING:
    from textual.geometry import Region

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

    #: A var, not a reactive: setting it repaints nothing; the watcher touches only the rows
    #: whose finding changed (a keystroke in the signature changes one row, or none).
    report: var[Report | None] = var(None)
    _shown: tuple[Finding, ...] = ()

    def watch_report(self, report: Report | None) -> None:
        findings = report.findings if report else ()
        if findings == self._shown and report is not None:
            return  # same findings: keep the list and the selection as they are
        previous = self._shown
        kept = previous[self.highlighted].code if self.highlighted is not None else None
        self._shown = findings
        width = max((len(f.code) for f in findings), default=0)
        old_width = max((len(f.code) for f in previous), default=0)
        for index, finding in enumerate(findings[: len(previous)]):
            if finding != previous[index] or width != old_width:
                self.replace_option_prompt_at_index(index, finding_label(finding, width))
        for index in range(len(previous) - 1, len(findings) - 1, -1):
            self.remove_option_at_index(index)
        if len(findings) > len(previous):
            self.add_options(Option(finding_label(f, width)) for f in findings[len(previous) :])
        if findings:
            codes = [f.code for f in findings]
            index = codes.index(kept) if kept in codes else 0
            if index == self.highlighted:  # same row, maybe another finding: say so
                self.post_message(self.Selected(findings[index]))
            self.highlighted = index
        else:
            self.post_message(self.Selected(None))

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Repaint; lay the screen out again only when the list's size or scrollbar may
        change. Its size is set by the CSS, so a new number of findings that still fits
        (no scrollbar before or after) needs a repaint only: a layout would cost the
        keystroke a frame, and the scrollbars it touches a second one."""
        if (
            layout
            and not self.styles.auto_dimensions
            and not self.show_vertical_scrollbar
            and self.virtual_size.height <= self.scrollable_content_region.height
        ):
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @property
    def current(self) -> Finding | None:
        """The highlighted finding (None when the list is empty)."""
        index = self.highlighted
        return self._shown[index] if index is not None and index < len(self._shown) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._shown):
            self.post_message(self.Selected(self._shown[event.option_index]))


def finding_label(finding: Finding, width: int) -> Text:
    """One row of the findings list: icon, code padded to ``width``, title (one line)."""
    style = SEVERITY_STYLE[finding.severity]
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(f"{ICONS[finding.severity]:<2} ", style=style)
    label.append(f"{finding.code:<{width}}", style=style)
    label.append(
        f" {_shown(finding.title)}", style="dim" if finding.severity is Severity.OK else ""
    )
    return label


class FindingDetail(Static):
    """Detail, evidence and fix of the selected finding (text shown literally, code wrapped)."""

    finding: var[Finding | None] = var(None)  # the watcher repaints, only on change

    def on_mount(self) -> None:
        self.finding = getattr(self.app, "selected_finding", None)  # mounted lazily

    def watch_finding(self, finding: Finding | None) -> None:
        if finding is None:
            self._show(Text("No findings.", style="italic dim"))
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
        self._show(Group(*parts))

    def _show(self, content: Any) -> None:
        """Update; lay the screen out again only when the pane is shown (the Decoded tab is
        usually open: its tab's layout follows when it is opened)."""
        shown = all(node.display for node in self.ancestors_with_self if isinstance(node, Widget))
        self.update(content, layout=shown)


def _shown(text: str) -> str:
    """Text from a finding (it may quote the token's claims): through the screen guard."""
    return SCREEN_GUARD.text(text)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_escape(text: str) -> str:
    """Text shown literally by a Markdown widget (no emphasis, links or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def fix_renderables(fix: str, indent: int = 0) -> list[Any]:
    """A fix as text and, when it holds code, a highlighted code block folded to the pane."""
    prose, code = split_fix(_shown(fix))
    pad = " " * indent
    parts: list[Any] = [Text(f"{pad}fix: {prose}" if indent else prose)] if prose else []
    if code:
        parts.append(CodeBlock(code, indent))
    return parts


class CodeBlock:
    """Python code, highlighted, its long lines folded where a reader would break them
    (after ``(``, ``,``, ``=`` or a ``/`` in a URL), never in the middle of a word; the
    folded part hangs four columns further in."""

    def __init__(self, code: str, indent: int = 0) -> None:
        self.code = code
        self.indent = indent

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.syntax import Syntax  # pygments loads with the first code fix

        width = options.max_width - self.indent
        lines = [part for line in self.code.splitlines() for part in fold_code_line(line, width)]
        yield Syntax(
            "\n".join(lines),
            "python",
            theme="ansi_dark",
            word_wrap=True,  # a line with no break point left still wraps rather than cut
            background_color="default",
            padding=(0, 0, 0, self.indent),
        )


#: Where code breaks best (after an opening bracket, a comma, ``=``, a space), and
#: inside a URL only after a path's ``/`` (never in ``://``).
_BREAKS = (re.compile(r"[(\[{,=]|\s"), re.compile(r"(?<![:/])/(?!/)"))


def fold_code_line(line: str, width: int) -> list[str]:
    """``line`` cut into pieces of at most ``width`` columns at break points (see
    :class:`CodeBlock`); a piece that has none is left whole for the wrapper."""
    lead = len(line) - len(line.lstrip())
    hang = " " * (lead + 4)
    pieces: list[str] = []
    while len(line) > width > len(hang) + 8:
        cut = 0
        for breaks in _BREAKS:
            cuts = [m.end() for m in breaks.finditer(line, 0, width) if m.end() > len(hang)]
            if cuts:
                cut = cuts[-1]
                break
        if not cut:
            break
        pieces.append(line[:cut].rstrip())
        line = hang + line[cut:].lstrip()
    return [*pieces, line]


def split_fix(fix: str) -> tuple[str, str]:
    """A fix's prose and its code block: lines from the first that looks like code."""
    lines = fix.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^(jwt\.|jwks = |payload = |key = |app\.|[a-z_]+ = jwt)", line.strip()):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:])
    return fix, ""
