"""The properties every hostile input must keep, one function per parser.

Each ``check_*`` takes one generated input and asserts: the parser returns a value or
raises a :class:`~jwtscope.errors.JwtscopeError` (never another exception); for tokens,
the report renders as text and strict JSON through the output guard, with no control
character, valid UTF-8 and no planted secret or signature. The tests in
``test_fuzz_parsers.py`` run them with a modest example count, ``bench/fuzz.py`` with
10,000 or more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from adversarial.fuzz_strategies import (
    CANARY_SECRET,
    curl_texts,
    env_texts,
    har_texts,
    hostile_tokens,
    jwks_documents,
    key_file_bytes,
    raw_texts,
    request_texts,
)
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from jwtscope.core.analysis import analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import load_jwks, load_key_file
from jwtscope.core.output_guard import OutputGuard
from jwtscope.core.report_text import report_to_dict, report_to_text
from jwtscope.core.request.curl_import import parse_curl
from jwtscope.core.request.har_import import parse_har_entry
from jwtscope.core.request.importers import parse_request_text
from jwtscope.core.request.raw_import import parse_raw_request
from jwtscope.errors import JwtscopeError
from jwtscope.local.dotenv_reader import parse_env_text, read_env_file

__all__ = ["PARSERS", "PROFILE", "assert_clean", "check_token"]

#: The hypothesis profile of the adversarial suite: deterministic in CI (``derandomize``),
#: no deadline (a slow CI machine is not a bug), no example database; ``bench/fuzz.py``
#: derives its 10,000-example, seeded run from it.
PROFILE = "jwtscope-adversarial"
settings.register_profile(
    PROFILE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

NOW = 1_750_000_000
#: C0 but newline and tab, DEL, C1: what must never reach a terminal.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
#: The signature of an HS256 JWS in the input (43 base64url characters after two dots).
_SIGNATURE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")
_ENV = Environment(sources=(EnvSource("./.env", (("JWT_SECRET", CANARY_SECRET),)),))
_GUARD = OutputGuard((CANARY_SECRET,))


def assert_clean(text: str, *, sgr: bool = False) -> None:
    """No control character (colour codes allowed with ``sgr``), valid UTF-8."""
    shown = _SGR.sub("", text) if sgr else text
    bad = CONTROLS.search(shown)
    assert bad is None, f"control character {bad.group(0)!r} in output: {shown[:300]!r}"
    shown.encode("utf-8")


def _no_canary(text: str, signatures: set[str]) -> None:
    assert CANARY_SECRET not in text, text[:300]
    for signature in signatures:
        assert signature not in text, f"signature {signature} in output"


def check_token(text: str) -> None:
    """``analyze`` → text (plain, verbose, colour) and strict JSON, guarded and clean."""
    try:
        report = analyze(text, now=NOW, env=_ENV)
    except JwtscopeError:
        return
    signatures = set(_SIGNATURE.findall(text)) if "eyJ" in text else set()
    for verbose in (False, True):
        out = _GUARD.text(report_to_text(report, verbose=verbose))
        assert_clean(out)
        _no_canary(out, signatures)
    coloured = _GUARD.text(report_to_text(report, color=True), keep_sgr=True)
    assert_clean(coloured, sgr=True)
    data = json.dumps(_GUARD.data(report_to_dict(report)), allow_nan=False, ensure_ascii=False)
    assert_clean(data)
    _no_canary(data, signatures)
    json.loads(data)


def _returns_or_refuses(parse: Callable[[Any], object]) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        try:
            parse(value)
        except JwtscopeError as exc:
            assert_clean(OutputGuard().text(exc.one_line()))

    check.__name__ = f"check_{getattr(parse, '__name__', 'parser')}"
    return check


def _parse_har(text: str) -> object:
    return parse_har_entry(text)


def _load_jwks(doc: Any) -> object:
    return load_jwks(doc, "JWKS fuzz.json")


def _load_key_file(data: bytes) -> object:
    return load_key_file(data, "key fuzz.pem")


def _env_file(text: str) -> object:
    """Write ``text`` to a temporary ``.env`` and read it as ``--env-file`` does."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".env"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        return read_env_file(path, "./.env", ("JWT_SECRET", "BETTER_AUTH_SECRET"))


#: Every parser under fuzz: name → (strategy, property).
PARSERS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]] = {
    "token": (hostile_tokens, check_token),
    "curl": (curl_texts, _returns_or_refuses(parse_curl)),
    "raw": (raw_texts, _returns_or_refuses(parse_raw_request)),
    "har": (har_texts, _returns_or_refuses(_parse_har)),
    "request_text": (request_texts, _returns_or_refuses(parse_request_text)),
    "jwks": (jwks_documents, _returns_or_refuses(_load_jwks)),
    "key_file": (key_file_bytes, _returns_or_refuses(_load_key_file)),
    "env_text": (env_texts, _returns_or_refuses(parse_env_text)),
    "env_file": (env_texts, _returns_or_refuses(_env_file)),
}
