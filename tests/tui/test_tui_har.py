"""The HAR screen (F9) on a HAR recorded by a real Chromium: the timeline, the cause,
and the selected request's token judged at that request's time."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from tui_support import env_with, make_app, pilot_test, screen_text, widget_text

from jwtscope.tui.app import JwtscopeApp
from jwtscope.tui.screens.har import HarScreen

HARS = Path(__file__).resolve().parents[1] / "data" / "har"
SECRET = "har-fixture-secret-5b0c2f7e9d1a4c3b8e6f"  # tests/data/har/README.md


async def _read(app: JwtscopeApp, pilot: Pilot[None], path: Path) -> HarScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HarScreen)
    screen.query_one("#har-path", Input).value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()
    return screen


def _fixture_token(path: Path) -> str:
    """The JWT the fixture's sign-in handed out (set-auth-jwt)."""
    for entry in json.loads(path.read_text())["log"]["entries"]:
        for header in entry["response"]["headers"]:
            if header["name"].lower() == "set-auth-jwt":
                return str(header["value"])
    raise AssertionError("no set-auth-jwt in the fixture")


def _content(screen: HarScreen, selector: str) -> str:
    """The whole text of a Static (also the part scrolled out of view)."""
    return str(screen.query_one(selector, Static).render())


@pilot_test
async def test_f9_shows_the_timeline_the_cause_and_the_verdict_at_request_time() -> None:
    app = make_app(env=env_with(JWT_SECRET=SECRET))
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await _read(app, pilot, HARS / "expired.har")
        table = screen.query_one("#har-rows", DataTable)
        assert table.row_count == 3  # sign-in, the accepted call, the refused one
        cause = widget_text(app, screen.query_one("#har-cause", Static))
        assert "HAR-TOKEN-EXPIRED" in cause
        # the cursor starts on the first failure: the token was expired at that time
        assert "→ 401 at" in widget_text(app, screen.query_one("#har-detail", Static))
        detail = _content(screen, "#har-detail")
        assert "→ 401" in detail and "expired at this time" in detail
        assert "EXP-PAST" in detail and "JWT_SECRET" in detail  # verified with the env secret
        await pilot.press("up")
        await pilot.pause()
        detail = _content(screen, "#har-detail")
        assert "→ 200" in detail and "valid at this time" in detail
        assert "EXP-PAST" not in detail
        text = screen_text(app)
        assert SECRET not in text and "hunter2" not in text
        token = _fixture_token(HARS / "expired.har")
        signature = token.rsplit(".", 1)[1]
        assert signature not in text and signature not in _content(screen, "#har-detail")


@pilot_test
async def test_a_broken_file_is_one_line_and_escape_goes_back(tmp_path: Path) -> None:
    broken = tmp_path / "x.har"
    broken.write_text('{"log": {"entries": [')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _read(app, pilot, broken)
        status = widget_text(app, screen.query_one("#har-status", Static))
        assert "is truncated" in status and "export the HAR again" in status
        assert screen.query_one("#har-rows", DataTable).row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HarScreen)
