"""A probe's result as the pytest suite to export: which test functions, on which routes.

Pure data for :mod:`jwtscope.services.pytest_emit`, which writes the module. Every check
the probe ran becomes one test function with a readable name
(``test_delete_todos_id_refuses_other_user``) and the probe's own expectation; its
verdict decides the mark:

- PASS → a plain test (today's PASS stays PASS);
- FAIL → ``xfail(strict=True)`` with the finding's text: fixing the hole makes it XPASS,
  which fails the run and says to regenerate; a hole re-opened fails it again;
- SKIP / ERROR → ``skip`` with the probe's reason (never a test the probe did not judge).

Tests 6 and 7 are split the way they were sent: one parameter per ``alg: none`` casing,
and ``wrong_key`` apart from ``blank_signature``, so each is marked by its own answer.
Path parameters are filled at test time the way the probe filled them
(:class:`IdSource`): a resource the tests create (and delete), the first item of the
collection's list, or a literal (the document's example, ``--resource-id``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from jwtscope.core.probe.openapi_routes import ApiRoute
from jwtscope.core.probe.probe_plan import ALG_NONE_CASINGS
from jwtscope.core.probe.probe_suite import (
    ID_PLACEHOLDER,
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
    P8_DELETE,
    P8_LIST,
    P8_READ,
    P8_UPDATE,
    ProbeObservation,
    ProbeResult,
    ProbeStatus,
    ProbeVerdict,
)
from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
from jwtscope.core.probe.route_plan import IdOrigin
from jwtscope.core.probe.suite_model import (
    ExportAuth,
    ExportCheck,
    ExportRoute,
    IdSource,
    Mark,
    SuiteExport,
)
from jwtscope.core.request.replay_request import ReplayRequest

__all__ = [
    "MAX_NAME",
    "export_probe",
    "export_routes",
    "function_name",
]

#: The longest test function name (``def NAME(`` within 88 columns, a suffix to spare).
MAX_NAME = 78
#: Test id → (Api method, check) for tests 2–7 (test 7 is split in two below).
_TOKEN_CHECKS = {
    P2.id: "no_header",
    P3.id: "malformed",
    P4.id: "expired",
    P5.id: "tampered",
    P6.id: "alg_none",
}
_P7_PARTS = (("wrong_key", "other-key"), ("blank_signature", "blank"))


def function_name(method: str, path: str, what: str) -> str:
    """``test_delete_todos_id_refuses_other_user`` for DELETE /todos/{id}.

    At most :data:`MAX_NAME` characters (its ``def`` line must fit in 88 columns, with
    room for a ``_2`` suffix): a longer path keeps its last segments, the most specific.
    """
    slug = re.sub(r"[^a-z0-9]+", "_", path.split("?", 1)[0].lower()).strip("_") or "root"
    head, tail = f"test_{method.lower()}_", f"_{what}"
    room = MAX_NAME - len(head) - len(tail)
    if len(slug) > room:
        words = slug.split("_")
        while len(words) > 1 and len("_".join(words)) > room:
            words.pop(0)
        slug = "_".join(words)[-room:].lstrip("_")
    return f"{head}{slug}{tail}"


def _mark(verdict: ProbeVerdict, date: str) -> Mark | None:
    if verdict.status is ProbeStatus.PASS:
        return None
    if verdict.status is ProbeStatus.FAIL:
        return Mark("xfail", _hole(verdict.explanation, date))
    if verdict.status is ProbeStatus.SKIP:
        return Mark("skip", f"the probe skipped it: {verdict.explanation}")
    return Mark("skip", f"the probe could not judge it: {verdict.explanation}")


def _hole(finding: str, date: str) -> str:
    return (
        f"known hole (jwtscope probe, {date}): {finding} When this test passes (XPASS"
        " strict) the hole is fixed: regenerate this file with jwtscope (the command is at"
        " its top)"
    )


def _bad(o: ProbeObservation, refused: tuple[int, ...] = (401,)) -> bool:
    """An answer that makes the generated assertion fail: accepted, or refused wrongly."""
    return o.status is not None and o.status not in (*refused, 429)


def _part_mark(verdict: ProbeVerdict, key: str, date: str, refused: tuple[int, ...]) -> Mark | None:
    """The mark of one request of a split test: xfail only for the answers that failed."""
    if verdict.status is not ProbeStatus.FAIL:
        return _mark(verdict, date)
    o = next((o for o in verdict.observed if o.key == key), None)
    if o is None or not _bad(o, refused):
        return None
    means = verdict.test.fail_means
    return Mark("xfail", _hole(f"{o.purpose} → {o.summary}. {means[:1].upper()}{means[1:]}.", date))


def _token_checks(label: str, verdicts: Sequence[ProbeVerdict], date: str) -> list[ExportCheck]:
    """Tests 1–7 of one route, one function each (7 as two)."""
    method, _, path = label.partition(" ")
    checks: list[ExportCheck] = []
    for v in verdicts:
        if v.test is P1:
            name = function_name(method, path, "accepts_valid_token")
            checks.append(ExportCheck(name, "accepts", label, (), _mark(v, date)))
        elif v.test is P6:
            variants = tuple(
                (c, _part_mark(v, f"{P6.id}:{c}", date, (401,))) for c in ALG_NONE_CASINGS
            )
            uniform = len({m for _, m in variants}) == 1
            name = function_name(method, path, "refuses_alg_none")
            whole, split = (variants[0][1], ()) if uniform else (None, variants)
            checks.append(ExportCheck(name, "refuses", label, ("alg_none",), whole, split))
        elif v.test is P7:
            for check, key in _P7_PARTS:
                mark = _part_mark(v, f"{P7.id}:{key}", date, (401,))
                name = function_name(method, path, f"refuses_{check}")
                checks.append(ExportCheck(name, "refuses", label, (check,), mark))
        elif v.test.id in _TOKEN_CHECKS:
            check = _TOKEN_CHECKS[v.test.id]
            name = function_name(method, path, f"refuses_{check}")
            checks.append(ExportCheck(name, "refuses", label, (check,), _mark(v, date)))
    return checks


def export_probe(
    result: ProbeResult,
    request: ReplayRequest,
    auth: ExportAuth,
    *,
    date: str,
    resource: str | None = None,
    resource_id: str | None = None,
    create_body: bytes | None = None,
    app: str | None = None,
) -> SuiteExport:
    """The one-URL probe (tests 1–8) as a suite."""
    split = urlsplit(request.url)
    path = split.path or "/"
    if split.query:
        path += "?" + split.query
    body = request.body.decode("utf-8", "replace") if request.body else None
    endpoint = ExportRoute(request.method.upper(), path, (), body)
    checks = _token_checks(endpoint.label, result.verdicts, date)
    routes = [endpoint]
    template = resource or request.url.split("?", 1)[0].rstrip("/") + "/" + ID_PLACEHOLDER
    item_path = urlsplit(template.replace(ID_PLACEHOLDER, "__ID__")).path.replace("__ID__", "{id}")
    origin = IdOrigin.GIVEN if resource_id is not None else IdOrigin.CREATED
    write = create_body.decode("utf-8", "replace") if create_body else None
    item = ExportRoute("GET", item_path, (IdSource("id", origin, resource_id),), write)
    listing = ExportRoute("GET", split.path or "/")
    cross = [v for v in result.verdicts if v.test.number == 8]
    if cross:
        routes += [item] if listing.label == endpoint.label else [item, listing]
    for v in cross:
        checks += _cross_checks(v, item, listing, date, known=resource_id is not None)
    return SuiteExport(
        base_url=request.origin,
        auth=auth,
        routes=tuple(routes),
        checks=tuple(checks),
        create_body=write,
        app=app,
    )


def _cross_checks(
    v: ProbeVerdict, item: ExportRoute, listing: ExportRoute, date: str, *, known: bool
) -> list[ExportCheck]:
    """Test 8: user B reads, lists, updates, deletes user A's resource."""
    refused_other = "refuses_other_user"
    if v.test is P8_READ:
        name = function_name("GET", item.path, refused_other)
        return [ExportCheck(name, "isolates", item.label, ("GET",), _mark(v, date))]
    if v.test is P8_LIST:
        name = function_name("GET", listing.path, "hides_other_users_items")
        return [ExportCheck(name, "hides", listing.label, (item.label,), _mark(v, date))]
    methods = {P8_UPDATE.id: ("PUT", "PATCH"), P8_DELETE.id: ("DELETE",)}.get(v.test.id, ())
    checks = []
    for m in methods:
        refused = (403, 404, 405) if m != "DELETE" else (403, 404)
        mark = _part_mark(v, f"{v.test.id}:{m}", date, (*refused, 401))
        if known and v.status is not ProbeStatus.SKIP:
            why = "writes go only to a resource the tests create: regenerate with --create JSON"
            mark = Mark("skip", why)
        name = function_name(m, item.path, refused_other)
        checks.append(ExportCheck(name, "isolates", item.label, (m,), mark))
    return checks


