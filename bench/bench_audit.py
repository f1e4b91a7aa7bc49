"""Benchmark the source audit on generated FastAPI + Next.js trees.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/bench_audit.py [--sizes 1000 2000 4000] [--ts 1000] [--repeat 3]

For each size it writes, to a temporary folder, a realistic FastAPI monorepo: one app
including a router per feature package (prefixes, ``Annotated`` dependencies,
router-level dependencies, ownership checks and a few seeded mistakes), models,
schemas, services, CRUD modules and plain utility modules, plus tests/, a virtualenv
and ``node_modules`` that the audit must skip, and ``--ts`` TypeScript client modules
(fetches with guarded bearer tokens, a seeded unguarded one every 10th file) next to a
Better Auth config. Then, each in a fresh interpreter:

(a) wall time and files/s (every file read: Python, tests, TS) of ``audit_project``
    (best of ``--repeat``), with the process's peak RSS;
(b) the peak of Python allocations (tracemalloc) during one audit — the number that
    must stay flat as the tree grows, since files are streamed and only small
    summaries (routes, dependencies) are kept.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from pathlib import Path

__all__ = ["generate_tree", "main"]

ROOT = Path(__file__).resolve().parent.parent
FILES_PER_FEATURE = 20

DEPS = '''
"""Request dependencies."""

from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from app.core.config import settings

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/login/access-token")


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    try:
        payload = jwt.decode(token, settings.JWT_SECRET, algorithms=[settings.ALGORITHM])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token") from exc
    return {"id": payload["sub"], "role": payload.get("role", "member")}


CurrentUser = Annotated[dict, Depends(get_current_user)]


def require_admin(user: CurrentUser) -> dict:
    if user["role"] != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")
    return user
'''

CONFIG = '''
"""Settings."""

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    API_V1_STR: str = "/api/v1"
    JWT_SECRET: str
    ALGORITHM: str = "HS256"


settings = Settings()
'''

ROUTER = '''
"""{Name} endpoints."""

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select

from app.api.deps import CurrentUser, require_admin
from app.db import SessionDep
from app.features.{pkg}.models import {Name}
from app.features.{pkg}.schemas import {Name}Create, {Name}Update
from app.features.{pkg} import service

router = APIRouter(prefix="/{plural}", tags=["{plural}"]{router_deps})


@router.get("")
def list_{plural}(user: CurrentUser, db: SessionDep, limit: int = 50) -> list[{Name}]:
    stmt = select({Name}).where({Name}.owner_id == user["id"]).limit(limit)
    return list(db.scalars(stmt))


@router.post("", status_code=201)
def create_{name}(body: {Name}Create, user: CurrentUser, db: SessionDep) -> {Name}:
    return service.create(db, body, owner_id=user["id"])


@router.get("/{{{name}_id}}")
def read_{name}({name}_id: int, user: CurrentUser, db: SessionDep) -> {Name}:
    item = db.get({Name}, {name}_id)
    {check}
    return item


@router.patch("/{{{name}_id}}")
def update_{name}({name}_id: int, body: {Name}Update, user: CurrentUser, db: SessionDep) -> {Name}:
    item = service.get_owned(db, {name}_id, owner_id=user["id"])
    if item is None:
        raise HTTPException(404, "Not found")
    return service.update(db, item, body)


@router.delete("/{{{name}_id}}", status_code=204, dependencies=[Depends(require_admin)])
def delete_{name}({name}_id: int, db: SessionDep) -> None:
    service.delete(db, {name}_id)


@router.get("/{{{name}_id}}/export")
def export_{name}({name}_id: int, db: SessionDep) -> dict[str, int]:
    return {{"id": {name}_id}}
'''

MODELS = '''
"""{Name} models."""

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base


class {Name}(Base):
    __tablename__ = "{plural}"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    body: Mapped[str] = mapped_column(default="")
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"))


class {Name}Tag(Base):
    __tablename__ = "{name}_tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
'''

SCHEMAS = '''
"""{Name} schemas."""

from pydantic import BaseModel, Field


class {Name}Create(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = ""


class {Name}Update(BaseModel):
    title: str | None = None
    body: str | None = None


class {Name}Read(BaseModel):
    id: int
    title: str
    body: str
'''

SERVICE = '''
"""{Name} service layer."""

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.features.{pkg}.models import {Name}


def create(db: Session, body, owner_id: str) -> {Name}:
    item = {Name}(title=body.title, body=body.body, owner_id=owner_id)
    db.add(item)
    db.commit()
    return item


def get_owned(db: Session, item_id: int, owner_id: str) -> {Name} | None:
    stmt = select({Name}).where({Name}.id == item_id, {Name}.owner_id == owner_id)
    return db.scalars(stmt).first()


def update(db: Session, item: {Name}, body) -> {Name}:
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(item, field, value)
    db.commit()
    return item


def delete(db: Session, item_id: int) -> None:
    db.execute(sql_delete({Name}).where({Name}.id == item_id))
    db.commit()
'''

UTIL = '''
"""Helpers for {pkg}: formatting, paging and validation ({k})."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SLUG = re.compile(r"[^a-z0-9]+")
PAGE_SIZE_{k} = {size}


