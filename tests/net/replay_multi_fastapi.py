"""The multi-fault cases on FastAPI + PyJWT backends: faults at the token's stages
(:mod:`servers.replay_backends_multi`) and with transport faults
(:mod:`servers.replay_backends_multi_http`). Expectations: see
:mod:`net.replay_multi_support`."""

from __future__ import annotations

from net.replay_multi_support import (
    AHEAD,
    API,
    ENV_API,
    EXPIRED,
    ISSUER_SECRET,
    NEAR_EXPIRY,
    ROTATED_JWKS,
    RSA_JWKS,
    MultiCase,
    ranked,
)
from net.replay_support import BA, BA_TOKEN, JWKS, SECRET, hs
from servers import replay_backends_multi as fa
from servers import replay_backends_multi_http as web

__all__ = ["FASTAPI_CASES"]

FASTAPI_CASES: dict[str, MultiCase] = {
    # ---------------------------------------------------------------- FastAPI + PyJWT
    "fa-expired-noaud-intsub": MultiCase(
        "FastAPI",
        "specific detail + 500",
        "expired, no audience=, int(sub) crash",
        lambda c: fa.expired_no_audience_int_sub(SECRET, c),
        lambda: hs(aud=BA, **EXPIRED),
        ranked("EXPIRED AUDIENCE SUB-TYPE"),
    ),
    "fa-alg-user-lookup": MultiCase(
        "FastAPI",
        "specific detail",
        "HS256 with BETTER_AUTH_SECRET vs EdDSA, User not found",
        lambda c: fa.secret_users_by_id(SECRET, BA, c),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH SUB-TYPE"),
    ),
    "fa-issuer-audience-opaque": MultiCase(
        "FastAPI",
        "opaque detail + RFC 6750 error",
        "expected iss and aud differ",
        lambda c: fa.api_audience_issuer_opaque(SECRET, API, c),
        lambda: hs(aud=BA, iss=BA),
        ranked("ISSUER AUDIENCE"),
        env=ENV_API,
    ),
    "fa-skew-ahead-noaud": MultiCase(
        "FastAPI",
        "specific detail",
        "server clock +5 min leeway 0, no audience=",
        lambda c: fa.skewed_no_audience(SECRET, c),
        lambda: hs(aud=BA, **NEAR_EXPIRY),
        ranked("CLOCK-SKEW AUDIENCE"),
    ),
    "fa-skew-behind-intsub": MultiCase(
        "FastAPI",
        "opaque detail + 500",
        "server clock -2 min leeway 0, int(sub) crash",
        lambda c: fa.behind_clock_int_sub(SECRET, c),
        lambda: hs(),
        ranked("CLOCK-SKEW SUB-TYPE"),
    ),
    "fa-issuer-ahead-noaud": MultiCase(
        "FastAPI",
        "specific detail",
        "issuer clock +10 min (iat/nbf future), no audience=",
        lambda c: fa.issuer_ahead_no_audience(SECRET, c),
        lambda: hs(aud=BA, **AHEAD),
        ranked("CLOCK-SKEW AUDIENCE"),
    ),
    "fa-expired-admin-only": MultiCase(
        "FastAPI",
        "specific detail, 403",
        "expired, role check 403",
        lambda c: fa.admin_only(SECRET, c),
        lambda: hs(role="user", **EXPIRED),
        ranked("EXPIRED FORBIDDEN"),
    ),
    "fa-noaud-scope-403": MultiCase(
        "FastAPI",
        "specific detail, 403 insufficient_scope",
        "no audience=, scope check 403",
        lambda c: fa.scope_check_no_audience(SECRET, c),
        lambda: hs(aud=BA, scope="openid profile"),
        ranked("AUDIENCE FORBIDDEN"),
    ),
    "fa-require-jti": MultiCase(
        "FastAPI",
        "specific detail",
        "require=[exp, iat, jti]",
        lambda c: fa.require_jti(JWKS, BA, BA, c),
        lambda: BA_TOKEN,
        ranked("CLAIM-REQUIRED"),
    ),
    "fa-rotated-jwks": MultiCase(
        "FastAPI",
        "RFC 6750 challenge, empty body",
        "kid not in the JWKS, no audience=",
        lambda c: fa.rotated_jwks_challenge(ROTATED_JWKS, c),
        lambda: BA_TOKEN,
        ranked("KID-UNKNOWN"),
    ),
    "fa-rs256-html": MultiCase(
        "FastAPI",
        "HTML page",
        "RS256 pinned vs EdDSA",
        lambda c: fa.rs256_pinned_html(RSA_JWKS, c),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH"),
    ),
    "fa-plain-issuer-secret-intsub": MultiCase(
        "FastAPI",
        "plain text + 500",
        "issuer signs with another secret, int(sub) crash",
        lambda c: fa.other_issuer_secret_int_sub(SECRET, c),
        lambda: hs(ISSUER_SECRET),
        ranked("WRONG-SECRET SUB-TYPE"),
    ),
    # ---------------------------------------------------------------- FastAPI transport
    "fa-cookie-only-expired": MultiCase(
        "FastAPI",
        "Not authenticated",
        "reads a cookie (header sent), expired",
        lambda c: web.cookie_only(SECRET, c),
        lambda: hs(**EXPIRED),
        ranked("HEADER-NOT-RECEIVED EXPIRED"),
    ),
    "fa-token-scheme": MultiCase(
        "FastAPI",
        "DRF words + WWW-Authenticate: Token",
        "server wants 'Token', client Bearer",
        lambda c: web.token_scheme(SECRET, c),
        lambda: hs(),
        ranked("SCHEME"),
    ),
    "fa-client-token-scheme-noaud": MultiCase(
        "FastAPI",
        "Not authenticated",
        "client sends 'Token', no audience=",
        lambda c: web.oauth2_no_audience(SECRET, c),
        lambda: hs(aud=BA),
        ranked("SCHEME AUDIENCE"),
        send="token-scheme",
    ),
    "fa-trailing-slash-expired": MultiCase(
        "FastAPI",
        "307 to /todos/",
        "trailing-slash redirect, expired",
        lambda c: web.trailing_slash(SECRET, c),
        lambda: hs(**EXPIRED),
        ranked("REDIRECT EXPIRED"),
    ),
    "fa-https-redirect-cors": MultiCase(
        "FastAPI",
        "307 to https://",
        "HTTPSRedirectMiddleware (preflight redirected too)",
        lambda c: web.https_redirect(SECRET, c),
        lambda: hs(),
        ranked("REDIRECT CORS-PREFLIGHT"),
        origin=BA,
    ),
    "fa-cors-headers-noaud": MultiCase(
        "FastAPI",
        "specific detail, 400 preflight",
        "CORS default allow_headers, no audience=",
        lambda c: web.cors_default_headers_no_audience(SECRET, c, BA),
        lambda: hs(aud=BA),
        ranked("AUDIENCE CORS-PREFLIGHT"),
        origin=BA,
    ),
    "fa-cors-origin-expired-intsub": MultiCase(
        "FastAPI",
        "specific detail + 500",
        "CORS origin refused, expired, int(sub) crash",
        lambda c: web.cors_other_origin_int_sub(SECRET, c, "https://app.example.com"),
        lambda: hs(**EXPIRED),
        ranked("EXPIRED SUB-TYPE CORS-PREFLIGHT"),
        origin=BA,
    ),
    "fa-login-guard-alg-lookup": MultiCase(
        "FastAPI",
        "302 to /login",
        "HS256 with BETTER_AUTH_SECRET vs EdDSA, users by id",
        lambda c: web.login_guard_users_by_id(SECRET, BA, c),
        lambda: BA_TOKEN,
        ranked("ALG-MISMATCH SUB-TYPE"),
    ),
}
