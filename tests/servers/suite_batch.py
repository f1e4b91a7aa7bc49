"""A pytest plugin that runs several exported suites in ONE pytest process, each with its
own environment, so that a test can run a generated module against several backends (or
with and without tokens) in a single subprocess instead of one per run.

``EMIT_BATCH_ENV`` maps a run's folder (each run is a copy of the suite in its own
folder) to the environment variables of that run (``JWTSCOPE_BASE_URL``,
``EMIT_BACKEND``, ``JWTSCOPE_TOKEN_A``...). The environment is set when the module is
collected (the suite reads ``BASE_URL`` at import) and again before each of its tests
(its fixtures read tokens and the app when they start), back to the process's own
environment plus the run's. Loaded with ``-p servers.suite_batch``, with
``--import-mode=importlib`` (the copies share a file name).
"""

from __future__ import annotations

import json
import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

_RUNS: dict[str, dict[str, str]] = json.loads(os.environ.get("EMIT_BATCH_ENV", "{}"))
_BASE = {k: v for k, v in os.environ.items() if k != "EMIT_BATCH_ENV"}


def _apply(path: Path) -> None:
    extra = _RUNS.get(str(path.parent))
    if extra is None:
        return
    os.environ.clear()
    os.environ.update({**_BASE, **extra})


def pytest_collectstart(collector: pytest.Collector) -> None:
    if isinstance(collector, pytest.Module):
        _apply(collector.path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Any) -> Generator[None, Any, Any]:
    _apply(item.path)
    return (yield)
