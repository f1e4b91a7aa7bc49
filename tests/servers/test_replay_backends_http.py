"""What the HTTP-plumbing replay backends answer: redirects, CORS, the old 403, a 500.

Same conventions as ``test_replay_backends.py``: real uvicorn, fixed clock ``BA_IAT + 60``,
plain httpx, exact assertions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest
from servers.replay_backends import ALICE_SUB
from servers.replay_backends_http import (
    auth_path_500,
    cors_no_authorization,
    cors_ok,
    legacy_403,
    redirect_other_origin,
    redirect_todos,
)
from servers.replay_clock import FixedClock, http_date, serve_backend
from testdata import BA_IAT

NOW = BA_IAT + 60
SECRET = "jwtscope-replay-test-secret-0123456789abcdef"
FRONTEND = "http://localhost:3000"
ALICE_TODOS = [{"id": 1, "owner": ALICE_SUB, "title": "Buy oat milk", "done": False}]
NOT_AUTHENTICATED = {"detail": "Not authenticated"}


def auth(*, iat: int = BA_IAT) -> dict[str, str]:
    """``Authorization: Bearer <HS256 token for Alice, issued at iat, 15 minutes>``."""
    token = jwt.encode({"sub": ALICE_SUB, "iat": iat, "exp": iat + 900}, SECRET)
    return {"Authorization": f"Bearer {token}"}


def answer(response: httpx.Response) -> tuple[int, Any, str | None]:
    return response.status_code, response.json(), response.headers.get("www-authenticate")


@pytest.fixture(scope="module")
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    # No keep-alive: see test_replay_backends.py (uvicorn closes the connection after a 500).
    no_keepalive = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(trust_env=False, timeout=5.0, limits=no_keepalive) as client:
        yield client


# --- 8. redirects ---------------------------------------------------------------------


class TestRedirectTodos:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(redirect_todos(SECRET, clock)) as base_url:
            yield base_url

    @pytest.mark.parametrize("authorized", [True, False], ids=["token", "no-header"])
    def test_307_before_auth(self, url: str, client: httpx.Client, authorized: bool) -> None:
        response = client.get(f"{url}/todos", headers=auth() if authorized else {})
        assert response.status_code == 307
        assert response.headers["location"] == f"{url}/todos/"  # absolute, same origin
        assert response.content == b""
        assert "www-authenticate" not in response.headers
        assert response.headers["date"] == http_date(NOW)

    def test_query_and_method_are_kept(self, url: str, client: httpx.Client) -> None:
        listed = client.get(f"{url}/todos?done=false", headers=auth())
        created = client.post(f"{url}/todos", json={"title": "x"}, headers=auth())
        assert listed.headers["location"] == f"{url}/todos/?done=false"
        assert (created.status_code, created.headers["location"]) == (307, f"{url}/todos/")

    def test_following_keeps_authorization(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(), follow_redirects=True)
        assert [r.status_code for r in response.history] == [307]
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)

    def test_slash_form_is_the_real_route(self, url: str, client: httpx.Client) -> None:
        assert client.get(f"{url}/todos/", headers=auth()).json() == ALICE_TODOS
        assert answer(client.get(f"{url}/todos/")) == (401, NOT_AUTHENTICATED, "Bearer")
        assert client.get(f"{url}/todos/1", headers=auth()).status_code == 200


class TestRedirectOtherOrigin:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(redirect_other_origin(SECRET, clock)) as base_url:
            yield base_url

    def test_307_to_localhost(self, url: str, client: httpx.Client) -> None:
        port = httpx.URL(url).port
        response = client.get(f"{url}/todos?done=false", headers=auth())
        assert response.status_code == 307
        assert response.headers["location"] == f"http://localhost:{port}/todos?done=false"
        assert response.content == b""
        assert response.headers["date"] == http_date(NOW)

    def test_following_drops_authorization(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(), follow_redirects=True)
        assert [r.status_code for r in response.history] == [307]
        assert response.request.url.host == "localhost"
        assert "authorization" not in response.request.headers
        assert answer(response) == (401, NOT_AUTHENTICATED, "Bearer")

    def test_canonical_host_works(self, url: str, client: httpx.Client) -> None:
        canonical = f"http://localhost:{httpx.URL(url).port}"
        response = client.get(f"{canonical}/todos", headers=auth())
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)


# --- 9. CORS --------------------------------------------------------------------------

PREFLIGHT = {
    "Origin": FRONTEND,
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": "authorization",
}
ALL_METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY"
SAFELISTED = "Accept, Accept-Language, Content-Language, Content-Type"
DISALLOWED = "Disallowed CORS headers"
PREFLIGHT_VARY = (
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, "
    "Access-Control-Request-Private-Network"
)


class TestCorsNoAuthorization:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(cors_no_authorization(SECRET, clock, FRONTEND)) as base_url:
            yield base_url

    def test_preflight_for_authorization_is_400(self, url: str, client: httpx.Client) -> None:
        response = client.options(f"{url}/todos", headers=PREFLIGHT)
        assert response.status_code == 400
        assert response.text == DISALLOWED
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert response.headers["access-control-allow-origin"] == FRONTEND
        assert response.headers["access-control-allow-methods"] == ALL_METHODS
        assert response.headers["access-control-allow-headers"] == SAFELISTED
        assert response.headers["access-control-max-age"] == "600"
        assert response.headers["vary"] == PREFLIGHT_VARY
        assert response.headers["date"] == http_date(NOW)

    @pytest.mark.parametrize(
        ("overrides", "status", "text"),
        [
            ({"Access-Control-Request-Headers": "content-type"}, 200, "OK"),
            ({"Access-Control-Request-Headers": "Authorization, Content-Type"}, 400, DISALLOWED),
            ({"Origin": "http://localhost:5173"}, 400, "Disallowed CORS origin, headers"),
        ],
        ids=["safelisted-only", "both", "other-origin"],
    )  # fmt: skip
    def test_other_preflights(
        self, url: str, client: httpx.Client, overrides: dict[str, str], status: int, text: str
    ) -> None:
        response = client.options(f"{url}/todos", headers={**PREFLIGHT, **overrides})
        assert (response.status_code, response.text) == (status, text)

    def test_actual_request_still_works(self, url: str, client: httpx.Client) -> None:
        """Without a browser nothing enforces CORS: the same request with a token is a 200."""
        response = client.get(f"{url}/todos", headers={"Origin": FRONTEND, **auth()})
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)
        assert response.headers["access-control-allow-origin"] == FRONTEND
        assert response.headers["vary"] == "Origin"

    def test_no_header(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers={"Origin": FRONTEND})
        assert answer(response) == (401, NOT_AUTHENTICATED, "Bearer")
        assert response.headers["access-control-allow-origin"] == FRONTEND


def test_cors_ok(clock: FixedClock, client: httpx.Client) -> None:
    with serve_backend(cors_ok(SECRET, clock, FRONTEND)) as base_url:
        response = client.options(f"{base_url}/todos", headers=PREFLIGHT)
    assert (response.status_code, response.text) == (200, "OK")
    assert response.headers["access-control-allow-origin"] == FRONTEND
    allowed = "Accept, Accept-Language, Authorization, Content-Language, Content-Type"
    assert response.headers["access-control-allow-headers"] == allowed


# --- 10. FastAPI < 0.122 --------------------------------------------------------------


class TestLegacy403:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(legacy_403(SECRET, clock)) as base_url:
            yield base_url

    @pytest.mark.parametrize(
        ("headers", "detail"),
        [
            ({}, "Not authenticated"),
            ({"Authorization": "Bearer"}, "Not authenticated"),
            ({"Authorization": "Basic YWxpY2U6c2VjcmV0"}, "Invalid authentication credentials"),
            ({"Authorization": "Token abc.def.ghi"}, "Invalid authentication credentials"),
        ],
        ids=["none", "bearer-only", "basic", "token"],
    )
    def test_403_without_challenge(
        self, url: str, client: httpx.Client, headers: dict[str, str], detail: str
    ) -> None:
        response = client.get(f"{url}/todos", headers=headers)
        assert answer(response) == (403, {"detail": detail}, None)
        assert response.headers["date"] == http_date(NOW)

    def test_right_token(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth())
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)

    def test_token_errors_are_the_apps_401(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(iat=NOW - 900))
        assert answer(response) == (401, {"detail": "Token has expired"}, "Bearer")


# --- 11. the auth dependency crashes --------------------------------------------------


class TestAuthPath500:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(auth_path_500(SECRET, clock)) as base_url:
            yield base_url

    @pytest.mark.parametrize(
        "headers",
        [auth(), auth(iat=NOW - 900), {"Authorization": "Bearer undefined"}],
        ids=["right-token", "expired", "junk"],
    )
    def test_any_token_is_a_500(
        self, url: str, client: httpx.Client, headers: dict[str, str]
    ) -> None:
        response = client.get(f"{url}/todos", headers=headers)
        assert response.status_code == 500
        assert response.text == "Internal Server Error"
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert "www-authenticate" not in response.headers
        assert response.headers["date"] == http_date(NOW)

    def test_no_header_is_still_401(self, url: str, client: httpx.Client) -> None:
        """HTTPBearer runs before the body of the crashing dependency."""
        assert answer(client.get(f"{url}/todos")) == (401, NOT_AUTHENTICATED, "Bearer")
