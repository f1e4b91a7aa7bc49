"""``jwtscope`` / ``jwtscope tui`` and ``jwtscope demo``: open the interactive app, or
print the demo's analysis when there is no terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.common import EXIT_OK, check_leeway, load_keys, print_report, read_token_text
from jwtscope.cli.output import emit
from jwtscope.errors import InputError, UsageError

if TYPE_CHECKING:  # the app's modules load textual: only when the app opens
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.tui.config import AppConfig, EnvChoice

__all__ = ["cmd_demo", "cmd_tui"]


def cmd_tui(args: argparse.Namespace) -> int:
    """``jwtscope`` / ``jwtscope tui``: the interactive app in the current folder."""
    text = ""
    if args.token is not None or args.file:
        text = read_token_text(args.token, args.file)
        if args.token == "-":
            _reattach_terminal()
    _require_terminal()
    return _run_app(_app_config(args, text))


def cmd_demo(args: argparse.Namespace) -> int:
    """``jwtscope demo``: the built-in token against the built-in ``.env``."""
    from jwtscope.core.analysis import analyze
    from jwtscope.demo import DEMO_NOW, DEMO_TOKEN, demo_environment
    from jwtscope.tui.demo_config import demo_config

    if not (args.text or args.json) and sys.stdin.isatty() and sys.stdout.isatty():
        return _run_app(demo_config())
    report = analyze(DEMO_TOKEN, now=DEMO_NOW, env=demo_environment(), now_is_real=False)
    if not args.json:
        emit(
            "Demo: a token from a ticket, checked against the demo backend's .env "
            "(JWT_SECRET, BETTER_AUTH_URL).\n"
        )
    print_report(report, args)
    return report.exit_code


def _app_config(args: argparse.Namespace, text: str) -> AppConfig:
    """The app's configuration from the key and judgement options."""
    from jwtscope.core.timefmt import parse_at
    from jwtscope.local.dotenv_reader import discover_env_files, load_environment
    from jwtscope.local.user_config import read_settings, usable_env_files
    from jwtscope.services.inputs import jwks_document, read_key_file
    from jwtscope.tui.config import AppConfig, EnvChoice

    cwd = Path.cwd()
    check_leeway(args)
    settings = read_settings(os.environ)
    config_files, missing = usable_env_files(settings, cwd)
    settings = settings.with_problems(*missing)  # shown as toasts when the app mounts

    def load_env(choice: EnvChoice) -> Environment:
        return load_environment(
            environ=os.environ,
            cwd=cwd,
            env_files=choice.env_files,
            discover=choice.discover,
            secret_env=choice.secret_env,
            encoding=choice.encoding,
        )

    def fetch(url: str) -> tuple[str, dict[str, object]]:
        return jwks_document(url, args.timeout)

    return AppConfig(
        text=text,
        clock=time.time,
        load_env=load_env,
        env_choice=EnvChoice(
            args.secret_env,
            (*args.env_file, *config_files),  # the flags first: they win
            not args.no_dotenv,
            args.secret_encoding,
        ),
        list_env_files=lambda: [f"./{p.name}" for p in discover_env_files(cwd)],
        explicit_keys=load_keys(args),
        fetch_jwks=fetch,
        read_file=read_key_file,
        at=parse_at(args.at, time.time()) if args.at else None,
        leeway=args.leeway,
        audience=args.aud,
        issuer=args.iss,
        user_settings=settings,
    )


def _run_app(config: AppConfig) -> int:
    from jwtscope.tui.app import JwtscopeApp

    JwtscopeApp(config).run()
    return EXIT_OK


def _require_terminal() -> None:
    """Refuse to start the app without a terminal on both stdin and stdout.

    Raises:
        UsageError: stdin or stdout is not a terminal (a pipe, a file, ``/dev/null``).
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the app needs a terminal (stdin and stdout are not both a terminal)",
            "run it in a terminal, or use jwtscope inspect TOKEN",
        )


def _reattach_terminal() -> None:
    """After reading a piped token, give the app the terminal back as its input."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError as exc:
        raise InputError(
            "no terminal to run the app in after reading stdin",
            "pass the token as an argument or with --file",
        ) from exc
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
