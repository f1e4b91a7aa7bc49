"""Run a review: analyse the token, replay the request, run the test suite, audit the
source and combine what was run into one review, for the CLI's ``report`` and the TUI.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet
    from jwtscope.core.probe.probe_suite import ProbeResult
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.services.probe_session import RouteOptions
    from jwtscope.services.probe_setup import ProbeOptions
    from jwtscope.services.review_report import ReviewReport

__all__ = ["ReviewInputs", "ReviewRun", "run_review"]


@dataclass(frozen=True)
class ReviewInputs:
    """What to review; any one of ``request``, ``token`` or ``audit_root`` is enough.

    Args:
        env: the environment snapshot (secrets, BETTER_AUTH_URL).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``).
        request: the failing request to replay; its token is the one analysed.
        token: the token to analyse when there is no request (see
            :func:`~jwtscope.services.inputs.token_from_text`).
        probe: run the test suite against ``request`` with these options (None: do not).
        routes: run tests 2–7 on every route with these options (None: do not); with
            ``audit_root``, the audit's routes are merged in and cross-checked.
        route_patterns: the routes to probe (globs; all when empty).
        audit_root: the project folder to audit, or None.
        public: with ``audit_root``, route patterns that are public on purpose.
        system: the system under review (default: the URL, else the audited folder's name).
        redact: mask personal data in claims (secrets and signatures are always cut).
        timeout: per-request timeout of the replay, in seconds.
    """

    env: Environment
    keys: KeySet
    request: ReplayRequest | None = None
    token: str | None = None
    probe: ProbeOptions | None = None
    routes: RouteOptions | None = None
    route_patterns: tuple[str, ...] = ()
    audit_root: Path | None = None
    public: tuple[str, ...] = ()
    system: str | None = None
    redact: bool = True
    timeout: float = 5.0


@dataclass(frozen=True)
class ReviewRun:
    """The review, or why there is none: the server did not answer the replay."""

    review: ReviewReport | None
    unreachable: str | None = None
    #: Secret values the source audit read (``.env`` files): to mask in any output.
    secrets: tuple[str, ...] = field(default=(), repr=False)
    #: The test suite's and the route probe's results, when they ran (``--emit-pytest``).
    probe: ProbeResult | None = None
    routes: RouteProbeResult | None = None

    @property
    def exit_code(self) -> int:
        """0 no critical/high issue, 1 otherwise, 3 the server could not be reached."""
        if self.review is None:
            return 3
        counts = self.review.severity_counts()
        return 1 if counts["critical"] or counts["high"] else 0


def run_review(
    inputs: ReviewInputs,
    *,
    clock: Callable[[], float] = time.time,
    audit_progress: Callable[[int], None] | None = None,
) -> ReviewRun:
    """Run what ``inputs`` ask for, in order, and build the review.

    The token analysis comes first, then the replay; when the server does not answer it,
    nothing more is sent or read. Then the test suite (only with a request), then the
    source audit.

    Args:
        inputs: what to review.
        clock: local time (the review's date; the audit judges leaked tokens' ``exp`` by it).
        audit_progress: called with the number of files the audit has read so far.
    """
    from jwtscope.core.analysis import analyze
    from jwtscope.services.replay_run import run_replay
    from jwtscope.services.review_report import build_review

    started = clock()
    now = int(started)
    request, env, keys = inputs.request, inputs.env, inputs.keys
    token = request.token if request is not None else inputs.token
    report = analyze(token, now=now, env=env, keys=keys) if token else None
    diagnosis = probe = routes = audit = None
    if request is not None:
        outcome = run_replay(request, env=env, keys=keys, timeout=inputs.timeout)
        if outcome.unreachable:
            why = outcome.exchanges[0].error or "the server could not be reached"
            return ReviewRun(None, unreachable=why)
        diagnosis = outcome.diagnosis
        if inputs.probe is not None:
            from jwtscope.services.probe_setup import probe_endpoint

            probe = probe_endpoint(request, inputs.probe, env=env, keys=keys)
        if inputs.routes is not None:
            routes, audit = _route_probe(inputs, request, started)
    if audit is None:
        audit = _audit(inputs.audit_root, inputs.public, started, audit_progress)
    review = build_review(
        date=now,
        system=inputs.system or _default_system(request, inputs.audit_root),
        report=report,
        diagnosis=diagnosis,
        probe=probe,
        redact=inputs.redact,
        audit=audit,
        routes=routes,
    )
    masks = audit.masks if audit is not None else ()
    return ReviewRun(review, secrets=masks, probe=probe, routes=routes)


def _route_probe(
    inputs: ReviewInputs, request: ReplayRequest, now: float
) -> tuple[RouteProbeResult, AuditResult | None]:
    """Tests 2–7 on every route; with a project folder, its audit merged and cross-checked."""
    from jwtscope.services.probe_project import load_project_routes, with_cross_check
    from jwtscope.services.probe_routes import load_routes
    from jwtscope.services.probe_setup import probe_every_route

    options = inputs.routes
    assert options is not None
    if inputs.audit_root is None:
        source, routes = load_routes(
            request, options.openapi, options.timeout, inputs.route_patterns
        )
        result = probe_every_route(
            request, routes, options, env=inputs.env, keys=inputs.keys, source=source
        )
        return result, None
    project = load_project_routes(
        request,
        options.openapi,
        inputs.audit_root,
        timeout=options.timeout,
        patterns=inputs.route_patterns,
        now=now,
    )
    result = probe_every_route(
        request, project.routes, options, env=inputs.env, keys=inputs.keys, source=project.source
    )
    return with_cross_check(result, project.static), project.audit


def _audit(
    root: Path | None,
    public: tuple[str, ...],
    now: float,
    progress: Callable[[int], None] | None,
) -> AuditResult | None:
    if root is None:
        return None
    from jwtscope.audit import audit_project

    return audit_project(root, public=list(public), progress=progress, now=now)


def _default_system(request: ReplayRequest | None, audit_root: Path | None) -> str:
    if request is not None:
        return request.shown_url
    return audit_root.name if audit_root is not None else "token"
