"""Better Auth's failure modes in a replay: a session artefact sent as the access token
(the session token, the ``session_data`` cookie cache in every strategy), ``Bearer
null`` because the browser cannot read ``set-auth-jwt`` (the auth server's CORS answer,
when ``--auth-url`` names its get-session URL), ``BETTER_AUTH_SECRET`` changed under the
JWKS private key (the auth server's token endpoints answer 500), and the fix of an
expired plugin JWT.

No fix here makes an API accept a session artefact as an access token: when the token
is one, the causes read from its claims (key, signature, time, iss, aud, sub) are
dropped, as they speak for a token that should not be sent at all.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from jwtscope.core.checks.betterauth import SEND_INSTEAD
from jwtscope.core.diagnosis.causes import Evidence, stage_of
from jwtscope.core.diagnosis.replay_plan import AUTH_CORS, NO_TOKEN, ORIGINAL
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    accepted,
    answer_line,
    refused,
    says,
)
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.token.betterauth_shapes import CACHE_STRATEGIES, cache_strategy
from jwtscope.core.token.parsing import TokenKind

__all__ = ["finish_betterauth", "note_eddsa_candidate", "read_betterauth"]

#: The Better Auth endpoints a session cookie is meant for (the JWT is issued there).
_AUTH_ENDPOINTS = ("get-session", "token")
#: The header the jwt() plugin puts the JWT in on get-session.
JWT_HEADER = "set-auth-jwt"
#: What the client sends when it could not read the JWT.
_NULL_LITERALS = ("null", "undefined")
#: The auth server's words when the JWKS private key does not decrypt.
_DECRYPT_SAYS = ("failed to decrypt private key", "decrypt")
_SECRET_FIX = (
    "BETTER_AUTH_SECRET is not the one the jwt() plugin's private key was encrypted with "
    "(it is stored encrypted in the `jwks` table): the auth server can no longer sign a "
    'JWT, so `GET /api/auth/token` and get-session fail with 500 (its log says "Failed to '
    'decrypt private key"). Set BETTER_AUTH_SECRET back to the value the environment '
    "started with (compare fingerprints with `jwtscope inspect --env-file …`). To change "
    "the secret for good, delete the rows of the `jwks` table so the plugin creates a new "
    "key pair (tokens signed by the old key stop verifying; backends must refetch the "
    "JWKS). Never share one database between environments with different secrets."
)
_EXPOSE_FIX = (
    "The frontend reads the JWT from the `set-auth-jwt` header of get-session, but the "
    "auth server's CORS answer does not expose it, so the browser hides it and the client "
    "sends `Bearer null`. Expose it on the auth server: Hono `cors({{ origin: {origin!r}, "
    "credentials: true, exposeHeaders: ['set-auth-jwt'] }})`, Express `cors({{ origin: "
    "{origin!r}, credentials: true, exposedHeaders: ['set-auth-jwt'] }})` (a `cors()` "
    "registered after Better Auth's handler overwrites its headers). Or fetch the JWT "
    "with `authClient.token()` (`GET /api/auth/token`) instead of reading the header; "
    "and guard the header (`if (!jwt) return`) so `null` is never sent."
)


def _is_session_artefact(ctx: RuleContext) -> str | None:
    """``session`` (the session token), a cookie-cache strategy, or None."""
    token = ctx.report.token
    if token.kind is TokenKind.SESSION:
        return "session"
    location = ctx.original.request.location
    carrier = f"cookie:{location.name}" if location.kind == "cookie" else ctx.report.input.carrier
    strategy = cache_strategy(token, carrier)
    found = ctx.report.finding("BA-SESSION-CACHE")
    if strategy is None and found is not None:  # e.g. a JWE that BETTER_AUTH_SECRET opened
        strategy = dict(found.evidence).get("strategy")
    return strategy


def _to_auth_server(ctx: RuleContext) -> bool:
    """The request goes to Better Auth's own get-session or token endpoint (under its
    basePath: ``/api/auth``, or a custom one such as ``/auth``)."""
    segments = urlsplit(ctx.original.request.url).path.strip("/").split("/")
    under_auth = any("auth" in segment for segment in segments[:-1])
    return under_auth and segments[-1] in _AUTH_ENDPOINTS


#: The check that decides whether the backend's JWT library can verify EdDSA.
_EDDSA_CHECK = (
    "in the backend's environment, `python -c \"import jwt; "
    "jwt.get_algorithm_by_name('EdDSA')\"` (PyJWT without cryptography fails), and its "
    "requirements: python-jose has no EdDSA (an uncaught JWKError 'Unable to find an "
    "algorithm for key' is a 500)"
)


def read_betterauth(ctx: RuleContext) -> None:
    """Name the Better Auth causes the token and the answers show."""
    _session_cache(ctx)
    _null_bearer(ctx)
    _secret_rotated(ctx)
    _get_session_hides_jwt(ctx)
    _eddsa_crash(ctx)


def _eddsa_crash(ctx: RuleContext) -> None:
    """An EdDSA token crashes the backend (5xx) where the answer without a token is a
    normal refusal, and every HS256 variant is refused normally: a library that cannot
    do EdDSA raising an error nobody catches is a candidate (low)."""
    original, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if ctx.report.token.alg != "EdDSA" or (original.status or 0) < 500 or not refused(no_token):
        return
    variants = ctx.variants
    if not variants or not all(refused(v) for v in variants):
        return
    assert no_token is not None
    evidence = [
        ctx.ev(ORIGINAL),
        *(ctx.ev(v.purpose, f"{answer_line(v)}: refused normally") for v in variants),
    ]
    fix = (
        "Undecided: only the EdDSA token crashes the backend; tokens it can read are "
        f"refused normally. The check that decides: {_EDDSA_CHECK}. Then: PyJWT needs "
        "`pip install 'pyjwt[crypto]'`; replace python-jose (PyJWT or joserfc with "
        'algorithms=["EdDSA"]); catch its errors as 401.'
    )
    ctx.found.add("CAUSE-VERIFIER-NO-EDDSA", "low", evidence, fix, weight=1)


def note_eddsa_candidate(ctx: RuleContext) -> None:
    """CAUSE-UNKNOWN for an EdDSA token: a verifier that cannot do EdDSA refuses every
    one in the same words; say which check decides it."""
    unknown = ctx.found.causes.get("CAUSE-UNKNOWN")
    if unknown is None or ctx.report.token.alg != "EdDSA":
        return
    line = f"- CAUSE-VERIFIER-NO-EDDSA: {_EDDSA_CHECK}"
    marker = "The request that would decide:"
    sep = "\n" if marker in unknown.fix else f"\n{marker}\n"
    ctx.found.causes["CAUSE-UNKNOWN"] = replace(unknown, fix=unknown.fix + sep + line)


def _session_cache(ctx: RuleContext) -> None:
    strategy = _is_session_artefact(ctx)
    if strategy in (None, "session") or _to_auth_server(ctx):
        return
    assert strategy is not None
    finding = ctx.report.finding("BA-SESSION-CACHE")
    evidence = [Evidence("token", f"BA-SESSION-CACHE: {CACHE_STRATEGIES[strategy]}")]
    if finding is not None:
        evidence = [Evidence("token", f"BA-SESSION-CACHE: {finding.detail}")]
    if refused(ctx.original):
        evidence.insert(0, ctx.ev(ORIGINAL))
    elif accepted(ctx.original):
        # Not "no auth problem": the API takes Better Auth's session cache as its access
        # token (an HS256 verifier on BETTER_AUTH_SECRET accepts the 'jwt' strategy's).
        line = (
            f"{answer_line(ctx.original)}: the API accepts the session cookie cache as an "
            "access token; a copy of the session for Better Auth itself, it is not revoked "
            "with the session and must never authenticate API calls"
        )
        evidence.insert(0, Evidence(ORIGINAL, line))
        ctx.found.causes.pop("CAUSE-OK", None)
        stale = ctx.report.finding("BA-CACHE-STALE")
        if stale is not None:  # how long this API stays open after a sign-out
            evidence.append(Evidence("token", f"BA-CACHE-STALE: {stale.detail}"))
    ctx.found.add("CAUSE-SESSION-CACHE", "high", evidence, SEND_INSTEAD, weight=9)


def _null_bearer(ctx: RuleContext) -> None:
    """``Bearer null``: read the auth server's CORS answer when it was asked."""
    token = ctx.report.token
    if token.kind is not TokenKind.JUNK or token.raw.strip().lower() not in _NULL_LITERALS:
        return
    cors = ctx.ex.get(AUTH_CORS)
    junk = ctx.found.causes.get("CAUSE-JUNK-TOKEN")
    if cors is None or cors.status is None:
        if junk is not None:
            why = " (the auth server's get-session could not be asked)" if cors is not None else ""
            fix = (
                f"{junk.fix}\nWith Better Auth, `Bearer {token.raw.strip()}` is often the "
                "`set-auth-jwt` header the browser could not read: the auth server's CORS "
                f"answer must expose it{why}. To check, replay with `--auth-url "
                "<auth server>/api/auth/get-session` (and --origin <frontend origin>; in the "
                "TUI, the Replay screen's Auth URL and the request's Origin header)."
            )
            ctx.found.causes["CAUSE-JUNK-TOKEN"] = replace(junk, fix=fix)
        return
    origin, allowed, readable, says_line = _exposure(cors)
    if allowed not in (origin, "*") or not readable:
        if allowed not in (origin, "*"):
            line = f"{says_line}: the auth server does not allow the origin {origin} at all"
        else:
            line = (
                f"{says_line}: '{JWT_HEADER}' is not exposed to {origin}, so the browser hides it"
            )
        # The literal is this cause's symptom, not a further stage: one cause, one fix.
        ctx.found.causes.pop("CAUSE-JUNK-TOKEN", None)
        ev = [ctx.ev(ORIGINAL), Evidence(AUTH_CORS, line)]
        fix = _EXPOSE_FIX.format(origin=origin) + (
            f"\nUntil then, the client should not send `Bearer {token.raw.strip()}`: skip "
            "the call (or sign in again) when no JWT was read."
        )
        confidence = "medium" if allowed not in (origin, "*") else "high"
        ctx.found.add("CAUSE-JWT-NOT-EXPOSED", confidence, ev, fix, 10)
    elif junk is not None:
        line = (
            f"{says_line}: '{JWT_HEADER}' is exposed to {origin}; the browser can read it, so "
            "the client code reads or keeps it wrongly (or never calls get-session)"
        )
        ctx.found.causes["CAUSE-JUNK-TOKEN"] = replace(
            junk, evidence=(*junk.evidence, Evidence(AUTH_CORS, line))
        )


