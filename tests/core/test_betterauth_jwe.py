"""Issue 17, items 1 and 8 for the ``jwe`` cookie-cache strategy, on REAL Better Auth
1.7.25 output (tests/data/betterauth/cache_jwe): opened with BETTER_AUTH_SECRET, the
cache shows how long it is still trusted (its remaining age), and is recognised as
Better Auth's even without its cookie name; another secret opens nothing."""

from __future__ import annotations

import datetime
from urllib.parse import unquote

import pytest
from testdata import ba_text

from jwtscope.core.analysis import analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.token.betterauth_jwe import open_session_cache
from jwtscope.core.token.parsing import decode, normalize

COOKIE = ba_text("cache_jwe", "session_data.txt").strip()  # better-auth.session_data=<JWE>
VALUE = unquote(COOKIE.partition("=")[2])
SECRET = ba_text("cache_jwe", "secret.txt").strip()
OTHER = ba_text("secret_changed", "other_secret.txt").strip()
#: The plugin JWT issued in the same sign-up: the cache was made within seconds of it.
ISSUED = (decode(normalize(ba_text("cache_jwe", "token.jwt")).token).payload or {})["iat"]
#: session.cookieCache.maxAge of the scenario (config.json), also the cookie's Max-Age.
MAX_AGE = 300


def env(secret: str) -> Environment:
    return Environment(sources=(EnvSource("./.env", (("BETTER_AUTH_SECRET", secret),)),))


def _epoch(iso: str) -> int:
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def test_the_fixture_is_a_dir_a256cbc_hs512_jwe() -> None:
    header = decode(normalize(COOKIE).token).header or {}
    assert (header["alg"], header["enc"]) == ("dir", "A256CBC-HS512")
    assert f"Max-Age={MAX_AGE}" in ba_text("cache_jwe", "set_cookie.txt")


def test_opened_with_the_secret_only() -> None:
    opened = open_session_cache(VALUE, [OTHER.encode(), SECRET.encode()])
    assert opened is not None
    claims, index = opened
    assert index == 1
    assert claims["exp"] - claims["iat"] == MAX_AGE
    assert abs(claims["iat"] - ISSUED) <= 5
    assert isinstance(claims["session"], dict) and isinstance(claims["user"], dict)
    assert open_session_cache(VALUE, [OTHER.encode()]) is None


@pytest.mark.parametrize("where", [3, 4])  # the ciphertext, the tag
def test_a_changed_byte_opens_nothing(where: int) -> None:
    parts = VALUE.split(".")
    part = parts[where]
    parts[where] = part[:5] + ("A" if part[5] != "A" else "B") + part[6:]
    assert open_session_cache(".".join(parts), [SECRET.encode()]) is None


def test_live_jwe_cache_says_how_long_it_lags() -> None:
    now = ISSUED + 60
    report = analyze(COOKIE, now=now, env=env(SECRET))
    found = report.finding("BA-CACHE-STALE")
    assert found is not None
    evidence = dict(found.evidence)
    assert evidence["max_age_s"] == str(MAX_AGE)
    left = int(evidence["remaining_s"])
    assert left == _epoch(evidence["expires"]) - now
    assert MAX_AGE - 60 - 5 <= left <= MAX_AGE - 60 + 5
    cache = report.finding("BA-SESSION-CACHE")
    assert cache is not None and "decrypts with BETTER_AUTH_SECRET" in cache.detail
    jwe = report.finding("TOKEN-JWE")
    assert jwe is not None and "Auth.js" not in jwe.fix and "BA-SESSION-CACHE" in jwe.fix


def test_the_value_alone_is_recognised_once_it_decrypts() -> None:
    """Without the cookie name, a dir/A256CBC-HS512 JWE is only a JWE — until Better
    Auth's key derivation opens it with the environment's secret."""
    found = analyze(VALUE, now=ISSUED + 60, env=env(SECRET)).finding("BA-SESSION-CACHE")
    assert found is not None and dict(found.evidence)["strategy"] == "jwe"
    other = analyze(VALUE, now=ISSUED + 60, env=env(OTHER))
    assert "BA-SESSION-CACHE" not in other.codes and "TOKEN-JWE" in other.codes


def test_another_secret_reads_no_age_and_an_expired_cache_none() -> None:
    wrong = analyze(COOKIE, now=ISSUED + 60, env=env(OTHER))
    assert "BA-SESSION-CACHE" in wrong.codes  # named by its cookie
    assert "BA-CACHE-STALE" not in wrong.codes  # its age cannot be read
    late = analyze(COOKIE, now=ISSUED + MAX_AGE + 10, env=env(SECRET))
    assert "BA-CACHE-STALE" not in late.codes and "BA-SESSION-CACHE" in late.codes
