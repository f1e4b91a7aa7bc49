"""Name the root cause of a failing request from the token, the environment and the answers.

Three sources: the token's findings (:class:`~jwtscope.core.analysis.Report`), what the
server answered to each request (status, ``detail``, ``WWW-Authenticate``, ``Date``,
``Location``, CORS headers) and, when the secret is known, how it answered tokens that
differ from the failing one in one dimension. Each cause carries its evidence (tied to
the request that showed it) and a fix; causes are ranked by confidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    FRESH_NO_AUD,
    HS256_ENV,
    NO_TOKEN,
    NUMERIC_SUB,
    ORIGINAL,
    PREFLIGHT,
)
from jwtscope.core.keys.keyset import HMAC_ALGS
from jwtscope.core.pyjwt_fix import jwks_url_for, pyjwt_call
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.timefmt import iso_utc, span
from jwtscope.core.token.parsing import TokenKind

__all__ = ["CAUSES", "Cause", "Diagnosis", "Evidence", "diagnose"]

#: Every cause code and its title.
CAUSES = {
    "CAUSE-OK": "The request succeeds: no auth problem",
    "CAUSE-HEADER-NOT-RECEIVED": "The server did not receive the token",
    "CAUSE-SCHEME": "Wrong authorization scheme",
    "CAUSE-JUNK-TOKEN": "The client sends a JavaScript artefact, not a token",
    "CAUSE-SESSION-TOKEN": "A Better Auth session token is sent where a JWT is expected",
    "CAUSE-ALG-MISMATCH": "The backend verifies with another algorithm than the token's",
    "CAUSE-WRONG-SECRET": "Issuer and backend use different secrets",
    "CAUSE-EXPIRED": "The token has expired",
    "CAUSE-CLOCK-SKEW": "The server's clock disagrees with the issuer's",
    "CAUSE-AUDIENCE": "Audience check fails",
    "CAUSE-ISSUER": "Issuer check fails",
    "CAUSE-SUB-TYPE": "The backend mishandles the type of 'sub'",
    "CAUSE-KID-UNKNOWN": "The token's key id is not in the backend's key set",
    "CAUSE-REDIRECT": "A redirect loses the request or its Authorization header",
    "CAUSE-CORS-PREFLIGHT": "The browser's CORS preflight is refused",
    "CAUSE-SERVER-ERROR": "The server fails (5xx) on the auth path",
    "CAUSE-FORBIDDEN": "Authenticated, but refused (ownership or role)",
    "CAUSE-UNKNOWN": "No known cause matches",
}
_CONFIDENCE = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class Evidence:
    """One observation, tied to the request (or token) that showed it."""

    source: str
    line: str


@dataclass(frozen=True)
class Cause:
    """A ranked hypothesis with its evidence and fix."""

    code: str
    confidence: str
    evidence: tuple[Evidence, ...]
    fix: str
    weight: int = 0

    @property
    def title(self) -> str:
        """The cause's title."""
        return CAUSES[self.code]

    @property
    def rank_key(self) -> tuple[int, int]:
        """Sort key: confidence first, then the cause's own weight."""
        return (_CONFIDENCE[self.confidence], self.weight)


@dataclass(frozen=True)
class Diagnosis:
    """The ranked causes for one replay, and every exchange behind them."""

    causes: tuple[Cause, ...]
    exchanges: tuple[Exchange, ...] = field(default=())

    @property
    def top(self) -> Cause | None:
        """The most likely cause."""
        return self.causes[0] if self.causes else None

    @property
    def ok(self) -> bool:
        """True when the top cause is CAUSE-OK."""
        return self.top is not None and self.top.code == "CAUSE-OK"


def _lower(text: str | None) -> str:
    return (text or "").lower()


def _says(ex: Exchange | None, *needles: str) -> bool:
    if ex is None:
        return False
    challenge = ex.challenge
    text = " ".join(
        [_lower(ex.detail), _lower(challenge.get("error_description") if challenge else "")]
    )
    return any(n in text for n in needles)


def _refused(ex: Exchange | None) -> bool:
    return ex is not None and ex.status in (401, 403)


def _accepted(ex: Exchange | None) -> bool:
    """Authentication passed: anything but 401/403, 3xx and 5xx."""
    return (
        ex is not None
        and ex.status is not None
        and ex.status < 500
        and (ex.status not in (401, 403) and not 300 <= ex.status < 400)
    )


