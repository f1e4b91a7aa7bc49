"""Values the project's configuration supplies by default: a ``.env.example`` origin list
feeding CORS, an auth dependency's path whitelist defaulted from the environment, an
auth dependency that lets everything through until accounts are configured, and routers
built as instance attributes (``self.router``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from jwtscope.audit import AuditResult, RouteStatus, audit_project

Files = dict[str, str]


def run(tmp_path: Path, files: Files) -> AuditResult:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return audit_project(tmp_path, git=False)


def codes(result: AuditResult) -> set[tuple[str, str, int]]:
    return {(f.code, f.path, f.line) for f in result.findings}


_CORS_MAIN = """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from app.config import settings
app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=[str(origin) for origin in settings.BACKEND_CORS_ORIGINS],
    allow_credentials=True,
)
"""
_CORS_SETTINGS = """
from pydantic_settings import BaseSettings
class Settings(BaseSettings):
    BACKEND_CORS_ORIGINS: list[str]
settings = Settings()
"""


def test_cors_origins_from_the_example_env_file_are_the_documented_default(tmp_path):
    result = run(
        tmp_path,
        {
            ".env.example": 'DEBUG=1\nBACKEND_CORS_ORIGINS=["*"]\n',
            "app/config.py": _CORS_SETTINGS,
            "app/main.py": _CORS_MAIN,
        },
    )
    assert ("AUDIT-CORS-WILDCARD-CREDENTIALS", "app/main.py", 5) in codes(result)
    finding = next(f for f in result.findings if f.code == "AUDIT-CORS-WILDCARD-CREDENTIALS")
    assert ".env.example:2" in finding.detail
    assert "documented default" in finding.detail


def test_a_real_env_file_wins_over_the_example(tmp_path):
    result = run(
        tmp_path,
        {
            ".env": "BACKEND_CORS_ORIGINS=https://app.example.com,http://localhost:3000\n",
            ".env.example": 'BACKEND_CORS_ORIGINS=["*"]\n',
            "app/config.py": _CORS_SETTINGS,
            "app/main.py": _CORS_MAIN,
        },
    )
    assert not any(f.code.startswith("AUDIT-CORS") for f in result.findings)


def test_a_comprehension_that_filters_is_not_followed(tmp_path):
    main = _CORS_MAIN.replace(
        "for origin in settings.BACKEND_CORS_ORIGINS]",
        "for origin in settings.BACKEND_CORS_ORIGINS if origin != '*']",
    )
    result = run(
        tmp_path,
        {
            ".env.example": 'BACKEND_CORS_ORIGINS=["*"]\n',
            "app/config.py": _CORS_SETTINGS,
            "app/main.py": main,
        },
    )
    assert not any(f.code.startswith("AUDIT-CORS") for f in result.findings)


_GATED_AUTH = """
import os
from fastapi import HTTPException, Request, Security
from fastapi.security import OAuth2PasswordBearer
import jwt

WHITELIST = os.getenv("WHITELIST_PATHS", "/health,/api/*")
patterns = []
for entry in WHITELIST.split(","):
    patterns.append(entry.strip())
ACCOUNTS = os.getenv("AUTH_ACCOUNTS", "")
auth_configured = bool(ACCOUNTS)


def is_whitelisted(path):
    return any(path.startswith(p.rstrip("*")) for p in patterns)


def get_auth_dependency(api_key=None):
    scheme = OAuth2PasswordBearer(tokenUrl="login", auto_error=False)
    api_key_configured = bool(api_key)

    async def dependency(request: Request, token: str = Security(scheme)):
        if is_whitelisted(request.url.path):
            return
        if not auth_configured and not api_key_configured:
            return
        if not token:
            raise HTTPException(status_code=401)
        jwt.decode(token, "k", algorithms=["HS256"])

    return dependency
"""

_OLLAMA = """
from fastapi import APIRouter, Depends
from app.auth import get_auth_dependency


class OllamaAPI:
    def __init__(self, api_key=None):
        self.api_key = api_key
        self.router = APIRouter(tags=["ollama"])
        self.setup_routes()

    def setup_routes(self):
        combined_auth = get_auth_dependency(self.api_key)

        @self.router.get("/version", dependencies=[Depends(combined_auth)])
        async def version():
            return {}

        @self.router.post("/generate", dependencies=[Depends(combined_auth)])
        async def generate():
            return {}
"""

_SERVER = """
from fastapi import Depends, FastAPI
from app.auth import get_auth_dependency
from app.ollama import OllamaAPI


def create_app(api_key):
    app = FastAPI()
    combined_auth = get_auth_dependency(api_key)

    @app.get("/graphs", dependencies=[Depends(combined_auth)])
    async def graphs():
        return []

    ollama_api = OllamaAPI(api_key=api_key)
    app.include_router(ollama_api.router, prefix="/api")
    return app
