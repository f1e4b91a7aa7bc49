"""``--guess-server-secret``: the token's claims (fresh) signed with each published
default secret, and what the answers show — the server runs on a default secret, or its
secret is not in the list. Candidates are named by number and fingerprint, never shown."""

from __future__ import annotations

from collections.abc import Sequence

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.causes import Evidence
from jwtscope.core.diagnosis.replay_plan import ORIGINAL, PlannedRequest, fresh_claims
from jwtscope.core.diagnosis.rule_context import RuleContext, accepted, answer_line, words
from jwtscope.core.diagnosis.variant_signer import Signer
from jwtscope.core.keys.keyset import HMAC_ALGS, fingerprint
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.parsing import TokenKind

__all__ = [
    "GUESS_PREFIX",
    "guess_hit",
    "guess_name",
    "guess_probes",
    "guess_signer",
    "read_guess",
]

GUESS_PREFIX = "guess-"


def guess_name(index: int, value: str) -> str:
    """``default secret #3 (6 chars, sha256 2bb80d53)``: how a candidate is shown."""
    return f"default secret #{index} ({fingerprint(value.encode(), len(value))})"


def guess_signer(index: int, value: str) -> Signer:
    """A signer for candidate ``index``."""
    return Signer(guess_name(index, value), value.encode(), frozenset(HMAC_ALGS))


def guess_probes(
    request: ReplayRequest, report: Report, candidates: Sequence[str], now: int
) -> list[PlannedRequest]:
    """One request per candidate: the token's claims with fresh times, signed HS* (the
    token's own HMAC algorithm, else HS256) with that candidate; none for a non-JWS."""
    payload = report.token.payload
    if report.token.kind is not TokenKind.JWS or payload is None:
        return []
    alg = report.token.alg if report.token.alg in HMAC_ALGS else "HS256"
    claims = fresh_claims(payload, now)
    probes = []
    for index, value in enumerate(candidates, 1):
        signer = guess_signer(index, value)
        token = signer.sign(claims, alg or "HS256", None)
        purpose = f"the fresh claims signed {alg} with {signer.name}"
        probes.append(PlannedRequest(f"{GUESS_PREFIX}{index}", purpose, request.with_token(token)))
    return probes


def guess_hit(answers: Sequence[Exchange]) -> Exchange | None:
    """The guess that found the server's secret, or None (yet).

    Accepted is a hit. So is a refusal that differs from what the other guesses got,
    once at least two of them agree on theirs: a wrong secret fails at the signature,
    always the same way, and the right one gets past it to a later check (an ``aud``
    the backend does not expect, say), which answers differently. A 429 (rate limited)
    is no answer at all.
    """
    answers = [ex for ex in answers if ex.status != 429]  # rate limited: says nothing
    hit = next((ex for ex in answers if accepted(ex)), None)
    if hit is not None:
        return hit
    groups: dict[tuple[int | None, str], list[Exchange]] = {}
    for ex in answers:
        groups.setdefault((ex.status, words(ex)), []).append(ex)
    singles = [group[0] for group in groups.values() if len(group) == 1]
    if len(singles) == 1 and any(len(group) >= 2 for group in groups.values()):
        return singles[0]
    return None


def read_guess(ctx: RuleContext, tried: int) -> str:
    """Name CAUSE-DEFAULT-SECRET when a candidate hit; return the note for the user ("" when
    no guess was made).

    Args:
        ctx: the diagnosis in progress.
        tried: how many candidates were planned (-1: the guess was skipped, a variant
            signed with the known key having been accepted).
    """
    if tried < 0:
        return (
            "--guess-server-secret: not needed — the server accepted a variant signed with "
            f"{ctx.secret_name}, so its key is known"
        )
    guesses = {k: ex for k, ex in ctx.ex.items() if k.startswith(GUESS_PREFIX)}
    if not guesses:
        return ""
    hit = guess_hit(list(guesses.values()))
    last = list(guesses.values())[-1]
    if hit is None and last.status in (None, 429):
        why = "rate limited (429)" if last.status == 429 else "no answer"
        return (
            f"--guess-server-secret: stopped after {len(guesses)} of {tried} default secrets "
            f"({why}); nothing found, the rest untried"
        )
    if hit is None:
        return (
            f"--guess-server-secret: none of the {len(guesses)} default secrets tried is "
            "accepted — the server's secret is not in jwtscope's list"
        )
    key = hit.purpose
    number = key.removeprefix(GUESS_PREFIX)
    evidence = [ctx.ev(ORIGINAL)]
    confidence = "high"
    if accepted(hit):
        line = f"signed with default secret #{number} of jwtscope's list it is accepted"
        evidence.append(Evidence(key, f"{answer_line(hit)}: {line}"))
    else:
        other = next(ex for ex in guesses.values() if ex is not hit)
        evidence.append(
            Evidence(
                key,
                f"{answer_line(hit)}: only with default secret #{number} does the answer "
                f"change (every other default secret: {other.summary()}) — the signature "
                "passed, a later check refused",
            )
        )
        proof = [v for v in ctx.variants if accepted(v)] if ctx.guessed_key else []
        confidence = "high" if proof else "medium"
        evidence += [
            Evidence(v.purpose, f"{answer_line(v)}: signed with it, accepted") for v in proof[:1]
        ]
    ctx.found.add(
        "CAUSE-DEFAULT-SECRET",
        confidence,
        evidence,
        "The server verifies tokens with a published default secret: anyone can forge a "
        "token for any user. Set a long random secret on both sides (e.g. `python -c "
        "'import secrets; print(secrets.token_urlsafe(48))'`) and rotate every token.",
        weight=9,
    )
    return (
        f"--guess-server-secret: default secret #{number} found after {len(guesses)} "
        f"guesses ({tried} in the list; shown by number and fingerprint only)"
    )
