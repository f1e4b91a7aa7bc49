"""The review report as Markdown for the team: header, executive summary, token, findings
by group, test results, replay diagnosis, the source audit, recommendations and sign-off.
"""

from __future__ import annotations

import json

from jwtscope.services.review_audit import audit_markdown, audit_summary
from jwtscope.services.review_model import (
    GROUP_DESCRIPTIONS,
    SEVERITIES,
    ReviewItem,
    ReviewReport,
    tally_tests,
)
from jwtscope.services.review_routes import routes_markdown, test_line

__all__ = ["review_markdown"]


def review_markdown(review: ReviewReport) -> str:
    """The review as Markdown."""
    out = _header(review)
    out += _summary(review)
    out += _token(review)
    out += _findings(review)
    out += _test_results(review)
    if review.routes is not None:
        out += routes_markdown(review.routes)
    out += _replay_diagnosis(review)
    if review.audit is not None:
        out += audit_markdown(review.audit)
    out += _closing(review)
    return "\n".join(out) + "\n"


def _header(review: ReviewReport) -> list[str]:
    out = [
        f"# JWT authentication review — {review.system['target']}",
        "",
        f"- **Date:** {review.date}",
        f"- **System under review:** {review.system['target']}",
    ]
    if review.system.get("issuer"):
        out.append(f"- **Issuer:** {review.system['issuer']} ({review.system.get('algorithm')})")
    out.append(f"- **Scope:** {', '.join(review.scope) or 'nothing was run'}")
    return out


def _summary(review: ReviewReport) -> list[str]:
    """The executive summary: verdict, counts, audit, tests and the root cause."""
    counts = review.severity_counts()
    out = ["", "## Executive summary", ""]
    tests = tally_tests(review.tests)
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
    if review.routes is not None:
        r = review.routes
        out.append(
            f"Routes: {len(r['rows'])} probed, {len(r['holes'])} answer without valid "
            f"credentials ({', '.join(r['holes']) or 'none'})."
        )
    if review.causes:
        top = review.causes[0]
        out.append(f"Root cause of the failing request: **{top['code']}** — {top['title']}.")
    return out


def _token(review: ReviewReport) -> list[str]:
    if not review.token:
        return []
    return [
        "",
        "## Token",
        "",
        "```json",
        json.dumps(review.token, indent=2, ensure_ascii=False),
        "```",
    ]


def _findings(review: ReviewReport) -> list[str]:
    """The severity groups, then a pointer to the source audit's findings."""
    out = ["", "## Findings"]
    # An audit-only review has nothing in the severity groups: list just its source group.
    only_audit = review.audit is not None and not (
        review.token or review.tests or review.causes or review.routes
    )
    for group in () if only_audit else SEVERITIES:
        chosen = [i for i in review.items if i.group == group]
        out += ["", f"### {group.capitalize()} ({len(chosen)})", ""]
        out += [f"_{GROUP_DESCRIPTIONS[group]}_", ""]
        if not chosen:
            out.append("None.")
        for i in chosen:
            out += _item(i)
    if review.audit is not None:
        source = review.counts()["source"]
        out += ["", f"### Source ({source})", "", f"_{GROUP_DESCRIPTIONS['source']}_"]
    return out


def _item(item: ReviewItem) -> list[str]:
    return [
        f"#### {item.code} — {item.title}",
        "",
        f"- **Impact:** {item.impact}",
        f"- **Evidence ({item.location}):** {item.evidence}",
        f"- **Fix:** {_md_fix(item.fix)}",
        "",
    ]


def _md_fix(fix: str) -> str:
    lines = fix.splitlines()
    if len(lines) == 1:
        return lines[0]
    return lines[0] + "\n\n  ```python\n" + "\n".join("  " + ln for ln in lines[1:]) + "\n  ```"


def _test_results(review: ReviewReport) -> list[str]:
    if not review.tests:
        return []
    out = ["", "## Test results", ""]
    out += [test_line(t) for t in review.tests]
    return out


def _replay_diagnosis(review: ReviewReport) -> list[str]:
    if not review.causes:
        return []
    out = ["", "## Replay diagnosis", ""]
    for n, c in enumerate(review.causes, 1):
        out.append(f"{n}. **{c['code']}** ({c['confidence']}) — {c['title']}")
    return out


def _closing(review: ReviewReport) -> list[str]:
    """Recommendations (a default one when none) and the sign-off checklist."""
    out = ["", "## Recommendations", ""]
    out += [f"- {r}" for r in review.recommendations] or [
        "- Keep tokens short-lived, pin algorithms, and verify aud/iss."
    ]
    out += ["", "## Sign-off", ""]
    out += [f"- [{'x' if done else ' '}] {text}" for text, done in review.checklist]
    return out
