"""``jwtscope har``: a browser session's HAR as a timeline of tokens and the first
failure's root cause (text, JSON or a Markdown triage note), or ``--sanitize`` it into a
HAR safe to attach to a ticket."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.common import load_env, load_keys, print_progress
from jwtscope.cli.output import emit, emit_json
from jwtscope.errors import UsageError

if TYPE_CHECKING:
    from jwtscope.local.har_file import Progress

__all__ = ["cmd_har"]


def _progress(args: argparse.Namespace, what: str) -> Progress | None:
    if not (args.progress or sys.stderr.isatty()):
        return None

    def show(done: int, total: int, entries: int) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 20)
        print_progress(
            f"{what}: [{bar:<20}] {done / 1e6:.1f}/{total / 1e6:.1f} MB, {entries} entries"
        )

    return show


def cmd_har(args: argparse.Namespace) -> int:
    """``jwtscope har FILE`` and ``jwtscope har --sanitize FILE -o OUT``."""
    from jwtscope.services.har_run import sanitize_file, triage_file

    if args.leeway < 0:
        raise UsageError("--leeway cannot be negative", "pass seconds, e.g. --leeway 30")
    path = Path(args.file)
    progress = _progress(args, "sanitizing" if args.sanitize else "reading")
    if args.sanitize:
        if not args.out:
            raise UsageError(
                "--sanitize needs -o OUT.har", "jwtscope har --sanitize IN.har -o OUT.har"
            )
        count = sanitize_file(path, Path(args.out), progress)
        if progress:
            emit("", err=True)
        emit(f"wrote {args.out}: {count} entries, sanitized", err=True)
        return 0
    if args.out:
        raise UsageError("-o goes with --sanitize", "redirect the output instead: > note.md")
    result = triage_file(
        path, env=load_env(args), keys=load_keys(args), leeway=args.leeway, progress=progress
    )
    if progress:
        emit("", err=True)
    if args.json:
        from jwtscope.core.har.har_report import triage_to_dict

        emit_json(triage_to_dict(result))
    elif args.markdown:
        from jwtscope.core.har.har_text import triage_to_markdown

        emit(triage_to_markdown(result), end="")
    else:
        from jwtscope.core.har.har_text import triage_to_text

        emit(triage_to_text(result))
    return result.exit_code
