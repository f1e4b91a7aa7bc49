"""The test backends as importable apps, for an exported suite's ``--app MODULE:ATTR``.

``servers.emit_apps:app`` is the backend named by ``EMIT_BACKEND`` (a name of
:data:`servers.probe_backends.BACKENDS` or :data:`servers.route_backends.ROUTE_BACKENDS`),
verifying with the secret in ``EMIT_SECRET`` on the wall clock: the suite mints its tokens
at test time, so the app must judge them at that time too. Built on first access, in the
pytest process that runs the suite (FastAPI's ``TestClient``, no server).
"""

from __future__ import annotations

import os
import time
from typing import Any

from servers.probe_backends import BACKENDS
from servers.route_backends import ROUTE_BACKENDS

__all__: list[str] = []  # `app` is built on first access (module __getattr__)


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(name)
    backend = os.environ["EMIT_BACKEND"]
    factory = BACKENDS.get(backend) or ROUTE_BACKENDS[backend]
    return factory(os.environ["EMIT_SECRET"], time.time)
