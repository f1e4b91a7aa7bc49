"""TUI performance, measured in one run: start-up to first frame, and re-analysis per keystroke.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python3 bench/bench_tui.py [--runs 15] [--keys 50]

(a) Start-up: ``bench/first_frame.py`` runs the jwtscope app (the built-in demo) and a
    minimal Textual app (Header + Input + Footer) in a fresh interpreter under a real
    pseudo-terminal (100x32). The parent takes the time from spawning the process to
    the child's "first frame written" signal (Textual's ``Ready`` event). The two kinds
    of run alternate so that machine noise hits both; medians are compared.
    Goal: jwtscope <= 1.5x the minimal app.
(b) Keystroke: an ~8 KB HS256 token whose secret is in the (in-memory) environment.
    (1) the engine alone: ``analyze(...)``, median over many calls;
    (2) the app under ``run_test``: a key is sent to the token editor (alternately ``x``
        typed at the end, which breaks the signature, and ``backspace``, which restores
        it). Times are taken from sending the key to: the report being updated (the
        app's ``recompute`` returned, all ``watch_report`` views done), the first frame
        composed after it, and the last frame once nothing has been painted for
        ``--quiet-ms`` (the Markdown detail, tables etc. settled). Headless: frames are
        composed but not written to a terminal. The same is done for a bare app with a
        4-row TextArea holding the same text: Textual's own floor for the keystroke
        (frames are paced at 60 fps, so a repaint may wait up to 16.7 ms for a tick).
        The same again with the keys typed in the middle of the payload: every other key
        makes the payload undecodable (the view dims the last decoded payload under a
        "stale" notice; the findings list changes length without a re-layout).
    Goals: the settled frame within two frames (<= 33 ms, issue 16); ideally one (16 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

__all__ = ["main"]

LAUNCHER = Path(__file__).with_name("first_frame.py")
COLUMNS, ROWS = 100, 32
FRAME_MS = 16.0
SETTLED_GOAL_MS = 33.0
START_GOAL = 1.5

SECRET = "q7Vd2pXk9LmZ4tRw8sYb3NcHf6JgEa1U"
ORIGIN = "http://localhost:3000"
IAT = 1795560000


# ---------------------------------------------------------------- (a) start-up


def _spawn_until_ready(mode: str, timeout: float = 30.0) -> float:
    """Seconds from spawning ``first_frame.py mode`` in a pty to its first frame."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    ready_r, ready_w = os.pipe()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", BENCH_READY_FD=str(ready_w))
    env.pop("PYTHONPROFILEIMPORTTIME", None)

    def controlling_tty() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(LAUNCHER), mode],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        pass_fds=(ready_w,),
        start_new_session=True,
        preexec_fn=controlling_tty,
    )
    os.close(slave)
    os.close(ready_w)
    elapsed: float | None = None
    output = bytearray()
    try:
        deadline = start + timeout
        while time.perf_counter() < deadline:
            readable, _, _ = select.select([master, ready_r], [], [], 0.5)
            if ready_r in readable and elapsed is None and os.read(ready_r, 64):
                elapsed = time.perf_counter() - start
            if master in readable:
                try:
                    chunk = os.read(master, 65536)  # drain, or the child blocks writing
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            if proc.poll() is not None and not readable:
                break
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(ready_r)
    if elapsed is None:
        tail = output[-2000:].decode(errors="replace")
        raise RuntimeError(f"{mode}: no first frame (exit {proc.returncode}):\n{tail}")
    return elapsed


def bench_startup(runs: int) -> tuple[float, float]:
    """Median seconds to first frame: (minimal app, jwtscope)."""
    _spawn_until_ready("minimal"), _spawn_until_ready("jwtscope")  # warm the file cache
    minimal: list[float] = []
    ours: list[float] = []
    for _ in range(runs):
        minimal.append(_spawn_until_ready("minimal"))
        ours.append(_spawn_until_ready("jwtscope"))
    return statistics.median(minimal), statistics.median(ours)


# ---------------------------------------------------------------- (b) keystroke


