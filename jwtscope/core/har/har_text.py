"""A HAR triage as terminal text and as a redacted Markdown triage note for the ticket.

Tokens appear as ``T1 (fingerprint)``, never whole; URLs are masked; repeated successful
requests with the same token are folded into one line."""

from __future__ import annotations

from urllib.parse import urlsplit

from jwtscope.core.har.har_judge import TokenInfo
from jwtscope.core.har.har_report import HarTriage
from jwtscope.core.har.har_scrub import scrub_url
from jwtscope.core.har.har_timeline import Row
from jwtscope.core.request.request_url import mask_url
from jwtscope.core.timefmt import iso_utc, span

__all__ = ["triage_to_markdown", "triage_to_text"]


def _time(at: float | None) -> str:
    return iso_utc(at) if at is not None else "(no time)"


def _token_line(info: TokenInfo, result: HarTriage) -> str:
    bits = [f"{result.label(info.fingerprint)} {info.fingerprint}", info.kind]
    bits += [f"{k}={v}" for k, v in info.header.items()]
    bits += [f"{k}={v}" for k, v in info.claims.items() if k in ("iss", "aud")]
    times = {k: info.claim_time(k) for k in ("iat", "exp")}
    bits += [f"{k} {iso_utc(v)}" for k, v in times.items() if v is not None]
    if times["iat"] is not None and times["exp"] is not None:
        bits.append(f"lifetime {span(times['exp'] - times['iat'])}")
    if info.signature:
        bits.append(f"signature {info.signature}")
    return "  " + ", ".join(bits)


def _uses(row: Row, result: HarTriage) -> str:
    parts = [f"sent {result.label(u.fingerprint)} in {u.place} ({u.state})" for u in row.sent]
    parts += [f"got {result.label(u.fingerprint)} from {u.place}" for u in row.received]
    return "; ".join(parts) if parts else "no credential"


def _row_line(row: Row, result: HarTriage) -> str:
    entry = row.entry
    mark = f"  ✗ {row.failure}" if row.failure else ""
    return (
        f"  #{entry.index:<4} {_time(entry.started)}  {entry.method:<6} {entry.status:>3}  "
        f"{mask_url(entry.path)}{mark}\n         {_uses(row, result)}"
    )


def _timeline(result: HarTriage) -> list[str]:
    lines: list[str] = []
    for row in result.rows:
        lines.append(_row_line(row, result))
        if row.repeats:
            lines.append(
                f"         … {row.repeats} more with the same token(s), until #{row.latest.index}"
                f" ({_time(row.latest.started)})"
            )
    return lines


def triage_to_text(result: HarTriage) -> str:
    """The triage for a terminal."""
    lines = [
        f"HAR: {result.entries} entries, {len(result.rows)} on the timeline, "
        f"{len(result.tokens)} token(s), {len(result.failures)} failing"
    ]
    if result.clock_skew is not None:
        lines.append(f"Clock: server Date minus browser time, median {result.clock_skew:+.0f} s")
    lines += ["", "Tokens (fingerprints, never the token)"]
    lines += [_token_line(t, result) for t in result.tokens.values()] or ["  none"]
    lines += ["", "Timeline (each token judged at the time of its request)"]
    lines += _timeline(result) or ["  no request carried a credential"]
    lines.append("")
    first, cause = result.first_failure, result.cause
    if first is None or cause is None:
        lines.append("No failing request: every request was answered without 401/403/5xx/CORS.")
        return "\n".join(lines)
    lines.append(
        f"First failure: #{first.entry.index} {first.entry.method} {mask_url(first.entry.url)}"
        f" → {first.entry.status or first.entry.error or 'no answer'}"
    )
    lines.append(f"Root cause [{cause.code}]: {cause.title}")
    lines.append(f"  evidence: {cause.detail}")
    lines.append(f"  fix: {cause.fix}")
    return "\n".join(lines)


def triage_to_markdown(result: HarTriage) -> str:
    """A redacted triage note to paste into the ticket."""
    first, cause = result.first_failure, result.cause
    lines = ["### HAR triage (jwtscope)", ""]
    lines.append(f"- **Entries:** {result.entries}, {len(result.tokens)} token(s)")
    if result.clock_skew is not None:
        lines.append(f"- **Clock skew (server − browser, median):** {result.clock_skew:+.0f} s")
    if first is not None and cause is not None:
        lines.append(
            f"- **First failure:** #{first.entry.index} `{first.entry.method} "
            f"{scrub_url(first.entry.url)}` → {first.entry.status or first.entry.error}"
        )
        lines.append(f"- **Root cause:** `{cause.code}` — {cause.title}")
        lines.append(f"- **Evidence:** {cause.detail}")
        lines.append(f"- **Fix:** {cause.fix}")
    else:
        lines.append("- **No failing request.**")
    lines += [
        "",
        "**Tokens** (fingerprints only)",
        "",
        "| | fingerprint | kind | alg | iat | exp | signature |",
    ]
    lines.append("|---|---|---|---|---|---|---|")
    for info in result.tokens.values():
        iat, exp = info.claim_time("iat"), info.claim_time("exp")
        lines.append(
            f"| {result.label(info.fingerprint)} | `{info.fingerprint}` | {info.kind} | "
            f"{info.header.get('alg', '')} | {iso_utc(iat) if iat else ''} | "
            f"{iso_utc(exp) if exp else ''} | {info.signature} |"
        )
    lines += ["", "**Failing requests**", "", "| # | time | request | status | token (state) |"]
    lines.append("|---|---|---|---|---|")
    for row in result.failures[:50]:
        carried = ", ".join(f"{result.label(u.fingerprint)} ({u.state})" for u in row.sent)
        lines.append(
            f"| {row.entry.index} | {_time(row.entry.started)} | `{row.entry.method} "
            f"{urlsplit(scrub_url(row.entry.url)).path}` | {row.entry.status} {row.failure} | "
            f"{carried or 'none'} |"
        )
    return "\n".join(lines) + "\n"
