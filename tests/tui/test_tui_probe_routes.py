"""The Probe screen's route matrix: every route of the OpenAPI document, tests 2–7 each."""

from __future__ import annotations

import io
from typing import Any

import jwt
from rich.console import Console
from servers.replay_clock import FixedClock, serve_backend
from servers.route_backends import item_hole
from testdata import BA_IAT
from textual.widgets import Checkbox, DataTable, Input, Static
from tui_support import env_with, make_app, pilot_test, until

from jwtscope.tui.screens.probe import ProbeScreen
from jwtscope.tui.screens.probe_dialogs import RoutePickScreen

NOW = BA_IAT + 60
SECRET = "route-probe-secret-0123456789abcdef01234"
TOKEN = jwt.encode({"sub": "user-a", "iat": NOW, "exp": NOW + 900}, SECRET, algorithm="HS256")


@pilot_test
async def test_every_route_fills_the_matrix_and_names_the_hole() -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    with serve_backend(item_hole(SECRET, FixedClock(NOW))) as base:
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f7")
            screen = app.screen
            assert isinstance(screen, ProbeScreen)
            screen.query_one("#probe-url", Input).value = base
            screen.query_one("#all-routes", Checkbox).value = True
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, RoutePickScreen)  # the plan, before anything is sent
            assert screen.rows == []
            await pilot.click("#pick-run")
            await app.workers.wait_for_complete()
            await pilot.pause()

            matrix = screen.query_one("#route-matrix", DataTable)
            assert matrix.display and matrix.row_count == len(screen.rows) == 5
            holes = [r.route.label for r in screen.rows if r.failed]
            assert holes == ["GET /todos/{todo_id}"]
            assert app.last_probe is None  # a route probe, not a one-URL probe
            assert app.last_route_probe is screen.result  # its matrix goes into the review
            matrix.focus()
            matrix.move_cursor(
                row=[r.route.label for r in screen.rows].index("GET /todos/{todo_id}")
            )

            def detail_text() -> str:
                console = Console(record=True, width=200, file=io.StringIO(), color_system=None)
                console.print(screen.query_one("#verdict-detail", Static).content)
                return console.export_text()

            await until(pilot, lambda: "GET /todos/{todo_id}" in detail_text(), "the row's detail")
            detail = detail_text()
            assert "GET /todos/{todo_id}" in detail and "declares no security" in detail


@pilot_test
async def test_the_exported_review_holds_the_route_matrix(tmp_path) -> None:
    from jwtscope.services.review_report import build_review, review_markdown

    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    with serve_backend(item_hole(SECRET, FixedClock(NOW))) as base:
        async with app.run_test(size=(130, 40)) as pilot:
            await _probe_every_route(pilot, base)
            review = build_review(
                date=NOW, system="probe", report=app.report, routes=app.last_route_probe
            )
            text = review_markdown(review)
            assert "GET /todos/{todo_id}" in text and "Route matrix" in text


@pilot_test
async def test_ctrl_g_exports_the_route_probe_as_a_pytest_suite(tmp_path) -> None:
    """The route matrix on the Probe screen → Ctrl+G → the path dialog → a valid module
    with a test per route and check, the hole's tests xfail."""
    import ast

    from jwtscope.tui.screens.save import SaveScreen

    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET), report_dir=tmp_path)
    with serve_backend(item_hole(SECRET, FixedClock(NOW))) as base:
        async with app.run_test(size=(130, 40)) as pilot:
            screen = await _probe_every_route(pilot, base)
            assert app.last_route_probe is screen.result and screen.rows
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert isinstance(app.screen, SaveScreen)  # asks where
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
    written = tmp_path / "test_jwtscope_auth.py"
    assert written.is_file()
    text = written.read_text()
    assert SECRET not in text and TOKEN.split(".")[2] not in text
    tree = ast.parse(text)  # a valid module
    names = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    checks = ("no_header", "malformed", "expired", "tampered", "alg_none", "wrong_key")
    for route in ("get_todos", "get_todos_todo_id"):
        wanted = {f"test_{route}_refuses_{c}" for c in (*checks, "blank_signature")}
        assert wanted <= set(names), sorted(names)
    xfail = {
        n for n, f in names.items() if any("xfail" in ast.unparse(d) for d in f.decorator_list)
    }
    assert xfail == {f"test_get_todos_todo_id_refuses_{c}" for c in (*checks, "blank_signature")}
    assert '"todo_id",\n                "listed",\n                "1",' in text  # the id as probed
    assert "jwtscope probe" in text and "--all-routes" in text and "Ctrl+G" in text


async def _probe_every_route(pilot: Any, base: str) -> Any:
    """F7, the API at ``base``, every route: discover (Ctrl+S), then run the picked ones."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("f7")
    screen = app.screen
    screen.query_one("#probe-url", Input).value = base
    screen.query_one("#all-routes", Checkbox).value = True
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.click("#pick-run")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen
