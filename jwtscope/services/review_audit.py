"""The source audit's part of the review report: its data, recommendations, checklist and
Markdown section.

Pure like the rest of :mod:`jwtscope.core`: it reads the attributes of an
:class:`~jwtscope.audit.model.AuditResult` (duck-typed — :mod:`jwtscope.audit` is imported
for type checking only) and never touches the file system. The audited folder is named by
its last path segment, so no absolute path of the machine reaches a report. Nothing here
depends on a particular audit code except two recommendations that read better grouped
(unprotected routes, ownership checks); every other code gets the same generic treatment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult

__all__ = [
    "MAX_ROUTE_ROWS",
    "audit_checklist",
    "audit_data",
    "audit_markdown",
    "audit_recommendations",
    "audit_summary",
    "folder_name",
    "review_severity",
]

#: Above this many routes the Markdown table lists only the unprotected ones.
MAX_ROUTE_ROWS = 40
_SEVERITIES = ("critical", "high", "medium", "low")
_FROM_AUDIT = {"critical": "critical", "error": "high", "warning": "medium", "info": "low"}
_STATUSES = ("protected", "public", "unprotected")
_LANGUAGES = {
    ".py": "python",
    ".pyi": "python",
    ".ts": "ts",
    ".tsx": "tsx",
    ".js": "js",
    ".jsx": "jsx",
    ".mjs": "js",
    ".cjs": "js",
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
#: Codes whose findings are recommended together, in words of their own.
_UNPROTECTED, _OWNERSHIP = "AUDIT-ROUTE-UNPROTECTED", "AUDIT-OWNERSHIP-MISSING"
_LISTED = 5


def folder_name(root: str) -> str:
    """The last segment of a path (``/home/me/todo_api/`` → ``todo_api``), without any I/O."""
    parts = [p for p in re.split(r"[\\/]", root) if p]
    return parts[-1] if parts else "the project"


def review_severity(audit_severity: str) -> str | None:
    """The review's group name for an audit severity (``error`` → ``high``); None for ``ok``."""
    return _FROM_AUDIT.get(audit_severity)


def audit_data(audit: AuditResult) -> dict[str, Any]:
    """The ``audit`` key of the review: files, counts, issuer, routes and findings.

    Routes and findings have the shape of ``jwtscope audit --json``; the folder is its name
    only. Built attribute by attribute so that a field added to the audit model later can
    never carry an absolute path or a secret into a report unnoticed.
    """
    routes: list[dict[str, Any]] = [
        {
            "method": r.method,
            "path": r.path,
            "status": str(r.status.value),
            "file": r.file,
            "line": r.line,
            "endpoint": r.endpoint,
            "dependency": r.dependency,
            "via": r.via,
            "mounted": r.mounted,
            "reason": r.reason,
        }
        for r in audit.routes
    ]
    findings: list[dict[str, Any]] = [
        {
            "code": f.code,
            "severity": str(f.severity.value),
            "title": f.title,
            "detail": f.detail,
            "fix": f.fix,
            "path": f.path,
            "line": f.line,
            "source_line": f.source_line,
        }
        for f in audit.findings
    ]
    by_status = dict.fromkeys(_STATUSES, 0)
    for route in routes:
        by_status[route["status"]] = by_status.get(route["status"], 0) + 1
    by_severity = dict.fromkeys(_SEVERITIES, 0)
    for finding in findings:
        group = review_severity(finding["severity"])
        if group is not None:
            by_severity[group] += 1
    issuer = audit.issuer
    return {
        "root": folder_name(audit.root),
        "files": {
            "scanned": audit.files_scanned,
            "parse_errors": audit.parse_errors,
            "skipped": audit.files_skipped,
            "by_kind": dict(audit.kinds),
            "not_audited": [{"path": s.path, "reason": s.reason} for s in audit.skipped],
        },
        "counts": {"routes": by_status, "findings": by_severity},
        "issuer": None
        if issuer is None
        else {
            "file": issuer.file,
            "line": issuer.line,
            "jwt_plugin": issuer.jwt_plugin,
            "algorithm": issuer.algorithm,
            "base_url": issuer.base_url,
            "base_path": issuer.base_path,
            "jwks_url": issuer.jwks_url,
            "audience": issuer.audience,
            "issuer": issuer.issuer,
            "evidence": list(issuer.evidence),
        },
        "routes": routes,
        "findings": findings,
    }


