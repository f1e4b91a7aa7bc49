"""What the token-level replay backends answer — exactly, as the diagnosis engine sees it.

Every backend runs on a real uvicorn (:func:`servers.replay_clock.serve_backend`) at a
fixed clock, ``NOW = BA_IAT + 60`` (one minute into alice.jwt's 15-minute life), and is
asked with plain httpx. The assertions pin status, JSON ``detail``, ``WWW-Authenticate``
and ``Date``: they are the facts the engine's rules are written against.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from servers.replay_backends import (
    ALICE_SUB,
    BOB_SUB,
    NUMERIC_USER_ID,
    PLACEHOLDER_SECRET,
    clock_ahead,
    eddsa_jwks_ok,
    eddsa_no_audience,
    hs256_fed_eddsa,
    hs256_ok,
    hs256_wrong_secret,
    int_sub,
    int_sub_caught,
    ownership_403,
)
from servers.replay_clock import ClockedPyJWT, FixedClock, http_date, serve_backend
from testdata import BA_IAT, BETTERAUTH_EDDSA

NOW = BA_IAT + 60
BA_EXP = BA_IAT + 900
BA_ORIGIN = "http://localhost:3000"
SECRET = "jwtscope-replay-test-secret-0123456789abcdef"
SESSION_TOKEN = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()

ALICE_TODOS = [{"id": 1, "owner": ALICE_SUB, "title": "Buy oat milk", "done": False}]
BEARER = {"www-authenticate": "Bearer"}
NOT_AUTHENTICATED = {"detail": "Not authenticated"}
ALG_NOT_ALLOWED = "Invalid token: The specified alg value is not allowed"
BAD_SIGNATURE = "Invalid token: Signature verification failed"


def mint(secret: str = SECRET, *, iat: int = BA_IAT, lifetime: int = 900, **claims: Any) -> str:
    """An HS256 token shaped like Better Auth's: ``sub`` = Alice, 15 minutes."""
    payload = {"sub": ALICE_SUB, "iat": iat, "exp": iat + lifetime, **claims}
    return jwt.encode({k: v for k, v in payload.items() if v is not None}, secret)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def answer(response: httpx.Response) -> tuple[int, Any, str | None]:
    """(status, JSON body, WWW-Authenticate) — the triple most assertions compare."""
    return response.status_code, response.json(), response.headers.get("www-authenticate")


@pytest.fixture(scope="module")
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    # No keep-alive: after an unhandled exception uvicorn sends Starlette's 500 and then
    # closes the connection *without* "Connection: close", so the next request on a pooled
    # connection can die with "Connection reset by peer" (a race).
    no_keepalive = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(trust_env=False, timeout=5.0, limits=no_keepalive) as client:
        yield client


@pytest.fixture(scope="module")
def jwks() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((BETTERAUTH_EDDSA / "jwks.json").read_text())
    return document


