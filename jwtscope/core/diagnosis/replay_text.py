"""A replay as terminal text and as JSON-ready data. Tokens and URL passwords are always masked."""

from __future__ import annotations

import textwrap
from typing import Any
from urllib.parse import urlsplit

from jwtscope.core.diagnosis.diagnose import Diagnosis
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["NOTES_HEADING", "replay_to_dict", "replay_to_text", "stage_heading"]

#: The headings between the stages of a diagnosis, for the CLI and the TUI alike.
THEN_HEADING = "then, once fixed:"
WEAKER_HEADING = "also possible (weaker evidence):"
#: The heading of the notes: what could not be bisected, what a secret guess found.
NOTES_HEADING = "Notes:"


def stage_heading(diagnosis: Diagnosis, index: int) -> str:
    """The heading shown before cause ``index`` (0-based), or "" for none: the top cause
    stands alone, the further failing stages follow "then, once fixed:", the causes with
    weak evidence only follow "also possible"."""
    if index == 0:
        return ""
    then = len(diagnosis.then)
    if index == 1 and then:
        return THEN_HEADING
    return WEAKER_HEADING if index == 1 + then else ""


def _purposes(probes: tuple[PlannedRequest, ...]) -> dict[str, str]:
    return {p.key: p.purpose for p in probes}


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + ("?…" if parts.query else "")


def replay_to_dict(
    request: ReplayRequest,
    probes: tuple[PlannedRequest, ...],
    exchanges: tuple[Exchange, ...],
    diagnosis: Diagnosis,
    exit_code: int,
) -> dict[str, Any]:
    """The ``replay --json`` object."""
    purposes = _purposes(probes)
    return {
        "schema": 1,
        "request": request.redacted(),
        "requests": [
            {
                "key": ex.purpose,
                "purpose": purposes.get(ex.purpose, ex.purpose),
                "method": ex.request.method,
                "url": ex.request.shown_url,
                "status": ex.status,
                "detail": ex.detail,
                "location": ex.header("location"),
                "elapsed_ms": round(ex.elapsed * 1000, 1),
                "error": ex.error,
            }
            for ex in exchanges
        ],
        "causes": [
            {
                "code": c.code,
                "confidence": c.confidence,
                "title": c.title,
                "stage": c.stage_name,
                "order": "top" if i == 0 else ("then" if c.confidence != "low" else "weaker"),
                "evidence": [{"request": e.source, "line": e.line} for e in c.evidence],
                "fix": c.fix,
            }
            for i, c in enumerate(diagnosis.causes)
        ],
        "notes": list(diagnosis.notes),
        "ok": diagnosis.ok,
        "exit_code": exit_code,
    }


def replay_to_text(
    request: ReplayRequest,
    probes: tuple[PlannedRequest, ...],
    exchanges: tuple[Exchange, ...],
    diagnosis: Diagnosis,
) -> str:
    """The ``replay`` text: the request, every request sent, the ranked causes."""
    purposes = _purposes(probes)
    where = request.location
    carried = {
        "authorization": f"token in Authorization: {where.scheme}",
        "cookie": f"token in cookie {where.name!r}",
        "header": f"token in header {where.name!r}",
        "none": "no token in the request",
    }[where.kind]
    out = [f"jwtscope replay — {request.method} {request.shown_url} ({carried})"]
    if request.insecure:
        out.append("warning: TLS verification is OFF (-k/--insecure)")
    out += ["", f"Requests sent ({len(exchanges)}):"]
    for i, ex in enumerate(exchanges, 1):
        status = str(ex.status) if ex.status is not None else "---"
        what = purposes.get(ex.purpose, ex.purpose)
        detail = ex.detail or (ex.error or "")
        out.append(
            f"  {i}. {ex.request.method:<7} {_path(ex.request.url):<24} {status:>3} "
            f"{ex.elapsed * 1000:6.0f} ms  {what}"
        )
        if detail:
            out.append(f"     {'':<7} {detail[:110]}")
    out += ["", "Diagnosis:"]
    if not diagnosis.causes:
        out.append("  no answer from the server: nothing to diagnose")
    for i, cause in enumerate(diagnosis.causes, 1):
        heading = stage_heading(diagnosis, i - 1)
        if heading:
            out.append(f"  {heading}")
        out.append(f"  {i}. {cause.code} ({cause.confidence}) — {cause.title}")
        for ev in cause.evidence:
            out.extend(
                textwrap.wrap(
                    f"[{ev.source}] {ev.line}",
                    100,
                    initial_indent=" " * 7,
                    subsequent_indent=" " * 9,
                )
            )
        fix_lines = cause.fix.splitlines()
        out.append("       fix: " + fix_lines[0])
        out.extend("            " + line for line in fix_lines[1:])
    if diagnosis.notes:
        out += ["", NOTES_HEADING]
        for note in diagnosis.notes:
            out.extend(textwrap.wrap(note, 100, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(out)
