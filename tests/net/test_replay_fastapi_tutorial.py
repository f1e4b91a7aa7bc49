"""Replay against code nobody here wrote: FastAPI's own OAuth2 + JWT + scopes tutorial
(``docs_src/security/tutorial005.py``, copied byte-exact with its licence under
``tests/corpus/fastapi__fastapi``), served by uvicorn as it is. Each case is one fault a
user of that tutorial meets; the expected cause is what an expert reading the code says.

Where the tutorial answers two faults in the same words (a key that differs, a user that
does not exist: both 401 "Could not validate credentials"), no request can separate them:
the tests assert the diagnosis says so rather than a sure verdict.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import jwt
import pytest
from servers.harness import serve

from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.replay_run import ReplayOutcome, run_replay

pytest.importorskip("pwdlib")
pytest.importorskip("multipart")

TUTORIAL = (
    Path(__file__).parent.parent / "corpus/fastapi__fastapi/src/docs_src/security/tutorial005.py"
)
#: A project secret nobody published (the issuer's, when the server keeps the tutorial's).
PROJECT_SECRET = "a-project-secret-nobody-published-0123456789abcdef"
#: The test's clock: the tutorial's PyJWT reads the real time, so tokens are minted
#: around the time the module is loaded, with margins far above a test's run time.
NOW = float(int(time.time()))


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fastapi_tutorial005", TUTORIAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tutorial() -> Iterator[tuple[ModuleType, str]]:
    module = _load()
    with serve(module.app) as base:
        yield module, base


def _token(key: str, **claims: Any) -> str:
    return jwt.encode(
        {"sub": "johndoe", "scope": "me", "exp": int(NOW) + 1800} | claims, key, "HS256"
    )


def _replay(base: str, path: str, token: str, secret: str, **kwargs: Any) -> ReplayOutcome:
    env = Environment((EnvSource(".env", (("SECRET_KEY", secret),)),))
    request = build_request(base + path, token=token)
    return run_replay(request, env=env, keys=KeySet(), clock=lambda: NOW, timeout=5, **kwargs)


def _codes(outcome: ReplayOutcome) -> list[tuple[str, str]]:
    return [(c.code, c.confidence) for c in outcome.diagnosis.causes]


def test_a_good_token_is_ok(tutorial: tuple[ModuleType, str]) -> None:
    module, base = tutorial
    outcome = _replay(base, "/users/me/", _token(module.SECRET_KEY), module.SECRET_KEY)
    assert _codes(outcome) == [("CAUSE-OK", "high")]


def test_expired(tutorial: tuple[ModuleType, str]) -> None:
    module, base = tutorial
    token = _token(module.SECRET_KEY, exp=int(NOW) - 600)
    outcome = _replay(base, "/users/me/", token, module.SECRET_KEY)
    assert _codes(outcome) == [("CAUSE-EXPIRED", "high")]


@pytest.mark.parametrize(
    ("path", "scope", "lacks"),
    [("/users/me/", "", "me"), ("/users/me/items/", "me", "items")],
)
def test_missing_scope_is_the_application_refusing(
    tutorial: tuple[ModuleType, str], path: str, scope: str, lacks: str
) -> None:
    module, base = tutorial
    outcome = _replay(base, path, _token(module.SECRET_KEY, scope=scope), module.SECRET_KEY)
    assert _codes(outcome) == [("CAUSE-FORBIDDEN", "high")]
    forbidden = outcome.diagnosis.causes[0]
    assert f"the token lacks {lacks!r}" in forbidden.evidence[-1].line
    assert "loosen" in forbidden.fix  # never "accept the token anyway"


def test_disabled_user_is_the_application_refusing(tutorial: tuple[ModuleType, str]) -> None:
    module, base = tutorial
    outcome = _replay(base, "/users/me/", _token(module.SECRET_KEY, sub="alice"), module.SECRET_KEY)
    assert _codes(outcome) == [("CAUSE-FORBIDDEN", "high")]
    assert "400 Inactive user" in outcome.diagnosis.causes[0].evidence[0].line


def test_server_keeps_the_tutorials_secret(tutorial: tuple[ModuleType, str]) -> None:
    """The issuer signs with the project's secret; the server still runs the tutorial's
    published key. Without guessing: a key that differs, hedged (the same words answer an
    unknown user); with --guess-server-secret the published key is named."""
    _, base = tutorial
    token = _token(PROJECT_SECRET)
    outcome = _replay(base, "/users/me/", token, PROJECT_SECRET)
    assert _codes(outcome) == [("CAUSE-WRONG-SECRET", "medium")]
    guessed = _replay(
        base, "/users/me/", token, PROJECT_SECRET, guess_secret=True, pause=lambda _: None
    )
    assert _codes(guessed)[0] == ("CAUSE-DEFAULT-SECRET", "high")


def test_unknown_user_is_not_called_a_sure_wrong_secret(tutorial: tuple[ModuleType, str]) -> None:
    module, base = tutorial
    token = _token(module.SECRET_KEY, sub="nobody")
    outcome = _replay(base, "/users/me/", token, module.SECRET_KEY)
    causes = outcome.diagnosis.causes
    assert all(c.confidence != "high" for c in causes)
    said = " ".join(e.line for c in causes for e in c.evidence) + causes[0].fix
    assert "no user for sub 'nobody'" in said
    assert "user with id 'nobody' exists" in said
