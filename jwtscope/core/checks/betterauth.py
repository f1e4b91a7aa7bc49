"""Better Auth checks: a session artefact sent as an access token, cookie-cache staleness,
the 15-minute plugin JWT that was never refreshed, and iss/aud against BETTER_AUTH_URL.

The shapes are recognised by :mod:`jwtscope.core.token.betterauth_shapes`. No fix here
ever makes an API accept a session artefact as an access token.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.keys.env_snapshot import URL_NAMES, strip_secret_text
from jwtscope.core.keys.keyset import Secret
from jwtscope.core.timefmt import iso_utc, relative, span
from jwtscope.core.token.betterauth_jwe import open_session_cache
from jwtscope.core.token.betterauth_shapes import (
    CACHE_STRATEGIES,
    DEFAULT_CACHE_MAX_AGE,
    PLUGIN_LIFETIME,
    SESSION_CACHE_AUD,
    cache_expiry,
    cache_max_age,
    cache_strategy,
    is_plugin_jwt,
)
from jwtscope.core.token.parsing import DecodedToken, TokenKind

#: What to send instead of a session artefact.
SEND_INSTEAD = (
    "Send the JWT plugin's token instead: the client gets it from `GET /api/auth/token` "
    "(`authClient.token()`) or the `set-auth-jwt` header of `/api/auth/get-session`, and "
    "sends `Authorization: Bearer <jwt>`; the API verifies it against the JWKS "
    "(`/api/auth/jwks`). Never make the API accept a session cookie or its cache as an "
    "access token."
)
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]"})


def _opened_jwe(ctx: CheckContext) -> tuple[DecodedToken, Secret] | None:
    """A JWE cookie cache decrypted with a secret offered (BETTER_AUTH_SECRET): the token
    with its claims as payload, and that secret."""
    if ctx.token.kind is not TokenKind.JWE or not ctx.keys.secrets:
        return None
    opened = open_session_cache(ctx.token.raw, [s.value for s in ctx.keys.secrets])
    if opened is None:
        return None
    claims, index = opened
    return replace(ctx.token, payload=claims), ctx.keys.secrets[index]


def _strategy(ctx: CheckContext) -> tuple[str | None, DecodedToken, Secret | None]:
    """The cache strategy, the token as far as it can be read (a JWE cache opened with the
    secret shows its claims), and the secret that opened it."""
    strategy = cache_strategy(ctx.token, ctx.normalized.carrier)
    if strategy not in (None, "jwe"):
        return strategy, ctx.token, None
    opened = _opened_jwe(ctx)
    if opened is None:
        return strategy, ctx.token, None
    # Decrypted with Better Auth's own key derivation: its cache, with or without the
    # cookie's name.
    return "jwe", opened[0], opened[1]


@check("input", "BA-SESSION-CACHE")
def session_cache(ctx: CheckContext) -> Iterator[Finding]:
    """Better Auth's ``session_data`` cookie cache, in whatever strategy, sent as a token."""
    strategy, _, opened_with = _strategy(ctx)
    if strategy is None:
        return
    detail = (
        "This is Better Auth's session_data cookie cache "
        f"({CACHE_STRATEGIES[strategy]}), not an access token: Better Auth keeps it so that "
        "get-session can skip the database."
    )
    if opened_with is not None:
        detail += (
            f" It decrypts with {opened_with.label} (Better Auth's key derivation): this auth "
            "server made it."
        )
    if strategy == "jwt-plugin":
        detail += (
            f" Its aud {SESSION_CACHE_AUD!r} marks it as a cache: configuring an API with "
            f"audience={SESSION_CACHE_AUD!r} would accept session cookies as access tokens."
        )
    yield make(
        "BA-SESSION-CACHE",
        detail,
        SEND_INSTEAD,
        evidence={"strategy": strategy, "carrier": ctx.normalized.carrier},
    )


@check("time", "BA-CACHE-STALE")
def cache_staleness(ctx: CheckContext) -> Iterator[Finding]:
    """An unexpired cookie cache: sign-out and revocation lag until it expires."""
    strategy, token, _ = _strategy(ctx)
    if strategy is None:
        return
    expiry = cache_expiry(token)
    if expiry is None or expiry <= ctx.now:
        return
    left = expiry - ctx.now
    max_age = cache_max_age(token)
    age = f"{span(max_age)} ({max_age} s)" if max_age else f"{DEFAULT_CACHE_MAX_AGE} s by default"
    yield make(
        "BA-CACHE-STALE",
        f"Better Auth trusts this cookie cache without a database lookup for {span(left)} "
        f"more (until {iso_utc(expiry)}; cookieCache.maxAge {age}). A sign-out, a revoked "
        "session or a changed user made now is seen only once it expires.",
        "Where revocation must take effect at once, check the session against the "
        "database: `auth.api.getSession({ headers, query: { disableCookieCache: true } })` "
        "(`/api/auth/get-session?disableCookieCache=true`), or lower "
        "session.cookieCache.maxAge. An API never takes the cache as an access token "
        "(BA-SESSION-CACHE).",
        evidence={"remaining_s": str(left), "expires": iso_utc(expiry), "max_age_s": str(max_age)},
    )


