"""Start a backend of ``tests/servers/node_real`` (express-jwt, passport-jwt, @fastify/jwt,
hono's jwt middleware, each at its documented defaults) for a test.

The npm dependencies are installed from the package-lock (``npm ci``; ``.ci/run`` does it
before pytest). Tests are skipped only when ``node`` itself is missing.
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

__all__ = ["NODE_REAL", "serve_node_real"]

NODE_REAL = Path(__file__).parent / "node_real"


def _install() -> None:
    if (NODE_REAL / "node_modules" / "express-jwt").is_dir():
        return
    npm = shutil.which("npm")
    assert npm is not None, "node is installed but npm is not: cannot install the backends"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_REAL, check=True, timeout=300)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serve_node_real(lib: str, **config: Any) -> Iterator[str]:
    """Run ``server.mjs`` for ``lib`` with ``config`` (``secret``, ``audience``,
    ``issuer``); yield its base URL; stop it afterwards."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Node backends cannot run")
    _install()
    port = _free_port()
    env = {**os.environ, "JWTSCOPE_TEST_CONFIG": json.dumps({**config, "lib": lib, "port": port})}
    proc = subprocess.Popen(
        [node, "server.mjs"],
        cwd=NODE_REAL,
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
