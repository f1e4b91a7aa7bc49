"""The check registry: every check is a function from a context to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jwtscope.core.catalog import CODES
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding

__all__ = ["RegisteredCheck", "check", "registered"]

CheckFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class RegisteredCheck:
    """A check and the codes it may emit.

    Args:
        name: the function's name.
        family: the module family (input, header, signature, time, claims, secrets).
        codes: every code the check may emit.
        run: the check itself.
    """

    name: str
    family: str
    codes: tuple[str, ...]
    run: CheckFn


_REGISTRY: list[RegisteredCheck] = []


def check(family: str, *codes: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check that emits ``codes``; the codes must be in the catalogue."""
    for code in codes:
        if code not in CODES:
            raise KeyError(f"check emits unregistered code {code}")

    def register(fn: CheckFn) -> CheckFn:
        _REGISTRY.append(RegisteredCheck(fn.__name__, family, codes, fn))
        return fn

    return register


def registered() -> tuple[RegisteredCheck, ...]:
    """Every registered check, in registration order."""
    return tuple(_REGISTRY)
