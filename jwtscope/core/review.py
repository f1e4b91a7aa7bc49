"""The JWT authentication review report: Markdown for the team, the same content as data.

It combines whatever was run — the token analysis (``inspect``), a replay diagnosis and
a probe of the endpoint — into the shape of a review: date, system under review,
executive summary, findings grouped Critical / High / Medium / Low (impact, evidence
with its location, fix), the test results, recommendations and a sign-off checklist.
Always redacted: no secret (fingerprints only), no full token (signature cut), and
personal data in claims masked unless ``redact=False``. The date is passed in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.catalog import CODES
from jwtscope.core.diagnose import Diagnosis
from jwtscope.core.findings import Severity
from jwtscope.core.probe import ProbeResult, ProbeStatus
from jwtscope.core.timefmt import iso_utc
from jwtscope.core.token import redact_token
from jwtscope.core.triage import mask_claims

__all__ = ["GROUPS", "PROBE_FIXES", "ReviewItem", "ReviewReport", "build_review", "review_markdown"]

GROUPS = ("critical", "high", "medium", "low")
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
    """One finding of the review, whatever produced it."""

    group: str
    code: str
    title: str
    impact: str
    evidence: str
    location: str
    fix: str
    source: str


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

    def counts(self) -> dict[str, int]:
        """Findings per group."""
        return {g: sum(1 for i in self.items if i.group == g) for g in GROUPS}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the same content as the Markdown."""
        return {
            "schema": 1,
            "date": self.date,
            "system": self.system,
            "scope": list(self.scope),
            "summary": {"counts": self.counts(), "tests": _test_counts(self.tests)},
            "token": self.token,
            "findings": {g: [_item_dict(i) for i in self.items if i.group == g] for g in GROUPS},
            "tests": list(self.tests),
            "causes": list(self.causes),
            "recommendations": list(self.recommendations),
            "checklist": [{"item": text, "done": done} for text, done in self.checklist],
        }


def build_review(
    *,
    date: int,
    system: str,
    report: Report | None = None,
    diagnosis: Diagnosis | None = None,
    probe: ProbeResult | None = None,
    redact: bool = True,
) -> ReviewReport:
    """Combine what was run into a review.

    Args:
        date: the review date (epoch seconds; passed in, never read from a clock here).
        system: what was reviewed (the endpoint URL or the issuer).
        report: the token analysis, if a token was inspected.
        diagnosis: the replay diagnosis, if a replay was run.
        probe: the probe result, if the test suite was run.
        redact: mask personal data in claims (secrets and signatures are always cut).
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
    items.sort(key=lambda i: GROUPS.index(i.group))
    recommendations = tuple(
        dict.fromkeys(
            i.fix.splitlines()[0] for i in items if i.group in ("critical", "high") and i.fix
        )
    )
    checklist = (
        ("All critical issues resolved", not any(i.group == "critical" for i in items)),
        ("All high issues resolved", not any(i.group == "high" for i in items)),
        ("All tests passing", bool(tests) and all(t["status"] in ("PASS", "SKIP") for t in tests)),
        (
            "Token signature verified against the issuer's key",
            report is not None and report.signature.status.value == "valid",
        ),
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
    )


def review_markdown(review: ReviewReport) -> str:
    """The review as Markdown."""
    counts = review.counts()
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
    for group in GROUPS:
        chosen = [i for i in review.items if i.group == group]
        out += ["", f"### {group.capitalize()} ({len(chosen)})", ""]
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
    }


def _test_counts(tests: tuple[dict[str, Any], ...]) -> dict[str, int]:
    return {s: sum(1 for t in tests if t["status"] == s) for s in ("PASS", "FAIL", "SKIP", "ERROR")}
