"""Reports as JSON-ready data and as terminal text. Always redacted: no secret, no signature."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.findings import ICONS, Finding, Severity
from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.timefmt import epoch_seconds, iso_utc, relative
from jwtscope.core.token.parsing import TokenKind, redact_token

__all__ = ["SCHEMA_VERSION", "report_to_dict", "report_to_text", "time_rows"]

SCHEMA_VERSION = 1
_ANSI = {
    Severity.CRITICAL: "\033[1;97;41m",
    Severity.ERROR: "\033[1;31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
    Severity.OK: "\033[32m",
}
_STATUS_SEVERITY = {
    SigStatus.VALID: Severity.OK,
    SigStatus.INVALID: Severity.ERROR,
    SigStatus.UNVERIFIED: Severity.WARNING,
    SigStatus.NO_KEY: Severity.ERROR,
}
_CLAIM_NAMES = {
    "iat": "issued",
    "nbf": "not before",
    "exp": "expires",
    "auth_time": "authenticated",
}


def time_rows(report: Report) -> list[tuple[str, int, str, str]]:
    """``(claim, epoch, iso, relative)`` for each readable time claim, in token order."""
    payload = report.token.payload or {}
    rows: list[tuple[str, int, str, str]] = []
    for name in _CLAIM_NAMES:
        ts = epoch_seconds(payload.get(name))
        if ts is not None:
            rows.append((name, ts, iso_utc(ts), relative(ts, report.now)))
    return rows


def expiry_state(report: Report) -> str:
    """``expires in 12 min`` / ``expired 3 h ago`` / ``no expiry`` / ``""``."""
    payload = report.token.payload
    if report.token.kind is not TokenKind.JWS or payload is None:
        return ""
    exp = payload.get("exp")
    if exp is None:
        return "no expiry"
    seconds = epoch_seconds(exp)
    if seconds is None:
        return "exp unreadable"
    if report.finding("EXP-PAST"):
        return f"expired {relative(seconds, report.now)}"
    return f"expires {relative(seconds, report.now)}"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The ``inspect --json`` object (schema version :data:`SCHEMA_VERSION`)."""
    token = report.token
    return {
        "schema": SCHEMA_VERSION,
        "input": {
            "kind": token.kind.value,
            "carrier": report.input.carrier,
            "normalizations": list(report.input.steps),
            "token": redact_token(token.raw),
            "length": len(token.raw),
        },
        "header": token.header,
        "payload": token.payload,
        "times": {
            name: {"epoch": ts, "iso": iso, "relative": rel}
            for name, ts, iso, rel in time_rows(report)
        },
        "signature": report.signature.to_dict(),
        "findings": [f.to_dict() for f in report.findings],
        "keys": list(report.keys.sources)
        + [s.describe() for s in report.keys.secrets if not s.variant],
        "expected": {
            "aud": report.audience.value if report.audience else None,
            "iss": report.issuer.value if report.issuer else None,
        },
        "at": {
            "epoch": report.now,
            "iso": iso_utc(report.now),
            "is_now": report.now_is_real,
            "leeway": report.leeway,
        },
        "exit_code": report.exit_code,
    }


def report_to_text(report: Report, *, color: bool = False, verbose: bool = False) -> str:
    """The ``inspect`` text: decoded token, times, verdict, then findings worst first."""
    paint = _painter(color)
    out: list[str] = []
    when = iso_utc(report.now)
    clock = "now" if report.now_is_real else "a fixed time, not now"
    out.append(paint(f"jwtscope inspect — evaluated at {when} ({clock})", "bold"))
    if report.leeway:
        out.append(f"leeway {report.leeway} s")
    out.append("")
    token = report.token
    start = token.raw[:24] + "…" if len(token.raw) > 24 else "<redacted>"
    out.append(f"{'Token':<10}{token.kind.value}, {len(token.raw):,} chars: {start}")
    if token.header is not None:
        out.append(_block("Header", token.header))
    if token.payload is not None:
        out.append(_block("Payload", token.payload))
    rows = time_rows(report)
    for i, (name, _ts, iso, rel) in enumerate(rows):
        label = "Times" if i == 0 else ""
        out.append(f"{label:<10}{name:<4} {iso}  ({rel})")
    if token.kind is TokenKind.JWS:
        sig = report.signature
        sev = _STATUS_SEVERITY[sig.status]
        verdict = paint(sig.status.value.upper(), sev)
        against = sig.key if sig.status is SigStatus.VALID else sig.reason
        out.append(f"{'Signature':<10}{verdict}  {sig.alg or '?'} — {against}")
        state = expiry_state(report)
        if state:
            out.append(f"{'Expiry':<10}{state}")
    out.append("")
    shown = [f for f in report.findings if verbose or f.severity is not Severity.OK]
    counts = _counts(report.findings)
    out.append(paint(f"Findings ({counts})", "bold"))
    for finding in shown:
        out.extend(_finding_lines(finding, paint))
    if not shown:
        out.append("  none")
    out.append("")
    out.append(_summary(report))
    return "\n".join(out)


def _finding_lines(finding: Finding, paint: Any) -> list[str]:
    sev = finding.severity
    head = f"  {ICONS[sev]} {paint(f'{sev.value.upper():<8}', sev)} {finding.code}  {finding.title}"
    lines = [head]
    if finding.detail:
        lines.extend(
            textwrap.wrap(
                finding.detail,
                100,
                initial_indent=" " * 6,
                subsequent_indent=" " * 6,
                break_on_hyphens=False,
            )
        )
    if finding.fix:
        fix_lines = finding.fix.splitlines()
        lines.append("      fix: " + fix_lines[0])
        lines.extend("           " + line for line in fix_lines[1:])
    return lines


def _summary(report: Report) -> str:
    if report.exit_code:
        worst = [f.code for f in report.findings if f.severity.fails]
        return f"Verdict: NOT OK — {', '.join(dict.fromkeys(worst)) or 'not a decodable token'}"
    if report.signature.status is SigStatus.UNVERIFIED:
        return (
            "Verdict: signature NOT VERIFIED — no error in what could be checked, but nothing "
            "proves who issued this token"
        )
    return "Verdict: OK — no error or critical finding"


def _counts(findings: tuple[Finding, ...]) -> str:
    parts = []
    for sev in Severity:
        n = sum(1 for f in findings if f.severity is sev)
        if n:
            parts.append(f"{n} {sev.value}")
    return ", ".join(parts) or "none"


def _block(label: str, data: dict[str, Any]) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    lines = text.splitlines()
    return "\n".join(
        (f"{label:<10}" if i == 0 else " " * 10) + line for i, line in enumerate(lines)
    )


def _painter(color: bool) -> Any:
    def paint(text: str, style: Severity | str) -> str:
        if not color:
            return text
        code = _ANSI[style] if isinstance(style, Severity) else "\033[1m"
        return f"{code}{text}\033[0m"

    return paint
