"""The vocabulary of a replay diagnosis: cause codes and titles, evidence, ranked causes,
the diagnosis itself, and the fix texts several rules share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jwtscope.core.request.exchange import Exchange

__all__ = [
    "CAUSES",
    "EXPIRED_FIX",
    "STAGES",
    "SUB_FIX",
    "UNKNOWN_FIX",
    "Cause",
    "CauseCollector",
    "Diagnosis",
    "Evidence",
    "stage_of",
]

#: Every cause code and its title.
CAUSES = {
    "CAUSE-OK": "The request succeeds: no auth problem",
    "CAUSE-HEADER-NOT-RECEIVED": "The server did not receive the token",
    "CAUSE-SCHEME": "Wrong authorization scheme",
    "CAUSE-COOKIE-PREFIX": "The backend reads the cookie without its __Secure- prefix",
    "CAUSE-JUNK-TOKEN": "The client sends a JavaScript artefact, not a token",
    "CAUSE-SESSION-TOKEN": "A Better Auth session token is sent where a JWT is expected",
    "CAUSE-SESSION-CACHE": "A Better Auth session cookie cache is sent where a JWT is expected",
    "CAUSE-JWT-NOT-EXPOSED": "The browser cannot read set-auth-jwt: CORS does not expose it",
    "CAUSE-VERIFIER-NO-EDDSA": "The backend's JWT library cannot verify EdDSA",
    "CAUSE-ALG-MISMATCH": "The backend verifies with another algorithm than the token's",
    "CAUSE-WRONG-SECRET": "Issuer and backend use different secrets",
    "CAUSE-EXPIRED": "The token has expired",
    "CAUSE-CLOCK-SKEW": "The server's clock disagrees with the issuer's",
    "CAUSE-AUDIENCE": "Audience check fails",
    "CAUSE-ISSUER": "Issuer check fails",
    "CAUSE-SUB-TYPE": "The backend mishandles the type of 'sub'",
    "CAUSE-KID-UNKNOWN": "The token's key id is not in the backend's key set",
    "CAUSE-KID-RETIRED": "The token's key id is not in the issuer's live JWKS",
    "CAUSE-JWKS-STALE": "The backend's cached JWKS lacks the issuer's current key",
    "CAUSE-JWKS-UNREACHABLE": "The backend cannot fetch the JWKS",
    "CAUSE-BA-SECRET-ROTATED": "BETTER_AUTH_SECRET changed: the JWKS private key cannot be "
    "decrypted",
    "CAUSE-DEFAULT-SECRET": "The server verifies with a published default secret",
    "CAUSE-CLAIM-REQUIRED": "The backend requires a claim the token lacks",
    "CAUSE-REDIRECT": "A redirect loses the request or its Authorization header",
    "CAUSE-CORS-PREFLIGHT": "The browser's CORS preflight is refused",
    "CAUSE-SERVER-ERROR": "The server fails (5xx) on the auth path",
    "CAUSE-FORBIDDEN": "Authenticated, but refused (ownership or role)",
    "CAUSE-UNKNOWN": "No known cause matches",
}
_CONFIDENCE = {"high": 3, "medium": 2, "low": 1}

#: The stages a verifier goes through, in order (DESIGN.md, "Diagnosis causes"): a request
#: fails at the first stage that refuses it; the next fault shows once that one is fixed.
STAGES = (
    "transport",
    "token",
    "key",
    "signature",
    "required claims",
    "time",
    "iss",
    "aud",
    "sub",
    "application",
    "browser",
    "none",
)
#: The stage of each cause (CAUSE-CORS-PREFLIGHT is ``browser`` unless the request itself
#: succeeded: the replay is not a browser and got past it; CAUSE-OK and CAUSE-UNKNOWN last).
_STAGE_OF = {
    "CAUSE-HEADER-NOT-RECEIVED": "transport",
    "CAUSE-SCHEME": "transport",
    "CAUSE-COOKIE-PREFIX": "transport",
    "CAUSE-REDIRECT": "transport",
    "CAUSE-CORS-PREFLIGHT": "browser",
    "CAUSE-JUNK-TOKEN": "token",
    "CAUSE-SESSION-TOKEN": "token",
    "CAUSE-SESSION-CACHE": "token",
    "CAUSE-JWT-NOT-EXPOSED": "token",
    "CAUSE-VERIFIER-NO-EDDSA": "key",
    "CAUSE-KID-RETIRED": "key",
    "CAUSE-JWKS-STALE": "key",
    "CAUSE-JWKS-UNREACHABLE": "key",
    "CAUSE-BA-SECRET-ROTATED": "application",
    "CAUSE-ALG-MISMATCH": "key",
    "CAUSE-KID-UNKNOWN": "key",
    "CAUSE-WRONG-SECRET": "key",
    "CAUSE-DEFAULT-SECRET": "key",
    "CAUSE-CLAIM-REQUIRED": "required claims",
    "CAUSE-EXPIRED": "time",
    "CAUSE-CLOCK-SKEW": "time",
    "CAUSE-ISSUER": "iss",
    "CAUSE-AUDIENCE": "aud",
    "CAUSE-SUB-TYPE": "sub",
    "CAUSE-FORBIDDEN": "application",
    "CAUSE-SERVER-ERROR": "application",
    "CAUSE-OK": "none",
    "CAUSE-UNKNOWN": "none",
}


def stage_of(code: str) -> int:
    """The index in :data:`STAGES` of the stage where ``code`` refuses a request."""
    return STAGES.index(_STAGE_OF[code])


SUB_FIX = (
    "Keep 'sub' a string in the backend: `user_id = payload[\"sub\"]` (Better Auth ids "
    "are strings); if your database uses integer ids, map them explicitly instead of "
    "int(sub)."
)
EXPIRED_FIX = (
    "Get a new token before calling the API (Better Auth: `GET /api/auth/token`, "
    "refresh before 'exp'); check that the client does not cache an old token."
)
UNKNOWN_FIX = (
    "Compare the server's logs for this request; run with the secret in .env so "
    "jwtscope can bisect with minted tokens."
)


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
    stage: int = -1

    @property
    def title(self) -> str:
        """The cause's title."""
        return CAUSES[self.code]

    @property
    def stage_index(self) -> int:
        """Where in :data:`STAGES` the cause refuses the request."""
        return self.stage if self.stage >= 0 else stage_of(self.code)

    @property
    def stage_name(self) -> str:
        """The name of the cause's stage."""
        return STAGES[self.stage_index]

    @property
    def rank_key(self) -> tuple[int, int, int, int]:
        """Sort key (higher first): causes with evidence (high or medium) before weak ones,
        then the verifier's order of stages, then confidence, then the cause's weight."""
        confidence = _CONFIDENCE[self.confidence]
        return (int(confidence > 1), -self.stage_index, confidence, self.weight)


