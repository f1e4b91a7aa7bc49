"""Variants that fix several stages at once, planned only when every single-dimension
variant was refused: a fault behind another only shows once both are fixed.

The token with every fix the evidence allows (``Authorization: Bearer`` when the client
used another scheme, ``iat``/``nbf`` back-dated to a server clock that runs behind, the
expected ``iss``, the expected ``aud`` or none, a numeric-string ``sub``) is sent once.
When it gets past authentication, each fix is left out in turn ("all but X"; a single
variant already sent stands in for it when only two dimensions are fixed): an answer
that is refused again names X's stage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.causes import SUB_FIX, Evidence
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    FRESH_AUD,
    FRESH_ISS,
    FRESH_NO_AUD,
    HS256_ENV,
    NO_TOKEN,
    NUMERIC_SUB,
    ORIGINAL,
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
from jwtscope.core.diagnosis.server_words import ALG_SAYS, KID_SAYS, SIGNATURE_SAYS
from jwtscope.core.request.exchange import Exchange

__all__ = ["ALL_FIXED", "combined_probes", "leave_one_out_probes", "read_combined"]

ALL_FIXED = "all-fixed"
_BUT = "all-but-"
#: A server clock this many seconds behind local time makes a fresh ``iat`` its future.
_BEHIND = 5


@dataclass(frozen=True)
class _Dim:
    """One fix a combined variant makes: its name, the cause it tests, what it does."""

    name: str
    cause: str
    change: Callable[[dict[str, Any]], dict[str, Any]]
    said: str
    single: str | None  # the round-2 variant making only this change, if any


def _dims(report: Report, original: Exchange | None) -> list[_Dim]:
    """The fixes the evidence allows for this token, in the verifier's order."""
    payload = report.token.payload or {}
    dims: list[_Dim] = []
    behind = _behind(original)
    if behind and any(k in payload for k in ("iat", "nbf")):
        server = int((original.server_time if original else 0) or 0) - 30

        def back(c: dict[str, Any]) -> dict[str, Any]:
            return {**c, **{k: server for k in ("iat", "nbf") if k in c}}

        said = "iat/nbf back-dated to the server's clock"
        dims.append(_Dim("time", "CAUSE-CLOCK-SKEW", back, said, None))
    ahead = _ahead(original)
    if ahead and isinstance(payload.get("exp"), (int, float)):

        def forward(c: dict[str, Any]) -> dict[str, Any]:
            # The same lifetime, counted from the server's clock.
            return {**c, "exp": int(c["exp"] + ahead)} if "exp" in c else c

        said = "exp counted from the server's clock"
        dims.append(_Dim("clock", "CAUSE-CLOCK-SKEW", forward, said, None))
    iss, expected_iss = payload.get("iss"), report.issuer
    if iss is not None and expected_iss is not None and expected_iss.value != iss:
        value = expected_iss.value
        dims.append(
            _Dim("iss", "CAUSE-ISSUER", lambda c: {**c, "iss": value}, f"iss {value!r}", FRESH_ISS)
        )
    aud, expected_aud = payload.get("aud"), report.audience
    if aud:
        held = aud if isinstance(aud, list) else [aud]
        if expected_aud is not None and expected_aud.value not in held:
            want = expected_aud.value
            dims.append(
                _Dim(
                    "aud",
                    "CAUSE-AUDIENCE",
                    lambda c: {**c, "aud": want},
                    f"aud {want!r}",
                    FRESH_AUD,
                )
            )
        else:
            dims.append(
                _Dim(
                    "aud",
                    "CAUSE-AUDIENCE",
                    lambda c: {k: v for k, v in c.items() if k != "aud"},
                    "no 'aud'",
                    FRESH_NO_AUD,
                )
            )
    sub = payload.get("sub")
    if isinstance(sub, str) and not sub.isdigit():
        dims.append(
            _Dim("sub", "CAUSE-SUB-TYPE", lambda c: {**c, "sub": "1"}, "sub '1'", NUMERIC_SUB)
        )
    return dims


def _behind(original: Exchange | None) -> bool:
    """The server's ``Date`` runs behind local time."""
    if original is None or original.server_time is None or not original.sent_at:
        return False
    return original.server_time < original.sent_at - _BEHIND


def _ahead(original: Exchange | None) -> float:
    """How far the server's ``Date`` runs ahead of local time (0 when not ahead)."""
    if original is None or original.server_time is None or not original.sent_at:
        return 0.0
    ahead = original.server_time - original.sent_at
    return ahead if ahead > _BEHIND else 0.0


def _scheme_fixed(minter: Minter) -> Minter:
    """The minter sending ``Authorization: Bearer`` where the client used another scheme."""
    location = minter.request.location
    if location.kind != "authorization" or location.scheme.lower() == "bearer":
        return minter
    return replace(
        minter, request=replace(minter.request, location=replace(location, scheme="Bearer"))
    )


