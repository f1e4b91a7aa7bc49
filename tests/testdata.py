"""Paths and constants of the test data (importable from any test: tests/ is on the path)."""

from __future__ import annotations

import shutil
from pathlib import Path

from jwtscope.demo import DEMO_PROJECT

DATA = Path(__file__).resolve().parent / "data"
BETTERAUTH_EDDSA = DATA / "betterauth" / "eddsa"
#: alice.jwt's iat (2026-11-24T23:32:50Z); its exp is iat + 900.
BA_IAT = 1795563170
#: The sample projects of the audit tests. The buggy Better Auth ones are the demo's:
#: ``DEMO_PROJECT / "backend"`` and ``DEMO_PROJECT / "web"``.
PROJECTS = Path(__file__).resolve().parent / "audit" / "projects"


def build_ba_fullstack_buggy(root: Path) -> Path:
    """Put the buggy full-stack project together in ``root`` (which must not exist yet).

    Its FastAPI ``api/`` lives in ``tests/audit/projects/ba_fullstack_buggy``; its Next.js +
    Better Auth ``web/`` is the demo project's.
    """
    shutil.copytree(PROJECTS / "ba_fullstack_buggy" / "api", root / "api")
    shutil.copytree(DEMO_PROJECT / "web", root / "web")
    return root


#: The scenarios written by tests/data/betterauth/generator (see its README).
BETTERAUTH = DATA / "betterauth"


def ba_text(scenario: str, name: str) -> str:
    """One file of a generated Better Auth scenario, as text."""
    return (BETTERAUTH / scenario / name).read_text()
