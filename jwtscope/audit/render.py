"""An audit as terminal text, Markdown and JSON-ready data."""

from __future__ import annotations

import textwrap
from typing import Any

from jwtscope.audit.model import AuditResult
from jwtscope.core.findings import ICONS, Severity

__all__ = ["audit_to_dict", "audit_to_markdown", "audit_to_text"]


def audit_to_dict(result: AuditResult) -> dict[str, Any]:
    """The ``audit --json`` object."""
    return {"schema": 1, **result.to_dict(), "exit_code": 1 if result.fails else 0}


def audit_to_text(result: AuditResult, root: str) -> str:
    """The route table, then each finding with file:line, the line and the fix."""
    out = [
        f"jwtscope audit — {root} ({result.files_scanned} Python files, "
        f"{result.parse_errors} not parsed, {result.files_skipped} skipped)",
        "",
    ]
    out.append(f"Routes ({len(result.routes)}):")
    for r in result.routes:
        dep = f"  via {r.dependency}" if r.dependency else ""
        out.append(f"  {r.status.value:<12} {r.method:<7} {r.path:<40} {r.location}{dep}")
    if not result.routes:
        out.append("  none found")
    out += ["", f"Findings ({len(result.findings)}):"]
    for f in sorted(result.findings, key=lambda f: f.severity.rank):
        out.append(
            f"  {ICONS[f.severity]} {f.severity.value.upper():<8} {f.code}  {f.path}:{f.line}"
        )
        out.append(f"      {f.source_line.strip()[:110]}")
        out.extend(textwrap.wrap(f.detail, 100, initial_indent=" " * 6, subsequent_indent=" " * 6))
        fix = f.fix.splitlines()
        if fix:
            out.append("      fix: " + fix[0])
            out.extend("           " + line for line in fix[1:])
    if not result.findings:
        out.append("  none")
    return "\n".join(out)


def audit_to_markdown(result: AuditResult, root: str) -> str:
    """The same as Markdown (a route table and one section per finding)."""
    out = [
        f"# jwtscope audit — {root}",
        "",
        f"{result.files_scanned} Python files read, {result.parse_errors} did not parse.",
        "",
        "## Routes",
        "",
        "| status | method | path | where | protected by |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {r.status.value} | {r.method} | `{r.path}` | `{r.location}` | {r.dependency or '—'} |"
        for r in result.routes
    ]
    out += ["", "## Findings", ""]
    for sev in Severity:
        for f in (f for f in result.findings if f.severity is sev):
            out += [
                f"### {f.code} — {f.title} ({sev.value})",
                "",
                f"`{f.path}:{f.line}`",
                "",
                "```python",
                f.source_line.rstrip(),
                "```",
                "",
                f.detail,
                "",
                "**Fix**",
                "",
                "```python" if "\n" in f.fix else "",
                f.fix,
                "```" if "\n" in f.fix else "",
                "",
            ]
    if not result.findings:
        out.append("None.")
    return "\n".join(line for line in out) + "\n"