def big_token(target: int = 8192) -> str:
    """An HS256 token of about ``target`` characters (a large ``permissions`` claim)."""
    import jwt

    claims: dict[str, Any] = {
        "sub": "user-1",
        "iss": ORIGIN,
        "aud": ORIGIN,
        "iat": IAT,
        "exp": IAT + 900,
        "permissions": [],
    }
    token = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        while len(token) < target:
            claims["permissions"].append(f"resource-{len(claims['permissions']):04d}:read")
            token = jwt.encode(claims, SECRET, algorithm="HS256")
    return token


def big_environment() -> Any:
    """The .env the big token was signed with, in memory."""
    from jwtscope.core.keys.env_snapshot import Environment, EnvSource

    values = (("JWT_SECRET", SECRET), ("BETTER_AUTH_URL", ORIGIN))
    return Environment(sources=(EnvSource(".env", values),))


def bench_engine(token: str, calls: int) -> dict[str, float]:
    """Median ms of ``analyze`` on the token as typed: valid, and with one extra char."""
    from jwtscope.core.analysis import analyze

    env = big_environment()
    out: dict[str, float] = {}
    for label, text in (("valid signature", token), ("one char typed", token + "x")):
        analyze(text, now=IAT + 60, env=env, now_is_real=False)
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            analyze(text, now=IAT + 60, env=env, now_is_real=False)
            times.append(time.perf_counter() - start)
        out[label] = statistics.median(times) * 1000
    return out


class _Probe:
    """Timestamps of the app's own events, taken by wrapping methods of one instance."""

    def __init__(self) -> None:
        self.updated: float | None = None
        self.paints: list[float] = []

    def wrap_recompute(self, app: Any) -> None:
        original: Callable[[], None] = app.recompute

        def recompute() -> None:
            original()
            self.updated = time.perf_counter()

        app.recompute = recompute

    def wrap_display(self, app: Any) -> None:
        original: Callable[[Any, Any], None] = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.paints.append(time.perf_counter())

        app._display = display

    def reset(self) -> None:
        self.updated = None
        self.paints.clear()


@contextmanager
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


