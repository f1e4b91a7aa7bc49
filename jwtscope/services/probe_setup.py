"""Set up and run the auth test suite against one endpoint, for the CLI and the TUI alike.

It analyses user A's token, chooses the secret to mint test tokens with, reads user B's
token, and hands all of it to :func:`jwtscope.services.probe_run.run_probe` (one URL)
or :mod:`jwtscope.services.probe_routes` (every route).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jwtscope.services.inputs import choose_secret, token_from_text

if TYPE_CHECKING:  # the probe run imports httpx: it loads when a probe is sent
    from jwtscope.core.analysis import Report
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet, Secret
    from jwtscope.core.probe.openapi_routes import ApiRoute
    from jwtscope.core.probe.probe_suite import ProbeResult, ProbeVerdict
    from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
    from jwtscope.core.probe.route_plan import RoutePlan
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.services.probe_routes import RouteOptions

__all__ = ["ProbeOptions", "plan_every_route", "probe_endpoint", "probe_every_route"]


@dataclass(frozen=True)
class ProbeOptions:
    """What the test suite needs besides the endpoint and user A's token.

    Args:
        token_b_text: a second user's token as pasted (``Bearer …`` and friends are
            stripped), for the cross-user tests; None mints one when the secret is known.
        resource: URL template of one of user A's resources, with ``{id}``.
        resource_id: the id to put into ``resource``.
        create_body: JSON that user A POSTs on the endpoint to create the resource.
        allow_writes: allow POST, PUT, PATCH and DELETE requests.
        timeout: per-request timeout, in seconds.
    """

    token_b_text: str | None = None
    resource: str | None = None
    resource_id: str | None = None
    create_body: bytes | None = None
    allow_writes: bool = False
    timeout: float = 5.0


def probe_endpoint(
    request: ReplayRequest,
    options: ProbeOptions,
    *,
    env: Environment,
    keys: KeySet,
    on_progress: Callable[[ProbeVerdict], None] | None = None,
    clock: Callable[[], float] = time.time,
) -> ProbeResult:
    """Run the test suite against the endpoint of ``request``.

    Args:
        request: the protected endpoint; its token, if any, is user A's.
        options: user B's token, the resource and the write permission.
        env: the environment snapshot (secrets to verify and mint with).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``).
        on_progress: called with each test's verdict as soon as it is known.
        clock: local time.

    Raises:
        UsageError: the resource URL has no ``{id}`` or is on another origin.
    """
    from jwtscope.core.analysis import analyze
    from jwtscope.services.probe_run import run_probe

    report = analyze(request.token, now=int(clock()), env=env, keys=keys) if request.token else None
    token_b = token_from_text(options.token_b_text) if options.token_b_text else None
    return run_probe(
        request,
        report=report,
        secret=choose_secret(report, env),
        token_b=token_b,
        resource=options.resource,
        resource_id=options.resource_id,
        create_body=options.create_body,
        allow_writes=options.allow_writes,
        timeout=options.timeout,
        on_progress=on_progress,
        clock=clock,
    )


def token_setup(
    request: ReplayRequest, env: Environment, keys: KeySet, now: int
) -> tuple[Report | None, Secret | None]:
    """User A's token analysed, and the secret to mint and re-sign test tokens with."""
    from jwtscope.core.analysis import analyze

    report = analyze(request.token, now=now, env=env, keys=keys) if request.token else None
    return report, choose_secret(report, env)


def plan_every_route(
    request: ReplayRequest,
    routes: Sequence[ApiRoute],
    options: RouteOptions,
    *,
    env: Environment,
    keys: KeySet,
    clock: Callable[[], float] = time.time,
    picked: Sequence[ApiRoute] | None = None,
) -> list[RoutePlan]:
    """The route probe's plan, as shown before anything is sent (``--dry-run``): the
    ``picked`` routes (None: all), planned with the whole API for ids and siblings."""
    from jwtscope.services.probe_routes import plan_all_routes

    report, secret = token_setup(request, env, keys, int(clock()))
    plans = plan_all_routes(
        request, routes, options, report=report, secret=secret, now=int(clock())
    )
    keep = {r.label for r in picked} if picked is not None else None
    return [p for p in plans if keep is None or p.route.label in keep]


def probe_every_route(
    request: ReplayRequest,
    routes: Sequence[ApiRoute],
    options: RouteOptions,
    *,
    env: Environment,
    keys: KeySet,
    source: str = "",
    on_row: Callable[[RouteVerdicts], None] | None = None,
    clock: Callable[[], float] = time.time,
    picked: Sequence[ApiRoute] | None = None,
) -> RouteProbeResult:
    """Tests 2–7 on every route (:func:`jwtscope.services.probe_routes.run_route_probe`).

    Args:
        request: the endpoint named; its token, if any, is user A's.
        routes: the routes (:func:`jwtscope.services.probe_routes.load_routes`).
        options: the document, writes, budget, pacing.
        env: the environment snapshot (secrets to mint with).
        keys: explicit keys.
        source: where the routes came from, for the report.
        on_row: called with each route's row as soon as it is judged.
        clock: local time.
        picked: probe only these (``--route``); ``routes`` give the ids and siblings.
    """
    from jwtscope.services.probe_routes import run_route_probe

    report, secret = token_setup(request, env, keys, int(clock()))
    return run_route_probe(
        request,
        routes,
        options,
        report=report,
        secret=secret,
        source=source,
        on_row=on_row,
        clock=clock,
        picked=picked,
    )