def _passed(ex: Mapping[str, Exchange], key: str) -> bool:
    return past_auth(ex.get(key), ex.get(NO_TOKEN))


def _stand_in(dims: list[_Dim], dim: _Dim, ex: Mapping[str, Exchange], bearer: bool) -> str:
    """The variant already sent that is "all but ``dim``": with two fixes, the other fix's
    single variant (not when the combined variants also changed the scheme)."""
    if bearer or len(dims) != 2:
        return ""
    other = next(d for d in dims if d is not dim)
    return other.single if other.single and other.single in ex else ""


def combined_probes(
    minter: Minter | None, report: Report, ex: Mapping[str, Exchange], now: int
) -> list[PlannedRequest]:
    """The token with every fix, only when the original failed, no variant sent so far got
    past authentication nor was refused only by the key, and it fixes more than any
    single variant did."""
    original = ex.get(ORIGINAL)
    if minter is None or original is None:
        return []
    if not (refused(original) or (original.status or 0) >= 500):
        return []
    variants = [e for k, e in ex.items() if k not in ROUND_ONE]
    if any(_passed(ex, e.purpose) for e in variants):
        return []
    if variants and all(says(e, *KID_SAYS, *ALG_SAYS, *SIGNATURE_SAYS) for e in variants):
        return []  # the key refuses every variant: one signed with it fixes nothing
    dims = _dims(report, original)
    fixed = _scheme_fixed(minter)
    bearer = fixed is not minter
    if not (len(dims) >= 2 or bearer or any(d.single is None for d in dims)):
        return []
    claims = fresh_claims(report.token.payload or {}, now)
    for dim in dims:
        claims = dim.change(claims)
    said = ", ".join([*(["Bearer"] if bearer else []), *(d.said for d in dims)])
    return [fixed.probe(ALL_FIXED, f"the fresh token with every fix at once: {said}", claims)]


def leave_one_out_probes(
    minter: Minter | None, report: Report, ex: Mapping[str, Exchange], now: int
) -> list[PlannedRequest]:
    """The combined token got past authentication: the same with one fix left out, for
    each fix no variant already sent stands in for."""
    if minter is None or not _passed(ex, ALL_FIXED):
        return []
    dims = _dims(report, ex.get(ORIGINAL))
    fixed = _scheme_fixed(minter)
    bearer = fixed is not minter
    if len(dims) < 2 and not bearer:
        return []
    probes: list[PlannedRequest] = []
    for dim in dims:
        if _stand_in(dims, dim, ex, bearer):
            continue
        claims = fresh_claims(report.token.payload or {}, now)
        for other in dims:
            claims = claims if other is dim else other.change(claims)
        purpose = f"the fresh token with every fix but {dim.name} ({dim.said} left out)"
        probes.append(fixed.probe(_BUT + dim.name, purpose, claims))
    return probes


def read_combined(ctx: RuleContext) -> None:
    """The combined token got past authentication and the same without fix X is refused
    (or crashes): X's stage fails too."""
    if not past_auth(ctx.ex.get(ALL_FIXED), ctx.ex.get(NO_TOKEN)):
        return
    dims = _dims(ctx.report, ctx.original)
    location = ctx.original.request.location
    bearer = location.kind == "authorization" and location.scheme.lower() != "bearer"
    reference = FRESH if FRESH in ctx.ex else HS256_ENV
    every = ctx.ev(ALL_FIXED, f"{answer_line(ctx.ex[ALL_FIXED])}: with every fix it passes")
    for dim in dims:
        key = _BUT + dim.name
        if key not in ctx.ex:
            key = _stand_in(dims, dim, ctx.ex, bearer)
        if not key and len(dims) == 1 and not bearer:
            key = reference
        without = ctx.ex.get(key) if key else None
        if without is None or past_auth(without, ctx.ex.get(NO_TOKEN)):
            continue
        line = f"{answer_line(without)}: the same without the fix ({dim.said}) is refused"
        ctx.found.add(dim.cause, "high", [every, Evidence(key, line)], _fix(ctx, dim), weight=5)


def _fix(ctx: RuleContext, dim: _Dim) -> str:
    if dim.name == "sub":
        return SUB_FIX
    if dim.name == "clock":
        return (
            "The server's clock runs ahead of the issuer's (its tokens expire early there): "
            "sync the clocks (NTP), or allow a leeway on the backend "
            "(`jwt.decode(..., leeway=...)`, jsonwebtoken's `clockTolerance`)."
        )
    if dim.name == "time":
        return (
            "The server's clock runs behind the issuer's: sync it (NTP), or allow a leeway "
            "on the backend (`jwt.decode(..., leeway=...)`)."
        )
    if dim.name == "iss":
        return "Use one issuer on both sides (Better Auth: its baseURL origin):\n" + ctx.call()
    return "Pass the audience the token carries to the verifier:\n" + ctx.call()
