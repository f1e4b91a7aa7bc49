"""Replay against REAL auth libraries at their defaults (flask-jwt-extended, simplejwt,
fastapi-users, joserfc, PyJWKClient; express-jwt, passport-jwt, @fastify/jwt, hono): each
case of the three held-out batches (:mod:`net.real_library_cases`, ``…_batch2``,
``…_node``) asserts the FULL ranked list of causes written before jwtscope was run; one
server per backend for the module; never CAUSE-OK for a failing request; every cause
with evidence."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import pytest
from net.real_library_cases import BACKENDS, CASES, MISSES, run_real_case
from net.real_library_cases_batch2 import BATCH2
from net.real_library_cases_node import NODE_CASES
from net.replay_support import assert_evidenced_and_never_ok_when_failing
from servers.harness import serve

from jwtscope.services.replay_run import ReplayOutcome

#: The three held-out batches (the Node one is skipped without node).
ALL = {**CASES, **BATCH2, **NODE_CASES}


@pytest.fixture(scope="module")
def outcome_of() -> Iterator[Callable[[str], ReplayOutcome]]:
    with contextlib.ExitStack() as stack:
        bases: dict[str, str] = {}
        done: dict[str, ReplayOutcome] = {}

        def outcome(name: str) -> ReplayOutcome:
            case = ALL[name]
            if case.backend not in bases:
                app = BACKENDS[case.backend][0]()
                # A Node backend comes as its own context manager (it skips without node).
                server = app if hasattr(app, "__enter__") else serve(app)
                bases[case.backend] = stack.enter_context(server)
            if name not in done:
                done[name] = run_real_case(case, bases[case.backend])
            return done[name]

        yield outcome


def _codes(outcome: ReplayOutcome) -> list[str]:
    return [c.code for c in outcome.diagnosis.causes]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=MISSES[n]))
        if n in MISSES
        else n
        for n in ALL
    ],
)
def test_full_ranked_list(name: str, outcome_of: Callable[[str], ReplayOutcome]) -> None:
    assert _codes(outcome_of(name)) == ALL[name].expected


@pytest.mark.parametrize("name", list(ALL))
def test_evidence_and_never_ok_when_failing(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    assert_evidenced_and_never_ok_when_failing(outcome_of(name), ALL[name].expected)


def test_doubled_bearer_names_the_repeated_prefix(outcome_of) -> None:  # type: ignore[no-untyped-def]
    top = outcome_of("flask-bearer-bearer").diagnosis.causes[0]
    assert any("'Bearer Bearer …'" in e.line for e in top.evidence)
    assert "Authorization: Bearer <token>" in top.fix


def test_hs512_against_an_hs256_backend_is_shown_by_the_hs256_variant(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("drf-hs512")
    top = outcome.diagnosis.causes[0]
    assert top.code == "CAUSE-ALG-MISMATCH" and top.confidence == "high"
    assert [e.source for e in top.evidence] == ["original", "fresh", "hs256-env"]
    assert "algorithms=['HS256', 'HS512']" in top.fix


def test_simplejwt_words_are_read_from_its_messages_list(outcome_of) -> None:  # type: ignore[no-untyped-def]
    top = outcome_of("drf-no-token-type").diagnosis.causes[0]
    assert top.code == "CAUSE-CLAIM-REQUIRED"
    original = next(ex for ex in outcome_of("drf-no-token-type").exchanges)
    assert original.status == 401 and "Token has no type" in original.text


@pytest.mark.parametrize(
    ("name", "claim"), [("drf-iss-wrong", "CAUSE-ISSUER"), ("users-unknown-user", "CAUSE-AUDIENCE")]
)
def test_an_opaque_refusal_names_key_and_claim_hypotheses(  # type: ignore[no-untyped-def]
    name: str, claim: str, outcome_of
) -> None:
    unknown = outcome_of(name).diagnosis.causes[0]
    assert unknown.code == "CAUSE-UNKNOWN"
    line = next(e.line for e in unknown.evidence if "CAUSE-WRONG-SECRET" in e.line)
    assert claim in line
    assert "The request that would decide" in unknown.fix and "server's own secret" in unknown.fix


def test_an_hs256_token_at_a_jwks_verifier_is_an_alg_mismatch(outcome_of) -> None:  # type: ignore[no-untyped-def]
    top = outcome_of("jwk-hs256-token").diagnosis.causes[0]
    assert top.code == "CAUSE-ALG-MISMATCH"
    assert "key set (JWKS)" in top.fix
    assert "CAUSE-KID-UNKNOWN" not in _codes(outcome_of("jwk-hs256-token"))


def test_a_missing_sub_is_not_a_sub_type(outcome_of) -> None:  # type: ignore[no-untyped-def]
    assert _codes(outcome_of("jose-no-sub")) == ["CAUSE-CLAIM-REQUIRED"]


def test_a_server_clock_ahead_is_shown_by_exp_counted_from_its_clock(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("ho-clock-skew")
    top = outcome.diagnosis.causes[0]
    assert top.code == "CAUSE-CLOCK-SKEW" and top.confidence == "high"
    assert [e.source for e in top.evidence] == ["all-fixed", "numeric-sub"]
    assert "runs ahead of the issuer's" in top.fix


@pytest.mark.parametrize("name", ["ex-issuer-ahead", "fa-issuer-ahead"])
def test_an_issuer_ahead_is_shown_by_the_same_claims_dated_now(name: str, outcome_of) -> None:  # type: ignore[no-untyped-def]
    assert _codes(outcome_of(name)) == ["CAUSE-CLOCK-SKEW"]
    top = outcome_of(name).diagnosis.causes[0]
    assert any("the issuer's clock runs ahead" in e.line for e in top.evidence)
    assert any(e.source == "fresh" and "dated now" in e.line for e in top.evidence)
