"""Backends for the Better Auth replay cases, fed the real Better Auth output of
``tests/data/betterauth`` (tokens, JWKS, session cookies, secrets).

APIs written the way FastAPI apps behind Better Auth are written (``HTTPBearer``, the
JWKS loaded once or fetched by ``PyJWKClient``, the library's message as the detail):

- :func:`jwks_api` — PyJWT, keys from a JWKS loaded once at start-up (``PyJWKSet``: it
  never refetches), CORS for the frontend;
- :func:`remote_jwks_api` — ``PyJWKClient`` on a JWKS URL (a dead port: unreachable),
  the error caught as a 401 or left uncaught (500);
- :func:`jose_api` — python-jose (no EdDSA at all); :func:`pyjwt_without_crypto_api` —
  PyJWT's own ``PyJWS`` with only the algorithms PyJWT registers when ``cryptography`` is
  not installed (``get_default_algorithms()`` then holds ``none`` and ``HS*`` only);

and three stand-ins for the auth server itself:

- :func:`auth_server` — get-session answering ``set-auth-jwt`` (the real header value)
  behind Starlette's ``CORSMiddleware``, with or without ``set-auth-jwt`` exposed;
- :func:`jwks_at` — the JWKS served only at a custom ``basePath``/``jwksPath``;
- :func:`token_endpoint_after_secret_change` — ``GET /api/auth/token`` (and
  ``get-session``, under any ``basePath``) that checks the
  session cookie's HMAC with its BETTER_AUTH_SECRET (the real cookie and secret), then
  decrypts its JWKS private key — stored encrypted under another secret — and, as
  Better Auth 1.7 does (``secret_changed/token_after_change.txt``), answers 500 with an
  empty body.
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
import base64
import hashlib
import hmac
import json
import logging
import os
from typing import Annotated, Any
from urllib.parse import unquote

import jwt
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jose import jwt as jose_jwt
from jose.exceptions import JOSEError, JWTError
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "FRONTEND",
    "auth_server",
    "hs256_api",
    "jose_api",
    "jwks_api",
    "jwks_at",
    "pyjwt_without_crypto_api",
    "remote_jwks_api",
    "session_cache_reader",
    "session_cookie_api",
    "token_endpoint_after_secret_change",
]

#: The frontend's origin (the browser's ``Origin``).
FRONTEND = "http://localhost:5173"
#: What PyJWT registers without ``cryptography`` (``jwt.algorithms.get_default_algorithms``).
NO_CRYPTO_ALGORITHMS = ["none", "HS256", "HS384", "HS512"]
_LOG = logging.getLogger("better-auth")


def _with_cors(app: FastAPI) -> FastAPI:
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[FRONTEND],
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["authorization", "content-type"],
    )
    return app


def _api(title: str, now: Clock, current_user: Any) -> FastAPI:
    app = new_app(title, now)
    app.include_router(todo_router(current_user))
    return _with_cors(app)


def jwks_api(
    jwks: dict[str, Any],
    now: Clock,
    *,
    audience: str | None = None,
    issuer: str | None = None,
    opaque: bool = False,
) -> FastAPI:
    """PyJWT, the key by ``kid`` from a JWKS loaded once at start-up (never refetched);
    ``Invalid token: <PyJWT message>`` (or one opaque message)."""
    keys = jwt.PyJWKSet.from_dict(jwks)
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        token = credentials.credentials
        try:
            key = keys[jwt.get_unverified_header(token).get("kid") or ""]
            payload = decoder.decode(
                token, key, algorithms=["EdDSA", "ES256", "RS256"], audience=audience, issuer=issuer
            )
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except (jwt.InvalidTokenError, KeyError) as e:
            detail = "Could not validate credentials" if opaque else f"Invalid token: {e}"
            raise HTTPException(401, detail, headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return _api("todos (JWKS loaded once)", now, current_user)


def hs256_api(secret: str, now: Clock, *, audience: str, issuer: str) -> FastAPI:
    """HS256 with the shared BETTER_AUTH_SECRET, ``audience=`` and ``issuer=`` as the API
    was configured; ``Invalid token: <PyJWT message>``."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(
                credentials.credentials,
                secret,
                algorithms=["HS256"],
                audience=audience,
                issuer=issuer,
            )
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return _api("todos (HS256, issuer= and audience=)", now, current_user)