@dataclass(frozen=True)
class Diagnosis:
    """The ranked causes for one replay, every exchange behind them, and notes: what
    could not be bisected (and why), what a secret guess found."""

    causes: tuple[Cause, ...]
    exchanges: tuple[Exchange, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())

    @property
    def top(self) -> Cause | None:
        """The most likely cause."""
        return self.causes[0] if self.causes else None

    @property
    def ok(self) -> bool:
        """True when the top cause is CAUSE-OK."""
        return self.top is not None and self.top.code == "CAUSE-OK"

    @property
    def then(self) -> tuple[Cause, ...]:
        """The further failing stages the evidence shows, in order ("then, once fixed")."""
        return tuple(c for c in self.causes[1:] if c.confidence != "low")

    @property
    def weaker(self) -> tuple[Cause, ...]:
        """Causes after the top with weak evidence only (low confidence)."""
        return tuple(c for c in self.causes[1:] if c.confidence == "low")


class CauseCollector:
    """The causes named so far, one per code: the best-ranked wins and keeps all evidence."""

    def __init__(self) -> None:
        self.causes: dict[str, Cause] = {}

    def add(
        self,
        code: str,
        confidence: str,
        evidence: Sequence[Evidence],
        fix: str,
        weight: int = 0,
        stage: int = -1,
    ) -> None:
        """Name a cause; it replaces a lower-ranked one of the same code (evidence merged).

        Args:
            code: a key of :data:`CAUSES`.
            confidence: ``high``, ``medium`` or ``low``.
            evidence: the observations behind it, most telling first.
            fix: what to change, in words (and code).
            weight: breaks ties between causes of the same stage and confidence.
            stage: overrides the cause's stage (an index in :data:`STAGES`).
        """
        current = self.causes.get(code)
        new = Cause(code, confidence, tuple(evidence), fix, weight, stage)
        if current is None or new.rank_key > current.rank_key:
            if current is not None:
                new = Cause(
                    code,
                    confidence,
                    tuple(dict.fromkeys(new.evidence + current.evidence)),
                    fix,
                    weight,
                    stage,
                )
            self.causes[code] = new

    def ranked(self) -> tuple[Cause, ...]:
        """The causes in the order a verifier meets them, causes with evidence first (ties
        keep the order they were named in)."""
        return tuple(sorted(self.causes.values(), key=lambda c: c.rank_key, reverse=True))
