"""Verify Better Auth JWTs (JWT plugin, EdDSA) against the published JWKS."""

import os
from dataclasses import dataclass
from typing import Annotated

import jwt
from fastapi import HTTPException, Security, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

BETTER_AUTH_URL = os.environ.get("BETTER_AUTH_URL", "http://localhost:3000")
JWKS_URL = os.environ.get("BETTER_AUTH_JWKS_URL", f"{BETTER_AUTH_URL}/api/auth/jwks")

jwks_client = jwt.PyJWKClient(JWKS_URL, cache_keys=True)
bearer = HTTPBearer()


@dataclass(frozen=True)
class Claims:
    sub: str
    email: str | None


def current_claims(
    creds: Annotated[HTTPAuthorizationCredentials, Security(bearer)],
) -> Claims:
    try:
        key = jwks_client.get_signing_key_from_jwt(creds.credentials).key
        payload = jwt.decode(
            creds.credentials,
            key,
            algorithms=["EdDSA"],
            audience=BETTER_AUTH_URL,
            issuer=BETTER_AUTH_URL,
        )
    except jwt.PyJWTError as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Invalid token",
            headers={"WWW-Authenticate": "Bearer"},
        ) from exc
    return Claims(sub=payload["sub"], email=payload.get("email"))


Me = Annotated[Claims, Security(current_claims)]
