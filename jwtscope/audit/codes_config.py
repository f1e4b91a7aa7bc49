"""The reference entries of the audit codes about the project's default configuration:
authentication a default setting turns off, for some paths or for every request."""

from __future__ import annotations

from jwtscope.core.catalog import CodeInfo
from jwtscope.core.findings import Severity

__all__ = ["CONFIG_ENTRIES"]

CONFIG_ENTRIES = (
    CodeInfo(
        "AUDIT-AUTH-WHITELIST-DEFAULT",
        Severity.ERROR,
        "Default whitelist exempts protected routes",
        "The auth dependency skips its check for paths listed in a setting whose default "
        "(read from the environment with a fallback) holds a wildcard such as /api/*: "
        "routes that declare the dependency answer without credentials unless the "
        "operator narrows the setting. Routes under it that change or compute something "
        "are reported unprotected; safe GETs public.",
        "audit.routes",
    ),
    CodeInfo(
        "AUDIT-AUTH-DISABLED-BY-DEFAULT",
        Severity.WARNING,
        "Authentication off until configured",
        "The auth dependency lets every request through while no accounts or keys are "
        "configured (an early return on configuration only): the API fails open by "
        "default. Its routes are reported unknown, depending on that configuration.",
        "audit.routes",
    ),
)
