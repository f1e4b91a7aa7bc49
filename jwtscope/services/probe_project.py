"""The route probe with a project folder (``--project PATH``): the static audit's route
table, merged with the OpenAPI routes when both exist, and the cross-check afterwards.

The audit (:func:`jwtscope.audit.audit_project`) reads the source without running it;
its routes become :class:`~jwtscope.core.probe.route_cross.StaticRoute` rows, merged
with the document's (:func:`~jwtscope.core.probe.route_cross.merge_routes`). When the
server serves no OpenAPI document, the audit's routes are probed alone. After the probe,
:func:`with_cross_check` adds the contradictions between the two readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.core.probe.openapi_routes import ApiRoute
from jwtscope.core.probe.route_cross import StaticRoute, cross_check, merge_routes
from jwtscope.core.probe.route_judge import RouteProbeResult
from jwtscope.errors import InputError, NetworkError, UsageError

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["ProjectRoutes", "load_project_routes", "static_routes", "with_cross_check"]


@dataclass(frozen=True)
class ProjectRoutes:
    """The routes to probe and where they came from.

    Args:
        source: in words (``<url> + the audit of todo_api (2 routes only there)``).
        routes: the routes to probe (picked by the patterns).
        static: the audit's route table.
        audit: the audit itself (its findings go to the report), or None.
    """

    source: str
    routes: tuple[ApiRoute, ...]
    static: tuple[StaticRoute, ...] = ()
    audit: AuditResult | None = None


def static_routes(audit: AuditResult) -> list[StaticRoute]:
    """The audit's route table as the cross-check reads it (websockets left out: the probe
    speaks HTTP)."""
    return [
        StaticRoute(r.method, r.path, str(r.status.value), r.location, r.dependency, r.reason)
        for r in audit.routes
        if r.method != "WEBSOCKET"
    ]


def load_project_routes(
    request: ReplayRequest,
    spec: str | None,
    root: Path,
    *,
    timeout: float = 5.0,
    patterns: Sequence[str] = (),
    now: float | None = None,
) -> ProjectRoutes:
    """The audit's routes merged with the OpenAPI document's (when the server has one).

    Raises:
        UsageError: ``root`` is not a folder.
        InputError: neither the audit nor the document gives a route, or no route matches.
    """
    from jwtscope.audit import audit_project
    from jwtscope.services.probe_routes import load_routes, pick_routes

    if not root.is_dir():
        raise UsageError(f"{root} is not a folder", "pass the project folder to --project")
    audit = audit_project(root, now=now)
    static = static_routes(audit)
    name = root.resolve().name or "the project"
    try:
        where, documented = load_routes(request, spec, timeout)
    except (NetworkError, InputError) as exc:
        if spec is not None:
            raise
        where, documented = f"no OpenAPI document ({exc.message})", []
    merged, added = merge_routes(documented, static)
    source = f"{where} + the audit of {name} ({added} routes only there)"
    if not merged:
        raise InputError(
            f"no route to probe: {source}", "check --project, or give --openapi FILE|URL"
        )
    picked = pick_routes(merged, patterns, source)
    return ProjectRoutes(source, tuple(picked), tuple(static), audit)


def with_cross_check(result: RouteProbeResult, static: Sequence[StaticRoute]) -> RouteProbeResult:
    """The result with the contradictions between the audit and the server's answers."""
    return replace(result, cross=tuple(cross_check(static, result.rows)))