@pytest.fixture(scope="module")
def ba_token() -> str:
    return (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()


@pytest.fixture(scope="module")
def ba_secret() -> str:
    return (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()


# --- the clock plumbing ---------------------------------------------------------------


class TestClockedPyJWT:
    """Each time check passes or fails only because of the injected clock."""

    def test_exp_follows_the_clock(self) -> None:
        token = mint(iat=1_000, lifetime=900)  # expired in 1970 by the wall clock
        assert ClockedPyJWT(lambda: 1_899).decode(token, SECRET, algorithms=["HS256"])
        with pytest.raises(jwt.ExpiredSignatureError, match=r"^Signature has expired$"):
            ClockedPyJWT(lambda: 1_900).decode(token, SECRET, algorithms=["HS256"])

    def test_iat_follows_the_clock(self) -> None:
        token = mint(iat=4_000_000_000)  # year 2096: in the future by the wall clock
        assert ClockedPyJWT(lambda: 4_000_000_000).decode(token, SECRET, algorithms=["HS256"])
        with pytest.raises(
            jwt.ImmatureSignatureError, match=r"^The token is not yet valid \(iat\)$"
        ):
            ClockedPyJWT(lambda: 3_999_999_999).decode(token, SECRET, algorithms=["HS256"])

    def test_nbf_follows_the_clock(self) -> None:
        token = mint(iat=1_000, nbf=1_100)
        assert ClockedPyJWT(lambda: 1_100).decode(token, SECRET, algorithms=["HS256"])
        with pytest.raises(
            jwt.ImmatureSignatureError, match=r"^The token is not yet valid \(nbf\)$"
        ):
            ClockedPyJWT(lambda: 1_099).decode(token, SECRET, algorithms=["HS256"])

    def test_leeway_is_pyjwts(self) -> None:
        token = mint(iat=1_000, lifetime=900)
        decoder = ClockedPyJWT(lambda: 1_930)
        assert decoder.decode(token, SECRET, algorithms=["HS256"], leeway=31)
        with pytest.raises(jwt.ExpiredSignatureError):
            decoder.decode(token, SECRET, algorithms=["HS256"], leeway=30)

    def test_order_of_checks_is_pyjwts(self) -> None:
        """Expired *and* the wrong audience: PyJWT checks times first, so does the clone."""
        token = mint(iat=1_000, aud="http://elsewhere")
        with pytest.raises(jwt.ExpiredSignatureError):
            jwt.decode(token, SECRET, algorithms=["HS256"])  # the real wall clock
        with pytest.raises(jwt.ExpiredSignatureError):
            ClockedPyJWT(lambda: 5_000).decode(token, SECRET, algorithms=["HS256"])


def test_date_header_follows_the_clock_and_server_stops(
    clock: FixedClock, client: httpx.Client
) -> None:
    with serve_backend(hs256_ok(SECRET, clock)) as base_url:
        first = client.get(f"{base_url}/todos")
        with clock.at(BA_EXP + 0.9):
            later = client.get(f"{base_url}/todos")
    assert first.headers.get_list("date") == [http_date(NOW)]  # one Date, not uvicorn's too
    assert http_date(NOW) == "Tue, 24 Nov 2026 23:33:50 GMT"
    assert later.headers.get_list("date") == ["Tue, 24 Nov 2026 23:47:50 GMT"]
    assert first.headers["server"] == "uvicorn"
    with pytest.raises(httpx.ConnectError):
        client.get(f"{base_url}/todos")


# --- 1. hs256_ok, and what current FastAPI/PyJWT say about everything else ------------


@pytest.fixture(scope="module")
def hs256_url(clock: FixedClock) -> Iterator[str]:
    with serve_backend(hs256_ok(SECRET, clock)) as base_url:
        yield base_url


class TestHs256Ok:
    def test_right_token(self, hs256_url: str, client: httpx.Client) -> None:
        response = client.get(f"{hs256_url}/todos", headers=auth(mint()))
        assert response.status_code == 200
        assert response.json() == ALICE_TODOS
        assert response.headers["date"] == http_date(NOW)
        assert "www-authenticate" not in response.headers

    def test_todo_routes(self, hs256_url: str, client: httpx.Client) -> None:
        alice = auth(mint())
        assert client.get(f"{hs256_url}/todos/1", headers=alice).json() == ALICE_TODOS[0]
        for others_or_missing in (2, 3, 99):  # Bob's, user 42's, nobody's: all 404
            response = client.get(f"{hs256_url}/todos/{others_or_missing}", headers=alice)
            assert answer(response) == (404, {"detail": "Todo not found"}, None)
        carol = auth(mint(sub="carol"))
        created = client.post(f"{hs256_url}/todos", json={"title": "Call mum"}, headers=carol)
        assert created.status_code == 201
        assert created.json() == {"id": 4, "owner": "carol", "title": "Call mum", "done": False}
        assert client.get(f"{hs256_url}/todos", headers=carol).json() == [created.json()]
        assert client.post(f"{hs256_url}/todos", json={"title": "x"}).status_code == 401

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {"Authorization": ""},
            {"Authorization": "Bearer"},
            {"Authorization": "Basic YWxpY2U6c2VjcmV0"},
            {"Authorization": "Token abc.def.ghi"},
            {"X-Authorization": "Bearer abc.def.ghi"},
        ],
        ids=["none", "empty", "bearer-only", "basic", "token", "x-header"],
    )
    def test_modern_missing_header(
        self, hs256_url: str, client: httpx.Client, headers: dict[str, str]
    ) -> None:
        """FastAPI ≥ 0.122: no usable Bearer header -> 401 + ``WWW-Authenticate: Bearer``."""
        response = client.get(f"{hs256_url}/todos", headers=headers)
        assert answer(response) == (401, NOT_AUTHENTICATED, "Bearer")
        assert response.headers["content-type"] == "application/json"

    def test_scheme_is_case_insensitive(self, hs256_url: str, client: httpx.Client) -> None:
        response = client.get(f"{hs256_url}/todos", headers={"Authorization": f"bearer {mint()}"})
        assert response.status_code == 200

    @pytest.mark.parametrize(
        ("token", "detail"),
        [
            ("undefined", "Invalid token: Not enough segments"),
            ("null", "Invalid token: Not enough segments"),
            ("[object Object]", "Invalid token: Not enough segments"),
            (SESSION_TOKEN, "Invalid token: Not enough segments"),
            ("a.b.c", "Invalid token: Invalid header padding"),
            ("eyJhbGciOiJIUzI1NiJ9.e30.x", "Invalid token: Invalid crypto padding"),
            (mint(iat=NOW - 900), "Token has expired"),  # exp == now is expired
            (mint(iat=NOW + 1), "Invalid token: The token is not yet valid (iat)"),
            (mint(nbf=NOW + 1), "Invalid token: The token is not yet valid (nbf)"),
            (mint("another-secret-of-at-least-32-bytes!"), BAD_SIGNATURE),
            (jwt.encode({"sub": ALICE_SUB}, "x" * 64, "HS512"), ALG_NOT_ALLOWED),
            (jwt.encode({"sub": ALICE_SUB}, None, "none"), ALG_NOT_ALLOWED),
            (mint(sub=NUMERIC_USER_ID), "Invalid token: Subject must be a string"),
            (mint(aud=BA_ORIGIN), "Invalid token: Invalid audience"),
            (mint(sub=None), "Invalid token: no subject"),
        ],
        ids=[
            "undefined", "null", "object", "session-token", "a.b.c", "bad-signature-b64",
            "expired", "iat-future", "nbf-future", "wrong-secret", "hs512", "alg-none",
            "int-sub", "aud", "no-sub",
        ],
    )  # fmt: skip
    def test_failing_tokens(
        self, hs256_url: str, client: httpx.Client, token: str, detail: str
    ) -> None:
        response = client.get(f"{hs256_url}/todos", headers=auth(token))
        assert answer(response) == (401, {"detail": detail}, "Bearer")

    def test_expiry_boundary(self, hs256_url: str, client: httpx.Client) -> None:
        assert client.get(f"{hs256_url}/todos", headers=auth(mint(iat=NOW - 899))).is_success

    def test_better_auth_token(self, hs256_url: str, client: httpx.Client, ba_token: str) -> None:
        response = client.get(f"{hs256_url}/todos", headers=auth(ba_token))
        detail = "Invalid token: The specified alg value is not allowed"
        assert answer(response) == (401, {"detail": detail}, "Bearer")


