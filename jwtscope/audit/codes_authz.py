"""The reference entries of the audit codes about authorization beyond authentication:
records reached by id without an owner check, a role the UI checks and the backend does
not."""

from __future__ import annotations

from jwtscope.core.catalog import CodeInfo
from jwtscope.core.findings import Severity

__all__ = ["AUTHZ_ENTRIES"]

AUTHZ_ENTRIES = (
    CodeInfo(
        "AUDIT-OWNERSHIP-MISSING",
        Severity.ERROR,
        "Record loaded by id without an ownership check",
        "The route takes a record id from the path and loads, updates or deletes that "
        "record, but never compares the record's owner with the current user nor filters "
        "the query by the user: any signed-in user can reach anyone's record by changing "
        "the id (IDOR).",
        "audit.routes",
    ),
    CodeInfo(
        "AUDIT-ROLE-MISSING",
        Severity.ERROR,
        "Role checked in the UI only",
        "The frontend calls these backend routes only from pages behind a role check (a "
        "layout, page or guard component that renders nothing or redirects unless the user "
        "has a role, e.g. session.user.role === 'admin'), but the backend only checks that "
        "the caller is signed in and nothing on its side reads a role or permission: any "
        "signed-in user can call them directly. Warning when every such route only reads.",
        "audit.routes",
    ),
)
