"""Modal screens: keys, time travel, help."""

from __future__ import annotations
