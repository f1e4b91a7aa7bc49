"""An audit as terminal text, Markdown and JSON-ready data."""

from __future__ import annotations

import textwrap
from typing import Any

from jwtscope.audit.model import AuditResult, Route, RouteStatus
from jwtscope.core.findings import ICONS, Severity

__all__ = [
    "audit_to_dict",
    "audit_to_markdown",
    "audit_to_text",
    "files_line",
    "issuer_lines",
    "kinds_text",
    "skipped_lines",
]

_FENCES = {".py": "python", ".ts": "ts", ".tsx": "tsx", ".js": "js", ".jsx": "jsx", ".mjs": "js"}


def _fence(path: str) -> str:
    return next((lang for ext, lang in _FENCES.items() if path.endswith(ext)), "text")


def audit_to_dict(result: AuditResult) -> dict[str, Any]:
    """The ``audit --json`` object."""
    return {"schema": 1, **result.to_dict(), "exit_code": 1 if result.fails else 0}


_KIND_NAMES = {
    "python": "Python",
    "script": "TS/JS",
    "env": ".env",
    "log": "log",
    "data": "data/fixture",
}


def kinds_text(result: AuditResult) -> str:
    """``8 Python, 3 TS/JS, 1 .env``: files read per kind."""
    return ", ".join(f"{n} {_KIND_NAMES.get(k, k)}" for k, n in result.kinds if n)


def files_line(result: AuditResult) -> str:
    """``12 files read (8 Python, 3 TS/JS, 1 .env); 1 did not parse; 2 skipped``."""
    kinds = kinds_text(result)
    noun = "file" if result.files_scanned == 1 else "files"
    text = f"{result.files_scanned} {noun} read" + (f" ({kinds})" if kinds else "")
    if result.parse_errors:
        text += f"; {result.parse_errors} Python file(s) did not parse"
    if result.files_skipped:
        text += f"; {result.files_skipped} skipped (binary, undecodable or huge)"
    return text


def skipped_lines(result: AuditResult) -> list[str]:
    """``path — why`` for every file not audited (none: empty)."""
    return [f"{s.path} — {s.reason}" for s in result.skipped]


def _protected_by(route: Route) -> str:
    if route.status is RouteStatus.UNKNOWN:
        return f"unknown: {route.reason}"
    return route.dependency


def issuer_lines(result: AuditResult) -> list[str]:
    """Who issues the tokens, and what the Better Auth config says the backend must
    accept; empty when nothing says."""
    out = [f"Tokens issued by {who}." for who in result.token_issuers]
    if len(result.token_issuers) > 1:
        out.append(
            "More than one issuer: each jwt.decode is judged against the one it verifies "
            "(the same algorithms as the project's own jwt.encode: its own tokens)."
        )
    return out + _better_auth_lines(result)


def _better_auth_lines(result: AuditResult) -> list[str]:
    iss = result.issuer
    if iss is None:
        return []
    if not iss.jwt_plugin:
        return [
            f"Better Auth: {iss.location}, no jwt() plugin — it issues no JWTs "
            "(only session cookies)."
        ]
    alg = iss.algorithm or "(not a literal)"
    out = [f"Better Auth: {iss.location}, jwt() plugin, signs {alg}."]
    if iss.jwks_url:
        out.append(
            f"The backend must verify with: JWKS {iss.jwks_url}, algorithms=[{alg!r}], "
            f"audience={iss.audience!r}, issuer={iss.issuer!r}."
        )
    else:
        out.append(
            "Base URL unknown (set baseURL or BETTER_AUTH_URL): the JWKS URL is "
            f"<baseURL>{iss.base_path}/jwks and aud/iss are the baseURL origin."
        )
    return out


def audit_to_text(result: AuditResult, root: str) -> str:
    """The route table, then each finding with file:line, the line and the fix."""
    out = [f"jwtscope audit — {root} ({files_line(result)})", ""]
    issuer = issuer_lines(result)
    if issuer:
        out += [*issuer, ""]
    out.append(f"Routes ({len(result.routes)}):")
    for r in result.routes:
        dep = f"  via {r.dependency}" if r.dependency else ""
        if r.status is RouteStatus.UNKNOWN:
            dep = f"  ({r.reason})"
        out.append(f"  {r.status.value:<12} {r.method:<7} {r.path:<40} {r.location}{dep}")
    if not result.routes:
        out.append("  none found")
    out += ["", f"Findings ({len(result.findings)}):"]
    for f in sorted(result.findings, key=lambda f: f.severity.rank):
        out.append(
            f"  {ICONS[f.severity]} {f.severity.value.upper():<8} {f.code}  {f.path}:{f.line}"
        )
        out.append(f"      {f.source_line.strip()[:110]}")
        out.extend(textwrap.wrap(f.detail, 100, initial_indent=" " * 6, subsequent_indent=" " * 6))
        fix = f.fix.splitlines()
        if len(fix) == 1:  # prose: wrapped like the detail
            out.extend(
                textwrap.wrap(fix[0], 100, initial_indent="      fix: ", subsequent_indent=" " * 11)
            )
        elif fix:  # code: as written
            out.append("      fix: " + fix[0])
            out.extend("           " + line for line in fix[1:])
    if not result.findings:
        out.append("  none")
    if result.skipped:
        out += ["", f"Not audited ({len(result.skipped)}):"]
        out += [f"  {line}" for line in skipped_lines(result)]
    return "\n".join(out)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def audit_to_markdown(result: AuditResult, root: str) -> str:
    """The same as Markdown (a route table and one section per finding)."""
    out = [
        f"# jwtscope audit — {root}",
        "",
        files_line(result) + ".",
        "",
        *(line for text in issuer_lines(result) for line in (text, "")),
        "## Routes",
        "",
        "| status | method | path | where | protected by |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {r.status.value} | {r.method} | `{r.path}` | `{r.location}` | "
        f"{_md_cell(_protected_by(r)) or '—'} |"
        for r in result.routes
    ]
    if result.skipped:
        out += ["", "## Not audited", ""]
        out += [f"- `{s.path}` — {_md_cell(s.reason)}" for s in result.skipped]
    out += ["", "## Findings", ""]
    for sev in Severity:
        for f in (f for f in result.findings if f.severity is sev):
            out += [
                f"### {f.code} — {f.title} ({sev.value})",
                "",
                f"`{f.path}:{f.line}`",
                "",
                f"```{_fence(f.path)}",
                f.source_line.rstrip(),
                "```",
                "",
                f.detail,
                "",
                "**Fix**",
                "",
                f"```{_fence(f.path)}" if "\n" in f.fix else "",
                f.fix,
                "```" if "\n" in f.fix else "",
                "",
            ]
    if not result.findings:
        out.append("None.")
    return "\n".join(line for line in out) + "\n"
