"""Snapshots of every screen at the two sizes a user meets: 80x24 and 120x40.

Each one opens the demo (its token and ``.env``, judged at its fixed instant, with a fixed
clock and UTC), presses the screen's key and waits for the app's workers, so the picture
never depends on the machine, the day or the time a step took. Nothing reaches the
network: the replay is typed but not sent, the audit reads the demo's sample project and
the HAR screen reads a recorded fixture.

Regenerate after an intended visual change with
``python -m pytest -n 0 tests/tui --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_support import NO_TOOL, started

from jwtscope.core.analysis import analyze
from jwtscope.demo import DEMO_NOW, DEMO_PROJECT, DEMO_TOKEN, demo_environment
from jwtscope.tui.demo_config import demo_config
from jwtscope.tui.screens.audit import AuditScreen
from jwtscope.tui.screens.har import HarScreen
from jwtscope.tui.screens.replay import ReplayScreen
from jwtscope.tui.widgets.token_editor import TokenEditor

HARS = Path(__file__).resolve().parents[1] / "data" / "har"
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[Any]], Awaitable[None]]


async def _settle(pilot: Pilot[Any]) -> None:
    """Every worker done, every refresh and animation run, and no cursor that blinks."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        _steady_cursor(area)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _steady_cursor(area: TextArea) -> None:
    """No blinking, and no line kept from before: Textual's line cache does not key on
    focus once blinking is off, so a line drawn before the editor had focus (the first
    frame) could come back without its cursor."""
    area.cursor_blink = False
    area.notify_style_update()  # clears the TextArea's line cache
    area.refresh()


async def _painted(pilot: Pilot[Any]) -> None:
    """Return once the screen has been repainted (Textual runs ``call_after_refresh``
    callbacks after the pending repaint)."""
    done = asyncio.get_running_loop().create_future()
    pilot.app.screen.refresh()
    pilot.app.call_after_refresh(done.set_result, None)
    await done


def _press(*keys: str) -> Step:
    async def step(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)

    return step


async def _replay_typed(pilot: Pilot[Any]) -> None:
    """A request typed (not sent): the URL and one header, as a user types them."""
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReplayScreen)
    await pilot.press(*"http://127.0.0.1:8000/api/notes")
    pilot.app.screen.query_one("#headers", TextArea).text = "Accept: application/json"


async def _audit(pilot: Pilot[Any]) -> None:
    """The demo's sample project audited (local files only)."""
    await pilot.press("f8")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AuditScreen) and screen.result is not None


async def _har(pilot: Pilot[Any]) -> None:
    """The recorded expired-token HAR, read by its name (the test runs in its folder)."""
    await pilot.press("f9")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HarScreen)
    screen.query_one("#har-path", Input).value = "expired.har"
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _nothing(pilot: Pilot[Any]) -> None:
    return None


SCREENS: dict[str, Step] = {
    "main": _nothing,
    "keys": _press("f2"),
    "time_travel": _press("f3"),
    "help": _press("f1"),
    "replay_empty": _press("f6"),
    "replay_typed": _replay_typed,
    "probe": _press("f7"),
    "audit": _audit,
    "har": _har,
    "resign": _press("ctrl+r"),
    "resign_signed": _press("ctrl+r", "ctrl+s"),
    "save": _press("ctrl+e"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch, screen: str, size: str
) -> None:
    # Relative folders, so no machine path is on screen: the HAR fixtures' folder is the
    # working directory, and the demo project is named from its parent.
    monkeypatch.chdir(HARS if screen == "har" else DEMO_PROJECT.parent)
    app = demo_config_app()
    reached: list[str] = []

    async def run_before(pilot: Pilot[Any]) -> None:
        await started(pilot)
        _steady_cursor(pilot.app.query_one(TokenEditor))  # under every dialog too
        # Painted before a dialog opens: the screen below a dialog is not repainted, and
        # its picture would otherwise keep the cursor's blink phase of the moment.
        await _painted(pilot)
        await SCREENS[screen](pilot)
        await _settle(pilot)
        reached.append(type(pilot.app.screen).__name__)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
    assert reached  # the steps ran to the end before the picture was taken
    # judged at the demo's instant, with its .env: as `jwtscope demo --text` prints it
    expected = analyze(DEMO_TOKEN, now=DEMO_NOW, env=demo_environment(), now_is_real=False)
    assert app.report is not None and app.report.codes == expected.codes


def demo_config_app() -> Any:
    """The demo app with a fixed clock (its `at` is already fixed), UTC, no clipboard tool."""
    from jwtscope.tui.app import JwtscopeApp

    config = demo_config(
        clock=lambda: float(DEMO_NOW),
        local_tz=datetime.UTC,
        clipboard=NO_TOOL,
        audit_root=Path(DEMO_PROJECT.name),
        report_dir=Path("."),  # the save dialog proposes a relative path: no machine path
    )
    return JwtscopeApp(config)