# --- 2. / 5. EdDSA via the JWKS -------------------------------------------------------


@pytest.fixture(scope="module")
def eddsa_url(clock: FixedClock, jwks: dict[str, Any]) -> Iterator[str]:
    with serve_backend(eddsa_jwks_ok(jwks, BA_ORIGIN, BA_ORIGIN, clock)) as base_url:
        yield base_url


def invalid_token(description: str) -> str:
    return f'Bearer realm="todos", error="invalid_token", error_description="{description}"'


TEST_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def ed25519_token(kid: str | None, **claims: Any) -> str:
    """A token signed by a key that is *not* in Better Auth's JWKS (fixed seed)."""
    payload = {"sub": ALICE_SUB, "iat": BA_IAT, "exp": BA_EXP, "aud": BA_ORIGIN, **claims}
    payload = {name: value for name, value in payload.items() if value is not None}
    headers = {"kid": kid} if kid else None
    return jwt.encode(payload, TEST_KEY, algorithm="EdDSA", headers=headers)


class TestEddsaJwksOk:
    def test_right_token(self, eddsa_url: str, client: httpx.Client, ba_token: str) -> None:
        response = client.get(f"{eddsa_url}/todos", headers=auth(ba_token))
        assert response.status_code == 200
        assert response.json() == ALICE_TODOS
        assert response.headers["date"] == http_date(NOW)

    @pytest.mark.parametrize(
        "headers", [{}, {"Authorization": "Basic YWxpY2U6c2VjcmV0"}], ids=["none", "basic"]
    )
    def test_no_header(self, eddsa_url: str, client: httpx.Client, headers: dict[str, str]) -> None:
        response = client.get(f"{eddsa_url}/todos", headers=headers)
        assert answer(response) == (401, NOT_AUTHENTICATED, 'Bearer realm="todos"')

    @pytest.mark.parametrize(
        ("at", "detail"),
        [
            (BA_EXP, "Signature has expired"),
            (BA_IAT - 1, "The token is not yet valid (iat)"),
        ],
        ids=["at-exp", "before-iat"],
    )
    def test_time(
        self,
        eddsa_url: str,
        client: httpx.Client,
        clock: FixedClock,
        ba_token: str,
        at: int,
        detail: str,
    ) -> None:
        with clock.at(at):
            response = client.get(f"{eddsa_url}/todos", headers=auth(ba_token))
        assert answer(response) == (401, {"detail": detail}, invalid_token(detail))
        assert response.headers["date"] == http_date(at)
        with clock.at(BA_EXP - 1):
            assert client.get(f"{eddsa_url}/todos", headers=auth(ba_token)).is_success

    @pytest.mark.parametrize(
        ("token", "detail"),
        [
            ("undefined", "Not enough segments"),
            (mint(), "Unknown signing key"),  # HS256: no kid at all
            (ed25519_token("another-kid"), "Unknown signing key"),
            (ed25519_token(None), "Unknown signing key"),
            (ed25519_token("TcXl9gojN3A0ePCByybDYqICGSAtgcuD"), "Signature verification failed"),
        ],
        ids=["junk", "hs256", "unknown-kid", "no-kid", "forged-known-kid"],
    )
    def test_failing_tokens(
        self, eddsa_url: str, client: httpx.Client, token: str, detail: str
    ) -> None:
        response = client.get(f"{eddsa_url}/todos", headers=auth(token))
        assert answer(response) == (401, {"detail": detail}, invalid_token(detail))

    @pytest.mark.parametrize(
        ("audience", "issuer", "detail"),
        [
            ("http://localhost:8000", BA_ORIGIN, "Audience doesn't match"),
            (BA_ORIGIN, "http://localhost:8000", "Invalid issuer"),
            ("http://localhost:3000/", BA_ORIGIN, "Audience doesn't match"),  # a slash too many
        ],
        ids=["audience", "issuer", "audience-trailing-slash"],
    )
    def test_mismatched_claims(
        self,
        clock: FixedClock,
        client: httpx.Client,
        jwks: dict[str, Any],
        ba_token: str,
        audience: str,
        issuer: str,
        detail: str,
    ) -> None:
        with serve_backend(eddsa_jwks_ok(jwks, audience, issuer, clock)) as base_url:
            response = client.get(f"{base_url}/todos", headers=auth(ba_token))
        assert answer(response) == (401, {"detail": detail}, invalid_token(detail))


