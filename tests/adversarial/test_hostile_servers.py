"""Hostile servers against every path that sends HTTP: replay, probe, --jwks and the CLI.

Each must end within its deadline with one clean line (no traceback, no password, no
token), keep memory near the body cap, and talk to no one but the origin named.
"""

from __future__ import annotations

import base64
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import jwt
import pytest
from adversarial.hostile_servers import (
    Recorder,
    answer,
    close_mid_body,
    drip_body,
    drip_headers,
    gzip_bomb,
    gzip_gzip,
    hostile,
    http09_garbage,
    huge_headers,
    recording,
    redirect_loop,
    tls_self_signed,
    undecodable_flood,
)

from jwtscope.cli import main
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import build_request
from jwtscope.errors import NetworkError
from jwtscope.net.http_send import send_probes
from jwtscope.net.jwks_fetch import fetch_jwks
from jwtscope.services.probe_run import run_probe
from jwtscope.services.replay_run import run_replay

TIMEOUT = 0.5
#: What a request may take beyond its timeout: thread start-up, a TLS context, CI noise.
SLACK = 0.75
NOW = 1_750_000_000
SECRET = "hostile-test-secret-0123456789abcdef0123"
TOKEN = jwt.encode({"sub": "alice", "iat": NOW, "exp": NOW + 900}, SECRET, algorithm="HS256")
SIGNATURE = TOKEN.rsplit(".", 1)[1]
PASSWORD = "s3cr3t-pw"
JWKS = answer(200, b'{"keys": []}')


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the machine running the tests


def _replay(url: str, **options: Any) -> list[Exchange]:
    outcome = run_replay(
        build_request(url, token=options.pop("token", TOKEN)),
        env=Environment(),
        keys=KeySet(),
        timeout=TIMEOUT,
        clock=lambda: NOW,
        **options,
    )
    return list(outcome.exchanges)


def _probe(url: str) -> list[str | None]:
    result = run_probe(
        build_request(url, token=TOKEN),
        report=None,
        secret=None,
        timeout=TIMEOUT,
        min_interval=0,
        clock=lambda: NOW,
    )
    return [o.error for v in result.verdicts for o in v.observed]


def _jwks_error(url: str) -> str:
    with pytest.raises(NetworkError) as info:
        fetch_jwks(url, timeout=TIMEOUT)
    return info.value.message


@pytest.fixture
def timed() -> Iterator[Callable[[], float]]:
    """Seconds since the test started; the test must end within TIMEOUT + SLACK."""
    started = time.monotonic()
    yield lambda: time.monotonic() - started
    assert time.monotonic() - started < TIMEOUT + SLACK


def _clean_line(text: str | None) -> str:
    """Assert ``text`` is one printable line without secrets, and return it."""
    assert text
    assert "\n" not in text and "Traceback" not in text
    assert text.isprintable(), repr(text)
    assert PASSWORD not in text and SIGNATURE not in text
    return text


# --- 1. a total deadline per request ----------------------------------------------------

SLOW = [
    ("headers", drip_headers, "No answer from"),
    ("body", drip_body, "No complete answer from"),
]


@pytest.mark.parametrize(("what", "behaviour", "expected"), SLOW, ids=[s[0] for s in SLOW])
def test_replay_ends_within_the_deadline(timed, what, behaviour, expected):
    with hostile(behaviour) as base:
        exchanges = _replay(base + "/todos")
    assert timed() < TIMEOUT + SLACK
    for exchange in exchanges:
        line = _clean_line(exchange.error)
        assert line == f"{expected} {base}/todos within 0.5 s"
        assert exchange.error_kind == "timeout"


@pytest.mark.parametrize(("what", "behaviour", "expected"), SLOW, ids=[s[0] for s in SLOW])
def test_probe_ends_within_the_deadline(timed, what, behaviour, expected):
    with hostile(behaviour) as base:
        errors = _probe(base + "/todos")
    assert any(f"{expected} {base}/todos within 0.5 s" == e for e in errors)


