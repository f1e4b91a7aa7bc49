"""A HAR session as a timeline: the requests that carry or receive a credential, and
every failing one, each with its tokens judged at the time of the request."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from statistics import median
from urllib.parse import urlsplit

from jwtscope.core.har.har_credentials import entry_credentials
from jwtscope.core.har.har_entry import HarEntry
from jwtscope.core.har.har_judge import TokenInfo, TokenJudge
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet

__all__ = ["Row", "TimelineBuilder", "TokenUse", "failure_kind", "page_origin"]

_LOGIN = re.compile(r"(login|log-in|sign-?in|auth|session)", re.IGNORECASE)
#: Client/server clock differences under this many seconds are network noise.
SKEW_NOTED = 60


@dataclass(frozen=True)
class TokenUse:
    """A token in one request: where, and its state at that request's time."""

    fingerprint: str
    place: str
    state: str


@dataclass(frozen=True)
class Row:
    """One request of the timeline.

    Args:
        entry: the HAR entry (URL kept for the rules; shown only masked).
        failure: ``auth`` (401/403), ``server`` (5xx), ``cors``, ``network`` (status 0),
            ``redirect`` (to a login page), or ``""``.
        sent: the tokens the request carried.
        received: the tokens the response handed out (state at that time).
        skew: server ``Date`` minus the client's ``startedDateTime``, in seconds.
        repeats: how many later requests just like it (same tokens in the same states,
            same failure and status) were folded into this row: memory stays flat on
            long sessions.
        last: the last of them.
    """

    entry: HarEntry
    failure: str
    sent: tuple[TokenUse, ...]
    received: tuple[TokenUse, ...]
    skew: float | None
    repeats: int = 0
    last: HarEntry | None = None

    @property
    def latest(self) -> HarEntry:
        """The last request this row stands for."""
        return self.last or self.entry

    def folds(self, other: Row, last: HarEntry | None = None) -> bool:
        """``other`` repeats this row (whose last folded request is ``last``): same tokens
        in the same states, same failure (and status when failing), nothing received, no
        token endpoint, and not earlier."""
        entry, then = self.entry, other.entry
        return (
            self.sent == other.sent
            and self.failure == other.failure
            and not self.received
            and not other.received
            and (bool(self.sent) or bool(self.failure))
            and (not self.failure or entry.status == then.status)
            and not (entry.is_token_endpoint or then.is_token_endpoint)
            and ((last or self.latest).started or 0) <= (then.started or 0)
        )


def page_origin(entry: HarEntry) -> str:
    """The origin the request came from: its ``Origin`` header, else its ``Referer``'s
    (a request the browser blocked is often recorded without ``Origin``)."""
    origin = (entry.request_header("origin") or "").rstrip("/")
    if origin and origin != "null":
        return origin
    referer = entry.request_header("referer") or ""
    try:
        parts = urlsplit(referer)
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.hostname}{port}" if parts.scheme and parts.hostname else ""


def failure_kind(entry: HarEntry) -> str:
    """Why the entry counts as failing, or ``""``."""
    status = entry.status
    origin = page_origin(entry)
    cross = bool(origin) and origin != entry.origin
    if status == 0:
        return "cors" if cross or "cors" in entry.error.lower() else "network"
    if status in (401, 403):
        return "auth"
    if status >= 500:
        return "server"
    if 300 <= status < 400 and status != 304 and _LOGIN.search(entry.redirect_url):
        return "redirect"
    if (
        cross
        and entry.method != "OPTIONS"
        and entry.response_header("access-control-allow-origin") is None
    ):
        return "cors"
    return ""


class TimelineBuilder:
    """Feeds entries one at a time (a streamed HAR) and keeps only the timeline rows."""

    def __init__(
        self, env: Environment | None = None, keys: KeySet | None = None, leeway: int = 0
    ) -> None:
        self.judge = TokenJudge(env, keys, leeway)
        self._rows: list[Row] = []
        #: per row: how many requests were folded into it, and the last of them
        self._folded: list[tuple[int, HarEntry | None]] = []
        self.entries = 0
        self.skews: list[float] = []

    @property
    def tokens(self) -> dict[str, TokenInfo]:
        """Every token seen, by fingerprint, in order of first sight."""
        return self.judge.tokens

    def add(self, entry: HarEntry) -> None:
        """Take one entry into the timeline (kept when it matters for triage)."""
        self.entries += 1
        creds = entry_credentials(entry)
        sent: list[TokenUse] = []
        received: list[TokenUse] = []
        for cred in creds:
            self.judge.see(cred, entry.started)
            use = TokenUse(
                cred.fingerprint, cred.place, self.judge.state(cred.fingerprint, entry.started)
            )
            (sent if cred.sent else received).append(use)
        failure = failure_kind(entry)
        server = entry.server_date
        skew = server - entry.started if server is not None and entry.started is not None else None
        if skew is not None:
            self.skews.append(skew)
        if not (creds or failure or entry.is_token_endpoint):
            return
        kept = replace(entry, body="") if entry.body else entry
        row = Row(kept, failure, tuple(sent), tuple(received), skew)
        if self._rows and self._rows[-1].folds(row, self._folded[-1][1]):
            self._folded[-1] = (self._folded[-1][0] + 1, entry)
            return
        self._rows.append(row)
        self._folded.append((0, None))

    @property
    def rows(self) -> list[Row]:
        """The rows so far, in the order the entries came."""
        return [
            replace(row, repeats=count, last=last) if count else row
            for row, (count, last) in zip(self._rows, self._folded, strict=True)
        ]

    def add_all(self, entries: Iterable[HarEntry]) -> TimelineBuilder:
        """Take every entry; returns self."""
        for entry in entries:
            self.add(entry)
        return self

    def clock_skew(self) -> float | None:
        """The median server-minus-client clock difference, when responses had a ``Date``.

        ``Date`` has whole seconds and is written when the answer leaves, so a few
        seconds of difference are normal; see :data:`SKEW_NOTED`.
        """
        return median(self.skews) if self.skews else None
