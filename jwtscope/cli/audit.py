"""``jwtscope audit``: read a project's source statically and report its JWT mistakes."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from jwtscope.cli.common import print_progress, public_patterns
from jwtscope.cli.output import emit, emit_json, remember_secrets
from jwtscope.errors import UsageError

__all__ = ["cmd_audit", "print_audit_progress"]


def cmd_audit(args: argparse.Namespace) -> int:
    """``jwtscope audit PATH``."""
    from jwtscope.audit import audit_project
    from jwtscope.audit.audit_text import audit_to_dict, audit_to_markdown, audit_to_text

    root = Path(args.path)
    if not root.exists():
        raise UsageError(f"{args.path} does not exist", "pass the project folder to audit")
    if not root.is_dir() and not root.is_file():
        raise UsageError(f"{args.path} is not a folder", "pass the project folder to audit")
    show = not args.json and sys.stderr.isatty()
    result = audit_project(
        root,
        public=public_patterns(args.public),
        progress=print_audit_progress if show else None,
        now=time.time(),
        git=not args.no_git,
    )
    remember_secrets(result.masks)  # the .env secrets it read: masked in every output
    if show:
        emit(err=True)
    if args.json:
        emit_json(audit_to_dict(result))
    elif args.format == "md":
        emit(audit_to_markdown(result, str(root)))
    else:
        emit(audit_to_text(result, str(root)))
    return 1 if any(f.severity.fails for f in result.findings) else 0


def print_audit_progress(files: int) -> None:
    """``audited N files…`` on stderr, overwriting itself."""
    print_progress(f"audited {files} files…")
