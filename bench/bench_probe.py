"""The whole probe (tests 1–8, cross-user included) vs one single request, in one run.

Goal (issue 6): the whole probe completes in under 2 s wall against a local server.
Starts the correct FastAPI backend of ``tests/servers/probe_backends.py`` on 127.0.0.1;
each probe mints both users with the secret, creates user A's todo, runs every test
(20 requests in 13 sequential steps) and deletes the todo again. Timed with the default
pacing (``DEFAULT_MIN_INTERVAL`` between tests) and without it.

Goal (issue 15): a 20-route API probed whole (``probe --all-routes``: the OpenAPI document
read, each collection listed for an id, tests 2–7 on every route) in under 3 s against a
local server, with the default pacing; printed with its ratio to one request.
Usage: python3 bench/bench_probe.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fastapi import Depends, FastAPI  # noqa: E402
from servers.probe_backends import correct  # noqa: E402
from servers.replay_backends import bearer_hs256_user, new_app  # noqa: E402
from servers.replay_clock import serve_backend  # noqa: E402

from jwtscope.core.diagnosis.replay_plan import PlannedRequest  # noqa: E402
from jwtscope.core.keys.keyset import Secret  # noqa: E402
from jwtscope.core.probe.probe_suite import ProbeResult  # noqa: E402
from jwtscope.core.request.replay_request import ReplayRequest, build_request  # noqa: E402
from jwtscope.net.http_send import send_probes  # noqa: E402
from jwtscope.services.probe_routes import (  # noqa: E402
    RouteOptions,
    load_routes,
    run_route_probe,
)
from jwtscope.services.probe_run import DEFAULT_MIN_INTERVAL, run_probe  # noqa: E402

SECRET_TEXT = "bench-probe-secret-0123456789abcdef01234567"
SECRET = Secret("JWT_SECRET", "bench", SECRET_TEXT, SECRET_TEXT.encode())


def whole(request: ReplayRequest, min_interval: float) -> ProbeResult:
    return run_probe(
        request,
        report=None,
        secret=SECRET,
        create_body=b'{"title": "bench"}',
        allow_writes=True,
        min_interval=min_interval,
    )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with serve_backend(correct(SECRET_TEXT, time.time)) as base:
        request = build_request(base + "/todos")
        single, paced, unpaced = [], [], []
        result = None
        for _ in range(runs + 1):  # the first round warms imports and sockets
            start = time.perf_counter()
            send_probes([PlannedRequest("one", "one request", request)], origin=request.origin)
            single.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = whole(request, DEFAULT_MIN_INTERVAL)
            paced.append(time.perf_counter() - start)
            start = time.perf_counter()
            whole(request, 0.0)
            unpaced.append(time.perf_counter() - start)
    assert result is not None and result.exit_code == 0, result and result.counts
    one = statistics.median(single[1:])
    slow, fast = statistics.median(paced[1:]), statistics.median(unpaced[1:])
    print(f"runs: {runs}; requests per probe: {len(result.exchanges)}; verdicts {result.counts}")
    print(f"one request                   median {one * 1000:7.1f} ms")
    print(
        f"whole probe, paced {DEFAULT_MIN_INTERVAL * 1000:.0f} ms      "
        f"median {slow * 1000:7.1f} ms  (goal < 2000 ms)"
    )
    print(f"whole probe, no pacing        median {fast * 1000:7.1f} ms")
    print(f"ratio whole (paced) / one request: {slow / one:.2f}x")
    print(f"ratio whole (no pacing) / one request: {fast / one:.2f}x")


def twenty_routes() -> FastAPI:
    """10 resources, each a protected list and a protected item: 20 GET routes."""
    app = new_app("bench: 20 routes", time.time)
    auth = [Depends(bearer_hs256_user(SECRET_TEXT, time.time))]
    for n in range(10):
        items = [{"id": i, "name": f"r{n}-{i}"} for i in (1, 2)]

        def listing(items: list[dict[str, object]] = items) -> list[dict[str, object]]:
            return items

        def item(item_id: int, items: list[dict[str, object]] = items) -> dict[str, object]:
            return items[0]

        app.get(f"/r{n}", dependencies=auth)(listing)
        app.get(f"/r{n}/{{item_id}}", dependencies=auth)(item)
    return app


def main_routes(runs: int) -> None:
    with serve_backend(twenty_routes()) as base:
        request = build_request(base)
        times, one = [], []
        result = None
        for _ in range(runs + 1):
            start = time.perf_counter()
            send_probes([PlannedRequest("one", "one request", request)], origin=request.origin)
            one.append(time.perf_counter() - start)
            start = time.perf_counter()
            source, routes = load_routes(request, None)
            result = run_route_probe(
                request, routes, RouteOptions(), report=None, secret=SECRET, source=source
            )
            times.append(time.perf_counter() - start)
    assert result is not None and result.exit_code == 0 and len(result.rows) == 20, result
    whole, single = statistics.median(times[1:]), statistics.median(one[1:])
    print(f"all routes: {len(result.rows)} routes, {result.sent} requests, {result.counts}")
    print(
        f"20-route API, paced {RouteOptions().min_interval * 1000:.0f} ms   "
        f"median {whole * 1000:7.1f} ms  (goal < 3000 ms: {3 / whole:.1f}x under)"
    )
    print(f"ratio all routes / one request: {whole / single:.1f}x")


if __name__ == "__main__":
    main()
    main_routes(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
