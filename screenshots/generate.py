"""Regenerate the README screenshots by driving the real app with Pilot.

Usage, from the repository root::

    python3 screenshots/generate.py

Every scene is deterministic: a fixed clock (time travel on), ``tick_seconds=0``,
``local_tz=UTC``, an in-memory environment and no network. The SVGs are written next
to this script; convert one to PNG with ``rsvg-convert -w 1400 x.svg -o x.png``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

import jwt
from textual.pilot import Pilot

sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parents[1] / "tests"),
]

from jwtscope.core.keys.env_snapshot import Environment, EnvSource  # noqa: E402
from jwtscope.core.keys.keyset import KeySet, load_key_file  # noqa: E402
from jwtscope.tui.app import JwtscopeApp  # noqa: E402
from jwtscope.tui.config import AppConfig, EnvChoice  # noqa: E402
from jwtscope.tui.demo_config import demo_config  # noqa: E402
from jwtscope.tui.widgets.findings import FindingsList  # noqa: E402

__all__ = ["SCENES", "main"]

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent
SIZE = (100, 32)
SMALL = (80, 24)
WIDE = (120, 34)

BETTER_AUTH = ROOT / "tests" / "data" / "betterauth" / "eddsa"
ALICE_IAT = 1795563170
LOCAL_ORIGIN = "http://localhost:3000"
JWKS_URL = "http://localhost:3000/api/auth/jwks"

#: The weak-secret token: issued at WEAK_IAT for 15 minutes, judged two hours later.
WEAK_IAT = 1795560000
WEAK_SECRET = "secret"

Scene = Callable[[Pilot[None]], Awaitable[None]]


def in_memory_env(label: str, **values: str) -> Callable[[EnvChoice], Environment]:
    """A ``load_env`` that returns one fixed source, whatever the choice."""
    source = EnvSource(label, tuple(values.items()))
    return lambda choice: Environment(sources=(source,))


def fixed(at: int, **overrides: Any) -> AppConfig:
    """A config judged at ``at`` with no timer, UTC as local time and no network."""
    settings: dict[str, Any] = {
        "clock": lambda: float(at),
        "at": at,
        "tick_seconds": 0,
        "local_tz": UTC,
    }
    settings.update(overrides)
    return AppConfig(**settings)


def better_auth_config(*, with_jwks: bool) -> AppConfig:
    """Alice's EdDSA token from a real Better Auth server, one minute after it was issued."""
    keys = load_key_file((BETTER_AUTH / "jwks.json").read_bytes(), "jwks.json")
    return fixed(
        ALICE_IAT + 60,
        text=(BETTER_AUTH / "alice.jwt").read_text().strip(),
        load_env=in_memory_env(".env", BETTER_AUTH_URL=LOCAL_ORIGIN),
        list_env_files=lambda: [".env"],
        explicit_keys=keys if with_jwks else KeySet(),
        fetch_jwks=_no_network,
    )


