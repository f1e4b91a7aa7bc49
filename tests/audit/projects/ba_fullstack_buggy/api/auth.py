"""Who is calling: a Better Auth JWT from the Authorization header."""

import os

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer()
JWKS_URL = "http://localhost:3000/api/jwks"
jwks_client = jwt.PyJWKClient(JWKS_URL)


def current_user(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:  # noqa: B008
    try:
        return jwt.decode(creds.credentials, os.environ["BETTER_AUTH_SECRET"], algorithms=["HS256"])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(401, "Invalid token") from exc


def service_user(token: str) -> dict:
    key = jwks_client.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["EdDSA"], audience="http://localhost:8000")
