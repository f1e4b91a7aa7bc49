"""Unverified decodes judged by how their result is used, and ``verify_aud`` turned off.

A decode with the signature check off whose result is only read for ``kid``/``iss`` or
logged, followed in the same function by a verifying decode, is a harmless peek (no
finding); one whose ``sub`` becomes the user, or that no verifying decode follows, stays
critical. ``options={"verify_aud": False}`` (inline or through a variable) is reported.
"""

from __future__ import annotations

from pathlib import Path

from jwtscope.audit import audit_project
from jwtscope.audit.codes import AUDIT_CODES
from jwtscope.core.findings import Severity

PROJECT = Path(__file__).parent / "projects" / "decode_use_api"


def test_decodes_are_judged_by_use():
    result = audit_project(PROJECT)
    found = sorted((f.code, f.line, f.severity) for f in result.findings)
    assert found == [
        ("AUDIT-DECODE-AUD-OFF", 41, Severity.WARNING),  # inline dict
        ("AUDIT-DECODE-AUD-OFF", 46, Severity.WARNING),  # options=NO_AUD
        ("AUDIT-DECODE-NO-VERIFY", 28, Severity.CRITICAL),  # its sub is returned
        ("AUDIT-DECODE-NO-VERIFY", 35, Severity.CRITICAL),  # a peek, never verified after
    ]
    # lines 14 (iss read + log) and 22 (a log line) are peeks before the real verification;
    # line 51 (verify_aud True) is fine


def test_aud_off_code_is_documented():
    info = AUDIT_CODES["AUDIT-DECODE-AUD-OFF"]
    assert "audience" in info.explain and info.severity is Severity.WARNING
