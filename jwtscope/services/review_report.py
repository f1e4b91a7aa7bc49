"""The JWT authentication review report: Markdown for the team, the same content as data.

It combines whatever was run — the token analysis (``inspect``), a replay diagnosis,
a probe of the endpoint and a source audit — into the shape of a review: date, system
under review, executive summary, findings grouped Critical / High / Medium / Low (impact,
evidence with its location, fix) plus the source audit's findings (group ``source``, each
with its severity, ``path:line``, the line and a fix), the test results, the route table,
recommendations and a sign-off checklist.
Always redacted: no secret (fingerprints only), no full token (signature cut), and
personal data in claims masked unless ``redact=False``. The date is passed in.

This module is the front door; the parts live in :mod:`~jwtscope.services.review_model`
(the data), :mod:`~jwtscope.services.review_build` (assembly, one helper per section),
:mod:`~jwtscope.services.review_markdown` (the Markdown) and
:mod:`~jwtscope.services.review_audit` (the source audit's part).
"""

from __future__ import annotations

from jwtscope.services.review_build import PROBE_FIXES, build_review
from jwtscope.services.review_markdown import review_markdown
from jwtscope.services.review_model import (
    GROUP_DESCRIPTIONS,
    GROUPS,
    SEVERITIES,
    ReviewItem,
    ReviewReport,
)

__all__ = [
    "GROUPS",
    "GROUP_DESCRIPTIONS",
    "PROBE_FIXES",
    "SEVERITIES",
    "ReviewItem",
    "ReviewReport",
    "build_review",
    "review_markdown",
]
