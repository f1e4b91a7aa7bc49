"""The reference of the HAR triage's cause codes (``jwtscope har``): one row per code, in
plain words, for ``jwtscope codes`` and the app's help (F1)."""

from __future__ import annotations

__all__ = ["HAR_CODES"]

#: code → (title, what it means). The order is the order of the checks in
#: :func:`jwtscope.core.har.har_cause.root_cause`, transport first.
HAR_CODES: dict[str, tuple[str, str]] = {
    "HAR-SERVER-ERROR": (
        "The first failure is a server error (5xx), not a refusal",
        "The API failed while handling the request; its log at that time says why. "
        "A token that fails to decode must give 401, not 500.",
    ),
    "HAR-TOKEN-ENDPOINT-5XX": (
        "The JWT endpoint answered 5xx: no new token could be issued",
        "The auth server's token endpoint failed (signing key, database, JWKS rotation), "
        "so every later request carried the old token or none.",
    ),
    "HAR-CORS": (
        "The browser blocked the request by CORS",
        "The API's answer has no Access-Control-Allow-Origin for the page's origin, or the "
        "preflight a cross-origin Authorization header needs was refused.",
    ),
    "HAR-NETWORK": (
        "The request got no answer at all",
        "The browser recorded no usable answer (DNS, TLS, proxy or a dropped connection), "
        "and nothing points at CORS.",
    ),
    "HAR-SIGN-IN-FAILED": (
        "The sign-in was refused: no token was issued",
        "The credentials or the account were refused (password, e-mail not verified, "
        "account locked); the auth server's log says which.",
    ),
    "HAR-REFRESH-FAILED": (
        "The token refresh failed",
        "The token endpoint refused the refresh (its session expired or was not sent), so "
        "the expired token could not be replaced.",
    ),
    "HAR-NO-HEADER": (
        "A request was sent without the Authorization header an earlier one carried",
        "An earlier request to the same API carried the token; this one carried none: a "
        "null token ('Bearer null') or a call that bypasses the fetch wrapper.",
    ),
    "HAR-COOKIE-NOT-SENT": (
        "A request was sent without the session cookie the browser held",
        "The cookie was set or sent before but not on this request: SameSite, Secure on "
        "plain http, or a cross-origin fetch without credentials: 'include'.",
    ),
    "HAR-NO-CREDENTIAL": (
        "The refused request carried no credential, and none came before",
        "The user was never signed in in this session, or the HAR was exported without "
        "sensitive data (Chrome strips cookies and Authorization by default).",
    ),
    "HAR-REFRESH-NOT-USED": (
        "A refresh handed out a new token, but the client kept sending the expired one",
        "The token endpoint answered with a new token; the next requests still carried the "
        "old, expired token: the client caches it instead of reading the refresh's answer.",
    ),
    "HAR-TOKEN-EXPIRED": (
        "The token expired between two requests and no refresh was attempted",
        "The last accepted request and the refused one straddle the token's exp, and no "
        "request to a token endpoint came between them.",
    ),
    "HAR-CLOCK-SKEW": (
        "The server's clock and the browser's disagree: the token was invalid by the server's",
        "The response's Date header is far from the request's start time; by the browser's "
        "clock the token was valid, by the server's it was expired or not yet valid.",
    ),
    "HAR-NOT-YET-VALID": (
        "The token was used before its iat/nbf",
        "At the time of the request the token was not yet valid: the issuer's clock runs "
        "ahead, or the API allows no leeway.",
    ),
    "HAR-SIGNATURE": (
        "The known keys do not verify the token the refused request carried",
        "The API most likely verifies with another key than the issuer signs with (another "
        "secret, a stale JWKS).",
    ),
    "HAR-REFUSED-VALID": (
        "A token valid at that time was refused",
        "Nothing in the HAR explains the refusal (audience, issuer, key or revocation are "
        "server-side): replay the request to rank the causes.",
    ),
}