def _exposure(ex: Exchange) -> tuple[str, str, bool, str]:
    """What a CORS answer shows the browser: the request's origin, the allowed origin,
    whether ``set-auth-jwt`` is readable, and the answer's line for the evidence."""
    origin = next((v for k, v in ex.request.headers if k.lower() == "origin"), "")
    allowed = ex.header("access-control-allow-origin") or ""
    exposed = ex.header("access-control-expose-headers") or ""
    credentials = (ex.header("access-control-allow-credentials") or "").lower() == "true"
    names = {n.strip().lower() for n in exposed.split(",") if n.strip()}
    readable = JWT_HEADER in names or ("*" in names and not credentials)
    line = (
        f"{answer_line(ex)}, Access-Control-Allow-Origin: {allowed or '(none)'}, "
        f"Access-Control-Expose-Headers: {exposed or '(none)'}"
    )
    return origin, allowed, readable, line


def _get_session_hides_jwt(ctx: RuleContext) -> None:
    """The replayed request is the browser's get-session (with its ``Origin``): it answers
    ``set-auth-jwt``, and its CORS answer does not expose it to that origin."""
    original = ctx.original
    path = urlsplit(original.request.url).path.rstrip("/")
    if not (_to_auth_server(ctx) and path.endswith("get-session")) or not original.ok:
        return
    origin, allowed, readable, line = _exposure(original)
    if not origin or original.header(JWT_HEADER) is None or allowed not in (origin, "*"):
        return
    if readable:
        return
    line += f": the answer carries '{JWT_HEADER}', but the browser at {origin} cannot read it"
    fix = _EXPOSE_FIX.format(origin=origin)
    ctx.found.add("CAUSE-JWT-NOT-EXPOSED", "high", [Evidence(ORIGINAL, line)], fix, weight=10)
    ctx.found.causes.pop("CAUSE-OK", None)


