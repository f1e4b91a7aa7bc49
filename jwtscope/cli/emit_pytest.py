"""``--emit-pytest FILE`` (``probe`` and ``report``): check the options, write the suite, say so.

The suite itself is :mod:`jwtscope.services.pytest_emit`; this module gives it the
command line (every credential option's value redacted, the rest through the output
guard) and reports the file written on stderr.
"""

from __future__ import annotations

import argparse
import re
import shlex
import time
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.output import emit, guard
from jwtscope.errors import UsageError

if TYPE_CHECKING:
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet
    from jwtscope.core.probe.probe_suite import ProbeResult
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["check_emit_options", "emit_suite", "redacted_command"]

#: Options whose value can hold a credential: written as ``<redacted>``.
_SECRET_OPTIONS = frozenset(
    {"--secret", "--token", "--token-b", "-H", "--header", "--cookie", "--curl", "--data"}
)
_APP = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*")


def check_emit_options(args: argparse.Namespace) -> None:
    """Refuse ``--app`` without ``--emit-pytest``, a bad ``--app``, or a missing folder.

    Raises:
        UsageError: with the fix.
    """
    target, app = getattr(args, "emit_pytest", None), getattr(args, "app", None)
    if app and not target:
        raise UsageError("--app goes with --emit-pytest", "add --emit-pytest FILE, or drop --app")
    if app and not _APP.fullmatch(app):
        raise UsageError(f"--app {app!r} is not MODULE:ATTR", "write it like app.main:app")
    if target and getattr(args, "dry_run", False):
        raise UsageError("--dry-run sends nothing to export", "drop --dry-run to export")
    if target and not Path(target).expanduser().parent.is_dir():
        raise UsageError(
            f"the folder of {target} does not exist", "create it, or choose another path"
        )


def redacted_command(argv: tuple[str, ...] | list[str]) -> str:
    """``jwtscope probe …`` as typed, credential values replaced, the rest guarded."""
    words: list[str] = []
    hide_next = False
    for word in argv:
        if hide_next:
            words.append("<redacted>")
            hide_next = False
            continue
        name, eq, _ = word.partition("=")
        if word.startswith("-") and name in _SECRET_OPTIONS:
            words.append(f"{name}=<redacted>" if eq else word)
            hide_next = not eq
            continue
        words.append(word)
    return guard().text("jwtscope " + shlex.join(words))


def emit_suite(
    args: argparse.Namespace,
    request: ReplayRequest,
    result: ProbeResult | RouteProbeResult,
    *,
    env: Environment,
    keys: KeySet,
) -> None:
    """Write ``--emit-pytest``'s module for the probe just run (nothing without the option).

    Raises:
        UsageError: the file cannot be written.
    """
    from jwtscope.cli.common import read_token_text
    from jwtscope.services.inputs import token_from_text
    from jwtscope.services.pytest_emit import suite_text, write_suite

    if not getattr(args, "emit_pytest", None):
        return
    token_b = token_from_text(read_token_text(args.token_b, None)) if args.token_b else None
    text = suite_text(
        result,
        request,
        env=env,
        keys=keys,
        now=int(time.time()),
        command=redacted_command(getattr(args, "argv", ())),
        clean=guard().text,
        token_b=token_b,
        resource=args.resource,
        resource_id=args.resource_id,
        create_body=args.create.encode() if args.create is not None else None,
        app=args.app,
    )
    written = write_suite(Path(args.emit_pytest).expanduser(), text)
    emit(f"pytest suite written to {written} (run: pytest {written})", err=True)
