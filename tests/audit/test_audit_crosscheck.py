"""Frontend against backend on small two-folder projects: each cross-check and its near-misses."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from jwtscope.audit import audit_project

AUTH_TS = """
import { betterAuth } from "better-auth";
import { jwt } from "better-auth/plugins";
export const auth = betterAuth({
  baseURL: "http://localhost:3000",
  plugins: [%s],
});
"""
DECODE = """
import jwt
from fastapi import Depends
from fastapi.security import HTTPBearer
bearer = HTTPBearer()
JWKS = "%s"
client = jwt.PyJWKClient(JWKS)
def user(creds=Depends(bearer)):
    key = client.get_signing_key_from_jwt(creds.credentials).key
    return jwt.decode(creds.credentials, key, %s)
"""
GOOD_ARGS = 'algorithms=["EdDSA"], audience="http://localhost:3000"'
GOOD_JWKS = "http://localhost:3000/api/auth/jwks"


def run(
    tmp_path: Path, plugin: str, jwks: str, args: str, extra: str = ""
) -> set[tuple[str, str, int]]:
    (tmp_path / "web").mkdir()
    (tmp_path / "api").mkdir()
    (tmp_path / "web" / "auth.ts").write_text(textwrap.dedent(AUTH_TS % plugin).lstrip())
    (tmp_path / "api" / "auth.py").write_text(
        textwrap.dedent(DECODE % (jwks, args)).lstrip() + extra
    )
    result = audit_project(tmp_path, git=False)
    return {(f.code, f.path, f.line) for f in result.findings}


CASES = {
    "all agree": ("jwt()", GOOD_JWKS, GOOD_ARGS, set()),
    "ES256 configured, EdDSA pinned": (
        'jwt({ jwks: { keyPairConfig: { alg: "ES256" } } })',
        GOOD_JWKS,
        GOOD_ARGS,
        {("CAUSE-ALG-MISMATCH", "api/auth.py", 9)},
    ),
    "ES256 configured and pinned": (
        'jwt({ jwks: { keyPairConfig: { alg: "ES256" } } })',
        GOOD_JWKS,
        'algorithms=["ES256"], audience="http://localhost:3000"',
        set(),
    ),
    "audience is the API's own URL": (
        "jwt()",
        GOOD_JWKS,
        'algorithms=["EdDSA"], audience="http://localhost:8000"',
        {("CAUSE-AUDIENCE", "api/auth.py", 9)},
    ),
    "configured audience": (
        'jwt({ jwt: { audience: "notes-api" } })',
        GOOD_JWKS,
        'algorithms=["EdDSA"], audience="notes-api"',
        set(),
    ),
    "issuer differs": (
        "jwt()",
        GOOD_JWKS,
        GOOD_ARGS + ', issuer="https://auth.example.com"',
        {("CAUSE-ISSUER", "api/auth.py", 9)},
    ),
    "no audience for Better Auth tokens": (
        "jwt()",
        GOOD_JWKS,
        'algorithms=["EdDSA"]',
        {("AUDIT-DECODE-NO-AUDIENCE", "api/auth.py", 9)},
    ),
    "JWKS path wrong on the Better Auth origin": (
        "jwt()",
        "http://localhost:3000/.well-known/jwks.json",
        GOOD_ARGS,
        {("AUDIT-JWKS-URL-MISMATCH", "api/auth.py", 5)},
    ),
    "another issuer's JWKS is not Better Auth's business": (
        "jwt()",
        "https://tenant.auth0.com/.well-known/jwks.json",
        GOOD_ARGS,
        set(),
    ),
    "custom jwksPath": (
        'jwt({ jwks: { jwksPath: "/keys" } })',
        "http://localhost:3000/api/auth/keys",
        GOOD_ARGS,
        set(),
    ),
    "no jwt() plugin while the backend decodes JWTs": (
        "",
        GOOD_JWKS,
        GOOD_ARGS,
        {("AUDIT-BA-NO-JWT-PLUGIN", "web/auth.ts", 3)},
    ),
}


@pytest.mark.parametrize(("plugin", "jwks", "args", "expected"), CASES.values(), ids=CASES.keys())
def test_crosscheck(tmp_path, plugin, jwks, args, expected):
    assert run(tmp_path, plugin, jwks, args) == expected


def test_the_backends_own_hs256_tokens_are_not_held_against_better_auth(tmp_path):
    own = textwrap.dedent(
        """
        SECRET = __import__("os").environ["JWT_SECRET"]
        def mint(sub):
            return jwt.encode({"sub": sub}, SECRET, algorithm="HS256")
        def check(token):
            return jwt.decode(token, SECRET, algorithms=["HS256"])
        """
    )
    assert run(tmp_path, "jwt()", GOOD_JWKS, GOOD_ARGS, extra=own) == set()


COOKIE_API = """
import httpx
from fastapi import Depends, FastAPI, HTTPException, Request
app = FastAPI()
async def session_user(request: Request) -> dict:
    async with httpx.AsyncClient() as client:
        r = await client.get(
            "http://localhost:3000/api/auth/get-session",
            headers={"cookie": request.headers.get("cookie", "")},
        )
    if r.status_code != 200:
        raise HTTPException(401, "Not signed in")
    return r.json()["user"]
@app.get("/notes")
async def notes(user: dict = Depends(session_user)) -> list:
    return []
@app.get("/health")
async def health() -> dict:
    return {}
"""
FETCHES = """
const API_URL = process.env.NEXT_PUBLIC_API_URL;
export const a = () => fetch(`${API_URL}/notes`, { headers: { Authorization: "Bearer x" } });
export const b = () => fetch(`${API_URL}/notes`, { credentials: "include" });
export const c = () => fetch(`${API_URL}/health`);
export const d = () => fetch(`${API_URL}/billing/charge`);
"""


def test_cookie_routes_need_credentials_from_a_cross_origin_fetch(tmp_path):
    (tmp_path / "api.py").write_text(COOKIE_API.lstrip())
    (tmp_path / "client.ts").write_text(FETCHES.lstrip())
    result = audit_project(tmp_path, git=False)
    (finding,) = result.findings
    assert (finding.code, finding.location) == ("AUDIT-FETCH-NO-AUTH", "client.ts:2")
    assert "credentials: 'include'" in finding.detail and "session cookie" in finding.detail