def _line(ex: Exchange) -> str:
    return f"{ex.request.method} {_path(ex.request.url)} → {ex.summary()}"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + ("?…" if parts.query else "")


class _Collector:
    def __init__(self) -> None:
        self.causes: dict[str, Cause] = {}

    def add(
        self, code: str, confidence: str, evidence: Sequence[Evidence], fix: str, weight: int = 0
    ) -> None:
        current = self.causes.get(code)
        new = Cause(code, confidence, tuple(evidence), fix, weight)
        if current is None or new.rank_key > current.rank_key:
            if current is not None:
                new = Cause(
                    code,
                    confidence,
                    tuple(dict.fromkeys(new.evidence + current.evidence)),
                    fix,
                    weight,
                )
            self.causes[code] = new


def diagnose(
    report: Report,
    exchanges: Sequence[Exchange],
    *,
    jwks_url: str | None = None,
    secret_name: str | None = None,
) -> Diagnosis:
    """Rank the causes of a failing request.

    Args:
        report: the analysis of the token the request carries.
        exchanges: every exchange sent, each with its probe key as ``purpose``.
        jwks_url: the JWKS URL the user named, if any (used in fixes).
        secret_name: the variable holding the HMAC secret (used in fixes).
    """
    by_key = {ex.purpose: ex for ex in exchanges}
    original = by_key.get(ORIGINAL)
    found = _Collector()
    if original is None or original.status is None:
        return Diagnosis((), tuple(exchanges))
    ctx = _Context(report, by_key, original, jwks_url, secret_name or "JWT_SECRET", found)
    for rule in _RULES:
        rule(ctx)
    if _says(original, "audience", "expired", "issuer", "subject", "not yet valid"):
        # PyJWT checks claims only after the signature verified: key-related guesses are out.
        for code in ("CAUSE-ALG-MISMATCH", "CAUSE-WRONG-SECRET", "CAUSE-KID-UNKNOWN"):
            cause = found.causes.get(code)
            if cause is not None and cause.confidence != "high":
                del found.causes[code]
    if not found.causes:
        found.add(
            "CAUSE-UNKNOWN",
            "low",
            [Evidence("original", _line(original))],
            "Compare the server's logs for this request; run with the secret in .env so "
            "jwtscope can bisect with minted tokens.",
        )
    ranked = sorted(found.causes.values(), key=lambda c: c.rank_key, reverse=True)
    return Diagnosis(tuple(ranked), tuple(exchanges))


@dataclass
class _Context:
    report: Report
    ex: dict[str, Exchange]
    original: Exchange
    jwks_url: str | None
    secret_name: str
    found: _Collector

    def ev(self, key: str, line: str | None = None) -> Evidence:
        ex = self.ex[key]
        return Evidence(key, line or _line(ex))

    def token_ev(self, code: str) -> Evidence | None:
        finding = self.report.finding(code)
        return Evidence("token", f"{code}: {finding.detail}") if finding else None

    def call(self, alg: str | None = None) -> str:
        return pyjwt_call(
            self.report.token.payload,
            alg or self.report.token.alg or "HS256",
            jwks_url=self.jwks_url,
            secret_name=self.secret_name,
        )


def _ok(ctx: _Context) -> None:
    if ctx.original.ok:
        ctx.found.add(
            "CAUSE-OK",
            "high",
            [ctx.ev(ORIGINAL)],
            "Nothing to fix on the server for this request.",
            weight=1,
        )


def _redirect(ctx: _Context) -> None:
    ex = ctx.original
    if ex.status is None or not 300 <= ex.status < 400:
        return
    location = ex.header("location") or ""
    target = urlsplit(location)
    source = urlsplit(ex.request.url)
    other_origin = bool(target.netloc) and (target.scheme, target.netloc) != (
        source.scheme,
        source.netloc,
    )
    lines = [ctx.ev(ORIGINAL, f"{_line(ex)}, Location: {location or '(none)'}")]
    slash = target.path.rstrip("/") == source.path.rstrip("/") and target.path != source.path
    if other_origin:
        lines.append(
            Evidence(
                "original",
                "the redirect changes origin: HTTP clients and "
                "browsers drop the Authorization header on it",
            )
        )
    fix = f"Call the final URL directly ({location})."
    if slash:
        fix += (
            " Starlette redirects to the other trailing-slash form with a 307: use the "
            "exact path the route is declared with, or declare both (or "
            "`APIRouter(redirect_slashes=False)` and one canonical path)."
        )
    if other_origin:
        fix += " Make the redirect stay on the same origin (check proxy/host settings)."
    ctx.found.add("CAUSE-REDIRECT", "high", lines, fix, weight=5)


