"""The user config in the app: a keymap override rebinds a key, a bad value is a warning
toast and everything else still applies."""

from __future__ import annotations

from tui_support import make_app, pilot_test, started

from jwtscope.core.user_settings import parse_settings
from jwtscope.tui.screens.help import HelpScreen

SIZE = (100, 32)


def _config(text: str):
    return parse_settings(text, "/home/u/.config/jwtscope/config.toml")


@pilot_test
async def test_a_keymap_override_rebinds_help_to_f12() -> None:
    app = make_app(user_settings=_config('[keys]\nhelp = "f12"\n'))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert not list(app._notifications)
        await pilot.press("f1")  # the old key no longer opens the help
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f12")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_an_unknown_theme_is_a_toast_and_the_rest_applies() -> None:
    app = make_app(
        user_settings=_config('theme = "no-such-theme"\n[keys]\nhelp = "f12"\nnope = "f3"\n')
    )
    default_theme = app.theme
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        messages = [n.message for n in app._notifications]
        assert len(messages) == 2
        assert any("theme: 'no-such-theme' is not a theme, ignored" in m for m in messages)
        assert any("keys.nope: no binding has this id" in m for m in messages)
        assert all(n.severity == "warning" for n in app._notifications)
        assert app.theme == default_theme
        await pilot.press("f12")  # the good override still applies
        assert isinstance(app.screen, HelpScreen)


@pilot_test
async def test_a_known_theme_applies() -> None:
    app = make_app(user_settings=_config('theme = "nord"\n'))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.theme == "nord"
        assert not list(app._notifications)
