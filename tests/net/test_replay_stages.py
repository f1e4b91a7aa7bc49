"""Replay against real backends with stacked faults and other error surfaces: each test
asserts the FULL ranked list of causes (the top, then every further failing stage)."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from net.replay_support import (
    BA,
    BA_TOKEN,
    JWKS,
    NOW,
    SECRET,
    cause,
    codes,
    hs,
    replay,
    run_at,
)
from servers.node_jose_server import serve_node_jose
from servers.replay_backends import PLACEHOLDER_SECRET, hs256_fed_eddsa, hs256_ok
from servers.replay_backends_stacked import (
    challenge_only,
    hs256_no_aud_int_sub,
    hs256_opaque,
    hs256_user_lookup,
    html_errors,
    jwks_int_sub_words,
    plain_unauthorized,
    starlette_auth,
)
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.core.diagnosis.replay_text import replay_to_dict, replay_to_text
from jwtscope.core.keys.env_snapshot import Environment, EnvSource

# ------------------------------------------------------------------ stacked faults


def test_alg_then_audience_with_detailed_errors():
    """HS256 + BETTER_AUTH_SECRET fed the EdDSA token, and no audience=: two stages."""
    outcome = replay(lambda c: hs256_fed_eddsa(SECRET, c), BA_TOKEN)
    assert codes(outcome) == ["CAUSE-ALG-MISMATCH", "CAUSE-AUDIENCE"]
    audience = cause(outcome, "CAUSE-AUDIENCE")
    assert audience.confidence == "high"
    assert {e.source for e in audience.evidence} == {"hs256-env", "fresh-no-aud"}
    text = replay_to_text(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis)
    assert text.index("1. CAUSE-ALG-MISMATCH") < text.index("then, once fixed:")
    assert text.index("then, once fixed:") < text.index("2. CAUSE-AUDIENCE")
    data = replay_to_dict(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis, 1)
    assert [(c["stage"], c["order"]) for c in data["causes"]] == [("key", "top"), ("aud", "then")]


def test_alg_then_audience_with_one_opaque_message():
    """The same two faults behind "Could not validate credentials" for every error."""
    outcome = replay(lambda c: hs256_opaque(SECRET, c), BA_TOKEN)
    assert codes(outcome) == ["CAUSE-ALG-MISMATCH", "CAUSE-AUDIENCE"]
    alg = cause(outcome, "CAUSE-ALG-MISMATCH")
    assert alg.confidence == "high"
    assert any(e.source == "fresh-no-aud" for e in alg.evidence)


def test_three_stages_alg_then_audience_then_sub():
    """HS256 with the secret, no audience=, then int(sub): each variant fixes one more
    stage, and each answer names the next one."""
    outcome = replay(lambda c: hs256_no_aud_int_sub(SECRET, c), BA_TOKEN)
    assert codes(outcome) == ["CAUSE-ALG-MISMATCH", "CAUSE-AUDIENCE", "CAUSE-SUB-TYPE"]
    assert [c.confidence for c in outcome.diagnosis.causes] == ["high", "high", "high"]
    sub = cause(outcome, "CAUSE-SUB-TYPE")
    assert any(e.source == "fresh-no-aud" for e in sub.evidence)


def test_expired_then_audience_on_starlette_authentication_middleware():
    """Starlette AuthenticationMiddleware, no audience=, an expired token with 'aud'."""
    expired = hs(iat=NOW - 3600, exp=NOW - 2700, aud=BA)
    outcome = replay(lambda c: starlette_auth(SECRET, c), expired)
    assert codes(outcome) == ["CAUSE-EXPIRED", "CAUSE-AUDIENCE"]
    assert all(c.confidence == "high" for c in outcome.diagnosis.causes)


def test_expired_then_sub_then_audience_is_not_claimed_without_evidence():
    """Expired and a backend looking users up by integer id: both stages, in order."""
    expired = hs(iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(lambda c: hs256_user_lookup(SECRET, c), expired)
    assert codes(outcome) == ["CAUSE-EXPIRED", "CAUSE-SUB-TYPE"]


# ------------------------------------------------------------------ no cause without evidence


def test_audience_accepted_by_the_tools_own_request_is_not_listed():
    """A token with 'aud' refused for another reason (a wrong secret): no CAUSE-AUDIENCE.

    Changed (real-library held-out cases, simplejwt's 'Token is invalid' to every fault):
    an opaque server refusing every variant alike answers exactly so when it expects
    another 'aud' than the token's, so the key is not named as if proven: CAUSE-UNKNOWN
    names both hypotheses and the request that decides each."""
    outcome = replay(lambda c: hs256_opaque(PLACEHOLDER_SECRET, c, audience=BA), hs(aud=BA))
    assert codes(outcome) == ["CAUSE-UNKNOWN"]
    unknown = outcome.diagnosis.causes[0]
    assert any(
        "CAUSE-WRONG-SECRET" in e.line and "CAUSE-AUDIENCE" in e.line for e in unknown.evidence
    )
    assert "--audience VALUE" in unknown.fix and "server's own secret" in unknown.fix


def test_correct_backend_lists_no_audience_guess():
    outcome = replay(lambda c: hs256_ok(SECRET, c), hs())
    assert codes(outcome) == ["CAUSE-OK"]


def test_undecided_names_the_request_that_would_decide():
    """No secret known, an opaque refusal: unknown, and which request would decide."""
    app = hs256_opaque("another-secret-nobody-has-0123456789", FixedClock(NOW))
    with serve_backend(app) as base:
        outcome = run_at(base, BA_TOKEN, env=Environment(()))
    assert codes(outcome) == ["CAUSE-UNKNOWN"]
    unknown = outcome.diagnosis.causes[0]
    assert "The request that would decide" in unknown.fix
    assert "without 'aud'" in unknown.fix


# ------------------------------------------------------------------ the server's words


def test_invalid_user_id_after_jwks_verification_is_the_use_of_sub():
    outcome = replay(lambda c: jwks_int_sub_words(JWKS, BA, BA, c), BA_TOKEN)
    assert codes(outcome) == ["CAUSE-SUB-TYPE"]
    top = outcome.diagnosis.causes[0]
    assert top.confidence == "high"
    assert any("passed verification" in e.line for e in top.evidence)


def test_user_not_found_tied_to_sub_by_the_numeric_variant():
    outcome = replay(lambda c: hs256_user_lookup(SECRET, c), hs())
    assert codes(outcome) == ["CAUSE-SUB-TYPE"]
    assert any(e.source == "numeric-sub" for e in outcome.diagnosis.causes[0].evidence)


def test_html_error_page_is_read():
    outcome = replay(lambda c: html_errors(SECRET, c), hs(aud=BA))
    assert codes(outcome) == ["CAUSE-AUDIENCE"]


def test_rfc6750_challenge_with_an_empty_body_is_read():
    outcome = replay(lambda c: challenge_only(JWKS, c), BA_TOKEN)
    assert codes(outcome) == ["CAUSE-AUDIENCE"]
    assert cause(outcome, "CAUSE-AUDIENCE").confidence == "high"


# ------------------------------------------------------------------ wrong secret


def test_wrong_secret_from_identical_refusals():
    outcome = replay(lambda c: hs256_opaque(PLACEHOLDER_SECRET, c), hs())
    assert codes(outcome) == ["CAUSE-WRONG-SECRET"]
    top = outcome.diagnosis.causes[0]
    assert any("refused the same way" in e.line for e in top.evidence)
    assert any(e.source == "token" and "verifies with" in e.line for e in top.evidence)


# ------------------------------------------------------------------ plain "Unauthorized"


def test_plain_unauthorized_server_and_the_iss_variant():
    """Every failure is a plain-text "Unauthorized"; the server expects another issuer.
    Round 1 decides nothing, so round 2 adds the iss variant, which the server accepts."""
    issuer = "https://auth.example.com"
    env = Environment(
        (EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET), ("BETTER_AUTH_URL", issuer))),)
    )
    outcome = replay(lambda c: plain_unauthorized(SECRET, c, issuer=issuer), hs(iss=BA), env=env)
    assert codes(outcome) == ["CAUSE-ISSUER"]
    sent = [e.purpose for e in outcome.exchanges]
    assert "fresh-iss" in sent and len(sent) <= 5


def test_plain_unauthorized_with_a_wrong_secret_is_not_header_not_received():
    outcome = replay(lambda c: plain_unauthorized(PLACEHOLDER_SECRET, c), hs())
    assert codes(outcome) == ["CAUSE-WRONG-SECRET"]


def test_iss_variant_only_when_undecided():
    outcome = replay(lambda c: hs256_fed_eddsa(SECRET, c), BA_TOKEN)
    assert "fresh-iss" not in [e.purpose for e in outcome.exchanges]


# ------------------------------------------------------------------ Express + jose


@pytest.fixture(scope="module")
def jose_wrong_issuer():
    with serve_node_jose(now=NOW, jwks=JWKS, issuer="http://localhost:4000", audience=BA) as base:
        yield base


def test_express_jose_unexpected_iss(jose_wrong_issuer):
    outcome = run_at(jose_wrong_issuer, BA_TOKEN)
    assert codes(outcome) == ["CAUSE-ISSUER"]
    assert 'unexpected "iss" claim value' in outcome.diagnosis.causes[0].evidence[0].line


def test_express_jose_issuer_then_audience():
    """jose checks iss before aud: the variant with the expected iss shows the audience."""
    issuer = "https://auth.example.com"
    env = Environment(
        (EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET), ("BETTER_AUTH_URL", issuer))),)
    )
    with serve_node_jose(now=NOW, secret=SECRET, issuer=issuer, audience=issuer) as base:
        outcome = run_at(base, hs(iss=BA, aud=BA), env=env)
    assert codes(outcome) == ["CAUSE-ISSUER", "CAUSE-AUDIENCE"]
    assert any(e.source == "fresh-iss" for e in cause(outcome, "CAUSE-AUDIENCE").evidence)


def test_express_jose_unknown_kid():
    other = Ed25519PrivateKey.generate().public_key()
    jwk = json.loads(OKPAlgorithm.to_jwk(other))
    with serve_node_jose(now=NOW, jwks={"keys": [{**jwk, "kid": "rotated-away"}]}) as base:
        outcome = run_at(base, BA_TOKEN)
    assert codes(outcome) == ["CAUSE-KID-UNKNOWN"]


def test_express_jose_wrong_secret():
    with serve_node_jose(now=NOW, secret=PLACEHOLDER_SECRET) as base:
        outcome = run_at(base, hs())
    assert codes(outcome) == ["CAUSE-WRONG-SECRET"]
    assert cause(outcome, "CAUSE-WRONG-SECRET").confidence == "high"


def test_express_jose_wrong_audience_hs256():
    with serve_node_jose(now=NOW, secret=SECRET, audience="http://api.example") as base:
        outcome = run_at(base, hs(aud=BA))
    assert codes(outcome) == ["CAUSE-AUDIENCE"]


def test_express_jose_expired():
    with serve_node_jose(now=NOW, secret=SECRET) as base:
        outcome = run_at(base, hs(iat=NOW - 3600, exp=NOW - 2700))
    assert codes(outcome) == ["CAUSE-EXPIRED"]
