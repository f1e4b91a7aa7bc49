"""Issue 17 replay cases across Better Auth's variants, on real Better Auth output
(``tests/data/betterauth``) against real uvicorn backends: the rotated kid past its grace
period and the expired 15-minute JWT for RS256 and ES256 (as for EdDSA), a custom
issuer/audience and an https baseURL, a custom ``basePath``/``jwksPath`` (the JWKS, and
the auth server's own endpoints), a JWKS outage masked as "Invalid token",
``BETTER_AUTH_SECRET`` changed under get-session, the https session artefacts and the
``jwe`` cache's bare value sent as a Bearer token.

Expectations, derived before running the tool: a rotated-out kid is the same verdict
whatever the key type; a custom issuer is not fixed by BETTER_AUTH_URL (Better Auth only
copies its baseURL into ``iss`` when the plugin sets none); the JWKS URL is never derived
from a custom issuer; a backend whose JWKS URL answers 404 cannot fetch the keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from net.replay_betterauth_cases import (
    BA_URL,
    BaCase,
    _api,
    _dead_jwks,
    cookie_value,
    env,
    iat,
    jwks,
    run_ba_case,
    text,
)
from servers import replay_backends_betterauth as ba
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.inputs import KeySources, explicit_keys
from jwtscope.services.replay_run import ReplayOutcome, run_replay

HTTPS_BASE = "https://auth.example.com"
CUSTOM_ISS = "https://auth.example.com"
CUSTOM_AUD = "https://api.example.com"
SESSION_CACHE_AUD = "better-auth:session-cache"


def _retired(scenario: str) -> BaCase:
    later = lambda: jwks(scenario, "jwks_later.json")  # noqa: E731
    return BaCase(
        f"{scenario}: kid A past its grace period, in neither the live JWKS nor the backend's",
        lambda c: ba.jwks_api(later(), c, audience=BA_URL, issuer=BA_URL),
        lambda: text(scenario, "token_kid_a.jwt"),
        ["CAUSE-KID-RETIRED"],
        live_jwks=later,
    )


def _secret_rotated(endpoint: str, base_path: str = "/api/auth") -> BaCase:
    return BaCase(
        f"{base_path}/{endpoint} with the session cookie; the JWKS key sealed under another secret",
        lambda c: ba.token_endpoint_after_secret_change(
            text("secret_changed", "secret.txt"),
            text("secret_changed", "other_secret.txt"),
            c,
            base_path=base_path,
        ),
        lambda: text("secret_changed", "session_cookie.txt"),
        ["CAUSE-BA-SECRET-ROTATED"],
        url=f"{base_path}/{endpoint}",
    )


CASES: dict[str, BaCase] = {
    # 6. key rotation: the same verdict for every key type
    "rs256-kid-retired": _retired("rotated_rs256"),
    "es256-kid-retired": _retired("rotated_es256"),
    # 10. the 15-minute JWT, RS256 and ES256
    **{
        f"{alg}-jwt-expired": BaCase(
            f"the {alg} plugin JWT sent an hour after it was issued",
            _api(alg, audience=BA_URL, issuer=BA_URL),
            lambda alg=alg: text(alg, "token.jwt"),  # type: ignore[misc]
            ["CAUSE-EXPIRED"],
            age=3600,
        )
        for alg in ("rs256", "es256")
    },
    # 4. issuer/audience vs baseURL
    "custom-issuer-to-base-url-api": BaCase(
        "jwt({ jwt: { issuer, audience } }) token; the API expects the baseURL",
        _api("custom_claims", audience=BA_URL, issuer=BA_URL),
        lambda: text("custom_claims", "token.jwt"),
        ["CAUSE-ISSUER"],
    ),
    "custom-issuer-with-better-auth-url": BaCase(
        "the same, the API's BETTER_AUTH_URL in the environment",
        _api("custom_claims", audience=BA_URL, issuer=BA_URL),
        lambda: text("custom_claims", "token.jwt"),
        ["CAUSE-ISSUER"],
        env=env("custom_claims", ("BETTER_AUTH_URL", BA_URL)),
    ),
    "custom-claims-ok": BaCase(
        "the custom issuer/audience passed to jwt.decode",
        _api("custom_claims", audience=CUSTOM_AUD, issuer=CUSTOM_ISS),
        lambda: text("custom_claims", "token.jwt"),
        ["CAUSE-OK"],
    ),
    "https-base-url-to-localhost-api": BaCase(
        "baseURL https://auth.example.com; the API expects http://localhost:3000",
        _api("https", audience=BA_URL, issuer=BA_URL),
        lambda: text("https", "token.jwt"),
        ["CAUSE-ISSUER"],
    ),
    "trailing-slash-base-url-ok": BaCase(
        "baseURL with a trailing slash (Better Auth drops it); the API expects none",
        _api("trailing_slash", audience=BA_URL, issuer=BA_URL),
        lambda: text("trailing_slash", "token.jwt"),
        ["CAUSE-OK"],
    ),
    # 1./9. https: the session artefacts (their cookies carry __Secure-) sent as Bearer
    "https-set-auth-token-as-bearer": BaCase(
        "the https bearer plugin's set-auth-token sent as the JWT",
        _api("https", audience=HTTPS_BASE, issuer=HTTPS_BASE),
        lambda: text("https", "set_auth_token.txt"),
        ["CAUSE-SESSION-TOKEN"],
    ),
    "https-cache-as-bearer": BaCase(
        "the https compact cache (__Secure-better-auth.session_data) value sent as the JWT",
        _api("https", audience=HTTPS_BASE, issuer=HTTPS_BASE),
        lambda: text("https", "session_data.txt").partition("=")[2],
        ["CAUSE-SESSION-CACHE"],
    ),
    # 1. the jwe cache's value alone, sent as Bearer: Better Auth's once the secret opens it
    "cache-jwe-value-as-bearer": BaCase(
        "the jwe session_data value (no cookie name) sent as the JWT; BETTER_AUTH_SECRET known",
        _api("cache_jwe", audience=BA_URL, issuer=BA_URL),
        lambda: cookie_value("cache_jwe", "session_data.txt"),
        ["CAUSE-SESSION-CACHE"],
        env=env("cache_jwe"),
    ),
    # 5. a JWKS outage masked as "Invalid token": undecided, and the check that decides
    "jwks-outage-masked": BaCase(
        "PyJWKClient on a dead port, every failure answered 'Invalid token'; --jwks given",
        lambda c: ba.remote_jwks_api(_dead_jwks(), BA_URL, c, catch=True, opaque=True),
        lambda: text("plugin_default", "token.jwt"),
        # One opaque 401 for every failure and no key to mint with: nothing decides.
        ["CAUSE-UNKNOWN"],
        live_jwks=lambda: jwks("plugin_default"),
    ),
    "jwks-outage-masked-secret-in-env": BaCase(
        "the same outage, no --jwks, BETTER_AUTH_SECRET in .env (jwtscope signs HS256 with it)",
        lambda c: ba.remote_jwks_api(_dead_jwks(), BA_URL, c, catch=True, opaque=True),
        lambda: text("plugin_default", "token.jwt"),
        # The HS256 token signed with the secret is refused like the original: the backend
        # does not verify HS256 with that secret, and nothing shows what it does instead.
        ["CAUSE-UNKNOWN"],
        env=env("plugin_default"),
    ),
    # 7. BETTER_AUTH_SECRET changed: get-session signs set-auth-jwt too; a custom basePath
    "secret-changed-get-session": _secret_rotated("get-session"),
    "secret-changed-custom-base-path": _secret_rotated("token", "/auth"),
}


@pytest.fixture(scope="module")
def outcome_of() -> Callable[[str], ReplayOutcome]:
    done: dict[str, ReplayOutcome] = {}

    def outcome(name: str) -> ReplayOutcome:
        if name not in done:
            done[name] = run_ba_case(CASES[name])
        return done[name]

    return outcome


def _cause(outcome: ReplayOutcome, code: str) -> Any:
    return next(c for c in outcome.diagnosis.causes if c.code == code)


@pytest.mark.parametrize("name", list(CASES))
def test_full_ranked_list(name: str, outcome_of: Callable[[str], ReplayOutcome]) -> None:
    outcome = outcome_of(name)
    assert [c.code for c in outcome.diagnosis.causes] == CASES[name].expected
    for c in outcome.diagnosis.causes:
        assert c.evidence and all(e.line.strip() for e in c.evidence), c.code
        assert SESSION_CACHE_AUD not in c.fix  # never a fix that takes the cache
    assert (outcome.exit_code == 0) is (CASES[name].expected == ["CAUSE-OK"])


@pytest.mark.parametrize("name", ["rs256-kid-retired", "es256-kid-retired"])
def test_a_retired_kid_reads_the_same_for_every_key_type(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    retired = _cause(outcome_of(name), "CAUSE-KID-RETIRED")
    assert retired.confidence == "high"
    assert any("not in the live JWKS" in e.line for e in retired.evidence)
    assert "get a fresh token" in retired.fix
    for word in ("tamper", "SIGNATURE INVALID", "invalid signature"):
        assert word not in retired.fix and all(word not in e.line for e in retired.evidence)


@pytest.mark.parametrize("name", ["rs256-jwt-expired", "es256-jwt-expired"])
def test_an_expired_jwt_of_any_key_type_names_how_to_get_a_fresh_one(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    fix = _cause(outcome_of(name), "CAUSE-EXPIRED").fix
    assert "/api/auth/token" in fix and "set-auth-jwt" in fix
    assert "leeway" in fix  # "do not widen the leeway": no fix that hides it


@pytest.mark.parametrize(
    "name", ["custom-issuer-to-base-url-api", "custom-issuer-with-better-auth-url"]
)
def test_a_custom_issuer_is_not_fixed_by_better_auth_url(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    fix = _cause(outcome_of(name), "CAUSE-ISSUER").fix
    assert "the jwt() plugin's own issuer" in fix
    assert "set the auth server's BETTER_AUTH_URL" not in fix
    assert f'issuer="{CUSTOM_ISS}"' in fix and f'audience="{CUSTOM_AUD}"' in fix
    # the JWKS is the auth server's, never guessed from the custom issuer
    assert f"{CUSTOM_ISS}/api/auth/jwks" not in fix
    if name == "custom-issuer-with-better-auth-url":
        assert "expects iss 'http://localhost:3000' (BETTER_AUTH_URL" in fix
        assert f'PyJWKClient("{BA_URL}/api/auth/jwks")' in fix
    else:
        assert 'PyJWKClient("<auth server baseURL>/api/auth/jwks")' in fix


def test_an_https_base_url_against_a_localhost_api(outcome_of) -> None:  # type: ignore[no-untyped-def]
    fix = _cause(outcome_of("https-base-url-to-localhost-api"), "CAUSE-ISSUER").fix
    # the default: Better Auth copies its baseURL into iss, so BETTER_AUTH_URL decides
    assert "BETTER_AUTH_URL" in fix and f'issuer="{HTTPS_BASE}"' in fix


def test_an_api_taking_the_cache_is_told_how_long_a_sign_out_lags() -> None:
    """Item 8 in a replay: the API accepts the 'jwt' cache (HS256 on BETTER_AUTH_SECRET);
    the cause says for how long it stays open after a sign-out (the cache's remaining age,
    read from the real cookie: maxAge 300 s, replayed 60 s after it was made)."""
    from net.replay_betterauth_cases import BA_CASES

    outcome = run_ba_case(BA_CASES["cache-jwt-accepted"])
    c = _cause(outcome, "CAUSE-SESSION-CACHE")
    stale = next(e.line for e in c.evidence if e.line.startswith("BA-CACHE-STALE"))
    assert "4 min more" in stale and "maxAge 5 min (300 s)" in stale
    refused = _cause(outcome_of_refused(), "CAUSE-SESSION-CACHE")
    assert not any(e.line.startswith("BA-CACHE-STALE") for e in refused.evidence)


def outcome_of_refused() -> ReplayOutcome:
    from net.replay_betterauth_cases import BA_CASES

    return run_ba_case(BA_CASES["cache-jwt-as-bearer"])


def test_a_masked_jwks_outage_is_not_called_a_bad_token(outcome_of) -> None:  # type: ignore[no-untyped-def]
    unknown = _cause(outcome_of("jwks-outage-masked"), "CAUSE-UNKNOWN")
    assert "CAUSE-JWKS-UNREACHABLE / CAUSE-JWKS-STALE" in unknown.fix
    assert "fetch the backend's JWKS URL from inside its container" in unknown.fix


def test_an_opaque_outage_without_jwks_names_the_key_question_not_a_guess(outcome_of) -> None:  # type: ignore[no-untyped-def]
    unknown = _cause(outcome_of("jwks-outage-masked-secret-in-env"), "CAUSE-UNKNOWN")
    said = " ".join(e.line for e in unknown.evidence)
    assert "undecided: CAUSE-ALG-MISMATCH" in said
    assert "`--jwks URL`" in unknown.fix and "CAUSE-JWKS-UNREACHABLE" in unknown.fix


def test_the_jwe_value_is_named_with_the_secret_that_opens_it(outcome_of) -> None:  # type: ignore[no-untyped-def]
    c = _cause(outcome_of("cache-jwe-value-as-bearer"), "CAUSE-SESSION-CACHE")
    said = " ".join(e.line for e in c.evidence)
    assert "strategy 'jwe'" in said and "decrypts with BETTER_AUTH_SECRET" in said
    assert "Never make the API accept a session cookie" in c.fix


@pytest.mark.parametrize("name", ["https-set-auth-token-as-bearer", "https-cache-as-bearer"])
def test_https_session_artefacts_say_what_to_send_instead(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    top = outcome_of(name).diagnosis.causes[0]
    assert "/api/auth/token" in top.fix
    assert top.confidence == "high"


@pytest.mark.parametrize("name", ["secret-changed-get-session", "secret-changed-custom-base-path"])
def test_secret_changed_under_any_endpoint_and_base_path(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    outcome = outcome_of(name)
    c = _cause(outcome, "CAUSE-BA-SECRET-ROTATED")
    assert c.confidence == "medium"  # the 500 has no body: the no-session answer decides
    assert "Failed to decrypt private key" in c.fix
    assert outcome.exchanges[0].status == 500


# --- 5. a custom basePath/jwksPath: the backend asks the default path -------------------

CUSTOM_JWKS_PATH = "/auth/.well-known/jwks.json"


@pytest.fixture(scope="module")
def custom_paths_auth() -> Iterator[str]:
    """The auth server of ``custom_paths`` (basePath /auth, jwksPath /.well-known/jwks.json):
    its JWKS there, a 404 at ``/api/auth/jwks``."""
    token = text("custom_paths", "token.jwt")
    with serve_backend(
        ba.jwks_at(jwks("custom_paths"), CUSTOM_JWKS_PATH, FixedClock(iat(token)))
    ) as base:
        yield base


def _replay_custom_paths(auth: str, backend_jwks_path: str) -> ReplayOutcome:
    token = text("custom_paths", "token.jwt")
    clock = FixedClock(iat(token) + 60)
    api = ba.remote_jwks_api(auth + backend_jwks_path, BA_URL, clock, catch=True)
    with serve_backend(api) as base:
        return run_replay(
            build_request(base + "/todos", token=token),
            env=Environment(()),
            keys=explicit_keys(KeySources(jwks=(auth + CUSTOM_JWKS_PATH,))),
            jwks_url=auth + CUSTOM_JWKS_PATH,
            clock=clock,
            timeout=5,
        )


def test_custom_jwks_path_missed_by_the_backend(custom_paths_auth: str) -> None:
    outcome = _replay_custom_paths(custom_paths_auth, "/api/auth/jwks")
    assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-JWKS-UNREACHABLE"]
    c = outcome.diagnosis.causes[0]
    assert c.confidence == "high"
    assert "404" in " ".join(e.line for e in c.evidence)
    assert "jwksPath" in c.fix and custom_paths_auth + CUSTOM_JWKS_PATH in c.fix


def test_custom_jwks_path_used_by_the_backend(custom_paths_auth: str) -> None:
    outcome = _replay_custom_paths(custom_paths_auth, CUSTOM_JWKS_PATH)
    assert [c.code for c in outcome.diagnosis.causes] == ["CAUSE-OK"]