def _id_sources(row: RouteVerdicts) -> tuple[IdSource, ...]:
    """How the probe filled the row's parameters (:attr:`RouteVerdicts.filled`), as
    sources; a parameter it could not fill is listed at test time."""
    filled = {p.name: p.id for p in row.filled}
    sources: list[IdSource] = []
    for param in row.route.params:
        found = filled.get(param.name)
        if found is None:
            sources.append(IdSource(param.name, IdOrigin.LISTED))
        else:
            sources.append(IdSource(param.name, found.origin, found.value))
    return tuple(sources)


def export_routes(
    result: RouteProbeResult,
    request: ReplayRequest,
    auth: ExportAuth,
    *,
    date: str,
    create_body: bytes | None = None,
    app: str | None = None,
) -> SuiteExport:
    """The route probe (tests 2–7 on every route) as a suite."""
    write = create_body.decode("utf-8", "replace") if create_body else None
    routes: list[ExportRoute] = []
    checks: list[ExportCheck] = []
    for row in result.rows:
        api_route: ApiRoute = row.route
        body = write if api_route.method in ("POST", "PUT", "PATCH") else None
        route = ExportRoute(api_route.method, api_route.path, _id_sources(row), body)
        routes.append(route)
        reasons = {(v.status, v.explanation) for v in row.verdicts}
        if len(reasons) == 1 and row.verdicts[0].status is not ProbeStatus.PASS:
            name = function_name(route.method, route.path, "refuses_forged_tokens")
            mark = _mark(row.verdicts[0], date)  # one function for a route not probed
            checks.append(ExportCheck(name, "refuses", route.label, ("no_header",), mark))
            continue
        checks += _token_checks(route.label, row.verdicts, date)
    names: set[str] = set()
    unique = []
    for check in checks:  # two paths can slug alike (/a-b and /a_b)
        name, n = check.name, 2
        while name in names:
            name, n = f"{check.name}_{n}", n + 1
        names.add(name)
        unique.append(check if name == check.name else _renamed(check, name))
    public = tuple(row.route.label for row in result.rows if row.public)
    return SuiteExport(request.origin, auth, tuple(routes), tuple(unique), write, app, public)


def _renamed(check: ExportCheck, name: str) -> ExportCheck:
    return ExportCheck(name, check.call, check.route, check.args, check.mark, check.variants)
