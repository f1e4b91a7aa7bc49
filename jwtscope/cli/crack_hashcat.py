"""``jwtscope crack``'s hand-over to hashcat: choose the engine (``--hashcat``,
``--no-hashcat``, or by the wordlist's size when hashcat sees a GPU), run it under
jwtscope's progress bar, print its commands for another machine (``--hashcat-cmd``)
and read a potfile back (``--import-potfile``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.common import EXIT_FINDINGS, EXIT_OK
from jwtscope.cli.output import emit, emit_raw
from jwtscope.errors import InputError, UsageError
from jwtscope.local.hashcat_command import (
    INSTALL_HINT,
    HashcatAttack,
    hashcat_refusal,
    key_in_potfile,
    remote_recipe,
)

if TYPE_CHECKING:
    from jwtscope.core.keys.hmac_dictionary import HmacTarget
    from jwtscope.local.crack_progress import CrackProgress
    from jwtscope.local.crack_search import CrackResult

__all__ = ["AUTO_BYTES", "check_options", "import_potfile", "maybe_run", "print_recipe"]

#: Wordlists this large (about 20 M words) go to hashcat by themselves when it sees a
#: GPU. On CPUs alone the built-in search is faster (bench/bench_hashcat.py), so
#: without a GPU it stays here.
AUTO_BYTES = 200 * 1024 * 1024


def check_options(args: argparse.Namespace) -> None:
    """One-line errors for option combinations that cannot work."""
    if args.no_hashcat and (args.rules or args.mask):
        raise UsageError("--rules and --mask need hashcat", "drop --no-hashcat")
    if args.mask and args.wordlist:
        raise UsageError("--mask replaces the wordlist", "pass --mask or --wordlist, not both")
    if args.rules and not args.wordlist:
        raise UsageError("--rules applies to a wordlist", "add --wordlist FILE")
    if not args.mask and not args.wordlist:
        raise UsageError("no candidates to try", "pass --wordlist FILE (or --mask MASK)")


def _attack(args: argparse.Namespace) -> HashcatAttack:
    return HashcatAttack(
        wordlist=Path(args.wordlist) if args.wordlist else None,
        rules=Path(args.rules) if args.rules else None,
        mask=args.mask,
    )


def print_recipe(token: str, args: argparse.Namespace) -> int:
    """``--hashcat-cmd``: the shell lines for a hashcat machine, on stdout (they hold the
    token, which the user asked for); how to use them on stderr."""
    emit(
        "Run these where hashcat is (copy the wordlist/rules there first). The first line "
        "writes your token to jwt.hash: keep it private, delete it after. Then bring jwt.pot "
        "back and run: jwtscope crack TOKEN --import-potfile jwt.pot",
        err=True,
    )
    emit_raw(remote_recipe(token, _attack(args)))
    return EXIT_OK


def maybe_run(
    token: str, args: argparse.Namespace, progress: Callable[[CrackProgress], None] | None
) -> CrackResult | None:
    """Run hashcat if it was asked for (or the list is large and a GPU is there);
    ``None`` means the built-in search runs instead (a note says why)."""
    from jwtscope.local.hashcat_run import HashcatRefused, run_hashcat

    executable = _chosen(token, args)
    if executable is None:
        return None
    try:
        return run_hashcat(
            token,
            _attack(args),
            executable=executable,
            progress=progress,
            started=lambda: emit("hashcat -m 16500 is running (Ctrl-C stops it).", err=True),
        )
    except HashcatRefused as exc:
        if args.mask or args.rules:
            raise
        emit(f"Note: {exc.message}; the built-in search runs.", err=True)
        return None


def _chosen(token: str, args: argparse.Namespace) -> str | None:
    """hashcat's path when it should run, else ``None`` (after a note if it was asked for)."""
    from jwtscope.local.hashcat_run import HashcatRefused, find_hashcat, has_gpu

    if args.no_hashcat:
        return None
    executable = find_hashcat()
    needs_hashcat = bool(args.rules or args.mask)
    if args.hashcat or needs_hashcat:
        reason = hashcat_refusal(token)
        if executable is None and needs_hashcat:
            option = "--mask" if args.mask else "--rules"
            raise InputError(f"{option} needs hashcat, which is not installed", INSTALL_HINT)
        if executable is None:
            emit(
                f"Note: hashcat is not installed — {INSTALL_HINT}; the built-in search runs.",
                err=True,
            )
            return None
        if reason is not None and needs_hashcat:
            raise HashcatRefused(
                reason, "use --wordlist without --rules/--mask: the built-in search has no limit"
            )
        if reason is not None:
            emit(f"Note: {reason}; the built-in search runs.", err=True)
            return None
        return executable
    if executable is None or args.wordlist is None or hashcat_refusal(token) is not None:
        return None
    size = _size(Path(args.wordlist))
    if size < AUTO_BYTES or not has_gpu(executable):
        return None
    emit(
        f"Note: the wordlist is {size / 1e6:,.0f} MB and hashcat sees a GPU: hashcat searches "
        "it (--no-hashcat keeps the built-in search).",
        err=True,
    )
    return executable


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the built-in search reports what is wrong with the file


def import_potfile(target: HmacTarget, token: str, path: Path, as_json: bool) -> int:
    """``--import-potfile``: this token's key from hashcat's ``<jwt>:<key>`` lines, checked
    against the token before it is shown; other lines are never shown."""
    import json

    from jwtscope.core.keys.hmac_dictionary import make_matcher

    fix = "give the potfile hashcat wrote (hashcat -m 16500 jwt.hash --show > jwt.pot)"
    try:
        with path.open(encoding="utf-8", errors="surrogateescape") as lines:
            key = key_in_potfile(lines, token)
    except FileNotFoundError as exc:
        raise InputError(f"potfile {path} does not exist", fix) from exc
    except OSError as exc:
        raise InputError(f"potfile {path} cannot be read: {exc.strerror or exc}", fix) from exc
    if key is not None and not make_matcher(target)(key):
        raise InputError(f"the key in {path} for this token does not verify it", fix)
    key_text = None if key is None else key.decode("utf-8", errors="backslashreplace")
    if as_json:
        print(json.dumps({"found": key is not None, "key": key_text, "source": str(path)}))
    elif key_text is not None:
        emit_raw(f"Key found in {path}: {key_text}")
    else:
        emit(f"No line for this token in {path}; key not found.")
    return EXIT_OK if key is not None else EXIT_FINDINGS