def session_cache_reader(secret: str, now: Clock) -> FastAPI:
    """The anti-pattern: HS256 on BETTER_AUTH_SECRET, the user read from the session
    cache's ``user.id`` — Better Auth's 'jwt' cookie cache passes as an access token."""
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = decoder.decode(credentials.credentials, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        user_id: str = payload["user"]["id"]
        return user_id

    return _api("todos (reads the session cache)", now, current_user)


def remote_jwks_api(
    jwks_url: str, audience: str, now: Clock, *, catch: bool, opaque: bool = False
) -> FastAPI:
    """``PyJWKClient(jwks_url)``: the key fetched for every token before anything else;
    with ``catch`` a failure is ``Invalid token: <message>`` (``opaque``: just ``Invalid
    token``, a JWKS outage masked as a bad token), else it is uncaught (500)."""
    client = jwt.PyJWKClient(jwks_url, timeout=2)
    decoder = ClockedPyJWT(now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        token = credentials.credentials
        if not catch:
            key = client.get_signing_key_from_jwt(token)  # raises: a 500
        try:
            if catch:
                key = client.get_signing_key_from_jwt(token)
            payload = decoder.decode(token, key.key, algorithms=["EdDSA"], audience=audience)
        except jwt.PyJWTError as e:
            detail = "Invalid token" if opaque else f"Invalid token: {e}"
            raise HTTPException(401, detail, headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return _api("todos (PyJWKClient)", now, current_user)


def jose_api(
    jwks: dict[str, Any], audience: str, now: Clock, *, catch: str = "JOSEError"
) -> FastAPI:
    """python-jose with ``algorithms=["EdDSA"]``: it has no OKP keys, so every EdDSA token
    fails with ``Unable to find an algorithm for key`` (a ``JWKError``). ``catch``:
    ``JOSEError`` (any, its message as the 401), ``opaque`` (any, one opaque 401) or
    ``JWTError`` (the tutorials' catch: the ``JWKError`` escapes, a 500)."""
    caught = JWTError if catch == "JWTError" else JOSEError

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            payload = jose_jwt.decode(
                credentials.credentials, jwks, algorithms=["EdDSA"], audience=audience
            )
        except caught as e:
            detail = "Could not validate credentials" if catch == "opaque" else str(e)
            raise HTTPException(
                401, f"Could not validate token: {detail}", headers=BEARER
            ) from None
        sub: str = payload["sub"]
        return sub

    app = _api("todos (python-jose)", now, current_user)
    return app


def pyjwt_without_crypto_api(public_pem: str, audience: str, now: Clock) -> FastAPI:
    """PyJWT's ``PyJWS`` holding only what PyJWT registers without ``cryptography``:
    ``jws.decode(..., algorithms=["EdDSA"])`` answers ``Algorithm not supported``."""
    jws = jwt.PyJWS(algorithms=NO_CRYPTO_ALGORITHMS)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())],
    ) -> str:
        try:
            body = jws.decode(credentials.credentials, public_pem, algorithms=["EdDSA"])
            payload = json.loads(body)
            if payload.get("aud") != audience:
                raise jwt.InvalidAudienceError("Audience doesn't match")
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return _api("todos (PyJWT without cryptography)", now, current_user)


def auth_server(set_auth_jwt: str, now: Clock, *, expose: bool) -> FastAPI:
    """Better Auth's get-session behind ``CORSMiddleware`` for the frontend: the JWT in
    ``set-auth-jwt`` when a session cookie comes; ``expose`` lists it in
    ``Access-Control-Expose-Headers`` (else the middleware exposes nothing)."""
    app = new_app("auth server (get-session)", now)

    @app.get("/api/auth/get-session")
    def get_session(request: Request) -> Response:
        if not request.cookies.get("better-auth.session_token"):
            return JSONResponse(None)
        return JSONResponse({"session": {}}, headers={"set-auth-jwt": set_auth_jwt})

    app.add_middleware(
        CORSMiddleware,
        allow_origins=[FRONTEND],
        allow_credentials=True,
        allow_methods=["GET", "POST"],
        expose_headers=["set-auth-jwt"] if expose else [],
    )
    return app


def _aes_key(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def token_endpoint_after_secret_change(
    secret: str, key_secret: str, now: Clock, *, base_path: str = "/api/auth"
) -> FastAPI:
    """``GET <basePath>/token`` and ``<basePath>/get-session`` (which signs the
    ``set-auth-jwt`` it answers): the session cookie checked with ``secret`` (401 without
    a valid one), then the JWKS private key — encrypted under ``key_secret`` — decrypted
    with ``secret``: when they differ, "Failed to decrypt private key" is logged and the
    answer is a 500 with an empty body, as Better Auth answers."""
    nonce = os.urandom(12)
    sealed = AESGCM(_aes_key(key_secret)).encrypt(nonce, b'{"kty":"OKP","crv":"Ed25519"}', None)
    app = new_app(f"Better Auth {base_path}/token", now)

    @app.get(base_path + "/token")
    @app.get(base_path + "/get-session")
    def token(request: Request) -> Response:
        cookie = unquote(request.cookies.get("better-auth.session_token", ""))
        value, _, mac = cookie.rpartition(".")
        good = base64.b64encode(hmac.new(secret.encode(), value.encode(), "sha256").digest())
        if not value or not hmac.compare_digest(good.decode(), mac):
            return JSONResponse(None, status_code=401)
        try:
            AESGCM(_aes_key(secret)).decrypt(nonce, sealed, None)
        except InvalidTag:
            _LOG.debug("Failed to decrypt private key")
            return Response(status_code=500)
        return JSONResponse({"token": "issued"})

    return app


def jwks_at(jwks: dict[str, Any], path: str, now: Clock) -> FastAPI:
    """The auth server's JWKS at ``path`` only (Better Auth with a custom ``basePath`` and
    ``jwks.jwksPath``: ``/auth/.well-known/jwks.json``); any other path is a 404."""
    app = new_app("Better Auth JWKS at a custom path", now)

    @app.get(path)
    def keys() -> JSONResponse:
        return JSONResponse(jwks)

    return app


def session_cookie_api(secret: str, now: Clock) -> FastAPI:
    """An API that authenticates with Better Auth's session cookie, read by its
    development name ``better-auth.session_token`` only (the HMAC checked with
    BETTER_AUTH_SECRET, as Better Auth signs it): over https the browser sends
    ``__Secure-better-auth.session_token`` and this API finds no cookie."""

    def current_user(request: Request) -> str:
        cookie = unquote(request.cookies.get("better-auth.session_token", ""))
        value, _, mac = cookie.rpartition(".")
        good = base64.b64encode(hmac.new(secret.encode(), value.encode(), "sha256").digest())
        if not value or not hmac.compare_digest(good.decode(), mac):
            raise HTTPException(401, "Not signed in")
        return value[:8]

    return _api("todos (session cookie by literal name)", now, current_user)