def _protected_by(route: dict[str, Any]) -> str:
    if route["status"] == "unknown":
        return f"unknown: {route.get('reason', '')}"
    if route["status"] == "unprotected" and route.get("reason"):
        return f"nothing: {route['reason']}"
    return str(route["dependency"])


def audit_summary(data: dict[str, Any]) -> str:
    """One sentence for the executive summary."""
    routes, findings = data["counts"]["routes"], data["counts"]["findings"]
    unknown = routes.get("unknown", 0)
    return (
        f"Source audit of `{data['root']}`: {len(data['routes'])} routes "
        f"({routes.get('unprotected', 0)} unprotected"
        + (f", {unknown} unknown" if unknown else "")
        + f"), {sum(findings.values())} findings "
        f"({', '.join(f'{findings[s]} {s}' for s in _SEVERITIES)})."
    )


def audit_recommendations(data: dict[str, Any]) -> list[str]:
    """What to do about the audit, worst first: unprotected routes, ownership, then every
    other code with a critical or high finding (its title and where)."""
    out: list[str] = []
    unprotected = [r for r in data["routes"] if r["status"] == "unprotected"]
    if unprotected:
        names = _listed(r["method"] + " " + r["path"] for r in unprotected)
        out.append(
            f"Protect {_count(len(unprotected), 'unprotected route')} ({names}): add the auth "
            "dependency, or declare the ones meant to be public with --public or "
            "[tool.jwtscope] public = [...]."
        )
    unknown = [r for r in data["routes"] if r["status"] == "unknown"]
    if unknown:
        names = _listed(r["method"] + " " + r["path"] for r in unknown)
        out.append(
            f"Check by hand {_count(len(unknown), 'route')} the audit could not judge "
            f"({names}): the reason is in the route table (a file that did not parse, a "
            "dependency it could not follow)."
        )
    ownership = [f for f in data["findings"] if f["code"] == _OWNERSHIP]
    if ownership:
        out.append(
            f"Fix ownership checks in {_count(len(ownership), 'place')} "
            f"({_listed(_where(f) for f in ownership)}): load records by id AND owner and "
            "answer 404 for other users' records."
        )
    by_code: dict[str, list[dict[str, Any]]] = {}
    for f in _worst_first(data["findings"]):
        if f["code"] not in (_UNPROTECTED, _OWNERSHIP) and review_severity(f["severity"]) in (
            "critical",
            "high",
        ):
            by_code.setdefault(f["code"], []).append(f)
    for code, found in by_code.items():
        out.append(f"{found[0]['title']} ({code}): fix {_listed(_where(f) for f in found)}.")
    return out


def audit_checklist(data: dict[str, Any]) -> list[tuple[str, bool]]:
    """Sign-off items the audit can tick."""
    counts = data["counts"]
    return [
        (
            "Every route protected or declared public (source audit)",
            counts["routes"].get("unprotected", 0) == 0 and counts["routes"].get("unknown", 0) == 0,
        ),
        (
            "No critical or high finding in the source audit",
            counts["findings"]["critical"] == 0 and counts["findings"]["high"] == 0,
        ),
    ]