def weak_secret_config() -> AppConfig:
    """An HS256 token signed with ``secret`` (also in the .env), expired 1h45 ago."""
    claims = {
        "sub": "42",
        "name": "Sam Example",
        "role": "admin",
        "iss": LOCAL_ORIGIN,
        "aud": LOCAL_ORIGIN,
        "iat": WEAK_IAT,
        "exp": WEAK_IAT + 900,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns about the short key: that is the point
        token = jwt.encode(claims, WEAK_SECRET, algorithm="HS256")
    return fixed(
        WEAK_IAT + 7200,
        text=token,
        load_env=in_memory_env(".env", JWT_SECRET=WEAK_SECRET, BETTER_AUTH_URL=LOCAL_ORIGIN),
        list_env_files=lambda: [".env"],
    )


def _no_network(url: str) -> tuple[str, dict[str, Any]]:
    raise AssertionError(f"screenshots must not fetch {url}")


def _steady(app: JwtscopeApp) -> None:
    """Stop cursors blinking so that two runs give the same picture."""
    for widget in app.screen.query("*"):
        if hasattr(widget, "cursor_blink"):
            widget.cursor_blink = False


async def _nothing(pilot: Pilot[None]) -> None:
    return None


async def _select_code_fix(pilot: Pilot[None]) -> None:
    """Open AUD-PRESENT, whose fix is a jwt.decode call (cursor to it, then Enter)."""
    app = pilot.app
    assert isinstance(app, JwtscopeApp)
    findings = app.query_one(FindingsList)
    findings.focus()
    await pilot.pause()
    assert app.report is not None
    target = app.report.codes.index("AUD-PRESENT")
    for _ in range(target):
        await pilot.press("down")
    await pilot.press("enter")  # the Finding tab (the Decoded tab is open first)


async def _keys_dialog(pilot: Pilot[None]) -> None:
    await pilot.press("f2")
    await pilot.pause()
    await pilot.click("#jwks-url")
    await pilot.press(*JWKS_URL)


#: Set by main() while a real backend runs for the replay scene.
REPLAY_BASE: list[str] = []


async def _replay(pilot: Pilot[None]) -> None:
    from textual.widgets import Input

    token = (BETTER_AUTH / "alice.jwt").read_text().strip()
    await pilot.press("f6")
    curl = (
        f"curl '{REPLAY_BASE[0]}/todos' -H 'accept: */*' "
        f"-H 'authorization: Bearer {token}' -H 'origin: {LOCAL_ORIGIN}'"
    )
    pilot.app.screen.query_one("#url", Input).value = curl
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def replay_config() -> AppConfig:
    """The Better Auth token, BETTER_AUTH_SECRET in .env, a real backend on 127.0.0.1."""
    secret = (BETTER_AUTH / "secret.txt").read_text().strip()
    return fixed(
        ALICE_IAT + 60,
        text=(BETTER_AUTH / "alice.jwt").read_text().strip(),
        load_env=in_memory_env("./.env", BETTER_AUTH_SECRET=secret),
    )


#: The Audit screen's scene: the demo's sample project, shown by its path in the repository.
AUDIT_ROOT = Path("jwtscope") / "demo" / "project"


async def _audit(pilot: Pilot[None]) -> None:
    """F8 on the demo project, Enter runs, then the Better Auth algorithm mistake selected."""
    from textual.widgets import Input, OptionList, TabbedContent

    from jwtscope.tui.screens.audit import AuditScreen

    await pilot.press("f8")
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AuditScreen) and screen.result is not None, "the audit did not run"
    screen.query_one("#audit-tabs", TabbedContent).active = "tab-audit-findings"
    findings = screen.query_one("#audit-findings", OptionList)
    findings.focus()
    codes = [f.code for f in screen.findings]
    wanted = ("CAUSE-ALG-MISMATCH", "AUDIT-DECODE-BA-SECRET")  # the cross-check, else the backend
    findings.highlighted = next((codes.index(c) for c in wanted if c in codes), 0)
    for widget in screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("f1")


async def _claims(pilot: Pilot[None]) -> None:
    pilot.app.query_one("#tabs").active = "tab-claims"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Shot:
    """One screenshot: a file name, a config, a size and what to do before taking it."""

    name: str
    config: Callable[[], AppConfig]
    act: Scene = _nothing
    size: tuple[int, int] = SIZE


SCENES: tuple[Shot, ...] = (
    Shot("main-valid.svg", lambda: better_auth_config(with_jwks=True)),
    Shot("expired-weak-secret.svg", weak_secret_config, _select_code_fix),
    Shot("keys-dialog.svg", lambda: better_auth_config(with_jwks=False), _keys_dialog),
    Shot("demo.svg", lambda: demo_config(local_tz=UTC)),
    Shot("demo-80x24.svg", lambda: demo_config(local_tz=UTC), size=SMALL),
    Shot("help.svg", lambda: demo_config(local_tz=UTC), _help),
    Shot("claims.svg", lambda: better_auth_config(with_jwks=True), _claims),
    Shot("replay.svg", replay_config, _replay),
    Shot("audit.svg", lambda: demo_config(local_tz=UTC, audit_root=AUDIT_ROOT), _audit, WIDE),
)


async def take(shot: Shot) -> str:
    """Run the app for one scene and save its SVG; returns the path written."""
    app = JwtscopeApp(shot.config())
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        await shot.act(pilot)
        await pilot.pause()
        _steady(app)
        await pilot.pause()
        return app.save_screenshot(filename=shot.name, path=str(OUT))


async def main() -> None:
    """Write every scene's SVG (the replay scene against a real local backend)."""
    from servers.replay_backends import hs256_fed_eddsa
    from servers.replay_clock import FixedClock, serve_backend

    os.chdir(ROOT)  # the audit scene names its folder relative to the repository
    secret = (BETTER_AUTH / "secret.txt").read_text().strip()
    with serve_backend(hs256_fed_eddsa(secret, FixedClock(ALICE_IAT + 60))) as base:
        REPLAY_BASE.append(base)
        for shot in SCENES:
            path = await take(shot)
            print(Path(path).relative_to(ROOT))


if __name__ == "__main__":
    asyncio.run(main())
