"""A careless FastAPI backend that echoes credentials: the canary-leak tests' server.

It verifies HS256 bearer tokens with PyJWT like any tutorial API, but every answer puts
back what it should not: the ``Authorization`` header it received (in the JSON body and
an ``X-Debug-Auth`` header) and its own secret, as typed, base64 and hex. Whatever
jwtscope prints after talking to it must show none of that. It records every
``Authorization`` value it received, so a test knows the signatures of the tokens
jwtscope minted with the secret.

Routes::

    GET  /todos           200 {"todos": [], "you_sent": AUTH, ...} for a valid token,
                          else 401 {"detail": "Invalid token: AUTH", "debug": {...}}
    POST /todos           the same check; 201 with the echo
    GET  /todos/{id}      the same check; 404 with the echo
    GET  /deep            401 with a JSON body nested 600 levels deep
"""

# No ``from __future__ import annotations``: FastAPI reads the annotations at run time.
import base64
import binascii
from typing import Any

import jwt
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

__all__ = ["echo_backend"]


def _echo(secret: str, auth: str) -> dict[str, Any]:
    raw = secret.encode()
    return {
        "secret": secret,
        "secret_b64": base64.b64encode(raw).decode(),
        "secret_b64url": base64.urlsafe_b64encode(raw).decode().rstrip("="),
        "secret_hex": binascii.hexlify(raw).decode(),
        "authorization": auth,
    }


def echo_backend(secret: str, received: list[str]) -> FastAPI:
    """The echoing API; every ``Authorization`` value it gets is appended to ``received``."""
    app = FastAPI()

    def answer(request: Request, ok_status: int) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        received.append(auth)
        headers = {"X-Debug-Auth": auth or "none", "WWW-Authenticate": f'Bearer error="{auth}"'}
        token = auth.removeprefix("Bearer ").strip()
        try:
            claims = jwt.decode(token, secret, algorithms=["HS256"], options={"verify_aud": False})
        except jwt.InvalidTokenError as exc:
            body = {
                "detail": f"Invalid token: {auth} ({exc}; key {secret})",
                "debug": _echo(secret, auth),
            }
            return JSONResponse(body, status_code=401, headers=headers)
        body = {
            "todos": [],
            "you_sent": auth,
            "sub": claims.get("sub"),
            "debug": _echo(secret, auth),
        }
        return JSONResponse(body, status_code=ok_status, headers=headers)

    @app.get("/todos")
    def list_todos(request: Request) -> JSONResponse:
        return answer(request, 200)

    @app.post("/todos")
    def create_todo(request: Request) -> JSONResponse:
        return answer(request, 201)

    @app.get("/todos/{todo_id}")
    def get_todo(request: Request, todo_id: str) -> JSONResponse:
        return answer(request, 404)

    @app.get("/deep")
    def deep(request: Request) -> Response:
        received.append(request.headers.get("authorization", ""))
        body = '{"detail":' + "[" * 600 + "]" * 600 + "}"
        return Response(body, status_code=401, media_type="application/json")

    return app
