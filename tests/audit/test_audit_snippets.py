"""Table tests: each audit code on a small source, and the near misses that must stay silent.

Every case is a tiny project written to a temporary folder (``app.py`` unless it names
its files) and the exact set of ``(code, file, line)`` the audit must return. The silent
cases matter as much: a false positive is a defect.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from jwtscope.audit import AuditResult, RouteStatus, audit_project
from jwtscope.core.findings import Severity

Files = dict[str, str]


def run(tmp_path: Path, files: Files | str, public: tuple[str, ...] = ()) -> AuditResult:
    if isinstance(files, str):
        files = {"app.py": files}
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return audit_project(tmp_path, public=public)


def found(result: AuditResult) -> set[tuple[str, str, int]]:
    return {(f.code, f.path, f.line) for f in result.findings}


def at(code: str, line: int, path: str = "app.py") -> tuple[str, str, int]:
    return (code, path, line)


# --- PyJWT / python-jose ----------------------------------------------------------------

DECODE_CASES = {
    "no algorithms": (
        """
        import jwt
        def f(t, k):
            return jwt.decode(t, k)
        """,
        {at("AUDIT-DECODE-NO-ALGORITHMS", 3)},
    ),
    "from-import, aliased module": (
        """
        import jwt as pyjwt
        from jwt import decode
        def f(t, k):
            decode(t, k)
            return pyjwt.decode_complete(t, k)
        """,
        {at("AUDIT-DECODE-NO-ALGORITHMS", 4), at("AUDIT-DECODE-NO-ALGORITHMS", 5)},
    ),
    "algorithms=None, and verification off through an options constant": (
        """
        import jwt
        LAX = {"verify_signature": False}
        def f(t, k):
            jwt.decode(t, k, algorithms=None)
            return jwt.decode(t, k, algorithms=["HS256"], options=LAX)
        """,
        {at("AUDIT-DECODE-NO-ALGORITHMS", 4), at("AUDIT-DECODE-NO-VERIFY", 5)},
    ),
    "algorithms given positionally, or hidden in **kwargs": (
        """
        import jwt
        OPTS = {"algorithms": ["HS256"]}
        def f(t, k):
            jwt.decode(t, k, ["HS256"])
            return jwt.decode(t, k, **OPTS)
        """,
        set(),
    ),
    "authlib and a project module named jwt are not PyJWT": (
        """
        from authlib.jose import jwt
        from app import jwt as local_jwt
        def f(t, k):
            local_jwt.decode(t, k)
            return jwt.decode(t, k)
        """,
        set(),
    ),
    "verify=False (PyJWT 1) and verify_signature False": (
        """
        import jwt
        def f(t):
            jwt.decode(t, verify=False)
            return jwt.decode(t, "", options={"verify_signature": False}, algorithms=["HS256"])
        """,
        {at("AUDIT-DECODE-NO-VERIFY", 3), at("AUDIT-DECODE-NO-VERIFY", 4)},
    ),
    "verify_exp off": (
        """
        import jwt
        def f(t, k):
            return jwt.decode(t, k, algorithms=["RS256"], options={"verify_exp": False})
        """,
        {at("AUDIT-DECODE-NO-EXP", 3)},
    ),
    "none allowed through a constant of another module": (
        {
            "settings.py": 'ALGORITHMS = ["HS256", "None"]\n',
            "app.py": """
            import jwt
            from settings import ALGORITHMS
            def f(t, k):
                return jwt.decode(t, k, algorithms=ALGORITHMS)
            """,
        },
        {at("AUDIT-ALG-NONE-ALLOWED", 4)},
    ),
    "HS mixed with EdDSA; one family is fine": (
        """
        import jwt
        ALG = "HS256"
        def f(t, k):
            jwt.decode(t, k, algorithms=[ALG, "EdDSA"])
            jwt.decode(t, k, algorithms=["RS256", "ES256", "PS256"])
            return jwt.decode(t, k, algorithms=["HS256", "HS512"])
        """,
        {at("AUDIT-ALG-MIXED", 4)},
    ),
    "python-jose with EdDSA tokens": (
        """
        from jose import jwt
        def f(t, k):
            return jwt.decode(t, k, algorithms=["EdDSA"], audience="api")
        """,
        {at("AUDIT-JOSE-EDDSA", 3)},
    ),
    "python-jose pinned to RS256 is fine even where EdDSA appears": (
        """
        from jose import jwt
        OTHER_ISSUER_ALG = "EdDSA"
        def f(t, k):
            return jwt.decode(t, k, algorithms=["RS256"], audience="api")
        """,
        set(),
    ),
    "python-jose with HS256 tokens is fine": (
        """
        from jose import jwt
        def f(t, k):
            return jwt.decode(t, k, algorithms=["HS256"])
        """,
        set(),
    ),
    "python-jose and an OKP JWKS file in the project": (
        {
            "keys/jwks.json": '{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "abc"}]}',
            "app.py": """
            import jose.jwt
            def f(t, k):
                return jose.jwt.decode(t, k, algorithms=["RS256", "EdDSA"][:1])
            """,
        },
        {at("AUDIT-JOSE-EDDSA", 3)},
    ),
    "no audience is only a problem when the issuer is Better Auth": (
        """
        import jwt
        def f(t, k):
            return jwt.decode(t, k, algorithms=["EdDSA"])
        """,
        set(),
    ),
    "Better Auth issuer (env name) and no audience": (
        """
        import os
        import jwt
        ORIGIN = os.environ["BETTER_AUTH_URL"]
        def f(t, k):
            jwt.decode(t, k, algorithms=["HS256"])
            return jwt.decode(t, k, algorithms=["EdDSA"], options={"verify_aud": False})
        """,
        {at("AUDIT-DECODE-NO-AUDIENCE", 6)},
    ),
    "Better Auth issuer (.env) and BETTER_AUTH_SECRET as the HMAC key": (
        {
            ".env": "BETTER_AUTH_SECRET=Zq3v9LmT0pX8wR2nB7kD4sF6hJ1gC5yA0eU3iO9tQ2M=\n",
            "app.py": """
            import os
            import jwt
            def f(t):
                return jwt.decode(t, os.getenv("BETTER_AUTH_SECRET"), algorithms=["HS256"])
            """,
        },
        {at("AUDIT-DECODE-BA-SECRET", 4)},
    ),
    "BETTER_AUTH_SECRET read into a module-level constant first": (
        """
        import os
        import jwt
        SECRET = os.environ["BETTER_AUTH_SECRET"]
        KEY = SECRET
        def f(t):
            return jwt.decode(t, KEY, algorithms=["HS256"])
        """,
        {at("AUDIT-DECODE-BA-SECRET", 6)},
    ),
    "BETTER_AUTH_SECRET read in a config module and imported": (
        {
            "app/config.py": """
            import os
            JWT_KEY = os.getenv("BETTER_AUTH_SECRET", "")
            """,
            "app/auth.py": """
            import jwt
            from app.config import JWT_KEY
            def f(t):
                return jwt.decode(t, JWT_KEY, algorithms=["HS256"])
            """,
        },
        {at("AUDIT-DECODE-BA-SECRET", 4, "app/auth.py")},
    ),
    "the project mints its own RS256 tokens; Better Auth named in .env.example": (
        {
            ".env.example": "BETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:3000\n",
            "app/security.py": """
            import jwt
            def mint(claims, private_key):
                return jwt.encode(claims, private_key, algorithm="RS256")
            def check(token, public_key):
                return jwt.decode(token, public_key, algorithms=["RS256"])
            """,
        },
        set(),
    ),
    "near miss: own RS256 minting, but the decode takes EdDSA from Better Auth": (
        {
            ".env.example": "BETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:3000\n",
            "app/security.py": """
            import jwt
            def mint(claims, private_key):
                return jwt.encode(claims, private_key, algorithm="RS256")
            def check(token, key):
                return jwt.decode(token, key, algorithms=["EdDSA"])
            """,
        },
        {at("AUDIT-DECODE-NO-AUDIENCE", 5, "app/security.py")},
    ),
    "near miss: a constant read from the project's own JWT_SECRET": (
        """
        import os
        import jwt
        SECRET = os.environ.get("JWT_SECRET")
        def f(t):
            return jwt.decode(t, SECRET, algorithms=["HS256"])
        """,
        set(),
    ),
}


@pytest.mark.parametrize(("files", "expected"), DECODE_CASES.values(), ids=DECODE_CASES.keys())
def test_decode_calls(tmp_path, files, expected):
    assert found(run(tmp_path, files)) == expected


def test_fix_keeps_the_projects_own_hmac_tokens_in_a_better_auth_project(tmp_path):
    result = run(
        tmp_path,
        """
        import os
        import jwt
        BA = os.environ["BETTER_AUTH_URL"]
        def internal(t):
            return jwt.decode(t, os.environ["JWT_SECRET"], algorithms=["HS512"],
                              options={"verify_exp": False})
        """,
    )
    (finding,) = result.findings
    assert finding.code == "AUDIT-DECODE-NO-EXP"
    assert 'algorithms=["HS512"]' in finding.fix and 'os.environ["JWT_SECRET"]' in finding.fix
    assert "audience" not in finding.fix


def test_no_audience_fix_says_when_the_base_url_is_a_guess(tmp_path):
    result = run(
        tmp_path,
        """
        import jwt
        NAME = "BETTER_AUTH_URL"
        def f(t, k):
            return jwt.decode(t, k, algorithms=["EdDSA"])
        """,
    )
    (finding,) = result.findings
    assert finding.code == "AUDIT-DECODE-NO-AUDIENCE"
    assert "put your BETTER_AUTH_URL" in finding.fix
    assert 'audience="http://localhost:3000"' in finding.fix


# --- sub casts, secrets, swallowed errors -----------------------------------------------

OTHER_CASES = {
    "int(sub) in its forms": (
        """
        def f(payload, token_data):
            a = int(payload["sub"])
            b = int(payload.get("sub"))
            sub = payload.get("sub")
            c: str = payload["sub"]
            return a, b, int(sub), int(c), int(token_data.sub)
        """,
        {
            at("AUDIT-SUB-INT-CAST", 2),
            at("AUDIT-SUB-INT-CAST", 3),
            at("AUDIT-SUB-INT-CAST", 6),
        },
    ),
    "int() of other claims is fine": (
        """
        def f(payload, other):
            sub = str(payload["sub"])
            return int(payload["exp"]), int(other), sub, int(payload.get("iat", 0))
        """,
        set(),
    ),
    "secret literals": (
        """
        import jwt
        from starlette.middleware.sessions import SessionMiddleware
        SECRET_KEY = "9b1f0c7e2d"
        app.config["JWT_SECRET_KEY"] = "flask-style"
        app.add_middleware(SessionMiddleware, secret_key="session-signing")
        token = jwt.encode({"sub": "1"}, "inline-key", algorithm="HS256")
        """,
        {
            at("AUDIT-SECRET-LITERAL", 3),
            at("AUDIT-SECRET-LITERAL", 4),
            at("AUDIT-SECRET-LITERAL", 5),
            at("AUDIT-SECRET-LITERAL", 6),
        },
    ),
    "secret names holding no secret": (
        """
        import os
        SECRET_KEY_NAME = "JWT_SECRET"
        SECRET_FILE = "/run/secrets/jwt"
        secret_header = "X-Api-Secret"
        JWT_SECRET = os.environ["JWT_SECRET"]
        EMPTY_SECRET = ""
        CLIENT_SECRET = "${CLIENT_SECRET}"
        """,
        set(),
    ),
    "secret defaults": (
        """
        import os
        from os import getenv
        from decouple import config
        from pydantic_settings import BaseSettings
        A = os.getenv("JWT_SECRET", "dev-only-secret")
        B = os.environ.get("AUTH_SECRET", "another-dev-secret")
        C = getenv("SIGNING_KEY") or "fallback-key-123"
        D = config("SECRET_KEY", default="from-decouple-x")
        os.environ.setdefault("JWT_SECRET_KEY", "set-default-x")
        class Settings(BaseSettings):
            jwt_secret: str = "settings-default-x"
        """,
        {
            at("AUDIT-SECRET-DEFAULT", 5),
            at("AUDIT-SECRET-DEFAULT", 6),
            at("AUDIT-SECRET-DEFAULT", 7),
            at("AUDIT-SECRET-DEFAULT", 8),
            at("AUDIT-SECRET-DEFAULT", 9),
            at("AUDIT-SECRET-DEFAULT", 11),
        },
    ),
    "defaults that are not secrets": (
        """
        import os
        LEVEL = os.getenv("LOG_LEVEL", "info")
        ALG = os.getenv("JWT_ALGORITHM", "HS256")
        S = os.getenv("JWT_SECRET")
        E = os.getenv("JWT_SECRET", "")
        U = os.environ.get("BETTER_AUTH_URL", "http://localhost:3000")
        """,
        set(),
    ),
    "broad except around a decode that returns a value": (
        """
        import jwt
        def a(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except Exception:
                return {"sub": "anonymous"}
        def b(t):
            try:
                claims = verify_token(t)
            except:  # noqa: E722
                claims = None
            return claims
        def c(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except (ValueError, Exception):
                pass
        """,
        {
            at("AUDIT-EXCEPT-SWALLOW", 5),
            at("AUDIT-EXCEPT-SWALLOW", 10),
            at("AUDIT-EXCEPT-SWALLOW", 16),
        },
    ),
    "excepts that refuse the request, or catch the JWT error": (
        """
        import jwt
        from fastapi import HTTPException
        from fastapi.responses import JSONResponse, RedirectResponse
        def a(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except jwt.InvalidTokenError:
                return None
        def b(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except Exception as exc:
                raise HTTPException(401, "Invalid token") from exc
        def c(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except Exception:
                return JSONResponse({"detail": "bad token"}, status_code=401)
        def d(t, k):
            try:
                return jwt.decode(t, k, algorithms=["HS256"])
            except Exception:
                return RedirectResponse("/login")
        def e(path):
            try:
                return open(path).read()
            except Exception:
                return None
        def f(raw, token):
            try:
                text = raw.decode("utf-8") + base64.b64decode(raw).decode()
                exp = jwt.decode(token, options={"verify_signature": False})["exp"]
            except Exception:
                return None
            return text, exp
        def g(token, k):
            try:
                return jwt.encode({"sub": token}, k, algorithm="HS256")
            except Exception:
                return None
        """,
        {at("AUDIT-DECODE-NO-VERIFY", 32)},
    ),
}


@pytest.mark.parametrize(("files", "expected"), OTHER_CASES.values(), ids=OTHER_CASES.keys())
def test_secrets_casts_and_excepts(tmp_path, files, expected):
    assert found(run(tmp_path, files)) == expected


def test_common_secret_default_is_critical_and_redacted(tmp_path):
    result = run(tmp_path, 'import os\nK = os.getenv("JWT_SECRET", "changeme")\n')
    (finding,) = result.findings
    assert finding.severity is Severity.CRITICAL
    assert "changeme" not in finding.source_line + finding.detail + finding.fix
    assert finding.source_line.startswith('K = os.getenv("JWT_SECRET", "<redacted: 8 chars')


# --- routes -------------------------------------------------------------------------------

AUTH = """
import jwt
from typing import Annotated
from fastapi import Depends, FastAPI, APIRouter, HTTPException
from fastapi.security import HTTPBearer

bearer = HTTPBearer()

def verify_token(creds=Depends(bearer)):
    return jwt.decode(creds.credentials, KEY, algorithms=["HS256"])
"""


def _table(result: AuditResult) -> dict[tuple[str, str], RouteStatus]:
    return {(r.method, r.path): r.status for r in result.routes}


P, U, PUB = RouteStatus.PROTECTED, RouteStatus.UNPROTECTED, RouteStatus.PUBLIC

ROUTE_CASES = {
    "pages, files and docs served without auth are public by nature": (
        AUTH
        + """
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.openapi.docs import get_swagger_ui_html
app = FastAPI(docs_url=None)
@app.get("/webui")
async def webui():
    return RedirectResponse(url="/webui/index.html")
@app.get("/custom-docs")
async def docs():
    return get_swagger_ui_html(openapi_url="/openapi.json", title="API")
@app.get("/logo", response_class=FileResponse)
async def logo():
    return "static/logo.png"
@app.get("/data")
async def data():
    return {"rows": []}
@app.get("/api/public")
def public_info():
    return {"ok": True}
""",
        {
            ("GET", "/webui"): PUB,
            ("GET", "/custom-docs"): PUB,
            ("GET", "/logo"): PUB,
            ("GET", "/data"): U,
            ("GET", "/api/public"): PUB,
        },
    ),
    "fastapi-jwt-auth: AuthJWT protects only where jwt_required() is called": (
        """
from fastapi import Depends, FastAPI
from fastapi_jwt_auth import AuthJWT
app = FastAPI()
@app.post("/login")
def login(Authorize: AuthJWT = Depends()):
    return {"access_token": Authorize.create_access_token(subject="a")}
@app.get("/user")
def user(Authorize: AuthJWT = Depends()):
    Authorize.jwt_required()
    return {"user": Authorize.get_jwt_subject()}
@app.get("/feed")
def feed(Authorize: AuthJWT = Depends()):
    Authorize.jwt_optional()
    return {"user": Authorize.get_jwt_subject()}
@app.delete("/items/{item_id}")
def forgot(item_id: int, Authorize: AuthJWT = Depends()):
    return {"deleted": item_id}
""",
        {
            ("POST", "/login"): PUB,
            ("GET", "/user"): P,
            ("GET", "/feed"): PUB,
            ("DELETE", "/items/{item_id}"): U,
        },
    ),
    "a login handler that raises 401 on a bad password is not protected by it": (
        AUTH
        + """
app = FastAPI()
@app.post("/login")
def login(form: dict):
    if form.get("password") != STORED:
        raise HTTPException(status_code=401, detail="Incorrect password")
    return {"token": "..."}
@app.post("/items")
def add(item: dict):
    if not item.get("token"):
        raise HTTPException(status_code=401)
""",
        {("POST", "/login"): PUB, ("POST", "/items"): P},
    ),
    "app-level dependencies protect every route": (
        AUTH
        + """
app = FastAPI(dependencies=[Depends(verify_token)])
@app.post("/items")
def create(): ...
""",
        {("POST", "/items"): P},
    ),
    "add_api_route and api_route with several methods": (
        AUTH
        + """
app = FastAPI()
def list_items(): ...
app.add_api_route("/items", list_items, methods=["GET", "POST"])
@app.api_route("/ping2", methods=["GET", "PUT"], dependencies=[Depends(verify_token)])
def ping(): ...
""",
        {("GET", "/items"): U, ("POST", "/items"): U, ("GET", "/ping2"): P, ("PUT", "/ping2"): P},
    ),
    "an http middleware that decodes tokens": (
        AUTH
        + """
app = FastAPI()
@app.middleware("http")
async def auth(request, call_next):
    jwt.decode(request.headers["authorization"][7:], KEY, algorithms=["HS256"])
    return await call_next(request)
@app.delete("/items/{item_id}")
def delete(item_id: int): ...
""",
        {("DELETE", "/items/{item_id}"): P},
    ),
    "a scheme created inline, and one with auto_error=False": (
        AUTH
        + """
app = FastAPI()
lenient = HTTPBearer(auto_error=False)
@app.get("/a")
def a(creds=Depends(HTTPBearer())): ...
@app.get("/b")
def b(creds=Depends(lenient)): ...
""",
        {("GET", "/a"): P, ("GET", "/b"): U},
    ),
    "a dependency that checks nothing does not protect, whatever its name": (
        AUTH
        + """
app = FastAPI()
def get_current_user():
    return {"id": 1}
@app.get("/me")
def me(user=Depends(get_current_user)): ...
""",
        {("GET", "/me"): U},
    ),
    "a third-party dependency named like auth protects": (
        AUTH
        + """
from fastapi_users import FastAPIUsers
app = FastAPI()
current_active_user = fastapi_users.current_user(active=True)
@app.get("/me")
def me(user=Depends(current_active_user), db=Depends(get_db)): ...
@app.get("/other")
def other(db=Depends(get_db), session=Depends(get_session)): ...
""",
        {("GET", "/me"): P, ("GET", "/other"): U},
    ),
    "inline token check in the endpoint": (
        AUTH
        + """
app = FastAPI()
@app.get("/inline")
def inline(authorization: str):
    return jwt.decode(authorization, KEY, algorithms=["HS256"])
@app.get("/raise")
def raises(x_key: str):
    if x_key != KEY:
        raise HTTPException(status_code=401)
def verify_request(request):
    return jwt.decode(request.headers["x-token"], KEY, algorithms=["HS256"])
@app.get("/calls")
def calls(request):
    verify_request(request)
@app.post("/session")
def session(form):
    return users_service.authenticate(form.username, form.password)
""",
        {
            ("GET", "/inline"): P,
            ("GET", "/raise"): P,
            ("GET", "/calls"): P,
            ("POST", "/session"): U,
        },
    ),
    "conventional public endpoints": (
        AUTH
        + """
app = FastAPI()
@app.post("/auth/password-recovery/{email}")
def recover(email: str): ...
@app.get("/utils/health-check/")
def health(): ...
@app.post("/stripe/webhook")
def hook(): ...
@app.post("/users/{user_id}/login-history")
def history(user_id: int): ...
""",
        {
            ("POST", "/auth/password-recovery/{email}"): PUB,
            ("GET", "/utils/health-check/"): PUB,
            ("POST", "/stripe/webhook"): PUB,
            ("POST", "/users/{user_id}/login-history"): U,
        },
    ),
    "prefixes across include levels, from constants and f-strings": (
        {
            "core/config.py": 'API = "/api"\nclass Settings(BaseSettings):\n    V1: str = "/v1"\n',
            "app.py": AUTH
            + """
from core.config import API
from core import config
settings = config.Settings()
app = FastAPI()
api = APIRouter(prefix=API)
v1 = APIRouter(prefix=f"{settings.V1}", dependencies=[Depends(verify_token)])
items = APIRouter(prefix="/items")
@items.get("")
def list_items(): ...
@items.get("/{item_id}/")
def one(item_id: int): ...
v1.include_router(items, prefix="/x")
api.include_router(v1)
app.include_router(api, prefix="/root")
""",
        },
        {("GET", "/root/api/v1/x/items"): P, ("GET", "/root/api/v1/x/items/{item_id}/"): P},
    ),
}


@pytest.mark.parametrize(("files", "expected"), ROUTE_CASES.values(), ids=ROUTE_CASES.keys())
def test_route_protection(tmp_path, files, expected):
    assert _table(run(tmp_path, files)) == expected


def test_unmounted_router_and_unknown_prefix(tmp_path):
    result = run(
        tmp_path,
        AUTH
        + """
router = APIRouter(prefix=get_prefix())
@router.post("/orphan")
def orphan(): ...
""",
    )
    (route,) = result.routes
    assert (route.path, route.mounted, route.status) == ("/orphan", False, U)
    (finding,) = result.findings
    assert "not included by any app" in finding.detail
    assert finding.severity is Severity.INFO  # no route of the project is protected


def test_public_patterns_and_conventions(tmp_path):
    result = run(
        tmp_path,
        {
            "pyproject.toml": '[tool.jwtscope]\npublic = ["/docs*", "GET /posts/*"]\n',
            "app.py": AUTH
            + """
app = FastAPI()
@app.get("/")
def root(): ...
@app.get("/docs-extra")
def docs(): ...
@app.get("/posts/{post_id}")
def post(post_id: int): ...
@app.delete("/posts/{post_id}")
def delete_post(post_id: int): ...
@app.post("/auth/login")
def login(): ...
@app.get("/health/")
def health(): ...
@app.get("/secure")
def secure(c=Depends(verify_token)): ...
""",
        },
        public=("/health",),
    )
    table = {(r.method, r.path): (r.status, r.dependency) for r in result.routes}
    assert table == {
        ("GET", "/"): (PUB, "convention: /"),
        ("GET", "/docs-extra"): (PUB, "/docs*"),
        ("GET", "/posts/{post_id}"): (PUB, "GET /posts/*"),
        ("DELETE", "/posts/{post_id}"): (U, ""),
        ("POST", "/auth/login"): (PUB, "convention: /login"),
        ("GET", "/health/"): (PUB, "/health"),
        ("GET", "/secure"): (P, "verify_token"),
    }
    assert {(f.code, f.line, f.severity) for f in result.findings} == {
        ("AUDIT-ROUTE-UNPROTECTED", 18, Severity.ERROR),
        ("AUDIT-TRAILING-SLASH", 22, Severity.INFO),
    }


def test_trailing_slash_declared_both_ways_is_fine(tmp_path):
    result = run(
        tmp_path,
        AUTH
        + """
app = FastAPI(dependencies=[Depends(verify_token)])
@app.get("/items")
@app.get("/items/")
def items(): ...
""",
    )
    assert result.findings == ()


def test_websocket_routes_are_listed_and_unknown_owners_are_not_routes(tmp_path):
    result = run(
        tmp_path,
        AUTH
        + """
app = FastAPI()
@app.websocket("/ws")
async def ws(websocket): ...
@app.websocket("/ws/private")
async def private(websocket, user=Depends(verify_token)): ...
@blueprint.get("/flask-like")
def other(): ...
""",
    )
    assert _table(result) == {("WEBSOCKET", "/ws"): U, ("WEBSOCKET", "/ws/private"): P}
    (hole,) = [f for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"]
    assert "WEBSOCKET /ws " in hole.detail and hole.severity is Severity.WARNING


# --- ownership ---------------------------------------------------------------------------

OWNERSHIP_HEADER = (
    AUTH
    + """
from sqlalchemy import select
from models import Item, Product
app = FastAPI()
CurrentUser = Annotated[dict, Depends(verify_token)]
"""
)
MODELS = """
class Item(Base):
    owner_id: int
class Product(Base):
    name: str
"""

OWNERSHIP_CASES = {
    "loaded by id, never checked": (
        """
@app.get("/items/{item_id}")
def read(item_id: int, user: CurrentUser, db=Depends(get_db)):
    logger.info("user %s reads %s", user["id"], item_id)
    return db.get(Item, item_id)
""",
        {19},
    ),
    "a message naming the user is not a check": (
        """
@app.delete("/items/{item_id}")
def delete(item_id: int, user: CurrentUser, db=Depends(get_db)):
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(404, f"No item {item_id} for {user['email']}")
    db.delete(item)
""",
        {18},
    ),
    "an admin dependency may reach every record": (
        """
def require_admin(user: CurrentUser):
    if not user["is_admin"]:
        raise HTTPException(403)
    return user
AdminUser = Annotated[dict, Depends(require_admin)]
@app.get("/items/{item_id}")
def read(item_id: int, admin: AdminUser, db=Depends(get_db)):
    return db.get(Item, item_id)
""",
        set(),
    ),
    "an id read off the current user is not the client's": (
        """
@app.get("/items/mine")
def mine(user: CurrentUser, db=Depends(get_db)):
    return db.get(Item, user.item_id)
""",
        set(),
    ),
    "filtered by owner": (
        """
@app.get("/items/{item_id}")
def read(item_id: int, user: CurrentUser, db=Depends(get_db)):
    uid = user["id"]
    return db.query(Item).filter_by(id=item_id, owner_id=uid).first()
""",
        set(),
    ),
    "owner compared after loading": (
        """
@app.put("/items/{id}")
def update(id: int, user: CurrentUser, db=Depends(get_db)):
    item = db.scalars(select(Item).where(Item.id == id)).first()
    assert item.owner_id == user["id"]
""",
        set(),
    ),
    "checked by a helper that gets the user": (
        """
@app.delete("/items/{item_id}")
def delete(item_id: int, user: CurrentUser, db=Depends(get_db)):
    item = db.get(Item, item_id)
    ensure_owner(item, user)
""",
        set(),
    ),
    "a record nobody owns": (
        """
@app.get("/products/{product_id}")
def product(product_id: int, user: CurrentUser, db=Depends(get_db)):
    return db.get(Product, product_id)
""",
        set(),
    ),
    "the id is not used to load anything": (
        """
@app.get("/items/{item_id}/echo")
def echo(item_id: int, user: CurrentUser):
    return {"item_id": item_id}
""",
        set(),
    ),
    "no current-user parameter (router or app dependencies only)": (
        """
@app.get("/items/{item_id}", dependencies=[Depends(verify_token)])
def read(item_id: int, db=Depends(get_db)):
    return db.get(Item, item_id)
""",
        set(),
    ),
    "the endpoint is not protected at all (reported as unprotected instead)": (
        """
@app.get("/items/{item_id}")
def read(item_id: int, db=Depends(get_db)):
    return db.get(Item, item_id)
""",
        {"unprotected"},
    ),
}


@pytest.mark.parametrize(
    ("endpoint", "expected"), OWNERSHIP_CASES.values(), ids=OWNERSHIP_CASES.keys()
)
def test_ownership(tmp_path, endpoint, expected):
    result = run(tmp_path, {"models.py": MODELS, "app.py": OWNERSHIP_HEADER + endpoint})
    lines = {f.line for f in result.findings if f.code == "AUDIT-OWNERSHIP-MISSING"}
    if expected == {"unprotected"}:
        assert lines == set()
        assert [f.code for f in result.findings] == ["AUDIT-ROUTE-UNPROTECTED"]
    else:
        assert lines == expected


def test_ownership_in_memory_store_needs_an_owner_field_in_the_module(tmp_path):
    store = """
@app.post("/notes")
def create(user: CurrentUser):
    NOTES["1"] = {"owner_id": user["id"]}
@app.get("/notes/{note_id}")
def read(note_id: str, user: CurrentUser):
    return next(n for n in NOTES.values() if n["id"] == note_id)
"""
    result = run(tmp_path, OWNERSHIP_HEADER + store)
    assert [(f.code, f.line) for f in result.findings] == [("AUDIT-OWNERSHIP-MISSING", 21)]
    other = tmp_path / "other"
    result = run(other, OWNERSHIP_HEADER + store.replace('"owner_id"', '"text"'))
    assert result.findings == ()


# --- configuration -----------------------------------------------------------------------

CORS_CASES = {
    "wildcard regex with credentials, inside FastAPI(middleware=…)": (
        AUTH
        + """
from starlette.middleware import Middleware
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI(
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origin_regex=".*",
            allow_credentials=True,
            allow_headers=["authorization"],
        )
    ],
    dependencies=[Depends(verify_token)],
)
@app.get("/x")
def x(): ...
""",
        {at("AUDIT-CORS-WILDCARD-CREDENTIALS", 15)},
    ),
    "credentials and origins from a settings default of ['*']": (
        {
            "app/settings.py": """
            from pydantic_settings import BaseSettings
            class AppSettings(BaseSettings):
                debug: bool = False
                allowed_hosts: list[str] = ["*"]
            settings = AppSettings()
            """,
            "app/main.py": """
            from fastapi import FastAPI
            from fastapi.middleware.cors import CORSMiddleware
            from app.settings import settings
            app = FastAPI()
            app.add_middleware(
                CORSMiddleware,
                allow_origins=settings.allowed_hosts,
                allow_credentials=True,
                allow_methods=["*"],
            )
            """,
        },
        {at("AUDIT-CORS-WILDCARD-CREDENTIALS", 5, "app/main.py")},
    ),
    "credentials and origins from a module constant that lists the frontends": (
        """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
ORIGINS = ["https://app.example.com"]
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_credentials=True)
""",
        set(),
    ),
    "credentials and an origin regex with an unescaped dot": (
        """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(
    CORSMiddleware, allow_origin_regex=r"https://app.example\\.com", allow_credentials=True
)
""",
        {at("AUDIT-CORS-REGEX-CREDENTIALS", 4)},
    ),
    "credentials and an origin regex admitting every vercel.app preview": (
        """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(
    CORSMiddleware, allow_origin_regex=r"https://.*\\.vercel\\.app", allow_credentials=True
)
""",
        {at("AUDIT-CORS-REGEX-CREDENTIALS", 4)},
    ),
    "near miss: credentials and a tight origin regex": (
        """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"https://(app|admin)\\.example\\.com",
    allow_credentials=True,
)
""",
        set(),
    ),
    "wildcard without credentials, and headers from settings": (
        AUTH
        + """
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI(dependencies=[Depends(verify_token)])
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_headers=settings.HEADERS)
@app.get("/x")
def x(): ...
""",
        set(),
    ),
    "no Authorization header needed when nothing is protected by a bearer token": (
        """
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"])
@app.get("/")
def root(): ...
""",
        set(),
    ),
}


@pytest.mark.parametrize(("files", "expected"), CORS_CASES.values(), ids=CORS_CASES.keys())
def test_cors(tmp_path, files, expected):
    assert found(run(tmp_path, files)) == expected


def test_the_issuers_are_named_with_their_evidence(tmp_path):
    result = run(
        tmp_path,
        {
            ".env.example": "BETTER_AUTH_URL=http://localhost:3000\n",
            "app/security.py": """
            import jwt
            JWKS = "https://tenant.eu.auth0.com/.well-known/jwks.json"
            def mint(claims, key):
                return jwt.encode(claims, key, algorithm="HS256")
            """,
        },
    )
    issuers = result.token_issuers
    assert any(
        i.startswith("the project's own code (HS256)") and "security.py:4" in i for i in issuers
    )
    assert any(i.startswith("Better Auth") and ".env.example" in i for i in issuers)
    assert any("external identity provider" in i and "auth0.com" in i for i in issuers)
    assert result.to_dict()["token_issuers"] == list(issuers)


MIDDLEWARE_APP = """
import jwt
from fastapi import FastAPI, Request, Form
from pydantic import BaseModel
from starlette.middleware.base import BaseHTTPMiddleware
from models import Item
class AuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        token = request.headers["authorization"].removeprefix("Bearer ")
        request.state.user = jwt.decode(token, KEY, algorithms=["HS256"])
        return await call_next(request)
