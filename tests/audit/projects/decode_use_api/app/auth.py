import logging
import os

import jwt

log = logging.getLogger(__name__)
JWKS = jwt.PyJWKClient(os.environ.get("JWKS_URL", "https://issuer.example.com/jwks"))
AUDIENCE = "https://api.example.com"
NO_AUD = {"verify_aud": False}
STRICT = {"verify_aud": True}


def verify_multi_tenant(token: str) -> dict:
    unverified = jwt.decode(token, options={"verify_signature": False})
    log.info("token from issuer %s", unverified.get("iss"))
    issuer = unverified["iss"]
    key = JWKS.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE, issuer=issuer)


def log_then_verify(token: str) -> dict:
    log.debug("claims: %s", jwt.decode(token, options={"verify_signature": False}))
    key = JWKS.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE)


def user_from_unverified(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    key = JWKS.get_signing_key_from_jwt(token).key
    jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE)
    return claims["sub"]


def peek_only(token: str) -> str:
    header_claims = jwt.decode(token, options={"verify_signature": False})
    return header_claims.get("kid", "")


def any_audience(token: str) -> dict:
    key = JWKS.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})


def any_audience_by_name(token: str) -> dict:
    key = JWKS.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["RS256"], options=NO_AUD)


def strict_audience(token: str) -> dict:
    key = JWKS.get_signing_key_from_jwt(token).key
    return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE, options=STRICT)
