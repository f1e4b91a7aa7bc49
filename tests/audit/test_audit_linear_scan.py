"""The leaked-token scan and the line redactor stay linear on hostile lines.

``JWT_IN_TEXT`` backtracks quadratically on a line of repeated ``eyJ`` (a 240 KB line
took 12.8 s); :func:`find_jwts` finds the same matches from maximal runs of token
characters, and secret names are searched only around their keywords. Timing lives in
``bench/bench_leaks.py``; here: the same matches as the regular expression, and 2 MB
hostile lines that complete.
"""

from __future__ import annotations

import random

from jwtscope.audit.leaks import LeakScanner
from jwtscope.audit.redact import JWT_IN_TEXT, find_jwts, redact_line

HEADER = "eyJhbGciOiJIUzI1NiJ9"
PAYLOAD = "eyJzdWIiOiIxMjM0NTY3ODkwIn0"
TOKEN = f"{HEADER}.{PAYLOAD}.c2lnbmF0dXJlc2lnbmF0dXJl"


def test_find_jwts_matches_the_regular_expression():
    pieces = ["eyJ", HEADER, PAYLOAD, ".", " ", "a", "-", "_", "abcdefgh", "x=", TOKEN]
    rnd = random.Random(7)
    for _ in range(5_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24)))
        assert find_jwts(text) == [m.span() for m in JWT_IN_TEXT.finditer(text)], text


def test_near_misses_are_not_tokens():
    assert find_jwts(f"{HEADER}.{PAYLOAD}") == []  # two segments only
    assert find_jwts(f"eyJshort.{PAYLOAD}.sig") == []  # header too short
    assert find_jwts(f"{HEADER}.xyz{PAYLOAD}.sig") == []  # payload must start with eyJ
    assert find_jwts(f"Bearer {TOKEN}.") == [(7, 7 + len(TOKEN))]
    assert find_jwts(f"x{TOKEN}") == [(1, 1 + len(TOKEN))]  # inside a word, as the regex


def test_two_megabyte_hostile_lines_complete():
    hostile = [
        "eyJ" * 700_000,
        "eyJaaaaaaaaaa." * 150_000,
        "a." * 1_000_000 + "secret",
        "token=" * 300_000,
        ("x" * 1_000_000) + TOKEN + ("y" * 1_000_000),
    ]
    for line in hostile:
        scanner = LeakScanner()
        scanner.scan("big.log", [line], secrets=True)
        assert len(scanner.findings) <= 1
    assert TOKEN not in redact_line(hostile[-1])
    assert redact_line(hostile[0]) == hostile[0]


def test_a_token_in_a_long_line_is_still_found_and_redacted():
    scanner = LeakScanner()
    scanner.scan("app.log", ["z" * 200_000 + f" Authorization: Bearer {TOKEN}"], secrets=True)
    assert [f.code for f in scanner.findings] == ["AUDIT-LEAKED-JWT"]
    assert TOKEN not in scanner.findings[0].source_line
