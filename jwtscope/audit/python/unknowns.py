"""What the audit cannot judge: :class:`Unknown` verdicts with their reason, the libraries
whose names are judged by how they read, and references as written."""

from __future__ import annotations

import sys
from collections.abc import Container
from dataclasses import dataclass

from jwtscope.audit.python.endpoint import is_call
from jwtscope.audit.python.summary import Ref

__all__ = ["KNOWN_LIBRARIES", "Unknown", "Verdict", "find_in", "shown"]

#: Libraries whose names are judged by how they read, never reported unknown.
KNOWN_LIBRARIES = frozenset(sys.stdlib_module_names) | {
    "fastapi",
    "starlette",
    "pydantic",
    "pydantic_settings",
    "sqlalchemy",
    "sqlmodel",
    "databases",
    "asyncpg",
    "motor",
    "redis",
    "httpx",
    "requests",
    "jwt",
    "jose",
    "passlib",
    "bcrypt",
    "fastapi_users",
    "fastapi_pagination",
    "fastapi_limiter",
    "slowapi",
    "typing_extensions",
}


@dataclass(frozen=True)
class Unknown:
    """A dependency the audit cannot judge, and why (``could not parse app/deps.py …``)."""

    reason: str


Verdict = str | Unknown | None


def shown(ref: Ref) -> str:
    """A reference as written: ``deps.get_user``, ``get_current_user_authorizer()``."""
    if is_call(ref):
        return ".".join(ref[:-1]) + ref[-1]
    return ".".join(ref)


def find_in(
    by_last: dict[str, list[str]], pool: Container[str], name: str, near: str
) -> str | None:
    """The module of ``pool`` called ``name`` when imported from module ``near``."""
    if not name:
        return None
    if name in pool:
        return name
    last = name.rsplit(".", 1)[-1]
    best: str | None = None
    for candidate in by_last.get(last, ()):
        if not candidate.endswith("." + name):
            continue
        root = candidate[: -len(name) - 1]
        if not (near == root or near.startswith(root + ".")):
            continue
        if best is None or len(candidate) < len(best):
            best = candidate
    return best
