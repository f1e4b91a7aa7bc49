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


OTHER_SECRET = "another-secret-that-is-not-the-apis-0987"


def _signed_in(tok: str, cookie: str = "") -> dict[str, Any]:
    headers = {"set-auth-jwt": tok}
    if cookie:
        headers["Set-Cookie"] = cookie
    return entry(T0, "POST", f"{WEB}/api/auth/sign-in/email", 200, response_headers=headers)


def refresh_not_used() -> dict[str, Any]:
    """A refresh hands out a new token; the client keeps sending the expired one."""
    old, new = token(T0, 60), token(T0 + 100, 300)
    return har(
        _signed_in(old),
        entry(T0 + 5, "GET", f"{API}/todos", 200, headers=bearer(old), response_headers=CORS_OK),
        entry(T0 + 100, "GET", f"{WEB}/api/auth/token", 200, body=json_body(token=new)),
        entry(T0 + 120, "GET", f"{API}/todos", 401, headers=bearer(old), response_headers=CORS_OK),
    )


def refresh_refused() -> dict[str, Any]:
    """The token endpoint answers 401: the session behind the refresh is gone."""
    tok = token(T0, 60)
    return har(
        _signed_in(tok),
        entry(T0 + 5, "GET", f"{API}/todos", 200, headers=bearer(tok), response_headers=CORS_OK),
        entry(T0 + 90, "GET", f"{WEB}/api/auth/token", 401, body='{"error":"no session"}'),
        entry(T0 + 91, "GET", f"{API}/todos", 401, headers=bearer(tok), response_headers=CORS_OK),
    )


def cookie_not_sent() -> dict[str, Any]:
    """The session cookie was set (SameSite=Lax) but the API call went without it."""
    cookie = (
        "better-auth.session_token=abcdefghijklmnopqrstuvwxyz012345.c2lnbmF0dXJl; "
        "Path=/; HttpOnly; SameSite=Lax"
    )
    return har(
        entry(
            T0,
            "POST",
            f"{WEB}/api/auth/sign-in/email",
            200,
            response_headers={"Set-Cookie": cookie},
        ),
        entry(T0 + 3, "GET", f"{API}/me", 401, headers={"Origin": WEB}, response_headers=CORS_OK),
    )


def no_credential() -> dict[str, Any]:
    """Nobody ever signed in."""
    return har(
        entry(T0, "GET", f"{API}/todos", 401, headers={"Origin": WEB}, response_headers=CORS_OK)
    )


def wrong_key() -> dict[str, Any]:
    """The token is signed with another secret than the API's (SECRET is known)."""
    tok = jwt.encode({"sub": "42", "iat": T0, "exp": T0 + 300}, OTHER_SECRET, algorithm="HS256")
    return har(
        entry(T0 + 1, "GET", f"{API}/todos", 401, headers=bearer(tok), response_headers=CORS_OK)
    )


def valid_refused() -> dict[str, Any]:
    """A valid, verifying token refused anyway (e.g. audience)."""
    tok = token(T0, 300)
    challenge = {
        **CORS_OK,
        "WWW-Authenticate": 'Bearer error="invalid_token", error_description="Invalid audience"',
    }
    return har(
        entry(T0 + 1, "GET", f"{API}/todos", 401, headers=bearer(tok), response_headers=challenge)
    )


def login_redirect() -> dict[str, Any]:
    """The token expired and the app redirects to its login page."""
    tok = token(T0, 60)
    return har(
        entry(T0 + 1, "GET", f"{WEB}/dashboard", 200, headers={"Authorization": f"Bearer {tok}"}),
        entry(
            T0 + 70,
            "GET",
            f"{WEB}/dashboard",
            302,
            headers={"Authorization": f"Bearer {tok}"},
            response_headers={"Location": "/login?next=%2Fdashboard"},
        ),
    )


def not_yet_valid() -> dict[str, Any]:
    """The issuer's clock is ahead: the token's iat is after the request."""
    tok = token(T0 + 30, 300)
    return har(entry(T0, "GET", f"{API}/todos", 401, headers=bearer(tok), response_headers=CORS_OK))


def api_500() -> dict[str, Any]:
    """The API fails with a valid token."""
    tok = token(T0, 300)
    return har(
        entry(T0 + 1, "GET", f"{API}/todos", 500, headers=bearer(tok), response_headers=CORS_OK)
    )


def all_good() -> dict[str, Any]:
    """Nothing fails."""
    tok = token(T0, 300)
    return har(
        _signed_in(tok),
        *(
            entry(T0 + i, "GET", f"{API}/todos", 200, headers=bearer(tok), response_headers=CORS_OK)
            for i in range(1, 30)
        ),
    )


def json_body(**values: Any) -> str:
    """A JSON response body."""
    import json

    return json.dumps(values)


def null_bearer() -> dict[str, Any]:
    """The app lost its token and sends ``Bearer null``."""
    tok = token(T0, 300)
    return har(
        _signed_in(tok),
        entry(T0 + 5, "GET", f"{API}/todos", 200, headers=bearer(tok), response_headers=CORS_OK),
        entry(T0 + 9, "GET", f"{API}/todos", 401, headers=bearer("null"), response_headers=CORS_OK),
    )


def sign_in_refused() -> dict[str, Any]:
    """Wrong password: the sign-in answers 401, nothing else happens."""
    return har(entry(T0, "POST", f"{WEB}/api/auth/sign-in/email", 401, body='{"code":"INVALID"}'))


def token_in_json_text() -> dict[str, Any]:
    """A token endpoint answers with the token inside a longer string."""
    old, new = token(T0, 60), token(T0 + 100, 300)
    return har(
        _signed_in(old),
        entry(T0 + 5, "GET", f"{API}/todos", 200, headers=bearer(old), response_headers=CORS_OK),
        entry(
            T0 + 100, "GET", f"{WEB}/api/auth/token", 200, body=json_body(header=f"Bearer {new}")
        ),
        entry(T0 + 120, "GET", f"{API}/todos", 401, headers=bearer(old), response_headers=CORS_OK),
    )
