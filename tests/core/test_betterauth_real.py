"""Issue 17's inspect cases on REAL Better Auth 1.7.25 output (tests/data/betterauth/*,
written by generator/generate.mjs; see its README). Clocks are fixed: every ``now`` is
derived from the iat/exp written in the fixture itself.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from testdata import BETTERAUTH, ba_text

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet, load_key_file
from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.token.parsing import decode, normalize

CACHE_AUD = "better-auth:session-cache"
#: Scenarios whose plugin JWT is issued with the default payload.
JWT_SCENARIOS = [
    "plugin_default",
    "rs256",
    "es256",
    "rotated",
    "rotated_rs256",
    "rotated_es256",
    "cache_compact",
    "cache_jwt",
    "cache_jwe",
    "cache_jwt_plugin",
    "https",
    "custom_claims",
    "custom_paths",
    "trailing_slash",
]
CACHE_STRATEGY = {
    "cache_compact": "compact",
    "cache_jwt": "jwt",
    "cache_jwe": "jwe",
    "cache_jwt_plugin": "jwt-plugin",
    "https": "compact",
}


def jwks(scenario: str, name: str = "jwks.json") -> KeySet:
    return load_key_file((BETTERAUTH / scenario / name).read_bytes(), name)


def claims_of(text: str) -> dict[str, Any]:
    return decode(normalize(text).token).payload or {}


def env(*pairs: tuple[str, str]) -> Environment:
    return Environment(sources=(EnvSource("./.env", pairs),))


def all_text(report: Report) -> str:
    return " ".join(
        " ".join([f.title, f.detail, f.fix, *(v for _, v in f.evidence)]) for f in report.findings
    )


def cache_text(scenario: str) -> str:
    return ba_text(scenario, "session_data.txt").strip()


def cache_times(scenario: str) -> tuple[int, int]:
    """(issued, expires) of a scenario's cookie cache, in epoch seconds."""
    payload = claims_of(cache_text(scenario))
    if scenario == "cache_jwe":  # encrypted: the plugin JWT issued with it gives the time
        iat = claims_of(ba_text(scenario, "token.jwt"))["iat"]
        return iat, iat + 300
    if "exp" in payload:
        return payload["iat"], payload["exp"]
    expires = payload["expiresAt"] // 1000
    return expires - 300, expires


# --- the plugin JWT itself: the near misses ---------------------------------------------


@pytest.mark.parametrize("scenario", JWT_SCENARIOS)
@pytest.mark.parametrize("name", ["token.jwt", "set_auth_jwt.txt"])
def test_plugin_jwt_is_an_access_token(scenario: str, name: str) -> None:
    text = ba_text(scenario, name)
    payload = claims_of(text)
    assert payload["exp"] - payload["iat"] == 900
    report = analyze(text, now=payload["iat"] + 60, keys=jwks(scenario))
    assert report.signature.status is SigStatus.VALID
    for code in ("BA-SESSION-CACHE", "BA-SESSION-TOKEN", "BA-CACHE-STALE", "BA-JWT-EXPIRED"):
        assert code not in report.codes, code
    assert report.exit_code == 0


# --- 1. the wrong kind of token -----------------------------------------------------------


@pytest.mark.parametrize("scenario", sorted(CACHE_STRATEGY))
def test_cookie_cache_is_named_with_its_strategy(scenario: str) -> None:
    issued, _ = cache_times(scenario)
    report = analyze(cache_text(scenario), now=issued + 60, keys=jwks(scenario))
    found = report.finding("BA-SESSION-CACHE")
    assert found is not None
    assert dict(found.evidence)["strategy"] == CACHE_STRATEGY[scenario]
    assert "/api/auth/token" in found.fix and "set-auth-jwt" in found.fix
    assert "Never make the API accept" in found.fix
    assert report.exit_code == 1
    # No fix ever configures an API to take the cache.
    assert f'audience="{CACHE_AUD}"' not in all_text(report)
    assert f"audience={CACHE_AUD!r}" not in found.fix
    assert "AUD-PRESENT" not in report.codes and "AUD-MISMATCH" not in report.codes


