"""The reference of audit finding codes: one entry per code, in plain words.

Mirrors :mod:`jwtscope.core.catalog` (same :class:`CodeInfo`), so the project's generated
reference of finding codes can list these next to the token codes. Audit findings are
built through :func:`make`, so a code can only be emitted if it is listed here. Codes never
change meaning once released; new ones may be added.
"""

from __future__ import annotations

from jwtscope.audit.codes_authz import AUTHZ_ENTRIES
from jwtscope.audit.codes_betterauth import BETTER_AUTH_ENTRIES
from jwtscope.audit.codes_config import CONFIG_ENTRIES
from jwtscope.audit.model import AuditFinding
from jwtscope.core.catalog import CodeInfo
from jwtscope.core.findings import Severity

__all__ = ["AUDIT_CODES", "ENGINE_CODES", "make"]

C, E, W, INFO = Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO

_ENTRIES = (
    # routes
    CodeInfo(
        "AUDIT-ROUTE-UNPROTECTED",
        E,
        "Route without authentication",
        "No authentication dependency protects this FastAPI route: none in its parameters, "
        "its decorator's dependencies=, its APIRouter, the include_router call, the FastAPI "
        "app or an auth middleware. Anyone can call it. Mark intended public routes with "
        "--public or [tool.jwtscope] public = [...]. Warning for GET/HEAD; info when no "
        "route of the project is protected at all.",
        "audit.routes",
    ),
    CodeInfo(
        "AUDIT-TRAILING-SLASH",
        W,
        "Route declared only with a trailing slash",
        "The route exists only as '/todos/'. A client calling '/todos' gets a 307 redirect "
        "from Starlette, and browsers and HTTP clients drop the Authorization header when "
        "the redirect changes origin (e.g. http behind a proxy): the retried request is a "
        "401. Info when the route needs no token.",
        "audit.routes",
    ),
    # PyJWT / python-jose
    CodeInfo(
        "AUDIT-DECODE-NO-ALGORITHMS",
        E,
        "jwt.decode without algorithms=",
        "PyJWT 2 refuses to decode without algorithms= (DecodeError on every request); "
        "python-jose then accepts any algorithm the key allows, which opens key-confusion "
        "attacks. Pin the one algorithm your issuer uses.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-DECODE-NO-VERIFY",
        C,
        "Signature verification turned off",
        "jwt.decode is called with verify_signature False (or verify=False): any forged "
        "token is accepted, including alg 'none'.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-DECODE-NO-EXP",
        E,
        "Expiry check turned off",
        "jwt.decode is called with verify_exp False: expired tokens stay valid forever.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-DECODE-AUD-OFF",
        W,
        "Audience check turned off",
        "jwt.decode is called with options verify_aud False (written inline or in a "
        "variable passed as options=). The token's aud claim says which API it was issued "
        "for; without the check, a token the same issuer minted for another service or "
        "client (same key, different audience) is accepted by this one. Pass audience= "
        "with this API's value instead. A warning: harmless only when the issuer mints "
        "tokens for this API alone.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-ALG-NONE-ALLOWED",
        C,
        "algorithms allows 'none'",
        "The algorithms list contains 'none': an unsigned token is accepted, so anyone "
        "can forge any identity.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-ALG-MIXED",
        E,
        "HMAC and public-key algorithms mixed",
        "The algorithms list mixes HS* with RS*/PS*/ES*/EdDSA for the same key. If the "
        "public key is ever used as an HMAC secret, anyone holding it forges tokens "
        "(algorithm confusion). One key, one algorithm family.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-DECODE-NO-AUDIENCE",
        E,
        "Better Auth token decoded without audience=",
        "Better Auth's JWT plugin puts 'aud' (the baseURL origin) in every token. PyJWT "
        "raises InvalidAudienceError when a token has 'aud' and no audience= is passed: "
        "every request is a 401. Turning verify_aud off instead accepts tokens meant for "
        "other services.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-DECODE-BA-SECRET",
        E,
        "Better Auth JWT checked with BETTER_AUTH_SECRET",
        "The backend verifies tokens as HS* with BETTER_AUTH_SECRET/AUTH_SECRET. Better "
        "Auth's JWT plugin never signs with that secret: it signs with EdDSA (or ES/RS/PS) "
        "keys published at /api/auth/jwks. Every JWT fails with a signature error.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-SUB-INT-CAST",
        W,
        "Subject cast to int",
        "The code calls int() on the token's 'sub'. JWT subjects are strings; Better "
        "Auth's user ids are random strings, so the cast raises ValueError (a 500), and "
        "PyJWT 2.10+ rejects tokens whose sub is a number. Keep the id a string.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-JOSE-EDDSA",
        E,
        "python-jose used for EdDSA tokens",
        "The project's tokens are EdDSA (Better Auth's default, or an OKP/Ed25519 JWKS), "
        "and python-jose cannot verify EdDSA at all: every request fails. Use PyJWT "
        "(pyjwt[crypto]) with PyJWKClient.",
        "audit.pyjwt",
    ),
    CodeInfo(
        "AUDIT-EXCEPT-SWALLOW",
        E,
        "Token errors swallowed",
        "A bare except / except Exception around jwt.decode returns a value instead of "
        "raising: an invalid, expired or forged token becomes None, a default user or a "
        "200. Catch jwt.InvalidTokenError and raise HTTPException(401).",
        "audit.pyjwt",
    ),
    # secrets
    CodeInfo(
        "AUDIT-SECRET-LITERAL",
        E,
        "Hard-coded secret",
        "A signing secret is written in the source (passed as the key or assigned to a "
        "SECRET-like name). Everyone with the repository can forge tokens, and the value "
        "cannot be rotated without a deploy. Shown redacted.",
        "audit.secrets",
    ),
    CodeInfo(
        "AUDIT-SECRET-DEFAULT",
        W,
        "Secret read with a default value",
        "The secret is read from the environment with a literal fallback "
        "(os.getenv('JWT_SECRET', 'dev'), a Settings field default, `or 'x'`). When the "
        "variable is missing in production the server silently signs with the published "
        "default. Critical when the default is a well-known secret.",
        "audit.secrets",
    ),
    # configuration
    CodeInfo(
        "AUDIT-CORS-NO-AUTH-HEADER",
        E,
        "CORS does not allow the Authorization header",
        "CORSMiddleware's allow_headers lacks 'authorization' (or '*') while routes need a "
        "bearer token: the browser's preflight gets 400 'Disallowed CORS headers' and the "
        "real request is never sent.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-CORS-WILDCARD-CREDENTIALS",
        E,
        "CORS allows any origin with credentials",
        "allow_origins=['*'] (or an any-origin regex) with allow_credentials=True: Starlette "
        "then echoes the caller's Origin, so any website can make credentialed requests "
        "with the user's cookies. List the real frontend origins.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-CORS-REGEX-CREDENTIALS",
        E,
        "CORS origin regex admits origins others can own, with credentials",
        "allow_origin_regex with allow_credentials=True matches an origin an attacker can "
        "own (an unescaped dot, a missing '\\.' before the domain, a shared host such as "
        "*.vercel.app): a page there makes credentialed requests as the user.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-TOKEN-NO-EXPIRY",
        W,
        "Tokens minted without an expiry",
        "The project mints tokens with no lifetime (fastapi-users JWTStrategy("
        "lifetime_seconds=None), fastapi-jwt-auth expires_time=False): a leaked token "
        "works forever. Give them a lifetime and refresh them.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-COOKIE-INSECURE",
        W,
        "Auth cookie without Secure",
        "An auth cookie is set without the Secure flag (cookie_secure=False as an option or "
        "a settings default, set_cookie(secure=False)): it travels over plain http. Turn "
        "Secure off only for local development, from the environment.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-SCOPE-SELF-GRANTED",
        E,
        "Token scopes granted as the client asks",
        "The scope claim of a minted token is the list the client sent in the login form "
        "(form_data.scopes), never checked against what the user holds: any user can "
        "grant themselves any scope.",
        "audit.config",
    ),
    CodeInfo(
        "AUDIT-TOKEN-TYPE-UNCHECKED",
        E,
        "Refresh tokens accepted as access tokens",
        "The project mints refresh tokens (a type claim) with the key its access tokens "
        "use, and an access-token check never reads the type: a long-lived refresh token "
        "works wherever an access token does. Check the type after decoding.",
        "audit.config",
    ),
    # frontend (Better Auth, TypeScript/JavaScript)
    CodeInfo(
        "AUDIT-BA-NO-JWT-PLUGIN",
        E,
        "Backend verifies JWTs, but Better Auth has no jwt() plugin",
        "The backend decodes JWTs from Better Auth (a JWKS URL under /api/auth, or "
        "BETTER_AUTH_* settings), but the betterAuth({...}) configuration has no jwt() "
        "plugin: /api/auth/token and /api/auth/jwks answer 404 and the frontend can only "
        "send its session token, which is not a JWT (every request: 401).",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-JWKS-URL-MISMATCH",
        E,
        "Backend fetches keys from a URL Better Auth does not serve",
        "The JWKS URL in the backend has another path than the one Better Auth publishes "
        "(baseURL + basePath + /jwks, e.g. /api/auth/jwks): fetching keys fails (404 or "
        "HTML) and no token verifies.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-TOKEN-WEBSTORAGE",
        W,
        "Token kept in localStorage/sessionStorage",
        "A token is written to Web Storage, which every script on the page can read: one "
        "XSS steals it. Better Auth keeps the session in an httpOnly cookie; fetch the JWT "
        "when needed (authClient.token() / the set-auth-jwt header) and keep it in memory.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-BEARER-UNGUARDED",
        E,
        "Authorization built from a value that can be undefined",
        "`Bearer ${token}` (or 'Bearer ' + token) with no check that the token exists: "
        "before sign-in or when fetching the token failed, the request carries 'Bearer "
        "undefined' or 'Bearer null', which the backend rejects as a malformed token "
        "(401) — a confusing error instead of a clear 'not signed in'.",
        "audit.frontend",
    ),
    CodeInfo(
        "AUDIT-FETCH-NO-AUTH",
        E,
        "API call without the credential the route reads",
        "A fetch() reaches a protected route of the backend without what that route reads: "
        "no Authorization header (and no credentials) for a bearer-token route, or — "
        "cross-origin — no credentials: 'include' for a route that reads Better Auth's "
        "session cookie (browsers send cookies cross-origin only then). Every call is a 401. "
        "Only fetches whose URL matches a protected route of the audited backend are judged.",
        "audit.frontend",
    ),
    # env files and leaked credentials
    CodeInfo(
        "AUDIT-ENV-TRACKED",
        E,
        ".env file tracked by git",
        "git tracks this .env file: its secrets are in the repository history of everyone "
        "who cloned it, and stay there after the file is deleted. Warning when it holds no "
        "secret.",
        "audit.secrets",
    ),
    CodeInfo(
        "AUDIT-LEAKED-JWT",
        E,
        "JWT committed in the repository",
        "A signed token is written in a source file, fixture or log. Until it expires it "
        "is a working credential for its subject; even expired, it exposes the claims and "
        "lets anyone brute-force an HMAC secret offline. Warning when expired, info for "
        "well-known sample tokens. Shown redacted, with its decoded sub and exp.",
        "audit.secrets",
    ),
    CodeInfo(
        "AUDIT-LEAKED-SESSION",
        E,
        "Better Auth session cookie committed",
        "A better-auth.session_token cookie value is written in a log or fixture: it is a "
        "working session until it expires or is revoked. Shown redacted.",
        "audit.secrets",
    ),
    CodeInfo(
        "AUDIT-LEAKED-SECRET",
        E,
        "Secret committed in a log or fixture",
        "A value assigned to a secret-like name (SECRET, PASSWORD, PRIVATE_KEY, API_KEY) "
        "is written in a log, fixture or config file of the repository. Rotate it. Shown "
        "redacted.",
        "audit.secrets",
    ),
    # files
    CodeInfo(
        "AUDIT-PARSE-ERROR",
        INFO,
        "File does not parse",
        "The Python file could not be parsed (syntax error, Python 2 code, nesting too "
        "deep), so it was not audited. The rest of the project was.",
        "audit.files",
    ),
)

