"""Shared fixtures: a clean environment, the real Better Auth data, the full-stack sample
project, a real JWKS server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers.harness import serve
from servers.jwks_server import create_app
from testdata import BETTERAUTH_EDDSA, build_ba_fullstack_buggy

from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES, URL_NAMES

_PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No secret, URL or proxy from the machine running the tests leaks into them."""
    for name in (*KNOWN_SECRET_NAMES, *URL_NAMES, *_PROXY_VARIABLES, "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    # nor the user config of whoever runs them (a path that does not exist)
    monkeypatch.setenv("JWTSCOPE_CONFIG", str(tmp_path_factory.mktemp("noconfig") / "none.toml"))


@pytest.fixture(scope="session")
def betterauth_jwks() -> dict[str, Any]:
    """The JWKS a real Better Auth server published (one Ed25519 key)."""
    document: dict[str, Any] = json.loads((BETTERAUTH_EDDSA / "jwks.json").read_text())
    return document


@pytest.fixture(scope="session")
def betterauth_token() -> str:
    """A real Better Auth JWT (EdDSA) signed by the key in :func:`betterauth_jwks`."""
    return (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()


@pytest.fixture(scope="session")
def betterauth_secret() -> str:
    """The BETTER_AUTH_SECRET the real Better Auth server ran with (a test value)."""
    return (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()


@pytest.fixture(scope="session")
def ba_fullstack_buggy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The buggy full-stack sample project (``api/`` + the demo's ``web/``), read-only."""
    return build_ba_fullstack_buggy(tmp_path_factory.mktemp("fullstack") / "ba_fullstack_buggy")


@pytest.fixture(scope="session")
def jwks_server(betterauth_jwks: dict[str, Any]) -> Iterator[str]:
    """Base URL of a real uvicorn server running :mod:`servers.jwks_server`."""
    with serve(create_app(betterauth_jwks)) as base_url:
        yield base_url
