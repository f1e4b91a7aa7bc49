"""A full replay diagnosis (all extra requests) vs one single request, in one run.

Goal (issue: replay): the full diagnosis completes in under 1 s wall against a local
server; independent requests are sent concurrently. Starts a real FastAPI backend (an
HS256 verifier fed Better Auth's EdDSA token: 2 rounds, 5 requests) on 127.0.0.1.
Usage: python3 bench/bench_replay.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers.replay_backends import hs256_fed_eddsa  # noqa: E402
from servers.replay_clock import serve_backend  # noqa: E402

from jwtscope.core.diagnosis.replay_plan import PlannedRequest  # noqa: E402
from jwtscope.core.keys.env_snapshot import Environment, EnvSource  # noqa: E402
from jwtscope.core.keys.keyset import KeySet  # noqa: E402
from jwtscope.core.request.replay_request import build_request  # noqa: E402
from jwtscope.net.http_send import send_probes  # noqa: E402
from jwtscope.services.replay_run import run_replay  # noqa: E402

DATA = ROOT / "tests" / "data" / "betterauth" / "eddsa"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    token = (DATA / "alice.jwt").read_text().strip()
    secret = (DATA / "secret.txt").read_text().strip()
    env = Environment((EnvSource("./.env", (("BETTER_AUTH_SECRET", secret),)),))
    with serve_backend(hs256_fed_eddsa(secret, time.time)) as base:
        request = build_request(base + "/todos", token=token)
        single, full = [], []
        outcome = None
        for _ in range(runs + 1):  # the first round warms imports and sockets
            start = time.perf_counter()
            send_probes([PlannedRequest("original", "one request", request)], origin=request.origin)
            single.append(time.perf_counter() - start)
            start = time.perf_counter()
            outcome = run_replay(request, env=env, keys=KeySet(), origin="http://localhost:3000")
            full.append(time.perf_counter() - start)
    assert outcome is not None
    one, whole = statistics.median(single[1:]), statistics.median(full[1:])
    print(
        f"runs: {runs}; requests per diagnosis: {len(outcome.exchanges)} "
        f"(top cause {outcome.diagnosis.top.code if outcome.diagnosis.top else '-'})"
    )
    print(f"one request            median {one * 1000:7.1f} ms")
    print(f"full diagnosis         median {whole * 1000:7.1f} ms  (goal < 1000 ms)")
    print(f"ratio full / one request: {whole / one:.2f}x")


if __name__ == "__main__":
    main()
