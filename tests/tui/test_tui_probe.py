"""The Probe screen: asks first, shows each verdict, exports the review (real backend)."""

from __future__ import annotations

from pathlib import Path

import jwt
import pytest
from servers.probe_backends import BACKENDS
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT
from textual.widgets import Checkbox, Input, OptionList, Static
from tui_support import env_with, make_app, pilot_test, started, widget_text

from jwtscope.tui.screens.probe import ConfirmScreen, ProbeScreen
from jwtscope.tui.screens.save import SaveScreen

NOW = BA_IAT + 60
SECRET = "probe-backend-secret-0123456789abcdef0123"
TOKEN = jwt.encode({"sub": "user-a", "iat": NOW, "exp": NOW + 900}, SECRET, algorithm="HS256")


@pytest.fixture(scope="module")
def alg_none_backend():
    with serve_backend(BACKENDS["alg_none_accepted"](SECRET, FixedClock(NOW))) as base:
        yield base


@pilot_test
async def test_probe_asks_first_then_shows_each_verdict_and_exports(
    alg_none_backend, tmp_path: Path
) -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET), report_dir=tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        await pilot.press("f7")
        screen = app.screen
        assert isinstance(screen, ProbeScreen)
        screen.query_one("#probe-url", Input).value = f"{alg_none_backend}/todos"
        screen.query_one("#allow-writes", Checkbox).value = True
        screen.query_one("#create", Input).value = '{"title": "probe"}'

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # nothing sent before the user confirms
        assert screen.verdicts == []
        await pilot.click("#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert screen.result is not None
        statuses = {v.test.id: v.status.value for v in screen.verdicts}
        assert statuses["P6-alg-none"] == "FAIL" and statuses["P1-valid"] == "PASS"
        assert screen.query_one("#verdicts", OptionList).option_count == len(screen.verdicts)

        await pilot.press("ctrl+e")  # asks where, the working folder proposed
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        await pilot.press("enter")
        await pilot.pause()
        [written] = tmp_path.iterdir()
        assert written.name.startswith("jwtscope-review-") and written.name.endswith(".md")
        text = written.read_text()
        assert "P6-alg-none" in text and "## Sign-off" in text
        assert TOKEN.split(".")[2] not in text and SECRET not in text


@pilot_test
async def test_cancelling_the_confirmation_sends_nothing(alg_none_backend) -> None:
    calls: list[object] = []
    app = make_app(TOKEN, now=NOW, run_probe=lambda *a, **k: calls.append(a))
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        await pilot.press("f7")
        app.screen.query_one("#probe-url", Input).value = f"{alg_none_backend}/todos"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProbeScreen)
        assert calls == []


@pilot_test
async def test_enter_confirms_and_a_stale_error_goes(alg_none_backend) -> None:
    calls: list[object] = []
    app = make_app(TOKEN, now=NOW, run_probe=lambda *a, **k: calls.append(a))
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        await pilot.press("f7")
        screen = app.screen
        await pilot.press("ctrl+s")  # the URL is empty: an error line
        await pilot.pause()
        assert widget_text(app, screen.query_one("#probe-error", Static)).strip()
        screen.query_one("#probe-url", Input).value = f"{alg_none_backend}/todos"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProbeScreen) and len(calls) == 1
        assert "URL" not in widget_text(app, screen.query_one("#probe-error", Static))


@pilot_test
async def test_export_as_tests_writes_the_probe_as_a_pytest_suite(
    alg_none_backend, tmp_path: Path
) -> None:
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET), report_dir=tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        await pilot.press("f7")
        screen = app.screen
        await pilot.press("ctrl+g")  # nothing probed yet: nothing to export, and says so
        await pilot.pause()
        assert isinstance(app.screen, ProbeScreen)
        assert "Run the probe first" in widget_text(app, screen.query_one("#probe-error", Static))
        screen.query_one("#probe-url", Input).value = f"{alg_none_backend}/todos"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # confirm: read-only, no create body
        await app.workers.wait_for_complete()
        await pilot.pause()

        await pilot.press("ctrl+g")  # asks where: test_jwtscope_auth.py in the working folder
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        await pilot.press("enter")
        await pilot.pause()
    written = tmp_path / "test_jwtscope_auth.py"
    text = written.read_text()
    assert TOKEN.split(".")[2] not in text and SECRET not in text
    assert "def test_get_todos_refuses_alg_none(api: Api, alg: str) -> None:" in text
    assert text.count("marks=pytest.mark.xfail(") == 4  # alg none: each casing its own
    assert "jwtscope probe http://127.0.0.1:" in text and "Ctrl+G" in text
    compile(text, str(written), "exec")
