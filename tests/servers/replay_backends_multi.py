"""FastAPI + PyJWT todo APIs with two or three faults at once, at the token's stages.

Written the way real apps are written (an ``HTTPBearer`` dependency, ``jwt.decode`` with
pinned algorithms, user tables keyed by integer ids, role and scope checks), each with
the faults people stack without noticing: HS256 with ``BETTER_AUTH_SECRET`` fed an EdDSA
token, no ``audience=`` against a token with ``aud``, an expected issuer/audience other
than the token's, ``int(sub)``, a user lookup after verification, leeway 0 on a skewed
clock, a required ``jti``, a rotated JWKS, a 403 role check. Error surfaces vary: the
tutorial's specific ``detail``, one opaque message, an RFC 6750 challenge, an HTML page,
plain text. Transport faults (cookies, schemes, redirects, CORS) are in
:mod:`servers.replay_backends_multi_http`.

Every factory takes the app's clock ``now`` (``app.state.clock``; PyJWT's time checks
read it through :class:`servers.replay_clock.ClockedPyJWT`); serve with
:func:`servers.replay_clock.serve_backend`.
"""

# No ``from __future__ import annotations``: FastAPI resolves annotations at run time.
from collections.abc import Callable
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from servers.replay_backends import BEARER, new_app, todo_router
from servers.replay_clock import Clock, ClockedPyJWT

__all__ = [
    "USERS",
    "admin_only",
    "api_audience_issuer_opaque",
    "behind_clock_int_sub",
    "expired_no_audience_int_sub",
    "issuer_ahead_no_audience",
    "other_issuer_secret_int_sub",
    "require_jti",
    "rotated_jwks_challenge",
    "rs256_pinned_html",
    "scope_check_no_audience",
    "secret_users_by_id",
    "shifted",
    "skewed_no_audience",
]

#: The users table of the apps with integer ids (user 1 exists).
USERS = {1: "alice", 42: "bob"}
OPTIONAL_BEARER = HTTPBearer(auto_error=False)
Payload = dict[str, Any]


def shifted(now: Clock, skew: float) -> Clock:
    """A server clock ``skew`` seconds off ``now`` (a VM whose NTP sync failed)."""

    def server_now() -> float:
        return now() + skew

    return server_now


def _app(title: str, now: Clock, current_user: Callable[..., Any]) -> FastAPI:
    app = new_app(title, now)
    app.include_router(todo_router(current_user))
    return app


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise HTTPException(401, "Not authenticated", headers=BEARER)
    return credentials.credentials


def _tutorial_decode(decode: Callable[[str], Payload]) -> Callable[..., Payload]:
    """The tutorial dependency: ``Token has expired`` / ``Invalid token: <message>``."""

    def payload(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> Payload:
        try:
            return decode(_token(credentials))
        except jwt.ExpiredSignatureError:
            raise HTTPException(401, "Token has expired", headers=BEARER) from None
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, f"Invalid token: {e}", headers=BEARER) from None

    return payload


