"""FastAPI + python-jose todo APIs (the library of FastAPI's older tutorial and of Auth0's
FastAPI sample), with stacked faults and python-jose's own error messages
(``Signature has expired.``, ``Invalid audience``, ``The token is not yet valid (nbf)``,
``Signature verification failed.``, ``The specified alg value is not allowed``).

The clock: python-jose reads ``datetime.now(UTC)`` inside ``jose.jwt``. :func:`jose_decode`
runs ``jose.jwt.decode`` with the app's clock by giving ``jose.jwt`` a ``datetime`` whose
``now()`` answers the clock of the decode in progress (a context variable; outside a
decode it is the real ``datetime.now``). python-jose's rules, order and messages stay its
own.
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
import contextvars
import datetime as _dt
from typing import Annotated, Any

import jose.jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer
from jose import JWTError
from jose.exceptions import ExpiredSignatureError
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_backends_multi import USERS, shifted
from servers.replay_clock import Clock

__all__ = [
    "auth0_sample_kid",
    "jose_decode",
    "jose_detail_issuer",
    "jose_nbf_int_sub",
    "jose_skew_user_id",
    "jose_tutorial_users",
    "jose_wrong_secret",
]

_CLOCK: contextvars.ContextVar[Clock | None] = contextvars.ContextVar("jose_clock", default=None)


class _ClockedDatetime(_dt.datetime):
    @classmethod
    def now(cls, tz: _dt.tzinfo | None = None) -> Any:
        clock = _CLOCK.get()
        if clock is None:
            return _dt.datetime.now(tz)
        return _dt.datetime.fromtimestamp(clock(), tz)


jose.jwt.datetime = _ClockedDatetime  # type: ignore[misc]


def jose_decode(token: str, key: Any, now: Clock, **kwargs: Any) -> dict[str, Any]:
    """``jose.jwt.decode(token, key, **kwargs)`` with ``now`` as python-jose's clock."""
    reset = _CLOCK.set(now)
    try:
        claims: dict[str, Any] = jose.jwt.decode(token, key, **kwargs)
        return claims
    finally:
        _CLOCK.reset(reset)


OAUTH2 = OAuth2PasswordBearer(tokenUrl="token")
CREDENTIALS_EXCEPTION = HTTPException(401, "Could not validate credentials", headers=BEARER)


def _app(title: str, now: Clock, current_user: Any) -> FastAPI:
    app = new_app(title, now)
    app.include_router(todo_router(current_user))
    return app


def jose_tutorial_users(secret: str, now: Clock) -> FastAPI:
    """FastAPI's python-jose tutorial, adapted to integer user ids: HS256 with
    ``BETTER_AUTH_SECRET``, no ``audience=``, one ``Could not validate credentials``."""

    def current_user(token: Annotated[str, Depends(OAUTH2)]) -> int:
        try:
            payload = jose_decode(token, secret, now, algorithms=["HS256"])
            sub = payload.get("sub")
            if sub is None:
                raise CREDENTIALS_EXCEPTION
        except JWTError:
            raise CREDENTIALS_EXCEPTION from None
        user_id = int(sub) if str(sub).isdigit() else None
        if user_id not in USERS:
            raise CREDENTIALS_EXCEPTION
        return user_id

    return _app("todos (python-jose tutorial)", now, current_user)


def _detail_user(secret: str, now: Clock, **options: Any) -> Any:
    def current_user(token: Annotated[str, Depends(OAUTH2)]) -> str:
        try:
            payload = jose_decode(token, secret, now, algorithms=["HS256"], **options)
        except JWTError as e:
            raise HTTPException(401, str(e), headers=BEARER) from None
        sub: str = payload["sub"]
        return sub

    return current_user


def jose_detail_issuer(secret: str, audience: str, issuer: str, now: Clock) -> FastAPI:
    """python-jose's message as the detail; ``audience=`` and ``issuer=`` given."""
    user = _detail_user(secret, now, audience=audience, issuer=issuer)
    return _app("todos (python-jose, issuer)", now, user)


def jose_wrong_secret(secret: str, now: Clock) -> FastAPI:
    """python-jose's message as the detail, HS256 with ``secret``."""
    return _app("todos (python-jose)", now, _detail_user(secret, now))


def jose_nbf_int_sub(secret: str, now: Clock) -> FastAPI:
    """python-jose's message as the detail; then ``int(payload["sub"])`` outside the
    ``try`` (500)."""

    def current_user(token: Annotated[str, Depends(OAUTH2)]) -> int:
        try:
            payload = jose_decode(token, secret, now, algorithms=["HS256"])
        except ExpiredSignatureError:
            raise HTTPException(401, "Token expired", headers=BEARER) from None
        except JWTError as e:
            raise HTTPException(401, str(e), headers=BEARER) from None
        return int(payload["sub"])

    return _app("todos (python-jose, integer ids)", now, current_user)


def jose_skew_user_id(secret: str, now: Clock, skew: float = 300.0) -> FastAPI:
    """python-jose, leeway 0, a server clock ``skew`` seconds ahead; then the id is
    ``int(sub)``, a ``ValueError`` answered 401 ``Invalid user id``."""
    server_now = shifted(now, skew)

    def current_user(token: Annotated[str, Depends(OAUTH2)]) -> int:
        try:
            payload = jose_decode(token, secret, server_now, algorithms=["HS256"])
        except JWTError as e:
            raise HTTPException(401, str(e), headers=BEARER) from None
        try:
            return int(payload["sub"])
        except ValueError:
            raise HTTPException(401, "Invalid user id", headers=BEARER) from None

    return _app("todos (python-jose, clock ahead)", server_now, current_user)


def auth0_sample_kid(jwks: dict[str, Any], audience: str, issuer: str, now: Clock) -> FastAPI:
    """Auth0's FastAPI sample: the RSA key whose ``kid`` matches the token's, else 401
    ``{"code": "invalid_header", "description": "Unable to find appropriate key"}``."""

    def auth_error(code: str, description: str) -> HTTPException:
        return HTTPException(401, {"code": code, "description": description})

    def current_user(token: Annotated[str, Depends(OAUTH2)]) -> str:
        try:
            unverified_header = jose.jwt.get_unverified_header(token)
        except JWTError:
            raise auth_error("invalid_header", "Unable to parse authentication token.") from None
        rsa_key = next((k for k in jwks["keys"] if k["kid"] == unverified_header.get("kid")), None)
        if rsa_key is None:
            raise auth_error("invalid_header", "Unable to find appropriate key")
        try:
            payload = jose_decode(
                token, rsa_key, now, algorithms=["RS256"], audience=audience, issuer=issuer
            )
        except ExpiredSignatureError:
            raise auth_error("token_expired", "token is expired") from None
        except jose.jwt.JWTClaimsError:
            raise auth_error(
                "invalid_claims", "incorrect claims, please check the audience and issuer"
            ) from None
        except JWTError:
            raise auth_error("invalid_header", "Unable to parse authentication token.") from None
        sub: str = payload["sub"]
        return sub

    return _app("todos (Auth0 sample)", now, current_user)
