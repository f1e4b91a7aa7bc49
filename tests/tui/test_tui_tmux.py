"""The app in a real terminal: ``jwtscope tui TOKEN`` and ``jwtscope demo`` in a detached
120x40 tmux session, read back with ``tmux capture-pane``.

Skipped when tmux is not installed. Each test runs its own tmux server (its own socket,
no user configuration), always killed at the end. No sleep: the pane is polled until a
deadline, each wait a bounded ``tmux wait-for`` (a subprocess timeout).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from tui_support import BA_NOW, STRONG_A, hs256

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

DEADLINE_S = 30.0
SIZE = ("120", "40")
#: What the demo's first screen shows: its payload, verdict, fixed instant and findings.
DEMO_LINES = (
    '"Dana Demo"',
    '"email": "dana@example.com"',
    "SIGNATURE VALID",
    "DEMO TIME, 2026-11-24T23:40:00Z — NOT NOW",
    "SECRET-COMMON",
)


def _run_in_tmux(
    command: list[str], cwd: Path, env: dict[str, str], ready: Callable[[str], bool]
) -> str:
    """Start ``command`` in a detached 120x40 session; the pane's text once ``ready`` holds."""
    socket = f"jwtscope-test-{uuid.uuid4().hex[:8]}"

    def tmux(*args: str, timeout: float = 10) -> str:
        done = subprocess.run(
            ["tmux", "-L", socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, timeout=timeout, check=True,
        )  # fmt: skip
        return done.stdout

    settings = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
    try:
        tmux("new-session", "-d", "-s", "t", "-x", SIZE[0], "-y", SIZE[1], "-c", str(cwd),
             "-e", "TERM=xterm-256color", *settings, *command)  # fmt: skip
        assert tmux("display-message", "-p", "-t", "t", "#{pane_width}x#{pane_height}") == (
            f"{SIZE[0]}x{SIZE[1]}\n"
        )
        deadline = time.monotonic() + DEADLINE_S
        pane = ""
        while time.monotonic() < deadline:
            pane = tmux("capture-pane", "-p", "-t", "t")
            if ready(pane):
                return pane
            # a short bounded wait: nobody signals this channel
            with contextlib.suppress(subprocess.TimeoutExpired):
                tmux("wait-for", "never-signalled", timeout=0.1)
        raise AssertionError(f"the app did not show what was expected in time:\n{pane}")
    finally:
        subprocess.run(
            ["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10, check=False
        )


def test_tui_with_a_token_shows_the_payload_and_the_verdict(tmp_path: Path) -> None:
    """A valid HS256 token, its secret in the environment, judged at a fixed time."""
    token = hs256(STRONG_A, sub="tmux-user")
    at = str(BA_NOW)
    pane = _run_in_tmux(
        [sys.executable, "-m", "jwtscope", "tui", "--at", at, token],
        tmp_path,  # an empty folder: no .env to pick up
        {"JWT_SECRET": STRONG_A},
        # ready once every line the test reads is drawn: the app paints in several frames
        lambda text: '"sub": "tmux-user"' in text and "SIGNATURE VALID" in text,
    )
    assert '"sub": "tmux-user"' in pane
    assert "SIGNATURE VALID" in pane and "SIGNATURE UNVERIFIED" not in pane
    assert STRONG_A not in pane  # the secret is named, never shown


def test_demo_shows_the_payload_and_the_verdict(tmp_path: Path) -> None:
    """The README's first command's app: the demo token against the demo .env."""
    pane = _run_in_tmux(
        [sys.executable, "-m", "jwtscope", "demo"],
        tmp_path,
        {},
        # ready once every line the test reads is drawn, not after the app's first frame
        lambda text: all(line in text for line in DEMO_LINES),
    )
    assert '"email": "dana@example.com"' in pane
    assert "DEMO TIME, 2026-11-24T23:40:00Z — NOT NOW" in pane  # the demo's fixed instant
    assert "SECRET-COMMON" in pane  # its findings list, worst first
