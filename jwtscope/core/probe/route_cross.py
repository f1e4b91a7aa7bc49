"""Static + dynamic together: the audit's route table merged with the OpenAPI routes, and
the contradictions between what the source reading says and what the server answered.

Pure. The audit's routes arrive as :class:`StaticRoute` (the service converts
:class:`jwtscope.audit.Route`, which this layer may not import). Routes are matched on
the method and the path with every parameter name erased (``/todos/{id}`` is
``/todos/{todo_id}``). What the server said is test 2's answer (no token): 2xx is open,
401/403 is refused, anything else proves nothing.

============================  ========  ==================================================
code                          severity  when
============================  ========  ==================================================
``PROBE-AUDIT-MISSED``        error     the audit reads the route as protected, the server
                                        answers 2xx without a token (a hole the source
                                        reading missed)
``PROBE-AUDIT-REFUSED``       warning   the audit reads it as unprotected (info: public),
                                        the server refuses without a token (the audit is
                                        wrong, or auth lives elsewhere: a gateway, a
                                        middleware it cannot see)
``PROBE-AUDIT-RESOLVED``      info      the audit could not tell; the probe's answer
                                        settles it
============================  ========  ==================================================
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from jwtscope.core.probe.openapi_routes import ApiRoute, PathParam

if TYPE_CHECKING:
    from jwtscope.core.probe.route_judge import RouteVerdicts

__all__ = [
    "CROSS_CODES",
    "CrossFinding",
    "StaticRoute",
    "cross_check",
    "merge_routes",
    "route_key",
]

#: code → (severity, title, what it means): listed by ``jwtscope codes``.
CROSS_CODES: dict[str, tuple[str, str, str]] = {
    "PROBE-AUDIT-MISSED": (
        "error",
        "The audit reads the route as protected, but it answers without a token",
        "The static audit found an auth dependency on this route, yet the running server "
        "answered 2xx to a request without any token: the check does not refuse (it "
        "swallows the error, is optional, or is not the code that runs). A hole the source "
        "reading missed.",
    ),
    "PROBE-AUDIT-REFUSED": (
        "warning",
        "The audit reads the route as unprotected, but the server refuses without a token",
        "The static audit found no auth on this route, yet the server answered 401/403 to "
        "a request without a token: the audit is wrong here, or authentication lives "
        "somewhere it cannot read (a gateway, a middleware, a check in the handler body).",
    ),
    "PROBE-AUDIT-RESOLVED": (
        "info",
        "The audit could not tell; the probe settled it",
        "The static audit could not decide whether this route needs credentials; the "
        "server's answer to a request without a token shows which it is.",
    ),
}
_PARAM = re.compile(r"\{[^{}/]*\}")
_NAME = re.compile(r"\{([^{}/:]+)(?::[^{}/]*)?\}")


@dataclass(frozen=True)
class StaticRoute:
    """One row of the audit's route table, as the cross-check needs it.

    Args:
        method: upper-case method.
        path: the full path template.
        status: ``protected``, ``public``, ``unprotected`` or ``unknown``.
        location: ``file:line`` in the audited folder.
        dependency: what protects it (or made it public), as the audit wrote it.
        reason: for ``unknown``, why the audit cannot tell.
    """

    method: str
    path: str
    status: str
    location: str
    dependency: str = ""
    reason: str = ""


@dataclass(frozen=True)
class CrossFinding:
    """A contradiction (or a resolution) between the audit and the probe, on one route.

    Args:
        code: one of :data:`CROSS_CODES`.
        severity: ``error``, ``warning`` or ``info``.
        route: ``GET /todos``.
        title: one line.
        evidence: what the audit read and what the server answered.
        location: where the audit read the route (``file:line``).
        fix: what to do.
    """

    code: str
    severity: str
    route: str
    title: str
    evidence: str
    location: str
    fix: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity,
            "route": self.route,
            "title": self.title,
            "evidence": self.evidence,
            "location": self.location,
            "fix": self.fix,
        }


def route_key(method: str, path: str) -> tuple[str, str]:
    """``("GET", "/todos/{}")``: the method, and the path without parameter names."""
    return method.upper(), _PARAM.sub("{}", path.rstrip("/") or "/")


def merge_routes(
    documented: Sequence[ApiRoute], static: Sequence[StaticRoute]
) -> tuple[list[ApiRoute], int]:
    """The OpenAPI routes, each secured when the audit reads it as protected too, then the
    audit's routes the document does not list; and how many were added.

    Audit routes whose path holds an expression the audit could not resolve are left
    out (nothing can be sent to them).
    """
    protected = {route_key(s.method, s.path) for s in static if s.status == "protected"}
    merged = [
        replace(r, secured=True) if route_key(r.method, r.path) in protected else r
        for r in documented
    ]
    seen = {route_key(r.method, r.path) for r in merged}
    added = 0
    for s in static:
        key = route_key(s.method, s.path)
        if key in seen or not _sendable(s.path):
            continue
        seen.add(key)
        params = tuple(PathParam(n) for n in _NAME.findall(s.path))
        path = _NAME.sub(lambda m: "{" + m.group(1) + "}", s.path)
        merged.append(ApiRoute(s.method, path, s.status == "protected", params, s.method + path))
        added += 1
    return merged, added


def _sendable(path: str) -> bool:
    return path.startswith("/") and all(_NAME.fullmatch(p) for p in _PARAM.findall(path))


def cross_check(static: Sequence[StaticRoute], rows: Sequence[RouteVerdicts]) -> list[CrossFinding]:
    """The contradictions between the audit's table and the probe's rows, worst first."""
    by_key = {route_key(s.method, s.path): s for s in static}
    found: list[CrossFinding] = []
    for row in rows:
        s = by_key.get(route_key(row.route.method, row.route.path))
        answer = _no_token_status(row)
        if s is None or answer is None:
            continue
        finding = _contradiction(s, row.route.label, answer)
        if finding is not None:
            found.append(finding)
    order = ("error", "warning", "info")
    return sorted(found, key=lambda f: order.index(f.severity))


def _no_token_status(row: RouteVerdicts) -> int | None:
    """Test 2's HTTP status on this route, or None when it was not sent or not answered."""
    observed = row.verdicts[0].observed if row.verdicts else ()
    return observed[0].status if observed else None