def _cors(ctx: _Context) -> None:
    pre = ctx.ex.get(PREFLIGHT)
    if pre is None or pre.status is None:
        return
    allowed = _lower(pre.header("access-control-allow-headers"))
    wanted = _lower(pre.request.header("Access-Control-Request-Headers"))
    header_ok = not wanted or "*" in allowed or wanted in [h.strip() for h in allowed.split(",")]
    if pre.ok and header_ok and pre.header("access-control-allow-origin"):
        return
    detail = pre.detail or ""
    lines = [ctx.ev(PREFLIGHT, f"{_line(pre)}; allow-headers: {allowed or '(none)'}")]
    fix = (
        "Allow the header in CORSMiddleware: `app.add_middleware(CORSMiddleware, "
        f'allow_origins=["{pre.request.header("Origin")}"], allow_credentials=True, '
        'allow_methods=["*"], allow_headers=["Authorization", "Content-Type"])`'
    )
    if "disallowed cors origin" in detail.lower() or not pre.header("access-control-allow-origin"):
        fix = fix.replace("Allow the header", "Allow this origin and the header")
    # Above "it works from curl" (a browser still fails), below a proven auth cause.
    weight = 9 if ctx.original.ok else 2
    ctx.found.add("CAUSE-CORS-PREFLIGHT", "high", lines, fix, weight=weight)


def _server_error(ctx: _Context) -> None:
    ex = ctx.original
    if ex.status is None or ex.status < 500:
        return
    lines = [ctx.ev(ORIGINAL)]
    no_token = ctx.ex.get(NO_TOKEN)
    if no_token is not None and _refused(no_token):
        lines.append(
            ctx.ev(
                NO_TOKEN,
                f"{_line(no_token)}: without a token the auth check "
                "answers normally, so the crash happens after the token is read",
            )
        )
    ctx.found.add(
        "CAUSE-SERVER-ERROR",
        "medium",
        lines,
        "Read the server's traceback for this request; wrap the token handling so "
        "bad tokens give 401, not 500.",
        weight=1,
    )
    sub = (ctx.report.token.payload or {}).get("sub")
    numeric = ctx.ex.get(NUMERIC_SUB)
    disproved = numeric is not None and not _accepted(numeric)
    if (
        isinstance(sub, str)
        and not sub.isdigit()
        and no_token is not None
        and _refused(no_token)
        and not disproved
    ):
        ctx.found.add(
            "CAUSE-SUB-TYPE",
            "low",
            [
                *lines,
                Evidence(
                    "token",
                    f"sub is {sub!r}, not a number: a backend doing int(payload['sub']) crashes",
                ),
            ],
            _SUB_FIX,
            weight=2,
        )


_SUB_FIX = (
    "Keep 'sub' a string in the backend: `user_id = payload[\"sub\"]` (Better Auth ids "
    "are strings); if your database uses integer ids, map them explicitly instead of "
    "int(sub)."
)


