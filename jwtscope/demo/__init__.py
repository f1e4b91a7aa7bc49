"""The built-in demo: a token with the classic defects, the `.env` it was signed with, and
a small buggy project for the Audit screen (F8) to read: ``project/backend`` (FastAPI) and
``project/web`` (Next.js + Better Auth). The audit tests read this project too (its only
copy). Its secrets and tokens are fake, and leaked on purpose.

The token was minted once (HS256, signed with jwt.io's sample secret, an integer
``sub`` and a 30-day lifetime) and is judged at a fixed instant one hour after it was
issued, so the demo shows the same thing on every machine and every day.
"""

from __future__ import annotations

from pathlib import Path

from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES, URL_NAMES, Environment

__all__ = [
    "DEMO_ENV_FILE",
    "DEMO_NOW",
    "DEMO_PROJECT",
    "DEMO_TOKEN",
    "demo_environment",
]

DEMO_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOjQyLCJuYW1lIjoiRGFuYSBEZW1vIiwiZW1haWwiOiJkYW5hQGV4YW1wbGUuY29tIiwicm9sZSI6ImFkbWlu"
    "IiwiaXNzIjoiaHR0cDovL2xvY2FsaG9zdDozMDAwIiwiYXVkIjoiaHR0cDovL2xvY2FsaG9zdDozMDAwIiwiaWF0IjoxNzk1"
    "NTYwMDAwLCJleHAiOjE3OTgxNTIwMDB9."
    "CwA0dmIvlikNAesx3OfXXN9dlHEPmDlA2LBKKqglpbA"
)
#: One hour after the demo token's ``iat`` (2026-11-24T21:20:00Z).
DEMO_NOW = 1795560000 + 3600
DEMO_ENV_FILE = Path(__file__).with_name("demo.env")
#: The project the demo's Audit screen offers (sample data: excluded from ruff and mypy).
DEMO_PROJECT = Path(__file__).with_name("project")


def demo_environment() -> Environment:
    """The demo backend's ``.env``, read the way any ``.env`` is read."""
    from jwtscope.local.dotenv_reader import read_env_file

    names = (*KNOWN_SECRET_NAMES, *URL_NAMES)
    return Environment(sources=(read_env_file(DEMO_ENV_FILE, "demo .env", names),))
