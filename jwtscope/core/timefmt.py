"""Times as people read them, and ``--at`` as people type it. Pure: ``now`` is passed in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from jwtscope.errors import UsageError

__all__ = ["epoch_seconds", "iso_utc", "parse_at", "relative", "span"]

_UNITS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "w": 604800,
    "week": 604800,
    "weeks": 604800,
}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")


#: Epoch seconds of 0001-01-01 and 9999-12-31: the instants a datetime can hold.
_MIN_EPOCH, _MAX_EPOCH = -62135596800, 253402300799


def epoch_seconds(value: object) -> int | None:
    """A time claim as whole epoch seconds, or None when it is not a finite number a
    calendar can show (a string, a bool, ``NaN``, ``±Infinity``, ``1e400``, year 10000+)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = int(value)
    except (OverflowError, ValueError):
        return None
    return seconds if _MIN_EPOCH <= seconds <= _MAX_EPOCH else None


def iso_utc(ts: float) -> str:
    """``2026-11-24T23:32:50Z`` for an epoch time; out-of-range values are shown raw."""
    try:
        return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return f"epoch {ts}"


def span(seconds: float) -> str:
    """A duration in the largest sensible unit: ``45 s``, ``12 min``, ``3 h``, ``9 d``."""
    s = abs(seconds)
    if s > 1e12:
        return "forever"
    if s < 90:
        return f"{int(s)} s"
    if s < 90 * 60:
        return f"{round(s / 60)} min"
    if s < 48 * 3600:
        hours = s / 3600
        return f"{hours:.1f} h".replace(".0 h", " h") if hours < 10 else f"{round(hours)} h"
    if s < 60 * 86400:
        return f"{round(s / 86400)} d"
    if s < 730 * 86400:
        return f"{round(s / (30 * 86400))} months"
    return f"{round(s / (365 * 86400))} years"


def relative(ts: float, now: float) -> str:
    """``in 12 min`` or ``3 h ago`` relative to ``now``."""
    delta = ts - now
    if abs(delta) < 1:
        return "now"
    return f"in {span(delta)}" if delta > 0 else f"{span(delta)} ago"


def parse_duration(text: str) -> int:
    """Seconds in ``15m``, ``2h``, ``1 day``, ``1h30m`` or a bare number of seconds.

    Raises:
        UsageError: when the text is not a duration.
    """
    t = text.strip().lower()
    if re.fullmatch(r"\d+", t):
        return int(t)
    total = 0.0
    pos = 0
    for match in _DURATION.finditer(t):
        if t[pos : match.start()].strip():
            break
        unit = _UNITS.get(match.group(2))
        if unit is None:
            break
        total += float(match.group(1)) * unit
        pos = match.end()
    else:
        if pos and not t[pos:].strip():
            return int(total)
    raise UsageError(f"{text!r} is not a duration", "write it like 90s, 15m, 2h, 7d or 1h30m")


def parse_at(text: str, now: float) -> int:
    """The evaluation time for ``--at``.

    Accepts ``now``, epoch seconds (``1795563230``), ISO-8601 (``2026-11-24T23:40:00Z``,
    ``2026-11-24 23:40``; no zone means UTC), and relative forms (``2h ago``,
    ``in 15m``, ``-2h``, ``+30m``).

    Raises:
        UsageError: when the text is none of these.
    """
    t = text.strip()
    low = t.lower()
    if low == "now":
        return int(now)
    if re.fullmatch(r"\d{9,11}(\.\d+)?", t):
        return int(float(t))
    if low.endswith(" ago") or low.endswith("ago"):
        return int(now) - parse_duration(low.removesuffix("ago").strip())
    if low.startswith("in "):
        return int(now) + parse_duration(low[3:])
    if low[:1] in "+-" and re.search(r"[a-z]", low):
        sign = -1 if low[0] == "-" else 1
        return int(now) + sign * parse_duration(low[1:])
    iso = t.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", t) else t
    if iso.endswith(("Z", "z")):
        iso = iso[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError as exc:
        raise UsageError(
            f"--at {text!r} is not a time I can read",
            "use ISO-8601 (2026-11-20T14:03:00Z), epoch seconds, or '2h ago' / 'in 15m'",
        ) from exc
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp())
