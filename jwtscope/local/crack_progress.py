"""A snapshot of a running wordlist search (:class:`CrackProgress`) and its one-line
rendering for a terminal (:func:`format_progress`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CrackProgress", "format_progress"]


@dataclass(frozen=True)
class CrackProgress:
    """A snapshot of a running search.

    Attributes:
        tried: candidates tested so far (empty lines are not candidates).
        bytes_done: bytes of the wordlist fully processed.
        bytes_total: size of the wordlist in bytes.
        elapsed: seconds since the search started.
    """

    tried: int
    bytes_done: int
    bytes_total: int
    elapsed: float

    @property
    def fraction(self) -> float:
        """Share of the wordlist processed, from 0.0 to 1.0."""
        if self.bytes_total <= 0:
            return 1.0
        return min(1.0, self.bytes_done / self.bytes_total)

    @property
    def rate(self) -> float:
        """Candidates per second so far (0.0 before any time has passed)."""
        return self.tried / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Estimated seconds left, or ``None`` while nothing has been measured yet."""
        if self.bytes_done <= 0 or self.elapsed <= 0:
            return None
        remaining = max(0, self.bytes_total - self.bytes_done)
        return self.elapsed * remaining / self.bytes_done


def format_progress(p: CrackProgress, width: int = 30) -> str:
    """One line for a terminal: bar, percent, candidates tried, rate and ETA.

    Args:
        p: the snapshot to show.
        width: characters inside the bar's brackets.

    Returns:
        For example ``[#########---------------------]  31.4%  2.1M tried  1.3M/s  ETA 0:04``
        (no newline; a CLI prints it to stderr after ``\\r``).
    """
    filled = int(p.fraction * width)
    bar = "#" * filled + "-" * (width - filled)
    eta = "--:--" if p.eta is None else _clock(p.eta)
    return f"[{bar}] {p.fraction * 100:5.1f}%  {_si(p.tried)} tried  {_si(p.rate)}/s  ETA {eta}"


def _si(value: float) -> str:
    """``950``, ``12.3k``, ``1.2M``: three significant-ish digits for a status line."""
    if value < 999.5:
        return f"{value:.0f}"
    for unit in "kMGT":
        value /= 1000
        if value < 999.95 or unit == "T":
            return f"{value:.1f}{unit}"
    raise AssertionError("unreachable")


def _clock(seconds: float) -> str:
    """``0:07``, ``12:34`` or ``1:02:03``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
