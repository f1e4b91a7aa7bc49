"""The words servers refuse a token with, by cause: the data the table of server messages
(:mod:`jwtscope.core.diagnosis.server_messages`) matches a refusal against (lower case).
"""

from __future__ import annotations

__all__ = [
    "ALG_SAYS",
    "APP_REFUSAL_SAYS",
    "JWKS_FETCH_SAYS",
    "KID_SAYS",
    "NO_EDDSA_SAYS",
    "REQUIRED_SAYS",
    "SIGNATURE_SAYS",
    "USER_ID_SAYS",
    "USER_SAYS",
]

ALG_SAYS = (
    "alg value is not allowed",
    "algorithm not allowed",
    "invalid algorithm",
    "algorithm not supported",
    "unsupported algorithm",
    "algorithm",
)
KID_SAYS = (
    "unable to find a signing key",
    "signing key",
    "key id",
    "unknown kid",
    "no applicable key",
    "unable to find appropriate key",
    "no matching key",
    "no key for kid",
)
#: The application's words about the user the token names (after verification).
USER_ID_SAYS = ("invalid user id", "user id", "invalid subject id", "userid")
USER_SAYS = ("user not found", "unknown user", "no such user", "user does not exist")
SIGNATURE_SAYS = (
    "signature verification failed",
    "invalid signature",
    "signature mismatch",
    "signature is invalid",
)

#: A verifier's words for a required claim the token lacks (PyJWT, python-jose: 'Token is
#: missing the "jti" claim'); ``aud`` and ``iss`` are the audience's and issuer's rows.
REQUIRED_CLAIMS = ("jti", "iat", "nbf", "exp", "sub", "scope", "scp", "role", "email", "azp")
REQUIRED_SAYS = (
    *(f'missing the "{claim}" claim' for claim in REQUIRED_CLAIMS),
    # flask-jwt-extended ('Missing claim: sub'), joserfc ("Missing claim: 'sub'").
    *(f"missing claim: {claim}" for claim in (*REQUIRED_CLAIMS, "type", "csrf")),
    *(f"missing claim: '{claim}'" for claim in REQUIRED_CLAIMS),
    "missing required claim",
    # simplejwt: its token_type, jti and user-id claims.
    "token has no type",
    "token has no id",
    "no recognizable user identification",
)

#: The application's words refusing an authenticated user: a scope, role or permission
#: the token does not grant, or a user the application has disabled. Said after the
#: token verified (FastAPI's security tutorial: 401 "Not enough permissions" with
#: ``WWW-Authenticate: Bearer scope="me"``, 400 "Inactive user").
APP_REFUSAL_SAYS = (
    "not enough permissions",
    "insufficient permission",
    "insufficient_scope",
    "insufficient scope",
    "missing scope",
    "missing permission",
    "permission denied",
    "lacks permission",
    "inactive user",
    "user is inactive",
    "user is disabled",
    "account is disabled",
    "account disabled",
)
#: A verifier's words when it cannot do EdDSA at all (read only for an EdDSA token): PyJWT
#: without ``cryptography`` (``Algorithm not supported`` from ``jwt.decode``; ``EdDSA
#: requires 'cryptography' to be installed`` from ``PyJWK``), python-jose (no OKP keys:
#: ``Unable to find an algorithm for key``), joserfc's default allow-list (``Algorithm of
#: 'EdDSA' is not recommended``). Checked against PyJWT 2.15, python-jose 3.5, joserfc 1.8.
NO_EDDSA_SAYS = (
    "algorithm not supported",
    "could not be found. do you have cryptography installed",
    "requires 'cryptography' to be installed",
    "unable to find an algorithm for key",
    "is not recommended",
)
#: A backend's words when it could not fetch the JWKS (PyJWKClient, httpx, Node's fetch).
JWKS_FETCH_SAYS = (
    "fail to fetch data from the url",
    "connection refused",
    "all connection attempts failed",
    "name or service not known",
    "temporary failure in name resolution",
    "nodename nor servname",
    "econnrefused",
    "enotfound",
    "fetch failed",
    "jwks",
)
