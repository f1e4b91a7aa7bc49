"""The app against hostile tokens and a server that echoes secrets.

Every hostile token of the issue (non-finite and huge time claims, a lone surrogate,
ESC/C1 in ``aud``/``iss``/``alg``) opens the app, its Claims and JSON tabs and every
screen (F1, F2, F3, F6, F7, F8, Esc back) without an exception and without a raw
escape on screen. With a canary secret planted in the environment and echoed by the
server, nothing the app shows, copies (F4, F5) or exports (Ctrl+E) holds the secret or
a signature made with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from adversarial.fuzz_strategies import HOSTILE_TOKENS
from adversarial.test_canary_leaks import SECRET, TOKEN, assert_no_canary
from servers.echo_backend import echo_backend
from servers.harness import serve
from textual.app import App
from textual.widgets import Input, TabbedContent
from tui.tui_support import env_with, make_app, pilot_test, screen_text

from jwtscope.tui.screens.probe import ConfirmScreen, ProbeScreen
from jwtscope.tui.screens.replay import ReplayScreen
from jwtscope.tui.widgets.token_editor import TokenEditor

#: What the app's screens must never show raw: ESC, CSI, BEL, NEL.
RAW_CONTROLS = ("\x1b", "\x9b", "\x07", "\x85")
SCREENS = ("f1", "f2", "f3", "f6", "f7", "f8")
NOW = int(__import__("time").time())


def _assert_screen_clean(app: App[object], where: str) -> None:
    text = screen_text(app)
    for char in RAW_CONTROLS:
        assert char not in text, f"{where}: {char!r} on screen"


def _shown_but_editor(app: App[object]) -> str:
    """The screen, with the token editor blanked: it shows what the user pasted, whole."""
    lines = screen_text(app).splitlines()
    editor = app.screen_stack[0].query_one("#token").region
    for y in range(editor.y, min(editor.bottom, len(lines))):
        line = lines[y]
        lines[y] = (
            line[: editor.x]
            + " " * max(0, min(len(line), editor.right) - editor.x)
            + (line[editor.right :])
        )
    return "\n".join(lines)


#: The issue's crashers, toured through every screen; the others are checked on the tabs.
TOURED = ("exp NaN", "lone surrogate claim", "ESC in alg")
#: On the tabs: one of each kind (the other numbers take the same paths as these).
ON_TABS = (
    "exp 1e400",
    "exp -Infinity",
    "iat Infinity",
    "nbf NaN",
    "lone surrogate claim",
    "ESC in aud and iss",
    "ESC in alg",
    "C1 in claims",
    "deep payload",
    "JWE",
)


async def _tabs(pilot: Any, app: App[object], name: str) -> None:
    for tab in ("tab-claims", "tab-json", "tab-finding"):
        app.query_one("#tabs", TabbedContent).active = tab
        await pilot.pause()
        _assert_screen_clean(app, f"{name} {tab}")


@pilot_test
async def test_every_hostile_token_shows_clean_tabs(tmp_path: Path) -> None:
    app = make_app("", now=NOW, audit_root=tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for name in ON_TABS:
            app.query_one(TokenEditor).load_text(HOSTILE_TOKENS[name])
            await pilot.pause()
            assert app.report is not None, name
            await _tabs(pilot, app, name)
        await pilot.press("f4", "f5")
        await pilot.pause()
    assert app.return_code in (None, 0)
    assert not app._exception, app._exception


@pytest.mark.parametrize("name", TOURED)
@pilot_test
async def test_hostile_token_opens_every_screen(name: str, tmp_path: Path) -> None:
    app = make_app(HOSTILE_TOKENS[name], now=NOW, audit_root=tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await _tabs(pilot, app, name)
        for key in SCREENS if name == TOURED[0] else SCREENS[1:]:  # F1 shows no token
            await pilot.press(key)
            await pilot.pause()
            _assert_screen_clean(app, f"{name} {key}")
            await pilot.press("escape")
        await pilot.press("f4", "f5")
        await pilot.pause()
    assert app.return_code in (None, 0)
    assert not app._exception, app._exception


@pytest.fixture(scope="module")
def echo() -> Iterator[tuple[str, list[str]]]:
    received: list[str] = []
    with serve(echo_backend(SECRET, received)) as base:
        yield base + "/todos", received


@pilot_test
async def test_app_shows_copies_and_exports_no_canary(
    echo: tuple[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, received = echo
    copied: list[str] = []
    monkeypatch.setattr(App, "copy_to_clipboard", lambda self, text: copied.append(text))
    reports = tmp_path / "reports"
    reports.mkdir()
    seen: list[str] = []
    app = make_app(
        f"Authorization: Bearer {TOKEN}",
        now=NOW,
        env=env_with(JWT_SECRET=SECRET),
        report_dir=reports,
        audit_root=tmp_path,
    )
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        for tab in ("tab-claims", "tab-json", "tab-finding"):
            app.query_one("#tabs", TabbedContent).active = tab
            await pilot.pause()
            seen.append(_shown_but_editor(app))
        await pilot.press("f4", "f5")
        for key in ("f1", "f2", "f3", "f8"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(_shown_but_editor(app))
            await pilot.press("escape")

        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        app.screen.query_one("#url", Input).value = url
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for tab in ("tab-diagnosis", "tab-response"):
            app.screen.query_one("#replay-tabs", TabbedContent).active = tab
            await pilot.pause()
            seen.append(_shown_but_editor(app))
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f7")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProbeScreen)
        screen.query_one("#probe-url", Input).value = url
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen.append(_shown_but_editor(app))
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")  # the save dialog: the proposed path
        await pilot.pause()

    written = {p.name: p.read_text() for p in reports.iterdir()}
    assert len(copied) >= 2 and written, (copied, written)
    assert received, "the server was not asked"
    for where, text in [
        *(("screen", s) for s in seen),
        *(("clipboard", c) for c in copied),
        *(("export", w) for w in written.values()),
    ]:
        assert_no_canary(text, received, where=where)
    assert jwt.decode(TOKEN, SECRET, algorithms=["HS256"], options={"verify_exp": False})


@pilot_test
async def test_a_deeply_nested_answer_shows_without_a_crash(echo: tuple[str, list[str]]) -> None:
    url, _ = echo
    app = make_app(TOKEN, now=NOW, env=env_with(JWT_SECRET=SECRET))
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#url", Input).value = url.replace("/todos", "/deep")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one("#replay-tabs", TabbedContent).active = "tab-response"
        await pilot.pause()
        assert "401  GET" in screen_text(app)
    assert not app._exception, app._exception


@pilot_test
async def test_a_claim_holding_the_env_secret_is_masked_on_the_claims_and_json_tabs() -> None:
    token = jwt.encode({"sub": "u1", "debug_key": SECRET, "iat": NOW}, "other-" + SECRET)
    app = make_app(token, now=NOW, env=env_with(JWT_SECRET=SECRET))
    async with app.run_test(size=(140, 44)) as pilot:
        from tui.tui_support import started

        await started(pilot)
        tabs = app.query_one("#tabs", TabbedContent)
        for tab in ("tab-claims", "tab-json"):
            tabs.active = tab
            await pilot.pause()
            await pilot.pause()
            shown = screen_text(app)
            assert "debug_key" in shown, tab
            assert SECRET not in shown and SECRET[:24] not in shown, tab
