"""Run the probe: send each test's requests, one test after the other, and judge them.

The plan (:func:`jwtscope.core.probe.probe_plan.plan_probe`) is pure; this module adds what it
cannot know in advance. Test 8's resource is created first when asked, and its id is put
into the later URLs (or test 8 becomes an ERROR saying why the create failed). When the
first test that sends anything gets no answer at all, the server is unreachable: the
rest is not sent, and the result's exit code is 3. When its answers do not arrive whole
within the deadline, the rest is not sent either (each test would wait as long).

Pacing: the requests of one test go out concurrently (at most 8 at a time, through
:func:`jwtscope.net.http_send.send_probes`, which also refuses any other origin); tests are
sequential, and one starts at least ``min_interval`` seconds after the previous one.
Network failures never raise: they become exchanges with an ``error``.

One HTTP transport serves the whole run
(:func:`jwtscope.net.http_send.shared_transport`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from jwtscope.core.analysis import Report
from jwtscope.core.keys.keyset import Secret
from jwtscope.core.probe.probe_judge import judge, judge_case
from jwtscope.core.probe.probe_plan import plan_probe
from jwtscope.core.probe.probe_suite import (
    ProbeCase,
    ProbeResult,
    ProbeVerdict,
    bind_resource,
    block_cases,
    created_id,
)
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.net.http_send import DEFAULT_TIMEOUT, Transport, send_probes, shared_transport

__all__ = ["DEFAULT_MIN_INTERVAL", "run_probe"]

#: Seconds between the starts of two tests: about 20 requests per second at most.
DEFAULT_MIN_INTERVAL = 0.05


def run_probe(
    request: ReplayRequest,
    *,
    report: Report | None,
    secret: Secret | None,
    token_b: str | None = None,
    resource: str | None = None,
    create_body: bytes | None = None,
    resource_id: str | None = None,
    allow_writes: bool = False,
    clock: Callable[[], float] = time.time,
    transport: Transport | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    min_interval: float = DEFAULT_MIN_INTERVAL,
    on_progress: Callable[[ProbeVerdict], None] | None = None,
    pause: Callable[[float], None] = time.sleep,
    wrong_key: bytes | None = None,
) -> ProbeResult:
    """Run tests 1–8 against the endpoint of ``request`` and judge every answer.

    Args:
        request: the protected endpoint (its token, if any, is user A's).
        report: the analysis of that token, or None.
        secret: the HMAC secret to mint and re-sign tokens with, or None.
        token_b: a second user's token (else minted with the secret when possible).
        resource: URL template of one of A's resources, with ``{id}``.
        create_body: JSON that user A POSTs on the request URL to create the resource.
        resource_id: the id of an existing resource of user A.
        allow_writes: allow creating, PUT, PATCH and DELETE.
        clock: local time; minted tokens use ``int(clock())`` as ``iat``.
        transport: an httpx transport (tests use MockTransport for faults).
        timeout: per-request timeout, seconds.
        min_interval: least seconds between the starts of two tests (0: no pacing).
        on_progress: called with each test's verdict as soon as it is known, in order.
        pause: how to wait for the pacing (tests pass a recorder).
        wrong_key: test 7's "different key" (default: 32 fresh random bytes).

    Returns:
        The verdicts, every exchange, and notes on test 8's setup and cleanup.

    Raises:
        UsageError: the resource URL has no ``{id}`` or is on another origin.
    """
    cases = plan_probe(
        request,
        report=report,
        secret=secret,
        now=int(clock()),
        token_b=token_b,
        resource=resource,
        create_body=create_body,
        resource_id=resource_id,
        allow_writes=allow_writes,
        wrong_key=wrong_key or os.urandom(32),
    )
    with shared_transport(insecure=request.insecure, transport=transport) as shared:
        return _run(cases, request, clock, shared, timeout, min_interval, on_progress, pause)


def _run(
    cases: list[ProbeCase],
    request: ReplayRequest,
    clock: Callable[[], float],
    transport: Transport,
    timeout: float,
    min_interval: float,
    on_progress: Callable[[ProbeVerdict], None] | None,
    pause: Callable[[float], None],
) -> ProbeResult:
    exchanges: list[Exchange] = []
    done: list[ProbeCase] = []
    started: float | None = None
    sent_any = False
    while cases:
        case, cases = cases[0], cases[1:]
        if case.runnable:
            if started is not None and min_interval > 0:
                wait = min_interval - (time.monotonic() - started)
                if wait > 0:
                    pause(wait)
            started = time.monotonic()
            sent = send_probes(
                case.probes,
                origin=request.origin,
                timeout=timeout,
                transport=transport,
                clock=clock,
            )
            exchanges += sent
            if not sent_any and all(_no_answer(e) for e in sent):
                why = next((e.error for e in sent if e.error), "no answer")
                cases = block_cases(cases, f"not sent: {request.origin} did not answer ({why})")
            sent_any = True
            if case.stage == "setup":
                cases = _after_create(sent[0], cases)
                case = _with_id(case, created_id(sent[0]))
        done.append(case)
        if case.stage == "test" and on_progress is not None:
            on_progress(judge_case(case, exchanges))
    return judge(done, exchanges)


def _no_answer(exchange: Exchange) -> bool:
    """No answer, or none complete within the deadline (every later test would wait too)."""
    return exchange.status is None or exchange.error_kind == "timeout"


def _after_create(answer: Exchange, rest: list[ProbeCase]) -> list[ProbeCase]:
    """The later cases with A's new resource id, or blocked when there is none."""
    resource_id = created_id(answer)
    if resource_id is not None:
        return bind_resource(rest, resource_id)
    why = "its answer has no JSON 'id' field" if answer.ok else answer.summary()
    return block_cases(rest, f"user A's resource could not be created: {why}")


def _with_id(case: ProbeCase, resource_id: str | None) -> ProbeCase:
    return bind_resource([case], resource_id)[0] if resource_id is not None else case
