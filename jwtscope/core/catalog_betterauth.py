"""The Better Auth rows of the finding-code reference (merged by ``jwtscope.core.catalog``).

Rows of ``(code, severity, title, explain, family)``: what Better Auth users send or
configure wrongly, recognised on Better Auth 1.7's real output (tests/data/betterauth).
"""

from __future__ import annotations

from jwtscope.core.findings import Severity

__all__ = ["BETTER_AUTH_ROWS"]

BETTER_AUTH_ROWS: tuple[tuple[str, Severity, str, str, str], ...] = (
    (
        "BA-SESSION-CACHE",
        Severity.ERROR,
        "Better Auth session cookie cache, not an access token",
        "The token is Better Auth's session_data cookie cache (strategy compact, jwt or "
        "jwe; or signed with the JWT plugin's key, typ 'better-auth.session-cache+jwt', aud "
        "'better-auth:session-cache'). It is a copy of the session for Better Auth itself, "
        "not an access token: an API must never accept it (no audience='better-auth:"
        "session-cache'). Send the JWT plugin's token instead: GET /api/auth/token, or the "
        "set-auth-jwt header of /api/auth/get-session.",
        "input",
    ),
    (
        "BA-CACHE-STALE",
        Severity.WARNING,
        "Cookie cache lags behind sign-out and revocation",
        "Better Auth trusts a session_data cookie cache without a database lookup until it "
        "expires (session.cookieCache.maxAge, 300 s by default): a sign-out, a revoked "
        "session or a changed user shows up only after that. The finding gives the time "
        "the cache has left.",
        "time",
    ),
    (
        "BA-JWT-EXPIRED",
        Severity.WARNING,
        "Better Auth JWT expired: the client did not fetch a fresh one",
        "The JWT plugin's tokens live 15 minutes (expirationTime '15m', 900 s) and are not "
        "refreshed by themselves: a client that fetched one once keeps sending it after "
        "it expired. The client must get a new one from GET /api/auth/token (authClient."
        "token()) or the set-auth-jwt header of get-session, before 'exp'.",
        "time",
    ),
    (
        "BA-URL-MISMATCH",
        Severity.ERROR,
        "iss/aud differ from BETTER_AUTH_URL",
        "Better Auth's JWT plugin writes its baseURL (without a trailing slash) as 'iss' "
        "and 'aud' unless jwt({ jwt: { issuer, audience } }) sets others. The token's "
        "values differ from the BETTER_AUTH_URL the API is configured with: http vs https, "
        "localhost vs the public host, another port, a trailing slash or path, or a custom "
        "issuer/audience. Both values are shown side by side.",
        "claims",
    ),
)