def test_plugin_signed_cache_verifies_and_is_still_refused() -> None:
    """Wrong verdict (a) of issue 17: was 'valid' + audience="better-auth:session-cache"."""
    issued, _ = cache_times("cache_jwt_plugin")
    report = analyze(
        cache_text("cache_jwt_plugin"),
        now=issued + 60,
        keys=jwks("cache_jwt_plugin"),
        env=env(("BETTER_AUTH_URL", "http://localhost:3000")),
    )
    header = decode(normalize(cache_text("cache_jwt_plugin")).token).header or {}
    assert header["typ"] == "better-auth.session-cache+jwt"
    assert claims_of(cache_text("cache_jwt_plugin"))["aud"] == CACHE_AUD
    assert report.signature.status is SigStatus.VALID
    found = report.finding("BA-SESSION-CACHE")
    assert found is not None and CACHE_AUD in found.detail
    assert "would accept session cookies" in found.detail
    for code in ("AUD-PRESENT", "AUD-MISMATCH", "ISS-MISMATCH", "BA-URL-MISMATCH"):
        assert code not in report.codes, code
    assert f'audience="{CACHE_AUD}"' not in all_text(report)
    assert report.exit_code == 1


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt", "cache_jwt_plugin"])
def test_cache_value_alone_is_recognised(scenario: str) -> None:
    value = cache_text(scenario).split("=", 1)[1]
    issued, _ = cache_times(scenario)
    report = analyze(value, now=issued + 60)
    assert "BA-SESSION-CACHE" in report.codes
    assert "TOKEN-MALFORMED" not in report.codes


def test_jwe_value_alone_is_only_a_jwe() -> None:
    """Without its cookie name a dir/A256CBC-HS512 JWE may as well be Auth.js's."""
    value = cache_text("cache_jwe").split("=", 1)[1]
    report = analyze(value, now=cache_times("cache_jwt")[0])
    assert "TOKEN-JWE" in report.codes
    assert "BA-SESSION-CACHE" not in report.codes


@pytest.mark.parametrize("scenario", ["plugin_default", "https"])
@pytest.mark.parametrize("name", ["session_cookie.txt", "set_auth_token.txt"])
def test_session_token_names_where_it_came_from(scenario: str, name: str) -> None:
    report = analyze(ba_text(scenario, name), now=cache_times("cache_jwt")[0])
    found = report.finding("BA-SESSION-TOKEN")
    assert found is not None
    assert "must not accept it as an access token" in found.fix
    assert "/api/auth/token" in found.fix
    if name == "set_auth_token.txt":
        assert "set-auth-token" in found.detail
    else:
        assert "from the session cookie" in found.detail
    assert ("__Secure-" in found.detail) == (scenario == "https" and name == "session_cookie.txt")
    assert "BA-SESSION-CACHE" not in report.codes


def test_https_cookies_carry_the_secure_prefix() -> None:
    lines = ba_text("https", "set_cookie.txt").splitlines()
    assert all(line.startswith("__Secure-better-auth.") for line in lines)
    assert normalize(ba_text("https", "session_cookie.txt")).carrier == (
        "cookie:__Secure-better-auth.session_token"
    )


# --- 2./6. kid missing from the JWKS: the same verdict for every algorithm --------------


ROTATED = ["rotated", "rotated_rs256", "rotated_es256"]


@pytest.mark.parametrize("scenario", ROTATED)
def test_rotated_kid_missing_from_later_jwks(scenario: str) -> None:
    """Wrong verdict (b) of issue 17: was SIGNATURE INVALID (RS256) / UNVERIFIED (ES256)."""
    token = ba_text(scenario, "token_kid_a.jwt")
    kid = decode(token.strip()).header["kid"]  # type: ignore[index]
    later = jwks(scenario, "jwks_later.json")
    assert kid not in {k.kid for k in later.public_keys}
    report = analyze(token, now=claims_of(token)["iat"] + 60, keys=later)
    assert report.signature.status is SigStatus.NO_KEY
    assert "SIG-INVALID" not in report.codes and "SIG-UNVERIFIED" not in report.codes
    assert "ALG-KEY-MISMATCH" not in report.codes
    found = report.finding("KID-UNKNOWN")
    assert found is not None
    assert found.detail.startswith(f"No key for this kid: the JWKS has no key with kid {kid!r}")
    assert "Refetch the JWKS" in found.fix
    assert "http://localhost:3000/api/auth/jwks" in found.fix
    assert report.exit_code == 1


@pytest.mark.parametrize("scenario", ROTATED)
def test_rotated_both_kids_verify_with_the_grace_period_jwks(scenario: str) -> None:
    both = jwks(scenario, "jwks_both.json")
    assert len(both.public_keys) == 2
    for name in ("token_kid_a.jwt", "token_kid_b.jwt"):
        token = ba_text(scenario, name)
        report = analyze(token, now=claims_of(token)["iat"] + 60, keys=both)
        assert report.signature.status is SigStatus.VALID, name
        assert "KID-UNKNOWN" not in report.codes


