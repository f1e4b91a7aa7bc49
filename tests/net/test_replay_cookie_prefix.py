"""Issue 17, item 9: a backend reading Better Auth's session cookie by its development
name fails on https, where the cookie is ``__Secure-better-auth.session_token``. Real
Better Auth output (``tests/data/betterauth/https``: an https baseURL) against a real
uvicorn backend; the replay sends the same cookie without the prefix and names the
cause only when that is accepted."""

from __future__ import annotations

from net.replay_support import NOW
from servers.replay_backends_betterauth import session_cookie_api
from servers.replay_clock import FixedClock, serve_backend
from testdata import BETTERAUTH

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

HTTPS = BETTERAUTH / "https"
SECRET = (HTTPS / "secret.txt").read_text().strip()
COOKIE = (HTTPS / "session_cookie.txt").read_text().strip()  # __Secure-…=<token>.<hmac>


def _replay(cookie: str, secret: str = SECRET) -> ReplayOutcome:
    clock = FixedClock(NOW)
    with serve_backend(session_cookie_api(secret, clock)) as base:
        request = build_request(base + "/todos", cookies=[cookie])
        return run_replay(request, env=Environment(()), keys=KeySet(), clock=clock, timeout=5)


def test_the_fixture_is_a_prefixed_session_cookie() -> None:
    assert COOKIE.startswith("__Secure-better-auth.session_token=")


def test_prefixed_cookie_read_by_its_development_name() -> None:
    outcome = _replay(COOKIE)
    assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-COOKIE-PREFIX"]
    found = outcome.diagnosis.causes[0]
    assert found.confidence == "high"
    said = " ".join(e.line for e in found.evidence)
    assert "'better-auth.session_token' is accepted" in said
    assert "__Secure-better-auth.session_token" in found.fix
    assert "Do not turn off secure cookies" in found.fix
    assert "unprefixed-cookie" in [ex.purpose for ex in outcome.exchanges]


def test_the_development_name_itself_is_ok() -> None:
    outcome = _replay(COOKIE.removeprefix("__Secure-"))
    assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-OK"]
    assert "unprefixed-cookie" not in [ex.purpose for ex in outcome.exchanges]


def test_a_cookie_the_backend_refuses_either_way_is_not_the_prefix() -> None:
    outcome = _replay(COOKIE, secret="another-better-auth-secret-0123456789abcdef")
    codes = [c.code for c in outcome.diagnosis.causes]
    assert "CAUSE-COOKIE-PREFIX" not in codes
    assert "CAUSE-OK" not in codes
