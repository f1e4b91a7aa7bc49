"""The backend's JWKS, read against the JWKS the user holds (``--jwks``, the issuer's
live key set): a ``kid`` the issuer no longer publishes (rotated out), a ``kid`` the
issuer publishes that the backend still refuses (it cached its JWKS and never
refetches), and a backend that cannot fetch its JWKS at all (a JWKS outage, or
``localhost`` inside a container).

Each is named only on evidence: the backend's own words, or every token refused the same
way while the token verifies against the live JWKS; otherwise it stays a low candidate
with the check that decides it.
"""

from __future__ import annotations

from dataclasses import replace

from jwtscope.core.diagnosis.causes import Evidence
from jwtscope.core.diagnosis.replay_plan import NO_TOKEN, ORIGINAL
from jwtscope.core.diagnosis.rule_context import (
    RuleContext,
    answer_line,
    refused,
    same_answer,
    says,
)
from jwtscope.core.diagnosis.server_words import JWKS_FETCH_SAYS, KID_SAYS
from jwtscope.core.keys.keyset import PublicKey

__all__ = ["note_jwks_candidate", "read_jwks"]

_UNREACHABLE_FIX = (
    "The backend cannot fetch the JWKS it verifies with, so every token fails. Check from "
    "where the backend runs: `docker compose exec api curl -sS <its JWKS URL>`. Inside a "
    "container `localhost` is the container itself: use the auth service's name "
    "(`http://auth:3000/api/auth/jwks`). With Better Auth's custom basePath/jwksPath the "
    "URL is baseURL + basePath + jwksPath (e.g. `/auth/.well-known/jwks.json`). Answer 401, "
    "not 500, when verification fails, and log the fetch error."
)
_RETIRED_FIX = (
    "The token was signed with a key the issuer no longer publishes (rotated out after its "
    "grace period), or by another environment's auth server: get a fresh token "
    "(`GET /api/auth/token`, or the `set-auth-jwt` header of get-session). A client that "
    "keeps sending this kid caches an old JWT; if the auth server is right, the JWKS "
    "given here is another environment's."
)
_STALE_FIX = (
    "The token verifies against the issuer's live JWKS ({source}), but the backend does not "
    "know its kid: it loaded the JWKS once (at start-up, `jwt.PyJWKSet`, a cache with no "
    "refresh) and never refetched after the auth server rotated its key. Fetch keys by kid "
    "and refetch on an unknown one: `jwks = jwt.PyJWKClient(JWKS_URL)` then "
    "`jwks.get_signing_key_from_jwt(token).key` (PyJWKClient refetches once when a kid is "
    "unknown). A restart fixes it only until the next rotation."
)


def _live(ctx: RuleContext) -> list[PublicKey]:
    """The keys of a JWKS the user gave (with a ``kid``)."""
    return [k for k in ctx.report.keys.public_keys if k.kid and k.source.startswith("JWKS")]


def read_jwks(ctx: RuleContext) -> None:
    """Name the JWKS causes the answers and the user's JWKS show."""
    original = ctx.original
    if not (refused(original) or (original.status or 0) >= 500):
        return
    live = _live(ctx)
    signature = ctx.report.signature
    if live and signature.kid and signature.kid_unknown:
        _retired(ctx, live)
        return
    if _unreachable_said(ctx):
        return
    key = signature.matched_public
    if signature.status.value != "valid" or key is None:
        return
    if any(k is key for k in live) and (says(original, *KID_SAYS) or _kid_proven(ctx)):
        _stale(ctx, key)  # the kid is refused before the token's time is read
    elif not ctx.report.finding("EXP-PAST"):
        _unreachable_by_shape(ctx, key)


def _retired(ctx: RuleContext, live: list[PublicKey]) -> None:
    kid = ctx.report.signature.kid
    kids = ", ".join(sorted({k.kid or "" for k in live}))
    confidence = "high" if says(ctx.original, *KID_SAYS) else "medium"
    evidence = [
        ctx.ev(ORIGINAL),
        Evidence(
            "token",
            f"kid {kid!r} is not in the live JWKS ({live[0].source}: {kids}): no key the "
            "issuer publishes can verify it",
        ),
    ]
    ctx.found.add("CAUSE-KID-RETIRED", confidence, evidence, _RETIRED_FIX, weight=6)
    ctx.found.causes.pop("CAUSE-KID-UNKNOWN", None)


def _unreachable_fix(ctx: RuleContext) -> str:
    """The fix, with the JWKS URL the user named when the token verifies against it: the
    URL that works (a custom basePath/jwksPath the backend missed shows there)."""
    if ctx.jwks_url and ctx.report.signature.matched_public is not None:
        return (
            f"{_UNREACHABLE_FIX} The JWKS you gave, {ctx.jwks_url}, has this token's key: "
            "point the backend at that URL (as reachable from where it runs)."
        )
    return _UNREACHABLE_FIX


