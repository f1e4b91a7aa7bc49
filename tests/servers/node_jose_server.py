"""Start the Express + ``jose`` backend of ``tests/servers/node_jose`` for a test.

The npm dependencies are installed once from the package-lock (``npm ci``; ``.ci/run``
does it before pytest). Tests are skipped only when ``node`` itself is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["NODE_JOSE", "serve_node_jose"]

NODE_JOSE = Path(__file__).parent / "node_jose"


def _install() -> None:
    if (NODE_JOSE / "node_modules" / "jose").is_dir():
        return
    npm = shutil.which("npm")
    assert npm is not None, "node is installed but npm is not: cannot install express/jose"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_JOSE, check=True, timeout=300)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serve_node_jose(**config: Any) -> Iterator[str]:
    """Run ``server.mjs`` with ``config`` (``now``, ``jwks`` or ``secret``, ``issuer``,
    ``audience``); yield its base URL; stop it afterwards."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Express + jose backend cannot run")
    _install()
    port = _free_port()
    env = {**os.environ, "JWTSCOPE_TEST_CONFIG": json.dumps({**config, "port": port})}
    proc = subprocess.Popen(
        [node, "server.mjs"],
        cwd=NODE_JOSE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"the node backend did not start: {err[-2000:]}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