@dataclass(frozen=True)
class Page{k}:
    items: tuple[object, ...]
    page: int
    pages: int


def slugify_{k}(text: str) -> str:
    return SLUG.sub("-", text.lower()).strip("-")


def paginate_{k}(items: Sequence[object], page: int, size: int = PAGE_SIZE_{k}) -> Page{k}:
    pages = max(1, math.ceil(len(items) / size))
    page = min(max(page, 1), pages)
    start = (page - 1) * size
    return Page{k}(tuple(items[start : start + size]), page, pages)


def chunks_{k}(values: Iterable[int], n: int) -> list[list[int]]:
    out: list[list[int]] = [[]]
    for value in values:
        if len(out[-1]) == n:
            out.append([])
        out[-1].append(value)
    return out


def summarize_{k}(rows: list[dict[str, object]]) -> dict[str, int]:
    totals: dict[str, int] = {{}}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    return totals


class Cache{k}:
    def __init__(self, limit: int = {size}) -> None:
        self.limit = limit
        self.data: dict[str, object] = {{}}

    def get(self, key: str) -> object | None:
        return self.data.get(key)

    def put(self, key: str, value: object) -> None:
        if len(self.data) >= self.limit:
            self.data.pop(next(iter(self.data)))
        self.data[key] = value
'''

TS = """
import {{ useEffect, useState }} from "react";
import {{ authClient }} from "@/lib/auth-client";

const API_URL = process.env.NEXT_PUBLIC_API_URL;

export type Item{k} = {{ id: number; title: string; done: boolean }};

async function bearer{k}(): Promise<string> {{
  const {{ data, error }} = await authClient.token();
  if (error || !data?.token) {{
    throw new Error("not signed in");
  }}
  return data.token;
}}

export async function listItems{k}(): Promise<Item{k}[]> {{
  const token = await bearer{k}();
  const res = await fetch(`${{API_URL}}/api/v1/item{k}s`, {{
    headers: {{ Authorization: `Bearer ${{token}}` }},
  }});
  if (!res.ok) throw new Error(`list failed: ${{res.status}}`);
  return res.json();
}}

export async function removeItem{k}(id: number, token?: string) {{
  // seeded mistake every 10th file: the optional token is used unchecked
  const headers = {{ Authorization: `Bearer ${{{guard}}}` }};
  return fetch(`${{API_URL}}/api/v1/item{k}s/${{id}}`, {{ method: "DELETE", headers }});
}}

export function useItems{k}() {{
  const [items, setItems] = useState<Item{k}[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {{
    listItems{k}().then(setItems).catch((e: Error) => setError(e.message));
  }}, []);
  /* keep the filter in the URL, not in storage */
  const visible = items.filter((i) => !i.done || /done=1/.test(location.search));
  return {{ items: visible, error }};
}}
"""

AUTH_TS = """
import { betterAuth } from "better-auth";
import { jwt } from "better-auth/plugins";

export const auth = betterAuth({
  baseURL: process.env.BETTER_AUTH_URL,
  secret: process.env.BETTER_AUTH_SECRET,
  plugins: [jwt()],
});
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"))


def generate_tree(
    root: Path, python_files: int, ts_files: int, features: int | None = None, seed: int = 7
) -> int:
    """Write a FastAPI monorepo with ``python_files`` audited Python files; return the count.

    Args:
        root: where to write it.
        python_files: how many Python files the audit will read.
        ts_files: how many TypeScript files to add under ``frontend/``.
        features: feature packages (one router each, 20 files each); by default as many
            as fit, the rest of the files being scripts without routes.
        seed: for the generated constants.
    """
    rng = random.Random(seed)
    if features is None:
        features = max(1, (python_files - 6) // FILES_PER_FEATURE)
    written = 0

    def put(rel: str, text: str) -> None:
        nonlocal written
        _write(root / rel, text)
        if rel.endswith(".py") and "/tests/" not in rel:
            written += 1

    put("backend/app/__init__.py", "")
    put("backend/app/api/__init__.py", "")
    put("backend/app/api/deps.py", DEPS)
    put("backend/app/core/__init__.py", "")
    put("backend/app/core/config.py", CONFIG)
    put(
        "backend/app/db.py",
        "from typing import Annotated\nfrom fastapi import Depends\n"
        "from sqlalchemy.orm import DeclarativeBase, Session\n\n"
        "class Base(DeclarativeBase):\n    pass\n\n"
        "def get_db():\n    yield Session()\n\n"
        "SessionDep = Annotated[Session, Depends(get_db)]\n",
    )
    includes: list[str] = []
    for i in range(features):
        pkg = f"f{i:04d}"
        name = f"item{i}"
        fmt = {
            "pkg": pkg,
            "name": name,
            "Name": f"Item{i}",
            "plural": f"item{i}s",
            "router_deps": ", dependencies=[Depends(require_admin)]" if i % 10 == 0 else "",
            "check": (
                'if item is None or item.owner_id != user["id"]:\n'
                '        raise HTTPException(404, "Not found")'
                if i % 7
                else "# (seeded mistake: no ownership check)"
            ),
        }
        base = f"backend/app/features/{pkg}"
        put(f"{base}/__init__.py", "")
        put(f"{base}/router.py", ROUTER.format(**fmt))
        put(f"{base}/models.py", MODELS.format(**fmt))
        put(f"{base}/schemas.py", SCHEMAS.format(**fmt))
        put(f"{base}/service.py", SERVICE.format(**fmt))
        for k in range(FILES_PER_FEATURE - 5):
            put(f"{base}/utils/u{k:02d}.py", UTIL.format(pkg=pkg, k=k, size=rng.randint(10, 99)))
        put(f"{base}/tests/test_router.py", "def test_ok():\n    assert True\n")
        includes.append(f"from app.features.{pkg}.router import router as r{i}")
    body = "\n".join(includes) + "\n"
    body += "from fastapi import FastAPI\nfrom app.core.config import settings\n\napp = FastAPI()\n"
    body += "".join(
        f"app.include_router(r{i}, prefix=settings.API_V1_STR)\n" for i in range(features)
    )
    put("backend/app/main.py", body)
    for extra in range(python_files - written):
        folder = f"backend/scripts/batch{extra // 50:03d}"
        put(f"{folder}/s{extra:04d}.py", UTIL.format(pkg="scripts", k=extra, size=10))
    for k in range(ts_files):
        guard = "token" if k % 10 == 0 else 'token ?? ""'
        _write(root / f"frontend/src/api/client{k:04d}.ts", TS.format(k=k, guard=guard))
    if ts_files:
        _write(root / "frontend/src/lib/auth.ts", AUTH_TS)
        _write(root / "frontend/.env.local", "BETTER_AUTH_URL=http://localhost:3000\n")
    _write(root / "frontend/node_modules/pkg/index.py", "SECRET_KEY = 'x'\n")
    _write(root / "backend/.venv/pyvenv.cfg", "home = /usr/bin\n")
    _write(root / "backend/.venv/lib/site.py", "import jwt\njwt.decode('t', 'k')\n")
    return written


def _child(folder: Path, trace: bool) -> dict[str, float]:  # in a fresh interpreter
    sys.path.insert(0, str(ROOT))
    from jwtscope.audit import audit_project

    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    result = audit_project(folder, git=False)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    return {
        "seconds": seconds,
        "files": result.files_scanned,
        "python": dict(result.kinds).get("python", 0),
        "script": dict(result.kinds).get("script", 0),
        "skipped": result.files_skipped,
        "routes": len(result.routes),
        "findings": len(result.findings),
        "traced_peak_mb": peak / 2**20,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run_child(folder: Path, trace: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(folder)] + (["--trace"] if trace else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    data: dict[str, float] = json.loads(out)
    return data


def main(argv: list[str] | None = None) -> int:
    """Generate the trees, audit them, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--ts", type=int, default=1000, help="TypeScript files per tree")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.trace)))
        return 0
    print("Realistic trees: a router per 20 files, so the route table grows with the tree.")
    print(
        f"{'py files':>8} {'ts':>5} {'wall s':>7} {'files/s':>8} {'routes':>6} "
        f"{'findings':>8} {'peak RSS MB':>11} {'traced peak MB':>14}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            count = generate_tree(Path(tmp), size, args.ts)
            runs = [_run_child(Path(tmp), trace=False) for _ in range(args.repeat)]
            best = min(runs, key=lambda r: r["seconds"])
            traced = _run_child(Path(tmp), trace=True)
        assert best["python"] >= count and best["script"] == args.ts + (1 if args.ts else 0)
        print(
            f"{count:>8} {args.ts:>5} {best['seconds']:>7.2f} "
            f"{best['files'] / best['seconds']:>8.0f} "
            f"{best['routes']:>6.0f} {best['findings']:>8.0f} {best['maxrss_mb']:>11.1f} "
            f"{traced['traced_peak_mb']:>14.2f}"
        )
    features = min(args.sizes) // FILES_PER_FEATURE
    print(f"\nSame app ({features} routers), more files without routes: the cost per file.")
    print(f"{'py files':>8} {'routes':>6} {'peak RSS MB':>11} {'traced peak MB':>14}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            count = generate_tree(Path(tmp), size, 0, features=features)
            traced = _run_child(Path(tmp), trace=True)
            plain = _run_child(Path(tmp), trace=False)
        print(
            f"{count:>8} {traced['routes']:>6.0f} {plain['maxrss_mb']:>11.1f} "
            f"{traced['traced_peak_mb']:>14.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