def _secret_rotated(ctx: RuleContext) -> None:
    """A session cookie sent to Better Auth's token endpoint, answered with a 500."""
    original = ctx.original
    if (original.status or 0) < 500 or not _to_auth_server(ctx):
        return
    if ctx.report.token.kind is not TokenKind.SESSION:
        return
    no_token = ctx.ex.get(NO_TOKEN)
    evidence = [ctx.ev(ORIGINAL)]
    if says(original, *_DECRYPT_SAYS):
        confidence = "high"
    elif no_token is not None and no_token.status is not None and no_token.status < 500:
        confidence = "medium"
        evidence.append(
            ctx.ev(
                NO_TOKEN,
                f"{answer_line(no_token)}: without the session the auth server answers; it "
                "fails only when it has to sign a JWT for the session (its log would say "
                '"Failed to decrypt private key")',
            )
        )
    else:
        confidence = "low"
    ctx.found.add("CAUSE-BA-SECRET-ROTATED", confidence, evidence, _SECRET_FIX, weight=3)
    if confidence != "low":
        ctx.found.causes.pop("CAUSE-SERVER-ERROR", None)


def finish_betterauth(ctx: RuleContext) -> None:
    """After every rule: a session artefact's claim causes go, a session cookie sent to
    the auth server is no fault, and an expired plugin JWT gets Better Auth's fix."""
    artefact = _is_session_artefact(ctx)
    # A backend that accepted the session cookie under its unprefixed name takes session
    # cookies by design (like the auth server itself): sending one is no fault there.
    takes_sessions = "CAUSE-COOKIE-PREFIX" in ctx.found.causes
    to_auth_server = artefact is not None and _to_auth_server(ctx)
    if to_auth_server or (artefact is not None and takes_sessions):
        ctx.found.causes.pop("CAUSE-SESSION-TOKEN", None)
    if artefact is not None and not to_auth_server:
        first, last = stage_of("CAUSE-ALG-MISMATCH"), stage_of("CAUSE-SUB-TYPE")
        for code, cause in list(ctx.found.causes.items()):
            if first <= cause.stage_index <= last:
                del ctx.found.causes[code]
        lost = ctx.found.causes.get("CAUSE-HEADER-NOT-RECEIVED")
        if lost is not None:  # never "make the API read the cookie": it is a session one
            ctx.found.causes["CAUSE-HEADER-NOT-RECEIVED"] = replace(lost, fix=SEND_INSTEAD)
    expired = ctx.found.causes.get("CAUSE-EXPIRED")
    finding = ctx.report.finding("BA-JWT-EXPIRED")
    if expired is not None and finding is not None and finding.fix:
        ctx.found.causes["CAUSE-EXPIRED"] = replace(expired, fix=finding.fix)
