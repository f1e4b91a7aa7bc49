"""``jwtscope codes``: the finding-code reference as a table, Markdown or JSON."""

from __future__ import annotations

import argparse

from jwtscope.cli.common import EXIT_OK
from jwtscope.cli.output import emit_json

__all__ = ["cmd_codes"]


def cmd_codes(args: argparse.Namespace) -> int:
    """``jwtscope codes``: the finding-code reference."""
    from jwtscope.services.code_reference import all_codes, codes_markdown, codes_table

    if args.markdown:
        print(codes_markdown(), end="")
    elif args.json:
        emit_json([entry.to_dict() for entry in all_codes()])
    else:
        print(codes_table())
    return EXIT_OK
