"""The table of server messages: one row per "the server says X (or the token shows Y) →
cause Z", read by :mod:`jwtscope.core.diagnosis.server_messages`.

Rows of one cause are tried in order and the first that applies names it, so a row that
needs the server's words comes before the weaker row that only has the token's finding to
go on; a row may stand ``instead_of`` other causes (named first, it keeps them from being
named for the same answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from jwtscope.core.diagnosis.causes import EXPIRED_FIX, SUB_FIX
from jwtscope.core.diagnosis.replay_plan import FRESH, HS256_ENV, ORIGINAL
from jwtscope.core.diagnosis.server_words import (
    ALG_SAYS,
    KID_SAYS,
    NO_EDDSA_SAYS,
    REQUIRED_SAYS,
    SIGNATURE_SAYS,
    USER_ID_SAYS,
    USER_SAYS,
)
from jwtscope.core.token.parsing import TokenKind

__all__ = ["SERVER_MESSAGES", "MessageRule"]


@dataclass(frozen=True)
class MessageRule:
    """One row of the table.

    Args:
        code: the cause the row names.
        confidence: ``high``, ``medium`` or ``low``.
        weight: breaks ties between causes of the same confidence.
        fix: the fix, a template: ``{alg}`` the token's algorithm, ``{call}`` the PyJWT
            call that verifies the token (``{call_eddsa}`` with EdDSA), ``{jwks_url}`` the
            issuer's JWKS URL, ``{secret}`` the variable that holds the HMAC secret,
            ``{iss_pair}`` the expected ``iss`` next to the token's (when one is
            expected and differs), ``{iss_advice}`` where the token's ``iss`` comes from
            (Better Auth's baseURL, or the jwt() plugin's custom issuer) and what to change.
        says: fragments of the refusal's ``detail`` or ``error_description`` (lower
            case, any one matches); empty when the row needs no words from the server.
        finding: the token finding shown as evidence.
        needs_finding: the row applies only when the token shows ``finding``.
        alg: the token algorithms the row is for: ``any``, ``hmac`` (HS*) or ``not-hmac``.
        kind: the token kind the row is for, or None for any.
        sent: the row applies only when the request carries a token.
        answer: the probe whose refusal (401/403) is read: the original request, or the
            token minted fresh with the environment's secret.
        shows: the evidence, in order: ``answer`` (the refusal) and ``token`` (the finding).
        note: a template (as ``fix``) appended to the refusal's line in the evidence.
        after_verification: the row applies only when minted variants were sent and
            every one was refused in other words than the original (and the answer
            without a token differs too): the token got further than they did.
        algs: the token algorithms the row is limited to (empty: no limit).
        instead_of: causes the row stands for: once it applies, they are not named from
            the same answer (rows after it).
        unless_alike: a variant's probe key: the row is out when that variant was sent
            and refused exactly as the answer read (the row's hypothesis predicts that
            variant passes; undecided, the fallback names it with the deciding request).
    """

    code: str
    confidence: str
    weight: int
    fix: str
    says: tuple[str, ...] = ()
    finding: str | None = None
    needs_finding: bool = False
    alg: Literal["any", "hmac", "not-hmac"] = "any"
    kind: TokenKind | None = None
    sent: bool = False
    answer: str = ORIGINAL
    shows: tuple[Literal["answer", "token"], ...] = ("answer", "token")
    note: str = ""
    after_verification: bool = False
    algs: tuple[str, ...] = ()
    instead_of: tuple[str, ...] = ()
    unless_alike: str = ""


_ALG_FIX = "The backend's algorithms= does not include the token's {alg}. Pin it:\n{call}"

#: Every "server says X → cause" rule, in the order causes are named.
SERVER_MESSAGES: tuple[MessageRule, ...] = (
    MessageRule(
        "CAUSE-JUNK-TOKEN",
        "high",
        9,
        "Fix the client code that builds the header: await the token, guard a missing "
        "session (`if (!token) return`), read the right property.",
        kind=TokenKind.JUNK,
        sent=True,
        finding="TOKEN-JUNK",
    ),
    MessageRule(
        "CAUSE-SESSION-TOKEN",
        "high",
        9,
        "Send a JWT, not the session token: get it from `GET /api/auth/token` (or the "
        "`set-auth-jwt` header of /api/auth/get-session) and verify it with the JWKS:\n"
        "{call_eddsa}",
        kind=TokenKind.SESSION,
        finding="BA-SESSION-TOKEN",
    ),
    MessageRule(
        "CAUSE-VERIFIER-NO-EDDSA",
        "high",
        7,
        "The backend's JWT library cannot verify EdDSA (Better Auth's default): PyJWT needs "
        "`pip install 'pyjwt[crypto]'` (cryptography); python-jose has no EdDSA at all "
        "(move to PyJWT or joserfc); joserfc needs it allowed: `jwt.decode(token, keys, "
        'algorithms=["EdDSA"])`. Or have Better Auth sign another algorithm: '
        '`jwt({{ jwks: {{ keyPairConfig: {{ alg: "ES256" }} }} }})`. With PyJWT:\n{call}',
        says=NO_EDDSA_SAYS,
        algs=("EdDSA", "Ed25519"),
        instead_of=("CAUSE-ALG-MISMATCH", "CAUSE-WRONG-SECRET", "CAUSE-KID-UNKNOWN"),
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "high",
        6,
        _ALG_FIX,
        says=ALG_SAYS,
        alg="not-hmac",
        finding="ALG-KEY-MISMATCH",
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "medium",
        6,
        _ALG_FIX,
        says=ALG_SAYS,
        alg="hmac",
        finding="ALG-KEY-MISMATCH",
    ),
    MessageRule(
        "CAUSE-ALG-MISMATCH",
        "low",
        2,
        "If the backend verifies with the shared secret, verify against the JWKS:\n{call}",
        alg="not-hmac",
        finding="ALG-KEY-MISMATCH",
        needs_finding=True,
        shows=("token",),
        unless_alike=HS256_ENV,
    ),
    MessageRule(
        "CAUSE-AUDIENCE",
        "high",
        6,
        "Pass the token's audience to PyJWT:\n{call}",
        # joserfc names the claim: "invalid_claim: Invalid claim: 'aud'", "Missing claim: 'aud'".
        says=("audience", '"aud" claim', "claim: 'aud", "claim: aud"),
        finding="AUD-PRESENT",
    ),
    MessageRule(
        "CAUSE-ISSUER",
        "high",
        5,
        "{iss_pair}{iss_advice}:\n{call}",
        says=("invalid issuer", "issuer", '"iss" claim', "claim: 'iss", "claim: iss"),
        finding="ISS-MISMATCH",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "high",
        6,
        "Issue 'sub' as a string (PyJWT 2.10+ requires it).",
        says=("subject must be a string", "invalid subject"),
        finding="SUB-NOT-STRING",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "high",
        6,
        SUB_FIX,
        says=USER_ID_SAYS,
        after_verification=True,
        note="every other token sent is refused in other words: this token passed "
        "verification and failed at the application's use of 'sub'",
    ),
    MessageRule(
        "CAUSE-SUB-TYPE",
        "medium",
        4,
        "The token verified, then the application found no user for its 'sub': " + SUB_FIX,
        says=USER_SAYS,
        after_verification=True,
        note="every other token sent is refused in other words: this token passed "
        "verification and failed looking up its 'sub'",
    ),
    MessageRule(
        "CAUSE-CLAIM-REQUIRED",
        "high",
        5,
        "The backend requires a claim the token lacks (its answer names it): issue tokens "
        "with it, or drop the requirement (PyJWT: options={{'require': [...]}}; a "
        "dependency reading the claim).",
        says=REQUIRED_SAYS,
    ),
    MessageRule(
        # An HS* token refused because no signing key matches: the backend looks the
        # token's key up in a key set (JWKS) while the issuer signs with a shared secret.
        "CAUSE-ALG-MISMATCH",
        "high",
        6,
        "The issuer signs {alg} with a shared secret, but the backend verifies against a "
        "key set (JWKS): have the issuer sign with the JWKS's private key (RS256, ES256, "
        "EdDSA), or verify {alg} with the shared secret on the backend.",
        says=KID_SAYS,
        alg="hmac",
        shows=("answer",),
        note="an {alg} token has no key in a key set",
        instead_of=("CAUSE-KID-UNKNOWN", "CAUSE-WRONG-SECRET"),
    ),
    MessageRule(
        "CAUSE-KID-UNKNOWN",
        "high",
        5,
        "The backend's JWKS lacks the token's kid: point it at the issuer's JWKS "
        "({jwks_url}) and refetch after key rotation.",
        says=KID_SAYS,
        finding="KID-UNKNOWN",
    ),
    MessageRule(
        "CAUSE-KID-UNKNOWN",
        "medium",
        3,
        "Fetch the JWKS of the environment that issued the token.",
        finding="KID-UNKNOWN",
        needs_finding=True,
        shows=("token",),
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "medium",
        4,
        "The backend verifies with another key than the issuer signs with: use one secret "
        "on both sides (HS*), or the issuer's JWKS (EdDSA/RS*/ES*).",
        says=SIGNATURE_SAYS,
        finding="SIG-INVALID",
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "low",
        2,
        "The token does not verify with the secret found here.",
        finding="SIG-INVALID",
        needs_finding=True,
        shows=("token",),
    ),
    MessageRule(
        "CAUSE-EXPIRED",
        "high",
        6,
        EXPIRED_FIX,
        says=("expired", '"exp" claim'),
        finding="EXP-PAST",
        needs_finding=True,
    ),
    MessageRule(
        "CAUSE-EXPIRED",
        "medium",
        4,
        EXPIRED_FIX,
        finding="EXP-PAST",
        needs_finding=True,
        shows=("token", "answer"),
    ),
    MessageRule(
        "CAUSE-WRONG-SECRET",
        "high",
        5,
        "The backend does not use the {secret} found here. Check the backend's environment "
        "(process env overrides .env) and use one secret everywhere.",
        says=("signature verification failed", "invalid signature", "signature"),
        answer=FRESH,
        shows=("answer",),
        note="a token signed with the environment's {secret} is refused too",
    ),
)
