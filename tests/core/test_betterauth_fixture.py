"""The engine against real Better Auth output (tests/data/betterauth/eddsa, see its README).

The token was issued at ``IAT`` with a 15-minute lifetime by better-auth's jwt() plugin
(EdDSA, kid from jwks.json, iss = aud = http://localhost:3000); the session cookie and
the bearer plugin's set-auth-token carry the same session token, HMAC'd with secret.txt.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet, load_key_file
from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.token.parsing import TokenKind, decode

DATA = Path(__file__).resolve().parents[1] / "data" / "betterauth" / "eddsa"
TOKEN = (DATA / "alice.jwt").read_text().strip()
SECRET_FILE = (DATA / "secret.txt").read_text()
SECRET = SECRET_FILE.strip()
WRONG_SECRET = "P3jX9vQm2LrT8wYk5NcB1hFs7GdZ4aUe6KoJ0iWp"
SESSION_COOKIE = (DATA / "session_cookie.txt").read_text()
SET_AUTH_TOKEN = (DATA / "set_auth_token.txt").read_text()
IAT = 1_795_563_170
EXP = IAT + 900
KID = "TcXl9gojN3A0ePCByybDYqICGSAtgcuD"
ORIGIN = "http://localhost:3000"


@pytest.fixture(scope="module")
def jwks() -> KeySet:
    return load_key_file((DATA / "jwks.json").read_bytes(), "jwks.json")


def ba_env(*pairs: tuple[str, str | None]) -> Environment:
    return Environment(sources=(EnvSource("./.env", pairs),))


def _no_secret_in(report: Report, secret: str) -> None:
    for f in report.findings:
        text = " ".join([f.title, f.detail, f.fix, *(v for _, v in f.evidence)])
        assert secret not in text, f"secret leaked in {f.code}"


def test_fixture_is_what_the_readme_says() -> None:
    decoded = decode(TOKEN)
    assert decoded.kind is TokenKind.JWS
    assert decoded.header == {"alg": "EdDSA", "kid": KID}
    payload = decoded.payload or {}
    assert (payload["iat"], payload["exp"]) == (IAT, EXP)
    assert payload["iss"] == payload["aud"] == ORIGIN
    assert json.loads((DATA / "jwks.json").read_text())["keys"][0]["kid"] == KID


def test_valid_a_minute_after_issue(jwks: KeySet) -> None:
    report = analyze(TOKEN, now=IAT + 60, keys=jwks)
    assert report.signature.status is SigStatus.VALID
    assert report.signature.matched_public is not None
    assert report.signature.matched_public.kid == KID
    assert "SIG-VALID" in report.codes
    for code in (
        "EXP-PAST",
        "EXP-MISSING",
        "NBF-FUTURE",
        "IAT-FUTURE",
        "LIFETIME-LONG",
        "KID-UNKNOWN",
        "ALG-KEY-MISMATCH",
        "SUB-MISSING",
        "CLAIM-SENSITIVE",
        "HEADER-KEY-REF",
        "SECRET-MISSING",
        "INPUT-NORMALIZED",
    ):
        assert code not in report.codes, code
    assert report.exit_code == 0


@pytest.mark.parametrize(
    ("now", "expired"),
    [(EXP - 1, False), (EXP, True), (IAT + 3600, True)],
    ids=["exp-minus-1", "exp-exactly", "iat-plus-1h"],
)
def test_expiry(jwks: KeySet, now: int, expired: bool) -> None:
    report = analyze(TOKEN, now=now, keys=jwks)
    assert ("EXP-PAST" in report.codes) is expired
    assert report.exit_code == (1 if expired else 0)
    assert report.signature.status is SigStatus.VALID


def test_expired_an_hour_later_says_when(jwks: KeySet) -> None:
    found = analyze(TOKEN, now=IAT + 3600, keys=jwks).finding("EXP-PAST")
    assert found is not None
    assert "45 min ago" in found.detail
    assert dict(found.evidence)["exp"] == "2026-11-24T23:47:50Z"


def test_leeway_rescues_a_just_expired_token(jwks: KeySet) -> None:
    assert "EXP-PAST" in analyze(TOKEN, now=EXP + 10, keys=jwks, leeway=10).codes
    assert "EXP-PAST" not in analyze(TOKEN, now=EXP + 9, keys=jwks, leeway=10).codes


def test_against_better_auth_secret_only_points_at_the_jwks() -> None:
    report = analyze(TOKEN, now=IAT + 60, env=ba_env(("BETTER_AUTH_SECRET", SECRET)))
    mismatch = report.finding("ALG-KEY-MISMATCH")
    assert mismatch is not None
    assert "/api/auth/jwks" in mismatch.fix
    assert f"{ORIGIN}/api/auth/jwks" in mismatch.fix
    assert "BETTER_AUTH_SECRET" in mismatch.detail
    assert "SIG-UNVERIFIED" in report.codes
    assert report.signature.status is SigStatus.UNVERIFIED
    assert "SIG-INVALID" not in report.codes
    _no_secret_in(report, SECRET)


def test_jwks_and_secret_together_verify_without_mismatch(jwks: KeySet) -> None:
    report = analyze(TOKEN, now=IAT + 60, keys=jwks, env=ba_env(("BETTER_AUTH_SECRET", SECRET)))
    assert report.signature.status is SigStatus.VALID
    assert "ALG-KEY-MISMATCH" not in report.codes
    # The test secret is a run of sequences: guessable, but EdDSA does not use it.
    assert "SECRET-LOW-ENTROPY" in report.codes
    assert report.exit_code == 0
    _no_secret_in(report, SECRET)


def test_tampered_payload_is_invalid(jwks: KeySet) -> None:
    header, _, sig = TOKEN.split(".")
    claims = {**(decode(TOKEN).payload or {}), "name": "Mallory"}
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    report = analyze(f"{header}.{forged}.{sig}", now=IAT + 60, keys=jwks)
    assert report.signature.status is SigStatus.INVALID
    assert "SIG-INVALID" in report.codes


@pytest.mark.parametrize(
    "text",
    [SESSION_COOKIE, SET_AUTH_TOKEN, f"Cookie: {SESSION_COOKIE.strip()}; theme=dark"],
    ids=["session_cookie.txt", "set_auth_token.txt", "cookie-line"],
)
def test_session_token_hmac_matches_the_secret(text: str) -> None:
    report = analyze(text, now=IAT + 60, env=ba_env(("BETTER_AUTH_SECRET", SECRET)))
    assert report.token.kind is TokenKind.SESSION
    found = report.finding("BA-SESSION-TOKEN")
    assert found is not None
    assert "HMAC matches BETTER_AUTH_SECRET" in found.detail
    assert dict(found.evidence)["hmac"] == "matches"
    assert "/api/auth/token" in found.fix
    _no_secret_in(report, SECRET)


@pytest.mark.parametrize(
    "text", [SESSION_COOKIE, SET_AUTH_TOKEN], ids=["session_cookie.txt", "set_auth_token.txt"]
)
def test_session_token_hmac_does_not_match_another_secret(text: str) -> None:
    report = analyze(text, now=IAT + 60, env=ba_env(("BETTER_AUTH_SECRET", WRONG_SECRET)))
    found = report.finding("BA-SESSION-TOKEN")
    assert found is not None
    assert "matches none" in found.detail
    assert "HMAC matches BETTER_AUTH_SECRET" not in found.detail
    assert dict(found.evidence)["hmac"] == "no match"
    _no_secret_in(report, WRONG_SECRET)


def test_session_token_with_secret_file_newline_matches_the_stripped_value() -> None:
    report = analyze(SET_AUTH_TOKEN, now=IAT + 60, env=ba_env(("BETTER_AUTH_SECRET", SECRET_FILE)))
    found = report.finding("BA-SESSION-TOKEN")
    assert found is not None
    assert "quotes/whitespace stripped" in found.detail
    assert "SECRET-QUOTED" in report.codes


def test_session_cookie_and_set_auth_token_are_the_same_token() -> None:
    from_cookie = analyze(SESSION_COOKIE, now=IAT)
    from_header = analyze(SET_AUTH_TOKEN, now=IAT)
    assert from_cookie.input.token == from_header.input.token == SET_AUTH_TOKEN.strip()
    assert from_cookie.input.carrier == "cookie:better-auth.session_token"


def test_aud_present_shows_the_exact_audience(jwks: KeySet) -> None:
    found = analyze(TOKEN, now=IAT + 60, keys=jwks).finding("AUD-PRESENT")
    assert found is not None
    assert f'audience="{ORIGIN}"' in found.fix
    assert 'algorithms=["EdDSA"]' in found.fix


@pytest.mark.parametrize("url", [ORIGIN, f"{ORIGIN}/", f"{ORIGIN}/api/auth"])
def test_better_auth_url_matches_iss_and_aud(jwks: KeySet, url: str) -> None:
    report = analyze(TOKEN, now=IAT + 60, keys=jwks, env=ba_env(("BETTER_AUTH_URL", url)))
    assert report.audience is not None and report.audience.value == ORIGIN
    assert not report.audience.explicit
    assert "AUD-MISMATCH" not in report.codes
    assert "ISS-MISMATCH" not in report.codes
    assert report.exit_code == 0


def test_explicit_aud_overrides_better_auth_url(jwks: KeySet) -> None:
    report = analyze(
        TOKEN,
        now=IAT + 60,
        keys=jwks,
        env=ba_env(("BETTER_AUTH_URL", ORIGIN)),
        audience="http://localhost:4000",
    )
    found = report.finding("AUD-MISMATCH")
    assert found is not None
    assert dict(found.evidence)["source"] == "--aud"
    assert "http://localhost:4000" in found.detail
    assert "ISS-MISMATCH" not in report.codes
    assert report.exit_code == 1


def test_better_auth_url_of_another_port_is_a_mismatch(jwks: KeySet) -> None:
    report = analyze(
        TOKEN, now=IAT + 60, keys=jwks, env=ba_env(("BETTER_AUTH_URL", "http://localhost:4000"))
    )
    assert "AUD-MISMATCH" in report.codes
    assert "ISS-MISMATCH" in report.codes


def test_explicit_iss_mismatch(jwks: KeySet) -> None:
    report = analyze(TOKEN, now=IAT + 60, keys=jwks, issuer="https://auth.example.com")
    found = report.finding("ISS-MISMATCH")
    assert found is not None
    assert ORIGIN in found.detail
