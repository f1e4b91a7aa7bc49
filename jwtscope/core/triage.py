"""A redacted triage note in Markdown, to paste back into a support ticket.

Who the token is for, who issued it, its times, the verdict and the findings — with the
signature cut and personal data in claims masked (``d***@example.com``, ``D***``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.report_text import expiry_state, time_rows
from jwtscope.core.timefmt import iso_utc
from jwtscope.core.token.parsing import redact_token

__all__ = ["PII_KEYS", "mask_claims", "mask_value", "triage_note"]

#: Claim names whose values are personal data; matched case-insensitively on the name.
PII_KEYS = re.compile(
    r"(e-?mail|name$|^name|phone|mobile|address|street|city|zip|postal|birth|dob|ssn|"
    r"image|avatar|picture|^ip$|^ip_?addr|user_?name|login|pass|secret|card|iban)",
    re.IGNORECASE,
)
_KEEP = {"sub", "iss", "aud", "exp", "iat", "nbf", "jti", "kid", "alg", "typ", "sid", "scope"}
_EMAIL = re.compile(r"^([^@\s])[^@\s]*(@.+)$")


def mask_value(value: Any) -> Any:
    """Mask one value: keep the first character (and an e-mail's domain)."""
    if isinstance(value, str):
        match = _EMAIL.match(value)
        if match:
            return f"{match.group(1)}***{match.group(2)}"
        return f"{value[:1]}***" if value else value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "***"
    return value


def mask_claims(payload: Any, depth: int = 0) -> Any:
    """A copy of ``payload`` with personal data masked (recursively, bounded depth)."""
    if depth > 8:
        return "…"
    if isinstance(payload, dict):
        out: dict[str, Any] = {}
        for key, value in payload.items():
            if key in _KEEP:
                out[key] = value
            elif PII_KEYS.search(str(key)) and not isinstance(value, (dict, list)):
                out[key] = mask_value(value)
            else:
                out[key] = mask_claims(value, depth + 1)
        return out
    if isinstance(payload, list):
        return [mask_claims(item, depth + 1) for item in payload[:50]]
    return payload


def triage_note(report: Report, *, redact: bool = True) -> str:
    """The Markdown note for a ticket (redacted unless ``redact`` is False)."""
    token = report.token
    payload = token.payload or {}
    shown = mask_claims(payload) if redact else payload
    lines = ["### JWT triage (jwtscope)", ""]
    clock = "" if report.now_is_real else " (set by hand, not the time of writing)"
    lines.append(f"- **Evaluated at:** {iso_utc(report.now)}{clock}")
    lines.append(
        f"- **Token:** {token.kind.value}, {len(token.raw)} chars, "
        f"`{_short(redact_token(token.raw))}`"
    )
    if payload:
        lines.append(f"- **Subject (sub):** `{payload.get('sub', '—')}`")
        lines.append(f"- **Issuer (iss):** `{payload.get('iss', '—')}`")
        if "aud" in payload:
            lines.append(f"- **Audience (aud):** `{payload['aud']}`")
    for name, _ts, iso, rel in time_rows(report):
        lines.append(f"- **{name}:** {iso} ({rel})")
    if token.header is not None:
        sig = report.signature
        against = sig.key if sig.key else sig.reason
        lines.append(f"- **Signature:** {sig.status.value.upper()} ({sig.alg}) — {against}")
    state = expiry_state(report)
    if state:
        lines.append(f"- **Expiry:** {state}")
    lines += ["", "**Findings**", ""]
    for f in report.findings:
        lines.append(f"- `{f.severity.value}` **{f.code}** — {f.title}: {f.detail}")
    if not report.findings:
        lines.append("- none")
    if payload:
        lines += [
            "",
            "<details><summary>Payload" + (" (PII masked)" if redact else "") + "</summary>",
            "",
            "```json",
            json.dumps(shown, indent=2, ensure_ascii=False, default=str),
            "```",
            "",
            "</details>",
        ]
    return "\n".join(lines) + "\n"


def _short(redacted: str) -> str:
    head, _, rest = redacted.partition(".")
    return f"{head[:12]}….{rest.split('.')[-1]}" if rest else redacted