def _kid_proven(ctx: RuleContext) -> bool:
    cause = ctx.found.causes.get("CAUSE-KID-UNKNOWN")
    return cause is not None and cause.confidence == "high"


def _stale(ctx: RuleContext, key: PublicKey) -> None:
    evidence = [
        ctx.ev(ORIGINAL),
        Evidence(
            "token",
            f"verifies against the live JWKS ({key.describe()}): the issuer publishes kid "
            f"{ctx.report.signature.kid!r}, the backend refuses it",
        ),
    ]
    old = ctx.found.causes.pop("CAUSE-KID-UNKNOWN", None)
    if old is not None:
        evidence += [e for e in old.evidence if e not in evidence]
    fix = _STALE_FIX.format(source=key.source)
    ctx.found.add("CAUSE-JWKS-STALE", "high", evidence, fix, weight=6)


def _unreachable_said(ctx: RuleContext) -> bool:
    """The backend's words say its JWKS fetch failed (a refusal, or a 5xx that names the
    JWKS): the cause, for sure."""
    original = ctx.original
    words = JWKS_FETCH_SAYS + (("jwks",) if (original.status or 0) >= 500 else ())
    if not says(original, *words):
        return False
    line = f"{answer_line(original)}: the backend says its key fetch failed"
    ctx.found.add(
        "CAUSE-JWKS-UNREACHABLE",
        "high",
        [Evidence(ORIGINAL, line)],
        _unreachable_fix(ctx),
        weight=7,
    )
    for code in ("CAUSE-SERVER-ERROR", "CAUSE-KID-UNKNOWN", "CAUSE-WRONG-SECRET"):
        ctx.found.causes.pop(code, None)
    return True


def _unreachable_by_shape(ctx: RuleContext, key: PublicKey) -> None:
    """The backend crashes (5xx) on a token that verifies against the key the user holds,
    unexpired, where it refuses normally without a token: with every variant (HS256 ones
    too, which a working verifier refuses with a 401) crashing the same way, the backend
    fails before it reads the token (medium); with no variant sent, a low candidate."""
    original, variants = ctx.original, ctx.variants
    no_token = ctx.ex.get(NO_TOKEN)
    if (original.status or 0) < 500 or not refused(no_token):
        return
    assert no_token is not None
    evidence = [
        ctx.ev(ORIGINAL),
        Evidence("token", f"verifies against the key you gave ({key.describe()}), unexpired"),
        ctx.ev(NO_TOKEN, f"{answer_line(no_token)}: without a token it refuses normally"),
    ]
    if variants and all(same_answer(v, original) for v in variants):
        evidence += [
            ctx.ev(v.purpose, f"{answer_line(v)}: crashes exactly the same") for v in variants
        ]
        ctx.found.add("CAUSE-JWKS-UNREACHABLE", "medium", evidence, _unreachable_fix(ctx), weight=3)
        ctx.found.causes.pop("CAUSE-SERVER-ERROR", None)
        return
    if variants:
        return
    fix = (
        "Undecided: the backend crashes on a token that verifies against the key you "
        "gave; a JWKS it cannot fetch is one candidate. The check that decides: fetch the "
        "backend's JWKS URL from where the backend runs, and read its traceback for this "
        "request.\n" + _unreachable_fix(ctx)
    )
    ctx.found.add("CAUSE-JWKS-UNREACHABLE", "low", evidence, fix, weight=1)


def note_jwks_candidate(ctx: RuleContext) -> None:
    """CAUSE-UNKNOWN for a token that verifies against the JWKS the user gave, unexpired:
    the backend's own JWKS (unreachable, or cached before a rotation) is a candidate; say
    which check decides it."""
    unknown = ctx.found.causes.get("CAUSE-UNKNOWN")
    key = ctx.report.signature.matched_public
    if unknown is None or key is None or not any(k is key for k in _live(ctx)):
        return
    if ctx.report.finding("EXP-PAST"):
        return
    line = (
        "- CAUSE-JWKS-UNREACHABLE / CAUSE-JWKS-STALE: the token verifies against the live "
        f"JWKS ({key.source}); the backend's own JWKS may be unreachable from where it runs "
        "or cached from before a key rotation: fetch the backend's JWKS URL from inside "
        "its container and compare its kids with the token's"
    )
    sep = (
        "\n"
        if "The request that would decide:" in unknown.fix
        else ("\nThe request that would decide:\n")
    )
    ctx.found.causes["CAUSE-UNKNOWN"] = replace(unknown, fix=unknown.fix + sep + line)
