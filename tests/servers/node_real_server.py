"""Start a backend of ``tests/servers/node_real`` (express-jwt, passport-jwt, @fastify/jwt,
hono's jwt middleware, each at its documented defaults) for a test
(:func:`servers.node_process.serve_node_script`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from servers.node_process import serve_node_script

__all__ = ["NODE_REAL", "serve_node_real"]

NODE_REAL = Path(__file__).parent / "node_real"


@contextlib.contextmanager
def serve_node_real(lib: str, **config: Any) -> Iterator[str]:
    """Run ``server.mjs`` for ``lib`` with ``config`` (``secret``, ``audience``,
    ``issuer``); yield its base URL; stop it afterwards."""
    with serve_node_script(NODE_REAL, "server.mjs", "express-jwt", {**config, "lib": lib}) as url:
        yield url
