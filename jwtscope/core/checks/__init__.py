"""All checks, one module per family. Every check runs; one bad claim never hides another.

Importing this package registers the checks; :data:`ALL_CHECKS` lists them and
:func:`run_checks` runs them all and sorts the findings worst first.
"""

from __future__ import annotations

from jwtscope.core.checks import betterauth, claims, header, input, secrets, signature, time
from jwtscope.core.checks.registry import RegisteredCheck, registered
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding

__all__ = ["ALL_CHECKS", "run_checks"]

ALL_CHECKS: tuple[RegisteredCheck, ...] = registered()
_FAMILIES = (input, header, signature, time, claims, secrets, betterauth)  # import order


def run_checks(ctx: CheckContext) -> tuple[Finding, ...]:
    """Run every registered check and return the findings, worst first (stable)."""
    found: list[Finding] = []
    for registered_check in ALL_CHECKS:
        found.extend(registered_check.run(ctx))
    return tuple(sorted(found, key=lambda f: f.severity.rank))
