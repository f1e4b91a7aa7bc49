"""``jwtscope inspect``: decode, verify and check one token, and print every finding."""

from __future__ import annotations

import argparse
import time

from jwtscope.cli.common import check_leeway, load_env, load_keys, print_report, read_token_text
from jwtscope.cli.output import emit

__all__ = ["cmd_inspect"]


def cmd_inspect(args: argparse.Namespace) -> int:
    """``jwtscope inspect``."""
    from jwtscope.core.analysis import analyze
    from jwtscope.core.timefmt import parse_at

    text = read_token_text(args.token, args.file)
    real_now = int(time.time())
    now = parse_at(args.at, real_now) if args.at else real_now
    check_leeway(args)
    report = analyze(
        text,
        now=now,
        env=load_env(args),
        keys=load_keys(args),
        leeway=args.leeway,
        audience=args.aud,
        issuer=args.iss,
        now_is_real=not args.at,
    )
    print_report(report, args)
    malformed = report.finding("TOKEN-MALFORMED")
    if malformed is not None and not args.json:
        emit(
            f"jwtscope: error: not a decodable token: {malformed.detail} — fix: {malformed.fix}",
            err=True,
        )
    return report.exit_code
