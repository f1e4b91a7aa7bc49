"""Static audit of a project's source for the JWT mistakes behind 401s and auth holes.

The backend part reads Python (FastAPI, PyJWT, python-jose) with :mod:`ast`; nothing of
the audited project is imported or executed::

    from jwtscope.audit import audit_project
    result = audit_project(Path("."), public=["/health"], now=time.time())
    for route in result.routes: ...
    for finding in result.findings: ...

Codes are listed in :data:`AUDIT_CODES` (same :class:`~jwtscope.core.catalog.CodeInfo`
as the token codes, for the generated reference).
"""

from __future__ import annotations

from jwtscope.audit.codes import AUDIT_CODES
from jwtscope.audit.excerpt import Excerpt, excerpt
from jwtscope.audit.model import AuditFinding, AuditResult, IssuerInfo, Route, RouteStatus
from jwtscope.audit.project import audit_project

__all__ = [
    "AUDIT_CODES",
    "AuditFinding",
    "AuditResult",
    "Excerpt",
    "IssuerInfo",
    "Route",
    "RouteStatus",
    "audit_project",
    "excerpt",
]
