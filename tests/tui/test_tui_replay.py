"""The Replay screen against a real FastAPI backend on 127.0.0.1."""

from __future__ import annotations

import pytest
from servers.replay_backends import eddsa_no_audience, hs256_fed_eddsa, hs256_ok
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT, BETTERAUTH_EDDSA
from textual.widgets import Input, OptionList, Static
from tui_support import env_with, hs256, make_app, pilot_test, started, widget_text

from jwtscope.errors import JwtscopeError
from jwtscope.tui.screens.replay import ReplayScreen

NOW = BA_IAT + 60
SECRET = (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()
TOKEN = (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()


@pytest.fixture(scope="module")
def fed_eddsa():
    with serve_backend(hs256_fed_eddsa(SECRET, FixedClock(NOW))) as base:
        yield base


@pytest.fixture(scope="module")
def hs_ok():
    with serve_backend(hs256_ok(SECRET, FixedClock(NOW))) as base:
        yield base


async def _send(app, pilot, text: str) -> ReplayScreen:
    await pilot.press("f6")
    screen = app.screen
    assert isinstance(screen, ReplayScreen)
    screen.query_one("#url", Input).value = text
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


@pilot_test
async def test_the_stages_show_as_in_the_cli(fed_eddsa) -> None:
    """The top cause, then "then, once fixed:" and the next stage, as `replay` prints."""
    app = make_app(TOKEN, now=NOW, env=env_with(BETTER_AUTH_SECRET=SECRET))
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        screen = await _send(app, pilot, f"{fed_eddsa}/todos")
        assert screen.outcome is not None
        assert [c.code for c in screen.outcome.diagnosis.causes] == [
            "CAUSE-ALG-MISMATCH",
            "CAUSE-AUDIENCE",
        ]
        shown = widget_text(app, screen.query_one("#diagnosis", Static))
        assert shown.index("1. CAUSE-ALG-MISMATCH") < shown.index("then, once fixed:")
        assert shown.index("then, once fixed:") < shown.index("2. CAUSE-AUDIENCE")


@pilot_test
async def test_url_replays_the_main_screen_token_and_names_the_cause(fed_eddsa) -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(BETTER_AUTH_SECRET=SECRET))
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        screen = await _send(app, pilot, f"{fed_eddsa}/todos")
        assert screen.outcome is not None
        assert screen.outcome.diagnosis.top.code == "CAUSE-ALG-MISMATCH"
        shown = widget_text(app, screen.query_one("#diagnosis", Static))
        assert "CAUSE-ALG-MISMATCH" in shown and 'algorithms=["EdDSA"]' in shown
        assert (
            screen.query_one("#exchanges", OptionList).option_count
            == len(screen.outcome.exchanges)
            >= 3
        )
        assert "main screen" in widget_text(app, screen.query_one("#replay-token", Static))
        assert TOKEN.split(".")[2] not in widget_text(app, screen)


@pilot_test
async def test_a_curl_with_its_own_token_says_so(hs_ok) -> None:
    other = hs256(SECRET, iat=NOW, lifetime=900, sub="someone-else")
    app = make_app(TOKEN, now=NOW, env=env_with(BETTER_AUTH_SECRET=SECRET))
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        curl = f"curl '{hs_ok}/todos' -H 'Authorization: Bearer {other}'"
        screen = await _send(app, pilot, curl)
        assert screen.outcome is not None and screen.outcome.diagnosis.ok
        label = widget_text(app, screen.query_one("#replay-token", Static))
        assert "carried by the curl" in label


@pilot_test
async def test_bad_input_is_shown_inline_and_escape_goes_back() -> None:
    app = make_app(TOKEN, now=NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        screen = await _send(app, pilot, "curl 'http://127.0.0.1:9/todos")
        assert widget_text(app, screen.query_one("#replay-error", Static)).strip()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReplayScreen)


@pilot_test
async def test_the_cors_origin_of_a_curl_falls_back_to_its_referer() -> None:
    seen: dict[str, object] = {}

    def run_replay(request, **kwargs):
        seen.update(kwargs)
        raise JwtscopeError("not sent", "this test only looks at the inputs")

    app = make_app(TOKEN, now=NOW, run_replay=run_replay)
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        curl = "curl 'http://127.0.0.1:9/todos' -H 'Referer: http://localhost:3000/notes/1'"
        screen = await _send(app, pilot, curl)
        assert seen["origin"] == "http://localhost:3000"
        assert "not sent" in widget_text(app, screen.query_one("#replay-error", Static))


@pilot_test
async def test_the_undecided_dimensions_show_as_in_the_cli(betterauth_jwks) -> None:
    """An EdDSA token, no private key: the notes name what could not be bisected, under
    the same heading the CLI prints."""
    from jwtscope.core.diagnosis.replay_text import NOTES_HEADING

    app = make_app(TOKEN, now=NOW, env=env_with())
    with serve_backend(eddsa_no_audience(betterauth_jwks, FixedClock(NOW))) as base:
        async with app.run_test(size=(140, 44)) as pilot:
            await pilot.pause()
            screen = await _send(app, pilot, f"{base}/todos")
            assert screen.outcome is not None
            (note,) = screen.outcome.diagnosis.notes
            assert "pass --signing-key" in note
            shown = " ".join(widget_text(app, screen.query_one("#diagnosis", Static)).split())
            assert NOTES_HEADING in shown
            assert "not bisected" in shown and "pass --signing-key PEM|JWK" in shown


@pilot_test
async def test_at_80x24_each_request_is_listed_whole_and_its_fix_url_unbroken(fed_eddsa) -> None:
    """The list names each request by its key (the name the diagnosis quotes), whole; the
    purpose heads the Response tab; a fix's JWKS URL is never cut in the middle."""
    from textual.widgets import TabbedContent

    app = make_app(TOKEN, now=NOW, env=env_with(BETTER_AUTH_SECRET=SECRET))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        screen = await _send(app, pilot, f"{fed_eddsa}/todos")
        assert screen.outcome is not None
        listed = widget_text(app, screen.query_one("#exchanges", OptionList))
        for ex in screen.outcome.exchanges:
            assert ex.purpose in listed, (ex.purpose, listed)
        assert "…" not in listed
        shown = widget_text(app, screen.query_one("#diagnosis", Static))
        assert '"http://localhost:3000/api/auth/jwks"' in shown  # on one line, whole
        screen.query_one("#replay-tabs", TabbedContent).active = "tab-response"
        await pilot.pause()
        first = screen.outcome.exchanges[0]
        purposes = {p.key: p.purpose for p in screen.outcome.probes}
        response = widget_text(app, screen.query_one("#response", Static))
        assert f"{first.purpose}: {purposes[first.purpose][:20]}" in response
