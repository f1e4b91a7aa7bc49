"""How the Audit screen shows an :class:`~jwtscope.audit.AuditResult`: plain functions
from the engine's data to Rich renderables, no widget state and no file reading.

The source around a line comes from :func:`jwtscope.audit.excerpt` (redacted there); a
line that carries a finding is shown as the finding's own ``source_line``, which the
audit redacted knowing what the line's literals mean — so a secret missed by the
line-based redaction of the excerpt is still not shown on that line.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text

from jwtscope.audit.audit_text import kinds_text
from jwtscope.audit.model import RouteStatus
from jwtscope.core.findings import ICONS, Severity
from jwtscope.tui.widgets.findings import SEVERITY_STYLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jwtscope.audit.excerpt import Excerpt
    from jwtscope.audit.model import AuditFinding, AuditResult, Route

__all__ = [
    "ROUTE_STYLE",
    "code_view",
    "finding_detail",
    "finding_label",
    "fix_view",
    "route_cells",
    "route_detail",
    "sorted_findings",
    "summary_view",
]

#: Unprotected red, public yellow, protected green, unknown (cannot tell) magenta.
ROUTE_STYLE = {
    RouteStatus.UNPROTECTED: "bold red",
    RouteStatus.PUBLIC: "yellow",
    RouteStatus.PROTECTED: "green",
    RouteStatus.UNKNOWN: "magenta",
}
#: Files not audited listed in the summary; more are counted.
_SKIPPED_SHOWN = 8
#: The highlighted line of the code view: a marker in the gutter and a band across.
HIGHLIGHT = Style(bgcolor="grey23", bold=True)
MARKER = "▶"


def sorted_findings(result: AuditResult) -> tuple[AuditFinding, ...]:
    """Worst first; within a severity, in the audit's order (file, line, code)."""
    return tuple(sorted(result.findings, key=lambda f: f.severity.rank))


def summary_view(result: AuditResult) -> Text:
    """Files read by kind, routes by status, findings by severity, the Better Auth issuer."""
    text = Text()
    kinds = kinds_text(result)
    text.append(f"{result.files_scanned} files read", style="bold")
    if kinds:
        text.append(f" ({kinds})")
    if result.parse_errors:
        text.append(f", {result.parse_errors} not parsed", style="yellow")
    text.append(" · routes: ")
    statuses = Counter(r.status for r in result.routes)
    shown_statuses = [s for s in RouteStatus if s is not RouteStatus.UNKNOWN or statuses[s]]
    for i, status in enumerate(shown_statuses):
        if i:
            text.append(", ")
        count = statuses[status]
        text.append(f"{count} {status.value}", style=ROUTE_STYLE[status] if count else "dim")
    text.append(" · findings: ")
    severities = Counter(f.severity for f in result.findings)
    shown = [s for s in Severity if severities[s]]
    if not shown:
        text.append("none", style="green")
    for i, severity in enumerate(shown):
        if i:
            text.append(", ")
        text.append(f"{severities[severity]} {severity.value}", style=SEVERITY_STYLE[severity])
    issuer = result.issuer
    if issuer is not None:
        text.append("\nBetter Auth ", style="bold")
        text.append(f"{issuer.location} · jwt plugin ")
        plugin = issuer.jwt_plugin
        text.append("yes" if plugin else "no", style="green" if plugin else "red")
        if issuer.jwt_plugin:
            text.append(f" · {issuer.algorithm or 'EdDSA'}")
        text.append(f" · JWKS {issuer.jwks_url or 'unknown (no base URL)'}")
        text.append(f" · aud {issuer.audience or 'unknown'}")
    _skipped_lines(text, result)
    return text


def _skipped_lines(text: Text, result: AuditResult) -> None:
    """Every file not audited, with why (the first few; the rest counted)."""
    if not result.skipped:
        return
    text.append(f"\nNot audited ({len(result.skipped)}):", style="bold yellow")
    for item in result.skipped[:_SKIPPED_SHOWN]:
        text.append(f"\n  {item.path}", style="yellow")
        text.append(f" — {item.reason}", style="dim")
    if len(result.skipped) > _SKIPPED_SHOWN:
        text.append(f"\n  … and {len(result.skipped) - _SKIPPED_SHOWN} more (see --json)")


def route_cells(route: Route) -> tuple[Text, ...]:
    """The row of the routes table: status, method, full path, file:line, protected by."""
    return (
        Text(route.status.value, style=ROUTE_STYLE[route.status]),
        Text(route.method),
        Text(route.path if route.mounted else f"{route.path} (not mounted)"),
        Text(route.location, style="dim"),
        _protected_by(route),
    )


def _protected_by(route: Route) -> Text:
    if route.status is RouteStatus.UNKNOWN:
        return Text(f"unknown: {route.reason}", style="magenta")
    if route.status is RouteStatus.UNPROTECTED and route.reason:
        return Text(f"nothing: {route.reason}", style="red")
    return Text(route.dependency or "—", style="" if route.dependency else "dim")


def finding_label(finding: AuditFinding, code_width: int = 0) -> Text:
    """One line of the findings list: icon, code, path:line, title."""
    style = SEVERITY_STYLE[finding.severity]
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(f"{ICONS[finding.severity]:<2} ", style=style)
    label.append(f"{finding.code:<{code_width}}", style=style)
    label.append(f" {finding.location}", style="dim")
    label.append(f" {finding.title}")
    return label