AUDIT_CODES: dict[str, CodeInfo] = {  # the route codes together: unprotected, then authz
    i.code: i
    for i in (*_ENTRIES[:1], *AUTHZ_ENTRIES, *_ENTRIES[1:], *BETTER_AUTH_ENTRIES, *CONFIG_ENTRIES)
}

#: Engine codes an audit also emits, with the same meaning, where the evidence is in the
#: source instead of a token or a response (e.g. a weak secret in a .env file).
ENGINE_CODES: tuple[str, ...] = (
    "SECRET-MISSING",
    "SECRET-EMPTY",
    "SECRET-SHORT",
    "SECRET-LOW-ENTROPY",
    "SECRET-COMMON",
    "SECRET-QUOTED",
    "SECRET-MISMATCH",
    "CAUSE-ALG-MISMATCH",
    "CAUSE-AUDIENCE",
    "CAUSE-ISSUER",
)
#: The severity of an engine cause when the audit sees it in the source: every request fails.
_CAUSE_SEVERITY = Severity.ERROR


def _info(code: str) -> tuple[str, Severity]:
    if code in AUDIT_CODES:
        info = AUDIT_CODES[code]
        return info.title, info.severity
    if code not in ENGINE_CODES:
        raise KeyError(code)
    if code.startswith("CAUSE-"):
        from jwtscope.core.diagnosis.diagnose import CAUSES

        return CAUSES[code], _CAUSE_SEVERITY
    from jwtscope.core.catalog import CODES

    return CODES[code].title, CODES[code].severity


def make(
    code: str,
    *,
    path: str,
    line: int,
    source_line: str,
    detail: str,
    fix: str = "",
    severity: Severity | None = None,
) -> AuditFinding:
    """Build an audit finding for a registered code.

    ``code`` is an ``AUDIT-*`` code or one of :data:`ENGINE_CODES`.

    Raises:
        KeyError: for a code missing from the reference (a programming error).
    """
    title, default = _info(code)
    return AuditFinding(
        code=code,
        severity=severity or default,
        title=title,
        detail=detail,
        fix=fix,
        path=path,
        line=line,
        source_line=source_line.strip(),
    )
