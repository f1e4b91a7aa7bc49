"""The app in a browser (`jwtscope serve`): textual-serve's server on 127.0.0.1 only, each
page load running the app in its own process; the page and its websocket live under a
random key of this run, the Host and Origin headers are checked (no other site, no DNS
rebinding), and the page loads nothing from anywhere else.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

__all__ = ["LOOPBACK", "PAGE_WARNING", "LocalServer"]

#: The one address jwtscope serves on.
LOOPBACK = "127.0.0.1"

#: The line at the top of the page.
PAGE_WARNING = (
    "jwtscope on 127.0.0.1 only: what you paste here goes from this browser to the local "
    "jwtscope process over a local websocket. Close the tab and stop the server when done."
)

_PAGE = Path(__file__).parent / "web_page"
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class LocalServer(Server):
    """textual-serve's ``Server``, bound to 127.0.0.1, its app under ``/KEY/``.

    Args:
        command: the shell command that runs the app (it holds no token).
        port: the TCP port on 127.0.0.1.
        key: this run's random key; the page is ``http://127.0.0.1:PORT/KEY/``.
        on_ready: called with the page's URL once the port is bound.
    """

    def __init__(
        self, command: str, *, port: int, key: str, on_ready: Callable[[str], None]
    ) -> None:
        super().__init__(command, host=LOOPBACK, port=port, title="jwtscope", templates_path=_PAGE)
        self._key = key
        self._on_ready = on_ready
        self._hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}"}
        self._sockets: set[web.WebSocketResponse] = set()

    @property
    def page_url(self) -> str:
        """The URL to open: the only one that serves the app."""
        return f"{self.public_url}/{self._key}/"

    def initialize_logging(self) -> None:
        """Warnings and errors only, plainly (no access log: it would print the key)."""
        logging.basicConfig(level=logging.WARNING, format="jwtscope serve: %(message)s")
        logging.getLogger("aiohttp.access").setLevel(logging.ERROR)

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._local_only])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self._handle_root),
                web.get(f"/{self._key}/", self._handle_page, name="index"),
                web.get(f"/{self._key}/ws", self._handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT (Ctrl+C) or SIGTERM; then close every page and its app.

        Raises:
            OSError: the port cannot be bound (taken, or not allowed).
        """
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False, shutdown_timeout=5)
        await runner.setup()
        try:
            await web.TCPSite(runner, LOOPBACK, self.port).start()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            self._on_ready(self.page_url)
            await stop.wait()
        finally:
            await runner.cleanup()

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every open page: each one's handler then stops its app."""
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

    async def _handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One page, one app process, fed the page's keys and resizes (as textual-serve)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _bounded(request.query.get("width", ""), 80, 20, 1000)
        height = _bounded(request.query.get("height", ""), 24, 5, 1000)
        await websocket.prepare(request)
        self._sockets.add(websocket)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (ValueError, AssertionError, KeyError, TypeError):
            logging.getLogger(__name__).warning("a page sent a malformed message; closed")
        finally:
            self._sockets.discard(websocket)
            await websocket.close()
            await _stop_app(service)
        return websocket

    @web.middleware
    async def _local_only(self, request: web.Request, handler: _Handler) -> web.StreamResponse:
        """Refuse another Host (DNS rebinding) and a websocket opened by another origin."""
        if request.headers.get("Host", "") not in self._hosts:
            raise web.HTTPForbidden(text="jwtscope serve: this Host is not served\n")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in {f"http://{h}" for h in self._hosts}:
            raise web.HTTPForbidden(text="jwtscope serve: another site may not open the app\n")
        return await handler(request)

    async def _handle_root(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPNotFound(
            text="jwtscope serve: open the full URL printed in the terminal (it holds the "
            "key of this run)\n"
        )

    async def _handle_page(self, request: web.Request) -> web.StreamResponse:
        """The page: textual-serve's terminal, its websocket under the key."""
        router = request.app.router
        font_size = _bounded(request.query.get("fontsize", ""), 16, 8, 40)
        static = f"{self.public_url}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        ws_url = "ws:" + f"{self.public_url}{router['websocket'].url_for()}".split(":", 1)[1]
        context: dict[str, Any] = {
            "font_size": font_size,
            "app_websocket_url": ws_url,
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
            "origin": self.public_url,
            "websocket_origin": "ws:" + self.public_url.split(":", 1)[1],
            "warning": PAGE_WARNING,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


async def _stop_app(service: AppService) -> None:
    """Ask the app to quit; kill it when it has not within 10 s."""
    try:
        await asyncio.wait_for(service.stop(), timeout=10)
    except TimeoutError:
        process = service._process
        if process is not None and process.returncode is None:
            process.kill()
            await process.wait()


def _bounded(text: str, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(text), low), high)
    except ValueError:
        return default
