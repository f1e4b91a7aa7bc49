"""The ``iss``/``aud`` a backend expects, found by trying the values near the token's: http
vs https, a trailing slash, ``localhost`` vs ``127.0.0.1`` (Better Auth writes its
baseURL, without the slash, into both). Planned last, only while no variant got past
authentication and the refusal names the claim (an opaque refusal gets none: three
requests per claim would prove little); a variant accepted (or refused only at a later
stage) shows the expected value, next to the token's.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.causes import Evidence
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    HS256_ENV,
    NO_TOKEN,
    Minter,
    PlannedRequest,
    fresh_claims,
)
from jwtscope.core.diagnosis.rule_context import (
    ROUND_ONE,
    RuleContext,
    answer_line,
    past_auth,
    refused,
    says,
)
from jwtscope.core.diagnosis.server_words import (
    ALG_SAYS,
    KID_SAYS,
    NO_EDDSA_SAYS,
    REQUIRED_SAYS,
    SIGNATURE_SAYS,
)
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.token.parsing import decode

__all__ = ["nearby_probes", "nearby_values", "read_nearby"]

_NEAR = "near-"
#: Words naming a stage before iss/aud: the nearby values would not change the answer.
_EARLIER = (*SIGNATURE_SAYS, *ALG_SAYS, *KID_SAYS, *NO_EDDSA_SAYS, *REQUIRED_SAYS, "expired")
_ISS_SAYS = ("issuer", '"iss" claim')
_AUD_SAYS = ("audience", '"aud" claim')
_CAUSE = {"iss": "CAUSE-ISSUER", "aud": "CAUSE-AUDIENCE"}
_LOCAL = {"localhost": "127.0.0.1", "127.0.0.1": "localhost"}


def nearby_values(value: str) -> list[str]:
    """Up to three URLs near ``value``: the other scheme, the trailing slash toggled,
    ``localhost`` ↔ ``127.0.0.1``; none when ``value`` is not an http(s) URL."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return []
    other = "https" if parts.scheme == "http" else "http"
    slash = value[:-1] if value.endswith("/") else value + "/"
    out = [urlunsplit(parts._replace(scheme=other)), slash]
    host = parts.hostname
    if host in _LOCAL:
        out.append(value.replace(host, _LOCAL[host], 1))
    return list(dict.fromkeys(v for v in out if v != value))[:3]


def _what_differs(token: str, expected: str) -> str:
    a, b = urlsplit(token), urlsplit(expected)
    if token.rstrip("/") == expected.rstrip("/"):
        return "a trailing slash"
    parts = []
    if a.scheme != b.scheme:
        parts.append(f"{a.scheme} vs {b.scheme}")
    if a.hostname != b.hostname:
        parts.append(f"host {a.hostname} vs {b.hostname}")
    return ", ".join(parts) or "another value"


def _reference(ex: Mapping[str, Exchange]) -> Exchange | None:
    return ex.get(FRESH) or ex.get(HS256_ENV)


def nearby_probes(
    minter: Minter | None, report: Report, ex: Mapping[str, Exchange], now: int
) -> list[PlannedRequest]:
    """The fresh token with ``iss``/``aud`` (or both, when equal) set to each nearby value,
    while the reference is refused, no variant got past authentication, and no word names
    an earlier stage. Only the claim the refusal names, when it names one."""
    reference = _reference(ex)
    if minter is None or reference is None or not refused(reference):
        return []
    if any(past_auth(e, ex.get(NO_TOKEN)) for k, e in ex.items() if k not in ROUND_ONE):
        return []
    if says(reference, *_EARLIER):
        return []
    claims = fresh_claims(report.token.payload or {}, now)
    iss, aud = claims.get("iss"), claims.get("aud")
    named = [c for c, w in (("iss", _ISS_SAYS), ("aud", _AUD_SAYS)) if says(reference, *w)]
    if not named:
        return []  # an opaque refusal: up to nine more requests would prove little
    wanted = named
    probes: list[PlannedRequest] = []
    for claim, value in (("iss", iss), ("aud", aud)):
        if claim not in wanted or not isinstance(value, str):
            continue
        for index, near in enumerate(nearby_values(value), 1):
            purpose = f"the fresh token with {claim} {near!r} (the token's is {value!r})"
            probes.append(minter.probe(f"{_NEAR}{claim}-{index}", purpose, {**claims, claim: near}))
    return probes


def read_nearby(ctx: RuleContext) -> None:
    """A nearby value got past authentication (or past the stage the refusal named): the
    backend expects it; each claim fixed only together with the other fails too."""
    payload = ctx.report.token.payload or {}
    reference = _reference(ctx.ex)
    if reference is None:
        return
    no_token = ctx.ex.get(NO_TOKEN)
    for claim in ("iss", "aud"):
        for key, ex in ctx.ex.items():
            if not key.startswith(f"{_NEAR}{claim}-"):
                continue
            later = _AUD_SAYS if claim == "iss" else ()
            own = _ISS_SAYS if claim == "iss" else _AUD_SAYS
            got_past = says(reference, *own) and refused(ex) and later and says(ex, *later)
            if past_auth(ex, no_token) or got_past:
                _name(ctx, claim, key, str(payload.get(claim)), got_past=bool(got_past))


def _name(
    ctx: RuleContext,
    claim: str,
    key: str,
    token_value: str,
    *,
    got_past: bool = False,
    both: bool = False,
) -> None:
    ex = ctx.ex[key]
    expected = str((decode(ex.request.token or "").payload or {}).get(claim))
    how = "is accepted"
    if got_past:
        how = "gets past the issuer check (refused later, for its audience)"
    line = f"{answer_line(ex)}: with {claim} {expected!r} it {how}"
    fix = (
        f"The backend expects {claim} {expected!r}; the token carries {token_value!r} "
        f"({_what_differs(token_value, expected)}). Better Auth writes its baseURL (no "
        "trailing slash) into iss and aud: set the same URL on both sides (BETTER_AUTH_URL "
        f"of the auth server, the {'issuer' if claim == 'iss' else 'audience'}= of the API), "
        "or pass jwt({ jwt: { issuer, audience } }) values the API expects."
    )
    reference = _reference(ctx.ex)
    evidence = [ctx.ev(reference.purpose)] if reference is not None else []
    ctx.found.add(_CAUSE[claim], "high", [*evidence, Evidence(key, line)], fix, weight=8)
