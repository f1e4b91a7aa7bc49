"""Held-out score of the replay against REAL auth libraries (tests/net/real_library_cases.py):
each backend served once on 127.0.0.1, every case replayed against it.

Prints: top cause right N/M, full ranked list right N/M, false CAUSE-OK, the per-case
table (expected -> got), and the library versions. Usage:
python3 bench/real_library_score.py [1|2|node]   (one held-out batch; all without an
argument; the Node batch needs node)
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from net.real_library_cases import BACKENDS, CASES, run_real_case  # noqa: E402
from net.real_library_cases_batch2 import BATCH2  # noqa: E402
from net.real_library_cases_node import NODE_CASES  # noqa: E402
from servers.harness import serve  # noqa: E402

LIBRARIES = (
    "flask-jwt-extended",
    "djangorestframework-simplejwt",
    "fastapi-users",
    "joserfc",
    "pyjwt",
)


def served(app: Any) -> Any:
    """A Node backend's context manager as it is; an ASGI app served by uvicorn."""
    return app if hasattr(app, "__enter__") else serve(app)


def main() -> None:
    batch = sys.argv[1] if len(sys.argv) > 1 else ""
    batches = {"1": CASES, "2": BATCH2, "node": NODE_CASES}
    cases = batches.get(batch, {**CASES, **BATCH2, **NODE_CASES})
    print(", ".join(f"{name} {version(name)}" for name in LIBRARIES))
    rows = []
    for backend, (factory, _env) in BACKENDS.items():
        names = [n for n, c in cases.items() if c.backend == backend]
        if not names:
            continue
        with served(factory()) as base:
            for name in names:
                got = [c.code for c in run_real_case(cases[name], base).diagnosis.causes]
                rows.append((name, cases[name].expected, got))
    n = len(rows)
    top = sum(g[:1] == e[:1] for _, e, g in rows)
    full = sum(g == e for _, e, g in rows)
    false_ok = sum("CAUSE-OK" in g and "CAUSE-OK" not in e for _, e, g in rows)
    print(f"top cause right {top}/{n}   full list right {full}/{n}   false CAUSE-OK {false_ok}")
    width = max(len(r[0]) for r in rows)
    for name, expected, got in rows:
        mark = "ok" if got == expected else ("top" if got[:1] == expected[:1] else "--")
        short = ", ".join(c.removeprefix("CAUSE-") for c in expected)
        tail = "" if got == expected else " -> " + ", ".join(c.removeprefix("CAUSE-") for c in got)
        print(f"{name:<{width}}  {mark:<3} {short}{tail}")


if __name__ == "__main__":
    main()