@pytest.mark.parametrize(
    ("token_scenario", "jwks_scenario"),
    [
        ("rs256", "rotated_rs256"),
        ("es256", "rotated_es256"),
        ("plugin_default", "rotated"),
        ("rs256", "es256"),
        ("es256", "plugin_default"),
        ("plugin_default", "rs256"),
    ],
)
def test_kid_missing_reads_the_same_for_every_alg(token_scenario: str, jwks_scenario: str) -> None:
    token = ba_text(token_scenario, "token.jwt")
    report = analyze(token, now=claims_of(token)["iat"] + 60, keys=jwks(jwks_scenario))
    assert report.signature.status is SigStatus.NO_KEY
    assert report.signature.reason.startswith("no key for this kid")
    assert [c for c in report.codes if c.startswith("SIG-")] == []
    assert "KID-UNKNOWN" in report.codes


def test_text_report_says_no_key_for_kid() -> None:
    from jwtscope.core.report_text import report_to_text

    token = ba_text("rotated_rs256", "token_kid_a.jwt")
    report = analyze(
        token, now=claims_of(token)["iat"] + 60, keys=jwks("rotated_rs256", "jwks_later.json")
    )
    text = report_to_text(report)
    assert "NO KEY FOR KID" in text
    assert "INVALID" not in text.split("Findings")[0]


# --- 8. cookie-cache staleness --------------------------------------------------------------


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt", "cache_jwt_plugin", "https"])
def test_live_cookie_cache_says_how_long_it_lags(scenario: str) -> None:
    issued, expires = cache_times(scenario)
    report = analyze(cache_text(scenario), now=issued + 60)
    found = report.finding("BA-CACHE-STALE")
    assert found is not None
    evidence = dict(found.evidence)
    assert int(evidence["remaining_s"]) == expires - issued - 60
    assert evidence["max_age_s"] == "300"
    assert "disableCookieCache" in found.fix


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt", "cache_jwt_plugin"])
def test_expired_cookie_cache_gets_no_staleness_note(scenario: str) -> None:
    _, expires = cache_times(scenario)
    report = analyze(cache_text(scenario), now=expires)
    assert "BA-CACHE-STALE" not in report.codes
    assert "BA-SESSION-CACHE" in report.codes


# --- 10. the 15-minute JWT nobody refreshed -----------------------------------------------


@pytest.mark.parametrize("scenario", ["plugin_default", "rs256", "es256", "custom_claims"])
def test_expired_plugin_jwt_names_how_to_get_a_fresh_one(scenario: str) -> None:
    token = ba_text(scenario, "token.jwt")
    exp = claims_of(token)["exp"]
    report = analyze(token, now=exp + 120, keys=jwks(scenario))
    found = report.finding("BA-JWT-EXPIRED")
    assert found is not None
    assert "15 min" in found.detail and "2 min ago" in found.detail
    assert "authClient.token()" in found.fix and "set-auth-jwt" in found.fix
    assert "EXP-PAST" in report.codes
    assert report.signature.status is SigStatus.VALID


def test_plugin_jwt_a_second_before_exp_is_not_expired() -> None:
    token = ba_text("plugin_default", "token.jwt")
    exp = claims_of(token)["exp"]
    report = analyze(token, now=exp - 1, keys=jwks("plugin_default"))
    assert "BA-JWT-EXPIRED" not in report.codes and "EXP-PAST" not in report.codes
    assert "BA-JWT-EXPIRED" in analyze(token, now=exp, keys=jwks("plugin_default")).codes


def test_expired_cookie_cache_is_not_called_an_expired_plugin_jwt() -> None:
    _, expires = cache_times("cache_jwt_plugin")
    report = analyze(cache_text("cache_jwt_plugin"), now=expires + 60)
    assert "BA-JWT-EXPIRED" not in report.codes


# --- 4. iss/aud against BETTER_AUTH_URL ----------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "url", "why", "severity"),
    [
        ("plugin_default", "https://localhost:3000", "http vs https", "error"),
        (
            "plugin_default",
            "https://app.example.com",
            "localhost localhost vs public host",
            "error",
        ),
        ("https", "http://localhost:3000", "public host auth.example.com vs localhost", "error"),
        ("https", "http://auth.example.com", "https vs http", "error"),
        ("plugin_default", "http://localhost:3000/", "trailing slash", "warning"),
        ("trailing_slash", "http://localhost:3000/", "trailing slash", "warning"),
        ("custom_claims", "http://localhost:3000", "public host", "error"),
    ],
)
def test_base_url_mismatch_shows_both_values(
    scenario: str, url: str, why: str, severity: str
) -> None:
    token = ba_text(scenario, "token.jwt")
    payload = claims_of(token)
    report = analyze(
        token, now=payload["iat"] + 60, keys=jwks(scenario), env=env(("BETTER_AUTH_URL", url))
    )
    found = report.finding("BA-URL-MISMATCH")
    assert found is not None
    assert f"iss: token {payload['iss']!r}, BETTER_AUTH_URL {url!r}" in found.detail
    assert why in found.detail
    assert found.severity.value == severity
    if scenario == "custom_claims":
        assert "issuer=, audience=" in found.fix
    if why == "trailing slash":
        assert ".rstrip('/')" in found.fix


