"""Start the Node + jose backends of ``tests/servers/node_jose/multi.mjs`` for a test.

The same way :mod:`servers.node_jose_server` starts ``server.mjs`` (npm dependencies from
the package-lock, a free port on 127.0.0.1, stopped afterwards); skipped only when
``node`` is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from servers.node_jose_server import NODE_JOSE

__all__ = ["serve_node_multi"]


def _install() -> None:
    if (NODE_JOSE / "node_modules" / "jose").is_dir():
        return
    npm = shutil.which("npm")
    assert npm is not None, "node is installed but npm is not: cannot install express/jose"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_JOSE, check=True, timeout=300)


@contextlib.contextmanager
def serve_node_multi(**config: Any) -> Iterator[str]:
    """Run ``multi.mjs`` with ``config`` (see the script's header); yield its base URL."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Node + jose backends cannot run")
    _install()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    env = {**os.environ, "JWTSCOPE_TEST_CONFIG": json.dumps({**config, "port": port})}
    proc = subprocess.Popen(
        [node, "multi.mjs"],
        cwd=NODE_JOSE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # The script prints "listening on PORT" once it accepts connections: no polling.
        line = proc.stdout.readline().decode() if proc.stdout else ""
        if not line.startswith("listening"):
            proc.wait(5)
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the node backend did not start: {err[-2000:]}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
