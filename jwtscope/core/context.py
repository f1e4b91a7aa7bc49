"""What every check receives: the token, the keys, the verdict and the explicit ``now``."""

from __future__ import annotations

from dataclasses import dataclass

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.keys.verify_signature import SignatureCheck
from jwtscope.core.token.parsing import DecodedToken, NormalizedInput

__all__ = ["CheckContext", "Expectation"]


@dataclass(frozen=True)
class Expectation:
    """An expected ``aud`` or ``iss`` and where it came from.

    Args:
        value: the expected value.
        source: ``--aud``, ``BETTER_AUTH_URL from ./.env``, …
        explicit: given by the user; a derived default is only compared when the token
            carries the claim.
    """

    value: str
    source: str
    explicit: bool


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at. Checks never read anything else.

    Args:
        normalized: the pasted text after normalisation.
        token: the decoded token.
        keys: every key offered (explicit keys first, then the environment's secrets).
        env: the environment's variables of interest, by source.
        signature: the signature verdict.
        now: the evaluation time, epoch seconds.
        leeway: seconds of clock tolerance, as PyJWT's ``leeway=``.
        audience: the expected audience, if any.
        issuer: the expected issuer, if any.
    """

    normalized: NormalizedInput
    token: DecodedToken
    keys: KeySet
    env: Environment
    signature: SignatureCheck
    now: int
    leeway: int = 0
    audience: Expectation | None = None
    issuer: Expectation | None = None
