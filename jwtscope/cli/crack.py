"""``jwtscope crack``: a dictionary search for an HS* token's key, on all cores, or
handed to hashcat (:mod:`jwtscope.cli.crack_hashcat`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.common import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    print_progress,
    read_token_text,
)
from jwtscope.cli.output import emit, emit_raw
from jwtscope.errors import InputError, UsageError

if TYPE_CHECKING:
    from jwtscope.local.crack_search import CrackProgress, CrackResult

__all__ = ["cmd_crack", "print_result"]


def cmd_crack(args: argparse.Namespace) -> int:
    """``jwtscope crack``: stream a wordlist through all cores (or through hashcat)."""
    from jwtscope.cli import crack_hashcat
    from jwtscope.core.keys.hmac_dictionary import HmacTarget
    from jwtscope.core.token.parsing import normalize

    token = normalize(read_token_text(args.token, None)).token
    try:
        target = HmacTarget.from_token(token)
    except ValueError as exc:
        raise InputError(f"cannot crack this token: {exc}", "pass an HS256/384/512 JWT") from exc
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1", "omit it to use all cores")
    if args.import_potfile:
        return crack_hashcat.import_potfile(target, token, Path(args.import_potfile), args.json)
    crack_hashcat.check_options(args)
    if args.hashcat_cmd:
        return crack_hashcat.print_recipe(token, args)
    show = not args.json and sys.stderr.isatty()
    result = crack_hashcat.maybe_run(token, args, progress if show else None)
    engine = "hashcat"
    if result is None:
        engine = "built-in"
        if args.wordlist is None:
            raise UsageError("the built-in search needs a wordlist", "pass --wordlist FILE")
        result = _builtin(target, Path(args.wordlist), args.workers, show)
    elif show:
        emit(err=True)
    print_result(result, args.json, engine=engine)
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.key is not None else EXIT_FINDINGS


def progress(p: CrackProgress) -> None:
    """Redraw the progress line (both engines)."""
    from jwtscope.local.crack_progress import format_progress

    print_progress(format_progress(p))


def _builtin(target: object, wordlist: Path, workers: int | None, show: bool) -> CrackResult:
    from jwtscope.core.keys.hmac_dictionary import HmacTarget
    from jwtscope.local.crack_search import crack_file

    assert isinstance(target, HmacTarget)
    result = crack_file(target, wordlist, workers=workers, progress=progress if show else None)
    if show:
        emit(err=True)
    return result


def print_result(result: CrackResult, as_json: bool, *, engine: str = "built-in") -> None:
    """The outcome, the same whichever engine searched: the key (the one secret jwtscope
    prints, on the user's request), or "not found", with candidates, time and rate."""
    key_text = None
    if result.key is not None:
        key_text = result.key.decode("utf-8", errors="backslashreplace")
    if as_json:
        print(
            json.dumps(
                {
                    "found": result.key is not None,
                    "key": key_text,
                    "tried": result.tried,
                    "elapsed_s": round(result.elapsed, 3),
                    "interrupted": result.interrupted,
                    "rate_per_s": round(result.tried / result.elapsed) if result.elapsed else None,
                    "engine": engine,
                }
            )
        )
    elif result.key is not None:
        emit_raw(
            f"Key found after {result.tried:,} candidates in {result.elapsed:.1f} s: {key_text}"
        )
    elif result.interrupted:
        emit(f"Stopped after {result.tried:,} candidates; key not found.", err=True)
    else:
        emit(f"Key not found in {result.tried:,} candidates ({result.elapsed:.1f} s).")
