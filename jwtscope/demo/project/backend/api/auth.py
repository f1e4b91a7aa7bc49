"""Who is calling: Better Auth JWTs (JWT plugin) or the Better Auth session."""

import json
import os
import urllib.request

import jwt
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

JWKS_URL = "http://localhost:3000/api/auth/jwks"
jwks_client = jwt.PyJWKClient(JWKS_URL)
security = HTTPBearer()


def get_current_user(creds: HTTPAuthorizationCredentials = Depends(security)) -> dict:  # noqa: B008
    key = jwks_client.get_signing_key_from_jwt(creds.credentials).key
    return jwt.decode(creds.credentials, key, algorithms=["EdDSA"])


def get_user_id(claims: dict = Depends(get_current_user)) -> int:  # noqa: B008
    return int(claims["sub"])


def verify_with_secret(token: str) -> dict:
    return jwt.decode(token, os.environ["BETTER_AUTH_SECRET"], algorithms=["HS256"])


async def get_session_user(request: Request) -> dict:
    ask = urllib.request.Request(
        "http://localhost:3000/api/auth/get-session",
        headers={"cookie": request.headers.get("cookie", "")},
    )
    with urllib.request.urlopen(ask, timeout=5) as response:
        session = json.load(response) if response.status == 200 else None
    if not session:
        raise HTTPException(401, "Not signed in")
    return session["user"]
