"""A full replay diagnosis (all extra requests) vs one single request, in one run.

Goal (issue: replay): the full diagnosis completes in under 1 s wall against a local
server; independent requests are sent concurrently. Starts real FastAPI backends on
127.0.0.1: an HS256 verifier fed Better Auth's EdDSA token (2 rounds), and an opaque
HS256 backend that requires a 'role' claim (4 rounds: the bisection, the token with the
claims it lacks, one token per claim).
Usage: python3 bench/bench_replay.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import jwt  # noqa: E402
from servers.replay_backends import hs256_fed_eddsa  # noqa: E402
from servers.replay_backends_keys import hs256_scope_opaque  # noqa: E402
from servers.replay_clock import serve_backend  # noqa: E402

from jwtscope.core.diagnosis.replay_plan import PlannedRequest  # noqa: E402
from jwtscope.core.keys.env_snapshot import Environment, EnvSource  # noqa: E402
from jwtscope.core.keys.keyset import KeySet  # noqa: E402
from jwtscope.core.request.replay_request import build_request  # noqa: E402
from jwtscope.net.http_send import send_probes  # noqa: E402
from jwtscope.services.replay_run import ReplayOutcome, run_replay  # noqa: E402

DATA = ROOT / "tests" / "data" / "betterauth" / "eddsa"


def measure(app: Any, token: str, env: Environment, runs: int) -> tuple[float, float, Any]:
    """Median seconds of one request and of the full diagnosis, and the last outcome."""
    with serve_backend(app) as base:
        request = build_request(base + "/todos", token=token)
        single, full = [], []
        outcome: ReplayOutcome | None = None
        for _ in range(runs + 1):  # the first round warms imports and sockets
            start = time.perf_counter()
            send_probes([PlannedRequest("original", "one request", request)], origin=request.origin)
            single.append(time.perf_counter() - start)
            start = time.perf_counter()
            outcome = run_replay(request, env=env, keys=KeySet(), origin="http://localhost:3000")
            full.append(time.perf_counter() - start)
    return statistics.median(single[1:]), statistics.median(full[1:]), outcome


def report(name: str, result: tuple[float, float, Any]) -> None:
    one, whole, outcome = result
    top = outcome.diagnosis.top.code if outcome.diagnosis.top else "-"
    print(f"{name}: {len(outcome.exchanges)} requests, top cause {top}")
    print(f"  one request            median {one * 1000:7.1f} ms")
    print(f"  full diagnosis         median {whole * 1000:7.1f} ms  (goal < 1000 ms)")
    print(f"  ratio full / one request: {whole / one:.2f}x")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    token = (DATA / "alice.jwt").read_text().strip()
    secret = (DATA / "secret.txt").read_text().strip()
    env = Environment((EnvSource("./.env", (("BETTER_AUTH_SECRET", secret),)),))
    clock: Callable[[], float] = time.time
    print(f"runs: {runs}")
    report("alg mismatch, 2 rounds", measure(hs256_fed_eddsa(secret, clock), token, env, runs))
    now = int(time.time())
    hs = jwt.encode({"sub": "user-1", "iat": now, "exp": now + 3600}, secret, algorithm="HS256")
    app = hs256_scope_opaque(secret, clock, claim="role")
    report("required claim, 4 rounds", measure(app, hs, env, runs))


if __name__ == "__main__":
    main()