class TestEddsaNoAudience:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock, jwks: dict[str, Any]) -> Iterator[str]:
        with serve_backend(eddsa_no_audience(jwks, clock)) as base_url:
            yield base_url

    def test_better_auth_token(self, url: str, client: httpx.Client, ba_token: str) -> None:
        response = client.get(f"{url}/todos", headers=auth(ba_token))
        detail = "Invalid audience"
        assert answer(response) == (401, {"detail": detail}, invalid_token(detail))

    def test_no_header(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos")
        assert answer(response) == (401, NOT_AUTHENTICATED, 'Bearer realm="todos"')

    def test_expiry_hides_the_audience_error(
        self, url: str, client: httpx.Client, clock: FixedClock, ba_token: str
    ) -> None:
        """PyJWT checks exp before aud: once expired, the aud problem is invisible."""
        with clock.at(BA_EXP):
            response = client.get(f"{url}/todos", headers=auth(ba_token))
        detail = "Signature has expired"
        assert answer(response) == (401, {"detail": detail}, invalid_token(detail))

    def test_only_tokens_with_aud_fail(
        self, clock: FixedClock, client: httpx.Client, jwks: dict[str, Any]
    ) -> None:
        public_jwk = json.loads(OKPAlgorithm.to_jwk(TEST_KEY.public_key()))
        keys = {"keys": [*jwks["keys"], {**public_jwk, "kid": "test-key"}]}
        with serve_backend(eddsa_no_audience(keys, clock)) as base_url:
            without_aud = client.get(
                f"{base_url}/todos", headers=auth(ed25519_token("test-key", aud=None))
            )
            with_aud = client.get(f"{base_url}/todos", headers=auth(ed25519_token("test-key")))
        assert (without_aud.status_code, without_aud.json()) == (200, ALICE_TODOS)
        assert with_aud.json() == {"detail": "Invalid audience"}


# --- 3. / 4. HS256 against the wrong key ----------------------------------------------


class TestHs256FedEddsa:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock, ba_secret: str) -> Iterator[str]:
        with serve_backend(hs256_fed_eddsa(ba_secret, clock)) as base_url:
            yield base_url

    def test_better_auth_token(self, url: str, client: httpx.Client, ba_token: str) -> None:
        response = client.get(f"{url}/todos", headers=auth(ba_token))
        detail = "Invalid token: The specified alg value is not allowed"
        assert answer(response) == (401, {"detail": detail}, "Bearer")
        assert response.headers["date"] == http_date(NOW)

    def test_session_token(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(SESSION_TOKEN))
        assert answer(response) == (401, {"detail": "Invalid token: Not enough segments"}, "Bearer")

    def test_hs256_with_the_secret_works(
        self, url: str, client: httpx.Client, ba_secret: str
    ) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint(ba_secret)))
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)

    def test_no_header(self, url: str, client: httpx.Client) -> None:
        assert answer(client.get(f"{url}/todos")) == (401, NOT_AUTHENTICATED, "Bearer")


