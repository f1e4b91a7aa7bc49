"""What every command shares: exit codes, reading pasted text and input files, loading
the environment and the keys the options name, the endpoint request, printing reports and errors.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from jwtscope.cli.output import emit, emit_json, remember_secrets
from jwtscope.errors import InputError, JwtscopeError, KeyLoadError, UsageError

if TYPE_CHECKING:  # loaded by the commands that need them, never at start-up
    from jwtscope.core.analysis import Report
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.services.inputs import KeySources

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_UNREACHABLE",
    "EXIT_USAGE",
    "MAX_INPUT_BYTES",
    "check_leeway",
    "endpoint_request",
    "key_sources",
    "load_env",
    "load_keys",
    "print_error",
    "print_problems",
    "print_progress",
    "print_report",
    "public_patterns",
    "read_input_file",
    "read_token_text",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
MAX_INPUT_BYTES = 100_000


def read_token_text(arg: str | None, file: str | None, stdin: TextIO | None = None) -> str:
    """The pasted text from the argument, ``-``/piped stdin, or ``--file``.

    Raises:
        InputError: empty, binary, too large, or unreadable input.
    """
    stdin = stdin or sys.stdin
    if file:
        data = read_input_file(Path(file), "the token file")
        source = file
    elif arg is None or arg == "-":
        if arg is None and stdin.isatty():
            raise InputError("no token given", "pass TOKEN, '-' to read stdin, or --file PATH")
        data = (
            stdin.buffer.read(MAX_INPUT_BYTES + 1)
            if hasattr(stdin, "buffer")
            else (stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogateescape"))
        )
        source = "stdin"
    else:
        data = arg.encode("utf-8", "surrogateescape")
        source = "the argument"
    return _as_text(data, source)


def _as_text(data: bytes, source: str) -> str:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{source} is over {MAX_INPUT_BYTES // 1000} KB; no real token is that large",
            "paste only the token (or the Authorization/Cookie line)",
        )
    if b"\x00" in data:
        raise InputError(f"{source} is binary data, not text", "pass the token as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not UTF-8 text (byte {exc.start})", "pass the token as text"
        ) from exc
    if text.endswith("\n") and source != "the argument":
        text = text.removesuffix("\n").removesuffix("\r")
    if not text.strip():
        raise InputError(f"{source} is empty", "paste a token, e.g. jwtscope inspect eyJhbGciOi…")
    return text


def read_input_file(path: Path, what: str) -> bytes:
    """The first ``MAX_INPUT_BYTES + 1`` bytes of a file the user named.

    Raises:
        InputError: missing, a folder, a device or a pipe (never opened: a FIFO would
            block), or unreadable.
    """
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise InputError(
                f"{what} {path} is not a regular file (a device or a pipe)", "pass a file"
            )
        with path.open("rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{what} {path} does not exist", "check the path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{what} {path} is a folder", "pass a file") from exc
    except OSError as exc:
        raise InputError(
            f"{what} {path} cannot be read ({exc.strerror})", "check the path"
        ) from exc


def check_leeway(args: argparse.Namespace) -> None:
    """Refuse a negative ``--leeway``."""
    if args.leeway < 0:
        raise UsageError("--leeway cannot be negative", "pass seconds, e.g. --leeway 30")


def public_patterns(text: str) -> list[str]:
    """``--public '/health,/docs'`` as a list of route patterns."""
    return [p.strip() for p in text.split(",") if p.strip()]


def load_env(args: argparse.Namespace) -> Environment:
    """The environment the key options describe: the process, ``--env-file``s, the user
    config's ``env_files`` (bad values on stderr), ``.env*``."""
    from jwtscope.local.dotenv_reader import load_environment
    from jwtscope.local.user_config import read_settings, usable_env_files

    settings = read_settings(os.environ)
    config_files, missing = usable_env_files(settings, Path.cwd())
    print_problems((*settings.problems, *missing))
    env = load_environment(
        environ=os.environ,
        cwd=Path.cwd(),
        env_files=(*args.env_file, *config_files),  # the flags first: they win
        discover=not args.no_dotenv,
        secret_env=args.secret_env,
        encoding=args.secret_encoding,
    )
    with contextlib.suppress(KeyLoadError):  # not valid in its encoding: analysis reports it
        remember_secrets(s.text for s in env.secrets())
    return env