def expired_no_audience_int_sub(secret: str, now: Clock) -> FastAPI:
    """HS256 with the right secret, no ``audience=``, then ``int(payload["sub"])`` outside
    the ``try`` (a crash, 500). Fed an expired token with ``aud``: three stages."""
    decoder = ClockedPyJWT(now)
    token_payload = _tutorial_decode(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> int:
        return int(payload["sub"])

    return _app("todos (no audience=, integer ids)", now, current_user)


def secret_users_by_id(secret: str, audience: str, now: Clock) -> FastAPI:
    """HS256 with ``BETTER_AUTH_SECRET`` (``audience=`` right), then the user is looked up
    by integer id: ``User not found`` for Better Auth's string ids."""
    decoder = ClockedPyJWT(now)
    token_payload = _tutorial_decode(
        lambda t: decoder.decode(t, secret, algorithms=["HS256"], audience=audience)
    )

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> int:
        sub = str(payload["sub"])
        user_id = int(sub) if sub.isdigit() else None
        if user_id not in USERS:
            raise HTTPException(401, "User not found", headers=BEARER)
        return user_id

    return _app("todos (HS256 secret, users by id)", now, current_user)


def api_audience_issuer_opaque(secret: str, expected: str, now: Clock) -> FastAPI:
    """HS256 with ``audience=`` and ``issuer=`` both ``expected`` (the API's own URL), one
    opaque ``Could not validate credentials`` and ``Bearer error="invalid_token"``."""
    decoder = ClockedPyJWT(now)
    challenge = {"WWW-Authenticate": 'Bearer error="invalid_token"'}

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        token = _token(credentials)
        try:
            payload = decoder.decode(
                token, secret, algorithms=["HS256"], audience=expected, issuer=expected
            )
        except jwt.PyJWTError:
            raise HTTPException(401, "Could not validate credentials", headers=challenge) from None
        sub: str = payload["sub"]
        return sub

    return _app("todos (API audience and issuer)", now, current_user)


def skewed_no_audience(secret: str, now: Clock, skew: float = 300.0) -> FastAPI:
    """The tutorial dependency (no ``audience=``, leeway 0) on a server whose clock is
    ``skew`` seconds ahead (its ``Date`` says so)."""
    server_now = shifted(now, skew)
    decoder = ClockedPyJWT(server_now)
    token_payload = _tutorial_decode(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> str:
        sub: str = payload["sub"]
        return sub

    return _app("todos (clock ahead, no audience=)", server_now, current_user)


def behind_clock_int_sub(secret: str, now: Clock, skew: float = -120.0) -> FastAPI:
    """A server clock ``skew`` seconds behind, leeway 0, an opaque 401; then
    ``int(payload["sub"])`` outside the ``try`` (500)."""
    server_now = shifted(now, skew)
    decoder = ClockedPyJWT(server_now)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> int:
        token = _token(credentials)
        try:
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            raise HTTPException(401, "Could not validate credentials", headers=BEARER) from None
        return int(payload["sub"])

    return _app("todos (clock behind, integer ids)", server_now, current_user)


def issuer_ahead_no_audience(secret: str, now: Clock) -> FastAPI:
    """The tutorial dependency without ``audience=``, on a correct clock; fed tokens from
    an issuer whose clock runs ahead (``iat``/``nbf`` in the future)."""
    decoder = ClockedPyJWT(now)
    token_payload = _tutorial_decode(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> str:
        sub: str = payload["sub"]
        return sub

    return _app("todos (no audience=)", now, current_user)


def admin_only(secret: str, now: Clock) -> FastAPI:
    """The tutorial dependency, then a role check: 403 ``Not enough permissions`` unless
    the token's ``role`` is ``admin``."""
    decoder = ClockedPyJWT(now)
    token_payload = _tutorial_decode(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> str:
        if payload.get("role") != "admin":
            raise HTTPException(403, "Not enough permissions")
        sub: str = payload["sub"]
        return sub

    return _app("todos (admins only)", now, current_user)


def scope_check_no_audience(secret: str, now: Clock, scope: str = "todos:read") -> FastAPI:
    """No ``audience=``; then the token's ``scope`` must hold ``scope``: else 403
    ``Missing scope: todos:read`` with ``Bearer error="insufficient_scope"``."""
    decoder = ClockedPyJWT(now)
    token_payload = _tutorial_decode(lambda t: decoder.decode(t, secret, algorithms=["HS256"]))
    insufficient = {"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'}

    def current_user(payload: Annotated[Payload, Depends(token_payload)]) -> str:
        if scope not in str(payload.get("scope", "")).split():
            raise HTTPException(403, f"Missing scope: {scope}", headers=insufficient)
        sub: str = payload["sub"]
        return sub

    return _app("todos (scope check, no audience=)", now, current_user)


def _jwks_user(
    jwks: dict[str, Any], decode: Callable[[str, Any], Payload], answer: Callable[[str], Any]
) -> Callable[..., str]:
    keys = jwt.PyJWKSet.from_dict(jwks)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        token = _token(credentials)
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            try:
                key = keys[kid]
            except KeyError:
                raise jwt.PyJWKClientError(
                    f'Unable to find a signing key that matches: "{kid}"'
                ) from None
            payload = decode(token, key)
        except jwt.PyJWTError as e:
            raise answer(str(e)) from None
        sub: str = payload["sub"]
        return sub

    return current_user


def require_jti(jwks: dict[str, Any], audience: str, issuer: str, now: Clock) -> FastAPI:
    """EdDSA via the JWKS, ``audience=``/``issuer=`` right, and
    ``options={"require": ["exp", "iat", "jti"]}`` (Better Auth's tokens carry no jti)."""
    decoder = ClockedPyJWT(now)

    def decode(token: str, key: Any) -> Payload:
        options: Any = {"require": ["exp", "iat", "jti"]}
        return decoder.decode(
            token, key, algorithms=["EdDSA"], audience=audience, issuer=issuer, options=options
        )

    user = _jwks_user(jwks, decode, lambda m: HTTPException(401, m, headers=BEARER))
    return _app("todos (EdDSA, jti required)", now, user)


def rotated_jwks_challenge(jwks: dict[str, Any], now: Clock) -> FastAPI:
    """EdDSA via a JWKS whose key was rotated (another ``kid``), no ``audience=``: an
    empty 401 whose words are only the RFC 6750 challenge."""
    decoder = ClockedPyJWT(now)

    def answer(message: str) -> HTTPException:
        text = message.replace('"', "'")
        challenge = f'Bearer realm="api", error="invalid_token", error_description="{text}"'
        return HTTPException(401, "", headers={"WWW-Authenticate": challenge})

    user = _jwks_user(jwks, lambda t, k: decoder.decode(t, k, algorithms=["EdDSA"]), answer)
    app = _app("todos (rotated JWKS)", now, user)

    @app.exception_handler(HTTPException)
    async def empty(request: Request, exc: HTTPException) -> Response:
        return Response(b"", exc.status_code, headers=exc.headers)

    return app


def rs256_pinned_html(jwks: dict[str, Any], now: Clock) -> FastAPI:
    """RS256 pinned, the key picked by ``kid`` from an RSA JWKS, errors as an HTML page
    naming PyJWT's message (fed EdDSA tokens)."""
    decoder = ClockedPyJWT(now)
    keys = jwt.PyJWKSet.from_dict(jwks)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(OPTIONAL_BEARER)],
    ) -> str:
        token = _token(credentials)
        try:
            payload = decoder.decode(token, keys.keys[0], algorithms=["RS256"])
        except jwt.InvalidTokenError as e:
            raise HTTPException(401, str(e)) from None
        sub: str = payload["sub"]
        return sub

    app = _app("todos (RS256, HTML errors)", now, current_user)

    @app.exception_handler(HTTPException)
    async def page(request: Request, exc: HTTPException) -> Response:
        body = (
            "<!DOCTYPE html><html><head><title>Unauthorized</title></head><body>"
            f"<h1>{exc.status_code} Unauthorized</h1><p>{exc.detail}</p></body></html>"
        )
        return HTMLResponse(body, exc.status_code)

    return app


def other_issuer_secret_int_sub(secret: str, now: Clock) -> FastAPI:
    """HS256 with ``secret``, every token error a plain-text ``Unauthorized``; then
    ``int(payload["sub"])`` outside the ``try`` (500)."""
    decoder = ClockedPyJWT(now)

    def current_user(request: Request) -> int:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            if scheme.lower() != "bearer" or not token:
                raise jwt.InvalidTokenError("no bearer token")
            payload = decoder.decode(token, secret, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            raise HTTPException(401, "Unauthorized") from None
        return int(payload["sub"])

    app = _app("todos (plain Unauthorized, integer ids)", now, current_user)

    @app.exception_handler(HTTPException)
    async def plain(request: Request, exc: HTTPException) -> Response:
        return PlainTextResponse(str(exc.detail), exc.status_code)

    return app