class TestHs256WrongSecret:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(hs256_wrong_secret(clock)) as base_url:
            yield base_url

    def test_issuers_token(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint()))
        detail = "Invalid token: Signature verification failed"
        assert answer(response) == (401, {"detail": detail}, "Bearer")

    def test_token_signed_with_the_placeholder(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint(PLACEHOLDER_SECRET)))
        assert (response.status_code, response.json()) == (200, ALICE_TODOS)

    def test_no_header(self, url: str, client: httpx.Client) -> None:
        assert answer(client.get(f"{url}/todos")) == (401, NOT_AUTHENTICATED, "Bearer")


# --- 6. integer user ids --------------------------------------------------------------

USER_42_TODOS = [{"id": 3, "owner": 42, "title": "File the tax return", "done": False}]


class TestIntSub:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(int_sub(SECRET, clock)) as base_url:
            yield base_url

    def test_numeric_string_sub(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint(sub="42")))
        assert (response.status_code, response.json()) == (200, USER_42_TODOS)

    def test_better_auth_style_sub_is_a_500(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint()))
        assert response.status_code == 500
        assert response.text == "Internal Server Error"
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert "www-authenticate" not in response.headers
        assert response.headers["date"] == http_date(NOW)
        assert "connection" not in response.headers  # yet uvicorn closes it (see `client`)

    def test_integer_sub_is_refused_by_pyjwt(self, url: str, client: httpx.Client) -> None:
        """What the app's own login would mint (``"sub": user.id``) — PyJWT ≥ 2.10 says no."""
        response = client.get(f"{url}/todos", headers=auth(mint(sub=NUMERIC_USER_ID)))
        detail = "Invalid token: Subject must be a string"
        assert answer(response) == (401, {"detail": detail}, "Bearer")

    def test_expired_and_no_header(self, url: str, client: httpx.Client) -> None:
        expired = client.get(f"{url}/todos", headers=auth(mint(sub="42", iat=NOW - 900)))
        assert answer(expired) == (401, {"detail": "Token has expired"}, "Bearer")
        assert answer(client.get(f"{url}/todos")) == (401, NOT_AUTHENTICATED, "Bearer")