@pytest.mark.parametrize(
    ("scenario", "url"),
    [
        ("plugin_default", "http://localhost:3000"),
        ("plugin_default", "http://localhost:3000/api/auth"),
        ("trailing_slash", "http://localhost:3000"),
        ("https", "https://auth.example.com"),
    ],
)
def test_base_url_match_is_quiet(scenario: str, url: str) -> None:
    token = ba_text(scenario, "token.jwt")
    report = analyze(
        token,
        now=claims_of(token)["iat"] + 60,
        keys=jwks(scenario),
        env=env(("BETTER_AUTH_URL", url)),
    )
    assert "BA-URL-MISMATCH" not in report.codes
    assert report.exit_code == 0


# --- the fixtures are what the README says ---------------------------------------------------


def test_custom_paths_and_secret_change_fixtures() -> None:
    config = json.loads(ba_text("custom_paths", "config.json"))
    assert config["basePath"] == "/auth"
    assert config["jwt"]["jwks"]["jwksPath"] == "/.well-known/jwks.json"
    assert len(jwks("custom_paths").public_keys) == 1
    status = ba_text("secret_changed", "token_after_change.txt").split("\n", 1)[0]
    assert status == "500"


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt", "cache_jwt_plugin", "https"])
def test_whole_cookie_header_is_a_session_artefact(scenario: str) -> None:
    """What a browser sends back (every cookie of the sign-up) is never an access token."""
    pairs = [line.split(";")[0] for line in ba_text(scenario, "set_cookie.txt").splitlines()]
    issued, _ = cache_times(scenario)
    report = analyze("Cookie: " + "; ".join(pairs), now=issued + 60)
    assert {"BA-SESSION-CACHE", "BA-SESSION-TOKEN"} & set(report.codes)
    assert report.exit_code == 1
    assert "better-auth:session-cache" not in " ".join(f.fix for f in report.findings)


# --- 2. 'Bearer null' where the environment shows Better Auth --------------------------------


@pytest.mark.parametrize("literal", ["null", "undefined"])
def test_null_token_with_better_auth_names_the_hidden_header(literal: str) -> None:
    with_ba = analyze(
        f"Bearer {literal}", now=0, env=env(("BETTER_AUTH_URL", "http://localhost:3000"))
    )
    found = with_ba.finding("TOKEN-JUNK")
    assert found is not None
    assert "set-auth-jwt" in found.fix and "--auth-url" in found.fix
    plain = analyze(f"Bearer {literal}", now=0).finding("TOKEN-JUNK")
    assert plain is not None and "set-auth-jwt" not in plain.fix  # no Better Auth: not said


# --- 5./4. the JWKS URL a fix names: Better Auth's default path, never a custom issuer's ----


def test_the_jwks_url_is_said_to_be_the_default_path() -> None:
    """custom_paths serves its JWKS at /auth/.well-known/jwks.json: the token cannot show
    that, so the fix names the default and says how a custom basePath/jwksPath changes it."""
    token = ba_text("custom_paths", "token.jwt")
    secret = ba_text("custom_paths", "secret.txt").strip()
    report = analyze(
        token, now=claims_of(token)["iat"] + 60, env=env(("BETTER_AUTH_SECRET", secret))
    )
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None
    assert "http://localhost:3000/api/auth/jwks" in found.fix
    assert "Better Auth's default path" in found.fix and "<jwksPath>" in found.fix


def test_a_custom_issuer_never_names_the_jwks_url() -> None:
    """custom_claims: iss https://auth.example.com is the plugin's issuer, not where the
    auth server (baseURL http://localhost:3000) serves its JWKS."""
    token = ba_text("custom_claims", "token.jwt")
    payload = claims_of(token)
    assert payload["iss"] != payload["aud"]
    secret = ba_text("custom_claims", "secret.txt").strip()
    bare = analyze(token, now=payload["iat"] + 60, env=env(("BETTER_AUTH_SECRET", secret)))
    found = bare.finding("ALG-KEY-MISMATCH")
    assert found is not None
    assert f"{payload['iss']}/api/auth/jwks" not in found.fix
    assert "<auth server baseURL>/api/auth/jwks" in found.fix
    with_url = analyze(
        token,
        now=payload["iat"] + 60,
        env=env(("BETTER_AUTH_SECRET", secret), ("BETTER_AUTH_URL", "http://localhost:3000")),
    )
    found = with_url.finding("ALG-KEY-MISMATCH")
    assert found is not None and "http://localhost:3000/api/auth/jwks" in found.fix
