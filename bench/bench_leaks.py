"""Benchmark the leaked-token scan and the line redactor on hostile lines.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/bench_leaks.py

Prints the time of :class:`jwtscope.audit.leaks.LeakScanner` (tokens and secrets) and of
:func:`jwtscope.audit.redact.redact_line` on 240 KB and 2 MB lines of repeated ``eyJ``,
of ``eyJ…`` segments, of dotted words before a secret name, and of repeated secret
names: the time must grow linearly with the size (×8.3 between the two sizes).
"""

from __future__ import annotations

import time

from jwtscope.audit.leaks import LeakScanner
from jwtscope.audit.redact import redact_line

SHAPES = {
    "eyJ repeated": "eyJ",
    "eyJ segments": "eyJaaaaaaaaaa.",
    "dotted words": "a.",
    "secret names": "secret",
}


def _line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    """Print one row per shape and size."""
    print(f"{'shape':<14} {'size':>8} {'scan s':>8} {'redact s':>9}")
    for name, unit in SHAPES.items():
        for size in (240_000, 2_000_000):
            line = _line(unit, size)
            start = time.perf_counter()
            LeakScanner().scan("bench.log", [line], secrets=True)
            scan = time.perf_counter() - start
            start = time.perf_counter()
            redact_line(line)
            redact = time.perf_counter() - start
            print(f"{name:<14} {size:>8} {scan:>8.3f} {redact:>9.3f}")


if __name__ == "__main__":
    main()
