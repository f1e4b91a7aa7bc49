"""Probe every route of an API: read its OpenAPI document, fill ids, run tests 2–7 per route.

For the CLI and the TUI alike. The plan is pure (:mod:`jwtscope.core.probe.route_plan`);
this module adds what only the server can say. In order:

1. the OpenAPI document: ``--openapi FILE|URL``, else ``<origin>/openapi.json``;
2. with ``--create`` and ``--allow-writes``, user A creates its resource on the endpoint
   named (its id fills that collection's item routes, and it is deleted at the end, even
   when the run is interrupted);
3. each collection an item route needs is listed once with token A, and the first
   item's id fills the routes under it;
4. every route's tests 2–7 are sent (all of a route's requests concurrently, routes one
   after the other, at least ``min_interval`` apart) within the request budget: a route
   that would pass it is SKIP, saying so. Only the named origin is ever contacted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.keys.keyset import Secret
from jwtscope.core.probe.openapi_routes import ApiRoute, routes_from_openapi, select_routes
from jwtscope.core.probe.probe_plan import plan_token_tests
from jwtscope.core.probe.probe_suite import ProbeStatus, created_id, path_segment
from jwtscope.core.probe.route_judge import (
    RouteProbeResult,
    RouteVerdicts,
    judge_route,
    skipped_row,
)
from jwtscope.core.probe.route_plan import (
    CREATED,
    RoutePlan,
    collection_of,
    fill_path,
    first_id,
    listable_collections,
    plan_routes,
)
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.errors import InputError, UsageError
from jwtscope.net.http_send import Transport, send_probes, shared_transport
from jwtscope.net.openapi_fetch import fetch_openapi

__all__ = [
    "DEFAULT_BUDGET",
    "RouteOptions",
    "discover_and_probe",
    "load_routes",
    "plan_all_routes",
    "run_route_probe",
]

#: Requests the route probe sends at most, unless told otherwise.
DEFAULT_BUDGET = 300
_MAX_DOCUMENT = 5_000_000


@dataclass(frozen=True)
class RouteOptions:
    """What the route probe needs besides the endpoint and user A's token.

    Args:
        openapi: a file or URL of the OpenAPI document (default ``<origin>/openapi.json``).
        create_body: JSON user A POSTs on the endpoint to create its resource.
        allow_writes: allow the create, and PUT/PATCH/DELETE on that resource.
        budget: requests at most.
        timeout: per-request timeout, seconds.
        min_interval: least seconds between the starts of two routes.
    """

    openapi: str | None = None
    create_body: bytes | None = None
    allow_writes: bool = False
    budget: int = DEFAULT_BUDGET
    timeout: float = 5.0
    min_interval: float = 0.01


@dataclass
class _Run:
    """The state of one run: what was sent, the ids found, the budget left."""

    request: ReplayRequest
    transport: Transport
    options: RouteOptions
    clock: Callable[[], float]
    exchanges: list[Exchange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    dead: str | None = None

    def send(self, probes: Sequence[PlannedRequest]) -> list[Exchange]:
        sent = send_probes(
            probes,
            origin=self.request.origin,
            timeout=self.options.timeout,
            transport=self.transport,
            clock=self.clock,
        )
        if not self.exchanges and sent and all(e.status is None for e in sent):
            self.dead = f"not sent: {self.request.origin} did not answer ({sent[0].error})"
        self.exchanges += sent
        return sent


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
    picked = select_routes(routes, patterns)
    if not picked:
        raise InputError(
            f"no route of {source} matches {', '.join(patterns)}",
            "write --route like '/todos*' or 'GET /admin/*' (--dry-run lists the routes)",
        )
    return source, picked


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
        c: ("?", f"the first item of GET {c}, when run") for c in listable_collections(routes)
    }
    if options.create_body is not None and options.allow_writes:
        pending[_path_of(request.url)] = ("?", CREATED)
    _, cases = plan_token_tests(request, report=report, secret=secret, now=now)
    return plan_routes(routes, cases, request, known=pending, allow_writes=options.allow_writes)


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
    """
    token_a, cases = plan_token_tests(
        request, report=report, secret=secret, now=int(clock()), wrong_key=os.urandom(32)
    )
    rows: list[RouteVerdicts] = []
    with shared_transport(insecure=request.insecure, transport=transport) as shared:
        run = _Run(request, shared, options, clock)
        try:
            with _own_resource(run, token_a):
                _list_ids(run, routes, token_a)
                plans = plan_routes(
                    routes,
                    cases,
                    request,
                    known=run.known,
                    allow_writes=options.allow_writes,
                    write_body=options.create_body,
                )
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
    )