class TestIntSubCaught:
    @pytest.fixture(scope="class")
    def url(self, clock: FixedClock) -> Iterator[str]:
        with serve_backend(int_sub_caught(SECRET, clock)) as base_url:
            yield base_url

    def test_numeric_string_sub(self, url: str, client: httpx.Client) -> None:
        response = client.get(f"{url}/todos", headers=auth(mint(sub="42")))
        assert (response.status_code, response.json()) == (200, USER_42_TODOS)

    @pytest.mark.parametrize(
        "token",
        [mint(), mint(sub="42", iat=NOW - 900), mint(sub="42", secret="x" * 32), "undefined"],
        ids=["string-sub", "expired", "wrong-secret", "junk"],
    )
    def test_every_failure_is_the_same_401(
        self, url: str, client: httpx.Client, token: str
    ) -> None:
        response = client.get(f"{url}/todos", headers=auth(token))
        assert answer(response) == (401, {"detail": "Could not validate credentials"}, "Bearer")

    def test_no_header(self, url: str, client: httpx.Client) -> None:
        assert answer(client.get(f"{url}/todos")) == (401, NOT_AUTHENTICATED, "Bearer")


# --- 7. a server whose clock is off ---------------------------------------------------


class TestClockAhead:
    def test_twenty_minutes_ahead(self, clock: FixedClock, client: httpx.Client) -> None:
        fresh = mint(iat=NOW)  # issued just now by the (correct) issuer clock
        with serve_backend(clock_ahead(SECRET, clock, skew=1200)) as base_url:
            response = client.get(f"{base_url}/todos", headers=auth(fresh))
            no_header = client.get(f"{base_url}/todos")
            at_server_time = client.get(f"{base_url}/todos", headers=auth(mint(iat=NOW + 1200)))
        assert answer(response) == (401, {"detail": "Token has expired"}, "Bearer")
        assert response.headers["date"] == http_date(NOW + 1200) == "Tue, 24 Nov 2026 23:53:50 GMT"
        assert answer(no_header) == (401, NOT_AUTHENTICATED, "Bearer")
        assert no_header.headers["date"] == http_date(NOW + 1200)
        assert at_server_time.status_code == 200

    def test_two_minutes_behind(self, clock: FixedClock, client: httpx.Client) -> None:
        with serve_backend(clock_ahead(SECRET, clock, skew=-120)) as base_url:
            response = client.get(f"{base_url}/todos", headers=auth(mint(iat=NOW)))
        detail = "Invalid token: The token is not yet valid (iat)"
        assert answer(response) == (401, {"detail": detail}, "Bearer")
        assert response.headers["date"] == http_date(NOW - 120)


# --- 12. authenticated but refused ----------------------------------------------------


def test_ownership_403(clock: FixedClock, client: httpx.Client) -> None:
    alice = auth(mint())
    with serve_backend(ownership_403(SECRET, clock)) as base_url:
        own = client.get(f"{base_url}/todos/1", headers=alice)
        bobs = client.get(f"{base_url}/todos/2", headers=alice)
        missing = client.get(f"{base_url}/todos/99", headers=alice)
        bob_reads_his = client.get(f"{base_url}/todos/2", headers=auth(mint(sub=BOB_SUB)))
    assert (own.status_code, own.json()) == (200, ALICE_TODOS[0])
    assert answer(bobs) == (403, {"detail": "Not enough permissions"}, None)
    assert answer(missing) == (404, {"detail": "Todo not found"}, None)
    assert bob_reads_his.status_code == 200
