"""The multi-fault cases on the other stacks: pure Starlette, FastAPI + python-jose,
Express and node:http with jose. Expectations: see :mod:`net.replay_multi_support`."""

from __future__ import annotations

from net.replay_multi_support import (
    AHEAD,
    API,
    ENV_API,
    EXPIRED,
    ISSUER_SECRET,
    NEAR_EXPIRY,
    RSA_JWKS,
    MultiCase,
    node,
    ranked,
)
from net.replay_support import BA, BA_TOKEN, SECRET, hs
from servers import replay_backends_multi_jose as jo
from servers import replay_backends_multi_starlette as st
from servers.replay_backends import PLACEHOLDER_SECRET

__all__ = ["OTHER_STACK_CASES"]

OTHER_STACK_CASES: dict[str, MultiCase] = {
    # ---------------------------------------------------------------- Starlette
    "st-authmw-expired-noaud-lookup": MultiCase(
        "Starlette",
        "AuthenticationMiddleware JSON",
        "expired, no audience=, User not found",
        lambda c: st.authmw_users_by_id(SECRET, c),
        lambda: hs(aud=BA, **EXPIRED),
        ranked("EXPIRED AUDIENCE SUB-TYPE"),
    ),
    "st-default-on-error-wrong-secret": MultiCase(
        "Starlette",
        "AuthenticationMiddleware default: 400 plain text",
        "server's secret differs",
        lambda c: st.authmw_default_on_error(PLACEHOLDER_SECRET, c),
        lambda: hs(),
        ranked("WRONG-SECRET"),
    ),
    "st-challenge-expired-issuer": MultiCase(
        "Starlette",
        "RFC 6750 challenge, empty body",
        "expired, expected issuer differs",
        lambda c: st.challenge_route(SECRET, API, c),
        lambda: hs(iss=BA, **EXPIRED),
        ranked("EXPIRED ISSUER"),
        env=ENV_API,
    ),
    "st-scope-alg": MultiCase(
        "Starlette",
        "AuthenticationMiddleware JSON, 403 insufficient_scope",
        "HS256 with BETTER_AUTH_SECRET vs EdDSA, scope check 403",
        lambda c: st.authmw_scope(SECRET, BA, c),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH FORBIDDEN"),
    ),
    "st-cookie-login": MultiCase(
        "Starlette",
        "303 to /login",
        "reads a cookie (header sent)",
        lambda c: st.cookie_login_redirect(SECRET, c),
        lambda: hs(),
        # The same 303 to a token and to none: a lost token and a server on another key
        # answer alike (the scorecard's login-redirect-wrong-secret); nothing names the
        # cookie the server reads, so "unknown" naming both is the honest answer.
        ranked("UNKNOWN"),
    ),
    "st-html-skew-audience": MultiCase(
        "Starlette",
        "HTML page",
        "server clock +5 min leeway 0, expected aud differs",
        lambda c: st.html_page_clock_ahead(SECRET, API, c),
        lambda: hs(aud=BA, **NEAR_EXPIRY),
        ranked("CLOCK-SKEW AUDIENCE"),
        env=ENV_API,
    ),
    # ---------------------------------------------------------------- FastAPI + python-jose
    "jose-tutorial-alg-noaud-lookup": MultiCase(
        "FastAPI+python-jose",
        "opaque detail",
        "HS256 vs EdDSA, no audience=, users by id",
        lambda c: jo.jose_tutorial_users(SECRET, c),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH AUDIENCE SUB-TYPE"),
    ),
    "jose-expired-issuer": MultiCase(
        "FastAPI+python-jose",
        "python-jose message",
        "expired, expected issuer differs",
        lambda c: jo.jose_detail_issuer(SECRET, BA, API, c),
        lambda: hs(aud=BA, iss=BA, **EXPIRED),
        ranked("EXPIRED ISSUER"),
        env=ENV_API,
    ),
    "jose-wrong-secret": MultiCase(
        "FastAPI+python-jose",
        "python-jose message",
        "server's secret differs",
        lambda c: jo.jose_wrong_secret(PLACEHOLDER_SECRET, c),
        lambda: hs(),
        ranked("WRONG-SECRET"),
    ),
    "jose-nbf-intsub": MultiCase(
        "FastAPI+python-jose",
        "python-jose message + 500",
        "nbf in the future, int(sub) crash",
        lambda c: jo.jose_nbf_int_sub(SECRET, c),
        lambda: hs(**AHEAD),
        ranked("CLOCK-SKEW SUB-TYPE"),
    ),
    "jose-skew-user-id": MultiCase(
        "FastAPI+python-jose",
        "python-jose message",
        "server clock +5 min, Invalid user id",
        lambda c: jo.jose_skew_user_id(SECRET, c),
        lambda: hs(**NEAR_EXPIRY),
        ranked("CLOCK-SKEW SUB-TYPE"),
    ),
    "jose-auth0-kid": MultiCase(
        "FastAPI+python-jose",
        "Auth0 {code, description}",
        "kid not in the RSA JWKS",
        lambda c: jo.auth0_sample_kid(RSA_JWKS, API, API + "/", c),
        lambda: BA_TOKEN,
        ranked("KID-UNKNOWN"),
    ),
    # ---------------------------------------------------------------- Node + jose
    "node-http-expired-audience": MultiCase(
        "node:http",
        "RFC 6750 challenge, empty body",
        "expired, expected aud differs",
        node(framework="http", secret=SECRET, audience=API, surface="challenge"),
        lambda: hs(aud=BA, **EXPIRED),
        ranked("EXPIRED AUDIENCE"),
        env=ENV_API,
    ),
    "node-express-cookie": MultiCase(
        "Express",
        "JSON error",
        "reads a cookie (header sent)",
        node(framework="express", source="cookie", secret=SECRET, surface="json"),
        lambda: hs(),
        ranked("HEADER-NOT-RECEIVED"),
    ),
    "node-express-lookup-role": MultiCase(
        "Express",
        "JSON error, 403",
        "Number(sub) user lookup, role check 403",
        node(framework="express", secret=SECRET, users=True, role="admin", surface="json"),
        lambda: hs(role="user"),
        ranked("SUB-TYPE FORBIDDEN"),
    ),
    "node-http-rs256": MultiCase(
        "node:http",
        "JSON error",
        "RS256 pinned vs EdDSA",
        node(framework="http", jwks=RSA_JWKS, algorithms=["RS256"], surface="json"),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH"),
    ),
    "node-express-login-skew-audience": MultiCase(
        "Express",
        "302 to /login",
        "server clock +5 min, expected aud differs",
        node(framework="express", secret=SECRET, audience=API, skew=300, surface="login"),
        lambda: hs(aud=BA, **NEAR_EXPIRY),
        ranked("CLOCK-SKEW AUDIENCE"),
        env=ENV_API,
    ),
    "node-express-cors-bigint": MultiCase(
        "Express",
        "JSON error + 500 HTML",
        "preflight refuses authorization, BigInt(sub) crash",
        node(
            framework="express",
            secret=SECRET,
            bigintSub=True,
            cors={"origin": BA, "headers": "Content-Type"},
            surface="json",
        ),
        lambda: hs(),
        ranked("SUB-TYPE CORS-PREFLIGHT"),
        origin=BA,
    ),
    "node-express-plain-secret-expired": MultiCase(
        "Express",
        "plain text",
        "issuer signs with another secret, expired",
        node(framework="express", secret=SECRET, surface="plain"),
        lambda: hs(ISSUER_SECRET, **EXPIRED),
        ranked("WRONG-SECRET EXPIRED"),
    ),
}