def _bisect(ctx: _Context) -> None:
    report, ex = ctx.report, ctx.ex
    refused = _refused(ctx.original) or (ctx.original.status or 0) >= 500
    if not refused:
        return
    fresh, no_aud = ex.get(FRESH), ex.get(FRESH_NO_AUD)
    hs256, numeric = ex.get(HS256_ENV), ex.get(NUMERIC_SUB)
    alg = report.token.alg or "?"
    if hs256 is not None and _accepted(hs256):
        ctx.found.add(
            "CAUSE-ALG-MISMATCH",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(
                    HS256_ENV,
                    f"{_line(hs256)}: the same claims "
                    f"signed HS256 with {ctx.secret_name} are accepted",
                ),
            ],
            f"The backend verifies HS256 with the shared secret, but the issuer signs "
            f"{alg} (Better Auth's JWT plugin). Verify against the JWKS:\n" + ctx.call(),
            weight=8,
        )
    if fresh is not None and _refused(fresh) and no_aud is not None and _accepted(no_aud):
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "high",
            [
                ctx.ev(FRESH),
                ctx.ev(FRESH_NO_AUD, f"{_line(no_aud)}: without 'aud' the same token is accepted"),
            ],
            "Pass the audience to PyJWT:\n" + ctx.call(),
            weight=7,
        )
    if hs256 is not None and _refused(hs256) and no_aud is not None and _accepted(no_aud):
        # Shows only once the algorithm matches: a second problem behind the first.
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "medium",
            [
                ctx.ev(HS256_ENV),
                ctx.ev(FRESH_NO_AUD, f"{_line(no_aud)}: without 'aud' the same token is accepted"),
            ],
            "After the algorithm is fixed, PyJWT will still refuse the token's 'aud' "
            "unless it is passed:\n" + ctx.call(),
            weight=3,
        )
    if fresh is not None and _accepted(fresh):
        if report.finding("EXP-PAST"):
            ctx.found.add(
                "CAUSE-EXPIRED",
                "high",
                [
                    ctx.ev(ORIGINAL),
                    ctx.ev(FRESH, f"{_line(fresh)}: the same claims with a fresh exp are accepted"),
                    *_opt(ctx.token_ev("EXP-PAST")),
                ],
                _EXPIRED_FIX,
                weight=6,
            )
        elif report.signature.status.value == "invalid":
            ctx.found.add(
                "CAUSE-WRONG-SECRET",
                "high",
                [
                    ctx.ev(ORIGINAL),
                    ctx.ev(
                        FRESH, f"{_line(fresh)}: re-signed with {ctx.secret_name} it is accepted"
                    ),
                    *_opt(ctx.token_ev("SIG-INVALID")),
                ],
                f"The issuer signs with another secret than the backend's "
                f"{ctx.secret_name}. Use one value on both sides (compare fingerprints "
                "with `jwtscope inspect --env-file web/.env.local --env-file api/.env`).",
                weight=6,
            )
    if (
        fresh is not None
        and _refused(fresh)
        and _says(fresh, "signature verification failed", "invalid signature", "signature")
    ):
        ctx.found.add(
            "CAUSE-WRONG-SECRET",
            "high",
            [
                ctx.ev(
                    FRESH,
                    f"{_line(fresh)}: a token signed with the environment's "
                    f"{ctx.secret_name} is refused too",
                )
            ],
            f"The backend does not use the {ctx.secret_name} found here. Check the "
            "backend's environment (process env overrides .env) and use one secret "
            "everywhere.",
            weight=5,
        )
    reference = fresh or hs256
    if (
        numeric is not None
        and _accepted(numeric)
        and reference is not None
        and ((reference.status or 0) >= 500 or _says(reference, "subject"))
    ):
        ctx.found.add(
            "CAUSE-SUB-TYPE",
            "high",
            [
                ctx.ev(fresh.purpose if fresh else HS256_ENV),
                ctx.ev(NUMERIC_SUB, f"{_line(numeric)}: with sub '1' it works"),
            ],
            _SUB_FIX,
            weight=7,
        )


_EXPIRED_FIX = (
    "Get a new token before calling the API (Better Auth: `GET /api/auth/token`, "
    "refresh before 'exp'); check that the client does not cache an old token."
)


def _opt(item: Evidence | None) -> list[Evidence]:
    return [item] if item is not None else []


def _not_received(ctx: _Context) -> None:
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    request = ex.request
    if not _refused(ex):
        return
    same = no_token is not None and no_token.status == ex.status and no_token.detail == ex.detail
    generic = _says(
        ex,
        "not authenticated",
        "missing",
        "no token",
        "authorization header",
        "credentials were not provided",
        "invalid authentication credentials",
    )
    if not (same or generic):
        return
    location = request.location
    lines = [ctx.ev(ORIGINAL)]
    if same and no_token is not None:
        lines.append(ctx.ev(NO_TOKEN, f"{_line(no_token)}: the same answer as without a token"))
    if ex.status == 403 and _says(ex, "not authenticated"):
        lines.append(
            Evidence(
                "original",
                "403 'Not authenticated' is FastAPI's HTTPBearer before "
                "0.122 (newer versions answer 401)",
            )
        )
    if location.kind == "authorization" and location.scheme.lower() != "bearer":
        ctx.found.add(
            "CAUSE-SCHEME",
            "high",
            [
                *lines,
                Evidence(
                    "request",
                    f"the header says '{location.scheme} …'; HTTPBearer only accepts 'Bearer'",
                ),
            ],
            "Send `Authorization: Bearer <token>`.",
            weight=8,
        )
        return
    if location.kind in ("cookie", "header"):
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "high",
            [
                *lines,
                Evidence(
                    "request",
                    f"the token travels in the {location.kind} {location.name!r}, "
                    "but the API reads 'Authorization: Bearer'",
                ),
            ],
            "Send the token as `Authorization: Bearer <token>` (Better Auth: fetch a JWT "
            "from /api/auth/token and set the header), or make the API read the cookie.",
            weight=8,
        )
        return
    if location.kind == "none":
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "high",
            [*lines, Evidence("request", "the request carries no token at all")],
            "The client sends no token: attach `Authorization: Bearer <token>`.",
            weight=8,
        )
        return
    if same:
        ctx.found.add(
            "CAUSE-HEADER-NOT-RECEIVED",
            "medium",
            [*lines, Evidence("request", "the request does carry 'Authorization: Bearer …'")],
            "Something between client and API drops the header: a proxy or load "
            "balancer (pass Authorization through), a redirect to another origin, or "
            "middleware reading another header.",
            weight=3,
        )


