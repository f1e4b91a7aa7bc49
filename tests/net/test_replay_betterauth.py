"""Better Auth failure modes in a replay, on real Better Auth output: each case asserts the
FULL ranked list of causes (:mod:`net.replay_betterauth_cases`), evidence for every cause,
no CAUSE-OK for a failing request, and fixes that never make an API accept a session
artefact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from net.replay_betterauth_cases import BA_CASES, run_ba_case
from net.replay_support import assert_evidenced_and_never_ok_when_failing

from jwtscope.services.replay_run import ReplayOutcome


@pytest.fixture(scope="module")
def outcome_of() -> Callable[[str], ReplayOutcome]:
    done: dict[str, ReplayOutcome] = {}

    def outcome(name: str) -> ReplayOutcome:
        if name not in done:
            done[name] = run_ba_case(BA_CASES[name])
        return done[name]

    return outcome


def codes(outcome: ReplayOutcome) -> list[str]:
    return [c.code for c in outcome.diagnosis.causes]


def cause(outcome: ReplayOutcome, code: str):  # type: ignore[no-untyped-def]
    return next(c for c in outcome.diagnosis.causes if c.code == code)


@pytest.mark.parametrize("name", list(BA_CASES))
def test_full_ranked_list(name: str, outcome_of: Callable[[str], ReplayOutcome]) -> None:
    assert codes(outcome_of(name)) == BA_CASES[name].expected


@pytest.mark.parametrize("name", list(BA_CASES))
def test_evidence_and_never_ok_when_failing(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    assert_evidenced_and_never_ok_when_failing(outcome_of(name), BA_CASES[name].expected)


SESSION_CASES = [n for n, c in BA_CASES.items() if "CAUSE-SESSION-CACHE" in c.expected]


@pytest.mark.parametrize("name", [*SESSION_CASES, "set-auth-token-as-bearer"])
def test_no_fix_accepts_a_session_artefact(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    for c in outcome_of(name).diagnosis.causes:
        assert "audience='better-auth:session-cache'" not in c.fix
        assert 'audience="better-auth:session-cache"' not in c.fix
        assert "read the cookie" not in c.fix, c.code
    top = outcome_of(name).diagnosis.causes[0]
    assert (
        "/api/auth/token" in top.fix
        or "/api/auth/token" in cause(outcome_of(name), BA_CASES[name].expected[-1]).fix
    )


def test_the_plugin_signed_cache_is_named_with_its_strategy(outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = cause(outcome_of("cache-plugin-signed-as-bearer"), "CAUSE-SESSION-CACHE")
    assert c.confidence == "high"
    assert any("better-auth:session-cache" in e.line for e in c.evidence)
    assert "Never make the API accept a session cookie" in c.fix


def test_an_api_accepting_the_cache_is_no_success(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("cache-jwt-accepted")
    original = next(ex for ex in outcome.exchanges if ex.purpose == "original")
    assert original.status == 200
    c = cause(outcome, "CAUSE-SESSION-CACHE")
    assert "accepts the session cookie cache as an access token" in c.evidence[0].line


def test_bearer_null_names_the_hidden_header(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("null-jwt-not-exposed")
    hidden = cause(outcome, "CAUSE-JWT-NOT-EXPOSED")
    assert hidden.confidence == "high"
    line = next(e.line for e in hidden.evidence if e.source == "auth-cors")
    assert "Access-Control-Expose-Headers: (none)" in line
    assert "exposeHeaders: ['set-auth-jwt']" in hidden.fix
    sent = next(ex for ex in outcome.exchanges if ex.purpose == "auth-cors")
    assert dict(sent.request.headers)["Origin"] == "http://localhost:5173"
    assert not sent.request.cookies


def test_bearer_null_with_the_header_exposed_blames_the_client(outcome_of) -> None:  # type: ignore[no-untyped-def]
    junk = cause(outcome_of("null-jwt-exposed"), "CAUSE-JUNK-TOKEN")
    assert any(e.source == "auth-cors" and "is exposed" in e.line for e in junk.evidence)


def test_bearer_undefined_without_auth_url_says_how_to_decide(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("undefined-no-auth-url")
    assert "--auth-url" in cause(outcome, "CAUSE-JUNK-TOKEN").fix
    assert "auth-cors" not in [ex.purpose for ex in outcome.exchanges]


@pytest.mark.parametrize("name", ["python-jose-eddsa", "pyjwt-without-cryptography"])
def test_a_verifier_without_eddsa_is_not_an_algorithm_mismatch(name: str, outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = cause(outcome_of(name), "CAUSE-VERIFIER-NO-EDDSA")
    assert c.confidence == "high"
    assert "pyjwt[crypto]" in c.fix and "python-jose has no EdDSA" in c.fix


def test_nearby_issuer_shows_the_expected_value(outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = cause(outcome_of("hs256-issuer-https-nearby"), "CAUSE-ISSUER")
    assert [e.source for e in c.evidence][:2] == ["fresh", "near-iss-1"]
    assert "expects iss 'https://localhost:3000'" in c.fix
    assert "carries 'http://localhost:3000' (http vs https)" in c.fix


def test_nearby_audience_finds_the_trailing_slash(outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = cause(outcome_of("hs256-audience-slash-nearby"), "CAUSE-AUDIENCE")
    assert "expects aud 'http://localhost:3000/'" in c.fix and "(a trailing slash)" in c.fix


def test_the_issuer_row_shows_expected_next_to_the_token(outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = cause(outcome_of("issuer-https-expected"), "CAUSE-ISSUER")
    assert "expects iss 'https://localhost:3000' (BETTER_AUTH_URL" in c.fix
    assert "carries 'http://localhost:3000'" in c.fix


@pytest.mark.parametrize(
    ("name", "confidence"),
    [
        ("jwks-unreachable-401", "high"),
        ("jwks-unreachable-500", "medium"),
        ("jwks-unreachable-500-undecided", "low"),
    ],
)
def test_jwks_unreachable_only_as_sure_as_the_evidence(
    name: str, confidence: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    c = cause(outcome_of(name), "CAUSE-JWKS-UNREACHABLE")
    assert c.confidence == confidence
    assert "service's name" in c.fix and "jwksPath" in c.fix
    if confidence == "low":
        assert "The check that decides" in c.fix


def test_rotation_stale_backend_versus_retired_kid(outcome_of) -> None:  # type: ignore[no-untyped-def]
    stale = cause(outcome_of("rotated-backend-stale"), "CAUSE-JWKS-STALE")
    retired = cause(outcome_of("rotated-kid-retired"), "CAUSE-KID-RETIRED")
    assert stale.confidence == retired.confidence == "high"
    assert "PyJWKClient" in stale.fix and "get a fresh token" in retired.fix
    assert any("not in the live JWKS" in e.line for e in retired.evidence)


def test_secret_changed_is_named_and_the_session_cookie_is_no_fault(outcome_of) -> None:  # type: ignore[no-untyped-def]
    outcome = outcome_of("secret-changed-token-endpoint")
    c = cause(outcome, "CAUSE-BA-SECRET-ROTATED")
    assert c.confidence == "medium"
    assert "Failed to decrypt private key" in c.fix and "jwks" in c.fix
    assert outcome.request.location.kind == "cookie"


def test_an_expired_plugin_jwt_says_how_to_get_a_fresh_one(outcome_of) -> None:  # type: ignore[no-untyped-def]
    fix = cause(outcome_of("plugin-jwt-expired"), "CAUSE-EXPIRED").fix
    assert "/api/auth/token" in fix and "set-auth-jwt" in fix


def test_undecided_cases_name_the_candidate_and_its_check(outcome_of) -> None:  # type: ignore[no-untyped-def]
    unknown = cause(outcome_of("rotated-backend-stale-opaque"), "CAUSE-UNKNOWN")
    assert "CAUSE-JWKS-UNREACHABLE / CAUSE-JWKS-STALE" in unknown.fix
    opaque = cause(outcome_of("python-jose-eddsa-opaque"), "CAUSE-UNKNOWN")
    assert "CAUSE-VERIFIER-NO-EDDSA" in opaque.fix and "get_algorithm_by_name" in opaque.fix
    crash = cause(outcome_of("python-jose-eddsa-uncaught"), "CAUSE-VERIFIER-NO-EDDSA")
    assert crash.confidence == "low" and "The check that decides" in crash.fix
