"""Property tests: whatever Python (or not-Python) a project holds, the audit never crashes.

Three sources of input: arbitrary text; the real fixture projects with one file mutated
(lines deleted, duplicated, swapped, text inserted, truncated) so the cross-module
resolution runs on broken graphs; and programs assembled from realistic route/auth lines
in random order and nesting, which parse far more often than random text does.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testdata import PROJECTS, build_ba_fullstack_buggy

from jwtscope.audit import AUDIT_CODES, AuditResult, RouteStatus, audit_project
from jwtscope.audit.codes import ENGINE_CODES
from jwtscope.audit.frontend.frontend_scan import scan_script
from jwtscope.audit.frontend.scripttree import Script
from jwtscope.demo import DEMO_PROJECT

#: The sample projects: the demo's (backend/ and web/) and those of the audit tests.
SAMPLES = (DEMO_PROJECT, *sorted(p for p in PROJECTS.iterdir() if p.is_dir()))
SOURCES = sorted(p for s in SAMPLES for p in s.rglob("*.py") if p.stat().st_size > 0)
#: The frontend's files and the env files, logs and fixtures the audit reads as text.
TEXT_FILES = sorted(
    p
    for s in SAMPLES
    for p in s.rglob("*")
    if (p.is_file() and p.suffix in (".ts", ".tsx", ".log", ".json", ".yaml", ".local", ".env"))
    or p.name == ".env"
)
FUZZ = settings(
    max_examples=int(os.environ.get("JWTSCOPE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _check(result: AuditResult) -> None:
    """Invariants of any result."""
    assert result.parse_errors <= result.files_scanned
    for f in result.findings:
        assert f.line >= 1 and (f.code in AUDIT_CODES or f.code in ENGINE_CODES)
        assert "\n" not in f.source_line
    for r in result.routes:
        assert r.status in RouteStatus and r.method.isupper()
    result.to_dict()


@FUZZ
@given(st.text(max_size=400))
def test_random_text_never_crashes(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("text") / "random.py"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _check(audit_project(path))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.py"
    path.write_bytes(data)
    _check(audit_project(path))


_MUTATIONS = st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "dedent"])


def _mutate(text: str, how: str, a: int, b: int, junk: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    i, j = a % len(lines), b % len(lines)
    if how == "delete":
        del lines[min(i, j) : max(i, j) + 1]
    elif how == "duplicate":
        lines[i:i] = lines[min(i, j) : max(i, j) + 1]
    elif how == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif how == "insert":
        lines.insert(i, junk + "\n")
    elif how == "truncate":
        return text[: a % (len(text) + 1)]
    else:
        lines = [line.lstrip() for line in lines]
    return "".join(lines)


@FUZZ
@given(
    source=st.sampled_from(SOURCES),
    how=_MUTATIONS,
    a=st.integers(0, 10_000),
    b=st.integers(0, 10_000),
    junk=st.sampled_from(
        [
            "@router.get(",
            "app.include_router(router, prefix=PREFIX, dependencies=[Depends()])",
            "x = Annotated[",
            "def get_current_user(user: CurrentUser = Depends(get_current_user)): ...",
            "router = APIRouter(prefix=router)",
            "app.include_router(app)",
            "from . import *",
            "from .... import deps",
            "jwt.decode(*a, **k)",
            "int(payload['sub'",
            "    except:",
        ]
    ),
)
def test_mutated_real_projects_never_crash(tmp_path_factory, source, how, a, b, junk):
    root = _mutated_copy(tmp_path_factory, source, _mutate(source.read_text(), how, a, b, junk))
    _check(audit_project(root))


def _mutated_copy(tmp_path_factory, source: Path, text: str) -> Path:
    """A copy of the sample project holding ``source``, with ``source`` replaced by ``text``."""
    sample = next(s for s in SAMPLES if source.is_relative_to(s))
    root = tmp_path_factory.mktemp("mutated") / sample.name
    if sample.name == "ba_fullstack_buggy":  # its web/ is the demo's
        build_ba_fullstack_buggy(root)
    else:
        shutil.copytree(sample, root)
    (root / source.relative_to(sample)).write_text(text)
    return root


_LINES = [
    "import jwt",
    "from jose import jwt as jj",
    "from fastapi import APIRouter, Depends, FastAPI, Security",
    "from .deps import *",
    "from . import routes",
    "app = FastAPI(dependencies=[Depends(auth)], middleware=[Middleware(CORSMiddleware)])",
    "router = APIRouter(prefix=f'{settings.X}/{y}', dependencies=[Security(auth, scopes=[])])",
    "router.include_router(router)",
    "app.include_router(routes.router, prefix=P + '/v1')",
    "app.mount('/sub', app)",
    "app.add_middleware(CORSMiddleware, allow_origins=['*'], allow_credentials=True)",
    "app.add_api_route('/x', handler, methods=None)",
    "for r in [a.router, b]:",
    "app.include_router(r)",
    "CurrentUser = Annotated[User, Depends(get_current_user), Depends()]",
    "@router.get('/items/{item_id}/')",
    "@app.api_route(path, methods=['GET', 1])",
    "@app.middleware('http')",
    "def handler(item_id: int, user: CurrentUser, db=Depends(), *a, k: Annotated[int, 1], **kw):",
    "async def get_current_user(token=Depends(HTTPBearer(auto_error=False))):",
    "class Checker(HTTPBearer, metaclass=M):",
    "def __call__(self, user: 'CurrentUser'):",
    "return jwt.decode(token, key, algorithms=ALGS, options={'verify_signature': False})",
    "return jj.decode(t, 'secret', algorithms=['EdDSA', None])",
    "item = db.get(Item, item_id)",
    "if item.owner_id != user.id: raise HTTPException(status_code=401)",
    "try:",
    "pass",
    "SECRET_KEY = os.getenv('JWT_SECRET', 'x') or 'y'",
    "x = int(payload.get('sub'))",
    "ALGS = ['HS256', 'RS256', ALGS]",
    "return item",
]


@st.composite
def _programs(draw: st.DrawFn) -> str:
    """Lines indented the way Python needs: a body after each ``:``, random dedents."""
    out: list[str] = []
    depth = 0
    for _ in range(draw(st.integers(1, 30))):
        line = draw(st.sampled_from(_LINES))
        if line.startswith("@") or line.endswith(":"):
            pass
        elif out and not out[-1].endswith(":"):
            depth = draw(st.integers(0, depth))
        if line == "try:":
            pad = "    " * depth
            out += [pad + "try:", pad + "    x = jwt.decode(t, k)", pad + "except Exception:"]
            line = "return None"
            depth += 1
        out.append("    " * depth + line)
        if line.endswith(":"):
            depth += 1
        elif line.startswith("@"):
            out.append("    " * depth + "def endpoint(item_id: int, user: CurrentUser):")
            depth += 1
    if out and out[-1].endswith(":"):
        out.append("    " * depth + "pass")
    return "\n".join(out) + "\n"


@FUZZ
@given(main=_programs(), deps=_programs())
def test_assembled_programs_never_crash(tmp_path_factory, main, deps):
    root = tmp_path_factory.mktemp("assembled")
    (root / "pkg").mkdir()
    (root / "pkg" / "__init__.py").write_text(deps)
    (root / "pkg" / "main.py").write_text(main)
    (root / "pkg" / "deps.py").write_text(deps)
    _check(audit_project(root))


_TS_LINES = (
    'import { betterAuth } from "better-auth";',
    'import { jwt as j } from "better-auth/plugins";',
    "export const auth = betterAuth({",
    "  baseURL: process.env.BETTER_AUTH_URL,",
    '  secret: process.env.BETTER_AUTH_SECRET || "x",',
    '  plugins: [j({ jwks: { keyPairConfig: { alg: "ES256" } } })],',
    "});",
    'const token = localStorage.getItem("jwt");',
    "if (!token) throw new Error();",
    "const res = await fetch(`${API_URL}/notes/${id}`, {",
    "  headers: { Authorization: `Bearer ${token}` },",
    '  credentials: "include",',
    "});",
    "// a comment with `Bearer ${x}` and { braces",
    "/* block */ const re = /[a-z\"']+/g;",
    "const s = 'unterminated",
    "`template ${ nested `inner ${deep}` } tail",
    "}}}])))",
)


@FUZZ
@given(st.lists(st.sampled_from(_TS_LINES), max_size=25), st.text(max_size=80))
def test_script_scanner_never_crashes(lines, junk):
    text = "\n".join([*lines, junk])
    script = Script(text, "web/lib/x.ts")
    assert len(script.lines) == text.count("\n") + 1
    assert all(len(script.code_line(n)) == len(script.line(n)) for n in range(1, 4))
    _, findings = scan_script(text, "web/lib/x.ts")
    for f in findings:
        assert f.code in AUDIT_CODES and 1 <= f.line <= text.count("\n") + 1
        assert "\n" not in f.source_line


@FUZZ
@given(
    source=st.sampled_from(TEXT_FILES),
    how=_MUTATIONS,
    a=st.integers(0, 10_000),
    b=st.integers(0, 10_000),
    junk=st.sampled_from(
        [
            "betterAuth({",
            "plugins: [jwt({ jwks: { keyPairConfig: { alg: ",
            "headers: { Authorization: `Bearer ${token",
            'localStorage.setItem("token", ',
            "await fetch(`${API_URL}/notes/${",
            'BETTER_AUTH_SECRET="unterminated',
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.",
            "/* unterminated comment",
            "`",
        ]
    ),
)
def test_mutated_frontend_and_text_files_never_crash(tmp_path_factory, source, how, a, b, junk):
    root = _mutated_copy(tmp_path_factory, source, _mutate(source.read_text(), how, a, b, junk))
    _check(audit_project(root, now=1_800_000_000, git=False))
