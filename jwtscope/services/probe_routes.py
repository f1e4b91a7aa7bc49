"""Probe every route of an API: read its OpenAPI document, fill ids, run tests 2–7 per route.

For the CLI and the TUI alike. The plan is pure (:mod:`jwtscope.core.probe.route_plan`);
this module adds what only the server can say. In order:

1. the OpenAPI document: ``--openapi FILE|URL``, else ``<origin>/openapi.json``;
2. with ``--create`` and ``--allow-writes``, user A creates its resources
   (:mod:`jwtscope.services.probe_session`: their ids fill the item routes, and
   everything the probe created is deleted at the end, even when the run is stopped,
   interrupted, out of budget or failing);
3. each collection an item route needs is listed once with token A, and the first
   item's id fills the routes under it;
4. every route's tests 2–7 are sent (all of a route's requests concurrently, routes one
   after the other, at least ``min_interval`` apart) within the request budget: a route
   that would pass it is SKIP, saying so; after a stop (``stop()`` true: Esc in the
   TUI) the rest is SKIP, saying so. Only the named origin is ever contacted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jwtscope.core.analysis import Report
from jwtscope.core.keys.keyset import Secret
from jwtscope.core.probe.openapi_routes import ApiRoute, routes_from_openapi, select_routes
from jwtscope.core.probe.probe_plan import plan_token_tests
from jwtscope.core.probe.probe_suite import P2, ProbeStatus
from jwtscope.core.probe.route_judge import (
    RouteProbeResult,
    RouteVerdicts,
    judge_route,
    skipped_row,
)
from jwtscope.core.probe.route_plan import (
    IdOrigin,
    KnownId,
    RoutePlan,
    collection_of,
    deletable_collections,
    fill_path,
    first_id,
    listable_collections,
    plan_routes,
    protected_sibling,
)
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.errors import InputError
from jwtscope.net.http_send import Transport, shared_transport
from jwtscope.net.openapi_fetch import fetch_openapi
from jwtscope.services.probe_session import (
    DEFAULT_BUDGET,
    RouteOptions,
    RouteSession,
    owned_resources,
)

__all__ = [
    "DEFAULT_BUDGET",
    "RouteOptions",
    "discover_and_probe",
    "load_routes",
    "pick_routes",
    "plan_all_routes",
    "run_route_probe",
]

_MAX_DOCUMENT = 5_000_000


def load_routes(
    request: ReplayRequest,
    spec: str | None,
    timeout: float = 5.0,
    patterns: Sequence[str] = (),
) -> tuple[str, list[ApiRoute]]:
    """The API's routes (those ``patterns`` pick, when given), and where they came from.

    Raises:
        NetworkError: the document could not be fetched.
        InputError: the file cannot be read or is not an OpenAPI document.
    """
    import json

    if spec is None or spec.lower().startswith(("http://", "https://")):
        url = spec or request.origin + "/openapi.json"
        document: Any = fetch_openapi(
            url, origin=request.origin, timeout=timeout, insecure=request.insecure
        )
        source = url
    else:
        path = Path(spec).expanduser()
        try:
            with path.open("rb") as handle:
                raw = handle.read(_MAX_DOCUMENT + 1)
            document = json.loads(raw.decode("utf-8")) if len(raw) <= _MAX_DOCUMENT else None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"cannot read {spec} as JSON: {exc}", "give an openapi.json") from exc
        source = str(path)
    routes = routes_from_openapi(document)
    if not routes:
        raise InputError(f"{source} lists no routes", "give the API's OpenAPI (3.x) document")
    return source, pick_routes(routes, patterns, source)


def pick_routes(routes: Sequence[ApiRoute], patterns: Sequence[str], source: str) -> list[ApiRoute]:
    """The routes ``patterns`` pick (all without patterns).

    Raises:
        InputError: no route matches.
    """
    picked = select_routes(routes, patterns)
    if not picked:
        raise InputError(
            f"no route of {source} matches {', '.join(patterns)}",
            "write --route like '/todos*' or 'GET /admin/*' (--dry-run lists the routes)",
        )
    return picked


def plan_all_routes(
    request: ReplayRequest,
    routes: Sequence[ApiRoute],
    options: RouteOptions,
    *,
    report: Report | None,
    secret: Secret | None,
    now: int,
) -> list[RoutePlan]:
    """The plan as it can be shown before anything is sent (ids from lists marked pending)."""
    pending = {
        c: KnownId("?", IdOrigin.LISTED, c, pending=True) for c in listable_collections(routes)
    }
    if options.create_body is not None and options.allow_writes:
        named = urlsplit(request.url).path.rstrip("/")
        creatable = deletable_collections(routes) | ({named} if named else set())
        for route in routes:
            if route.method == "POST" and not route.params and route.path in creatable:
                pending[route.path] = KnownId("?", IdOrigin.CREATED, pending=True)
        if named:
            pending[named] = KnownId("?", IdOrigin.CREATED, pending=True)
    _, cases = plan_token_tests(request, report=report, secret=secret, now=now)
    return plan_routes(
        routes,
        cases,
        request,
        known=pending,
        allow_writes=options.allow_writes,
        write_body=options.create_body,
    )


def run_route_probe(
    request: ReplayRequest,
    routes: Sequence[ApiRoute],
    options: RouteOptions,
    *,
    report: Report | None,
    secret: Secret | None,
    source: str = "",
    on_row: Callable[[RouteVerdicts], None] | None = None,
    clock: Callable[[], float] = time.time,
    transport: Transport | None = None,
    pause: Callable[[float], None] = time.sleep,
    stop: Callable[[], bool] = lambda: False,
    picked: Sequence[ApiRoute] | None = None,
) -> RouteProbeResult:
    """Run tests 2–7 on every route and judge them, route by route.

    Args:
        request: the endpoint named (its origin is the only one contacted; its token,
            if any, is user A's).
        routes: the routes.
        options: the document, writes, budget, pacing.
        report: the analysis of user A's token, or None.
        secret: the HMAC secret to mint and re-sign with, or None.
        source: where the routes came from, for the report.
        on_row: called with each route's row as soon as it is judged.
        clock: local time.
        transport: an httpx transport (tests).
        pause: how to wait for the pacing.
        stop: asked before each route; once true, nothing more is probed (the rest is
            SKIP, saying so) and what the probe created is deleted.
        picked: probe only these (the user's pick); ``routes`` stay the whole API, for
            the ids and the protected siblings. None: every route.
    """
    token_a, cases = plan_token_tests(
        request, report=report, secret=secret, now=int(clock()), wrong_key=os.urandom(32)
    )
    rows: list[RouteVerdicts] = []
    with shared_transport(insecure=request.insecure, transport=transport) as shared:
        run = RouteSession(request, shared, options, clock, stop)
        try:
            wanted = _needed(picked)
            with owned_resources(run, token_a, routes, wanted):
                _list_ids(run, routes, token_a, wanted)
                plans = plan_routes(
                    routes,
                    cases,
                    request,
                    known=run.known,
                    allow_writes=options.allow_writes,
                    write_body=options.create_body,
                )
                if picked is not None:
                    keep = {r.label for r in picked}
                    plans = [p for p in plans if p.route.label in keep]
                _send_routes(run, plans, rows, on_row, pause)
        except KeyboardInterrupt:
            run.notes.append("interrupted: the routes after the last row were not probed")
    return RouteProbeResult(
        tuple(rows),
        tuple(run.exchanges),
        tuple(run.notes),
        source,
        len(run.exchanges),
        options.budget,
        stopped=stop(),
        created=len(run.created),
        cleaned=run.cleaned,
        left_behind=tuple(run.left_behind),
    )


def discover_and_probe(
    request: ReplayRequest,
    options: RouteOptions,
    *,
    report: Report | None,
    secret: Secret | None,
    on_row: Callable[[RouteVerdicts], None] | None = None,
    clock: Callable[[], float] = time.time,
    stop: Callable[[], bool] = lambda: False,
) -> RouteProbeResult:
    """Read the routes (:func:`load_routes`) and probe them all: the TUI's one call.

    Raises:
        NetworkError: the OpenAPI document could not be fetched.
        InputError: the document cannot be read or lists no routes.
    """
    source, routes = load_routes(request, options.openapi, options.timeout)
    return run_route_probe(
        request,
        routes,
        options,
        report=report,
        secret=secret,
        source=source,
        on_row=on_row,
        clock=clock,
        stop=stop,
    )


def _send_routes(
    run: RouteSession,
    plans: Sequence[RoutePlan],
    rows: list[RouteVerdicts],
    on_row: Callable[[RouteVerdicts], None] | None,
    pause: Callable[[float], None],
) -> None:
    started: float | None = None
    refused: list[ApiRoute] = []  # routes seen refusing a request without a token
    for plan in plans:
        cost = plan.request_count
        if plan.skip_reason is None and run.stop():
            row = skipped_row(plan, "stopped before this route was probed", ProbeStatus.SKIP)
        elif plan.skip_reason is None and run.dead:
            row = skipped_row(plan, run.dead, ProbeStatus.ERROR)
        elif plan.skip_reason is None and len(run.exchanges) + cost > run.options.budget:
            why = f"the request budget ({run.options.budget}) is spent: raise it with --budget"
            row = skipped_row(plan, why, ProbeStatus.SKIP)
        elif plan.skip_reason is None:
            wait = (
                0.0 if started is None else run.options.min_interval - (time.monotonic() - started)
            )
            if wait > 0:
                pause(wait)
            started = time.monotonic()
            probes = [p for c in plan.cases if c.runnable for p in c.probes]
            sent = run.send(probes)
            if plan.route.method == "POST" and plan.url is not None:
                run.remember_created(plan.url, sent)
            row = judge_route(_observed_sibling(plan, refused), sent)
            if any(e.purpose == P2.id and e.status in (401, 403) for e in sent):
                refused.append(replace(plan.route, secured=True))
        else:
            row = judge_route(plan, [])
        rows.append(row)
        if on_row is not None:
            on_row(row)


def _observed_sibling(plan: RoutePlan, refused: Sequence[ApiRoute]) -> RoutePlan:
    """The plan with a protected sibling seen refusing, when the document declares none
    (auth read from a header by hand, or a middleware: nothing declared anywhere)."""
    if plan.protected_sibling is not None or plan.route.secured:
        return plan
    return replace(plan, protected_sibling=protected_sibling(plan.route, refused))


def _needed(picked: Sequence[ApiRoute] | None) -> frozenset[str] | None:
    """The collections the picked routes need an id (or a create) from; None: all."""
    if picked is None:
        return None
    needed = {collection_of(r.path, p.name) for r in picked for p in r.params}
    return frozenset(needed | {r.path for r in picked if r.method == "POST"})


def _list_ids(
    run: RouteSession,
    routes: Sequence[ApiRoute],
    token_a: str | None,
    wanted: frozenset[str] | None = None,
) -> None:
    """Fill ``run.known`` from the first item of each collection's list (token A).

    Shallow collections first, so that ``/users/{user_id}/todos`` is listed with the id
    ``GET /users`` gave; only those ``wanted`` (None: all).
    """
    for collection in listable_collections(routes):
        if collection in run.known or run.dead or run.stop():
            continue
        if wanted is not None and collection not in wanted:
            continue
        if len(run.exchanges) >= run.options.budget:
            continue
        if token_a is None:
            run.notes.append(f"GET {collection} not listed: no token A to list it with")
            continue
        lister = next(r for r in routes if r.method == "GET" and r.path == collection)
        path, _, _, why = fill_path(lister, run.known)
        if path is None:
            run.notes.append(f"GET {collection} not listed: {why}")
            continue
        answer = run.send([run.as_a(token_a, "GET", run.request.origin + path, None)])[0]
        names = [
            p.name for r in routes for p in r.params if collection_of(r.path, p.name) == collection
        ]
        rid = first_id(answer.json(), names[0] if names else "id") if answer.ok else None
        if rid is not None:
            run.known[collection] = KnownId(rid, IdOrigin.LISTED, path)
        else:
            said = answer.summary()
            run.notes.append(f"GET {path} gave no id to fill routes with ({said})")