def audit_markdown(data: dict[str, Any]) -> list[str]:
    """The "Audit of the source" section: counts, issuer, route table, findings."""
    files, routes = data["files"], data["routes"]
    status = data["counts"]["routes"]
    findings = [f for f in _worst_first(data["findings"]) if review_severity(f["severity"])]
    kinds = ", ".join(f"{n} {kind}" for kind, n in files["by_kind"].items())
    out = [
        "",
        "## Audit of the source",
        "",
        f"Folder `{data['root']}`: {files['scanned']} files read"
        + (f" ({kinds})" if kinds else "")
        + f", {files['parse_errors']} did not parse, {files['skipped']} skipped. "
        f"{len(routes)} routes: "
        + ", ".join(f"{n} {s}" for s, n in status.items())
        + f". {len(findings)} findings: "
        + ", ".join(f"{n} {s}" for s, n in data["counts"]["findings"].items())
        + ".",
    ]
    if data["issuer"] is not None:
        out += _issuer_markdown(data["issuer"])
    out += ["", "### Routes", ""]
    shown = routes
    if len(routes) > MAX_ROUTE_ROWS:
        shown = [r for r in routes if r["status"] in ("unprotected", "unknown")]
    if shown:
        out += ["| status | method | path | where | protected by |", "|---|---|---|---|---|"]
        for r in shown:
            path = f"`{_cell(r['path'])}`" + ("" if r["mounted"] else " (router not mounted)")
            out.append(
                f"| {r['status']} | {r['method']} | {path} | `{_cell(r['file'])}:{r['line']}` "
                f"| {_cell(_protected_by(r)) or '—'} |"
            )
    elif not routes:
        out.append("No route found.")
    if len(shown) < len(routes):
        rest = len(routes) - len(shown)
        kinds_of_rest = ", ".join(
            f"{n} {s}" for s, n in status.items() if s not in ("unprotected", "unknown") and n
        )
        out += [
            "",
            f"{_count(rest, 'other route')} ({kinds_of_rest}) not listed; the JSON report "
            "(`--json`) lists every route.",
        ]
    if files.get("not_audited"):
        out += ["", "### Not audited", ""]
        out += [f"- `{_cell(s['path'])}` — {_cell(s['reason'])}" for s in files["not_audited"]]
    out += ["", f"### Findings in the source ({len(findings)})", ""]
    if not findings:
        out.append("None.")
    for f in findings:
        lang = _language(f["path"])
        out += [
            f"#### {f['code']} — {f['title']} ({review_severity(f['severity'])})",
            "",
            f"`{_where(f)}`",
            "",
            *_fence(f["source_line"].rstrip(), lang),
            "",
            f["detail"],
            "",
        ]
        if "\n" in f["fix"]:
            out += ["**Fix:**", "", *_fence(f["fix"], lang), ""]
        else:
            out += [f"**Fix:** {f['fix']}", ""]
    return out


def _issuer_markdown(issuer: dict[str, Any]) -> list[str]:
    unknown = "not found in the source"
    plugin = (
        "present: the backend verifies these JWTs with the keys at the JWKS URL"
        if issuer["jwt_plugin"]
        else "absent: this Better Auth issues no JWT for a backend to verify (only its "
        "session cookie); add `jwt()` to its plugins"
    )
    out = [
        "",
        f"### Better Auth issuer (`{_cell(issuer['file'])}:{issuer['line']}`)",
        "",
        f"- **JWT plugin:** {plugin}",
        f"- **Algorithm:** {issuer['algorithm'] or unknown}",
        f"- **JWKS URL:** {issuer['jwks_url'] or unknown}",
        f"- **Audience (`aud`):** {issuer['audience'] or unknown}",
        f"- **Issuer (`iss`):** {issuer['issuer'] or unknown}",
        f"- **Base URL:** {issuer['base_url'] or unknown} (auth routes under "
        f"`{issuer['base_path']}`)",
    ]
    if issuer["evidence"]:
        out.append("- **Evidence:** " + "; ".join(issuer["evidence"]))
    return out


def _worst_first(findings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings by severity, worst first, keeping the audit's file/line order within one."""
    order = {s: i for i, s in enumerate(_SEVERITIES)}
    return sorted(findings, key=lambda f: order.get(review_severity(f["severity"]) or "", 9))


def _where(finding: dict[str, Any]) -> str:
    return f"{finding['path']}:{finding['line']}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _listed(names: Iterable[str]) -> str:
    unique = list(dict.fromkeys(names))
    more = len(unique) - _LISTED
    return ", ".join(unique[:_LISTED]) + (f" and {more} more" if more > 0 else "")


def _language(path: str) -> str:
    match = re.search(r"\.[A-Za-z0-9]+$", path)
    return _LANGUAGES.get(match.group(0).lower(), "") if match else ""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _fence(text: str, lang: str) -> list[str]:
    """A fenced code block that a backtick run inside ``text`` cannot close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return [ticks + lang, text, ticks]
