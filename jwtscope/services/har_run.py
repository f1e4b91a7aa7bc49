"""Run HAR triage and sanitizing for the CLI and the TUI alike: stream the file
(``jwtscope.local.har_file``) through the pure engine (``jwtscope.core.har``)."""

from __future__ import annotations

from pathlib import Path

from jwtscope.core.har.har_entry import entry_from_json
from jwtscope.core.har.har_report import HarTriage, finish
from jwtscope.core.har.har_sanitize import sanitize_entry, sanitize_log_fields
from jwtscope.core.har.har_timeline import TimelineBuilder
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.errors import InputError, UsageError
from jwtscope.local.har_file import Progress, har_entries, write_sanitized

__all__ = ["sanitize_file", "triage_file"]


def triage_file(
    path: Path,
    *,
    env: Environment | None = None,
    keys: KeySet | None = None,
    leeway: int = 0,
    progress: Progress | None = None,
) -> HarTriage:
    """The triage of the HAR at ``path``, streamed (memory does not grow with the file).

    Raises:
        InputError: the file is not a readable HAR, or no entry has a request.
    """
    builder = TimelineBuilder(env, keys, leeway)
    index = -1
    for index, raw in enumerate(har_entries(path, progress)):
        entry = entry_from_json(index, raw)
        if entry is not None:
            builder.add(entry)
    if builder.entries == 0:
        raise InputError(
            f"none of the {index + 1} entries of {path} has a request method and URL",
            "export the HAR again from the browser's Network panel",
        )
    return finish(builder)


def sanitize_file(source: Path, target: Path, progress: Progress | None = None) -> int:
    """Write a sanitized copy of ``source`` to ``target``; returns the entries written.

    Raises:
        UsageError: ``target`` is ``source``.
        InputError: ``source`` is not a readable HAR, or ``target`` cannot be written.
    """
    if target.exists() and target.resolve() == source.resolve():
        raise UsageError("-o names the input file", "write the sanitized HAR to a new file")
    return write_sanitized(source, target, sanitize_log_fields, sanitize_entry, progress)
