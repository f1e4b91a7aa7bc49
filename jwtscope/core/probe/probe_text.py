"""A probe result as terminal text and as JSON-ready data (requests already redacted).

The single-URL probe (tests 1–8) and the route probe (a matrix of routes × tests 2–7).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jwtscope.core.probe.probe_suite import ProbeResult, ProbeStatus, ProbeVerdict
from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
from jwtscope.core.probe.route_plan import TOKEN_TESTS, RoutePlan
from jwtscope.core.request.replay_request import ReplayRequest

__all__ = [
    "probe_to_dict",
    "probe_to_text",
    "route_plan_to_text",
    "route_row_line",
    "routes_to_dict",
    "routes_to_text",
    "verdict_line",
    "verdict_to_dict",
]

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
    why = (
        f"; why: {verdict.explanation}"
        if verdict.status in (ProbeStatus.SKIP, ProbeStatus.ERROR) and verdict.explanation
        else ""
    )
    return (
        f"{_MARK[verdict.status]} {verdict.test.number}. {verdict.test.title}: expected "
        f"{verdict.expected}; observed {observed}{sev}{why}"
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


def verdict_to_dict(v: ProbeVerdict) -> dict[str, Any]:
    """One verdict as JSON-ready data."""
    return {
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


def probe_to_dict(result: ProbeResult, request: ReplayRequest) -> dict[str, Any]:
    """The ``probe --json`` object."""
    return {
        "schema": 1,
        "request": request.redacted(),
        "tests": [verdict_to_dict(v) for v in result.verdicts],
        "counts": result.counts,
        "notes": list(result.notes),
        "passed": result.passed,
        "exit_code": result.exit_code,
    }


# --- the route probe: a matrix of routes × tests 2–7 -----------------------------------

_CELL = {
    ProbeStatus.PASS: "pass",
    ProbeStatus.FAIL: "FAIL",
    ProbeStatus.SKIP: "skip",
    ProbeStatus.ERROR: "ERROR",
}


def _route_label(row: RouteVerdicts, width: int = 0) -> str:
    return row.route.label.ljust(width)


def route_row_line(row: RouteVerdicts, width: int = 0) -> str:
    """``GET /todos/{todo_id}   FAIL FAIL FAIL …`` or the route's one reason."""
    label = _route_label(row, width)
    if row.public:
        return f"{label}  public (no security declared)"
    reasons = {v.explanation for v in row.verdicts}
    statuses = {v.status for v in row.verdicts}
    if len(statuses) == 1 and len(reasons) == 1 and not row.verdicts[0].observed:
        status = row.verdicts[0].status
        return f"{label}  {_MARK[status].strip()}: {row.verdicts[0].explanation}"
    return f"{label}  " + " ".join(_CELL[v.status].ljust(5) for v in row.verdicts)


def route_plan_to_text(plans: Sequence[RoutePlan], source: str, budget: int) -> str:
    """The plan, before anything is sent: each route, the URL or why not, the requests."""
    width = max((len(p.route.label) for p in plans), default=0)
    tests = ", ".join(f"{t.number}. {t.title}" for t in TOKEN_TESTS)
    out = [f"jwtscope probe — plan for {len(plans)} routes from {source}", f"tests: {tests}", ""]
    total = 0
    for plan in plans:
        label = plan.route.label.ljust(width)
        if plan.skip_reason:
            out.append(f"{label}  SKIP: {plan.skip_reason}")
            continue
        total += plan.request_count
        auth = "declares security" if plan.route.secured else "declares no security"
        filled = f"; {plan.filled_from}" if plan.filled_from else ""
        out.append(f"{label}  {plan.request_count} requests ({auth}{filled})")
    out += ["", f"{total} requests planned (budget {budget}), besides listing ids"]
    return "\n".join(out)


def routes_to_text(result: RouteProbeResult, request: ReplayRequest) -> str:
    """The matrix, then every FAIL, SKIP and ERROR with why, then the notes."""
    width = max((len(r.route.label) for r in result.rows), default=0)
    head = " ".join(str(t.number).ljust(5) for t in TOKEN_TESTS)
    out = [
        f"jwtscope probe — {len(result.rows)} routes of {request.origin} (from {result.source})",
        "tests: " + ", ".join(f"{t.number}. {t.title}" for t in TOKEN_TESTS),
        "",
        f"{'route'.ljust(width)}  {head}",
    ]
    out += [route_row_line(row, width) for row in result.rows]
    details = [_route_details(row) for row in result.rows]
    if any(details):
        out += ["", "Why:"]
        out += [line for block in details for line in block]
    public = [r.route.label for r in result.rows if r.public]
    if public:
        out += ["", "Public (no security declared, answers without a token) — confirm each is"]
        out += ["meant to be public: " + ", ".join(public)]
    out += _cross_lines(result)
    out += [f"note: {n}" for n in result.notes]
    c = result.counts
    out += [
        "",
        f"routes with holes: {len(result.holes)}; {c['PASS']} passed, {c['FAIL']} failed, "
        f"{c['SKIP']} skipped, {c['ERROR']} not judged; {result.sent} requests "
        f"(budget {result.budget})",
    ]
    return "\n".join(out)


def _cross_lines(result: RouteProbeResult) -> list[str]:
    """Where the static audit and the server disagree (``--project``)."""
    if not result.cross:
        return []
    out = ["", "Static + dynamic (the audit's route table against the server's answers):"]
    for f in result.cross:
        out.append(f"  {f.severity.upper():<7} {f.code}  {f.route}  ({f.location})")
        out.append(f"      {f.title}: {f.evidence}")
        out.append(f"      fix: {f.fix}")
    return out


def _route_details(row: RouteVerdicts) -> list[str]:
    """The FAIL, SKIP and ERROR cells of a row, with why (a shared reason said once)."""
    if row.public:
        return []
    odd = [v for v in row.verdicts if v.status is not ProbeStatus.PASS]
    if not odd:
        return []
    at = f" ({row.url})" if row.url else ""
    lines = [f"  {row.route.label}{at}:"]
    same = {v.explanation for v in odd} == {odd[0].explanation} and len(odd) == len(row.verdicts)
    if same and odd[0].status is not ProbeStatus.FAIL:
        return []  # the matrix's row already says why
    for v in odd:
        sev = f" ({v.severity.value})" if v.severity and v.status is ProbeStatus.FAIL else ""
        lines.append(f"    {_MARK[v.status]} {v.test.number}. {v.test.title}{sev}: {v.explanation}")
    return lines


def routes_to_dict(result: RouteProbeResult, request: ReplayRequest) -> dict[str, Any]:
    """The ``probe --all-routes --json`` object: one entry per route, tests 2–7 each."""
    return {
        "schema": 1,
        "origin": request.origin,
        "source": result.source,
        "tests": [t.id for t in TOKEN_TESTS],
        "routes": [
            {
                "method": row.route.method,
                "path": row.route.path,
                "url": row.url,
                "declares_security": row.route.secured,
                "public": row.public,
                "filled_from": row.filled_from,
                "tests": [verdict_to_dict(v) for v in row.verdicts],
            }
            for row in result.rows
        ],
        "holes": [row.route.label for row in result.holes],
        "cross_check": [f.to_dict() for f in result.cross],
        "cleanup": {
            "created": result.created,
            "cleaned": result.cleaned,
            "left_behind": list(result.left_behind),
        },
        "stopped": result.stopped,
        "counts": result.counts,
        "notes": list(result.notes),
        "requests": result.sent,
        "budget": result.budget,
        "exit_code": result.exit_code,
    }
