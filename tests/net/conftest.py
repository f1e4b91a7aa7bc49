"""Fixtures for network tests: a real JWKS server on a loopback port."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# tests/ has no __init__.py: make tests/servers importable as `servers` however pytest
# is started (`pytest` or `python -m pytest`). `pythonpath = ["tests"]` in the pytest
# config would make these lines unnecessary.
_TESTS = Path(__file__).resolve().parents[1]
if str(_TESTS) not in sys.path:
    sys.path.insert(0, str(_TESTS))

from servers.harness import serve  # noqa: E402
from servers.jwks_server import create_app  # noqa: E402

BETTERAUTH_EDDSA = _TESTS / "data" / "betterauth" / "eddsa"
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Talk to the loopback servers directly, whatever proxy the machine is set up for."""
    for name in (*_PROXY_VARIABLES, "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def betterauth_jwks() -> dict[str, Any]:
    """The JWKS a real Better Auth server published (one Ed25519 key)."""
    document: dict[str, Any] = json.loads((BETTERAUTH_EDDSA / "jwks.json").read_text())
    return document


@pytest.fixture(scope="session")
def betterauth_token() -> str:
    """A real Better Auth JWT (EdDSA) signed by the key in :func:`betterauth_jwks`."""
    return (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()


@pytest.fixture(scope="module")
def jwks_server(betterauth_jwks: dict[str, Any]) -> Iterator[str]:
    """Base URL of a real uvicorn server running :mod:`servers.jwks_server`."""
    with serve(create_app(betterauth_jwks)) as base_url:
        yield base_url