def _contradiction(s: StaticRoute, label: str, status: int) -> CrossFinding | None:
    is_open, refused = 200 <= status < 300, status in (401, 403)
    read = f"audit: {s.status}" + (f" ({s.dependency})" if s.dependency else "")
    said = f"server, no token: {status}"
    if s.status == "protected" and is_open:
        fix = (
            f"Make the check at {s.location} refuse: raise 401 when the token is missing or "
            "invalid (never return None or a default user), and keep it on this route."
        )
        return _finding("PROBE-AUDIT-MISSED", label, f"{read}; {said}", s.location, fix)
    if s.status in ("unprotected", "public") and refused:
        fix = (
            "Check where authentication happens for this route (gateway, middleware, the "
            "handler body) and declare it where the audit can read it, or mark the route "
            "with its real status."
        )
        finding = _finding("PROBE-AUDIT-REFUSED", label, f"{read}; {said}", s.location, fix)
        return replace(finding, severity="info") if s.status == "public" else finding
    if s.status == "unknown" and (is_open or refused):
        verdict = "protected: it refuses without a token" if refused else "open: answers 2xx"
        why = f" ({s.reason})" if s.reason else ""
        evidence = f"audit: unknown{why}; {said} — resolved by the probe: {verdict}"
        fix = (
            "Nothing to fix in the route table: the probe settled it."
            if refused
            else "Protect the route, or confirm it is meant to be public."
        )
        return _finding("PROBE-AUDIT-RESOLVED", label, evidence, s.location, fix)
    return None


def _finding(code: str, label: str, evidence: str, location: str, fix: str) -> CrossFinding:
    severity, title, _ = CROSS_CODES[code]
    return CrossFinding(code, severity, label, title, evidence, location, fix)