def finding_detail(finding: AuditFinding, source: Excerpt, result: AuditResult) -> Group:
    """Title and detail, the source around the finding's line (the evidence), the fix."""
    style = SEVERITY_STYLE[finding.severity]
    head = Text()
    head.append(f"{ICONS[finding.severity]} {finding.code}", style=style)
    head.append(f"  {finding.title}", style="bold")
    head.append(f"  ({finding.severity.value})", style="dim")
    parts: list[Any] = [head, Text(finding.location, style="dim")]
    if finding.detail:
        parts += [Text(""), Text(finding.detail)]
    parts += [Text(""), code_view(source, result.findings)]
    if finding.fix:
        parts += [Text(""), Text("Fix", style="bold underline"), *fix_view(finding.fix)]
    return Group(*parts)


def route_detail(route: Route, source: Excerpt, result: AuditResult) -> Group:
    """What protects the route (or that nothing does), its source, its findings."""
    head = Text()
    head.append(f"{route.method} {route.path}", style="bold")
    head.append(f"  {route.status.value}", style=ROUTE_STYLE[route.status])
    parts: list[Any] = [head, Text(f"{route.location} · {route.endpoint}()", style="dim")]
    if route.status is RouteStatus.PROTECTED:
        parts.append(Text(f"protected by {route.dependency}"))
    elif route.status is RouteStatus.PUBLIC:
        parts.append(Text(f"public on purpose ({route.dependency or 'declared public'})"))
    elif route.status is RouteStatus.UNKNOWN:
        parts.append(Text(f"cannot tell whether it is protected: {route.reason}", "magenta"))
    else:
        parts.append(Text("nothing checks a credential on this route", style="red"))
    if route.via:
        parts.append(Text(f"via {route.via}", style="dim"))
    if not route.mounted:
        parts.append(
            Text(
                "no include_router from an app reaches this router: prefixes added by a "
                "dynamic include are missing from the path",
                style="italic yellow",
            )
        )
    parts += [Text(""), code_view(source, result.findings)]
    for finding in (f for f in result.findings if (f.path, f.line) == (route.file, route.line)):
        title = Text(f"{ICONS[finding.severity]} {finding.code}", SEVERITY_STYLE[finding.severity])
        title.append(f"  {finding.title}", style="bold")
        parts += [Text(""), title]
        if finding.detail:
            parts.append(Text(finding.detail))
        if finding.fix:
            parts += [Text("Fix", style="bold underline"), *fix_view(finding.fix)]
    return Group(*parts)


_CODE_LINE = re.compile(
    r"""^(?:\s|[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*(?::[^=]+)?=\s|[A-Za-z_][\w.]*\(|[)\]}]|@|
    (?:if|for|with|return|raise|except|def|async|await|from|import)\b)""",
    re.VERBOSE,
)


def fix_view(fix: str) -> list[Any]:
    """A fix as prose and code blocks: indented lines and statements are code."""
    parts: list[Any] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            from rich.syntax import Syntax  # pygments loads with the first code fix

            parts.append(
                Syntax(
                    "\n".join(block),
                    "python",
                    theme="ansi_dark",
                    word_wrap=True,
                    background_color="default",
                )
            )
            block.clear()

    lines = fix.splitlines()
    for line in lines:
        if len(lines) > 1 and _CODE_LINE.match(line) and not line.rstrip().endswith("."):
            block.append(line)
        else:
            flush()
            parts.append(Text(line))
    flush()
    return parts


def code_view(source: Excerpt, findings: Sequence[AuditFinding] = ()) -> Any:
    """Numbered, syntax-coloured lines with ``source.highlight`` marked and banded.

    A line holding a finding shows the finding's ``source_line`` (redacted by the audit
    with knowledge of the code), indented as in the file.
    """
    if source.error or not source.lines:
        return Text(source.error or f"{source.path}: no such line", style="italic yellow")
    audited = {f.line: f.source_line for f in findings if f.path == source.path and f.source_line}
    texts = []
    for number, line in source.lines:
        if number in audited:
            indent = line[: len(line) - len(line.lstrip())]
            line = indent + audited[number].strip()
        texts.append(line)
    coloured = _highlight("\n".join(texts), source.path)
    width = len(str(source.lines[-1][0]))
    table = Table.grid(expand=True, padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True, justify="right")
    table.add_column(overflow="fold", ratio=1)
    for (number, _), text in zip(source.lines, coloured, strict=True):
        mark = number == source.highlight
        gutter = Text(
            f"{MARKER if mark else ' '} {number:>{width}} │",
            style="bold" if mark else "dim",
        )
        table.add_row(gutter, text, style=HIGHLIGHT if mark else None)
    return Group(Text(source.path, style="bold dim"), table)


def _highlight(code: str, path: str) -> list[Text]:
    """One coloured :class:`Text` per line of ``code`` (the lexer chosen by file name)."""
    from rich.syntax import Syntax

    lexer = Syntax.guess_lexer(path, code)
    syntax = Syntax(code, lexer, theme="ansi_dark", background_color="default")
    lines = syntax.highlight(code).split("\n", allow_blank=True)
    count = code.count("\n") + 1
    return [*lines[:count], *[Text() for _ in range(count - len(lines))]]
