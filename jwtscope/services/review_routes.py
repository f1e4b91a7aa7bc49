"""The route probe's part of the review report: the matrix (routes × tests 2–7), each
route's test table with why for every SKIP and ERROR, the findings of the routes with
holes, and the cross-check with the source audit.

Built from a :class:`~jwtscope.core.probe.route_judge.RouteProbeResult`; URLs and
observations come redacted from the probe (no token is ever in them).
"""

from __future__ import annotations

from typing import Any

from jwtscope.core.probe.probe_suite import ProbeStatus, ProbeVerdict
from jwtscope.core.probe.probe_text import verdict_to_dict
from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts
from jwtscope.core.probe.route_plan import TOKEN_TESTS
from jwtscope.services.review_model import ReviewItem

__all__ = ["route_items", "routes_data", "routes_markdown", "test_line"]

_SEVERITY_ORDER = ("critical", "high", "medium", "low")
_FROM_CROSS = {"error": "high", "warning": "medium", "info": "low"}
_MARKS = {"PASS": "✅ PASS", "FAIL": "❌ FAIL", "SKIP": "⏭ SKIP", "ERROR": "⚠ ERROR"}
_CELLS = {"PASS": "pass", "FAIL": "**FAIL**", "SKIP": "skip", "ERROR": "ERROR"}


def _test_dict(v: ProbeVerdict) -> dict[str, Any]:
    """The probe's JSON of one verdict, its requests as one-line summaries."""
    return {**verdict_to_dict(v), "observed": [o.summary for o in v.observed]}


def routes_data(result: RouteProbeResult) -> dict[str, Any]:
    """The ``routes`` key of the review: the matrix, each route's tests, the cross-check."""
    return {
        "source": result.source,
        "tests": [t.id for t in TOKEN_TESTS],
        "rows": [
            {
                "route": row.route.label,
                "url": row.url,
                "declares_security": row.route.secured,
                "public": row.public,
                "filled_from": row.filled_from,
                "cells": ["public" if row.public else v.status.value for v in row.verdicts],
                "tests": [_test_dict(v) for v in row.verdicts],
            }
            for row in result.rows
        ],
        "holes": [row.route.label for row in result.holes],
        "counts": result.counts,
        "cross_check": [f.to_dict() for f in result.cross],
        "cleanup": {
            "created": result.created,
            "cleaned": result.cleaned,
            "left_behind": list(result.left_behind),
        },
        "stopped": result.stopped,
        "notes": list(result.notes),
        "requests": result.sent,
        "budget": result.budget,
    }


def route_items(result: RouteProbeResult, fixes: dict[str, str]) -> list[ReviewItem]:
    """One finding per route with a hole (its worst FAIL), then one per contradiction."""
    items = [_hole_item(row, fixes) for row in result.holes]
    items += [
        ReviewItem(
            _FROM_CROSS[f.severity],
            f.code,
            f"{f.route}: {f.title}",
            f.title + ".",
            f.evidence,
            f"{f.route} (audit: {f.location})",
            f.fix,
            "probe",
        )
        for f in result.cross
    ]
    return items


def _hole_item(row: RouteVerdicts, fixes: dict[str, str]) -> ReviewItem:
    failed = [v for v in row.verdicts if v.status is ProbeStatus.FAIL]
    worst = min(
        failed,
        key=lambda v: _SEVERITY_ORDER.index(v.severity.value) if v.severity else 9,
    )
    evidence = "; ".join(
        f"{v.test.number}. {v.test.title}: expected {v.expected}, observed "
        f"{', '.join(o.summary for o in v.observed) or '—'}"
        for v in failed
    )
    return ReviewItem(
        worst.severity.value if worst.severity else "high",
        worst.test.id,
        f"{row.route.label} answers without valid credentials",
        worst.test.fail_means,
        evidence + (f" ({worst.explanation})" if worst.explanation else ""),
        f"route {row.route.label}" + (f" ({row.url})" if row.url else ""),
        fixes.get(worst.test.id, worst.explanation),
        "probe",
    )


def test_line(t: dict[str, Any]) -> str:
    """``- ❌ FAIL — 2. No Authorization header: expected 401; observed 200`` (+ why)."""
    why = (
        f" — why: {t['explanation']}"
        if t["status"] in ("SKIP", "ERROR") and t["explanation"]
        else ""
    )
    return (
        f"- {_MARKS.get(t['status'], t['status'])} — {t['number']}. {t['title']}: expected "
        f"{t['expected']}; observed {'; '.join(t['observed']) or '—'}{why}"
    )


def routes_markdown(data: dict[str, Any]) -> list[str]:
    """The matrix, then each route's test table, then the cross-check and the cleanup."""
    tests = [t.split("-", 1)[0][1:] for t in data["tests"]]
    out = ["", "## Route matrix", "", f"Routes from {data['source']}; tests 2–7 on each.", ""]
    out += ["| route | " + " | ".join(tests) + " |", "|---|" + "---|" * len(tests)]
    for row in data["rows"]:
        cells = [_CELLS.get(c, c) for c in row["cells"]]
        out.append(f"| `{row['route']}` | " + " | ".join(cells) + " |")
    c = data["counts"]
    out += [
        "",
        f"Routes with holes: {len(data['holes'])}; {c['PASS']} passed, {c['FAIL']} failed, "
        f"{c['SKIP']} skipped, {c['ERROR']} not judged; {data['requests']} requests "
        f"(budget {data['budget']}).",
    ]
    out += ["", "### Tests per route"]
    for row in data["rows"]:
        out += ["", f"#### `{row['route']}`", ""]
        if row["url"]:
            out.append(f"Sent to `{row['url']}`" + _filled(row) + ".")
            out.append("")
        out += [test_line(t) for t in row["tests"]]
    out += _cross_markdown(data)
    return out


def _filled(row: dict[str, Any]) -> str:
    return f" (ids: {row['filled_from']})" if row["filled_from"] else ""


def _cross_markdown(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if data["cross_check"]:
        out += ["", "### Static + dynamic", "", "| code | severity | route | evidence |"]
        out.append("|---|---|---|---|")
        out += [
            f"| `{f['code']}` | {f['severity']} | `{f['route']}` | {_cell(f['evidence'])} |"
            for f in data["cross_check"]
        ]
    clean = data["cleanup"]
    if clean["created"]:
        left = ", ".join(clean["left_behind"]) or "none"
        out += [
            "",
            f"Cleanup: {clean['cleaned']} of {clean['created']} resources the probe created "
            f"are gone; left behind: {left}.",
        ]
    if data["stopped"]:
        out += ["", "The probe was stopped before every route was probed."]
    return out


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
