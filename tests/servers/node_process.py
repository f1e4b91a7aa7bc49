"""Start a Node script of ``tests/servers`` for a test, and stop it afterwards.

The script's npm dependencies are installed from its folder's package-lock when missing
(``npm ci``; ``.ci/run`` does it before pytest); it gets its settings as JSON in
``JWTSCOPE_TEST_CONFIG`` with port 0, listens on 127.0.0.1 on a port the OS chooses (no
race with parallel test workers) and prints ``listening on PORT`` once it accepts
connections (no polling). Tests are skipped only when ``node`` itself is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["serve_node_script"]


def _install(folder: Path, package: str) -> None:
    if (folder / "node_modules" / package).is_dir():
        return
    npm = shutil.which("npm")
    assert npm is not None, f"node is installed but npm is not: cannot install {folder.name}"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=folder, check=True, timeout=300)


@contextlib.contextmanager
def serve_node_script(
    folder: Path, script: str, package: str, config: dict[str, Any]
) -> Iterator[str]:
    """Run ``folder/script`` with ``config`` (plus ``port: 0``); yield its base URL.

    Args:
        folder: the npm project (package.json, package-lock.json).
        script: the ``.mjs`` file to run.
        package: a dependency whose presence in ``node_modules`` means installed.
        config: the script's settings.
    """
    node = shutil.which("node")
    if node is None:
        pytest.skip(f"node is not installed: the {folder.name} backends cannot run")
    _install(folder, package)
    env = {**os.environ, "JWTSCOPE_TEST_CONFIG": json.dumps({**config, "port": 0})}
    proc = subprocess.Popen(
        [node, script], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        line = proc.stdout.readline().decode() if proc.stdout else ""
        if not line.startswith("listening on "):
            proc.wait(5)
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the node backend {script} did not start: {err[-2000:]}")
        yield f"http://127.0.0.1:{int(line.split()[-1])}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
