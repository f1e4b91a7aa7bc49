"""A probe result as terminal text and as JSON-ready data (requests already redacted)."""

from __future__ import annotations

from typing import Any

from jwtscope.core.probe.probe_suite import ProbeResult, ProbeStatus, ProbeVerdict
from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["probe_to_dict", "probe_to_text", "verdict_line"]

_MARK = {
    ProbeStatus.PASS: "PASS ",
    ProbeStatus.FAIL: "FAIL ",
    ProbeStatus.SKIP: "SKIP ",
    ProbeStatus.ERROR: "ERROR",
}


def verdict_line(verdict: ProbeVerdict) -> str:
    """``FAIL  6. alg: none → 401 — observed 200 (critical)``: one line per test."""
    observed = "; ".join(o.summary for o in verdict.observed) or "—"
    sev = (
        f" ({verdict.severity.value})"
        if verdict.status is ProbeStatus.FAIL and verdict.severity
        else ""
    )
    return (
        f"{_MARK[verdict.status]} {verdict.test.number}. {verdict.test.title}: expected "
        f"{verdict.expected}; observed {observed}{sev}"
    )


def probe_to_text(result: ProbeResult, request: ReplayRequest) -> str:
    """Every test with expected vs observed, then what each FAIL means."""
    counts = result.counts
    out = [f"jwtscope probe — {request.method} {request.shown_url}", ""]
    out += [verdict_line(v) for v in result.verdicts]
    failures = result.failures
    if failures:
        out += ["", "What the failures mean:"]
        for v in failures:
            out.append(
                f"  [{v.severity.value if v.severity else '?'}] {v.test.title}: {v.test.fail_means}"
            )
            if v.explanation:
                out.append(f"      {v.explanation}")
    for note in result.notes:
        out.append(f"note: {note}")
    out += [
        "",
        f"{counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped, "
        f"{counts['ERROR']} not judged",
    ]
    return "\n".join(out)


def probe_to_dict(result: ProbeResult, request: ReplayRequest) -> dict[str, Any]:
    """The ``probe --json`` object."""
    return {
        "schema": 1,
        "request": request.redacted(),
        "tests": [
            {
                "id": v.test.id,
                "number": v.test.number,
                "title": v.test.title,
                "status": v.status.value,
                "severity": v.severity.value if v.severity else None,
                "expected": v.expected,
                "observed": [
                    {
                        "purpose": o.purpose,
                        "method": o.method,
                        "url": o.url,
                        "status": o.status,
                        "detail": o.detail,
                        "error": o.error,
                    }
                    for o in v.observed
                ],
                "fail_means": v.test.fail_means,
                "explanation": v.explanation,
            }
            for v in result.verdicts
        ],
        "counts": result.counts,
        "notes": list(result.notes),
        "passed": result.passed,
        "exit_code": result.exit_code,
    }
