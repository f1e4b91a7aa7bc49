"""The screens: Replay, Probe and Audit, and the keys, time-travel and help dialogs.

Each derives from :mod:`jwtscope.tui.screens.base`.
"""

from __future__ import annotations
