"""The first version of the auth code, still used by the sessions router."""

from jose import jwt as jose_jwt


def decode_with_jose(token: str, jwks: dict) -> dict:
    return jose_jwt.decode(token, jwks, algorithms=["EdDSA"], audience="http://localhost:3000")
