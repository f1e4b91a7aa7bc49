"""Record the HAR fixtures of the HAR triage tests with a real browser (not run by CI).

Run from the repository root, with the dev venv and Debian's chromium installed::

    (cd tests/data/har && npm ci --no-audit --no-fund)   # playwright-core
    python tests/data/har/make_hars.py

Three real servers run on 127.0.0.1 (uvicorn, free ports): the web app (a page, Better
Auth-like sign-in returning ``set-auth-jwt``, a token endpoint ``/api/auth/token``), the
API (FastAPI, CORS for the web app, PyJWT HS256 verification) and a second API without
CORS. For each scenario headless Chromium opens the page, whose script signs in and calls
the API, and ``record.mjs`` saves the HAR. Tokens are signed with :data:`SECRET`, a test
secret (tests verify with it). The scenarios wait a few real seconds for tokens to expire.
"""

from __future__ import annotations

import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path
from typing import Any

import jwt
from fastapi import FastAPI, Header, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from servers.harness import serve  # noqa: E402

SECRET = "har-fixture-secret-5b0c2f7e9d1a4c3b8e6f"
SCENARIOS = (
    "expired",
    "refresh_failed",
    "cors",
    "skew",
    "no_header",
    "refresh_unused",
    "cookie_not_sent",
)
#: The skewed API's clock runs this many seconds ahead.
SKEW = 600

PAGE = """<!doctype html><html><head><title>working</title></head><body><pre id=log></pre>
<script>
const API = "%(api)s", API2 = "%(api2)s", API3 = "%(api3)s", SCENARIO = "%(scenario)s";
const log = (m) => { document.getElementById("log").textContent += m + "\\n"; };
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
async function signIn(lifetime) {
  const r = await fetch("/api/auth/sign-in/email", {method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({email: "jane.doe@example.com", password: "hunter2-fixture",
                          lifetime})});
  return r.headers.get("set-auth-jwt");
}
const call = (base, token) => fetch(base + "/todos",
  {headers: token ? {Authorization: "Bearer " + token} : {}}).then(
  (r) => log(base + " " + r.status), (e) => log(base + " failed " + e));
async function run() {
  if (SCENARIO === "expired") {
    const t = await signIn(2); await call(API, t); await wait(3200); await call(API, t);
  } else if (SCENARIO === "refresh_failed") {
    const t = await signIn(2); await call(API, t); await wait(3200);
    const r = await fetch("/api/auth/token?fail=1"); log("refresh " + r.status);
    await call(API, t);
  } else if (SCENARIO === "cors") {
    const t = await signIn(300); await call(API, t); await call(API2, t);
  } else if (SCENARIO === "skew") {
    const t = await signIn(300); await call(API3, t);
  } else if (SCENARIO === "refresh_unused") {
    const t = await signIn(2); await call(API, t); await wait(3200);
    const r = await fetch("/api/auth/token");
    log("refresh " + r.status + " " + (await r.text()).length);
    await call(API, t);
  } else if (SCENARIO === "cookie_not_sent") {
    await signIn(300);
    const r = await fetch(API + "/me"); log("me " + r.status);
  } else if (SCENARIO === "no_header") {
    let t = await signIn(300); await call(API, t); t = null; await call(API, t);
  }
}
run().finally(() => { document.title = "done"; });
</script></body></html>"""


def _token(lifetime: int, now: float) -> str:
    payload = {
        "sub": "user-7",
        "email": "jane.doe@example.com",
        "name": "Jane Doe",
        "iat": int(now),
        "exp": int(now) + lifetime,
        "iss": "web",
        "aud": "api",
    }
    return jwt.encode(payload, SECRET, algorithm="HS256", headers={"kid": "fixture-1"})


def web_app(urls: dict[str, str]) -> FastAPI:
    """The web app: the page, sign-in and the token endpoint."""
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def page(scenario: str) -> str:
        return PAGE % {**urls, "scenario": scenario}

    @app.post("/api/auth/sign-in/email")
    async def sign_in(request: Request) -> JSONResponse:
        body: dict[str, Any] = await request.json()
        answer = JSONResponse({"user": {"id": "user-7", "email": body["email"]}})
        answer.headers["set-auth-jwt"] = _token(int(body.get("lifetime", 300)), time.time())
        answer.set_cookie(
            "better-auth.session_token",
            "s3ss10n-fixture-opaque-value.sig",
            httponly=True,
            samesite="lax",
        )
        return answer

    @app.get("/api/auth/token")
    def token(fail: int = 0) -> JSONResponse:
        if fail:
            return JSONResponse({"error": "signing key unavailable"}, status_code=500)
        return JSONResponse({"token": _token(300, time.time())})

    return app


def api_app(*, cors_origin: str | None, clock_offset: int = 0) -> FastAPI:
    """The API: ``/todos`` behind an HS256 bearer token, judged by its own clock."""
    app = FastAPI()
    if cors_origin:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[cors_origin],
            allow_headers=["Authorization"],
            allow_methods=["GET"],
        )

    @app.middleware("http")
    async def date(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Date"] = formatdate(time.time() + clock_offset, usegmt=True)
        return response

    @app.get("/todos")
    def todos(authorization: str = Header("")) -> JSONResponse:
        token = authorization.removeprefix("Bearer ").strip()
        if not token:
            return JSONResponse(
                {"detail": "Not authenticated"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        try:
            now = time.time() + clock_offset
            payload = jwt.decode(
                token, SECRET, algorithms=["HS256"], audience="api", options={"verify_exp": False}
            )
            if payload["exp"] <= now:
                raise jwt.ExpiredSignatureError("Signature has expired")
        except jwt.PyJWTError as exc:
            return JSONResponse(
                {"detail": str(exc)},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        return JSONResponse([{"id": 1, "owner": payload["sub"], "title": "buy milk"}])

    @app.get("/me")
    def me(request: Request) -> JSONResponse:
        if not request.cookies.get("better-auth.session_token"):
            return JSONResponse({"detail": "no session cookie"}, status_code=401)
        return JSONResponse({"id": "user-7"})

    return app


def main() -> None:
    """Record every scenario into ``tests/data/har/<scenario>.har``."""
    urls: dict[str, str] = {}
    web = web_app(urls)
    with serve(web, date_header=False) as web_url:
        apis = (
            api_app(cors_origin=web_url),
            api_app(cors_origin=None),
            api_app(cors_origin=web_url, clock_offset=SKEW),
        )
        with (
            serve(apis[0], date_header=False) as api,
            serve(apis[1], date_header=False) as api2,
            serve(apis[2], date_header=False) as api3,
        ):
            urls.update(api=api, api2=api2, api3=api3)
            for scenario in sys.argv[1:] or SCENARIOS:
                out = HERE / f"{scenario}.har"
                subprocess.run(
                    ["node", str(HERE / "record.mjs"), f"{web_url}/?scenario={scenario}", str(out)],
                    check=True,
                    cwd=HERE,
                )
                print(f"wrote {out.relative_to(HERE.parent.parent.parent)}")


if __name__ == "__main__":
    main()
