"""Start-up of `jwtscope inspect TOKEN` vs `python -c "import jwt"`, measured in one run.

Goal (issue: engine): at most 2x. Runs alternate so that machine noise hits both sides;
the median of each side is compared. Usage: python3 bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = (ROOT / "tests" / "data" / "betterauth" / "eddsa" / "alice.jwt").read_text().strip()
JWKS = ROOT / "tests" / "data" / "betterauth" / "eddsa" / "jwks.json"


def timed(cmd: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    script = shutil.which("jwtscope")
    inspect = [script] if script else [sys.executable, "-m", "jwtscope"]
    inspect += ["inspect", TOKEN, "--jwks", str(JWKS), "--at", "1795563230"]
    baseline = [sys.executable, "-c", "import jwt"]
    env_note = "console script" if script else "python -m jwtscope"
    with tempfile.TemporaryDirectory() as cwd:
        os.environ.pop("PYTHONPROFILEIMPORTTIME", None)
        timed(baseline, cwd), timed(inspect, cwd)  # warm the file cache
        base, ours = [], []
        for _ in range(runs):
            base.append(timed(baseline, cwd))
            ours.append(timed(inspect, cwd))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"runs: {runs} each, alternating; jwtscope via {env_note}")
    print(f"python -c 'import jwt'   median {b * 1000:7.1f} ms")
    print(f"jwtscope inspect TOKEN   median {o * 1000:7.1f} ms")
    print(f"ratio inspect / import jwt: {o / b:.2f}x (goal <= 2.0x)")


if __name__ == "__main__":
    main()
