"""The command line: ``jwtscope inspect | tui | demo | replay | probe | report | audit |
crack | mint | codes``; one module per command, the parser in :mod:`jwtscope.cli.parser`.

Only argparse and the modules of the command that runs are imported at start-up; httpx
(``--jwks URL``, replay, probe), the crack workers and the TUI load when a command needs
them, so ``jwtscope inspect`` starts about as fast as ``import jwt``.

Exit codes: 0 no error/critical finding (crack: key found), 1 an error/critical finding
(crack: key not found), 2 unusable input or options, 3 server unreachable (replay, probe,
report), 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from jwtscope.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    print_error,
    read_token_text,
)
from jwtscope.cli.parser import Command, build_parser, with_default_command
from jwtscope.errors import JwtscopeError

__all__ = ["build_parser", "main", "read_token_text"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (never raises for user errors)."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(with_default_command(given) if given else ["tui"])
    if not getattr(args, "command", None):
        args = parser.parse_args(["tui"])
    args.argv = tuple(given)  # the command line as typed (redacted before it is shown)
    command: Command = args.run
    try:
        return int(command(args))
    except JwtscopeError as exc:
        print_error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\njwtscope: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
