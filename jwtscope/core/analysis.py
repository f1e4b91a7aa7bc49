"""The engine's front door: pasted text + keys + environment + ``now`` → :class:`Report`."""

from __future__ import annotations

from dataclasses import dataclass

from jwtscope.core.checks import run_checks
from jwtscope.core.context import CheckContext, Expectation
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.keys.verify_signature import SignatureCheck, verify_signature
from jwtscope.core.token.parsing import DecodedToken, NormalizedInput, TokenKind, decode, normalize

__all__ = ["Report", "analyze"]


@dataclass(frozen=True)
class Report:
    """Everything the engine found about one token.

    Args:
        input: the normalised input.
        token: the decoded token.
        keys: the keys that were offered.
        signature: the signature verdict.
        findings: every finding, worst first.
        now: the evaluation time, epoch seconds.
        now_is_real: False when the time was set by the user (``--at``, time travel).
        leeway: the leeway used.
        audience: the expected audience, if any.
        issuer: the expected issuer, if any.
    """

    input: NormalizedInput
    token: DecodedToken
    keys: KeySet
    signature: SignatureCheck
    findings: tuple[Finding, ...]
    now: int
    now_is_real: bool = True
    leeway: int = 0
    audience: Expectation | None = None
    issuer: Expectation | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """The finding codes, worst first."""
        return tuple(f.code for f in self.findings)

    @property
    def worst(self) -> Severity:
        """The worst severity found (OK when nothing was found)."""
        return self.findings[0].severity if self.findings else Severity.OK

    @property
    def exit_code(self) -> int:
        """0 when no finding is error or critical, 1 when one is, 2 when the input is not a
        token that can be decoded at all (TOKEN-MALFORMED)."""
        if self.token.kind is TokenKind.MALFORMED:
            return 2
        return 1 if any(f.severity.fails for f in self.findings) else 0

    def finding(self, code: str) -> Finding | None:
        """The first finding with ``code``."""
        return next((f for f in self.findings if f.code == code), None)


def analyze(
    text: str,
    *,
    now: int,
    env: Environment | None = None,
    keys: KeySet | None = None,
    leeway: int = 0,
    audience: str | None = None,
    issuer: str | None = None,
    now_is_real: bool = True,
) -> Report:
    """Analyse pasted text.

    Args:
        text: a token, header line, cookie line, … as pasted.
        now: the evaluation time in epoch seconds.
        env: the environment's variables of interest (secrets, BETTER_AUTH_URL).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``); tried before the
            environment's secrets.
        leeway: clock tolerance in seconds, as PyJWT's ``leeway=``.
        audience: the expected audience (default: the origin of BETTER_AUTH_URL).
        issuer: the expected issuer (default: the origin of BETTER_AUTH_URL).
        now_is_real: False when ``now`` was chosen by the user.

    Returns:
        The report. Raises only KeyLoadError, when an environment secret is not valid
        in the chosen ``--secret-encoding``.
    """
    env = env or Environment()
    normalized = normalize(text)
    token = decode(normalized.token)
    all_keys = (keys or KeySet()).merged(KeySet(secrets=env.secrets()))
    signature = verify_signature(token, all_keys)
    derived = env.expected_origin()
    aud = _expect(audience, "--aud", derived)
    iss = _expect(issuer, "--iss", derived)
    ctx = CheckContext(
        normalized=normalized,
        token=token,
        keys=all_keys,
        env=env,
        signature=signature,
        now=now,
        leeway=leeway,
        audience=aud,
        issuer=iss,
    )
    return Report(
        input=normalized,
        token=token,
        keys=all_keys,
        signature=signature,
        findings=run_checks(ctx),
        now=now,
        now_is_real=now_is_real,
        leeway=leeway,
        audience=aud,
        issuer=iss,
    )


def _expect(value: str | None, flag: str, derived: tuple[str, str] | None) -> Expectation | None:
    if value:
        return Expectation(value, flag, explicit=True)
    if derived:
        return Expectation(derived[0], derived[1], explicit=False)
    return None
