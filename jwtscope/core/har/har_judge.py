"""Each token judged at the time of its request, with the engine of ``inspect``.

The first token of each family (same ``alg``, ``kid`` and ``iss``) is analysed at its
first request with :func:`jwtscope.core.analysis.analyze` — signature against the
environment's secrets and the explicit keys, claims, time with PyJWT's rules, the
dictionary search of HS* keys; every later token of the family only has its signature
verified (the rest would repeat itself), and each request's time state is computed with
PyJWT's rules. A session of 20,000 requests and a hundred refreshed tokens costs one
analysis per family. :meth:`TokenJudge.report` gives the full report at any request's
time (cached per time state), for a view that shows one request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.checks.time import numeric_claim
from jwtscope.core.har.har_credentials import Credential
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.keys.verify_signature import SignatureCheck, verify_signature
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
        codes: the engine's finding codes for the first token of its family.
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
        self._families: dict[tuple[str, str, str], tuple[str, ...]] = {}
        self._keys: KeySet | None = None

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
            family = (repr(header.get("alg")), repr(header.get("kid")), repr(claims.get("iss")))
            codes = self._families.get(family)
            signature: SignatureCheck | None
            if codes is None or at is None:
                report = self.report(cred.fingerprint, at)
                signature = report.signature if report else None
                codes = report.codes if report else ()
                self._families[family] = codes
            else:
                signature = verify_signature(token, self._keyset())
            info = TokenInfo(
                cred.fingerprint,
                kind,
                header,
                claims,
                signature=_signature_words(signature, cred.sanitized),
                sanitized=cred.sanitized,
                codes=codes,
            )
        self.tokens[cred.fingerprint] = info
        return info

    def _keyset(self) -> KeySet:
        """The keys ``analyze`` would try: the explicit ones, then the environment's."""
        if self._keys is None:
            env_keys = KeySet(secrets=self.env.secrets()) if self.env else KeySet()
            self._keys = (self.keys or KeySet()).merged(env_keys)
        return self._keys

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


def _signature_words(sig: SignatureCheck | None, sanitized: bool) -> str:
    if sanitized:
        return "removed (sanitized HAR)"
    if sig is None:
        return "not checked (no request time)"
    status = sig.status.value
    if status == "valid":
        return f"valid ({sig.alg}, {sig.key})"
    return f"{status} ({sig.alg}): {sig.reason}"
