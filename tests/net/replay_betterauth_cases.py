"""The Better Auth replay cases: real Better Auth output (``tests/data/betterauth``) against
the backends of :mod:`servers.replay_backends_betterauth`, each with the FULL ranked list
of causes its design implies.

How the expectations were derived, before the tool was run: the faults a request meets in
the order a verifier meets them (transport → token → key → … → application), as in
:mod:`net.replay_multi_support`. A session artefact is a fault of the token stage; the
claims it carries speak for a token that should not be sent, so nothing behind it is
expected. ``Bearer null`` with an auth server that hides ``set-auth-jwt`` is two causes:
the header not exposed (why), and the junk sent (what). Each case is replayed at its
token's ``iat`` + 60 s (the backends' clocks and the replay's), unless it says otherwise.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives import serialization
from servers import replay_backends_betterauth as ba
from servers.harness import free_port_refused, serve
from servers.jwks_server import create_app as jwks_app
from servers.replay_clock import FixedClock, serve_backend
from testdata import BETTERAUTH

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.inputs import KeySources, explicit_keys
from jwtscope.services.replay_run import ReplayOutcome, run_replay

__all__ = ["BA_CASES", "BaCase", "run_ba_case"]

BA_URL = "http://localhost:3000"
HTTPS_LOCAL = "https://localhost:3000"


def text(scenario: str, name: str) -> str:
    return (BETTERAUTH / scenario / name).read_text().strip()


def jwks(scenario: str, name: str = "jwks.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text(scenario, name))
    return data


def iat(token: str) -> int:
    value: int = jwt.decode(token, options={"verify_signature": False})["iat"]
    return value


def cookie_value(scenario: str, name: str) -> str:
    """The value of a ``name=value`` cookie file, URL-decoded (as a client would send it)."""
    return unquote(text(scenario, name).partition("=")[2])


def env(scenario: str, *extra: tuple[str, str]) -> Environment:
    pairs = (("BETTER_AUTH_SECRET", text(scenario, "secret.txt")), *extra)
    return Environment((EnvSource("./.env", pairs),))


def payload_hs256(scenario: str) -> str:
    """The real plugin JWT's claims signed HS256 with the scenario's secret (a backend
    sharing BETTER_AUTH_SECRET; jwtscope then holds the key)."""
    claims = jwt.decode(text(scenario, "token.jwt"), options={"verify_signature": False})
    return jwt.encode(claims, text(scenario, "secret.txt"), algorithm="HS256")


def public_pem(scenario: str) -> str:
    key = jwt.PyJWK.from_dict(jwks(scenario)["keys"][0]).key
    return key.public_bytes(  # type: ignore[no-any-return, union-attr]
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


@dataclass(frozen=True)
class BaCase:
    """One backend and how it is replayed.

    Args:
        faults: the backend's faults, in words.
        backend: an ASGI app factory taking the clock.
        token: the token (or ``name=value`` cookie) the failing request carries.
        expected: the full ranked list of cause codes.
        url: the path replayed.
        env: the environment jwtscope reads (none by default).
        live_jwks: the JWKS the user passes with ``--jwks URL`` (served for the replay).
        auth: an auth-server factory; its get-session URL is passed as ``--auth-url``.
        origin: the browser origin (the CORS preflight is sent when set).
        headers: more request headers (the browser's ``Origin`` of a copied request).
        age: seconds after the token's ``iat`` at which the case is replayed.
    """

    faults: str
    backend: Callable[[FixedClock], Any]
    token: Callable[[], str]
    expected: list[str]
    url: str = "/todos"
    env: Environment = field(default_factory=lambda: Environment(()))
    live_jwks: Callable[[], dict[str, Any]] | None = None
    auth: Callable[[FixedClock], Any] | None = None
    origin: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    age: int = 60


def _dead_jwks() -> str:
    return free_port_refused() + "/api/auth/jwks"


@contextlib.contextmanager
def _optional(factory: Callable[[], Any] | None) -> Iterator[str | None]:
    if factory is None:
        yield None
        return
    with factory() as base:
        yield base


def run_ba_case(case: BaCase) -> ReplayOutcome:
    """Serve the case's backends, replay its request at the fixed clock, stop them."""
    token = case.token()
    clock = FixedClock(_issued(token) + case.age)
    live = (lambda: serve(jwks_app(case.live_jwks()))) if case.live_jwks else None
    auth = (lambda: serve_backend(case.auth(clock))) if case.auth else None  # type: ignore[misc]
    with serve_backend(case.backend(clock)) as base, _optional(live) as jwks_base:
        keys = KeySet()
        if jwks_base is not None:
            keys = explicit_keys(KeySources(jwks=(jwks_base + "/api/auth/jwks",)))
        with _optional(auth) as auth_base:
            request = build_request(base + case.url, token=token, headers=case.headers)
            return run_replay(
                request,
                env=case.env,
                keys=keys,
                origin=case.origin,
                auth_url=auth_base + "/api/auth/get-session" if auth_base else None,
                clock=clock,
                timeout=5,
            )


def _issued(token: str) -> int:
    """The token's ``iat``; for a token that is no JWS, the scenarios' plugin JWT's."""
    try:
        return iat(token)
    except (jwt.DecodeError, KeyError):
        return iat(text("plugin_default", "token.jwt"))


def _api(scenario: str, **kw: Any) -> Callable[[FixedClock], Any]:
    return lambda c: ba.jwks_api(jwks(scenario), c, **kw)


BA_CASES: dict[str, BaCase] = {
    # ------------------------------------------------------------ wrong kind of token
    "set-auth-token-as-bearer": BaCase(
        "the bearer plugin's set-auth-token (the session token) sent as the JWT",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: text("plugin_default", "set_auth_token.txt"),
        ["CAUSE-SESSION-TOKEN"],
    ),
    "cache-compact-as-bearer": BaCase(
        "the compact session_data cookie cache sent as the JWT",
        _api("cache_compact", audience=BA_URL, issuer=BA_URL),
        lambda: cookie_value("cache_compact", "session_data.txt"),
        ["CAUSE-SESSION-CACHE"],
    ),
    "cache-jwt-as-bearer": BaCase(
        "the HS256 session_data cache (signed with BETTER_AUTH_SECRET) sent as the JWT",
        _api("cache_jwt", audience=BA_URL, issuer=BA_URL),
        lambda: cookie_value("cache_jwt", "session_data.txt"),
        ["CAUSE-SESSION-CACHE"],
        env=env("cache_jwt"),
    ),
    "cache-jwt-accepted": BaCase(
        "HS256 on BETTER_AUTH_SECRET, the user from user.id: the API accepts the 'jwt' cache",
        lambda c: ba.session_cache_reader(text("cache_jwt", "secret.txt"), c),
        lambda: cookie_value("cache_jwt", "session_data.txt"),
        ["CAUSE-SESSION-CACHE"],
        env=env("cache_jwt"),
    ),
    "cache-jwe-cookie": BaCase(
        "the JWE session_data cache sent in its cookie to an API reading the header",
        _api("cache_jwe", audience=BA_URL, issuer=BA_URL),
        lambda: text("cache_jwe", "session_data.txt"),
        ["CAUSE-HEADER-NOT-RECEIVED", "CAUSE-SESSION-CACHE"],
    ),
    "cache-plugin-signed-as-bearer": BaCase(
        "the plugin-signed cache (aud better-auth:session-cache) to a JWKS verifier",
        _api("cache_jwt_plugin", audience=BA_URL, issuer=BA_URL),
        lambda: cookie_value("cache_jwt_plugin", "session_data.txt"),
        ["CAUSE-SESSION-CACHE"],
        env=env("cache_jwt_plugin"),
    ),
    # ------------------------------------------------------------ Bearer null
    "null-jwt-not-exposed": BaCase(
        "Bearer null; the auth server's CORS exposes no set-auth-jwt",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: "null",
        # "Bearer null" is the symptom of the hidden header, not a further stage.
        ["CAUSE-JWT-NOT-EXPOSED"],
        auth=lambda c: ba.auth_server(text("plugin_default", "set_auth_jwt.txt"), c, expose=False),
        origin=ba.FRONTEND,
    ),
    "null-jwt-exposed": BaCase(
        "Bearer null; the auth server exposes set-auth-jwt (the client code is at fault)",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: "null",
        ["CAUSE-JUNK-TOKEN"],
        auth=lambda c: ba.auth_server(text("plugin_default", "set_auth_jwt.txt"), c, expose=True),
        origin=ba.FRONTEND,
    ),
    "get-session-hides-jwt": BaCase(
        "the browser's get-session replayed (session cookie, Origin): set-auth-jwt not exposed",
        lambda c: ba.auth_server(text("plugin_default", "set_auth_jwt.txt"), c, expose=False),
        lambda: text("plugin_default", "session_cookie.txt"),
        ["CAUSE-JWT-NOT-EXPOSED"],
        url="/api/auth/get-session",
        headers=(("Origin", ba.FRONTEND),),
    ),
    "get-session-exposes-jwt": BaCase(
        "the same get-session with set-auth-jwt exposed",
        lambda c: ba.auth_server(text("plugin_default", "set_auth_jwt.txt"), c, expose=True),
        lambda: text("plugin_default", "session_cookie.txt"),
        ["CAUSE-OK"],
        url="/api/auth/get-session",
        headers=(("Origin", ba.FRONTEND),),
    ),
    "undefined-no-auth-url": BaCase(
        "Bearer undefined, no --auth-url",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: "undefined",
        ["CAUSE-JUNK-TOKEN"],
        origin=ba.FRONTEND,
    ),
    # ------------------------------------------------------------ verifiers without EdDSA
    "python-jose-eddsa": BaCase(
        "python-jose (no EdDSA) fed the plugin's EdDSA JWT",
        lambda c: ba.jose_api(jwks("plugin_default"), BA_URL, c),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-VERIFIER-NO-EDDSA"],
        env=env("plugin_default"),
    ),
    "python-jose-eddsa-uncaught": BaCase(
        "python-jose catching only JWTError: the JWKError escapes (500)",
        lambda c: ba.jose_api(jwks("plugin_default"), BA_URL, c, catch="JWTError"),
        lambda: text("plugin_default", "token.jwt"),
        # Nothing names EdDSA: a low candidate (int(sub) is disproved: the HS256 variant
        # with sub '1' is refused normally too).
        ["CAUSE-SERVER-ERROR", "CAUSE-VERIFIER-NO-EDDSA"],
        env=env("plugin_default"),
    ),
    "python-jose-eddsa-opaque": BaCase(
        "python-jose, one opaque 401 for every failure",
        lambda c: ba.jose_api(jwks("plugin_default"), BA_URL, c, catch="opaque"),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-UNKNOWN"],
    ),
    "rotated-backend-stale-opaque": BaCase(
        "kid B (live) to a backend holding A only, one opaque 401",
        _api("rotated", audience=BA_URL, issuer=BA_URL, opaque=True),
        lambda: text("rotated", "token_kid_b.jwt"),
        ["CAUSE-UNKNOWN"],
        live_jwks=lambda: jwks("rotated", "jwks_both.json"),
    ),
    "pyjwt-without-cryptography": BaCase(
        "PyJWT without cryptography fed the plugin's EdDSA JWT",
        lambda c: ba.pyjwt_without_crypto_api(public_pem("plugin_default"), BA_URL, c),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-VERIFIER-NO-EDDSA"],
    ),
    # ------------------------------------------------------------ iss / aud vs baseURL
    "issuer-https-expected": BaCase(
        "the API expects iss https://localhost:3000 (BETTER_AUTH_URL), the token http",
        _api("plugin_default", audience=BA_URL, issuer=HTTPS_LOCAL),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-ISSUER"],
        env=env("plugin_default", ("BETTER_AUTH_URL", HTTPS_LOCAL)),
    ),
    "hs256-issuer-https-nearby": BaCase(
        "HS256 with the shared secret; issuer= https, the token's http (not configured here)",
        lambda c: ba.hs256_api(
            text("plugin_default", "secret.txt"), c, audience=BA_URL, issuer=HTTPS_LOCAL
        ),
        lambda: payload_hs256("plugin_default"),
        ["CAUSE-ISSUER"],
        env=env("plugin_default"),
    ),
    "hs256-audience-slash-nearby": BaCase(
        "HS256 with the shared secret; audience= with a trailing slash",
        lambda c: ba.hs256_api(
            text("plugin_default", "secret.txt"), c, audience=BA_URL + "/", issuer=BA_URL
        ),
        lambda: payload_hs256("plugin_default"),
        ["CAUSE-AUDIENCE"],
        env=env("plugin_default"),
    ),
    # ------------------------------------------------------------ JWKS unreachable
    "jwks-unreachable-401": BaCase(
        "PyJWKClient on a dead port, the error caught as a 401",
        lambda c: ba.remote_jwks_api(_dead_jwks(), BA_URL, c, catch=True),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-JWKS-UNREACHABLE"],
        live_jwks=lambda: jwks("plugin_default"),
    ),
    "jwks-unreachable-500": BaCase(
        "PyJWKClient on a dead port, uncaught (500); the env's secret mints an HS256 variant",
        lambda c: ba.remote_jwks_api(_dead_jwks(), BA_URL, c, catch=False),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-JWKS-UNREACHABLE"],
        env=env("plugin_default"),
        live_jwks=lambda: jwks("plugin_default"),
    ),
    "jwks-unreachable-500-undecided": BaCase(
        "PyJWKClient on a dead port, uncaught (500); nothing to mint with",
        lambda c: ba.remote_jwks_api(_dead_jwks(), BA_URL, c, catch=False),
        lambda: text("plugin_default", "token.jwt"),
        # Both candidates stay low (nothing could be minted): a JWKS fetch, or int(sub).
        ["CAUSE-SERVER-ERROR", "CAUSE-JWKS-UNREACHABLE", "CAUSE-SUB-TYPE"],
        live_jwks=lambda: jwks("plugin_default"),
    ),
    # ------------------------------------------------------------ key rotation
    "rotated-backend-stale": BaCase(
        "kid B (live) to a backend that loaded the JWKS (A only) once",
        _api("rotated", audience=BA_URL, issuer=BA_URL),
        lambda: text("rotated", "token_kid_b.jwt"),
        ["CAUSE-JWKS-STALE"],
        live_jwks=lambda: jwks("rotated", "jwks_both.json"),
    ),
    "rotated-rs256-backend-stale": BaCase(
        "RS256: kid B (live) to a backend holding A only",
        _api("rotated_rs256", audience=BA_URL, issuer=BA_URL),
        lambda: text("rotated_rs256", "token_kid_b.jwt"),
        ["CAUSE-JWKS-STALE"],
        live_jwks=lambda: jwks("rotated_rs256", "jwks_both.json"),
    ),
    "rotated-es256-backend-stale": BaCase(
        "ES256: kid B (live) to a backend holding A only",
        _api("rotated_es256", audience=BA_URL, issuer=BA_URL),
        lambda: text("rotated_es256", "token_kid_b.jwt"),
        ["CAUSE-JWKS-STALE"],
        live_jwks=lambda: jwks("rotated_es256", "jwks_both.json"),
    ),
    "rotated-kid-retired": BaCase(
        "kid A, past its grace period: neither the live JWKS nor the backend has it",
        lambda c: ba.jwks_api(
            jwks("rotated", "jwks_later.json"), c, audience=BA_URL, issuer=BA_URL
        ),
        lambda: text("rotated", "token_kid_a.jwt"),
        ["CAUSE-KID-RETIRED"],
        live_jwks=lambda: jwks("rotated", "jwks_later.json"),
    ),
    "rotated-ok": BaCase(
        "kid B to a backend holding both keys",
        lambda c: ba.jwks_api(jwks("rotated", "jwks_both.json"), c, audience=BA_URL, issuer=BA_URL),
        lambda: text("rotated", "token_kid_b.jwt"),
        ["CAUSE-OK"],
        live_jwks=lambda: jwks("rotated", "jwks_both.json"),
    ),
    # ------------------------------------------------------------ BETTER_AUTH_SECRET changed
    "secret-changed-token-endpoint": BaCase(
        "GET /api/auth/token with the session cookie; the JWKS key sealed under another secret",
        lambda c: ba.token_endpoint_after_secret_change(
            text("secret_changed", "secret.txt"), text("secret_changed", "other_secret.txt"), c
        ),
        lambda: text("secret_changed", "session_cookie.txt"),
        ["CAUSE-BA-SECRET-ROTATED"],
        url="/api/auth/token",
    ),
    "secret-unchanged-token-endpoint": BaCase(
        "the same endpoint with the secret the key was sealed with",
        lambda c: ba.token_endpoint_after_secret_change(
            text("secret_changed", "secret.txt"), text("secret_changed", "secret.txt"), c
        ),
        lambda: text("secret_changed", "session_cookie.txt"),
        ["CAUSE-OK"],
        url="/api/auth/token",
    ),
    # ------------------------------------------------------------ the 15-minute JWT
    "plugin-jwt-expired": BaCase(
        "the plugin JWT sent an hour after it was issued",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-EXPIRED"],
        age=3600,
    ),
    "plugin-jwt-ok": BaCase(
        "the plugin JWT to a correct JWKS verifier",
        _api("plugin_default", audience=BA_URL, issuer=BA_URL),
        lambda: text("plugin_default", "token.jwt"),
        ["CAUSE-OK"],
    ),
}
