"""The review report as data: its groups, :class:`ReviewItem`, :class:`ReviewReport` and
the JSON shape of ``report --json`` (:meth:`ReviewReport.to_dict`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "GROUPS",
    "GROUP_DESCRIPTIONS",
    "SEVERITIES",
    "ReviewItem",
    "ReviewReport",
    "tally_tests",
]

#: How bad a finding is, worst first (a finding of the source audit has one too).
SEVERITIES = ("critical", "high", "medium", "low")
#: Where a finding is listed: by severity, or under the source audit.
GROUPS = (*SEVERITIES, "source")
GROUP_DESCRIPTIONS = {
    "critical": "Anyone can forge a token or get past authentication: fix before anything else.",
    "high": "Authentication fails for legitimate users, or is seriously weakened: fix before "
    "release.",
    "medium": "Weakens the setup or makes it fragile: plan a fix.",
    "low": "Hygiene and information: worth knowing.",
    "source": "Mistakes in the project's source found by the static audit, each with its "
    "severity, `path:line`, the line and a fix (see *Audit of the source*).",
}


@dataclass(frozen=True)
class ReviewItem:
    """One finding of the review, whatever produced it.

    Args:
        group: one of :data:`GROUPS` — the severity, or ``source`` for the source audit.
        code: the stable code (``EXP-PAST``, ``P6-alg-none``, ``AUDIT-DECODE-NO-VERIFY``).
        title: one short line.
        impact: what it means (for an audit finding: what exactly was seen).
        evidence: what shows it (for an audit finding: the source line, secrets redacted).
        location: where (token part, request, or ``path:line`` in the audited folder).
        fix: what to do; may contain code.
        source: what produced it: ``inspect``, ``replay``, ``probe`` or ``audit``.
        severity: one of :data:`SEVERITIES`; empty means the same as ``group``.
    """

    group: str
    code: str
    title: str
    impact: str
    evidence: str
    location: str
    fix: str
    source: str
    severity: str = ""

    @property
    def level(self) -> str:
        """The item's severity (``critical`` … ``low``), whatever its group."""
        return self.severity or self.group


@dataclass(frozen=True)
class ReviewReport:
    """The review as data (``report --json``)."""

    date: str
    system: dict[str, Any]
    scope: tuple[str, ...]
    items: tuple[ReviewItem, ...]
    tests: tuple[dict[str, Any], ...] = ()
    causes: tuple[dict[str, Any], ...] = ()
    recommendations: tuple[str, ...] = ()
    checklist: tuple[tuple[str, bool], ...] = ()
    token: dict[str, Any] = field(default_factory=dict)
    audit: dict[str, Any] | None = None
    #: The route probe: matrix, tests per route, cross-check (``routes_data``), or None.
    routes: dict[str, Any] | None = None

    def counts(self) -> dict[str, int]:
        """Findings per group (``source`` counts the source audit's findings)."""
        return {g: sum(1 for i in self.items if i.group == g) for g in GROUPS}

    def severity_counts(self) -> dict[str, int]:
        """Findings per severity, the source audit's included (the verdict and exit code)."""
        return {s: sum(1 for i in self.items if i.level == s) for s in SEVERITIES}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the same content as the Markdown (a fresh copy: changing
        it leaves the review as it was)."""
        return copy.deepcopy(
            {
                "schema": 1,
                "date": self.date,
                "system": self.system,
                "scope": list(self.scope),
                "summary": {
                    "counts": self.counts(),
                    "severity": self.severity_counts(),
                    "tests": tally_tests(self.tests),
                },
                "token": self.token,
                "audit": self.audit,
                "routes": self.routes,
                "findings": {
                    g: [_item_dict(i) for i in self.items if i.group == g] for g in GROUPS
                },
                "tests": list(self.tests),
                "causes": list(self.causes),
                "recommendations": list(self.recommendations),
                "checklist": [{"item": text, "done": done} for text, done in self.checklist],
            }
        )


def tally_tests(tests: tuple[dict[str, Any], ...]) -> dict[str, int]:
    """Probe tests per status: ``PASS``, ``FAIL``, ``SKIP`` and ``ERROR``."""
    return {s: sum(1 for t in tests if t["status"] == s) for s in ("PASS", "FAIL", "SKIP", "ERROR")}


def _item_dict(item: ReviewItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "title": item.title,
        "impact": item.impact,
        "evidence": item.evidence,
        "location": item.location,
        "fix": item.fix,
        "source": item.source,
        "severity": item.level,
    }
