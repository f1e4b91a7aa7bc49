"""Tests for the pure HMAC key search: target parsing, the matcher and ``search``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jwtscope.core.keys.hmac_dictionary import HMAC_ALGORITHMS, HmacTarget, make_matcher, search

HASH_NAMES = {"HS256": "sha256", "HS384": "sha384", "HS512": "sha512"}
PAYLOAD = {"sub": "user-42", "aud": "api.example.com", "iat": 1_700_000_000, "roles": ["admin"]}


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def sign(key: bytes, alg: str = "HS256", header: object = None) -> str:
    """An HMAC-signed JWS built by hand (PyJWT refuses some keys these tests need)."""
    head = b64url(json.dumps(header if header is not None else {"alg": alg}).encode())
    body = b64url(json.dumps(PAYLOAD).encode())
    signing_input = f"{head}.{body}".encode("ascii")
    return f"{head}.{body}.{b64url(hmac.digest(key, signing_input, HASH_NAMES[alg]))}"


HS256_HEADER = b64url(b'{"alg":"HS256"}')
RS256_HEADER = b64url(b'{"alg":"RS256"}')
NONE_HEADER = b64url(b'{"alg":"none"}')

KEYS = [
    pytest.param(b"", id="empty"),
    pytest.param(b"k", id="1-byte"),
    pytest.param(b"secret" * 10 + b"abc", id="63-bytes"),
    pytest.param(b"s" * 64, id="64-bytes"),
    pytest.param(b"s" * 65, id="65-bytes"),
    pytest.param(b"t" * 127, id="127-bytes"),
    pytest.param(b"t" * 128, id="128-bytes"),
    pytest.param(b"t" * 129, id="129-bytes"),
    pytest.param(bytes(range(200)), id="200-bytes"),
    pytest.param("pässwörd-秘密-🔑".encode(), id="utf-8"),
    pytest.param(b"\x00\xff\x80binary", id="binary"),
]


@pytest.mark.parametrize("alg", HMAC_ALGORITHMS)
@pytest.mark.parametrize("key", KEYS)
def test_matcher_accepts_the_key_and_rejects_a_near_miss(alg: str, key: bytes) -> None:
    matches = make_matcher(HmacTarget.from_token(sign(key, alg)))
    assert matches(key)
    assert not matches(key + b"!")
    assert not matches(key[:-1] + b"?")


@pytest.mark.parametrize("alg", HMAC_ALGORITHMS)
def test_from_token_reads_a_pyjwt_token(alg: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns about short HMAC keys
        token = jwt.encode(PAYLOAD, "hunter2", algorithm=alg)
    header, payload, signature = token.split(".")

    target = HmacTarget.from_token(f"  {token}\n")

    assert target.alg == alg
    assert target.signing_input == f"{header}.{payload}".encode("ascii")
    assert target.signature == base64.urlsafe_b64decode(signature + "==")
    assert search(target, [b"admin", b"password", b"hunter2", b"letmein"]) == b"hunter2"


@pytest.mark.parametrize("alg", HMAC_ALGORITHMS)
def test_search_returns_none_when_the_key_is_absent(alg: str) -> None:
    target = HmacTarget.from_token(sign(b"not in the list", alg))
    assert search(target, [b"a", b"b", b"not in the lis", b"not in the list "]) is None
    assert search(target, []) is None


def test_search_stops_at_the_first_match() -> None:
    consumed: list[bytes] = []

    def candidates() -> Iterator[bytes]:
        for word in (b"one", b"two", b"key", b"three", b"four"):
            consumed.append(word)
            yield word

    assert search(HmacTarget.from_token(sign(b"key")), candidates()) == b"key"
    assert consumed == [b"one", b"two", b"key"]


def test_keys_equivalent_under_hmac_also_match() -> None:
    # RFC 2104 zero-pads short keys and hashes long ones: these verify the same tokens.
    long_key = b"L" * 100
    assert make_matcher(HmacTarget.from_token(sign(b"key")))(b"key\x00\x00")
    assert make_matcher(HmacTarget.from_token(sign(long_key)))(hashlib.sha256(long_key).digest())


@pytest.mark.parametrize(
    ("token", "message"),
    [
        pytest.param("", "3 dot-separated parts", id="empty"),
        pytest.param("abc.def", "this one has 2", id="two-parts"),
        pytest.param("a.b.c.d.e", "this one has 5", id="five-parts-jwe"),
        pytest.param("!!!.e30.AAAA", "header is not base64url", id="header-not-base64"),
        pytest.param(f"{b64url(b'not json')}.e30.AAAA", "header is not base64url", id="not-json"),
        pytest.param(f"{b64url(b'[1]')}.e30.AAAA", "not a JSON object", id="header-list"),
        pytest.param(f"{b64url(b'{}')}.e30.AAAA", "alg None", id="no-alg"),
        pytest.param(f"{RS256_HEADER}.e30.AAAA", "'RS256' is not an HMAC", id="rs256"),
        pytest.param(f"{NONE_HEADER}.e30.", "'none' is not", id="alg-none"),
        pytest.param(f"{HS256_HEADER}.e30.ab!c", "signature is not valid", id="bad-sig"),
        pytest.param(f"{HS256_HEADER}.e30.ab+/", "signature is not valid", id="std-b64"),
        pytest.param(
            f"{HS256_HEADER}.e30.{b64url(bytes(48))}",
            "48 bytes but HS256 signatures are 32",
            id="sig-length",
        ),
        pytest.param(f"{HS256_HEADER}.e30.", "0 bytes but HS256", id="empty-sig"),
        pytest.param("eyJhbGciOiJIUzI1NiJ9.é.AAAA", "non-ASCII", id="non-ascii"),
    ],
)
def test_from_token_rejects(token: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HmacTarget.from_token(token)


def test_target_rejects_a_non_hmac_alg() -> None:
    with pytest.raises(ValueError, match="not an HMAC algorithm"):
        HmacTarget(signing_input=b"a.b", signature=bytes(32), alg="RS256")


KEY_STRATEGY = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=80).map(lambda text: text.encode("utf-8")),
)


@given(
    alg=st.sampled_from(HMAC_ALGORITHMS),
    key=KEY_STRATEGY,
    others=st.lists(KEY_STRATEGY, max_size=30),
    data=st.data(),
)
def test_search_finds_a_key_planted_anywhere(
    alg: str, key: bytes, others: list[bytes], data: st.DataObject
) -> None:
    position = data.draw(st.integers(min_value=0, max_value=len(others)), label="position")
    candidates = [*others[:position], key, *others[position:]]
    target = HmacTarget.from_token(sign(key, alg))

    found = search(target, candidates)

    # The first candidate that verifies: the key itself, or an earlier HMAC-equivalent one
    # (b"" and b"\x00" sign alike, see test_keys_equivalent_under_hmac_also_match).
    assert found is not None
    assert candidates.index(found) <= position
    assert hmac.digest(found, target.signing_input, HASH_NAMES[alg]) == target.signature


@given(alg=st.sampled_from(HMAC_ALGORITHMS), key=KEY_STRATEGY, candidate=KEY_STRATEGY)
def test_matcher_agrees_with_hmac_digest(alg: str, key: bytes, candidate: bytes) -> None:
    target = HmacTarget.from_token(sign(key, alg))
    expected = hmac.digest(candidate, target.signing_input, HASH_NAMES[alg]) == target.signature
    assert make_matcher(target)(candidate) is expected
    assert make_matcher(target)(key)


def test_dictionary_module_stays_pure() -> None:
    code = (
        "import sys, jwtscope.core.keys.hmac_dictionary\n"
        "bad = {'textual', 'httpx', 'rich', 'multiprocessing', 'jwtscope.local.crack_search'}\n"
        "print(sorted(bad & set(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
