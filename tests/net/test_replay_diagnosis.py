"""Replay against real FastAPI backends (uvicorn on 127.0.0.1): each names its top cause."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import jwt
import pytest
from servers.harness import free_port_refused
from servers.replay_backends import (
    clock_ahead,
    eddsa_jwks_ok,
    eddsa_no_audience,
    hs256_fed_eddsa,
    hs256_ok,
    hs256_wrong_secret,
    int_sub,
    ownership_403,
)
from servers.replay_backends_http import (
    auth_path_500,
    cors_no_authorization,
    legacy_403,
    redirect_other_origin,
    redirect_todos,
)
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT, BETTERAUTH_EDDSA

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.curl_import import parse_curl
from jwtscope.core.request.replay_request import ReplayRequest, build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

NOW = BA_IAT + 60
SUB = "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy"
ORIGIN = "http://localhost:3000"


def _secret() -> str:
    return (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()


def _ba_token() -> str:
    return (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()


def _jwks() -> dict[str, Any]:
    return json.loads((BETTERAUTH_EDDSA / "jwks.json").read_text())


def _hs(secret: str, **claims: Any) -> str:
    payload = {"sub": SUB, "iat": NOW, "exp": NOW + 900, **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


ENV = Environment((EnvSource("./.env", (("BETTER_AUTH_SECRET", _secret()),)),))


def replay(
    app_factory: Callable[[FixedClock], Any],
    make_request: Callable[[str], ReplayRequest],
    *,
    env: Environment = ENV,
    keys: KeySet | None = None,
    origin: str | None = None,
    only_original: bool = False,
) -> ReplayOutcome:
    clock = FixedClock(NOW)
    with serve_backend(app_factory(clock)) as base:
        return run_replay(
            make_request(base),
            env=env,
            keys=keys or KeySet(),
            origin=origin,
            only_original=only_original,
            clock=clock,
            timeout=5,
        )


def bearer(token: str, path: str = "/todos") -> Callable[[str], ReplayRequest]:
    return lambda base: build_request(base + path, token=token)


def codes(outcome: ReplayOutcome) -> list[str]:
    return [c.code for c in outcome.diagnosis.causes]


# ---------------------------------------------------------------- correct backends


def test_correct_hs256_is_ok_and_stops():
    outcome = replay(lambda c: hs256_ok(_secret(), c), bearer(_hs(_secret())))
    assert codes(outcome)[0] == "CAUSE-OK"
    assert outcome.exit_code == 0
    assert [e.purpose for e in outcome.exchanges] == ["original", "no-token"]  # no bisection


def test_correct_eddsa_via_jwks_with_the_real_better_auth_token():
    outcome = replay(lambda c: eddsa_jwks_ok(_jwks(), ORIGIN, ORIGIN, c), bearer(_ba_token()))
    assert codes(outcome) == ["CAUSE-OK"]


# ---------------------------------------------------------------- one cause per backend


def test_hs256_verifier_fed_an_eddsa_token():
    outcome = replay(lambda c: hs256_fed_eddsa(_secret(), c), bearer(_ba_token()))
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-ALG-MISMATCH" and top.confidence == "high"
    assert 'algorithms=["EdDSA"]' in top.fix
    assert 'jwt.PyJWKClient("http://localhost:3000/api/auth/jwks")' in top.fix
    assert 'audience="http://localhost:3000"' in top.fix
    assert outcome.exit_code == 1


def test_wrong_secret():
    outcome = replay(lambda c: hs256_wrong_secret(c), bearer(_hs(_secret())))
    assert codes(outcome)[0] == "CAUSE-WRONG-SECRET"
    assert any(e.source == "fresh" for e in outcome.diagnosis.causes[0].evidence)


def test_audience_not_passed():
    outcome = replay(lambda c: eddsa_no_audience(_jwks(), c), bearer(_ba_token()))
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-AUDIENCE"
    assert 'audience="http://localhost:3000"' in top.fix
    assert "CAUSE-ALG-MISMATCH" not in codes(outcome)  # the signature verified on the server


def test_int_sub_crash_is_proved_by_a_numeric_sub():
    outcome = replay(lambda c: int_sub(_secret(), c), bearer(_hs(_secret())))
    top = outcome.diagnosis.top
    assert top is not None and (top.code, top.confidence) == ("CAUSE-SUB-TYPE", "high")
    assert {e.source for e in top.evidence} >= {"numeric-sub"}


def test_server_clock_ahead():
    outcome = replay(lambda c: clock_ahead(_secret(), c), bearer(_hs(_secret())))
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-CLOCK-SKEW"
    assert any("ahead of" in e.line for e in top.evidence)
    assert "leeway=" in top.fix


def test_server_clock_behind_sees_iat_in_the_future():
    outcome = replay(lambda c: clock_ahead(_secret(), c, skew=-120), bearer(_hs(_secret())))
    assert codes(outcome)[0] == "CAUSE-CLOCK-SKEW"


def test_expired_token():
    expired = _hs(_secret(), iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(lambda c: hs256_ok(_secret(), c), bearer(expired))
    top = outcome.diagnosis.top
    assert top is not None and (top.code, top.confidence) == ("CAUSE-EXPIRED", "high")


def test_trailing_slash_redirect():
    outcome = replay(lambda c: redirect_todos(_secret(), c), bearer(_hs(_secret())))
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-REDIRECT"
    assert "/todos/" in top.evidence[0].line
    assert "trailing-slash" in top.fix


def test_redirect_to_another_origin_drops_authorization():
    outcome = replay(lambda c: redirect_other_origin(_secret(), c), bearer(_hs(_secret())))
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-REDIRECT"
    assert any("drop the Authorization" in e.line for e in top.evidence)
    assert next(e.status for e in outcome.exchanges) == 307  # reported, never followed


def test_cors_preflight_without_authorization_allowed():
    outcome = replay(
        lambda c: cors_no_authorization(_secret(), c, ORIGIN), bearer(_hs(_secret())), origin=ORIGIN
    )
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-CORS-PREFLIGHT"
    assert 'allow_headers=["Authorization"' in top.fix
    assert outcome.exit_code == 1


def test_legacy_fastapi_403_with_the_wrong_scheme():
    outcome = replay(
        lambda c: legacy_403(_secret(), c),
        lambda base: build_request(
            base + "/todos", headers=(("Authorization", "Token " + _hs(_secret())),)
        ),
    )
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-SCHEME"


def test_legacy_fastapi_403_when_the_token_sits_in_a_cookie():
    outcome = replay(
        lambda c: legacy_403(_secret(), c),
        lambda base: build_request(base + "/todos", cookies=(("token", _hs(_secret())),)),
    )
    top = outcome.diagnosis.top
    assert top is not None and top.code == "CAUSE-HEADER-NOT-RECEIVED"
    assert any("0.122" in e.line for e in top.evidence)


def test_500_on_the_auth_path():
    outcome = replay(lambda c: auth_path_500(_secret(), c), bearer(_hs(_secret())))
    assert codes(outcome)[0] == "CAUSE-SERVER-ERROR"
    assert "CAUSE-SUB-TYPE" not in codes(outcome)  # the numeric-sub probe crashed too


def test_junk_token():
    outcome = replay(lambda c: hs256_ok(_secret(), c), bearer("undefined"))
    assert codes(outcome)[0] == "CAUSE-JUNK-TOKEN"


def test_better_auth_session_token():
    session = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()
    outcome = replay(lambda c: hs256_ok(_secret(), c), bearer(session))
    assert codes(outcome)[0] == "CAUSE-SESSION-TOKEN"


def test_forbidden_after_authentication():
    outcome = replay(lambda c: ownership_403(_secret(), c), bearer(_hs(_secret()), "/todos/2"))
    assert codes(outcome)[0] == "CAUSE-FORBIDDEN"


def test_realistic_chrome_curl_is_replayed():
    token = _ba_token()

    def request(base: str) -> ReplayRequest:
        return parse_curl(
            f"curl '{base}/todos' \\\n  -H 'accept: */*' \\\n  -H 'authorization: Bearer {token}' "
            f"\\\n  -H 'origin: {ORIGIN}' \\\n  -H 'referer: {ORIGIN}/' \\\n  --compressed"
        )

    outcome = replay(lambda c: hs256_fed_eddsa(_secret(), c), request)
    assert codes(outcome)[0] == "CAUSE-ALG-MISMATCH"


def test_only_original_sends_one_request():
    outcome = replay(lambda c: hs256_wrong_secret(c), bearer(_hs(_secret())), only_original=True)
    assert [e.purpose for e in outcome.exchanges] == ["original"]


def test_every_request_stays_on_the_named_origin():
    outcome = replay(lambda c: hs256_fed_eddsa(_secret(), c), bearer(_ba_token()), origin=ORIGIN)
    origins = {e.request.origin for e in outcome.exchanges}
    assert len(origins) == 1


# ---------------------------------------------------------------- faults


def test_connection_refused_is_unreachable():
    request = build_request(free_port_refused() + "/todos", token=_hs(_secret()))
    outcome = run_replay(request, env=ENV, keys=KeySet(), clock=lambda: NOW, timeout=2)
    assert outcome.unreachable and outcome.exit_code == 3
    assert "refused" in (outcome.exchanges[0].error or "").lower()


def test_timeout_is_bounded(jwks_server):
    request = build_request(jwks_server + "/slow", token=_hs(_secret()))
    outcome = run_replay(
        request, env=ENV, keys=KeySet(), clock=lambda: NOW, timeout=0.3, only_original=True
    )
    assert outcome.exit_code == 3
    assert outcome.exchanges[0].error_kind == "timeout"


def test_huge_body_is_capped(jwks_server):
    from jwtscope.core.diagnosis.replay_plan import PlannedRequest
    from jwtscope.net.http_send import send_probes

    request = build_request(jwks_server + "/huge", token=_hs(_secret()))
    [exchange] = send_probes(
        [PlannedRequest("original", "x", request)], origin=request.origin, max_body=10_000
    )
    assert exchange.status == 200 and exchange.truncated and len(exchange.body) == 10_000


def test_non_utf8_body_does_not_crash(jwks_server):
    request = build_request(jwks_server + "/binary", token=_hs(_secret()))
    outcome = run_replay(request, env=ENV, keys=KeySet(), clock=lambda: NOW, only_original=True)
    assert outcome.exchanges[0].status == 200
    assert isinstance(outcome.exchanges[0].text, str)


def test_tls_error_via_mock_transport():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")

    request = build_request("https://api.example.test/todos", token=_hs(_secret()))
    outcome = run_replay(
        request,
        env=ENV,
        keys=KeySet(),
        clock=lambda: NOW,
        transport=httpx.MockTransport(handler),
        only_original=True,
    )
    assert outcome.exit_code == 3
    assert outcome.exchanges[0].error_kind == "tls"
    assert "certificate" in (outcome.exchanges[0].error or "").lower()


def test_redirect_loop_is_not_followed():
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(str(request.url))
        return httpx.Response(307, headers={"location": str(request.url)})

    request = build_request("http://api.example.test/todos", token=_hs(_secret()))
    outcome = run_replay(
        request, env=ENV, keys=KeySet(), clock=lambda: NOW, transport=httpx.MockTransport(handler)
    )
    assert outcome.diagnosis.top is not None and outcome.diagnosis.top.code == "CAUSE-REDIRECT"
    assert len(hops) == len(outcome.exchanges)  # one hop per request: never followed


@pytest.fixture(autouse=True)
def _quiet_server_tracebacks(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """The 500 backends log tracebacks on purpose; keep them out of the test output."""
    caplog.set_level("CRITICAL", logger="uvicorn.error")
    yield
