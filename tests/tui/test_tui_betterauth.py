"""The TUI on real Better Auth output (tests/data/betterauth): the verdict banner names a
cookie cache as such, and a kid missing from the JWKS reads "no key for this kid"; the
Replay screen's Auth URL finds a hidden ``set-auth-jwt`` (real uvicorn backends)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from net.replay_betterauth_cases import BA_URL, iat, jwks, text
from servers import replay_backends_betterauth as ba
from servers.replay_clock import FixedClock, serve_backend
from testdata import BETTERAUTH, ba_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from tui_support import BA_NOW, make_app, pilot_test, started, widget_text

from jwtscope.core.keys.keyset import load_key_file
from jwtscope.core.token.parsing import decode, normalize
from jwtscope.tui.screens.replay import ReplayScreen
from jwtscope.tui.widgets.verdict import VerdictBanner

SIZE = (120, 40)


def _iat(text: str) -> int:
    payload = decode(normalize(text).token).payload or {}
    return int(payload.get("iat") or payload["expiresAt"] // 1000 - 300)


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt_plugin"])
@pilot_test
async def test_banner_names_the_cookie_cache(scenario: str) -> None:
    text = ba_text(scenario, "session_data.txt")
    keys = load_key_file((BETTERAUTH / scenario / "jwks.json").read_bytes(), "jwks.json")
    app = make_app(text, now=_iat(text) + 60, keys=keys)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        shown = widget_text(app, app.query_one(VerdictBanner))
        assert "SESSION COOKIE CACHE, NOT AN ACCESS TOKEN" in shown
        assert "SIGNATURE VALID" not in shown


@pytest.mark.parametrize("scenario", ["rotated", "rotated_rs256", "rotated_es256"])
@pilot_test
async def test_banner_says_no_key_for_this_kid(scenario: str) -> None:
    """EdDSA, RS256 and ES256 alike (issue 17: was SIGNATURE INVALID / UNVERIFIED)."""
    text = ba_text(scenario, "token_kid_a.jwt")
    later = BETTERAUTH / scenario / "jwks_later.json"
    app = make_app(text, now=_iat(text) + 60, keys=load_key_file(later.read_bytes(), "later"))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        shown = widget_text(app, app.query_one(VerdictBanner))
        assert "NO KEY FOR THIS KID" in shown
        assert "INVALID" not in shown and "UNVERIFIED" not in shown


# ---------------------------------------------------------------- Replay: the Auth URL


@pytest.fixture(scope="module")
def ba_backends() -> Iterator[dict[str, str]]:
    """The API (plugin JWT via its JWKS), and the auth server's get-session hiding and
    exposing ``set-auth-jwt``: real uvicorn apps on 127.0.0.1, stopped after the module."""
    clock = FixedClock(iat(text("plugin_default", "token.jwt")) + 60)
    jwt_header = text("plugin_default", "set_auth_jwt.txt")
    api = ba.jwks_api(jwks("plugin_default"), clock, audience=BA_URL, issuer=BA_URL)
    with (
        serve_backend(api) as api_base,
        serve_backend(ba.auth_server(jwt_header, clock, expose=False)) as hiding,
        serve_backend(ba.auth_server(jwt_header, clock, expose=True)) as exposing,
    ):
        yield {"api": api_base, "hiding": hiding, "exposing": exposing, "now": str(clock())}


def _null_curl(api: str) -> str:
    """The browser's 'Copy as cURL' of the failing call: the frontend sent 'Bearer null'."""
    return (
        f"curl '{api}/todos' -H 'Authorization: Bearer null' -H 'Origin: {ba.FRONTEND}' "
        f"-H 'Referer: {ba.FRONTEND}/dashboard'"
    )


async def _replay(pilot: Pilot[Any], request: str, auth_url: str) -> ReplayScreen:
    """Open Replay (F6), type the request and the Auth URL as a user does, send (Ctrl+S)."""
    app = pilot.app
    await pilot.press("f6")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReplayScreen)
    screen.query_one("#url", Input).value = request
    screen.query_one("#auth-url", Input).focus()
    await pilot.press(*auth_url)
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


