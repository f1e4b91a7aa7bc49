"""The source around a finding, redacted, for the TUI's code view and reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jwtscope.audit.redact import mask_values, redact_line

__all__ = ["Excerpt", "excerpt"]

_MAX_BYTES = 2_000_000
_MAX_WIDTH = 400


@dataclass(frozen=True)
class Excerpt:
    """Numbered lines of one file around a line.

    Args:
        path: the file, relative to the audited folder.
        lines: ``(line number, text)``; every JWT and secret value redacted.
        highlight: the finding's line number.
        error: why the file could not be shown (then ``lines`` is empty).
    """

    path: str
    lines: tuple[tuple[int, str], ...]
    highlight: int
    error: str = ""


def excerpt(
    root: str | Path, rel: str, line: int, around: int = 6, masks: tuple[str, ...] = ()
) -> Excerpt:
    """Lines ``line - around`` … ``line + around`` of ``root / rel``, redacted: JWTs,
    secret assignments and URL passwords by pattern, and every value of ``masks`` (the
    secrets of the project's ``.env`` files: :attr:`AuditResult.masks`) exactly, wherever
    it appears (a multi-line call, a dict value, a comment, a template literal).

    Never raises: a missing, binary or unreadable file gives an :class:`Excerpt` whose
    ``error`` says so. ``rel`` must stay inside ``root``.
    """
    base = Path(root).resolve()
    path = (base / rel).resolve()
    if base != path and base not in path.parents:
        return Excerpt(rel, (), line, f"{rel} is outside the audited folder")
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_BYTES)
    except OSError as exc:
        return Excerpt(rel, (), line, f"cannot read {rel}: {exc.strerror or exc}")
    if b"\0" in data:
        return Excerpt(rel, (), line, f"{rel} is a binary file")
    text = data.decode("utf-8", "replace").splitlines()
    first = max(1, line - around)
    last = min(len(text), line + around)
    lines = tuple(
        (n, redact_line(mask_values(text[n - 1], masks))[:_MAX_WIDTH])
        for n in range(first, last + 1)
    )
    return Excerpt(rel, lines, line)
