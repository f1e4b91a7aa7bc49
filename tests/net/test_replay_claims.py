"""Rounds 3–4 of a replay against real backends: the claims a verifier may require that
the token lacks, and its ``kid`` — planned only while the fresh token's refusal is
unexplained, few variants, and a cause only with a variant that was accepted."""

from __future__ import annotations

import jwt
from net.replay_support import ENV, NOW, SECRET, SUB, cause, codes, hs, replay
from servers.replay_backends import PLACEHOLDER_SECRET, hs256_ok
from servers.replay_backends_keys import hs256_kid_keys, hs256_requires, hs256_scope_opaque
from servers.replay_backends_stacked import hs256_opaque

from jwtscope.core.diagnosis.required_claims import EXTRA_CLAIMS

ROUNDS_1_2 = ["original", "no-token", "fresh", "numeric-sub"]


def sent(outcome) -> list[str]:
    return [ex.purpose for ex in outcome.exchanges]


def test_a_claim_the_server_names_is_tried_alone():
    """PyJWT's options={"require": [..., "jti"]}: 'Token is missing the "jti" claim'."""
    outcome = replay(lambda c: hs256_requires(SECRET, c, ["exp", "iat", "jti"]), hs())
    assert codes(outcome) == ["CAUSE-CLAIM-REQUIRED"]
    required = cause(outcome, "CAUSE-CLAIM-REQUIRED")
    assert required.confidence == "high"
    assert [e.source for e in required.evidence] == ["fresh", "fresh-with-jti"]
    assert "'jti'" in required.fix
    assert sent(outcome) == [*ROUNDS_1_2, "fresh-with-jti"]  # one variant, not seven


def test_an_opaque_backend_reading_a_claim_is_found_in_two_rounds():
    """One opaque 401 for everything; the dependency reads payload["role"]."""
    outcome = replay(lambda c: hs256_scope_opaque(SECRET, c, claim="role"), hs())
    assert codes(outcome)[0] == "CAUSE-CLAIM-REQUIRED"
    required = cause(outcome, "CAUSE-CLAIM-REQUIRED")
    assert required.confidence == "high"
    assert {e.source for e in required.evidence} == {"fresh", "fresh-with-role"}
    keys = sent(outcome)
    assert keys[: len(ROUNDS_1_2) + 1] == [*ROUNDS_1_2, "fresh-claims"]
    singles = [k for k in keys if k.startswith("fresh-with-")]
    missing = [name for name, _ in EXTRA_CLAIMS if name not in ("iat",)]
    assert singles == [f"fresh-with-{n}" for n in missing]
    assert len(keys) <= 4 + 1 + len(EXTRA_CLAIMS)


def test_an_unknown_kid_is_named_when_the_token_without_it_is_accepted():
    """Key rotation by kid: the token's kid is retired; without a kid the default key."""
    token = jwt.encode(
        {"sub": SUB, "iat": NOW, "exp": NOW + 900},
        SECRET,
        algorithm="HS256",
        headers={"kid": "2023-retired"},
    )
    outcome = replay(lambda c: hs256_kid_keys({"2024": SECRET}, SECRET, c), token)
    assert codes(outcome)[0] == "CAUSE-KID-UNKNOWN"
    kid = cause(outcome, "CAUSE-KID-UNKNOWN")
    assert kid.confidence == "high"
    assert [e.source for e in kid.evidence] == ["fresh", "fresh-no-kid"]
    assert "CAUSE-CLAIM-REQUIRED" not in codes(outcome)
    assert len(outcome.exchanges) <= 7


def test_near_miss_a_wrong_secret_is_not_a_missing_claim():
    """Every token is refused the same way: the claims variant is refused too, no claim
    is blamed, the wrong secret still is, and the variants stay few."""
    outcome = replay(lambda c: hs256_opaque(PLACEHOLDER_SECRET, c), hs())
    assert codes(outcome) == ["CAUSE-WRONG-SECRET"]
    assert sent(outcome) == [*ROUNDS_1_2, "fresh-claims"]


def test_near_miss_no_claim_round_when_the_fresh_token_is_accepted():
    expired = hs(iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(lambda c: hs256_ok(SECRET, c), expired)
    assert codes(outcome) == ["CAUSE-EXPIRED"]
    assert not [
        k for k in sent(outcome) if k.startswith(("fresh-with-", "fresh-claims", "fresh-no-kid"))
    ]
    assert ENV.secrets()  # the variants were signed with the env secret
