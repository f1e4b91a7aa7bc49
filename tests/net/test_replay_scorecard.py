"""A scorecard of single faults on varied stacks and error surfaces (FastAPI with opaque,
plain-text, HTML and RFC 6750 answers; Starlette's AuthenticationMiddleware): each backend
gets its full ranked list of causes, and a correct backend gets CAUSE-OK only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from net.replay_support import BA, BA_TOKEN, JWKS, NOW, SECRET, cause, codes, hs, replay
from servers.replay_backends import PLACEHOLDER_SECRET
from servers.replay_backends_stacked import (
    challenge_only,
    hs256_opaque,
    hs256_user_lookup,
    html_errors,
    login_redirect,
    plain_unauthorized,
    starlette_auth,
)
from testdata import BETTERAUTH_EDDSA

from jwtscope.core.keys.env_snapshot import Environment, EnvSource

API = "https://api.example.com"
SESSION = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()
EXPIRED = {"iat": NOW - 3600, "exp": NOW - 2700}
#: The environment of a project whose auth server is API (expected iss and aud).
ENV_API = Environment(
    (EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET), ("BETTER_AUTH_URL", API))),)
)

Case = tuple[Callable[[Any], Any], Callable[[], str], Environment | None, list[str]]
CASES: dict[str, Case] = {
    "opaque-expired": (
        lambda c: hs256_opaque(SECRET, c),
        lambda: hs(**EXPIRED),
        None,
        ["CAUSE-EXPIRED"],
    ),
    "opaque-audience-expected": (
        lambda c: hs256_opaque(SECRET, c, audience=API),
        lambda: hs(aud=BA),
        ENV_API,
        ["CAUSE-AUDIENCE"],
    ),
    "opaque-issuer-expected": (
        lambda c: hs256_opaque(SECRET, c, issuer=API),
        lambda: hs(iss=BA),
        ENV_API,
        ["CAUSE-ISSUER"],
    ),
    "opaque-expired-with-aud": (
        lambda c: hs256_opaque(SECRET, c, audience=BA),
        lambda: hs(aud=BA, **EXPIRED),
        None,
        ["CAUSE-EXPIRED"],  # the fresh variant carries the same aud and is accepted
    ),
    "opaque-ok": (
        lambda c: hs256_opaque(SECRET, c, audience=BA),
        lambda: hs(aud=BA),
        None,
        ["CAUSE-OK"],
    ),
    "starlette-ok": (lambda c: starlette_auth(SECRET, c), lambda: hs(), None, ["CAUSE-OK"]),
    "starlette-wrong-secret": (
        lambda c: starlette_auth(PLACEHOLDER_SECRET, c),
        lambda: hs(),
        None,
        ["CAUSE-WRONG-SECRET"],
    ),
    "starlette-expired": (
        lambda c: starlette_auth(SECRET, c),
        lambda: hs(**EXPIRED),
        None,
        ["CAUSE-EXPIRED"],
    ),
    "starlette-audience": (
        lambda c: starlette_auth(SECRET, c),
        lambda: hs(aud=BA),
        None,
        ["CAUSE-AUDIENCE"],
    ),
    "starlette-session-token": (
        lambda c: starlette_auth(SECRET, c),
        lambda: SESSION,
        None,
        ["CAUSE-SESSION-TOKEN"],
    ),
    "html-expired": (
        lambda c: html_errors(SECRET, c),
        lambda: hs(**EXPIRED),
        None,
        ["CAUSE-EXPIRED"],
    ),
    "html-wrong-secret": (
        lambda c: html_errors(PLACEHOLDER_SECRET, c),
        lambda: hs(),
        None,
        ["CAUSE-WRONG-SECRET"],
    ),
    "challenge-issuer": (
        lambda c: challenge_only(JWKS, c, issuer="http://localhost:4000"),
        lambda: BA_TOKEN,
        None,
        # PyJWT checks iss before aud; the missing audience= shows only once the issuer
        # is fixed, and no request could show it (EdDSA cannot be minted): not listed.
        ["CAUSE-ISSUER"],
    ),
    "plain-expired": (
        lambda c: plain_unauthorized(SECRET, c),
        lambda: hs(**EXPIRED),
        None,
        ["CAUSE-EXPIRED"],
    ),
    "login-redirect-expired": (
        lambda c: login_redirect(SECRET, c),
        lambda: hs(**EXPIRED),
        None,
        ["CAUSE-EXPIRED"],
    ),
    # The same 303 with a token, without one and to every fresh variant: a server on
    # another secret and a server that never reads the header (net.replay_multi_stacks'
    # st-cookie-login) answer identically, so the honest answer is "unknown", naming both
    # and the requests that would decide (test_login_redirect_names_both_and_what_decides).
    "login-redirect-wrong-secret": (
        lambda c: login_redirect(PLACEHOLDER_SECRET, c),
        lambda: hs(),
        None,
        ["CAUSE-UNKNOWN"],
    ),
    "login-redirect-ok": (lambda c: login_redirect(SECRET, c), lambda: hs(), None, ["CAUSE-OK"]),
    "plain-ok": (lambda c: plain_unauthorized(SECRET, c), lambda: hs(), None, ["CAUSE-OK"]),
    "lookup-numeric-ok": (
        lambda c: hs256_user_lookup(SECRET, c),
        lambda: hs(sub="1"),
        None,
        ["CAUSE-OK"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_scorecard(name: str) -> None:
    factory, token, env, expected = CASES[name]
    outcome = replay(factory, token(), **({"env": env} if env is not None else {}))
    assert codes(outcome) == expected


def test_login_redirect_names_both_and_what_decides() -> None:
    outcome = replay(lambda c: login_redirect(PLACEHOLDER_SECRET, c), hs())
    unknown = cause(outcome, "CAUSE-UNKNOWN")
    said = " ".join(e.line for e in unknown.evidence)
    assert "CAUSE-WRONG-SECRET" in said and "CAUSE-HEADER-NOT-RECEIVED" in said
    assert "the same answer without a token" in said
    assert "--guess-server-secret" in unknown.fix
    assert "where the server reads it" in unknown.fix


def test_login_redirect_on_a_default_secret_is_decided_by_the_guess() -> None:
    outcome = replay(
        lambda c: login_redirect(PLACEHOLDER_SECRET, c),
        hs(),
        guess_secret=True,
        pause=lambda _: None,
    )
    assert codes(outcome)[0] == "CAUSE-DEFAULT-SECRET"
