"""Findings are data: what a check found, how bad it is, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["ICONS", "Finding", "Severity"]


class Severity(StrEnum):
    """How bad a finding is, from worst to best."""

    CRITICAL = "critical"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OK = "ok"

    @property
    def rank(self) -> int:
        """0 for critical … 4 for ok; sorting by rank puts the worst first."""
        return _RANK[self]

    @property
    def fails(self) -> bool:
        """True for severities that make ``inspect`` exit with 1."""
        return self in (Severity.CRITICAL, Severity.ERROR)


_RANK = {s: i for i, s in enumerate(Severity)}

#: One glyph per severity, shared by the text output and the app.
ICONS = {
    Severity.CRITICAL: "✖✖",
    Severity.ERROR: "✖",
    Severity.WARNING: "▲",
    Severity.INFO: "ℹ",
    Severity.OK: "✔",
}


@dataclass(frozen=True)
class Finding:
    """One thing a check found.

    Args:
        code: stable code from the reference (``EXP-PAST``); never changes meaning.
        severity: how bad it is.
        title: one short line.
        detail: what exactly was seen, in words, with values (never a secret).
        fix: what to do about it; may contain code.
        evidence: small facts behind the finding (claim values, fingerprints, …).
    """

    code: str
    severity: Severity
    title: str
    detail: str = ""
    fix: str = ""
    evidence: tuple[tuple[str, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "evidence": dict(self.evidence),
        }
