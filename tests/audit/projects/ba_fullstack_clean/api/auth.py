"""Who is calling: a Better Auth JWT (ES256, keys from the JWKS endpoint)."""

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer()
BETTER_AUTH_URL = "http://localhost:3000"
jwks_client = jwt.PyJWKClient(f"{BETTER_AUTH_URL}/api/auth/jwks")


def current_user(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:  # noqa: B008
    try:
        key = jwks_client.get_signing_key_from_jwt(creds.credentials).key
        return jwt.decode(
            creds.credentials,
            key,
            algorithms=["ES256"],
            audience=BETTER_AUTH_URL,
            issuer=BETTER_AUTH_URL,
        )
    except jwt.PyJWTError as exc:
        raise HTTPException(401, "Invalid token") from exc