"""


def _gated(tmp_path: Path, auth: str = _GATED_AUTH) -> AuditResult:
    return run(
        tmp_path,
        {"app/auth.py": auth, "app/ollama.py": _OLLAMA, "app/server.py": _SERVER},
    )


def _table(result: AuditResult) -> dict[tuple[str, str], RouteStatus]:
    return {(r.method, r.path): r.status for r in result.routes}


def test_an_instance_attribute_router_is_placed_under_its_include_prefix(tmp_path):
    table = _table(_gated(tmp_path))
    assert ("GET", "/api/version") in table
    assert ("POST", "/api/generate") in table
    assert not any("{" in path for _, path in table)


def test_the_default_whitelist_and_the_auth_switch_decide_under_the_default_config(tmp_path):
    result = _gated(tmp_path)
    table = _table(result)
    assert table["GET", "/api/version"] is RouteStatus.PUBLIC
    assert table["POST", "/api/generate"] is RouteStatus.UNPROTECTED
    assert table["GET", "/graphs"] is RouteStatus.UNKNOWN
    graphs = next(r for r in result.routes if r.path == "/graphs")
    assert graphs.reason.startswith("depends on configuration")
    assert "auth_configured" in graphs.reason
    generate = next(r for r in result.routes if r.path == "/api/generate")
    assert "WHITELIST_PATHS defaults to '/health,/api/*'" in generate.reason
    assert codes(result) >= {
        ("AUDIT-AUTH-WHITELIST-DEFAULT", "app/auth.py", 6),
        ("AUDIT-AUTH-DISABLED-BY-DEFAULT", "app/auth.py", 25),
        ("AUDIT-ROUTE-UNPROTECTED", "app/ollama.py", 18),
    }


def test_near_miss_a_dependency_that_always_checks_stays_protected(tmp_path):
    switch = "        if not auth_configured and not api_key_configured:\n            return\n"
    strict = _GATED_AUTH.replace(
        "        if is_whitelisted(request.url.path):\n            return\n", ""
    ).replace(switch, "")
    result = _gated(tmp_path, strict)
    assert set(_table(result).values()) == {RouteStatus.PROTECTED}
    assert not any(f.code.startswith("AUDIT-AUTH-") for f in result.findings)


def test_near_miss_a_whitelist_without_wildcards_exempts_only_its_paths(tmp_path):
    narrow = _GATED_AUTH.replace('"/health,/api/*"', '"/health"').replace(
        "        if not auth_configured and not api_key_configured:\n            return\n", ""
    )
    result = _gated(tmp_path, narrow)
    assert set(_table(result).values()) == {RouteStatus.PROTECTED}
    assert not any(f.code.startswith("AUDIT-AUTH-") for f in result.findings)


_PEEK = """
import logging
import jwt

logger = logging.getLogger(__name__)


def verify(token, key):
    unverified = jwt.decode(token, options={"verify_signature": False})
    audience = unverified.get("aud")
    logger.info(f"token for {audience}")
    return {USE}jwt.decode(token, key, algorithms=["EdDSA"], audience="api")
"""


def test_a_claim_read_into_a_local_that_is_only_logged_is_a_peek(tmp_path):
    result = run(tmp_path, {"app/auth.py": _PEEK.replace("{USE}", "")})
    assert not any(f.code == "AUDIT-DECODE-NO-VERIFY" for f in result.findings)


def test_near_miss_the_unverified_claim_leaves_the_function(tmp_path):
    used = _PEEK.replace("{USE}", "audience or ")
    result = run(tmp_path, {"app/auth.py": used})
    assert ("AUDIT-DECODE-NO-VERIFY", "app/auth.py", 8) in codes(result)


_MIDDLEWARE = """
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware
from app.config import PUBLIC_ROUTES


class AuthMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, excluded_paths=None):
        super().__init__(app)
        self.excluded_paths = excluded_paths or PUBLIC_ROUTES

    async def dispatch(self, request, call_next):
        if request.url.path in self.excluded_paths:
            return await call_next(request)
        if not request.headers.get("Authorization"):
            return JSONResponse(status_code=401, content={})
        return await call_next(request)


app = FastAPI()
app.add_middleware(AuthMiddleware{OPTIONS})


@app.get("/health")
def health():
    return {}


@app.get("/tasks")
def tasks():
    return []
"""


def test_a_middleware_option_falls_back_to_its_default_constant(tmp_path):
    files = {
        "app/config.py": 'PUBLIC_ROUTES: set[str] = {"/", "/health"}\n',
        "app/main.py": _MIDDLEWARE.replace("{OPTIONS}", ""),
    }
    table = _table(run(tmp_path, files))
    assert table["GET", "/health"] is RouteStatus.PUBLIC
    assert table["GET", "/tasks"] is RouteStatus.PROTECTED


def test_an_option_given_wins_over_the_default(tmp_path):
    files = {
        "app/config.py": 'PUBLIC_ROUTES: set[str] = {"/", "/health"}\n',
        "app/main.py": _MIDDLEWARE.replace("{OPTIONS}", ', excluded_paths={"/tasks"}'),
    }
    table = _table(run(tmp_path, files))
    assert table["GET", "/health"] is RouteStatus.PROTECTED
    assert table["GET", "/tasks"] is RouteStatus.PUBLIC
