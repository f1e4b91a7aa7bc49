"""Claims a verifier may require that the token lacks (``jti``, ``iat``, ``nbf``, ``scope``,
``role``, ``email`` …) and its ``kid``: the variants that test them, planned only while
the fresh token's refusal is unexplained, and what their answers show.

Round 3 (after the bisection): the fresh token without ``kid`` / with the signing key's
``kid``, and one token carrying every missing claim (or only the claims the server's
words name). Round 4, only when that token is accepted and it added several claims: one
token per claim, so the answer names the one required.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.causes import Evidence
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    HS256_ENV,
    ORIGINAL,
    Minter,
    PlannedRequest,
    fresh_claims,
)
from jwtscope.core.diagnosis.rule_context import (
    ROUND_ONE,
    RuleContext,
    accepted,
    answer_line,
    refused,
    words,
)
from jwtscope.core.request.exchange import Exchange

__all__ = [
    "CLAIMS_ALL",
    "KID_KEY",
    "KID_NONE",
    "claim_key",
    "claim_probes",
    "claim_singles",
    "read_required",
]

KID_NONE, KID_KEY, CLAIMS_ALL = "fresh-no-kid", "fresh-key-kid", "fresh-claims"
_WITH = "fresh-with-"
#: Claims backends commonly require, with the value a test token carries (``now`` filled in).
EXTRA_CLAIMS: tuple[tuple[str, Any], ...] = (
    ("jti", "jwtscope-test-{now}"),
    ("iat", "{now}"),
    ("nbf", "{now}"),
    ("scope", "openid profile email"),
    ("scp", ["openid"]),
    ("role", "user"),
    ("email", "jwtscope-test@example.com"),
)


def claim_key(name: str) -> str:
    """The probe key of the fresh token with claim ``name`` added."""
    return _WITH + name


def _value(template: Any, now: int) -> Any:
    if template == "{now}":
        return now
    return template.format(now=now) if isinstance(template, str) else template


def _reference(ex: Mapping[str, Exchange]) -> Exchange | None:
    """The fresh token signed as the server verifies (or as HS256 with the secret)."""
    return ex.get(FRESH) or ex.get(HS256_ENV)


def _unexplained(ex: Mapping[str, Exchange]) -> bool:
    """The reference is refused and no variant was accepted (nothing explains it yet)."""
    reference = _reference(ex)
    if reference is None or not refused(reference):
        return False
    return not any(accepted(e) for k, e in ex.items() if k not in ROUND_ONE)


def _missing(claims: Mapping[str, Any]) -> list[str]:
    return [name for name, _ in EXTRA_CLAIMS if name not in claims]


def claim_probes(
    minter: Minter | None, report: Report, ex: Mapping[str, Exchange], now: int
) -> list[PlannedRequest]:
    """Round 3: ``kid`` variants and the token with the missing claims, only while the
    fresh token's refusal is unexplained (none when it was accepted or explained)."""
    if minter is None or not _unexplained(ex):
        return []
    claims = fresh_claims(report.token.payload or {}, now)
    probes: list[PlannedRequest] = []
    token_kid = (report.token.header or {}).get("kid")
    if minter.alg == report.token.alg:
        if token_kid:
            probes.append(minter.probe(KID_NONE, "the fresh token without 'kid'", claims, kid=None))
        key_kid = minter.signer.kid
        if key_kid and key_kid != token_kid:
            purpose = f"the fresh token with the signing key's kid {key_kid!r}"
            probes.append(minter.probe(KID_KEY, purpose, claims, kid=key_kid))
    missing = _missing(claims)
    said = " ".join(words(e) for e in (_reference(ex), ex.get(ORIGINAL)) if e is not None)
    named = [n for n in missing if f'"{n}"' in said or f"'{n}'" in said or f"{n} claim" in said]
    values = dict(EXTRA_CLAIMS)
    for name in named[:2]:
        added = {**claims, name: _value(values[name], now)}
        probes.append(minter.probe(claim_key(name), f"the fresh token with '{name}'", added))
    if missing and not named:
        added = {**claims, **{n: _value(values[n], now) for n in missing}}
        purpose = "the fresh token with the claims it lacks: " + ", ".join(missing)
        probes.append(minter.probe(CLAIMS_ALL, purpose, added))
    return probes


def claim_singles(
    minter: Minter | None, report: Report, ex: Mapping[str, Exchange], now: int
) -> list[PlannedRequest]:
    """Round 4: the token with every missing claim was accepted and added several: one
    token per claim."""
    if minter is None or not accepted(ex.get(CLAIMS_ALL)):
        return []
    claims = fresh_claims(report.token.payload or {}, now)
    missing = _missing(claims)
    if len(missing) < 2:
        return []
    values = dict(EXTRA_CLAIMS)
    return [
        minter.probe(
            claim_key(n), f"the fresh token with '{n}' only", {**claims, n: _value(values[n], now)}
        )
        for n in missing
    ]


def read_required(ctx: RuleContext) -> None:
    """A claim the token lacks, added alone (or with the other missing claims), makes the
    refused fresh token accepted: the backend requires it. Without ``kid`` (or with the
    signing key's) it is accepted: the backend does not know the token's ``kid``."""
    reference = _reference(ctx.ex)
    if reference is None or not refused(reference):
        return
    ref = ctx.ev(reference.purpose)
    singles = [k for k in ctx.ex if k.startswith(_WITH)]
    hits = [k for k in singles if accepted(ctx.ex[k])]
    for key in hits:
        name = key.removeprefix(_WITH)
        line = f"{answer_line(ctx.ex[key])}: with '{name}' added it is accepted"
        ctx.found.add("CAUSE-CLAIM-REQUIRED", "high", [ref, Evidence(key, line)], _fix([name]), 5)
    together = ctx.ex.get(CLAIMS_ALL)
    if accepted(together) and not hits and together is not None:
        missing = _missing(fresh_claims(ctx.report.token.payload or {}, 0))
        several = " (no single one is enough)" if singles else ""
        line = f"{answer_line(together)}: with {', '.join(missing)} added it is accepted{several}"
        ctx.found.add(
            "CAUSE-CLAIM-REQUIRED", "high", [ref, Evidence(CLAIMS_ALL, line)], _fix(missing), 5
        )
    for key, what in ((KID_NONE, "without 'kid'"), (KID_KEY, "with the signing key's kid")):
        answer = ctx.ex.get(key)
        if accepted(answer) and answer is not None:
            ctx.found.add(
                "CAUSE-KID-UNKNOWN",
                "high",
                [ref, Evidence(key, f"{answer_line(answer)}: {what} it is accepted")],
                "The backend does not know the token's kid: publish the issuer's current "
                "key in the backend's JWKS (refetch it on an unknown kid), or sign with a "
                "key the backend holds.",
                weight=5,
            )


def _fix(names: list[str]) -> str:
    listed = ", ".join(f"'{n}'" for n in names)
    return (
        f"The backend requires {listed}, which the token lacks: issue tokens with "
        f"{'it' if len(names) == 1 else 'them'}, or drop the requirement (PyJWT: "
        "options={'require': [...]}; a dependency reading the claim)."
    )
