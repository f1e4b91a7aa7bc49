"""The adversarial suite at full strength: 10,000+ hostile examples per parser.

Runs the properties of ``tests/adversarial/fuzz_properties.py`` (the same ones CI runs
with a modest count) and prints, per parser, how many examples ran, how long it took and
the failure found, if any. Exit code 1 when any parser failed.

Usage: python3 bench/fuzz.py [EXAMPLES] [PARSER ...]   (default 10000, every parser)
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from adversarial.fuzz_properties import PARSERS, PROFILE  # noqa: E402
from hypothesis import given, seed, settings  # noqa: E402


def run_parser(name: str, examples: int) -> tuple[int, float, str | None]:
    """Run one parser's property ``examples`` times: (examples run, seconds, failure)."""
    strategy, check = PARSERS[name]
    count = 0

    @seed(20261202)
    @settings(
        settings.get_profile(PROFILE), max_examples=examples, derandomize=False, print_blob=True
    )
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal count
        count += 1
        check(value)

    started = time.perf_counter()
    try:
        run()
    except Exception:  # the failure is the report, whatever it is
        return count, time.perf_counter() - started, traceback.format_exc(limit=-3)
    return count, time.perf_counter() - started, None


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    names = sys.argv[2:] or sorted(PARSERS)
    failed = 0
    print(f"{'parser':<14} {'examples':>9} {'seconds':>8}  result")
    for name in names:
        count, seconds, failure = run_parser(name, examples)
        print(f"{name:<14} {count:>9,} {seconds:>8.1f}  {'FAIL' if failure else 'ok'}", flush=True)
        if failure:
            failed += 1
            print(failure[-3000:], flush=True)
    print(f"{len(names) - failed} of {len(names)} parsers passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