async def _settle(probe: _Probe, quiet: float, timeout: float = 10.0) -> None:
    """Wait until nothing has been painted for ``quiet`` seconds (and something was)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.002)
        last = probe.paints[-1] if probe.paints else None
        if last is not None and time.perf_counter() - last > quiet:
            return
    raise RuntimeError("no frame was painted after the keystroke")


async def _type_keys(
    app: Any, editor: Any, keys: int, quiet: float, column: int | None = None
) -> dict[str, Any]:
    """Send ``x`` and ``backspace`` alternately; per kind, ms to update / first / last frame.

    Keys go through the driver like real input (no Pilot sleeps in the measured window:
    ``Pilot.pause`` itself forces a repaint after 20 ms of idling, which would pollute
    the frame times).
    """
    from textual import events

    probe = _Probe()
    track_update = hasattr(app, "recompute")
    if track_update:
        probe.wrap_recompute(app)
    probe.wrap_display(app)
    editor.cursor_blink = False
    editor.focus()
    editor.move_cursor(editor.document.end if column is None else (0, column))
    await asyncio.sleep(0.2)
    out: dict[str, dict[str, list[float]]] = {
        metric: {"x": [], "backspace": []} for metric in ("update", "first", "last")
    }
    for i in range(keys * 2):
        key = "x" if i % 2 == 0 else "backspace"
        before = app.report if track_update else None
        probe.reset()
        sent = time.perf_counter()
        app._driver.send_message(events.Key(key, "x" if key == "x" else None))
        await _settle(probe, quiet)
        if track_update:
            assert probe.updated is not None and app.report is not before, "report not updated"
            out["update"][key].append((probe.updated - sent) * 1000)
        out["first"][key].append((probe.paints[0] - sent) * 1000)
        out["last"][key].append((probe.paints[-1] - sent) * 1000)
    return out


async def bench_app_keystrokes(
    token: str, keys: int, quiet: float, column: int | None = None
) -> dict[str, Any]:
    """Keystroke latencies in the real app (demo-like config, the big token), typed at
    the end (the signature) or at ``column``."""
    from jwtscope.tui.app import JwtscopeApp
    from jwtscope.tui.config import AppConfig
    from jwtscope.tui.widgets.token_editor import TokenEditor

    env = big_environment()
    config = AppConfig(
        text=token,
        clock=lambda: float(IAT + 60),
        load_env=lambda choice: env,
        at=IAT + 60,
        tick_seconds=0,
    )
    app = JwtscopeApp(config)
    async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
        await pilot.pause()
        return await _type_keys(app, app.query_one(TokenEditor), keys, quiet, column)


async def bench_bare_keystrokes(token: str, keys: int, quiet: float) -> dict[str, Any]:
    """The same keystrokes in a bare app with one 4-row TextArea holding the same text."""
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Bare(App[None]):
        CSS = "TextArea { height: 4; border: none; padding: 0; }"  # as the token editor

        def compose(self) -> ComposeResult:
            yield TextArea(token, soft_wrap=True)

    app = Bare()
    async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
        await pilot.pause()
        return await _type_keys(app, app.query_one(TextArea), keys, quiet)


# ---------------------------------------------------------------- report


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _budget(ms: float) -> str:
    return f"{ms:6.1f} ms = {ms / FRAME_MS:4.2f}x the {FRAME_MS:.0f} ms frame"


def main() -> None:
    """Run both benchmarks and print medians and ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs of each app")
    parser.add_argument("--keys", type=int, default=50, help="keystrokes of each kind")
    parser.add_argument("--calls", type=int, default=200, help="engine calls per case")
    parser.add_argument("--quiet-ms", type=float, default=150, help="no frame this long = done")
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    quiet = args.quiet_ms / 1000

    if not args.skip_startup:
        minimal, ours = bench_startup(args.runs)
        ratio = ours / minimal
        verdict = "met" if ratio <= START_GOAL else "MISSED"
        print(
            f"(a) start-up to first frame, pty {COLUMNS}x{ROWS}, {args.runs} runs each, alternating"
        )
        print(f"    minimal Textual app (Header+Input+Footer)  median {minimal * 1000:7.1f} ms")
        print(f"    jwtscope app (built-in demo)               median {ours * 1000:7.1f} ms")
        print(f"    ratio jwtscope / minimal: {ratio:.2f}x (goal <= {START_GOAL}x: {verdict})")

    with _quiet():
        token = big_token()
        engine = bench_engine(token, args.calls)
        app = asyncio.run(bench_app_keystrokes(token, args.keys, quiet))
        middle = token.index(".") + len(token.split(".")[1]) // 2
        in_payload = asyncio.run(bench_app_keystrokes(token, args.keys, quiet, middle))
        bare = asyncio.run(bench_bare_keystrokes(token, args.keys, quiet))
    print(f"(b) re-analysis of a {len(token)}-character HS256 token, secret in the env")
    for label, value in engine.items():
        print(f"    engine analyze(), {label:<16} median {_budget(value)}")
    print(f"    medians over {args.keys} keystrokes of each kind, from the key being sent to:")
    print("                              report updated   first frame   last frame (settled)")
    rows = [("jwtscope", app), ("in payload", in_payload), ("bare TextArea", bare)]
    for name, result in rows:
        for key in ("x", "backspace"):
            update = f"{_median(result['update'][key]):6.1f} ms" if result["update"][key] else "-"
            first = _median(result["first"][key])
            last = _median(result["last"][key])
            print(f"      {name:<14} {key:<10} {update:>9}      {first:6.1f} ms     {last:6.1f} ms")
    for name, result in (("", app), (" in payload", in_payload)):
        both = {m: result[m]["x"] + result[m]["backspace"] for m in ("update", "first", "last")}
        for metric, label in (
            ("update", "report updated"),
            ("first", "first frame"),
            ("last", "last frame"),
        ):
            value = _median(both[metric])
            verdict = "met" if value <= FRAME_MS else "MISSED"
            print(f"    jwtscope keystroke{name} -> {label:<15} {_budget(value)} ({verdict})")
        settled = _median(both["last"])
        verdict = "met" if settled <= SETTLED_GOAL_MS else "MISSED"
        print(f"      settled <= {SETTLED_GOAL_MS:.0f} ms (issue 16): {settled:.1f} ms ({verdict})")


if __name__ == "__main__":
    main()