app = FastAPI()
app.add_middleware(AuthMiddleware)
class Move(BaseModel):
    item_id: int
    target: str
"""


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        (  # the user from the middleware, only logged
            """
@app.get("/items/{item_id}")
def read(item_id: int, request: Request, db=Depends(get_db)):
    logger.info("%s reads %s", request.state.user["sub"], item_id)
    return db.get(Item, item_id)
""",
            {"item_id"},
        ),
        (  # the user from the middleware, compared
            """
@app.get("/items/{item_id}")
def read(item_id: int, request: Request, db=Depends(get_db)):
    item = db.get(Item, item_id)
    if item.owner_id != request.state.user["sub"]:
        raise HTTPException(404)
    return item
""",
            set(),
        ),
        (  # the id from a form field
            """
@app.post("/items/archive")
def archive(request: Request, item_id: int = Form(...), db=Depends(get_db)):
    print("archive by", request.state.user["sub"])
    db.delete(db.get(Item, item_id))
""",
            {"item_id"},
        ),
        (  # the id from a body model, filtered by the middleware's user
            """
@app.post("/items/move")
def move(payload: Move, request: Request, db=Depends(get_db)):
    me = request.state.user
    return db.query(Item).filter_by(id=payload.item_id, owner_id=me["sub"]).first()
""",
            set(),
        ),
        (  # the id from a body model, never checked
            """
@app.post("/items/move")
def move(payload: Move, request: Request, db=Depends(get_db)):
    user = request.state.user
    print("move by", user)
    return db.get(Item, payload.item_id)
""",
            {"payload.item_id"},
        ),
    ],
    ids=["state-user-unchecked", "state-user-checked", "form-id", "body-id-checked", "body-id"],
)
def test_ownership_with_the_user_from_a_middleware(tmp_path, endpoint, expected):
    result = run(tmp_path, {"models.py": MODELS, "app.py": MIDDLEWARE_APP + endpoint})
    assert {r.status for r in result.routes} == {RouteStatus.PROTECTED}
    missing = [f for f in result.findings if f.code == "AUDIT-OWNERSHIP-MISSING"]
    assert {i for f in missing for i in expected if f"by {i}" in f.detail} == expected
    assert len(missing) == len(expected)
