"""``jwtscope probe``: the auth test suite on one endpoint or on every route, with live progress."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.common import endpoint_request, load_env, load_keys
from jwtscope.cli.emit_pytest import check_emit_options, emit_suite
from jwtscope.cli.output import emit, emit_json

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeVerdict
    from jwtscope.core.probe.route_cross import StaticRoute
    from jwtscope.core.probe.route_judge import RouteVerdicts
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.services.probe_setup import ProbeOptions

__all__ = ["cmd_probe", "probe_options"]


def cmd_probe(args: argparse.Namespace) -> int:
    """``jwtscope probe``: the auth test suite, with live progress on a terminal."""
    from jwtscope.core.probe.probe_text import probe_to_dict, probe_to_text, verdict_line
    from jwtscope.services.probe_setup import probe_endpoint

    check_emit_options(args)
    request = endpoint_request(args)
    if args.all_routes or args.openapi or args.project:
        return _cmd_probe_routes(args, request)
    show = not args.json and sys.stderr.isatty()

    def progress(verdict: ProbeVerdict) -> None:
        emit(verdict_line(verdict), err=True, flush=True)

    env, keys = load_env(args), load_keys(args)
    result = probe_endpoint(
        request,
        probe_options(args),
        env=env,
        keys=keys,
        on_progress=progress if show else None,
    )
    emit_suite(args, request, result, env=env, keys=keys)
    if args.json:
        emit_json(probe_to_dict(result, request))
    else:
        emit(probe_to_text(result, request))
    return int(result.exit_code)


def probe_options(args: argparse.Namespace) -> ProbeOptions:
    """The probe options: ``--token-b``, ``--resource``, ``--create``, ``--allow-writes``…

    Raises:
        InputError: ``--token-b`` is empty, binary or too large.
    """
    from jwtscope.cli.common import read_token_text
    from jwtscope.services.probe_setup import ProbeOptions

    return ProbeOptions(
        token_b_text=read_token_text(args.token_b, None) if args.token_b else None,
        resource=args.resource,
        resource_id=args.resource_id,
        create_body=args.create.encode() if args.create is not None else None,
        allow_writes=args.allow_writes,
        timeout=args.timeout,
    )


def _cmd_probe_routes(args: argparse.Namespace, request: ReplayRequest) -> int:
    """``jwtscope probe URL --all-routes``: tests 2–7 on every route of the OpenAPI document."""
    from jwtscope.core.probe.probe_text import (
        route_plan_to_text,
        route_row_line,
        routes_to_dict,
        routes_to_text,
    )
    from jwtscope.services.probe_routes import RouteOptions, load_routes, pick_routes
    from jwtscope.services.probe_setup import plan_every_route, probe_every_route

    options = RouteOptions(
        openapi=args.openapi,
        create_body=args.create.encode() if args.create is not None else None,
        allow_writes=args.allow_writes,
        budget=args.budget,
        timeout=args.timeout,
    )
    static: tuple[StaticRoute, ...] = ()
    if args.project:
        from jwtscope.cli.output import remember_secrets
        from jwtscope.services.probe_project import load_project_routes

        project = load_project_routes(
            request, args.openapi, Path(args.project), timeout=args.timeout
        )
        if project.audit is not None:
            remember_secrets(project.audit.masks)
        source, routes, static = project.source, list(project.routes), project.static
    else:
        source, routes = load_routes(request, options.openapi, options.timeout)
    picked = pick_routes(routes, args.route, source) if args.route else None
    env, keys = load_env(args), load_keys(args)
    plans = plan_every_route(request, routes, options, env=env, keys=keys, picked=picked)
    plan_text = route_plan_to_text(plans, source, args.budget)
    if args.dry_run:
        emit(plan_text)
        return 0
    show = not args.json and sys.stderr.isatty()
    if show:
        emit(plan_text + "\n", err=True, flush=True)

    def progress(row: RouteVerdicts) -> None:
        emit(route_row_line(row), err=True, flush=True)

    result = probe_every_route(
        request,
        routes,
        options,
        env=env,
        keys=keys,
        source=source,
        on_row=progress if show else None,
        picked=picked,
    )
    if args.project:
        from jwtscope.services.probe_project import with_cross_check

        result = with_cross_check(result, static)
    emit_suite(args, request, result, env=env, keys=keys)
    if args.json:
        emit_json(routes_to_dict(result, request))
    else:
        emit(routes_to_text(result, request))
    return int(result.exit_code)
