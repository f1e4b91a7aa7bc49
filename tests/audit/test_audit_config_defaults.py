"""Values the project's configuration supplies by default: a ``.env.example`` origin list
feeding CORS, an auth dependency's path whitelist defaulted from the environment, an
auth dependency that lets everything through until accounts are configured, and routers
built as instance attributes (``self.router``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from jwtscope.audit import AuditResult, audit_project

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