def _messages(ctx: _Context) -> None:
    ex, report = ctx.original, ctx.report
    if not _refused(ex):
        return
    alg = report.token.alg or "?"
    tok = report.token
    if tok.kind is TokenKind.JUNK and ex.request.token is not None:
        ctx.found.add(
            "CAUSE-JUNK-TOKEN",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("TOKEN-JUNK"))],
            "Fix the client code that builds the header: await the token, guard a "
            "missing session (`if (!token) return`), read the right property.",
            weight=9,
        )
    if tok.kind is TokenKind.SESSION:
        ctx.found.add(
            "CAUSE-SESSION-TOKEN",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("BA-SESSION-TOKEN"))],
            "Send a JWT, not the session token: get it from `GET /api/auth/token` (or the "
            "`set-auth-jwt` header of /api/auth/get-session) and verify it with the JWKS:\n"
            + ctx.call(alg="EdDSA"),
            weight=9,
        )
    if _says(
        ex,
        "alg value is not allowed",
        "algorithm not allowed",
        "invalid algorithm",
        "algorithm not supported",
        "unsupported algorithm",
        "algorithm",
    ):
        confidence = "high" if alg not in HMAC_ALGS else "medium"
        ctx.found.add(
            "CAUSE-ALG-MISMATCH",
            confidence,
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("ALG-KEY-MISMATCH"))],
            f"The backend's algorithms= does not include the token's {alg}. Pin it:\n" + ctx.call(),
            weight=6,
        )
    elif report.finding("ALG-KEY-MISMATCH") and alg not in HMAC_ALGS:
        ctx.found.add(
            "CAUSE-ALG-MISMATCH",
            "low",
            [*_opt(ctx.token_ev("ALG-KEY-MISMATCH"))],
            "If the backend verifies with the shared secret, verify against the JWKS:\n"
            + ctx.call(),
            weight=2,
        )
    if _says(ex, "audience"):
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("AUD-PRESENT"))],
            "Pass the token's audience to PyJWT:\n" + ctx.call(),
            weight=6,
        )
    elif report.finding("AUD-PRESENT"):
        ctx.found.add(
            "CAUSE-AUDIENCE",
            "low",
            [*_opt(ctx.token_ev("AUD-PRESENT"))],
            "If the backend calls jwt.decode without audience=, PyJWT refuses tokens "
            "with 'aud':\n" + ctx.call(),
            weight=1,
        )
    if _says(ex, "invalid issuer", "issuer"):
        ctx.found.add(
            "CAUSE-ISSUER",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("ISS-MISMATCH"))],
            "Use the issuer the token carries (Better Auth: its baseURL origin):\n" + ctx.call(),
            weight=5,
        )
    if _says(ex, "subject must be a string", "invalid subject"):
        ctx.found.add(
            "CAUSE-SUB-TYPE",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("SUB-NOT-STRING"))],
            "Issue 'sub' as a string (PyJWT 2.10+ requires it).",
            weight=6,
        )
    if _says(ex, "unable to find a signing key", "signing key", "key id", "unknown kid"):
        ctx.found.add(
            "CAUSE-KID-UNKNOWN",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("KID-UNKNOWN"))],
            f"The backend's JWKS lacks the token's kid: point it at the issuer's JWKS "
            f"({jwks_url_for(report.token.payload, explicit=ctx.jwks_url)}) and refetch after "
            "key rotation.",
            weight=5,
        )
    elif report.finding("KID-UNKNOWN"):
        ctx.found.add(
            "CAUSE-KID-UNKNOWN",
            "medium",
            [*_opt(ctx.token_ev("KID-UNKNOWN"))],
            "Fetch the JWKS of the environment that issued the token.",
            weight=3,
        )
    if _says(
        ex,
        "signature verification failed",
        "invalid signature",
        "signature mismatch",
        "signature is invalid",
    ):
        ctx.found.add(
            "CAUSE-WRONG-SECRET",
            "medium",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("SIG-INVALID"))],
            "The backend verifies with another key than the issuer signs with: use "
            "one secret on both sides (HS*), or the issuer's JWKS (EdDSA/RS*/ES*).",
            weight=4,
        )
    elif report.finding("SIG-INVALID"):
        ctx.found.add(
            "CAUSE-WRONG-SECRET",
            "low",
            [*_opt(ctx.token_ev("SIG-INVALID"))],
            "The token does not verify with the secret found here.",
            weight=2,
        )


