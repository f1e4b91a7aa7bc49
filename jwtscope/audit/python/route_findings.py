"""The route findings, judged on the finished route table: routes nothing protects,
records loaded by id without an owner check, and paths that exist only with a trailing slash.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding, Route, RouteStatus
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import ModuleSummary, RouteDecl
from jwtscope.core.findings import Severity

__all__ = ["RouteEntry", "judge_routes"]

_READS = frozenset({"GET", "HEAD", "OPTIONS", "WEBSOCKET"})
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})

#: A placed route: the route, its declaration, its module and the names bound to the user.
RouteEntry = tuple[Route, RouteDecl, ModuleSummary, set[str]]


def judge_routes(project: Project, entries: Sequence[RouteEntry]) -> list[AuditFinding]:
    """The findings of every placed route, one per (code, path, line).

    Args:
        project: the resolved project (models, CORS).
        entries: the routes in the order they were placed (it decides the usual
            dependency quoted in fixes when two are as common).
    """
    routes = [entry[0] for entry in entries]
    any_protected = any(r.status is RouteStatus.PROTECTED for r in routes)
    findings: dict[tuple[str, str, int], AuditFinding] = {}
    declared = {(r.method, r.path) for r in routes}
    usual = Counter(
        r.dependency
        for r in routes
        if r.status is RouteStatus.PROTECTED and r.via.startswith("parameter")
    ).most_common(1)
    hint = _hint(usual[0][0] if usual else "")
    for route, decl, m, users in entries:
        found = _route_findings(project, route, decl, m, users, any_protected, declared, hint)
        for finding in found:
            findings.setdefault((finding.code, finding.path, finding.line), finding)
    for finding in _sibling_ownership(entries):
        findings.setdefault((finding.code, finding.path, finding.line), finding)
    return list(findings.values())


def _sibling_ownership(entries: Sequence[RouteEntry]) -> list[AuditFinding]:
    """AUDIT-OWNERSHIP-MISSING by inconsistency: on one resource (one path with an id), a
    write route behind the same user dependency (the same role gate, as written) checks
    the record's owner and this write route does not. The sibling shows that holders of
    that gate are limited to their own records, whether or not the model can be read."""
    by_path: dict[str, list[RouteEntry]] = {}
    for entry in entries:
        own = entry[1].ownership
        if entry[0].status is RouteStatus.PROTECTED and entry[0].method in _WRITES and own:
            by_path.setdefault(entry[0].path, []).append(entry)
    out: list[AuditFinding] = []
    for group in by_path.values():
        checking = [e for e in group if e[1].ownership and e[1].ownership.owner_check]
        for route, decl, m, _users in group:
            own = decl.ownership
            if own is None or own.checked or not own.gate:
                continue
            sibling = next((e for e in checking if e[1].ownership.gate == own.gate), None)  # type: ignore[union-attr]
            if sibling is None:
                continue
            where = (
                f"{sibling[0].method} {sibling[1].endpoint} ({sibling[2].path}:{sibling[1].line})"
            )
            out.append(
                make(
                    "AUDIT-OWNERSHIP-MISSING",
                    path=m.path,
                    line=own.line,
                    source_line=own.source,
                    detail=f"{route.method} {route.path} ({decl.endpoint}) loads the record "
                    f"by {', '.join(own.id_params)} and never checks its owner, while its "
                    f"sibling {where}, behind the same dependency, does: a user that "
                    "sibling limits to their own records can act on anyone's here.",
                    fix=f"Make the same owner check as {sibling[1].endpoint} before acting "
                    "on the record (or answer 404 when the user does not own it); if this "
                    "route is meant for admins only, give it a dependency that says so.",
                )
            )
    return out


def _route_findings(
    project: Project,
    route: Route,
    decl: RouteDecl,
    m: ModuleSummary,
    users: set[str],
    any_protected: bool,
    declared: set[tuple[str, str]],
    hint: str,
) -> list[AuditFinding]:
    found = (
        _unprotected(route, decl, m, any_protected, hint),
        _ownership(project, route, decl, m, users),
        _trailing_slash(project, route, decl, m, declared),
    )
    return [f for f in found if f is not None]


def _unprotected(
    route: Route, decl: RouteDecl, m: ModuleSummary, any_protected: bool, hint: str
) -> AuditFinding | None:
    """AUDIT-ROUTE-UNPROTECTED: a write is an error, a read (or a websocket) a warning,
    info when nothing is."""
    if route.status is not RouteStatus.UNPROTECTED:
        return None
    severity = (
        Severity.INFO
        if not any_protected
        else Severity.WARNING
        if route.method in _READS
        else Severity.ERROR
    )
    detail = f"{route.method} {route.path} ({decl.endpoint}) has no authentication dependency"
    detail += f" ({route.reason})" if route.reason else ""
    detail += "." if route.mounted else "; its router is not included by any app found."
    if not any_protected:
        detail += " No route of this project is protected: if the API is public, say so."
    return make(
        "AUDIT-ROUTE-UNPROTECTED",
        path=m.path,
        line=decl.line,
        source_line=decl.source,
        detail=detail,
        fix=f"Require the current user: add the parameter\n    {hint}\n"
        "(or dependencies=[Depends(…)] on the route or its APIRouter). "
        f"If it is meant to be public: --public '{route.path}' or\n"
        f'    [tool.jwtscope]\n    public = ["{route.path}"]',
        severity=severity,
    )


def _ownership(
    project: Project, route: Route, decl: RouteDecl, m: ModuleSummary, users: set[str]
) -> AuditFinding | None:
    """AUDIT-OWNERSHIP-MISSING: a protected route loads a record by id, owner unchecked."""
    own = decl.ownership
    # an id read off the current user itself (current_user.org_id) is not the client's
    id_params = [i for i in own.id_params if i.split(".")[0] not in users] if own else []
    if not (
        route.status is RouteStatus.PROTECTED
        and own is not None
        and id_params
        and users
        and not (users & own.checked)
        and _ownable(project, m, own.models)
    ):
        return None
    user = sorted(users)[0]
    user_id = user if user.endswith(("id", "Id", "sub")) else f"{user}.id"
    ids = ", ".join(id_params)
    return make(
        "AUDIT-OWNERSHIP-MISSING",
        path=m.path,
        line=own.line,
        source_line=own.source,
        detail=f"{route.method} {route.path} loads the record by {ids} but never "
        f"compares its owner with {user} nor filters by it: any signed-in user "
        "can reach another user's record.",
        fix="Filter by the owner, or check it and answer 404:\n"
        f"    if record is None or record.owner_id != {user_id}:\n"
        '        raise HTTPException(404, "Not found")\n'
        f"(or .where(Model.id == {id_params[0]}, Model.owner_id == {user_id}))",
    )


def _trailing_slash(
    project: Project,
    route: Route,
    decl: RouteDecl,
    m: ModuleSummary,
    declared: set[tuple[str, str]],
) -> AuditFinding | None:
    """AUDIT-TRAILING-SLASH: only the slashed form exists, so the other one answers 307."""
    path = route.path
    if not (
        len(path) > 1 and path.endswith("/") and (route.method, path.rstrip("/")) not in declared
    ):
        return None
    cross_origin = any(mod.cors for mod in project.modules.values())
    protected = route.status is RouteStatus.PROTECTED and cross_origin
    return make(
        "AUDIT-TRAILING-SLASH",
        path=m.path,
        line=decl.line,
        source_line=decl.source,
        detail=f"{route.method} {path} exists only with a trailing slash: "
        f"{path.rstrip('/')} answers 307"
        + (" and the redirected request loses Authorization across origins." if protected else "."),
        fix=f'Declare the path without the slash (@router.{route.method.lower()}("") '
        "under a prefix) or stack both decorators, or call it with the slash.",
        severity=Severity.WARNING if protected else Severity.INFO,
    )


def _hint(dependency: str) -> str:
    """The parameter that protects the other routes, to copy onto an unprotected one."""
    name = dependency.rsplit(".", 1)[-1]
    if name and name[:1].isupper() and "(" not in name:
        return f"user: {dependency}"
    return f"user: Annotated[User, Depends({dependency or 'get_current_user'})]"


def _ownable(project: Project, m: ModuleSummary, models: tuple[str, ...]) -> bool:
    facts = project.facts
    known = [name for name in models if name in facts.model_classes]
    if known:
        return any(name in facts.owned_models for name in known)
    for name in models:  # a model imported from a project module that was not read
        sym = project.resolve(m.name, (name,))
        if sym is not None and sym.kind == "external" and sym.name.split(".")[0] in project.folders:
            return False  # its fields cannot be seen: whether it has an owner is unknown
    return m.owner_keys
