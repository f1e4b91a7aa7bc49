"""Paths and constants of the test data (importable from any test: tests/ is on the path)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
BETTERAUTH_EDDSA = DATA / "betterauth" / "eddsa"
#: alice.jwt's iat (2026-11-24T23:32:50Z); its exp is iat + 900.
BA_IAT = 1795563170
