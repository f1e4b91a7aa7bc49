"""The JWT authentication review report: Markdown for the team, the same content as data.

It combines whatever was run — the token analysis (``inspect``), a replay diagnosis,
a probe of the endpoint and a source audit — into the shape of a review: date, system
under review, executive summary, findings grouped Critical / High / Medium / Low (impact,
evidence with its location, fix) plus the source audit's findings (group ``source``, each
with its severity, ``path:line``, the line and a fix), the test results, the route table,
recommendations and a sign-off checklist.
Always redacted: no secret (fingerprints only), no full token (signature cut), and
personal data in claims masked unless ``redact=False``. The date is passed in.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jwtscope.core.analysis import Report
from jwtscope.core.catalog import CODES
from jwtscope.core.diagnosis.diagnose import Diagnosis
from jwtscope.core.findings import Severity
from jwtscope.core.probe.probe_suite import ProbeResult, ProbeStatus
from jwtscope.core.timefmt import iso_utc
from jwtscope.core.token.parsing import redact_token
from jwtscope.core.triage import mask_claims
from jwtscope.services.review_audit import (
    audit_checklist,
    audit_data,
    audit_markdown,
    audit_recommendations,
    audit_summary,
    review_severity,
)

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult

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
_FROM_SEVERITY = {
    Severity.CRITICAL: "critical",
    Severity.ERROR: "high",
    Severity.WARNING: "medium",
    Severity.INFO: "low",
}
_FROM_CONFIDENCE = {"high": "high", "medium": "medium", "low": "low"}
#: The fix for each probe test that can FAIL (by test id).
PROBE_FIXES = {
    "P1-valid": "Make the endpoint accept the issuer's valid tokens: verify with the issuer's "
    "key and algorithm (see the replay diagnosis for the exact cause).",
    "P2-no-auth": "Protect the route with the auth dependency "
    "(`user: User = Depends(get_current_user)` or `dependencies=[Depends(...)]`).",
    "P3-malformed": "Reject tokens that do not decode: let `jwt.decode` raise and answer 401.",
    "P4-expired": 'Keep `exp` verification on (never `options={"verify_exp": False}`) and '
    'require it: `options={"require": ["exp"]}`.',
    "P5-tampered": 'Verify the signature: never `options={"verify_signature": False}`; '
    "decode with the key and a pinned algorithm.",
    "P6-alg-none": 'Pin the algorithms: `jwt.decode(token, key, algorithms=["HS256"])`; '
    "never 'none', never the token's own header alg.",
    "P7-wrong-key": "Verify the signature with your key only (no key from the token header, "
    "no empty signature).",
    "P8-cross-read": "Check ownership: load by id AND owner (`Todo.owner_id == user.id`) and "
    "answer 404 for other users' resources.",
    "P8-cross-list": "Filter listings by the current user (`where owner_id == user.id`).",
    "P8-cross-update": "Check ownership before updating; answer 404 for others' resources.",
    "P8-cross-delete": "Check ownership before deleting; answer 404 for others' resources.",
}

_TOKEN_PART = {
    "input": "pasted input",
    "header": "token header",
    "signature": "token signature",
    "time": "token payload (time claims)",
    "claims": "token payload",
    "secrets": "environment",
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
                    "tests": _test_counts(self.tests),
                },
                "token": self.token,
                "audit": self.audit,
                "findings": {
                    g: [_item_dict(i) for i in self.items if i.group == g] for g in GROUPS
                },
                "tests": list(self.tests),
                "causes": list(self.causes),
                "recommendations": list(self.recommendations),
                "checklist": [{"item": text, "done": done} for text, done in self.checklist],
            }
        )


def build_review(
    *,
    date: int,
    system: str,
    report: Report | None = None,
    diagnosis: Diagnosis | None = None,
    probe: ProbeResult | None = None,
    redact: bool = True,
    audit: AuditResult | None = None,
) -> ReviewReport:
    """Combine what was run into a review.

    Args:
        date: the review date (epoch seconds; passed in, never read from a clock here).
        system: what was reviewed (the endpoint URL or the issuer).
        report: the token analysis, if a token was inspected.
        diagnosis: the replay diagnosis, if a replay was run.
        probe: the probe result, if the test suite was run.
        redact: mask personal data in claims (secrets and signatures are always cut).
        audit: the source audit, if one was run (its folder is named, never its full path;
            its source lines come redacted from the audit).
    """
    items: list[ReviewItem] = []
    scope: list[str] = []
    token: dict[str, Any] = {}
    if report is not None:
        scope.append("token analysis (inspect)")
        token = _token_summary(report, redact)
        for f in report.findings:
            if f.severity is Severity.OK or f.code == "INPUT-NORMALIZED":
                continue
            info = CODES.get(f.code)
            items.append(
                ReviewItem(
                    _FROM_SEVERITY[f.severity],
                    f.code,
                    f.title,
                    info.explain if info else f.title,
                    f.detail,
                    _TOKEN_PART.get(info.family if info else "", "token"),
                    f.fix,
                    "inspect",
                )
            )
    causes: list[dict[str, Any]] = []
    if diagnosis is not None:
        scope.append("replay of the failing request (replay)")
        for c in diagnosis.causes:
            causes.append(
                {
                    "code": c.code,
                    "confidence": c.confidence,
                    "title": c.title,
                    "evidence": [f"[{e.source}] {e.line}" for e in c.evidence],
                    "fix": c.fix,
                }
            )
            if c.code == "CAUSE-OK":
                continue
            items.append(
                ReviewItem(
                    _FROM_CONFIDENCE[c.confidence],
                    c.code,
                    c.title,
                    "Requests fail with 401/403 (or worse) until this is fixed.",
                    "; ".join(f"[{e.source}] {e.line}" for e in c.evidence),
                    "request: " + ", ".join(dict.fromkeys(e.source for e in c.evidence)),
                    c.fix,
                    "replay",
                )
            )
    tests: list[dict[str, Any]] = []
    if probe is not None:
        scope.append("auth test suite against the endpoint (probe)")
        for v in probe.verdicts:
            tests.append(
                {
                    "id": v.test.id,
                    "number": v.test.number,
                    "title": v.test.title,
                    "status": v.status.value,
                    "expected": v.expected,
                    "observed": [o.summary for o in v.observed],
                    "explanation": v.explanation,
                }
            )
            if v.status is ProbeStatus.FAIL and v.severity is not None:
                where = dict.fromkeys(f"{o.method} {o.url}" for o in v.observed)
                observed = "; ".join(o.summary for o in v.observed)
                detail = f" ({v.explanation})" if v.explanation else ""
                items.append(
                    ReviewItem(
                        v.severity.value,
                        v.test.id,
                        v.test.title,
                        v.test.fail_means,
                        f"expected {v.expected}; observed {observed}{detail}",
                        "request: " + ", ".join(where),
                        PROBE_FIXES.get(v.test.id, v.explanation),
                        "probe",
                    )
                )
    audit_info = audit_data(audit) if audit is not None else None
    if audit_info is not None:
        scope.append(f"source audit of {audit_info['root']}")
        for a in audit_info["findings"]:
            severity = review_severity(a["severity"])
            if severity is None:
                continue
            items.append(
                ReviewItem(
                    "source",
                    a["code"],
                    a["title"],
                    a["detail"],
                    a["source_line"],
                    f"{a['path']}:{a['line']}",
                    a["fix"],
                    "audit",
                    severity,
                )
            )
    items.sort(key=lambda i: (GROUPS.index(i.group), SEVERITIES.index(i.level)))
    recommendations = tuple(
        dict.fromkeys(
            [
                *(
                    i.fix.splitlines()[0]
                    for i in items
                    if i.group in ("critical", "high") and i.fix
                ),
                *(audit_recommendations(audit_info) if audit_info is not None else ()),
            ]
        )
    )
    checklist = (
        ("All critical issues resolved", not any(i.level == "critical" for i in items)),
        ("All high issues resolved", not any(i.level == "high" for i in items)),
        ("All tests passing", bool(tests) and all(t["status"] in ("PASS", "SKIP") for t in tests)),
        (
            "Token signature verified against the issuer's key",
            report is not None and report.signature.status.value == "valid",
        ),
        *(audit_checklist(audit_info) if audit_info is not None else ()),
    )
    system_info: dict[str, Any] = {"target": system}
    if report is not None and report.token.payload:
        system_info["issuer"] = report.token.payload.get("iss")
        system_info["algorithm"] = report.token.alg
    return ReviewReport(
        iso_utc(date),
        system_info,
        tuple(scope),
        tuple(items),
        tuple(tests),
        tuple(causes),
        recommendations,
        checklist,
        token,
        audit_info,
    )


def review_markdown(review: ReviewReport) -> str:
    """The review as Markdown."""
    counts = review.severity_counts()
    out = [
        f"# JWT authentication review — {review.system['target']}",
        "",
        f"- **Date:** {review.date}",
        f"- **System under review:** {review.system['target']}",
    ]
    if review.system.get("issuer"):
        out.append(f"- **Issuer:** {review.system['issuer']} ({review.system.get('algorithm')})")
    out.append(f"- **Scope:** {', '.join(review.scope) or 'nothing was run'}")
    out += ["", "## Executive summary", ""]
    tests = _test_counts(review.tests)
    verdict = (
        "No critical or high issue was found."
        if not (counts["critical"] or counts["high"])
        else f"{counts['critical']} critical and {counts['high']} high issues need fixing."
    )
    out.append(
        f"{verdict} Findings: {counts['critical']} critical, {counts['high']} high, "
        f"{counts['medium']} medium, {counts['low']} low."
    )
    if review.audit is not None:
        out.append(audit_summary(review.audit))
    if review.tests:
        out.append(
            f"Tests: {tests['PASS']} passed, {tests['FAIL']} failed, "
            f"{tests['SKIP']} skipped, {tests['ERROR']} not judged."
        )
    if review.causes:
        top = review.causes[0]
        out.append(f"Root cause of the failing request: **{top['code']}** — {top['title']}.")
    if review.token:
        out += [
            "",
            "## Token",
            "",
            "```json",
            json.dumps(review.token, indent=2, ensure_ascii=False),
            "```",
        ]
    out += ["", "## Findings"]
    # An audit-only review has nothing in the severity groups: list just its source group.
    only_audit = review.audit is not None and not (review.token or review.tests or review.causes)
    for group in () if only_audit else SEVERITIES:
        chosen = [i for i in review.items if i.group == group]
        out += ["", f"### {group.capitalize()} ({len(chosen)})", ""]
        out += [f"_{GROUP_DESCRIPTIONS[group]}_", ""]
        if not chosen:
            out.append("None.")
        for i in chosen:
            out += [
                f"#### {i.code} — {i.title}",
                "",
                f"- **Impact:** {i.impact}",
                f"- **Evidence ({i.location}):** {i.evidence}",
                f"- **Fix:** {_md_fix(i.fix)}",
                "",
            ]
    if review.audit is not None:
        source = review.counts()["source"]
        out += ["", f"### Source ({source})", "", f"_{GROUP_DESCRIPTIONS['source']}_"]
    if review.tests:
        out += ["", "## Test results", ""]
        for t in review.tests:
            mark = {"PASS": "✅ PASS", "FAIL": "❌ FAIL", "SKIP": "⏭ SKIP"}.get(
                t["status"], "⚠ ERROR"
            )
            out.append(
                f"- {mark} — {t['number']}. {t['title']}: expected {t['expected']}; "
                f"observed {'; '.join(t['observed']) or '—'}"
            )
    if review.causes:
        out += ["", "## Replay diagnosis", ""]
        for n, c in enumerate(review.causes, 1):
            out.append(f"{n}. **{c['code']}** ({c['confidence']}) — {c['title']}")
    if review.audit is not None:
        out += audit_markdown(review.audit)
    out += ["", "## Recommendations", ""]
    out += [f"- {r}" for r in review.recommendations] or [
        "- Keep tokens short-lived, pin algorithms, and verify aud/iss."
    ]
    out += ["", "## Sign-off", ""]
    out += [f"- [{'x' if done else ' '}] {text}" for text, done in review.checklist]
    return "\n".join(out) + "\n"


def _md_fix(fix: str) -> str:
    lines = fix.splitlines()
    if len(lines) == 1:
        return lines[0]
    return lines[0] + "\n\n  ```python\n" + "\n".join("  " + ln for ln in lines[1:]) + "\n  ```"


def _token_summary(report: Report, redact: bool) -> dict[str, Any]:
    payload = report.token.payload
    return {
        "kind": report.token.kind.value,
        "token": redact_token(report.token.raw),
        "header": report.token.header,
        "payload": mask_claims(payload) if redact and payload else payload,
        "signature": report.signature.status.value,
        "key": report.signature.key,
        "evaluated_at": iso_utc(report.now),
    }


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


def _test_counts(tests: tuple[dict[str, Any], ...]) -> dict[str, int]:
    return {s: sum(1 for t in tests if t["status"] == s) for s in ("PASS", "FAIL", "SKIP", "ERROR")}
