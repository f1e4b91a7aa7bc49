"""The multi-fault backends' test plumbing does what it says: python-jose's time checks
read the injected clock (and only inside :func:`jose_decode`), and the Node backends
answer with their configured clock in ``Date``."""

from __future__ import annotations

import datetime as dt

import httpx
import jose.jwt
import pytest
from jose.exceptions import ExpiredSignatureError, JWTClaimsError
from servers.node_multi_server import serve_node_multi
from servers.replay_backends_multi_jose import jose_decode
from servers.replay_clock import FixedClock, http_date

SECRET = "multi-fault-backend-test-secret-0123456789"
T0 = 1_795_563_170


def _token(**claims: int) -> str:
    token: str = jose.jwt.encode({"sub": "1", **claims}, SECRET, algorithm="HS256")
    return token


def test_python_jose_reads_the_injected_clock() -> None:
    token = _token(iat=T0, nbf=T0, exp=T0 + 900)
    clock = FixedClock(T0 + 60)
    assert jose_decode(token, SECRET, clock, algorithms=["HS256"])["sub"] == "1"
    with clock.at(T0 + 901), pytest.raises(ExpiredSignatureError):
        jose_decode(token, SECRET, clock, algorithms=["HS256"])
    with clock.at(T0 - 60), pytest.raises(JWTClaimsError, match="not yet valid"):
        jose_decode(token, SECRET, clock, algorithms=["HS256"])


def test_python_jose_outside_a_clocked_decode_uses_the_real_clock() -> None:
    now = dt.datetime.now(dt.UTC).timestamp()
    assert abs(jose.jwt.datetime.now(dt.UTC).timestamp() - now) < 60
    with pytest.raises(ExpiredSignatureError):
        jose.jwt.decode(_token(exp=1_000_000_000), SECRET, algorithms=["HS256"])  # 2001


def test_node_backend_dates_its_answers_with_its_clock() -> None:
    with serve_node_multi(now=T0, skew=300, framework="http", secret=SECRET) as base:
        fresh = httpx.get(
            base + "/todos", headers={"Authorization": f"Bearer {_token(exp=T0 + 600)}"}
        )
        stale = httpx.get(
            base + "/todos", headers={"Authorization": f"Bearer {_token(exp=T0 + 200)}"}
        )
    assert fresh.status_code == 200
    assert fresh.headers["date"] == http_date(T0 + 300)
    assert stale.status_code == 401 and '"exp" claim' in stale.json()["error"]
