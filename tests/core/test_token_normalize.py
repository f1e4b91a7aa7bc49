"""What people paste, and what :func:`normalize` / :func:`decode` make of it.

Example tables for the usual carriers (Bearer, Authorization:, quotes, line breaks,
Cookie:/Set-Cookie: lines, JSON bodies, the real Better Auth files), then hypothesis
properties: nothing pasted makes the engine raise, and a wrapped token comes back
unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.catalog import CODES
from jwtscope.core.token.parsing import (
    DecodedToken,
    NormalizedInput,
    TokenKind,
    decode,
    normalize,
)

NOW = 1_700_000_000
DATA = Path(__file__).resolve().parents[1] / "data" / "betterauth" / "eddsa"
SECRET = b"N0t-a-real-secret-just-for-normalize-tests"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: Any) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def make_token(payload: dict[str, Any] | None = None, header: dict[str, Any] | None = None) -> str:
    signing_input = (
        f"{b64json(header or {'alg': 'HS256', 'typ': 'JWT'})}."
        f"{b64json(payload if payload is not None else {'sub': 'u1', 'exp': NOW + 900})}"
    )
    mac = hmac.new(SECRET, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


T = make_token()
T_DOTS_ENCODED = T.replace(".", "%2E")
BA_JWT = (DATA / "alice.jwt").read_text()
BA_COOKIE = (DATA / "session_cookie.txt").read_text()
BA_SET_AUTH = (DATA / "set_auth_token.txt").read_text()
BA_SESSION = BA_SET_AUTH.strip()

STEP_BEARER = '"Bearer" scheme prefix removed'
STEP_WS = "surrounding whitespace removed"
STEP_INNER_WS = "whitespace and line breaks inside the token removed"
STEP_URL = "URL-encoding decoded (%XX)"
STEP_BA_COOKIE = "token taken from the cookie 'better-auth.session_token' of a Cookie: line"

# (id, pasted text, expected token, expected steps, expected carrier)
PASTES: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("raw", T, T, (), "text"),
    ("bearer", f"Bearer {T}", T, (STEP_BEARER,), "authorization"),
    (
        "bearer-lower-spaces",
        f"bearer   {T}",
        T,
        ('"bearer" scheme prefix removed',),
        "authorization",
    ),
    (
        "authorization-header",
        f"Authorization: Bearer {T}",
        T,
        ('header name "Authorization:" removed', STEP_BEARER),
        "authorization",
    ),
    (
        "authorization-header-no-scheme",
        f"authorization:{T}",
        T,
        ('header name "authorization:" removed',),
        "authorization",
    ),
    ("double-quotes", f'"{T}"', T, ('surrounding " quotes removed',), "text"),
    ("single-quotes", f"'{T}'", T, ("surrounding ' quotes removed",), "text"),
    ("backticks", f"`{T}`", T, ("surrounding ` quotes removed",), "text"),
    (
        "quoted-bearer-with-padding",
        f"  Bearer\t'{T}'  \n",
        T,
        (STEP_WS, STEP_BEARER, "surrounding ' quotes removed"),
        "authorization",
    ),
    (
        "broken-over-lines",
        f"{T[:30]}\n  {T[30:70]} \r\n{T[70:]}",
        T,
        (STEP_INNER_WS,),
        "text",
    ),
    (
        "broken-with-trailing-newline",
        f"\n{T[:50]}\n{T[50:]}\n",
        T,
        (STEP_WS, STEP_INNER_WS),
        "text",
    ),
    (
        "cookie-line-urlencoded",
        f"Cookie: a=1; better-auth.session_token={T_DOTS_ENCODED}; b=2",
        T,
        (STEP_BA_COOKIE, STEP_URL),
        "cookie:better-auth.session_token",
    ),
    (
        "cookie-line-session-token",
        f"Cookie: a=1; better-auth.session_token={BA_COOKIE.strip().split('=', 1)[1]}; b=2",
        BA_SESSION,
        (STEP_BA_COOKIE, STEP_URL),
        "cookie:better-auth.session_token",
    ),
    (
        "set-cookie-line",
        f"Set-Cookie: better-auth.session_token={T}; Path=/; HttpOnly",
        T,
        ("token taken from a Set-Cookie: line (cookie 'better-auth.session_token')",),
        "cookie:better-auth.session_token",
    ),
    (
        "cookie-line-arbitrary-name",
        f"Cookie: theme=dark; sid=abc123; my_app_jwt={T}; lang=en",
        T,
        ("token taken from the cookie 'my_app_jwt' of a Cookie: line",),
        "cookie:my_app_jwt",
    ),
    (
        "cookie-string-without-header",
        f"theme=dark; my_app_jwt={T}",
        T,
        ("token taken from the cookie 'my_app_jwt' of a cookie string",),
        "cookie:my_app_jwt",
    ),
    (
        "known-cookie-pair",
        f"access_token={T}",
        T,
        ("cookie name 'access_token' removed",),
        "cookie:access_token",
    ),
    (
        "json-token",
        json.dumps({"token": T}),
        T,
        ('token taken from the JSON field "token"',),
        "json:token",
    ),
    (
        "json-access-token-pretty",
        json.dumps({"token_type": "Bearer", "access_token": T, "expires_in": 900}, indent=2),
        T,
        ('token taken from the JSON field "access_token"',),
        "json:access_token",
    ),
    ("ba-alice-jwt-file", BA_JWT, BA_JWT.strip(), (STEP_WS,), "text"),
    (
        "ba-session-cookie-file",
        BA_COOKIE,
        BA_SESSION,
        (STEP_WS, "cookie name 'better-auth.session_token' removed", STEP_URL),
        "cookie:better-auth.session_token",
    ),
    ("ba-set-auth-token-file", BA_SET_AUTH, BA_SESSION, (STEP_WS,), "text"),
]


@pytest.mark.parametrize(
    ("text", "token", "steps", "carrier"),
    [pytest.param(*row[1:], id=row[0]) for row in PASTES],
)
def test_normalize_finds_the_token(
    text: str, token: str, steps: tuple[str, ...], carrier: str
) -> None:
    result = normalize(text)
    assert result == NormalizedInput(token=token, steps=steps, carrier=carrier)


@pytest.mark.parametrize(
    ("text", "token", "steps", "carrier"),
    [pytest.param(*row[1:], id=row[0]) for row in PASTES],
)
def test_input_normalized_finding_carries_the_steps(
    text: str, token: str, steps: tuple[str, ...], carrier: str
) -> None:
    report = analyze(text, now=NOW)
    assert report.input.token == token
    found = report.finding("INPUT-NORMALIZED")
    if not steps:
        assert found is None
        return
    assert found is not None
    assert found.severity.value == "info"
    assert dict(found.evidence) == {"steps": " | ".join(steps), "carrier": carrier}
    assert found.detail == "; ".join(steps) + "."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(BA_JWT, TokenKind.JWS, id="alice.jwt"),
        pytest.param(BA_COOKIE, TokenKind.SESSION, id="session_cookie.txt"),
        pytest.param(BA_SET_AUTH, TokenKind.SESSION, id="set_auth_token.txt"),
    ],
)
def test_real_better_auth_files_decode(text: str, kind: TokenKind) -> None:
    decoded = decode(normalize(text).token)
    assert decoded.kind is kind
    if kind is TokenKind.SESSION:
        assert decoded.session_parts == tuple(BA_SESSION.split(".", 1))
    else:
        assert decoded.header == {"alg": "EdDSA", "kid": "TcXl9gojN3A0ePCByybDYqICGSAtgcuD"}
        assert decoded.payload is not None and decoded.payload["sub"] == decoded.payload["id"]


def test_decode_keeps_the_exact_signing_input() -> None:
    decoded = decode(T)
    header, payload, _ = T.split(".")
    assert decoded.kind is TokenKind.JWS
    assert decoded.signing_input == f"{header}.{payload}".encode()
    assert decoded.signature == hmac.new(SECRET, decoded.signing_input, hashlib.sha256).digest()
    assert decoded.segments == tuple(T.split("."))


@pytest.mark.parametrize(
    "text",
    ["Bearer", "Bearer undefined", "Authorization: Bearer null", '"undefined"', "", "   "],
)
def test_junk_survives_normalisation_as_junk(text: str) -> None:
    assert decode(normalize(text).token).kind is TokenKind.JUNK


# --- regressions: inputs that used to crash ---

_HUGE_INT = "1" + "0" * 5000


def test_normalize_survives_a_json_body_with_a_huge_integer() -> None:
    result = normalize('{"token": "' + T + '", "n": ' + _HUGE_INT + "}")
    assert result.token == T


def test_decode_survives_a_payload_with_a_huge_integer() -> None:
    payload = b64url(b'{"n":' + _HUGE_INT.encode() + b"}")
    token = f"{b64json({'alg': 'HS256'})}.{payload}.sig"
    decoded = decode(token)
    assert decoded.kind in (TokenKind.MALFORMED, TokenKind.JWS)


# --- properties ----------------------------------------------------------------------------

JWTISH = string.ascii_letters + string.digits + "-_.=+/ \n\"'%;:"
FAST = settings(max_examples=150, deadline=None, database=None)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.text(max_size=12),
)
payloads = st.dictionaries(st.text(max_size=8), json_scalars, max_size=5)
headers = st.fixed_dictionaries(
    {"alg": st.sampled_from(["HS256", "HS384", "EdDSA", "RS256", "none", "x"])},
    optional={"kid": st.text(max_size=10), "typ": st.just("JWT")},
)
signatures = st.binary(max_size=70)


@st.composite
def tokens(draw: st.DrawFn) -> str:
    header = b64json(draw(headers))
    payload = b64json(draw(payloads))
    return f"{header}.{payload}.{b64url(draw(signatures))}"


@st.composite
def broken_over_lines(draw: st.DrawFn, token: str) -> str:
    cuts = sorted(draw(st.lists(st.integers(1, len(token) - 1), max_size=4)))
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(token[last:cut])
        last = cut
    pieces.append(token[last:])
    seps = draw(
        st.lists(
            st.sampled_from([" ", "\n", "\r\n", "\t", "\n    "]),
            min_size=len(pieces) - 1,
            max_size=len(pieces) - 1,
        )
    )
    out = pieces[0]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        out += sep + piece
    return out


WRAPPERS = {
    "bearer": lambda t: f"Bearer {t}",
    "bearer-lower-tab": lambda t: f"bearer\t{t}",
    "authorization": lambda t: f"Authorization: Bearer {t}",
    "double-quotes": lambda t: f'"{t}"',
    "single-quotes-bearer": lambda t: f"Bearer '{t}'",
    "backticks": lambda t: f"`{t}`",
    "padded": lambda t: f"\n  {t}  \n",
    "cookie": lambda t: f"Cookie: a=1; better-auth.session_token={t}; b=2",
    "cookie-arbitrary": lambda t: f"Cookie: a=1; whatever_name={t}",
    "set-cookie": lambda t: f"Set-Cookie: better-auth.session_token={t}; Path=/; HttpOnly",
    "json": lambda t: json.dumps({"token": t}),
}
#: Wrappers inside which a token may also be broken over lines.
BREAKABLE = ("bearer", "authorization", "double-quotes", "padded")


def _checked(report: Report) -> Report:
    assert isinstance(report, Report)
    assert set(report.codes) <= set(CODES)
    malformed = report.token.kind is TokenKind.MALFORMED
    assert report.exit_code == 2 if malformed else report.exit_code in (0, 1)
    return report


@FAST
@given(st.text())
def test_analyze_never_raises_on_any_text(text: str) -> None:
    _checked(analyze(text, now=NOW))


@FAST
@given(st.text(alphabet=JWTISH))
def test_analyze_never_raises_on_jwtish_text(text: str) -> None:
    _checked(analyze(text, now=NOW))


@FAST
@given(st.text(alphabet=JWTISH, max_size=60).map(lambda s: "eyJ" + s))
def test_analyze_never_raises_on_text_starting_like_a_jwt(text: str) -> None:
    _checked(analyze(text, now=NOW))


@FAST
@given(tokens())
def test_analyze_never_raises_on_random_tokens(token: str) -> None:
    report = _checked(analyze(token, now=NOW))
    assert report.token.kind is TokenKind.JWS
    assert "INPUT-NORMALIZED" not in report.codes


@FAST
@given(st.one_of(st.text(), st.text(alphabet=JWTISH), tokens()))
def test_decode_never_raises(text: str) -> None:
    decoded = decode(text)
    assert isinstance(decoded, DecodedToken)
    assert decoded.kind in set(TokenKind)
    if decoded.kind is TokenKind.MALFORMED:
        assert decoded.problem is not None


@FAST
@given(st.one_of(st.text(), st.text(alphabet=JWTISH)))
def test_normalize_never_raises_and_never_grows_the_text(text: str) -> None:
    result = normalize(text)
    assert isinstance(result, NormalizedInput)
    assert len(result.token) <= len(text)


@FAST
@given(tokens())
def test_a_bare_token_is_a_fixed_point(token: str) -> None:
    assert normalize(token) == NormalizedInput(token=token, steps=(), carrier="text")


@FAST
@given(tokens(), st.sampled_from(sorted(WRAPPERS)))
def test_wrapped_token_comes_back_unchanged(token: str, wrapper: str) -> None:
    result = normalize(WRAPPERS[wrapper](token))
    assert result.token == token
    assert result.steps
    assert normalize(result.token).token == token  # idempotent on its own output


@FAST
@given(st.data(), tokens(), st.sampled_from(BREAKABLE))
def test_token_broken_over_lines_is_rejoined(data: st.DataObject, token: str, wrapper: str) -> None:
    broken = data.draw(broken_over_lines(token))
    assert normalize(WRAPPERS[wrapper](broken)).token == token
