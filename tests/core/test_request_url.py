"""URL masking for people and URL credentials on the wire (core.request.request_url)."""

from __future__ import annotations

import base64

import pytest

from jwtscope.core.request.replay_request import build_request
from jwtscope.core.request.request_url import mask_url, strip_userinfo, userinfo_basic

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://admin:pw@127.0.0.1:8000/p", "http://admin:***@127.0.0.1:8000/p"),
        ("https://ghp_secret@api.example/", "https://***@api.example/"),
        ("https://eyJa.eyJb.c:pw@h/", "https://***:***@h/"),
        (
            "http://h/p?access_token=" + JWT + "&page=2",
            "http://h/p?access_token=eyJhbGciOiJIUzI1NiJ9.***&page=2",
        ),
        ("http://h/p?token=opaque123", "http://h/p?token=***"),
        ("http://h/p?ID_TOKEN=x&jwt=y", "http://h/p?ID_TOKEN=***&jwt=***"),
        ("http://h/p?q=" + JWT, "http://h/p?q=eyJhbGciOiJIUzI1NiJ9.***"),
        ("http://h/verify/" + JWT, "http://h/verify/eyJhbGciOiJIUzI1NiJ9.***"),
        ("http://h/p?page=2#top", "http://h/p?page=2#top"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
    ],
)
def test_mask_url(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_userinfo_goes_to_basic_and_out_of_the_url() -> None:
    url = "http://ad%40min:p%3Aw@h:81/x?y=1"
    assert strip_userinfo(url) == "http://h:81/x?y=1"
    assert userinfo_basic(url) == "Basic " + base64.b64encode(b"ad@min:p:w").decode()
    assert userinfo_basic("http://h/x") is None and strip_userinfo("http://h/x") == "http://h/x"


def test_the_requests_own_authorization_wins_over_userinfo() -> None:
    alone = build_request("http://admin:pw@h/x")
    assert alone.wire_url == "http://h/x"
    assert ("Authorization", "Basic YWRtaW46cHc=") in alone.wire_headers()
    with_token = build_request("http://admin:pw@h/x", token=JWT)
    assert [v for k, v in with_token.wire_headers() if k == "Authorization"] == [f"Bearer {JWT}"]
    bare = with_token.without_auth()
    assert bare.url == "http://h/x" and not any(
        k == "Authorization" for k, _ in bare.wire_headers()
    )
    assert with_token.shown_url == "http://admin:***@h/x"
