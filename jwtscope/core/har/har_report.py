"""A HAR triage as data: the timeline, the tokens, the first failure and its cause, and
the JSON shape of ``jwtscope har --json``. Tokens appear only as fingerprints."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.har.har_cause import Cause, first_failure, root_cause
from jwtscope.core.har.har_entry import HarEntry
from jwtscope.core.har.har_judge import TokenInfo, TokenJudge
from jwtscope.core.har.har_timeline import Row, TimelineBuilder, TokenUse
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.request_url import mask_url
from jwtscope.core.timefmt import iso_utc

__all__ = ["HarTriage", "finish", "triage", "triage_to_dict"]


@dataclass(frozen=True)
class HarTriage:
    """Everything ``jwtscope har`` found.

    Args:
        entries: how many entries the HAR held.
        rows: the requests that carry, receive or fail, in time order.
        tokens: every token, by fingerprint, in order of first sight.
        cause: the first failure's root cause (None when nothing failed).
        clock_skew: median server ``Date`` minus browser time, seconds.
        judge: the judge that saw the tokens, for :meth:`verdict` (holds the tokens in
            memory; never printed).
    """

    entries: int
    rows: tuple[Row, ...]
    tokens: dict[str, TokenInfo]
    cause: Cause | None
    clock_skew: float | None
    judge: TokenJudge | None = field(default=None, compare=False, repr=False)

    @property
    def first_failure(self) -> Row | None:
        """The first failing row."""
        at = first_failure(self.rows)
        return None if at is None else self.rows[at]

    @property
    def failures(self) -> tuple[Row, ...]:
        """Every failing row."""
        return tuple(r for r in self.rows if r.failure)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 when a failure was found."""
        return 1 if self.cause is not None else 0

    def verdict(self, fingerprint: str, at: float | None) -> Report | None:
        """The engine's full report on a token at ``at`` (a request's time)."""
        return self.judge.report(fingerprint, at) if self.judge else None

    def label(self, fingerprint: str) -> str:
        """``T1``, ``T2`` … in order of first sight."""
        return f"T{list(self.tokens).index(fingerprint) + 1}"


def finish(builder: TimelineBuilder) -> HarTriage:
    """The triage of everything the builder took."""
    rows = tuple(sorted(builder.rows, key=lambda r: (r.entry.started or 0.0, r.entry.index)))
    skew = builder.clock_skew()
    cause = root_cause(rows, builder.tokens, skew)
    return HarTriage(builder.entries, rows, builder.tokens, cause, skew, builder.judge)


def triage(
    entries: Iterable[HarEntry],
    *,
    env: Environment | None = None,
    keys: KeySet | None = None,
    leeway: int = 0,
) -> HarTriage:
    """Triage a session's entries (in any order; each token judged at its request's time)."""
    return finish(TimelineBuilder(env, keys, leeway).add_all(entries))


def _use(use: TokenUse, result: HarTriage) -> dict[str, Any]:
    return {
        "token": result.label(use.fingerprint),
        "fingerprint": use.fingerprint,
        "place": use.place,
        "state": use.state,
    }


def row_to_dict(row: Row, result: HarTriage) -> dict[str, Any]:
    """One timeline row as JSON-ready data (URL masked)."""
    entry = row.entry
    return {
        "entry": entry.index,
        "started": iso_utc(entry.started) if entry.started is not None else None,
        "method": entry.method,
        "url": mask_url(entry.url),
        "status": entry.status,
        "failure": row.failure or None,
        "error": entry.error or None,
        "sent": [_use(u, result) for u in row.sent],
        "received": [_use(u, result) for u in row.received],
        "clock_skew_seconds": round(row.skew, 3) if row.skew is not None else None,
        "repeats": row.repeats,
        "last_entry": row.latest.index,
    }


def token_to_dict(info: TokenInfo, result: HarTriage) -> dict[str, Any]:
    """One token as JSON-ready data: its fingerprint, header fields, claims' times."""
    return {
        "token": result.label(info.fingerprint),
        "fingerprint": info.fingerprint,
        "kind": info.kind,
        "header": info.header,
        "claims": info.claims,
        "signature": info.signature or None,
        "sanitized": info.sanitized,
        "codes": list(info.codes),
    }


def triage_to_dict(result: HarTriage) -> dict[str, Any]:
    """The JSON shape of ``jwtscope har --json``."""
    first = result.first_failure
    cause = result.cause
    return {
        "entries": result.entries,
        "tokens": [token_to_dict(t, result) for t in result.tokens.values()],
        "timeline": [row_to_dict(r, result) for r in result.rows],
        "first_failure": first.entry.index if first else None,
        "cause": None
        if cause is None
        else {
            "code": cause.code,
            "title": cause.title,
            "detail": cause.detail,
            "fix": cause.fix,
            "entries": list(cause.entries),
        },
        "clock_skew_seconds": round(result.clock_skew, 3)
        if result.clock_skew is not None
        else None,
        "exit_code": result.exit_code,
    }
