"""Token helpers."""

from datetime import UTC, datetime, timedelta

import jwt

from app.config import ALGORITHM, JWT_SECRET

ALLOWED_ALGORITHMS = ["HS256", "RS256"]


def create_access_token(user_id: int) -> str:
    expire = datetime.now(UTC) + timedelta(minutes=30)
    return jwt.encode({"sub": str(user_id), "exp": expire}, JWT_SECRET, algorithm=ALGORITHM)


def decode_access_token(token: str) -> dict:
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=ALLOWED_ALGORITHMS)
    except Exception:
        return {}


def decode_legacy(token: str) -> dict:
    return jwt.decode(token, "legacy-signing-key")


def peek(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def decode_lenient(token: str) -> dict:
    return jwt.decode(
        token,
        JWT_SECRET,
        algorithms=["HS256", "none"],
        options={"verify_exp": False},
    )
