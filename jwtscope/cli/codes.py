"""``jwtscope codes``: the finding-code reference as a table, Markdown or JSON."""

from __future__ import annotations

import argparse
import json

from jwtscope.cli.common import EXIT_OK

__all__ = ["cmd_codes"]


def cmd_codes(args: argparse.Namespace) -> int:
    """``jwtscope codes``: the finding-code reference."""
    from jwtscope.services.code_reference import codes_markdown, codes_table

    if args.markdown:
        print(codes_markdown(), end="")
    elif args.json:
        from jwtscope.core.catalog import CODES

        print(
            json.dumps(
                [
                    {
                        "code": c.code,
                        "severity": c.severity.value,
                        "title": c.title,
                        "family": c.family,
                        "explain": c.explain,
                    }
                    for c in CODES.values()
                ],
                indent=2,
            )
        )
    else:
        print(codes_table())
    return EXIT_OK
