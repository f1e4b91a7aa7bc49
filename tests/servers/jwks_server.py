"""A FastAPI app that serves a JWKS — and everything a JWKS URL can go wrong with.

Start it with :func:`servers.harness.serve`::

    with serve(create_app(jwks)) as base_url:
        fetch_jwks(f"{base_url}/api/auth/jwks")

Routes:

- ``/api/auth/jwks`` — the given JWKS, where Better Auth serves it;
- ``/.well-known/openid-configuration`` — discovery, ``jwks_uri`` on this same server;
- ``/discovery-other-origin`` — discovery whose ``jwks_uri`` is on another origin;
- ``/discovery-loop`` — discovery whose ``jwks_uri`` is another discovery document;
- ``/html`` — a login page (200, text/html);
- ``/redirect`` — 302 to ``/api/auth/jwks``;
- ``/notfound`` — 404;
- ``/huge`` — ~2 MB of JSON with a Content-Length;
- ``/huge-stream`` — ~2 MB of JSON streamed in chunks, without a Content-Length;
- ``/not-jwks`` — ``{"hello": 1}``;
- ``/bad-json`` — ``{nope`` as text/plain;
- ``/binary`` — bytes that are not UTF-8;
- ``/slow`` — never answers; returns only once the client has hung up;
- ``/single-jwk`` — the first key of the JWKS, as a bare JWK object.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)

__all__ = ["HUGE_BYTES", "LOGIN_PAGE", "OTHER_ORIGIN_JWKS_URI", "create_app"]

HUGE_BYTES = 2_000_000
OTHER_ORIGIN_JWKS_URI = "http://127.0.0.2:9/jwks"
LOGIN_PAGE = (
    "<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
    '<form method="post" action="/api/auth/sign-in/email">'
    '<input name="email"><input name="password" type="password">'
    "<button>Sign in</button></form></body></html>"
)


def create_app(jwks: dict[str, Any]) -> FastAPI:
    """Build the JWKS test app.

    Args:
        jwks: the key set served at ``/api/auth/jwks``.

    Returns:
        A FastAPI app (no docs routes).
    """
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    def base(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    @app.get("/api/auth/jwks")
    def jwks_route() -> JSONResponse:
        return JSONResponse(jwks)

    @app.get("/.well-known/openid-configuration")
    def discovery(request: Request) -> dict[str, Any]:
        return {
            "issuer": base(request),
            "jwks_uri": f"{base(request)}/api/auth/jwks",
            "id_token_signing_alg_values_supported": ["EdDSA"],
        }

    @app.get("/discovery-other-origin")
    def discovery_other_origin(request: Request) -> dict[str, Any]:
        return {"issuer": base(request), "jwks_uri": OTHER_ORIGIN_JWKS_URI}

    @app.get("/discovery-loop")
    def discovery_loop(request: Request) -> dict[str, Any]:
        return {"issuer": base(request), "jwks_uri": "/.well-known/openid-configuration"}

    @app.get("/html")
    def html() -> HTMLResponse:
        return HTMLResponse(LOGIN_PAGE)

    @app.get("/redirect")
    def redirect() -> RedirectResponse:
        return RedirectResponse("/api/auth/jwks", status_code=302)

    @app.get("/notfound")
    def notfound() -> JSONResponse:
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    @app.get("/huge")
    def huge() -> Response:
        return Response(_huge_json(), media_type="application/json")

    @app.get("/huge-stream")
    def huge_stream() -> StreamingResponse:
        body = _huge_json()

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(body), 64 * 1024):
                yield body[start : start + 64 * 1024]

        return StreamingResponse(chunks(), media_type="application/json")

    @app.get("/not-jwks")
    def not_jwks() -> dict[str, Any]:
        return {"hello": 1}

    @app.get("/bad-json")
    def bad_json() -> PlainTextResponse:
        return PlainTextResponse("{nope")

    @app.get("/binary")
    def binary() -> Response:
        return Response(b'{"keys": "\xff\xfe\x81\x00"}', media_type="application/json")

    @app.get("/slow")
    async def slow(request: Request) -> Response:
        # Never answers. The event is set only when the client hangs up (its timeout),
        # so no request task outlives the test and the server stops at once.
        client_gone = asyncio.Event()

        async def watch_disconnect() -> None:
            while (await request.receive())["type"] != "http.disconnect":
                pass
            client_gone.set()

        watcher = asyncio.create_task(watch_disconnect())
        try:
            await client_gone.wait()
        finally:
            watcher.cancel()
        return Response(status_code=204)

    @app.get("/single-jwk")
    def single_jwk() -> JSONResponse:
        return JSONResponse(jwks["keys"][0])

    return app


def _huge_json() -> bytes:
    return b'{"keys": [], "padding": "' + b"x" * HUGE_BYTES + b'"}'
