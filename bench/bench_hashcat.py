"""Benchmark the built-in search against hashcat (mode 16500) on the same lists.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/bench_hashcat.py [--sizes 1000000,10000000]

For each size it writes a wordlist of random words (``bench_crack.make_words``), plants
the key on the LAST line, signs a realistic HS256 token and times, end to end and in
the same run:

(a) ``jwtscope.local.crack_search.crack_file`` — every core, streaming the file;
(b) ``jwtscope.local.hashcat_run.run_hashcat`` — hashcat ``-a 0`` on whatever devices
    it finds (process start, device set-up and the private temp dir included).

One hashcat run on a 2-word list comes first so that a kernel compile (minutes with
PoCL on the first run) is not timed. It prints both wall times and the ratio b/a
(above 1: the built-in search wins).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_crack import KEY, PAYLOAD, make_words

from jwtscope.core.keys.hmac_dictionary import HmacTarget
from jwtscope.local.crack_search import crack_file
from jwtscope.local.hashcat_command import HashcatAttack
from jwtscope.local.hashcat_run import find_hashcat, run_hashcat

__all__ = ["main"]


def devices(executable: str) -> str:
    """hashcat's devices as ``CPU pthread-… / GPU …`` (from ``hashcat -I``)."""
    info = subprocess.run([executable, "-I"], capture_output=True, text=True, check=False)
    names = re.findall(r"Type\.+:\s*(\w+).*?Name\.+:\s*([^\n]+)", info.stdout, re.DOTALL)
    return ", ".join(f"{kind} {name.strip()}" for kind, name in names) or "none found"


def timed(label: str, count: int, run: object) -> float:
    """Run ``run()`` once, check it found the key, print and return the wall time."""
    assert callable(run)
    started = time.perf_counter()
    found = run()
    elapsed = time.perf_counter() - started
    assert found == KEY.encode(), f"{label} did not find the key: {found!r}"
    print(f"  {label:<28} {elapsed:7.2f} s  {count / elapsed / 1e6:6.2f} M candidates/s")
    return elapsed


def main() -> int:
    """Warm hashcat up, then time both engines on each list size and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated word counts")
    args = parser.parse_args()
    executable = find_hashcat()
    if executable is None:
        print("hashcat is not installed (apt-get install hashcat pocl-opencl-icd)")
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns that the key is short: it is the point
        token = jwt.encode(PAYLOAD, KEY, algorithm="HS256")
    target = HmacTarget.from_token(token)
    version = subprocess.run([executable, "--version"], capture_output=True, text=True).stdout
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, hashcat {version.strip()}")
    print(f"hashcat devices: {devices(executable)}")

    with tempfile.TemporaryDirectory() as directory:
        warm = Path(directory) / "warm.txt"
        warm.write_text(f"x\n{KEY}\n")
        started = time.perf_counter()
        run_hashcat(token, HashcatAttack(wordlist=warm), executable=executable)
        print(
            f"hashcat warm-up (kernel build if not cached): {time.perf_counter() - started:.1f} s"
        )
        for size in (int(text) for text in args.sizes.split(",")):
            path = Path(directory) / f"words-{size}.txt"
            words = make_words(size - 1, random.Random(2024))
            path.write_text("\n".join([*words, KEY]) + "\n", encoding="utf-8")
            del words
            print(f"\n{size:,} candidates, the key last ({path.stat().st_size / 1e6:.0f} MB)")
            load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            print(f"  (load average before: {load}; other work skews both)")
            a = timed(
                "(a) built-in crack_file", size, lambda path=path: crack_file(target, path).key
            )
            b = timed(
                "(b) hashcat -m 16500 -a 0",
                size,
                lambda path=path: run_hashcat(token, HashcatAttack(wordlist=path)).key,
            )
            winner = "built-in" if b > a else "hashcat"
            print(f"  ratio b/a = {b / a:.2f}x  ({winner} faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