def discover_and_probe(
    request: ReplayRequest,
    options: RouteOptions,
    *,
    report: Report | None,
    secret: Secret | None,
    on_row: Callable[[RouteVerdicts], None] | None = None,
    clock: Callable[[], float] = time.time,
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
    )


def _send_routes(
    run: _Run,
    plans: Sequence[RoutePlan],
    rows: list[RouteVerdicts],
    on_row: Callable[[RouteVerdicts], None] | None,
    pause: Callable[[float], None],
) -> None:
    started: float | None = None
    for plan in plans:
        cost = plan.request_count
        if plan.skip_reason is None and run.dead:
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
            row = judge_route(plan, run.send(probes))
        else:
            row = judge_route(plan, [])
        rows.append(row)
        if on_row is not None:
            on_row(row)


def _as_a(run: _Run, token_a: str, method: str, url: str, body: bytes | None) -> PlannedRequest:
    sent = run.request.with_token(token_a)
    headers = tuple(
        (k, v) for k, v in sent.headers if k.lower() not in ("content-type", "content-length")
    )
    if body is not None:
        headers += (("Content-Type", "application/json"),)
    request = replace(sent, method=method, url=url, headers=headers, body=body)
    return PlannedRequest(f"setup:{method}", f"user A: {method} {url}", request)


def _list_ids(run: _Run, routes: Sequence[ApiRoute], token_a: str | None) -> None:
    """Fill ``run.known`` from the first item of each collection's list (token A).

    Shallow collections first, so that ``/users/{user_id}/todos`` is listed with the id
    ``GET /users`` gave.
    """
    for collection in listable_collections(routes):
        if collection in run.known or run.dead or len(run.exchanges) >= run.options.budget:
            continue
        if token_a is None:
            run.notes.append(f"GET {collection} not listed: no token A to list it with")
            continue
        lister = next(r for r in routes if r.method == "GET" and r.path == collection)
        path, _, _, why = fill_path(lister, run.known)
        if path is None:
            run.notes.append(f"GET {collection} not listed: {why}")
            continue
        answer = run.send([_as_a(run, token_a, "GET", run.request.origin + path, None)])[0]
        names = [
            p.name for r in routes for p in r.params if collection_of(r.path, p.name) == collection
        ]
        rid = first_id(answer.json(), names[0] if names else "id") if answer.ok else None
        if rid is not None:
            run.known[collection] = (rid, f"the first item of GET {path}")
        else:
            said = answer.summary()
            run.notes.append(f"GET {path} gave no id to fill routes with ({said})")


@contextmanager
def _own_resource(run: _Run, token_a: str | None) -> Iterator[None]:
    """Create user A's resource for the block and delete it afterwards (always)."""
    body = run.options.create_body
    if body is None or not run.options.allow_writes or token_a is None:
        yield
        return
    collection = _path_of(run.request.url)
    answer = run.send([_as_a(run, token_a, "POST", run.request.url, body)])[0]
    rid = created_id(answer)
    if rid is None:
        run.notes.append(f"user A's resource could not be created ({answer.summary()})")
        yield
        return
    run.known[collection] = (rid, CREATED)
    run.notes.append(f"user A created resource {rid} on {collection} ({answer.summary()})")
    try:
        yield
    finally:
        item = run.request.url.split("?", 1)[0].rstrip("/") + "/" + path_segment(rid)
        gone = run.send([_as_a(run, token_a, "DELETE", item, None)])[0]
        state = (
            "deleted" if gone.ok else "already gone" if gone.status == 404 else "may be left behind"
        )
        run.notes.append(f"cleanup: resource {rid} {state} ({gone.summary()})")


def _path_of(url: str) -> str:
    from urllib.parse import urlsplit

    path = urlsplit(url).path.rstrip("/")
    if not path:
        raise UsageError(
            "--create needs the collection's URL", "name it: jwtscope probe https://api/todos"
        )
    return path
