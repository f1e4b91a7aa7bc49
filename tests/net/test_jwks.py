"""fetch_jwks against a real loopback server: success, discovery and every failure."""

from __future__ import annotations

import time
from typing import Any

import httpx
import jwt
import pytest
from servers.harness import free_port_refused
from servers.jwks_server import HUGE_BYTES, OTHER_ORIGIN_JWKS_URI

from jwtscope.errors import NetworkError
from jwtscope.net.jwks_fetch import FetchedJwks, fetch_jwks


def _fails(url: str, **kwargs: Any) -> NetworkError:
    """Call fetch_jwks, expecting a NetworkError with a one-line message and a fix."""
    with pytest.raises(NetworkError) as info:
        fetch_jwks(url, **kwargs)
    error = info.value
    assert error.fix.strip()
    assert "\n" not in error.message
    assert "\n" not in error.fix
    return error


# --- success ---------------------------------------------------------------------------


def test_fetches_the_jwks(jwks_server: str, betterauth_jwks: dict[str, Any]) -> None:
    url = f"{jwks_server}/api/auth/jwks"
    assert fetch_jwks(url) == FetchedJwks(url=url, document=betterauth_jwks, via_discovery=None)


def test_follows_discovery_to_jwks_uri(jwks_server: str, betterauth_jwks: dict[str, Any]) -> None:
    discovery = f"{jwks_server}/.well-known/openid-configuration"
    fetched = fetch_jwks(discovery)
    assert fetched.document == betterauth_jwks
    assert fetched.url == f"{jwks_server}/api/auth/jwks"
    assert fetched.via_discovery == discovery


def test_wraps_a_single_jwk(jwks_server: str, betterauth_jwks: dict[str, Any]) -> None:
    fetched = fetch_jwks(f"{jwks_server}/single-jwk")
    assert fetched.document == {"keys": [betterauth_jwks["keys"][0]]}


def test_fetched_jwks_verifies_the_better_auth_token(
    jwks_server: str, betterauth_token: str
) -> None:
    keys = jwt.PyJWKSet.from_dict(fetch_jwks(f"{jwks_server}/api/auth/jwks").document)
    kid = jwt.get_unverified_header(betterauth_token)["kid"]
    claims = jwt.decode(
        betterauth_token,
        key=keys[kid],
        algorithms=["EdDSA"],
        audience="http://localhost:3000",
        options={"verify_exp": False},
    )
    assert claims["iss"] == "http://localhost:3000"
    assert isinstance(claims["sub"], str)


# --- discovery refused -----------------------------------------------------------------


def test_refuses_jwks_uri_on_another_origin(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/discovery-other-origin")
    assert "another origin" in error.message
    assert OTHER_ORIGIN_JWKS_URI in error.message
    assert f"--jwks {OTHER_ORIGIN_JWKS_URI}" in error.fix


def test_follows_discovery_only_once(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/discovery-loop")
    assert "only once" in error.message
    assert "--jwks" in error.fix


# --- wrong answers ---------------------------------------------------------------------


def test_html_page(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/html")
    assert error.message == (
        f"{jwks_server}/html returned HTML, not a JWKS (is this the login page?)"
    )


def test_redirect_is_reported_not_followed(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/redirect")
    assert "redirected (HTTP 302)" in error.message
    assert f"to {jwks_server}/api/auth/jwks" in error.message
    assert "pass the final URL with --jwks" in error.fix


def test_not_found(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/notfound")
    assert "HTTP 404" in error.message
    assert "/api/auth/jwks" in error.fix


@pytest.mark.parametrize("path", ["/huge", "/huge-stream"])
def test_huge_body_is_capped(jwks_server: str, path: str) -> None:
    error = _fails(f"{jwks_server}{path}")
    assert "JWKS response larger than 1000000 bytes" in error.message


def test_body_under_a_raised_cap_is_read(jwks_server: str) -> None:
    fetched = fetch_jwks(f"{jwks_server}/huge", max_bytes=HUGE_BYTES * 2)
    assert fetched.document["keys"] == []
    assert len(fetched.document["padding"]) == HUGE_BYTES


def test_json_without_keys(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/not-jwks")
    assert "is not a JWKS" in error.message
    assert "'keys'" in error.message
    assert "'hello'" in error.message


def test_invalid_json(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/bad-json")
    assert "did not return valid JSON" in error.message
    assert "line 1 column 2" in error.message


def test_binary_body(jwks_server: str) -> None:
    error = _fails(f"{jwks_server}/binary")
    assert "not UTF-8" in error.message
    assert "0xff" in error.message


# --- transport failures ----------------------------------------------------------------


def test_no_answer_times_out(jwks_server: str) -> None:
    started = time.monotonic()
    error = _fails(f"{jwks_server}/slow", timeout=0.3)
    assert time.monotonic() - started < 2.0
    assert error.message == f"No answer from {jwks_server}/slow within 0.3 s"


def test_connection_refused() -> None:
    base = free_port_refused()
    error = _fails(f"{base}/api/auth/jwks")
    assert "Connection refused" in error.message
    assert base.removeprefix("http://") in error.message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://example.com/jwks.json", "(got scheme 'ftp')"),
        ("file:///etc/jwks.json", "(got scheme 'file')"),
        ("jwks.json", "(got no scheme)"),
        ("", "(got no scheme)"),
    ],
)
def test_only_http_urls(url: str, expected: str) -> None:
    error = _fails(url)
    assert error.message.startswith("The JWKS URL must start with http:// or https://")
    assert expected in error.message


def test_a_pasted_token_is_not_echoed(betterauth_token: str) -> None:
    error = _fails(betterauth_token)
    signature = betterauth_token.rsplit(".", 1)[1]
    assert signature not in error.message
    assert betterauth_token.split(".")[1][:20] not in error.message


def test_credentials_in_the_url_are_not_echoed(jwks_server: str) -> None:
    url = jwks_server.replace("http://", "http://admin:s3cr3t@") + "/notfound?token=abc123"
    error = _fails(url)
    assert "HTTP 404" in error.message
    assert "s3cr3t" not in error.message
    assert "abc123" not in error.message
    assert "/notfound?…" in error.message


# --- faults a loopback server cannot produce (httpx.MockTransport) ---------------------


def _raising(exc: Exception) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (
            httpx.ConnectError(
                "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:"
                " self-signed certificate (_ssl.c:1000)"
            ),
            "TLS/certificate error connecting to auth.example.com:443",
        ),
        (
            httpx.ConnectError("[Errno -2] Name or service not known"),
            "Cannot resolve the host name 'auth.example.com'",
        ),
        (httpx.ConnectTimeout("timed out"), "Timed out after 5 s connecting to"),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "broke off the HTTP exchange",
        ),
    ],
    ids=["tls", "dns", "connect-timeout", "protocol"],
)
def test_transport_faults(exc: Exception, expected: str) -> None:
    error = _fails("https://auth.example.com/api/auth/jwks", transport=_raising(exc))
    assert expected in error.message
    assert error.__cause__ is exc


def test_tls_error_fix_mentions_certificates() -> None:
    exc = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    error = _fails("https://auth.example.com/jwks", transport=_raising(exc))
    assert "certificate" in error.fix


def test_request_asks_for_json_without_following_redirects(
    betterauth_jwks: dict[str, Any],
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=betterauth_jwks)

    fetch_jwks("https://auth.example.com/api/auth/jwks", transport=httpx.MockTransport(handler))
    assert [request.method for request in seen] == ["GET"]
    assert seen[0].headers["accept"] == "application/json"
