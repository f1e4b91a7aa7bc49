"""Run a replay: analyse the token, send the probes in rounds, diagnose.

Round 1 sends the original request, the same without its token and (when an origin is
known) a CORS preflight, concurrently. Round 2 — only when the original is refused and
a key is known (the HMAC secret, or the user's private key for RS*/PS*/ES*/EdDSA
tokens) — sends minted tokens that differ from the failing one in one dimension; when
every one is refused, one token with every fix at once, and (when it passes) each fix
left out in turn (:mod:`jwtscope.core.diagnosis.combined`). Rounds 3 and 4 test
``kid`` and the claims the token lacks, only while the fresh token's refusal is
unexplained. ``--guess-server-secret`` (local servers only) then tries the
published default secrets one at a time, paced, and stops at the first accepted; and a
diagnosis left undecided sends the request that would decide it, when that request is
safe (GET, HEAD, OPTIONS) and the server local. Every request goes to the origin the
user named.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.diagnosis.combined import combined_probes, leave_one_out_probes
from jwtscope.core.diagnosis.diagnose import Diagnosis, diagnose, undecided
from jwtscope.core.diagnosis.nearby_claims import nearby_probes
from jwtscope.core.diagnosis.replay_plan import (
    PlannedRequest,
    auth_cors_probe,
    bisect_probes,
    minter_for,
)
from jwtscope.core.diagnosis.required_claims import claim_probes, claim_singles
from jwtscope.core.diagnosis.rule_context import ROUND_ONE
from jwtscope.core.diagnosis.rule_context import accepted as rule_accepted
from jwtscope.core.diagnosis.rule_context import refused as rule_refused
from jwtscope.core.diagnosis.secret_guess import (
    GUESS_PREFIX,
    guess_hit,
    guess_probes,
    guess_signer,
)
from jwtscope.core.diagnosis.variant_signer import Signer, key_signer, secret_signer
from jwtscope.core.keys.default_secrets import default_secrets
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.keys.signing_key import SigningKey
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.parsing import TokenKind
from jwtscope.errors import UsageError
from jwtscope.services.inputs import choose_secret, replay_plan

__all__ = ["GUESS_BUDGET", "GUESS_INTERVAL", "ReplayOutcome", "is_local", "run_replay"]

#: A replay with ``--guess-server-secret`` sends at most this many requests in all.
GUESS_BUDGET = 50
#: Seconds between two guesses (they go one at a time).
GUESS_INTERVAL = 0.05
#: Requests kept for the deciding round after a guess (round 2 sends at most five).
_DECIDE_ROOM = 5
#: Methods the deciding request may use: safe, so sending it again changes nothing.
_SAFE = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class ReplayOutcome:
    """Everything a replay produced."""

    request: ReplayRequest
    report: Report
    diagnosis: Diagnosis
    probes: tuple[PlannedRequest, ...]
    exchanges: tuple[Exchange, ...]

    @property
    def unreachable(self) -> bool:
        """The original request got no answer."""
        original = next((e for e in self.exchanges if e.purpose == "original"), None)
        return original is None or original.status is None

    @property
    def exit_code(self) -> int:
        """0 succeeded, 1 an auth problem was diagnosed, 3 the server could not be reached."""
        if self.unreachable:
            return 3
        return 0 if self.diagnosis.ok else 1


def is_local(url: str) -> bool:
    """The URL's host is this machine: ``localhost`` or a loopback address."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class _Rounds:
    """The requests of one replay, sent round after round."""

    request: ReplayRequest
    report: Report
    send_options: dict[str, Any]
    clock: Callable[[], float]
    probes: list[PlannedRequest] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)

    def send(self, planned: list[PlannedRequest], origin: str | None = None) -> list[Exchange]:
        from jwtscope.net.http_send import send_probes

        if not planned:
            return []
        target = origin or self.request.origin
        answers = send_probes(planned, origin=target, **self.send_options)
        self.probes += planned
        self.exchanges += answers
        return answers

    @property
    def by_key(self) -> dict[str, Exchange]:
        return {ex.purpose: ex for ex in self.exchanges}

    @property
    def now(self) -> int:
        return int(self.clock())

    def bisect(self, signer: Signer | None, alg_check: Signer | None, *, claims: bool) -> None:
        """Round 2 (one dimension per variant) and, with ``claims``, the combined variants
        (every fix at once, then each left out) and rounds 3–4 (``kid`` and the missing
        claims)."""
        report, request = self.report, self.request
        self.send(
            bisect_probes(
                request,
                report,
                signer,
                self.now,
                undecided=undecided(report, self.exchanges),
                alg_check=alg_check,
            )
        )
        if not claims:
            return
        minter = minter_for(request, report, signer)
        self.send(combined_probes(minter, report, self.by_key, self.now))
        self.send(leave_one_out_probes(minter, report, self.by_key, self.now))
        self.send(claim_probes(minter, report, self.by_key, self.now))
        self.send(claim_singles(minter, report, self.by_key, self.now))
        self.send(nearby_probes(minter, report, self.by_key, self.now))

    def minted(self, signer: Signer | None) -> bool:
        """Variants could be minted with ``signer`` for this token."""
        return minter_for(self.request, self.report, signer) is not None

    def key_known(self) -> bool:
        """A variant signed with the known key was accepted: the server's key is known."""
        return any(rule_accepted(ex) for ex in self.exchanges if ex.purpose not in ROUND_ONE)

    def guess(self, pause: Callable[[float], None]) -> tuple[int, Exchange | None, Signer | None]:
        """Send the default secrets one at a time, paced, within the budget (room kept for
        the deciding round); stop at the first hit. Returns how many were planned, the
        hit and its signer."""
        room = max(0, GUESS_BUDGET - _DECIDE_ROOM - len(self.exchanges))
        candidates = default_secrets()[:room]
        planned = guess_probes(self.request, self.report, candidates, self.now)
        answers: list[Exchange] = []
        for index, probe in enumerate(planned):
            if index:
                pause(GUESS_INTERVAL)
            answers += self.send([probe])
            hit = guess_hit(answers)
            if hit is not None:
                number = int(hit.purpose.removeprefix(GUESS_PREFIX))
                return len(planned), hit, guess_signer(number, candidates[number - 1])
            if answers[-1].status in (None, 429):  # unreachable or rate limited: stop
                break
        return len(planned), None, None


