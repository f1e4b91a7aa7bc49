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
    return list(findings.values())


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
