"""The first failure's root cause, read from the timeline: a token that expired between
two requests, a refresh that never happened or failed, a fresh token left unused, the
JWT endpoint answering 5xx, a request sent without its header or cookie, CORS, or the
client's clock against the server's ``Date``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jwtscope.core.har.har_credentials import set_cookie_pairs
from jwtscope.core.har.har_entry import HarEntry
from jwtscope.core.har.har_judge import EARLY, EXPIRED, TokenInfo
from jwtscope.core.har.har_timeline import SKEW_NOTED, Row, page_origin
from jwtscope.core.timefmt import iso_utc, span

__all__ = ["Cause", "first_failure", "root_cause"]

_SIGN_IN = re.compile(r"(sign-?in|log-?in)", re.IGNORECASE)


@dataclass(frozen=True)
class Cause:
    """The root cause of the first failure.

    Args:
        code: ``HAR-…``, stable for scripts.
        title: one line.
        detail: the evidence, in words (entry numbers are the HAR's, 0-based, as ``#n``).
        fix: what to change.
        entries: the entries the evidence names.
    """

    code: str
    title: str
    detail: str
    fix: str
    entries: tuple[int, ...] = ()


def first_failure(rows: Sequence[Row]) -> int | None:
    """The position in ``rows`` of the first failing request."""
    return next((i for i, row in enumerate(rows) if row.failure), None)


def _when(at: float | None) -> str:
    return iso_utc(at) if at is not None else "an unknown time"


def root_cause(
    rows: Sequence[Row], tokens: dict[str, TokenInfo], skew: float | None
) -> Cause | None:
    """The cause of the first failure in ``rows`` (None when nothing failed)."""
    at = first_failure(rows)
    if at is None:
        return None
    row, before = rows[at], rows[:at]
    entry = row.entry
    n = entry.index
    if row.failure == "server":
        return _server(row, tokens)
    if row.failure in ("cors", "network"):
        return _cors(row)
    if (
        entry.is_token_endpoint
        and row.failure in ("auth", "redirect")
        and _SIGN_IN.search(entry.path)
    ):
        return Cause(
            "HAR-SIGN-IN-FAILED",
            f"the sign-in was refused: #{n} {entry.method} {entry.path} answered {entry.status}",
            "No token was issued: the credentials or the account were refused.",
            "Check the account (password, e-mail verified, not locked) in the auth server's log.",
            (n,),
        )
    if entry.is_token_endpoint and row.failure in ("auth", "redirect"):
        return Cause(
            "HAR-REFRESH-FAILED",
            f"the token refresh failed: #{n} {entry.method} {entry.path} answered {entry.status}",
            "The session behind the refresh was refused, so no new token could be issued.",
            "Check that the session cookie is still sent to the auth endpoint and has not "
            "expired; sign in again when it has.",
            (n,),
        )
    if not row.sent:
        return _nothing_sent(row, before)
    use = row.sent[0]
    info = tokens[use.fingerprint]
    if use.state == EXPIRED:
        return _expired(row, before, info)
    clock = _skewed(row, info, skew)
    if clock is not None:
        return clock
    if use.state == EARLY:
        return Cause(
            "HAR-NOT-YET-VALID",
            f"#{n} carried token {use.fingerprint} before its iat/nbf",
            f"At {_when(entry.started)} the token was not yet valid.",
            "Sync the issuer's clock (NTP) or give the API a small leeway.",
            (n,),
        )
    if info.signature.startswith("invalid"):
        return Cause(
            "HAR-SIGNATURE",
            f"#{n} carried token {use.fingerprint}, which the known keys do not verify",
            f"Signature {info.signature}.",
            "Make the API verify with the issuer's key (same secret or the issuer's JWKS).",
            (n,),
        )
    challenge = entry.response_header("www-authenticate") or "no WWW-Authenticate header"
    return Cause(
        "HAR-REFUSED-VALID",
        f"#{n} {entry.method} {entry.path} answered {entry.status} to token {use.fingerprint}, "
        "valid at that time",
        f"The token was within its times at {_when(entry.started)}; the server said: {challenge}.",
        "Replay it to rank the causes (audience, issuer, key, revocation): "
        "jwtscope replay --curl-file FILE.har",
        (n,),
    )


def _server(row: Row, tokens: dict[str, TokenInfo]) -> Cause:
    entry = row.entry
    if entry.is_token_endpoint:
        return Cause(
            "HAR-TOKEN-ENDPOINT-5XX",
            f"the JWT endpoint failed: #{entry.index} {entry.method} {entry.path} answered "
            f"{entry.status}",
            "No new token could be issued; every later request carried the old one or none.",
            "Read the auth server's log at that time (signing key, database, JWKS rotation).",
            (entry.index,),
        )
    carried = f" with token {row.sent[0].fingerprint}" if row.sent else ""
    return Cause(
        "HAR-SERVER-ERROR",
        f"#{entry.index} {entry.method} {entry.path} answered {entry.status}{carried}",
        "A server error, not a refusal: the API failed while handling the request.",
        "Read the API's log at that time; a token that fails to decode must give 401.",
        (entry.index,),
    )


def _cors(row: Row) -> Cause:
    entry = row.entry
    origin = page_origin(entry) or "the page's origin"
    blocked = entry.status == 0
    detail = (
        f"The browser got no usable answer ({entry.error or 'status 0'})"
        + (
            "; the request carried Authorization cross-origin, so a CORS preflight was needed."
            if entry.request_header("authorization")
            else "."
        )
        if blocked
        else f"The answer ({entry.status}) has no Access-Control-Allow-Origin for {origin}."
    )
    return Cause(
        "HAR-CORS" if row.failure == "cors" else "HAR-NETWORK",
        f"#{entry.index} {entry.method} {entry.path} from {origin} was "
        + ("blocked by CORS" if row.failure == "cors" else "lost (no answer)"),
        detail,
        f"Allow {origin} in the API's CORS settings (with credentials, and the "
        "Authorization header for a preflight)."
        if row.failure == "cors"
        else "Check that the API is reachable from the browser (DNS, TLS, proxy).",
        (entry.index,),
    )


def _nothing_sent(row: Row, before: Sequence[Row]) -> Cause:
    entry = row.entry
    same = [r for r in before if r.sent and r.entry.origin == entry.origin]
    header = [r for r in same if any(u.place == "Authorization" for u in r.sent)]
    cookie = [r for r in same if any(u.place.startswith("cookie") for u in r.sent)]
    got_cookie = [r for r in before if any(u.place.startswith("Set-Cookie") for u in r.received)]
    if header:
        last = header[-1].latest
        return Cause(
            "HAR-NO-HEADER",
            f"#{entry.index} {entry.method} {entry.path} was sent without the Authorization header",
            f"#{last.index} to the same API carried one; #{entry.index} carried no credential "
            f"and got {entry.status}.",
            "Attach the token on every call (one fetch wrapper); check for a null token "
            "('Bearer null') or a request that bypasses the wrapper.",
            (last.index, entry.index),
        )
    if cookie or got_cookie:
        last = (cookie or got_cookie)[-1].latest
        return Cause(
            "HAR-COOKIE-NOT-SENT",
            f"#{entry.index} {entry.method} {entry.path} was sent without the session cookie",
            f"#{last.index} {'sent' if cookie else 'received'} it; "
            f"#{entry.index} got {entry.status}. {_cookie_hint(last, entry)}",
            "Send cookies cross-origin (fetch credentials: 'include', SameSite=None; Secure) "
            "or call the API on the same site.",
            (last.index, entry.index),
        )
    return Cause(
        "HAR-NO-CREDENTIAL",
        f"#{entry.index} {entry.method} {entry.path} carried no credential",
        "No earlier request carried a token either: the user was never signed in here.",
        "Sign in first, or export the HAR with sensitive data (Chrome strips cookies and "
        "Authorization by default).",
        (entry.index,),
    )


def _cookie_hint(source: HarEntry, entry: HarEntry) -> str:
    hints = []
    for name, _value, attributes in set_cookie_pairs(source):
        lower = attributes.lower()
        if "samesite=strict" in lower or "samesite=lax" in lower:
            hints.append(f"{name} is SameSite={'Strict' if 'strict' in lower else 'Lax'}")
        if "secure" in lower and entry.url.startswith("http:"):
            hints.append(f"{name} is Secure but the API is plain http")
    return ("Set-Cookie: " + "; ".join(hints) + ".") if hints else ""


def _expired(row: Row, before: Sequence[Row], info: TokenInfo) -> Cause:
    entry, fp = row.entry, info.fingerprint
    exp = info.claim_time("exp")
    ok = [r for r in before if not r.failure and any(u.fingerprint == fp for u in r.sent)]
    last_ok = ok[-1].latest if ok else None
    between = (
        f"between #{last_ok.index} ({_when(last_ok.started)}, accepted) and #{entry.index} "
        if last_ok
        else f"before #{entry.index} "
    )
    late = f"{span(entry.started - exp)} before the request" if exp and entry.started else ""
    since = last_ok.index if last_ok else -1
    refreshes = [r for r in before if r.entry.is_token_endpoint and r.entry.index > since]
    fresh = [u for r in refreshes for u in r.received if u.fingerprint != fp]
    failed = [r for r in refreshes if r.entry.status >= 400 or r.entry.status == 0]
    indices = tuple(i for i in (since, entry.index) if i >= 0)
    base = f"Token {fp} expired at {_when(exp)} ({late}), {between}({_when(entry.started)})."
    if fresh:
        got = next(r for r in refreshes if r.received)
        return Cause(
            "HAR-REFRESH-NOT-USED",
            f"a new token came at #{got.entry.index}, but #{entry.index} still sent the "
            f"expired token {fp}",
            base + f" Token {fresh[0].fingerprint} was handed out by #{got.entry.index}.",
            "Read the token from the refresh's answer on every call (do not cache the old one).",
            (*indices, got.entry.index),
        )
    if failed:
        bad = failed[-1].entry
        return Cause(
            "HAR-REFRESH-FAILED",
            f"token {fp} expired and the refresh #{bad.index} failed ({bad.status})",
            base,
            "Fix the refresh endpoint's answer; refresh before exp.",
            (*indices, bad.index),
        )
    return Cause(
        "HAR-TOKEN-EXPIRED",
        f"token {fp} expired {between.strip()} and no refresh was attempted",
        base + " No request to a token endpoint came between them.",
        "Refresh the token before exp (e.g. Better Auth's /api/auth/token on a timer or on "
        "401, then retry once).",
        indices,
    )


def _skewed(row: Row, info: TokenInfo, skew: float | None) -> Cause | None:
    entry = row.entry
    server = entry.server_date
    if server is None or entry.started is None:
        return None
    own = server - entry.started
    if abs(own) < SKEW_NOTED and (skew is None or abs(skew) < SKEW_NOTED):
        return None
    exp, iat, nbf = (info.claim_time(n) for n in ("exp", "iat", "nbf"))
    expired_there = exp is not None and exp <= server
    early_there = any(t is not None and t > server for t in (iat, nbf))
    if not (expired_there or early_there):
        return None
    ahead = "ahead of" if own > 0 else "behind"
    return Cause(
        "HAR-CLOCK-SKEW",
        f"the server's clock is {span(abs(own))} {ahead} the browser's: token {info.fingerprint} "
        f"was {'expired' if expired_there else 'not yet valid'} by the server's clock",
        f"#{entry.index} left the browser at {_when(entry.started)}; the server's Date says "
        f"{_when(server)}. By the browser's clock the token was valid.",
        "Sync both clocks with NTP; until then give the API a leeway of a minute or two.",
        (entry.index,),
    )
