"""Tests for the built-in list of default and common secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections import Counter

import pytest

from jwtscope.core.keys import common_secrets
from jwtscope.core.keys.common_secrets import (
    COMMON_SECRET_SET,
    COMMON_SECRETS,
    candidates,
    is_common,
)

REQUIRED = (
    # Better Auth development default.
    "better-auth-secret-12345678901234567890",
    # jwt.io samples.
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "a-string-secret-at-least-256-bits-long",
    # Placeholders.
    "changeme",
    "change-me",
    "secret",
    "secretkey",
    "secret-key",
    "mysecret",
    "my-secret",
    "supersecret",
    "super-secret",
    "your-secret-key",
    "your_jwt_secret",
    "jwt_secret",
    "jwt-secret",
    "password",
    "test",
    "dev",
    "development",
    "CHANGE_ME",
    "replace-me",
    "TODO",
    "xxx",
    # Docs and framework defaults.
    "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7",
    "shhhhh",
    "keyboard cat",
    "super-secret-jwt-token-with-at-least-32-characters-long",
    r'_5#y2L"F4Q8z\n\xec]/',
)

# Entries whose surrounding whitespace or control characters are part of the value.
INTENDED_UNUSUAL: frozenset[str] = frozenset()

# The jwt.io debugger's canonical HS256 token, signed with "your-256-bit-secret".
JWT_IO_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def _b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def test_public_names() -> None:
    assert set(common_secrets.__all__) == {
        "COMMON_SECRETS",
        "COMMON_SECRET_SET",
        "candidates",
        "is_common",
    }


@pytest.mark.parametrize("secret", REQUIRED)
def test_required_entries_present(secret: str) -> None:
    assert secret in COMMON_SECRETS
    assert secret in COMMON_SECRET_SET


def test_is_a_tuple_of_str() -> None:
    assert isinstance(COMMON_SECRETS, tuple)
    assert all(isinstance(s, str) for s in COMMON_SECRETS)


def test_a_few_hundred_entries() -> None:
    assert 200 <= len(COMMON_SECRETS) <= 2000


def test_no_duplicates() -> None:
    dupes = [s for s, n in Counter(COMMON_SECRETS).items() if n > 1]
    assert dupes == []


def test_no_empty_entries() -> None:
    assert all(s for s in COMMON_SECRETS)


def test_no_surrounding_whitespace_unless_intended() -> None:
    bad = [s for s in COMMON_SECRETS if s != s.strip() and s not in INTENDED_UNUSUAL]
    assert bad == []


def test_set_matches_tuple() -> None:
    assert frozenset(COMMON_SECRETS) == COMMON_SECRET_SET
    assert isinstance(COMMON_SECRET_SET, frozenset)


def test_flask_bytes_key_in_both_forms() -> None:
    # The evaluated Python value (real newline, U+00EC) and the pasted source text.
    assert '_5#y2L"F4Q8z\n\xec]/' in COMMON_SECRET_SET
    assert '_5#y2L"F4Q8z\\n\\xec]/' in COMMON_SECRET_SET


@pytest.mark.parametrize("secret", REQUIRED)
def test_is_common_exact(secret: str) -> None:
    assert is_common(secret)


@pytest.mark.parametrize(
    "secret",
    [
        "  changeme  ",
        '"changeme"',
        "'your-256-bit-secret'",
        "`keyboard cat`",
        ' "better-auth-secret-12345678901234567890" ',
        "changeme\n",
        "\tsecret\r\n",
    ],
)
def test_is_common_strips_quotes_and_whitespace(secret: str) -> None:
    assert is_common(secret)


@pytest.mark.parametrize(
    "secret",
    ["ChangeMe", "CHANGEME", "Secret", "SuperSecret", "KEYBOARD CAT", '"JWT_Secret"'],
)
def test_is_common_case_insensitive_for_plain_words(secret: str) -> None:
    assert is_common(secret)


def test_is_common_case_sensitive_for_non_plain_entries() -> None:
    flask_key = "A0Zr98j/3yX R~XHH!jmN]LWX/,?RT"
    assert is_common(flask_key)
    assert not is_common(flask_key.lower())
    assert not is_common(flask_key.upper())


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "   ",
        '""',
        "'",
        "k3J9wq7Rz2Lx0Vt8Nf4Ye6Pb1Hc5Ud9S",
        "changeme-but-actually-random-4f9a1c",
        "your-256-bit-secre",
        "\"changeme'",
    ],
)
def test_is_common_rejects_others(secret: str) -> None:
    assert not is_common(secret)


def test_candidates_yields_bytes() -> None:
    values = list(candidates())
    assert values
    assert all(isinstance(v, bytes) and v for v in values)


def test_candidates_no_repeats() -> None:
    values = list(candidates())
    assert len(values) == len(set(values))


def test_candidates_start_with_the_list_in_order() -> None:
    values = list(candidates())
    expected = list(dict.fromkeys(s.encode("utf-8") for s in COMMON_SECRETS))
    assert values[: len(expected)] == expected


def test_candidates_include_better_auth_default() -> None:
    values = list(candidates())
    assert b"better-auth-secret-12345678901234567890" in values
    assert values.index(b"better-auth-secret-12345678901234567890") == 0


def test_candidates_include_variants() -> None:
    values = set(candidates())
    # Trailing newline from a secret file.
    assert b"changeme\n" in values
    # Flask docs' bytes literal, as raw bytes.
    assert b'_5#y2L"F4Q8z\n\xec]/' in values
    # Spring tutorials' hex string passed through Decoders.BASE64, and hex-decoded.
    spring = "404E635266556A586E3272357538782F413F4428472B4B6250645367566B5970"
    assert base64.b64decode(spring) in values
    assert bytes.fromhex(spring) in values


def test_candidates_recompute_each_call() -> None:
    assert list(candidates()) == list(candidates())


def test_candidates_crack_the_jwt_io_sample() -> None:
    header, payload, signature = JWT_IO_TOKEN.split(".")
    signing_input = f"{header}.{payload}".encode("ascii")
    want = _b64url_decode(signature)
    found = [
        key
        for key in candidates()
        if hmac.compare_digest(hmac.new(key, signing_input, hashlib.sha256).digest(), want)
    ]
    assert found == [b"your-256-bit-secret"]
