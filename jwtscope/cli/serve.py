"""`jwtscope serve`: the same app in a browser (textual-serve), on 127.0.0.1 only — the
demo, or the app as `jwtscope tui` would open it (a token, keys, judgement options).

Each page load runs the app in its own process: ``exec python -m jwtscope.cli.serve``.
That command line holds nothing of the user's; the token (read here, from the argument,
stdin or ``--file``) and the options reach it in one environment variable
(:data:`ARGS_VAR`). Command lines are readable by every user of the machine (``ps``);
a process's environment only by its owner (``/proc/PID/environ``, mode 0400), as a 0600
file would be — but nothing is written to disk, nothing is left behind after a crash, and
the app's process drops the variable from ``os.environ`` first, so nothing it starts
inherits it.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import secrets
import shlex
import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

from jwtscope.cli.common import EXIT_OK, EXIT_USAGE, print_error, read_token_text
from jwtscope.cli.options import SERVE_PORT
from jwtscope.cli.output import emit
from jwtscope.errors import InputError, JwtscopeError, UsageError

if TYPE_CHECKING:  # textual-serve loads only when the server starts
    from jwtscope.tui.web_server import LocalServer

__all__ = ["ARGS_VAR", "DEFAULT_PORT", "app_spec", "child_main", "cmd_serve", "served_command"]

#: The environment variable that carries what the app's process opens (token included).
ARGS_VAR = "JWTSCOPE_SERVE_ARGS"
#: The default port (JWT is RFC 7519).
DEFAULT_PORT = SERVE_PORT
#: Hosts ``--host`` accepts: both mean 127.0.0.1.
LOCAL_HOSTS = ("127.0.0.1", "localhost")
#: An environment variable's limit on Linux is 128 KiB; stay well below.
_MAX_SPEC = 96 * 1024
#: What the ``serve`` extra installs.
_SERVE_PACKAGES = ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2")
#: Options of ``serve`` itself, not handed to the app.
_OWN = ("command", "run", "host", "port", "serve_app", "token", "file")


def cmd_serve(args: argparse.Namespace) -> int:
    """``jwtscope serve [--port N] [demo | tui [TOKEN] [OPTIONS]]``."""
    _check_host(args.host)
    _server_class()
    _check_port(args.port)
    spec = app_spec(args)
    if spec["app"] == "tui":  # every option error now, not in the browser
        from jwtscope.cli.app import _app_config

        _app_config(argparse.Namespace(**spec["options"]), spec["text"])
    key = secrets.token_hex(16)
    server = _server_class()(served_command(), port=args.port, key=key, on_ready=_announce)
    os.environ[ARGS_VAR] = json.dumps(spec)
    try:
        server.serve()
    except OSError as exc:
        raise _port_error(args.port, exc) from None
    finally:
        os.environ.pop(ARGS_VAR, None)
    emit("jwtscope serve: stopped", err=True)
    return EXIT_OK


def app_spec(args: argparse.Namespace) -> dict[str, Any]:
    """What the app's process opens: ``{"app": "demo"}``, or ``{"app": "tui", "text": …,
    "options": …}`` with the token already read (from the argument, stdin or ``--file``).

    Raises:
        UsageError: the token is too long to hand over.
    """
    if getattr(args, "serve_app", None) != "tui":
        return {"app": "demo"}
    text = ""
    if args.token is not None or args.file:
        text = read_token_text(args.token, args.file)
    options = {k: v for k, v in vars(args).items() if k not in _OWN}
    spec: dict[str, Any] = {"app": "tui", "text": text, "options": options}
    if len(json.dumps(spec)) > _MAX_SPEC:
        raise UsageError(
            "the token is too long to serve (over 96 KiB)",
            "inspect it with: jwtscope inspect --file PATH",
        )
    return spec


def _server_class() -> type[LocalServer]:
    """The server, or a one-line error when the ``serve`` extra is not installed."""
    try:
        from jwtscope.tui.web_server import LocalServer
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in _SERVE_PACKAGES:
            raise
        raise UsageError(
            f"jwtscope serve needs textual-serve ({exc.name} is not installed)",
            "install it: python3 -m pip install 'jwtscope[serve]'",
        ) from None
    return LocalServer


def served_command() -> str:
    """The command each page load runs: the app's process, with nothing of the user's."""
    return f"exec {shlex.quote(sys.executable)} -m jwtscope.cli.serve"


def _announce(url: str) -> None:
    emit(f"jwtscope serve: the app is at {url}", flush=True)
    emit(
        "  Bound to 127.0.0.1 only. Tokens and secrets you paste or load in that page cross\n"
        "  your local browser and a local websocket to this process; each page load runs its\n"
        "  own app. The URL's key is what lets a page in: keep it to yourself. Close the tab\n"
        "  and press Ctrl+C here when done.",
        err=True,
        flush=True,
    )


def _check_host(host: str) -> None:
    if host not in LOCAL_HOSTS:
        raise UsageError(
            f"jwtscope serve listens on 127.0.0.1 only, not {host}: tokens pasted in the page "
            "would cross the network",
            "from another machine, forward the port over SSH: ssh -L 7519:127.0.0.1:7519 HOST",
        )


def _check_port(port: int) -> None:
    if not 1 <= port <= 65535:
        raise UsageError(f"--port {port} is not a TCP port", "give a port from 1024 to 65535")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            raise _port_error(port, exc) from None


def _port_error(port: int, exc: OSError) -> UsageError:
    if exc.errno == errno.EADDRINUSE:
        return UsageError(
            f"port {port} on 127.0.0.1 is taken by another program",
            f"pick another one: jwtscope serve --port {port + 1}",
        )
    return UsageError(
        f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc})",
        "pick a port from 1024 to 65535 with --port",
    )


def child_main() -> int:
    """The app's process (``python -m jwtscope.cli.serve``, run by the server): read and
    drop :data:`ARGS_VAR`, then open the demo or the app in the web driver that
    textual-serve set up. Ctrl+C in the server's terminal is the server's: ignored here
    (the server asks the app to quit)."""
    spec_text = os.environ.pop(ARGS_VAR, None)
    try:
        if spec_text is None:
            raise InputError(
                "this module is the app's process of jwtscope serve",
                "run: jwtscope serve",
            )
        spec = json.loads(spec_text)
        # only once it is the app's process: an ignored SIGINT is inherited by children
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        from jwtscope.cli.app import _app_config, _run_app

        if spec["app"] == "tui":
            return _run_app(_app_config(argparse.Namespace(**spec["options"]), spec["text"]))
        from jwtscope.tui.demo_config import demo_config

        return _run_app(demo_config())
    except JwtscopeError as exc:
        print_error(exc)
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(child_main())
