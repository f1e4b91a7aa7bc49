"""What the replay's variants are signed with: the HMAC secret of the environment, the
user's private key (``--signing-key``), or a default secret being guessed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jwtscope.core.keys.keyset import HMAC_ALGS, Secret
from jwtscope.core.keys.signing_key import SigningKey

__all__ = ["Signer", "key_signer", "secret_signer"]


@dataclass(frozen=True)
class Signer:
    """A key variants are signed with.

    Args:
        name: how evidence names it (``BETTER_AUTH_SECRET``, ``the signing key k.pem``).
        key: HMAC bytes or a private-key object (never shown).
        algorithms: what it signs.
        kid: the key's own ``kid`` (a JWK's), if any.
        private: an asymmetric private key (else an HMAC secret).
    """

    name: str
    key: Any = field(repr=False)
    algorithms: frozenset[str]
    kid: str | None = None
    private: bool = False

    def alg_for(self, token_alg: str) -> str | None:
        """The algorithm variants of a ``token_alg`` token are signed with: the token's
        own when this key signs it, HS256 for a secret (the alg-mismatch variant), else
        None (the key cannot stand in for the token's)."""
        if token_alg in self.algorithms:
            return token_alg
        return None if self.private else "HS256"

    def sign(self, claims: dict[str, Any], alg: str, kid: str | None) -> str:
        """``claims`` signed with ``alg`` (header ``kid`` when given)."""
        from jwtscope.core.token.minting import sign_claims, sign_with_key

        if self.private:
            return sign_with_key(key=self.key, alg=alg, payload=claims, kid=kid).token
        return sign_claims(secret=self.key, alg=alg, payload=claims, kid=kid).token


def secret_signer(secret: Secret, name: str | None = None) -> Signer:
    """A signer for an HMAC secret (named by its variable unless ``name``)."""
    return Signer(name or secret.name, secret.value, frozenset(HMAC_ALGS))


def key_signer(key: SigningKey) -> Signer:
    """A signer for the user's private key."""
    return Signer(key.describe(), key.key, key.algorithms, key.kid, private=True)
