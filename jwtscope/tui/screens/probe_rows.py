"""How the Probe screen shows the route probe: a matrix row's cells, the highlighted
route's detail (through the output guard: it quotes the server), and the summary line
(``stopped — cleaned up 2 (of 2 created)``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

if TYPE_CHECKING:
    from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts

__all__ = ["STATUS_STYLE", "route_cells", "route_detail", "route_summary"]

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
