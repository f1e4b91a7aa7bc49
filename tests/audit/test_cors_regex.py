"""``allow_origin_regex`` is judged by trying it (as Starlette does, full match) on
origins someone else can own."""

from __future__ import annotations

import pytest

from jwtscope.audit.python.cors_config import regex_hole


@pytest.mark.parametrize(
    ("pattern", "admitted"),
    [
        (r"https://app.example\.com", "https://appxexample.com"),
        (r"https://.*example\.com", "https://evilexample.com"),
        (r"https://example\.com.*", "https://example.com.evil.example"),
        (r"https://[a-z0-9-]+\.vercel\.app", "https://evil.vercel.app"),
        (r".*", "https://evil.example"),
        (r"https?://.*", "https://evil.example"),
    ],
)
def test_a_loose_pattern_admits_an_origin_others_can_own(pattern: str, admitted: str) -> None:
    assert regex_hole(pattern) == admitted


@pytest.mark.parametrize(
    "pattern",
    [
        r"https://(app|admin)\.example\.com",
        r"https://[a-z0-9-]+\.example\.com",  # the project's own subdomains
        r"http://localhost:\d+",
        r"(unclosed",  # does not compile: not judged
    ],
)
def test_a_tight_or_broken_pattern_is_not_reported(pattern: str) -> None:
    assert regex_hole(pattern) is None
