"""The output boundary: tokens, credentials and known secrets never leave whole; control
characters never reach the terminal; JSON stays strict."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jwtscope.core.output_guard import OutputGuard, neutralise_controls

SIG = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
TOKEN = f"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.{SIG}"
SECRET = "correct+horse/battery-staple-42"
SESSION = "Hk3dP0qLm9ZxYw2Rt7UvBn4Cs6Ej8Ga1.MzdlZjA2NGQ3YjY0NjZmNTRmMmQ5ZDc0YzA5NA%3D%3D"
GUARD = OutputGuard((SECRET,))


@pytest.mark.parametrize(
    "text",
    [
        f'{{"detail": "Invalid token: Bearer {TOKEN}"}}',
        f"authorization: Bearer {TOKEN}",
        f"x={TOKEN}&y=1",
        f"({TOKEN})",
        f"'{TOKEN}'",
    ],
)
def test_a_jwt_keeps_header_and_payload_and_loses_its_signature(text):
    out = GUARD.text(text)
    assert SIG not in out
    assert "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.<signature removed>" in out


@pytest.mark.parametrize(
    "form",
    [
        SECRET,
        base64.b64encode(SECRET.encode()).decode(),
        base64.urlsafe_b64encode(SECRET.encode()).decode().rstrip("="),
        SECRET.encode().hex(),
        quote(SECRET, safe=""),
    ],
)
def test_a_known_secret_is_masked_in_every_simple_encoding(form):
    out = GUARD.text(f"server says: the key is {form}.")
    assert form.rstrip("=") not in out and "<secret, sha256 " in out


def test_short_secrets_are_not_masked_in_prose():
    assert OutputGuard(("secret",)).text("the secret is short") == "the secret is short"


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("GET http://admin:hunter2@127.0.0.1/x", "hunter2", "http://admin:***@127.0.0.1/x"),
        ("Authorization: Basic YWRtaW46aHVudGVyMg==", "YWRtaW46aHVudGVyMg", "Basic <redacted"),
        ("Cookie: sid=abc123xyz; theme=dark", "abc123xyz", "theme=<redacted"),
        (
            "Set-Cookie: sid=abc123xyz; Path=/; HttpOnly",
            "abc123xyz",
            "Path=/; HttpOnly",
        ),
        ('"authorization": "Token abcdef123456"', "abcdef123456", '"authorization": "Token <'),
        ("?api_key=AKIAEXAMPLE123&page=2", "AKIAEXAMPLE123", "?api_key=***&page=2"),
        (f"cookie value {SESSION}", "MzdlZjA2NGQ3YjY0NjZmNTRm", "<session token, sha256 "),
    ],
)
def test_credentials_in_headers_urls_and_cookies_are_masked(text, gone, kept):
    out = GUARD.text(text)
    assert gone not in out and kept in out


def test_a_jwt_in_a_query_keeps_only_its_header_as_urls_are_shown():
    out = GUARD.text(f"GET http://127.0.0.1:8000/todos?access_token={TOKEN}&page=2")
    assert out.endswith("/todos?access_token=eyJhbGciOiJIUzI1NiJ9.***&page=2")
    assert GUARD.text(out) == out  # a URL masked upstream is left as it is


def test_placeholders_and_prose_are_left_alone():
    for text in (
        "Authorization: Bearer null",
        "Authorization: <redacted>",
        "the Authorization header was not received",
        "SECRET-SHORT: shorter than 32 characters",
        "eyJ alone is not a token",
    ):
        assert GUARD.text(text) == text


@pytest.mark.parametrize(
    "hostile",
    ["\x1b]0;owned\x07", "\x1b[2J", "\x9b31m", "\x1b]52;c;ZXZpbA==\x07", "a\x00b", "\x7f"],
)
def test_control_sequences_never_reach_the_terminal(hostile):
    out = GUARD.text(f"aud: {hostile}")
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in out)
    assert "\\x" in out


def test_newlines_and_tabs_stay():
    assert neutralise_controls("a\n\tb") == "a\n\tb"


def test_json_data_is_strict_and_encodable():
    data = GUARD.data(
        {"exp": float("inf"), "nbf": float("-inf"), "iat": float("nan"), "name": "\ud800x"}
    )
    text = json.dumps(data, allow_nan=False, ensure_ascii=False)
    text.encode("utf-8")  # no lone surrogate left
    assert data["exp"] == "Infinity" and data["nbf"] == "-Infinity" and data["iat"] == "NaN"
    assert data["name"] == "\\ud800x"


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.text(max_size=60),
    suffix=st.text(max_size=60),
    glue=st.sampled_from([" ", "=", ":", '"', "'", "(", ",", "\n", "Bearer ", "token="]),
)
def test_planted_canaries_never_survive_any_surrounding_text(prefix, suffix, glue):
    for canary, gone in ((TOKEN, SIG), (SECRET, SECRET)):
        out = GUARD.text(prefix + glue + canary + " " + suffix)
        assert gone not in out


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_comes_out_printable_and_encodable(text):
    out = GUARD.text(text)
    out.encode("utf-8")
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in out)
