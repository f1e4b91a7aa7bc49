"""The pure engine: text, keys and an explicit ``now`` in; frozen dataclasses out.

Nothing in this package imports textual, httpx or rich, reads the clock, the
environment or files. Callers pass everything in.
"""

from __future__ import annotations
