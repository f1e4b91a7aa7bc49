"""The Probe screen's route plan: pick routes before anything is sent, then Esc/Ctrl+C
stops a running route probe, which still deletes what it created and says so."""

from __future__ import annotations

import asyncio

import jwt
from servers.replay_clock import FixedClock, serve_backend
from servers.route_backends import gated_api, item_hole
from testdata import BA_IAT
from textual.widgets import Checkbox, DataTable, Input, SelectionList, Static
from tui_support import env_with, make_app, pilot_test

from jwtscope.tui.screens.probe import ProbeScreen
from jwtscope.tui.screens.probe_dialogs import RoutePickScreen

NOW = BA_IAT + 60
SECRET = "route-probe-secret-0123456789abcdef01234"
TOKEN = jwt.encode({"sub": "user-a", "iat": NOW, "exp": NOW + 900}, SECRET, algorithm="HS256")


async def _open_plan(pilot, app, base: str, create: str = "") -> ProbeScreen:
    await pilot.pause()
    await pilot.press("f7")
    screen = app.screen
    assert isinstance(screen, ProbeScreen)
    screen.query_one("#probe-url", Input).value = base
    screen.query_one("#all-routes", Checkbox).value = True
    if create:
        screen.query_one("#allow-writes", Checkbox).value = True
        screen.query_one("#create", Input).value = create
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


@pilot_test
async def test_the_plan_lists_every_route_selected_and_runs_only_those_picked() -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    backend = item_hole(SECRET, FixedClock(NOW))
    with serve_backend(backend) as base:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_plan(pilot, app, base)
            pick = app.screen
            assert isinstance(pick, RoutePickScreen)
            assert backend.state.seen == [("GET", "/openapi.json")]  # only the discovery
            routes = pick.query_one("#pick-routes", SelectionList)
            labels = [p.route.label for p in pick.plans]
            assert len(routes.selected) == len(labels) == 5  # all selected by default
            await pilot.press("a")  # none
            assert routes.selected == []
            await pilot.press("a")  # all again
            assert len(routes.selected) == 5
            await pilot.press("a")
            wanted = labels.index("GET /todos/{todo_id}")
            routes.highlighted = wanted
            await pilot.press("space")  # toggles the highlighted route only
            assert [r.label for r in pick.picked] == ["GET /todos/{todo_id}"]
            keys = str(pick.query_one("#pick-keys", Static).content)
            assert keys.startswith("1 of 5 picked")
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen
            assert [r.route.label for r in screen.rows] == ["GET /todos/{todo_id}"]
            assert screen.query_one("#route-matrix", DataTable).row_count == 1
            probed = {p for m, p in backend.state.seen} - {"/openapi.json"}
            assert probed == {"/todos", "/todos/1"}  # the list for the id, then the route


@pilot_test
async def test_escape_on_the_plan_sends_nothing() -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    backend = item_hole(SECRET, FixedClock(NOW))
    with serve_backend(backend) as base:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_plan(pilot, app, base)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and screen.rows == []
            assert backend.state.seen == [("GET", "/openapi.json")]
            assert "nothing was sent" in str(screen.query_one("#probe-error", Static).content)


async def _stop_while_running(key: str) -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    backend = gated_api(SECRET, FixedClock(NOW))
    with serve_backend(backend) as base:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_plan(pilot, app, base, create='{"title": "probe"}')
            assert isinstance(app.screen, RoutePickScreen)
            await pilot.press("ctrl+s")
            assert await asyncio.to_thread(backend.state.reached.wait, 10)  # mid-route
            await pilot.press(key)
            backend.state.gate.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen  # the stop did not leave the screen
            status = str(screen.query_one("#probe-error", Static).content)
            assert status.startswith("stopped — cleaned up 1 (of 1 created)"), status
            assert screen.result is not None and screen.result.stopped
            assert screen.rows[0].route.label == "GET /slow"
            skipped = [r for r in screen.rows[1:] if r.verdicts[0].explanation.startswith("stop")]
            assert skipped and len(skipped) == len(screen.rows) - 1
            assert ("DELETE", "/todos/3") in backend.state.seen
            assert set(backend.state.store) == {1, 2}  # the probe's todo is gone


@pilot_test
async def test_escape_stops_a_running_route_probe_and_it_still_cleans_up() -> None:
    await _stop_while_running("escape")


@pilot_test
async def test_ctrl_c_stops_a_running_route_probe_and_it_still_cleans_up() -> None:
    await _stop_while_running("ctrl+c")