def _signers(
    report: Report, env: Environment, signing_key: SigningKey | None
) -> tuple[Signer | None, Signer | None]:
    """The signer of the variants and, when it is a private key, the environment's
    secret for the one HS256 variant (does the backend verify HS256?)."""
    secret = choose_secret(report, env)
    hmac = secret_signer(secret) if secret is not None else None
    if signing_key is not None:
        signer = key_signer(signing_key)
        if signer.alg_for(report.token.alg or "") is not None:
            return signer, hmac
    return hmac, None


def run_replay(
    request: ReplayRequest,
    *,
    env: Environment,
    keys: KeySet,
    origin: str | None = None,
    only_original: bool = False,
    timeout: float = 10.0,
    audience: str | None = None,
    issuer: str | None = None,
    jwks_url: str | None = None,
    signing_key: SigningKey | None = None,
    guess_secret: bool = False,
    auth_url: str | None = None,
    pause: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.time,
    transport: Any = None,
) -> ReplayOutcome:
    """Replay ``request`` and diagnose it.

    Args:
        request: the failing request (from curl, raw HTTP, HAR or URL + token).
        env: the environment snapshot (secrets, BETTER_AUTH_URL).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``).
        origin: the browser origin for the CORS preflight (``--origin``, the curl's
            ``Origin``/``Referer``); None skips the preflight.
        only_original: send just the given request.
        timeout: per-request timeout in seconds.
        audience: expected audience for the token analysis.
        issuer: expected issuer for the token analysis.
        jwks_url: the JWKS URL the user named (used in fixes).
        signing_key: the user's private key (``--signing-key``): variants of an
            asymmetric token are signed with it.
        guess_secret: ``--guess-server-secret`` (local servers only).
        auth_url: the auth server's get-session URL (``--auth-url``): when the token is
            ``null``/``undefined``, asked from ``origin`` whether its CORS answer exposes
            ``set-auth-jwt`` (the one request sent to another origin, named by the user).
        pause: waits between two guesses (tests record the waits instead).
        clock: local time.
        transport: an httpx transport, for fault-injection tests.

    Raises:
        UsageError: ``guess_secret`` for a server that is not on this machine, or
            ``auth_url`` without a browser origin (raised before any request is sent).
    """
    _check_options(request, guess_secret=guess_secret, auth_url=auth_url, origin=origin)
    if signing_key is not None:  # its public half verifies the token too
        keys = keys.merged(KeySet(public_keys=(signing_key.public,), sources=(signing_key.source,)))
    report = analyze(
        request.token or "", now=int(clock()), env=env, keys=keys, audience=audience, issuer=issuer
    )
    options = {"timeout": timeout, "transport": transport, "clock": clock}
    rounds = _Rounds(request, report, options, clock)
    rounds.send(replay_plan(request, origin, only_original=only_original))
    if auth_url and origin and report.token.kind is TokenKind.JUNK:
        rounds.send([auth_cors_probe(auth_url, origin)], origin=auth_url)
    original = rounds.exchanges[0]
    failing = rule_refused(original) or (original.status or 0) >= 500
    signer, alg_check = _signers(report, env, signing_key)
    guesses, guessed = 0, False
    if failing and not only_original:
        rounds.bisect(signer, alg_check, claims=True)
        if guess_secret and rounds.key_known():
            guesses = -1
        elif guess_secret:
            guesses, hit, found = rounds.guess(pause)
            # A hit refused by a later check, and no variant minted before: decide it.
            if found is not None and not rule_accepted(hit) and not rounds.minted(signer):
                guessed = _decide(rounds, found)
    diagnosis = diagnose(
        report,
        rounds.exchanges,
        jwks_url=jwks_url,
        secret_name=signer.name if signer and not guessed else None,
        signer_private=bool(signer and signer.private),
        guesses=guesses,
        guessed_key=guessed,
    )
    return ReplayOutcome(request, report, diagnosis, tuple(rounds.probes), tuple(rounds.exchanges))


def _check_options(
    request: ReplayRequest, *, guess_secret: bool, auth_url: str | None, origin: str | None
) -> None:
    """Refuse, before any request is sent, options that cannot apply."""
    if guess_secret and not is_local(request.url):
        raise UsageError(
            f"--guess-server-secret only runs against a local server; {request.origin} is not",
            "run the backend on localhost / 127.0.0.1, or drop --guess-server-secret",
        )
    if auth_url and not origin:
        raise UsageError(
            "the auth URL (--auth-url) needs the browser's origin to ask the auth server's "
            "CORS answer",
            "pass --origin https://your-frontend.example, or send the request with its "
            "Origin header (the browser's 'Copy as cURL' has it)",
        )


def _decide(rounds: _Rounds, found: Signer) -> bool:
    """Nothing could be minted before (the diagnosis named no key to bisect with), and a
    guess got past the signature but was refused by a later check: the variants signed
    with the server's own key are the requests that decide which — sent when safe and
    local. Returns whether anything was sent."""
    if rounds.request.method.upper() not in _SAFE or not is_local(rounds.request.url):
        return False
    before = len(rounds.exchanges)
    rounds.bisect(found, None, claims=False)
    return len(rounds.exchanges) > before
