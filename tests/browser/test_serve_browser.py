"""`jwtscope serve` in a real headless Chromium: the page shows the app's first screen, the
token reaches the app without appearing in any command line, and Ctrl+C stops the server
cleanly with a page still open (the page then says its session ended).

The server is a real `python -m jwtscope serve` on a port chosen at runtime; the browser
is Debian's /usr/bin/chromium driven by playwright-core (`serve_page.mjs`, which reads
what the terminal draws from the page's websocket frames). Skipped, with the reason, when
node, playwright-core or Chromium is missing (`.ci/run` installs them when it can).
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import jwt
import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Every wait is bounded: the server's start, the page, the stop.
START_S, PAGE_S, STOP_S = 30.0, 60.0, 20.0
SECRET = "serve-browser-test-secret-7f3a9c2e5b8d1f4a"


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        return "playwright-core is not installed: (cd tests/browser && npm ci)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium is not installed at {CHROMIUM}: apt-get install -y chromium"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


class Lines:
    """The lines a process writes to one pipe, read by a thread, taken with a deadline."""

    def __init__(self, stream: IO[str]) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def next(self, timeout: float, what: str) -> str:
        """The next line, or fail naming ``what`` was awaited."""
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no {what} within {timeout:.0f} s; got {self.seen!r}")
        if line is None:
            pytest.fail(f"the stream ended before {what}; got {self.seen!r}")
        self.seen.append(line)
        return line


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (by /proc parent links)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _gone(pid: int, timeout: float) -> bool:
    """Whether ``pid`` exits within ``timeout`` seconds (a pidfd: no polling)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class Served:
    """A running `jwtscope serve`: its process, its stdout lines and the page's URL."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    def interrupt(self) -> int:
        """Ctrl+C: SIGINT, then its exit code (bounded wait)."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=STOP_S)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    """Start `jwtscope serve ARGS` (stdin: ``stdin``); always stopped afterwards."""
    started: list[subprocess.Popen[str]] = []

    def start(*args: str, stdin: str = "") -> Served:
        env = {k: v for k, v in os.environ.items() if "SECRET" not in k}
        env["JWT_SECRET"] = SECRET
        process = subprocess.Popen(
            [sys.executable, "-m", "jwtscope", "serve", "--port", str(_free_port()), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=env,
        )
        started.append(process)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(stdin)
        process.stdin.close()
        line = Lines(process.stdout).next(START_S, "'the app is at URL' line")
        assert line.startswith("jwtscope serve: the app is at http://127.0.0.1:"), line
        return Served(process, line.rsplit(" ", 1)[1].strip())

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=STOP_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _open_page(url: str, expected: str) -> tuple[subprocess.Popen[str], Lines, dict[str, Any]]:
    browser = subprocess.Popen(
        ["node", str(HERE / "serve_page.mjs"), url, expected, str(int(PAGE_S * 1000))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=HERE,
    )
    assert browser.stdout is not None
    lines = Lines(browser.stdout)
    try:
        result = json.loads(lines.next(PAGE_S + 30, "page result from serve_page.mjs"))
    except BaseException:
        browser.kill()
        browser.wait()
        raise
    return browser, lines, result


def _close_page(browser: subprocess.Popen[str], lines: Lines) -> dict[str, Any]:
    """Let the page script finish: it reports whether the page saw its session end."""
    try:
        assert browser.stdin is not None
        browser.stdin.close()
        return dict(json.loads(lines.next(PAGE_S, "the page's closing line")))
    finally:
        try:
            browser.wait(timeout=STOP_S)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()


def _assert_first_screen(result: dict[str, Any], served: Served, *texts: str) -> None:
    port = served.url.split(":")[2].split("/")[0]
    assert result["found"], result["text"][-2000:]
    for text in texts:
        assert text in result["text"]
    # textual.js wrote the app's bytes to the terminal and revealed it; it fills the page
    assert "-first-byte" in result["bodyClass"].split()
    assert result["terminalBox"]["width"] > 600 and result["terminalBox"]["height"] > 400
    assert result["websocket"].startswith(f"ws://127.0.0.1:{port}/")
    # the page loaded nothing from anywhere else (no web font, no CDN), and showed the warning
    assert result["requests"] and all(
        r.startswith(f"http://127.0.0.1:{port}/") for r in result["requests"]
    )
    assert "127.0.0.1 only" in result["warning"]
    assert result["pageErrors"] == []


def _status(url: str, path: str, **headers: str) -> int:
    """The status of GET ``path`` on the server of ``url``, with ``headers``."""
    port = int(url.split(":")[2].split("/")[0])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PAGE_S)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def _assert_refusals(url: str) -> None:
    """Only the key's page opens; no other Host (DNS rebinding), no other site's websocket."""
    key_path = "/" + url.split("/", 3)[3]
    ws = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13"}
    ws["Sec-WebSocket-Key"] = "dGhlIHNhbXBsZSBub25jZQ=="
    assert _status(url, key_path) == 200
    assert _status(url, "/") == 404
    assert _status(url, "/" + "0" * 32 + "/") == 404
    assert _status(url, key_path, Host="evil.example") == 403
    assert _status(url, key_path + "ws", Origin="http://evil.example", **ws) == 403
    assert _status(url, key_path + "ws", Origin="null", **ws) == 403


def test_demo_in_chromium_then_ctrl_c(serve):
    served = serve()
    browser, lines, result = _open_page(served.url, "SIGNATURE VALID")
    try:
        _assert_first_screen(result, served, "jwtscope — demo", "JWT_SECRET from demo .env")
        _assert_refusals(served.url)
        apps = [p for p in _descendants(served.process.pid) if "jwtscope.cli.serve" in _cmdline(p)]
        assert len(apps) == 1  # the page's own app process
        started = time.monotonic()
        assert served.interrupt() == 0
        stopped_in = time.monotonic() - started
        assert _gone(apps[0], STOP_S)  # the app's process ended with the server
    finally:
        closed = _close_page(browser, lines)
    assert closed == {"closed": True}  # the page says "Session ended"
    assert stopped_in < STOP_S
    err = served.process.stderr.read() if served.process.stderr else ""
    assert "127.0.0.1 only" in err and "jwtscope serve: stopped" in err
    assert "Traceback" not in err


def test_token_from_stdin_reaches_the_app_but_no_command_line(serve):
    token = jwt.encode({"sub": "42", "exp": 4102444800}, SECRET, algorithm="HS256")
    served = serve("tui", "-", "--no-dotenv", stdin=token + "\n")
    browser, lines, result = _open_page(served.url, "SIGNATURE VALID")
    try:
        _assert_first_screen(result, served, "JWT_SECRET from environment")
        processes = [served.process.pid, *_descendants(served.process.pid)]
        assert len(processes) >= 2
        for pid in processes:
            assert token not in _cmdline(pid)
            assert token.split(".")[1] not in _cmdline(pid)
        assert served.interrupt() == 0
    finally:
        _close_page(browser, lines)
