"""Start the Express + ``jose`` backend of ``tests/servers/node_jose`` for a test
(:func:`servers.node_process.serve_node_script`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from servers.node_process import serve_node_script

__all__ = ["NODE_JOSE", "serve_node_jose"]

NODE_JOSE = Path(__file__).parent / "node_jose"


@contextlib.contextmanager
def serve_node_jose(**config: Any) -> Iterator[str]:
    """Run ``server.mjs`` with ``config`` (``now``, ``jwks`` or ``secret``, ``issuer``,
    ``audience``); yield its base URL; stop it afterwards."""
    with serve_node_script(NODE_JOSE, "server.mjs", "jose", config) as url:
        yield url
