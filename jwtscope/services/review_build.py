"""Assemble a :class:`~jwtscope.services.review_model.ReviewReport` from what was run: one
helper per section (token, replay, probe, source audit, recommendations, sign-off).

Always redacted: no secret (fingerprints only), no full token (signature cut), and
personal data in claims masked unless ``redact=False``. The date is passed in.
"""

from __future__ import annotations

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
    audit_recommendations,
    review_severity,
)
from jwtscope.services.review_model import GROUPS, SEVERITIES, ReviewItem, ReviewReport
from jwtscope.services.review_routes import route_items, routes_data

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult
    from jwtscope.core.probe.route_judge import RouteProbeResult

__all__ = ["PROBE_FIXES", "build_review"]

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


def build_review(
    *,
    date: int,
    system: str,
    report: Report | None = None,
    diagnosis: Diagnosis | None = None,
    probe: ProbeResult | None = None,
    redact: bool = True,
    audit: AuditResult | None = None,
    routes: RouteProbeResult | None = None,
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
        routes: the route probe (``--all-routes``), if one was run: its matrix, tests per
            route, holes and cross-check with the audit.
    """
    items: list[ReviewItem] = []
    scope: list[str] = []
    token: dict[str, Any] = {}
    if report is not None:
        scope.append("token analysis (inspect)")
        token = _token_summary(report, redact)
        items += _token_items(report)
    causes: list[dict[str, Any]] = []
    if diagnosis is not None:
        scope.append("replay of the failing request (replay)")
        causes = _replay_causes(diagnosis)
        items += _replay_items(diagnosis)
    tests: list[dict[str, Any]] = []
    if probe is not None:
        scope.append("auth test suite against the endpoint (probe)")
        tests = _probe_tests(probe)
        items += _probe_items(probe)
    route_info = routes_data(routes) if routes is not None else None
    if routes is not None:
        scope.append(f"auth tests 2–7 on {len(routes.rows)} routes (probe --all-routes)")
        items += route_items(routes, PROBE_FIXES)
    audit_info = audit_data(audit) if audit is not None else None
    if audit_info is not None:
        scope.append(f"source audit of {audit_info['root']}")
        items += _audit_items(audit_info)
    items.sort(key=lambda i: (GROUPS.index(i.group), SEVERITIES.index(i.level)))
    return ReviewReport(
        iso_utc(date),
        _system_info(system, report),
        tuple(scope),
        tuple(items),
        tuple(tests),
        tuple(causes),
        _recommendations(items, audit_info),
        _checklist(items, tests, report, audit_info, route_info),
        token,
        audit_info,
        route_info,
    )


# --- token (inspect) -------------------------------------------------------------------


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


def _token_items(report: Report) -> list[ReviewItem]:
    """The token analysis' findings, except ``ok`` ones and the input note."""
    items: list[ReviewItem] = []
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
    return items


def _system_info(system: str, report: Report | None) -> dict[str, Any]:
    info: dict[str, Any] = {"target": system}
    if report is not None and report.token.payload:
        info["issuer"] = report.token.payload.get("iss")
        info["algorithm"] = report.token.alg
    return info


# --- replay ----------------------------------------------------------------------------


def _replay_causes(diagnosis: Diagnosis) -> list[dict[str, Any]]:
    """Every ranked cause, ``CAUSE-OK`` included."""
    return [
        {
            "code": c.code,
            "confidence": c.confidence,
            "title": c.title,
            "evidence": [f"[{e.source}] {e.line}" for e in c.evidence],
            "fix": c.fix,
        }
        for c in diagnosis.causes
    ]


def _replay_items(diagnosis: Diagnosis) -> list[ReviewItem]:
    """One finding per cause, ``CAUSE-OK`` left out."""
    return [
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
        for c in diagnosis.causes
        if c.code != "CAUSE-OK"
    ]


# --- probe -----------------------------------------------------------------------------


def _probe_tests(probe: ProbeResult) -> list[dict[str, Any]]:
    return [
        {
            "id": v.test.id,
            "number": v.test.number,
            "title": v.test.title,
            "status": v.status.value,
            "expected": v.expected,
            "observed": [o.summary for o in v.observed],
            "explanation": v.explanation,
        }
        for v in probe.verdicts
    ]


def _probe_items(probe: ProbeResult) -> list[ReviewItem]:
    """One finding per failed test that has a severity."""
    items: list[ReviewItem] = []
    for v in probe.verdicts:
        if v.status is not ProbeStatus.FAIL or v.severity is None:
            continue
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
    return items


# --- source audit ----------------------------------------------------------------------


def _audit_items(audit_info: dict[str, Any]) -> list[ReviewItem]:
    """The audit's findings in the ``source`` group (``ok`` ones left out)."""
    items: list[ReviewItem] = []
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
    return items


# --- recommendations and sign-off ------------------------------------------------------


def _recommendations(items: list[ReviewItem], audit_info: dict[str, Any] | None) -> tuple[str, ...]:
    """The first line of each critical/high fix, then the audit's, without repeats."""
    return tuple(
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


def _checklist(
    items: list[ReviewItem],
    tests: list[dict[str, Any]],
    report: Report | None,
    audit_info: dict[str, Any] | None,
    route_info: dict[str, Any] | None = None,
) -> tuple[tuple[str, bool], ...]:
    cells = [t for row in (route_info or {}).get("rows", []) for t in row["tests"]]
    every = [*tests, *cells]
    return (
        ("All critical issues resolved", not any(i.level == "critical" for i in items)),
        ("All high issues resolved", not any(i.level == "high" for i in items)),
        ("All tests passing", bool(every) and all(t["status"] in ("PASS", "SKIP") for t in every)),
        (
            "Token signature verified against the issuer's key",
            report is not None and report.signature.status.value == "valid",
        ),
        *(audit_checklist(audit_info) if audit_info is not None else ()),
    )
