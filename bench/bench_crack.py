"""Benchmark the HMAC key search: naive loop vs ``dictionary.search`` vs ``crack_file``.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/bench_crack.py [--words 1000000] [--repeat 1]

It writes a wordlist of random words (6–16 characters) to a temporary directory, plants
the real key on the LAST line, signs a realistic HS256 token with PyJWT and measures,
in the same run:

(a) naive — one process; per candidate ``hmac.new(key, signing_input, sha256)``,
    base64url-encode the digest and compare it with the token's signature text;
(b) ``jwtscope.core.keys.hmac_dictionary.search`` — one process;
(c) ``jwtscope.local.crack_search.crack_file`` — every core, streaming the file.

(a) and (b) run over a list already in memory; (c) is timed end to end (process
start-up and file reading included), so its ratio is a conservative one.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import random
import string
import sys
import tempfile
import time
import warnings
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jwtscope.core.keys.hmac_dictionary import HmacTarget, search
from jwtscope.local.crack_search import crack_file

__all__ = ["main"]

KEY = "Summer2024!corp"  # what real leaked HS256 secrets look like; 15 characters

PAYLOAD = {
    "iss": "https://auth.example.com/",
    "sub": "auth0|64f1c2e9a7b3d4c8e9f2a1b2",
    "aud": ["https://api.example.com", "https://example.eu.auth0.com/userinfo"],
    "iat": 1_732_000_000,
    "exp": 1_732_086_400,
    "scope": "openid profile email read:orders write:orders",
    "email": "jane.doe@example.com",
    "name": "Jane Doe",
    "roles": ["admin", "billing"],
}


def make_words(count: int, rng: random.Random) -> list[str]:
    """Random lowercase words with the odd capital, digit suffix or symbol, 6–16 chars."""
    lower = string.ascii_lowercase
    words = []
    for _ in range(count):
        length = rng.randint(6, 16)
        word = "".join(rng.choices(lower, k=length))
        style = rng.random()
        if style < 0.25:
            word = word.capitalize()
        elif style < 0.45:
            tail = str(rng.randint(0, 9999))
            word = word[: max(6, length - len(tail))] + tail
        elif style < 0.5:
            word = word[:-1] + rng.choice("!@#$.")
        words.append(word)
    return words


def naive(candidates: list[bytes], signing_input: bytes, signature_b64: str) -> bytes | None:
    """What a first attempt looks like: HMAC object, base64url text, string compare."""
    for key in candidates:
        digest = hmac.new(key, signing_input, hashlib.sha256).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii") == signature_b64:
            return key
    return None


def timed(label: str, count: int, run: object) -> float:
    """Run ``run()`` once, check it found the key, print and return candidates/s."""
    assert callable(run)
    started = time.perf_counter()
    found = run()
    elapsed = time.perf_counter() - started
    assert found == KEY.encode(), f"{label} did not find the key: {found!r}"
    rate = count / elapsed
    print(f"  {label:<34} {elapsed:7.3f} s  {rate / 1e3:9.0f}k candidates/s")
    return rate


def main() -> int:
    """Generate the list, run the three measurements and print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of (a), (b), (c)")
    args = parser.parse_args()

    rng = random.Random(2024)
    words = make_words(args.words - 1, rng)
    words.append(KEY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns that the key is short: it is the point
        token = jwt.encode(PAYLOAD, KEY, algorithm="HS256")
    header_b64, payload_b64, signature_b64 = token.split(".")
    signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
    target = HmacTarget.from_token(token)
    candidates = [word.encode() for word in words]

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"token {len(token)} chars, signing input {len(signing_input)} bytes")
    print(f"{len(candidates):,} candidates, the key last")

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "wordlist.txt"
        path.write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"wordlist {path.stat().st_size / 1e6:.1f} MB\n")
        count = len(candidates)
        for round_number in range(1, args.repeat + 1):
            load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            print(f"round {round_number} (load average before: {load}; other work skews (c))")
            a = timed(
                "(a) naive hmac.new + base64",
                count,
                lambda: naive(candidates, signing_input, signature_b64),
            )
            b = timed("(b) dictionary.search", count, lambda: search(target, candidates))
            c = timed(
                f"(c) crack_file, {os.cpu_count()} workers",
                count,
                lambda: crack_file(target, path).key,
            )
            print(f"  ratios: b/a = {b / a:.2f}x   c/a = {c / a:.2f}x\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
