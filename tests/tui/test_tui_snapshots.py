"""Snapshots: how the app looks for the cases a user meets first (pytest-textual-snapshot).

Regenerate after an intended visual change with
``python -m pytest -n 0 tests/tui --snapshot-update`` and look at the SVGs before committing.
Every app here is deterministic: fixed clock, no timer, UTC, in-memory environment, and a
cursor that does not blink (so the screenshot never catches it half-way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from testdata import BA_IAT, BETTERAUTH_EDDSA
from textual.pilot import Pilot
from tui_support import BA_NOW, STRONG_A, betterauth_keys, env_with, hs256, make_app

from jwtscope.tui.app import JwtscopeApp
from jwtscope.tui.widgets.token_editor import TokenEditor

SIZE = (100, 32)
SnapCompare = Callable[..., bool]


async def _steady(pilot: Pilot[Any]) -> None:
    """No cursor blink, and every pending refresh done: the first analysis follows the first
    frame, then the findings list selects a finding, then the detail and lazy tabs update."""
    pilot.app.query_one(TokenEditor).cursor_blink = False
    for _ in range(4):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _snap(
    snap_compare: SnapCompare, app: JwtscopeApp, expected: tuple[str, ...], **kw: Any
) -> None:
    """Compare the screenshot, then check the app showed the report the test is about."""
    assert snap_compare(app, terminal_size=SIZE, run_before=_steady, **kw)
    assert app.report is not None
    assert app.report.codes == expected


def test_valid_hs256_with_strong_secret_in_env(snap_compare: SnapCompare) -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_A))
    _snap(snap_compare, app, ("SIG-VALID",))


def test_expired_token_with_weak_secret(snap_compare: SnapCompare) -> None:
    token = hs256("secret", lifetime=900)
    app = make_app(token, now=BA_IAT + 3600, env=env_with(JWT_SECRET="secret"))
    expected = ("SECRET-COMMON", "SECRET-CRACKED", "SECRET-SHORT", "EXP-PAST", "SIG-VALID")
    _snap(snap_compare, app, expected)


def test_malformed_token(snap_compare: SnapCompare) -> None:
    app = make_app("eyJhbGciOiJIUzI1NiJ9.not*base64!.c2ln")
    _snap(snap_compare, app, ("TOKEN-MALFORMED",))


def test_betterauth_eddsa_token_with_its_jwks(
    snap_compare: SnapCompare, betterauth_token: str
) -> None:
    app = make_app(betterauth_token, now=BA_NOW, keys=betterauth_keys())
    _snap(snap_compare, app, ("AUD-PRESENT", "SIG-VALID"))


def test_betterauth_session_token_with_the_secret(
    snap_compare: SnapCompare, betterauth_secret: str
) -> None:
    session = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()
    app = make_app(session, env=env_with(BETTER_AUTH_SECRET=betterauth_secret))
    _snap(snap_compare, app, ("BA-SESSION-TOKEN", "SECRET-LOW-ENTROPY"))


def test_help_screen(snap_compare: SnapCompare) -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_A))
    _snap(snap_compare, app, ("SIG-VALID",), press=["f1"])
