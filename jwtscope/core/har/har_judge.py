"""Each token judged at the time of its request, with the engine of ``inspect``.

A token is analysed once per time state (valid, expired, not yet valid), at the first
request in that state, with :func:`jwtscope.core.analysis.analyze` — signature against
the environment's secrets and the explicit keys, claims, time with PyJWT's rules — so a
session of 20,000 requests costs a few analyses, not 20,000.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.checks.time import numeric_claim
from jwtscope.core.har.har_credentials import Credential
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.token.parsing import TokenKind, decode

__all__ = ["TokenInfo", "TokenJudge", "time_state"]

VALID, EXPIRED, EARLY, NO_EXP, OPAQUE, UNKNOWN_TIME = (
    "valid",
    "expired",
    "not yet valid",
    "valid (no exp)",
    "opaque",
    "no request time",
)


@dataclass(frozen=True)
class TokenInfo:
    """What a token is, without its value.

    Args:
        fingerprint: 12 hex digits naming it.
        kind: ``jws``, ``jwe``, ``session`` or ``opaque``.
        header: ``alg``, ``kid``, ``typ`` when present.
        claims: ``iss``, ``aud``, ``iat``, ``nbf``, ``exp`` when present.
        signature: the signature verdict in words (``valid (HS256, env BETTER_AUTH_SECRET)``).
        sanitized: it came from a sanitized HAR (its signature was cut).
        codes: the engine's finding codes at its first use.
    """

    fingerprint: str
    kind: str
    header: dict[str, Any] = field(default_factory=dict)
    claims: dict[str, Any] = field(default_factory=dict)
    signature: str = ""
    sanitized: bool = False
    codes: tuple[str, ...] = ()

    def claim_time(self, name: str) -> int | None:
        """``exp``/``iat``/``nbf`` as PyJWT reads it."""
        return numeric_claim(self.claims, name)


def time_state(info: TokenInfo, at: float | None, leeway: int = 0) -> str:
    """The token's state at ``at`` (epoch seconds), with PyJWT's rules."""
    if info.kind != "jws":
        return OPAQUE
    if at is None:
        return UNKNOWN_TIME
    exp, nbf, iat = (info.claim_time(n) for n in ("exp", "nbf", "iat"))
    if exp is not None and exp <= at - leeway:
        return EXPIRED
    if (nbf is not None and nbf > at + leeway) or (iat is not None and iat > at + leeway):
        return EARLY
    return VALID if exp is not None else NO_EXP


class TokenJudge:
    """Judges tokens with the environment and keys of the run; caches per time state."""

    def __init__(self, env: Environment | None, keys: KeySet | None, leeway: int = 0) -> None:
        self.env = env
        self.keys = keys
        self.leeway = leeway
        self.tokens: dict[str, TokenInfo] = {}
        self._values: dict[str, str] = {}
        self._reports: dict[tuple[str, str], Report] = {}

    def see(self, cred: Credential, at: float | None) -> TokenInfo:
        """Record the credential (first sight decides its info) and return its info."""
        known = self.tokens.get(cred.fingerprint)
        if known is not None:
            return known
        self._values[cred.fingerprint] = cred.value
        token = decode(cred.value)
        kind = token.kind.value if token.kind in (TokenKind.JWS, TokenKind.JWE) else "opaque"
        if token.kind is TokenKind.SESSION:
            kind = "session"
        header = {k: v for k, v in (token.header or {}).items() if k in ("alg", "kid", "typ")}
        claims = {
            k: v
            for k, v in (token.payload or {}).items()
            if k in ("iss", "aud", "iat", "nbf", "exp")
        }
        info = TokenInfo(cred.fingerprint, kind, header, claims, sanitized=cred.sanitized)
        if kind == "jws":
            report = self.report(cred.fingerprint, at)
            info = TokenInfo(
                cred.fingerprint,
                kind,
                header,
                claims,
                signature=_signature_words(report, cred.sanitized),
                sanitized=cred.sanitized,
                codes=report.codes if report else (),
            )
        self.tokens[cred.fingerprint] = info
        return info

    def state(self, fingerprint: str, at: float | None) -> str:
        """The token's time state at ``at``."""
        return time_state(self.tokens[fingerprint], at, self.leeway)

    def report(self, fingerprint: str, at: float | None) -> Report | None:
        """The engine's report on the token at ``at`` (cached per time state)."""
        value = self._values.get(fingerprint)
        if value is None or at is None:
            return None
        info = self.tokens.get(fingerprint)
        key = (fingerprint, time_state(info, at, self.leeway) if info else "first")
        if key not in self._reports:
            self._reports[key] = analyze(
                value,
                now=int(at),
                env=self.env,
                keys=self.keys,
                leeway=self.leeway,
                now_is_real=False,
            )
        return self._reports[key]


def _signature_words(report: Report | None, sanitized: bool) -> str:
    if sanitized:
        return "removed (sanitized HAR)"
    if report is None:
        return "not checked (no request time)"
    sig = report.signature
    status = sig.status.value
    if status == "valid":
        return f"valid ({sig.alg}, {sig.key})"
    return f"{status} ({sig.alg}): {sig.reason}"