def _clock(ctx: _Context) -> None:
    ex, report = ctx.original, ctx.report
    payload = report.token.payload or {}
    server = ex.server_time
    local = ex.sent_at or float(report.now)
    exp, iat, nbf = (payload.get(k) for k in ("exp", "iat", "nbf"))
    skew = (server - local) if server is not None else None
    skew_line = None
    if skew is not None and abs(skew) >= 5:
        direction = "ahead of" if skew > 0 else "behind"
        skew_line = Evidence(
            "original",
            f"server Date {iso_utc(server or 0)} is {span(skew)} "
            f"{direction} local time {iso_utc(local)}",
        )
    expired_msg = _says(ex, "expired")
    immature_msg = _says(ex, "not yet valid", "immature", "(iat)", "(nbf)", "issued in the future")
    expired_locally = report.finding("EXP-PAST") is not None
    if _refused(ex) and expired_msg and expired_locally:
        ctx.found.add(
            "CAUSE-EXPIRED",
            "high",
            [ctx.ev(ORIGINAL), *_opt(ctx.token_ev("EXP-PAST"))],
            _EXPIRED_FIX,
            weight=6,
        )
    elif _refused(ex) and expired_locally:
        ctx.found.add(
            "CAUSE-EXPIRED",
            "medium",
            [*_opt(ctx.token_ev("EXP-PAST")), ctx.ev(ORIGINAL)],
            _EXPIRED_FIX,
            weight=4,
        )
    if not _refused(ex) or skew is None or skew_line is None:
        return
    if (
        isinstance(exp, (int, float))
        and not expired_locally
        and exp <= (server or 0)
        and (expired_msg or not ex.detail)
    ):
        ctx.found.add(
            "CAUSE-CLOCK-SKEW",
            "high",
            [
                ctx.ev(ORIGINAL),
                skew_line,
                Evidence(
                    "token",
                    f"exp {iso_utc(exp)} is still ahead locally but already past on the server",
                ),
            ],
            "Sync the server's clock (NTP). Until then, allow a leeway: "
            f"`jwt.decode(..., leeway={int(abs(skew)) + 30})`.",
            weight=8,
        )
    ahead = [v for v in (iat, nbf) if isinstance(v, (int, float)) and v > (server or 0)]
    if ahead and immature_msg:
        ctx.found.add(
            "CAUSE-CLOCK-SKEW",
            "high",
            [
                ctx.ev(ORIGINAL),
                skew_line,
                Evidence("token", f"iat/nbf {iso_utc(max(ahead))} is in the server's future"),
            ],
            "The server's clock is behind the issuer's: sync it (NTP), or allow a "
            f"leeway: `jwt.decode(..., leeway={int(abs(skew)) + 30})`.",
            weight=8,
        )


def _forbidden(ctx: _Context) -> None:
    ex, no_token = ctx.original, ctx.ex.get(NO_TOKEN)
    if ex.status != 403 or _says(ex, "not authenticated", "invalid authentication credentials"):
        return
    if no_token is not None and no_token.status in (401, 403) and no_token.detail != ex.detail:
        ctx.found.add(
            "CAUSE-FORBIDDEN",
            "high",
            [
                ctx.ev(ORIGINAL),
                ctx.ev(
                    NO_TOKEN,
                    f"{_line(no_token)}"
                    ": without the token the answer differs, so the token was accepted",
                ),
            ],
            "The token is fine; the user lacks access to this resource (ownership or "
            "role). Check the resource's owner and the user's role.",
            weight=4,
        )


_RULES: tuple[Callable[[_Context], None], ...] = (
    _ok,
    _redirect,
    _cors,
    _server_error,
    _bisect,
    _not_received,
    _messages,
    _clock,
    _forbidden,
)
