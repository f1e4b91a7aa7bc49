"""Start the Node + jose backends of ``tests/servers/node_jose/multi.mjs`` for a test
(:func:`servers.node_process.serve_node_script`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from servers.node_jose_server import NODE_JOSE
from servers.node_process import serve_node_script

__all__ = ["serve_node_multi"]


@contextlib.contextmanager
def serve_node_multi(**config: Any) -> Iterator[str]:
    """Run ``multi.mjs`` with ``config`` (see the script's header); yield its base URL."""
    with serve_node_script(NODE_JOSE, "multi.mjs", "jose", config) as url:
        yield url
