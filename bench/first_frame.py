"""Launcher for ``bench_tui.py``: start an app, report its first frame, exit.

Usage: ``python bench/first_frame.py minimal|jwtscope`` inside a terminal. Both apps do
the same thing: import, build the app, run until Textual posts ``Ready`` (the DOM is
mounted and the first frame has been written to the terminal), write ``ready`` to the
file descriptor named by ``BENCH_READY_FD`` and exit. Imports happen inside the two
functions so that the minimal app never loads jwtscope.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["run_jwtscope", "run_minimal"]


def _signal_ready() -> None:
    fd = int(os.environ.get("BENCH_READY_FD", "-1"))
    if fd >= 0:
        os.write(fd, b"ready\n")


def run_minimal() -> None:
    """A bare Textual app: Header, Input, Footer."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(placeholder="Paste a token")
            yield Footer()

        def on_ready(self) -> None:
            _signal_ready()
            self.exit()

    MinimalApp().run()


def run_jwtscope() -> None:
    """The real app on the built-in demo, as ``jwtscope demo`` opens it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from jwtscope.tui.app import JwtscopeApp
    from jwtscope.tui.demo_config import demo_config

    class FirstFrameApp(JwtscopeApp):
        # CSS_PATH is resolved next to the class's module: point back at the app's file.
        CSS_PATH = str(Path(sys.modules[JwtscopeApp.__module__].__file__ or "").parent / "app.tcss")

        def on_ready(self, event: Any) -> None:
            _signal_ready()
            self.exit()

    FirstFrameApp(demo_config()).run()


if __name__ == "__main__":
    {"minimal": run_minimal, "jwtscope": run_jwtscope}[sys.argv[1]]()