@pilot_test
async def test_replay_auth_url_finds_the_hidden_set_auth_jwt(ba_backends: dict[str, str]) -> None:
    """Bearer null, and the auth server's CORS exposes nothing: the Auth URL typed in the
    Replay screen asks its get-session from the request's Origin, as --auth-url does."""
    app = make_app("", now=int(ba_backends["now"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        auth_url = ba_backends["hiding"] + "/api/auth/get-session"
        screen = await _replay(pilot, _null_curl(ba_backends["api"]), auth_url)
        outcome = screen.outcome
        assert outcome is not None, widget_text(app, screen.query_one("#replay-error", Static))
        assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-JWT-NOT-EXPOSED"]
        asked = [ex for ex in outcome.exchanges if ex.purpose == "auth-cors"]
        assert [ex.request.url for ex in asked] == [auth_url]
        assert dict(asked[0].request.headers)["Origin"] == ba.FRONTEND
        shown = " ".join(widget_text(app, screen.query_one("#diagnosis", Static)).split())
        assert "1. CAUSE-JWT-NOT-EXPOSED" in shown and "set-auth-jwt" in shown
        assert "auth-cors" in widget_text(app, screen.query_one("#exchanges", OptionList))


@pilot_test
async def test_replay_auth_url_exposing_the_header_blames_the_client(
    ba_backends: dict[str, str],
) -> None:
    """The same request, the auth server exposing set-auth-jwt: the junk token is the
    client's doing — the typed Auth URL decided it (without it, no auth-cors request)."""
    app = make_app("", now=int(ba_backends["now"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        auth_url = ba_backends["exposing"] + "/api/auth/get-session"
        screen = await _replay(pilot, _null_curl(ba_backends["api"]), auth_url)
        assert screen.outcome is not None
        assert [c.code for c in screen.outcome.diagnosis.causes] == ["CAUSE-JUNK-TOKEN"]
        assert "is exposed to" in " ".join(e.line for e in screen.outcome.diagnosis.top.evidence)
        # Blank again: the replay sends nothing to the auth server, and says how to decide.
        screen.query_one("#auth-url", Input).value = ""
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.outcome is not None
        assert "auth-cors" not in [ex.purpose for ex in screen.outcome.exchanges]
        assert "Auth URL" in screen.outcome.diagnosis.top.fix


@pytest.mark.parametrize(
    ("request_text", "auth_url", "says"),
    [
        # no scheme: refused like --auth-url, before anything is sent
        (
            "curl 'http://127.0.0.1:9/todos' -H 'Authorization: Bearer null'",
            "localhost:3000/x",
            "must start with http:// or https://",
        ),
        # no browser origin (a URL, no Origin header): the CORS answer cannot be asked
        ("http://127.0.0.1:9/todos", "http://127.0.0.1:9/api/auth/get-session", "Origin"),
    ],
)
@pilot_test
async def test_replay_auth_url_refusals_are_inline(
    request_text: str, auth_url: str, says: str
) -> None:
    sent: list[object] = []

    def run_replay(request: object, **kwargs: Any) -> Any:
        from jwtscope.services.replay_run import run_replay as real

        sent.append(request)
        return real(request, **kwargs)

    app = make_app("null", now=BA_NOW, run_replay=run_replay)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        screen = await _replay(pilot, request_text, auth_url)
        error = widget_text(app, screen.query_one("#replay-error", Static))
        assert says in error and "Traceback" not in error
        assert screen.outcome is None


@pilot_test
async def test_the_auth_url_and_its_help_fit_at_80x24() -> None:
    """The input and its one-line help, whole at 80 columns, above the requests list."""
    app = make_app("", now=BA_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#auth-url", Input)
        hint = screen.query_one("#auth-url-help", Static)
        for widget in (field, hint):
            assert widget.region.right <= 80 and widget.region.height == 1
        assert "set-auth-jwt" in widget_text(app, hint)
        assert widget_text(app, hint).strip().endswith("Origin?")  # not cut
        assert hint.region.bottom <= screen.query_one("#exchanges").region.y
        # the extra headers' help moved into their box's top border, whole
        headers = widget_text(app, screen.query_one("#headers"))
        assert "Extra headers, one 'Name: value' a line (ignored for a curl)" in headers
