"""How the Probe screen shows the route probe: a matrix row's cells, the highlighted
route's detail (through the output guard: it quotes the server), and the summary line
(``stopped — cleaned up 2 (of 2 created)``); and a one-URL test's verdict in detail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeVerdict
    from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts

__all__ = ["STATUS_STYLE", "route_cells", "route_detail", "route_summary", "verdict_detail"]

STATUS_STYLE = {"PASS": "bold green", "FAIL": "bold red", "SKIP": "dim", "ERROR": "yellow"}


def route_cells(row: RouteVerdicts) -> list[Text]:
    """The route's label and one cell per test (``public`` once for a public route)."""
    if row.public:
        cells = [Text("public", style="dim")] + [Text("") for _ in row.verdicts[1:]]
    else:
        cells = [
            Text(v.status.value, style=STATUS_STYLE.get(v.status.value, "")) for v in row.verdicts
        ]
    return [Text(row.route.label), *cells]


def route_detail(row: RouteVerdicts, shown: Callable[[str], str]) -> Group:
    """The route, where it was sent, its ids and every test with why."""
    parts: list[Any] = [Text(shown(row.route.label), style="bold")]
    if row.url:
        parts.append(Text(shown(f"sent to {row.url}"), style="dim"))
    if row.filled_from:
        parts.append(Text(shown(f"ids: {row.filled_from}"), style="dim"))
    if row.public:
        parts.append(Text(shown(row.verdicts[0].explanation)))
    else:
        for v in row.verdicts:
            head = f"{v.status.value} {v.test.number}. {v.test.title}"
            parts += [Text(""), Text(head, STATUS_STYLE.get(v.status.value, ""))]
            parts.append(Text(shown(v.explanation)))
    return Group(*parts)


def route_summary(result: RouteProbeResult, counts: str) -> str:
    """``stopped — cleaned up 2 (of 2 created); …`` or the counts and the cleanup."""
    cleanup = f"cleaned up {result.cleaned} (of {result.created} created)"
    if result.left_behind:
        cleanup += f", left behind: {', '.join(result.left_behind)}"
    if result.stopped:
        return f"stopped — {cleanup}; {counts}"
    return f"{counts}; {cleanup}" if result.created else counts


def verdict_detail(v: ProbeVerdict, shown: Callable[[str], str]) -> Group:
    """One test's verdict: expected, each answer observed, why, and what a FAIL means
    (through ``shown``, the output guard: observations quote the server's answers)."""
    parts: list[Any] = [
        Text(f"{v.status.value} — {shown(v.test.title)}", style="bold"),
        Text(shown(f"expected: {v.expected}")),
    ]
    parts += [Text(shown(f"observed: {o.summary}"), style="dim") for o in v.observed]
    if v.explanation:
        parts += [Text(""), Text(shown(v.explanation))]
    if v.severity is not None:
        parts += [
            Text(""),
            Text(
                f"severity of a FAIL: {v.severity.value}; a FAIL means: {v.test.fail_means}",
                style="italic",
            ),
        ]
    return Group(*parts)
