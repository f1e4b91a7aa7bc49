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
    "audience configured from an expression: unknown, not judged": (
        "jwt({ jwt: { audience: process.env.JWT_AUDIENCE } })",
        GOOD_JWKS,
        'algorithms=["EdDSA"], audience="http://localhost:8000"',
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


HS_BACKEND = (
    "import jwt\nfrom app.config import settings\n"
    "def check(t):\n"
    "    return jwt.decode(t, settings.jwt_secret, algorithms=['HS256'])\n"
)


@pytest.mark.parametrize(
    ("env_files", "expected"),
    [
        ({"api/.env": "DATABASE_URL=sqlite://\n"}, [("SECRET-MISSING", "api/app/deps.py:4")]),
        ({}, []),  # no .env at all: the deployment provides the variables
        ({".env": "JWT_SECRET=Zq3v9LmT0pX8wR2nB7kD4sF6hJ1gC5yA\n"}, []),  # a parent's .env
        ({"api/.env.example": "JWT_SECRET=\n"}, []),  # templates are not what the app loads
        ({"web/.env": "JWT_SECRET=Zq3v9LmT0pX8wR2nB7kD4sF6hJ1gC5yA\n"}, []),  # not api's .env
    ],
    ids=["missing", "no env files", "parent defines it", "template only", "other app only"],
)
def test_secret_missing_for_the_backend(tmp_path, env_files, expected):
    (tmp_path / "api" / "app").mkdir(parents=True)
    (tmp_path / "api" / "app" / "deps.py").write_text(HS_BACKEND)
    for rel, text in env_files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    found = [(f.code, f.location) for f in audit_project(tmp_path, git=False).findings]
    missing = [x for x in found if x[0] == "SECRET-MISSING"]
    assert missing == expected


def test_another_apps_env_does_not_define_the_backends_secret(tmp_path):
    # web/.env belongs to another app; api/.env is the backend's and lacks the secret
    (tmp_path / "api").mkdir()
    (tmp_path / "web").mkdir()
    (tmp_path / "api" / "deps.py").write_text(HS_BACKEND)
    (tmp_path / "web" / ".env").write_text("JWT_SECRET=x\n")
    (tmp_path / "api" / ".env").write_text("DEBUG=1\n")
    found = [(f.code, f.location) for f in audit_project(tmp_path, git=False).findings]
    assert ("SECRET-MISSING", "api/deps.py:4") in found


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        ("{ plugins: [jwt()] }", "BETTER_AUTH_URL=http://localhost:3000\n", True),
        ("{ plugins: [jwt()] }", "AUTH_SECRET=Zq3v9LmT0pX8wR2nB7kD4sF6hJ1gC5yA\n", False),
        ("{ secret: process.env.MY_SECRET }", "BETTER_AUTH_SECRET=Zq3v9LmT0pX8wR2nB7kD\n", True),
        ("{ secret: process.env.MY_SECRET }", "MY_SECRET=Zq3v9LmT0pX8wR2nB7kD4sF6hJ1g\n", False),
        ("{ secret: loadSecret() }", "BETTER_AUTH_URL=http://localhost:3000\n", False),
    ],
    ids=["default names unset", "AUTH_SECRET", "own name unset", "own name set", "a call"],
)
def test_secret_missing_for_better_auth(tmp_path, config, env, expected):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "auth.ts").write_text(
        'import { betterAuth } from "better-auth";\n'
        'import { jwt } from "better-auth/plugins";\n'
        f"export const auth = betterAuth({config});\n"
    )
    (tmp_path / "web" / ".env.local").write_text(env)
    found = {(f.code, f.location) for f in audit_project(tmp_path, git=False).findings}
    assert (("SECRET-MISSING", "web/auth.ts:3") in found) is expected


def test_a_second_issuers_jwks_keeps_jwks_decodes_out_of_the_comparison(tmp_path):
    # RS256 keys from Auth0 next to Better Auth's EdDSA: the decode may be for Auth0.
    extra = 'AUTH0_JWKS = "https://tenant.auth0.com/.well-known/jwks.json"\n'
    found = run(tmp_path, "jwt()", GOOD_JWKS, 'algorithms=["RS256"], audience="api"', extra)
    assert found == set()


def test_a_base_url_expression_is_not_replaced_by_a_guess(tmp_path):
    (tmp_path / "auth.ts").write_text(
        'import { betterAuth } from "better-auth";\n'
        'import { jwt } from "better-auth/plugins";\n'
        "export const auth = betterAuth({ baseURL: getBaseUrl(), plugins: [jwt()] });\n"
    )
    (tmp_path / ".env").write_text("BETTER_AUTH_URL=http://localhost:3000\n")
    issuer = audit_project(tmp_path, git=False).issuer
    assert issuer is not None
    assert (issuer.base_url, issuer.jwks_url, issuer.audience) == (None, None, None)
    assert "baseURL is an expression the audit cannot evaluate" in issuer.evidence


def test_no_jwt_plugin_is_fine_when_the_backend_verifies_another_issuers_tokens(tmp_path):
    found = run(tmp_path, "", "https://tenant.auth0.com/.well-known/jwks.json", GOOD_ARGS)
    assert found == set()
