"""Hand-made HAR documents for the HAR triage tests: a fixed clock, real HS256 tokens."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import jwt

SECRET = "har-test-secret-0123456789abcdef-xyz"
#: 2026-11-24T12:00:00Z, the start of every hand-made session.
T0 = 1795521600
API = "http://127.0.0.1:8000"
WEB = "http://127.0.0.1:3000"


def token(iat: int, lifetime: int = 300, **claims: Any) -> str:
    """An HS256 token signed with :data:`SECRET`."""
    payload = {"sub": "42", "iat": iat, "exp": iat + lifetime, "iss": WEB, "aud": WEB, **claims}
    return jwt.encode(payload, SECRET, algorithm="HS256", headers={"kid": "k1"})


def iso(ts: float) -> str:
    """``startedDateTime`` for an epoch time."""
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def entry(
    at: float,
    method: str,
    url: str,
    status: int,
    *,
    headers: dict[str, str] | None = None,
    response_headers: dict[str, str] | None = None,
    body: str | None = None,
    post: dict[str, Any] | None = None,
    server_at: float | None = None,
    error: str | None = None,
) -> dict[str, Any]:
    """One HAR entry; the response ``Date`` is ``server_at`` (default: ``at``)."""
    rh = {
        "Date": format_datetime(
            datetime.fromtimestamp(server_at if server_at is not None else at, UTC), usegmt=True
        )
    }
    rh.update(response_headers or {})
    out: dict[str, Any] = {
        "startedDateTime": iso(at),
        "time": 12.5,
        "request": {
            "method": method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": k, "value": v} for k, v in (headers or {}).items()],
            "cookies": [],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": k, "value": v} for k, v in rh.items()],
            "cookies": [],
            "content": {
                "size": len(body or ""),
                "mimeType": "application/json",
                "text": body or "",
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": -1,
        },
        "cache": {},
        "timings": {"send": 0, "wait": 10, "receive": 2.5},
    }
    if post is not None:
        out["request"]["postData"] = post
    if error:
        out["_error"] = error
    return out


def har(*entries: dict[str, Any]) -> dict[str, Any]:
    """A HAR document."""
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "jwtscope-tests", "version": "1"},
            "pages": [],
            "entries": list(entries),
        }
    }


def bearer(tok: str) -> dict[str, str]:
    """Request headers carrying ``tok`` cross-origin from the web app."""
    return {"Authorization": f"Bearer {tok}", "Origin": WEB}


CORS_OK = {"Access-Control-Allow-Origin": WEB, "Content-Type": "application/json"}


def expired_session() -> tuple[dict[str, Any], str]:
    """Sign in, two accepted calls, the token expires, no refresh, 401."""
    tok = token(T0, 300)
    return har(
        entry(
            T0,
            "POST",
            f"{WEB}/api/auth/sign-in/email",
            200,
            post={"mimeType": "application/json", "text": '{"email":"a@b.c","password":"pw-1"}'},
            response_headers={"set-auth-jwt": tok},
        ),
        entry(T0 + 10, "GET", f"{API}/todos", 200, headers=bearer(tok), response_headers=CORS_OK),
        entry(T0 + 200, "GET", f"{API}/todos", 200, headers=bearer(tok), response_headers=CORS_OK),
        entry(
            T0 + 400,
            "GET",
            f"{API}/todos",
            401,
            headers=bearer(tok),
            response_headers={**CORS_OK, "WWW-Authenticate": 'Bearer error="invalid_token"'},
            body='{"detail":"Token expired"}',
        ),
    ), tok