@pytest.mark.parametrize(("what", "behaviour", "expected"), SLOW, ids=[s[0] for s in SLOW])
def test_jwks_fetch_ends_within_the_deadline(timed, what, behaviour, expected):
    with hostile(behaviour) as base:
        message = _jwks_error(base + "/jwks")
    assert _clean_line(message) == f"{expected} {base}/jwks within 0.5 s"


# --- 2. body caps: on the wire and decoded ----------------------------------------------


def _send_one(url: str, max_body: int = 1_000_000) -> tuple[Exchange, int]:
    """Send one GET and return the exchange and the peak memory traced while sending."""
    request = build_request(url, token=TOKEN)
    tracemalloc.start()
    try:
        [exchange] = send_probes(
            [PlannedRequest("original", "x", request)],
            origin=request.origin,
            timeout=5,
            max_body=max_body,
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return exchange, peak


def test_a_gzip_bomb_is_cut_at_the_cap_with_bounded_memory():
    with hostile(gzip_bomb()) as base:
        exchange, peak = _send_one(base + "/todos")
    assert exchange.status == 200 and exchange.error is None
    assert exchange.truncated and exchange.body == bytes(1_000_000)
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB"


def test_stacked_encodings_are_refused_not_decompressed():
    with hostile(gzip_gzip) as base:
        exchange, peak = _send_one(base + "/todos")
    assert exchange.status == 200 and exchange.body == b""
    assert "stacked content encodings (gzip, gzip)" in _clean_line(exchange.error)
    assert peak < 20_000_000, f"peak {peak / 1e6:.1f} MB"


def test_raw_bytes_are_capped_even_when_nothing_decodes():
    with hostile(undecodable_flood()) as base:
        exchange, _ = _send_one(base + "/todos", max_body=100_000)
    assert exchange.status == 200 and exchange.truncated and exchange.body == b""


@pytest.mark.parametrize("behaviour", [gzip_bomb(), gzip_gzip], ids=["bomb", "gzip-gzip"])
def test_bombs_through_replay_probe_and_jwks(behaviour):
    tracemalloc.start()
    try:
        with hostile(behaviour) as base:
            replayed = _replay(base + "/todos")
            probed = _probe(base + "/todos")
            message = _jwks_error(base + "/jwks")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(e.status == 200 and len(e.body) <= 1_000_000 for e in replayed)
    assert all(error is None or "decompress" in error for error in probed)
    assert "larger than 1000000 bytes" in message or "stacked" in message
    assert peak < 60_000_000, f"peak {peak / 1e6:.1f} MB"


# --- 3. no proxy, ever ------------------------------------------------------------------


@pytest.fixture
def proxied(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """Every proxy variable points at a loopback "proxy" that records what reaches it."""
    proxy = Recorder()
    with hostile(recording(proxy, answer(502, b"proxy"))) as proxy_url:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            monkeypatch.setenv(name, proxy_url)
            monkeypatch.setenv(name.lower(), proxy_url)
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        yield proxy


def test_replay_probe_and_jwks_ignore_proxy_variables(proxied: Recorder) -> None:
    target = Recorder()
    with hostile(recording(target, JWKS)) as base:
        replayed = _replay(base + "/todos")
        _probe(base + "/todos")
        fetched = fetch_jwks(base + "/jwks", timeout=TIMEOUT)
    assert proxied.heads == []
    assert all(e.status == 200 for e in replayed) and fetched.document == {"keys": []}
    paths = [head.split(b" ")[1] for head in target.heads]
    assert b"/todos" in paths and b"/jwks" in paths
    assert any(f"Bearer {TOKEN}".encode() in head for head in target.heads)


# --- 4. credentials in the URL ----------------------------------------------------------


def _user_url(base: str, path: str = "/todos") -> str:
    return base.replace("http://", f"http://admin:{PASSWORD}@") + path


def test_userinfo_is_basic_auth_only_without_an_authorization_header() -> None:
    target = Recorder()
    with hostile(recording(target, answer(200, b"{}"))) as base:
        [alone] = _replay(_user_url(base), token=None, only_original=True)
        with_token = _replay(_user_url(base), only_original=True)
    assert alone.status == 200 and with_token[0].status == 200
    basic = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    assert target.header(0, "authorization") == f"Basic {basic}"
    assert target.header(1, "authorization") == f"Bearer {TOKEN}"
    assert all(b"admin" not in head.split(b"\r\n")[0] for head in target.heads)


def test_userinfo_never_printed(capsys) -> None:
    with hostile(drip_headers) as base:
        code = main(["replay", _user_url(base), "--token", TOKEN, "--timeout", str(TIMEOUT)])
        replay_out, replay_err = capsys.readouterr()
        main(["replay", _user_url(base), "--token", TOKEN, "--timeout", "0.5", "--json"])
        json_out, _ = capsys.readouterr()
        main(["probe", _user_url(base), "--token", TOKEN, "--timeout", str(TIMEOUT)])
        probe_out, probe_err = capsys.readouterr()
        message = _jwks_error(_user_url(base, "/jwks"))
    assert code == 3
    assert f"GET http://admin:***@{base.removeprefix('http://')}/todos" in replay_out
    assert _clean_line(replay_err.strip()).startswith("jwtscope: error: No answer from")
    for text in (replay_out, json_out, probe_out, probe_err, message):
        assert PASSWORD not in text
    urls = [r["url"] for r in json.loads(json_out)["requests"]]
    assert urls and urls[0].startswith("http://admin:***@")
    assert "admin:***@" in message


@pytest.mark.parametrize("name", ["access_token", "token", "jwt", "id_token", "other"])
def test_a_token_in_the_query_is_masked(capsys, name: str) -> None:
    with hostile(recording(Recorder(), answer(401, b'{"detail": "no"}'))) as base:
        url = f"{base}/todos?{name}={TOKEN}&page=2"
        main(["replay", url, "--only-original"])
        text, _ = capsys.readouterr()
        main(["replay", url, "--only-original", "--json"])
        data = json.loads(capsys.readouterr()[0])
    header = text.splitlines()[0]
    assert f"/todos?{name}={TOKEN.split('.')[0]}.***&page=2" in header
    assert SIGNATURE not in text and TOKEN.split(".")[1] not in header
    assert data["requests"][0]["url"] == f"{base}/todos?{name}={TOKEN.split('.')[0]}.***&page=2"
    assert SIGNATURE not in json.dumps(data)


# --- 5. every other kind of broken server: one clean line, in time ----------------------

BROKEN = {
    "redirect-loop": (redirect_loop, "redirected (HTTP 302)"),
    "huge-headers": (huge_headers, "broke off the HTTP exchange"),
    "self-signed-tls": (tls_self_signed, "TLS/certificate error"),
    "close-mid-body": (close_mid_body, "broke off the HTTP exchange"),
    "http09-garbage": (http09_garbage, "broke off the HTTP exchange"),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_servers_end_as_one_clean_line(timed, kind: str) -> None:
    behaviour, expected = BROKEN[kind]
    with hostile(behaviour, tls=kind == "self-signed-tls") as base:
        replayed = _replay(base + "/todos")
        probed = _probe(base + "/todos")
        message = _clean_line(_jwks_error(base + "/jwks"))
    assert expected in message
    if kind == "redirect-loop":
        assert all(e.status == 302 and e.error is None for e in replayed)
        assert all(e.header("location") == "/todos" for e in replayed)
    else:
        assert all(_clean_line(e.error) for e in replayed)
        assert all(_clean_line(error) for error in probed if error)


@pytest.mark.parametrize("kind", ["huge-headers", "http09-garbage", "self-signed-tls"])
def test_cli_prints_one_line(capsys, kind: str) -> None:
    behaviour, expected = BROKEN[kind]
    with hostile(behaviour, tls=kind == "self-signed-tls") as base:
        code = main(["replay", base + "/todos", "--token", TOKEN, "--timeout", str(TIMEOUT)])
        _, replay_err = capsys.readouterr()
        jwks_code = main(["inspect", TOKEN, "--jwks", base + "/jwks", "--timeout", "0.5"])
        _, jwks_err = capsys.readouterr()
    assert code == 3 and jwks_code == 2
    for err in (replay_err, jwks_err):
        line = _clean_line(err.strip())
        assert line.startswith("jwtscope: error: ") and expected in line