def print_problems(lines: tuple[str, ...]) -> None:
    """Each problem of the user config on stderr, one line each."""
    for line in lines:
        emit(f"jwtscope: config: {line}", err=True)


def key_sources(args: argparse.Namespace) -> KeySources:
    """The keys named by ``--secret``, ``--key`` and ``--jwks``."""
    from jwtscope.services.inputs import KeySources

    return KeySources(
        secret=args.secret,
        encoding=args.secret_encoding,
        key_files=args.key,
        jwks=args.jwks,
        timeout=args.timeout,
    )


def load_keys(args: argparse.Namespace) -> KeySet:
    """Load the keys the options name; warn that ``--secret`` stays in the shell history.

    Raises:
        UsageError: an empty ``--secret``.
        KeyLoadError: a key file that cannot be read or parsed.
        NetworkError: a JWKS URL that cannot be fetched.
    """
    from jwtscope.services.inputs import explicit_keys

    if args.secret is not None:
        emit(
            "warning: --secret stays in your shell history; prefer --secret-env NAME or a "
            ".env file",
            err=True,
        )
    keys = explicit_keys(key_sources(args))
    remember_secrets(s.text for s in keys.secrets)
    return keys


def endpoint_request(args: argparse.Namespace) -> ReplayRequest:
    """The request of ``replay``/``probe``/``report``: ``--curl``, ``--curl-file``, URL
    with ``--token``, or a request piped on stdin — in that order — with an http(s) URL.

    Raises:
        InputError: nothing to replay, or a request that cannot be read.
        UsageError: ``--token`` with a curl command, or a URL without http(s)://.
    """
    from jwtscope.services.inputs import request_from_import, request_from_url, require_http_url

    if args.curl is not None:
        request = request_from_import(args.curl, curl_only=True)
    elif args.curl_file:
        data = read_input_file(Path(args.curl_file), "the request file")
        request = request_from_import(data.decode("utf-8", errors="replace"))
    elif args.url:
        request = request_from_url(
            args.url,
            token_text=read_token_text(args.token, None) if args.token else None,
            method=args.method,
            headers=args.header,
            cookies=args.cookie,
            body=args.data.encode() if args.data is not None else None,
        )
    elif not sys.stdin.isatty():
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES * 10)
        request = request_from_import(data.decode("utf-8", errors="replace"))
    else:
        raise InputError(
            "nothing to replay",
            "pass URL --token T, --curl '…', --curl-file PATH, or pipe a curl command",
        )
    if args.url and (args.curl is not None or args.curl_file) and args.token:
        raise UsageError(
            "--token goes with URL, not with a curl command", "the curl carries its own token"
        )
    return require_http_url(request, insecure=args.insecure)


def print_report(report: Report, args: argparse.Namespace) -> None:
    """A token report as text (``--color``, ``--verbose``) or, with ``--json``, JSON."""
    from jwtscope.core.report_text import report_to_dict, report_to_text

    if args.json:
        emit_json(report_to_dict(report))
        return
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    emit(report_to_text(report, color=color, verbose=args.verbose), color=color)


def print_progress(line: str) -> None:
    """Overwrite the progress line on stderr; a shorter line is padded over the longer one
    before it, so that nothing of it is left behind (no ``ETA 0:0001``)."""
    pad = max(0, _progress_width[0] - len(line))
    _progress_width[0] = len(line)
    sys.stderr.write("\r")  # jwtscope's own carriage return: the guard would show it
    emit(line + " " * pad, end="", err=True, flush=True)


#: The length of the last progress line printed (to pad the next one over it).
_progress_width = [0]


def print_error(exc: JwtscopeError) -> None:
    """The one-line error: ``jwtscope: error: <message> — fix: <fix>``."""
    fix = f" — fix: {exc.fix}" if exc.fix else ""
    emit(f"jwtscope: error: {exc.message}{fix}", err=True)