@check("time", "BA-JWT-EXPIRED")
def plugin_jwt_expired(ctx: CheckContext) -> Iterator[Finding]:
    """The plugin's 15-minute JWT, expired: the client never fetched a new one."""
    payload = ctx.token.payload or {}
    exp, iat = payload.get("exp"), payload.get("iat")
    if not is_plugin_jwt(ctx.token) or not isinstance(exp, int) or not isinstance(iat, int):
        return
    if exp > ctx.now - ctx.leeway:
        return
    life = exp - iat
    default = (
        " (the jwt() plugin's default expirationTime '15m')" if life == PLUGIN_LIFETIME else ""
    )
    yield make(
        "BA-JWT-EXPIRED",
        f"This Better Auth JWT lived {span(life)}{default} and expired {relative(exp, ctx.now)} "
        f"(exp {iso_utc(exp)}): the client fetched it once and kept sending it.",
        "Have the client fetch a fresh JWT before 'exp' (or once on a 401, then retry): "
        "`const { data } = await authClient.token()` (`GET /api/auth/token` with the session "
        "cookie), or read the `set-auth-jwt` response header of `authClient.getSession()` "
        "(expose it to the browser: Access-Control-Expose-Headers: set-auth-jwt). Do not "
        "widen the API's leeway or lengthen expirationTime to hide it.",
        evidence={"lifetime_s": str(life), "exp": iso_utc(exp)},
    )


@check("claims", "BA-URL-MISMATCH")
def base_url(ctx: CheckContext) -> Iterator[Finding]:
    """iss/aud of a Better Auth JWT next to the BETTER_AUTH_URL the API reads."""
    payload = ctx.token.payload
    hit = ctx.env.first(URL_NAMES)
    if payload is None or hit is None or not is_plugin_jwt(ctx.token):
        return
    name, source, value = hit
    configured = strip_secret_text(value)
    expected = configured.rstrip("/")
    rows, kinds = [], []
    for claim in ("iss", "aud"):
        got = payload.get(claim)
        if not isinstance(got, str) or got in (configured, _origin_with_path(configured)):
            continue
        why = _differences(got, configured)
        rows.append(f"{claim}: token {got!r}, {name} {configured!r} ({why})")
        kinds.append(why)
    if not rows:
        return
    only_slash = all(k == "trailing slash" for k in kinds)
    # Better Auth writes the same baseURL into both; two values mean jwt.issuer/audience.
    iss, aud = payload.get("iss"), payload.get("aud")
    custom = any("custom" in k for k in kinds) or (isinstance(aud, str) and iss != aud)
    if only_slash:
        fix = (
            f"Better Auth writes its baseURL without the trailing slash: compare with "
            f"`os.environ[{name!r}].rstrip('/')` (here {expected!r}), or drop the slash "
            f"from {name}."
        )
    elif custom:
        fix = (
            "The jwt() plugin sets its own issuer/audience (jwt({ jwt: { issuer, audience } "
            "})): pass those exact values to jwt.decode (issuer=, audience=) instead of "
            f"{name}, after checking they are the ones the auth server is configured with."
        )
    else:
        fix = (
            f"The token comes from an auth server whose baseURL is {payload.get('iss')!r}. If "
            f"the API's {name} ({expected!r}) is right, set the same baseURL/BETTER_AUTH_URL "
            "on the auth server (Better Auth copies it into iss and aud) and get a fresh "
            f"token; if the auth server is right, fix {name} on the API."
        )
    yield make(
        "BA-URL-MISMATCH",
        "The token's " + "; ".join(rows) + f" — {name} from {source}.",
        fix,
        severity=Severity.WARNING if only_slash else None,
        evidence={"expected": expected, "iss": str(payload.get("iss")), "source": source},
    )


def _origin_with_path(url: str) -> str | None:
    """The origin of a URL that has a path beyond "/" (BETTER_AUTH_URL with its basePath)."""
    parts = urlsplit(url)
    if parts.path.strip("/") and parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _differences(got: str, configured: str) -> str:
    """What differs between the token's URL and the configured one, in words."""
    a, b = urlsplit(got), urlsplit(configured)
    if got.rstrip("/") == configured.rstrip("/"):
        return "trailing slash"
    if not a.scheme or not a.hostname:
        return "custom value, not a URL"
    out = []
    if a.scheme != b.scheme:
        out.append(f"{a.scheme} vs {b.scheme}")
    if a.hostname != b.hostname:
        local_a, local_b = a.hostname in _LOCAL_HOSTS, (b.hostname or "") in _LOCAL_HOSTS
        if local_a != local_b:
            out.append(
                f"{'localhost' if local_a else 'public host'} {a.hostname} vs "
                f"{'localhost' if local_b else 'public host'} {b.hostname}"
            )
        else:
            out.append(f"another host: {a.hostname} vs {b.hostname} (a custom issuer/audience?)")
    elif a.port != b.port:
        out.append(f"port {a.port} vs {b.port}")
    if a.path.rstrip("/") != b.path.rstrip("/"):
        out.append(f"path {a.path or '/'} vs {b.path or '/'}")
    return ", ".join(out) or "different value"
