"""The audit codes of the Better Auth ↔ Python failure modes (issue 17): table rows that
:mod:`jwtscope.audit.codes` joins to its reference (kept apart so that module stays small)."""

from __future__ import annotations

from jwtscope.core.catalog import CodeInfo
from jwtscope.core.findings import Severity

__all__ = ["BETTER_AUTH_ENTRIES"]

E, W = Severity.ERROR, Severity.WARNING

BETTER_AUTH_ENTRIES = (
    CodeInfo(
        "AUDIT-BA-JWT-HEADER-HIDDEN",
        E,
        "set-auth-jwt is not exposed to the browser",
        "The frontend reads the set-auth-jwt response header, but the auth server's CORS "
        "configuration (Hono cors({ exposeHeaders }), Express cors({ exposedHeaders }), an "
        "Access-Control-Expose-Headers header) does not list it. Cross-origin, the browser "
        "hides every header not exposed: headers.get('set-auth-jwt') is null and the API "
        "gets 'Bearer null'. Same-origin setups need no expose and are not judged.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-VERIFIER-NO-EDDSA",
        E,
        "The backend's JWT library cannot verify EdDSA",
        "The backend verifies Better Auth JWTs, signed with EdDSA (Ed25519) unless "
        "jwks.keyPairConfig.alg says otherwise, but its dependencies or code cannot: PyJWT "
        "without the cryptography package (pyjwt without the [crypto] extra and no "
        "cryptography installed) has no EdDSA, and joserfc accepts only the algorithms it "
        "is given (EdDSA is not among its defaults). Every request fails.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-BA-ISS-AUD-MISMATCH",
        E,
        "Issuer/audience differs from what Better Auth puts in its tokens",
        "The backend's issuer= or audience= is not exactly the value Better Auth writes in "
        "iss/aud (the origin of its baseURL / BETTER_AUTH_URL, or jwt.issuer / "
        "jwt.audience): http vs https, localhost vs the public host, a trailing slash, or "
        "the base URL where a custom issuer/audience is configured. PyJWT compares the "
        "strings exactly, so every token fails with InvalidIssuerError/InvalidAudienceError.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-JWKS-LOCALHOST-CONTAINER",
        E,
        "JWKS URL points at localhost inside a container",
        "In docker-compose, the backend service fetches the JWKS from localhost/127.0.0.1, "
        "but the auth server is another service: inside the backend's container localhost "
        "is the backend itself, so fetching keys fails (connection refused) and every token "
        "is rejected. Use the auth service's name and container port.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-JWKS-NO-REFRESH",
        W,
        "JWKS loaded once and never refreshed",
        "The backend fetches the JWKS once (at import, in the lifespan, or behind "
        "@lru_cache) and looks keys up in that copy: after Better Auth rotates its key, "
        "tokens with the new kid are rejected until the process restarts. PyJWT's "
        "PyJWKClient refetches on an unknown kid and is not flagged.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-BA-COOKIE-PREFIX",
        W,
        "Better Auth cookie read without its __Secure- name",
        "The backend reads better-auth.session_token (or session_data) by its literal "
        "name. Over https Better Auth names its cookies __Secure-better-auth.session_token: "
        "the backend works in development (http) and finds no cookie in production.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-BA-JWT-CACHED-ONCE",
        W,
        "Better Auth JWT fetched once and reused",
        "The frontend gets the JWT once (at module load, or in a useEffect with [] deps) "
        "and keeps reusing it, with no new fetch on a 401 or near expiry. Better Auth's "
        "JWTs live 15 minutes: after that every API call is a 401 until a reload.",
        "audit.frontend",
    ),
)
