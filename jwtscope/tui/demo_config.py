"""The demo's app settings: the built-in token judged at a fixed instant, the demo ``.env``
and project.

The demo's data lives in :mod:`jwtscope.demo`; this module only turns it into an
:class:`~jwtscope.tui.config.AppConfig` (the demo never touches the network).
"""

from __future__ import annotations

import time
from typing import Any

from jwtscope.demo import DEMO_NOW, DEMO_PROJECT, DEMO_TOKEN, demo_environment
from jwtscope.tui.config import AppConfig

__all__ = ["demo_config"]


def demo_config(**overrides: Any) -> AppConfig:
    """The app's configuration for the demo: fixed time, demo .env, demo project, no network."""
    settings: dict[str, Any] = {
        "text": DEMO_TOKEN,
        # The real clock: the demo opens time-travelled to its fixed instant (`at`), and
        # F3's "Back to now" returns to the real now, not to a frozen one.
        "clock": time.time,
        "load_env": lambda choice: demo_environment(),
        "list_env_files": lambda: ["demo .env"],
        "at": DEMO_NOW,
        "at_label": "demo time",
        "title": "demo: a ticket's token vs the demo backend's .env",
        "tick_seconds": 0,
        "audit_root": DEMO_PROJECT,
    }
    settings.update(overrides)
    return AppConfig(**settings)
