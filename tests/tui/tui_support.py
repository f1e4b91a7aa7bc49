"""Builders and readers shared by the TUI tests: a deterministic app, and what it shows.

Every app built here has a fixed clock, an in-memory environment, no timer
(``tick_seconds=0``) and UTC as its local zone, so a run never depends on the machine,
the day or the time it took.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import io
import re
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

import jwt
from rich.console import Console
from testdata import BA_IAT, BETTERAUTH_EDDSA
from textual.widget import Widget

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet, load_key_file
from jwtscope.tui.app import JwtscopeApp
from jwtscope.tui.clipboard import ClipboardSystem
from jwtscope.tui.config import AppConfig, EnvChoice, JwksFetcher
from jwtscope.tui.widgets.findings import FindingsList

__all__ = [
    "BA_NOW",
    "NO_TOOL",
    "STRONG_A",
    "STRONG_B",
    "betterauth_keys",
    "env_with",
    "hs256",
    "listed_codes",
    "make_app",
    "pilot_test",
    "real_fetcher",
    "screen_text",
    "widget_text",
]

#: 60 s after the Better Auth token was issued: valid, 14 minutes left.
BA_NOW = BA_IAT + 60
#: Two strong, unrelated HMAC secrets (32 random-looking alphanumerics each).
STRONG_A = "Zq7vN2xR9tLm4Kp8Wc3Yh6Bd1Fg5Js0A"
STRONG_B = "Hs4Tn8Qw2Ek6Vb9Rx1Mz5Lc7Pj3Gd0Uy"

#: The clipboard of a plain xterm with no clipboard tool on the PATH (nothing is run).
NO_TOOL = ClipboardSystem(env={"TERM": "xterm-256color"}, which=lambda name: None)

_CODE = re.compile(r"\b[A-Z]+(?:-[A-Z0-9]+)+\b")


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an ``async def`` test body with ``asyncio.run`` (no pytest async plugin here).

    The wrapper keeps the test's signature, so pytest still injects its fixtures.
    """

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def started(pilot: Any) -> None:
    """Wait until the app has read its environment and run its first analysis.

    That happens after the first frame; one ``pilot.pause()`` is not always enough on a
    loaded machine. This waits on the app's own flag, message by message (no sleep).
    """
    for _ in range(500):
        if pilot.app.started:
            await pilot.pause()
            return
        await pilot.pause()
    raise AssertionError("the app never finished its first analysis")


async def until(pilot: Any, condition: Callable[[], bool], what: str) -> None:
    """Process the app's messages until ``condition()`` holds (a message chain such as
    cursor → highlighted → detail can take more than one ``pilot.pause()`` under load;
    no sleep: each round waits for the app to be idle)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


def env_with(**variables: str) -> Environment:
    """An environment with one ``./.env`` source holding ``variables``."""
    return Environment(sources=(EnvSource("./.env", tuple(variables.items())),))


def hs256(secret: str, *, iat: int = BA_IAT, lifetime: int = 3600, **claims: Any) -> str:
    """An HS256 token for ``user-1`` issued at ``iat``."""
    payload = {"sub": "user-1", "iat": iat, "exp": iat + lifetime, **claims}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)  # weak on purpose
        return jwt.encode(payload, secret, algorithm="HS256")


def betterauth_keys() -> KeySet:
    """The Better Auth JWKS file, loaded as explicit keys (as ``--jwks jwks.json`` does)."""
    return load_key_file((BETTERAUTH_EDDSA / "jwks.json").read_bytes(), "JWKS jwks.json")


def real_fetcher(timeout: float = 5.0) -> JwksFetcher:
    """The fetcher the CLI gives the app: the real ``fetch_jwks``."""
    from jwtscope.net.jwks_fetch import fetch_jwks

    def fetch(url: str) -> tuple[str, dict[str, Any]]:
        fetched = fetch_jwks(url, timeout=timeout)
        return fetched.url, fetched.document

    return fetch


def make_app(
    text: str = "",
    *,
    now: int = BA_NOW,
    env: Environment | None = None,
    keys: KeySet | None = None,
    **overrides: Any,
) -> JwtscopeApp:
    """The app with a fixed clock at ``now``, ``env`` as its only environment, no timer."""
    environment = env or Environment()

    def load_env(choice: EnvChoice) -> Environment:
        return environment

    settings: dict[str, Any] = {
        "text": text,
        "clock": lambda: float(now),
        "load_env": load_env,
        "explicit_keys": keys or KeySet(),
        "tick_seconds": 0,
        "local_tz": datetime.UTC,
        # A terminal that takes OSC 52 and no clipboard tool: no test reaches the machine's.
        "clipboard": NO_TOOL,
    }
    settings.update(overrides)
    return JwtscopeApp(AppConfig(**settings))


def screen_text(app: JwtscopeApp) -> str:
    """Everything on the terminal right now (every layer, dialogs included), as plain text.

    Built the way ``App.export_screenshot`` builds its SVG, but exported as text, so a
    string that is split across styled spans is still found.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


def widget_text(app: JwtscopeApp, widget: Widget) -> str:
    """The text on screen inside ``widget``'s region (what the user sees of it)."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def listed_codes(app: JwtscopeApp) -> list[str]:
    """The finding codes of the findings list, read from its option labels, in order."""
    findings = app.query_one(FindingsList)
    codes = []
    for index in range(findings.option_count):
        label = str(findings.get_option_at_index(index).prompt)
        match = _CODE.search(label)
        codes.append(match.group(0) if match else label)
    return codes
