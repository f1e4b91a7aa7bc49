"""Export a probe as the project's own pytest regression suite: the module's text, written.

The suite's content is :class:`jwtscope.core.probe.suite_export.SuiteExport` (one test
function per route and check, marked by the probe's verdict); this module writes it as
one self-contained module that needs only pytest, httpx and PyJWT (and FastAPI's
``TestClient`` when ``--app module:attr`` asks for the app in-process). The code every
suite shares is package data (``pytest_emit_runtime.txt``); the settings, the routes
table and the test functions are generated here, already in ``ruff format`` style (every
collection exploded with a trailing comma, lines kept within 88 columns), so that the
file passes ``ruff check`` and ``ruff format --check`` as written.

No secret and no token is ever written: tokens are minted (HS*) or read from the
environment at test time; every free text (findings, the command line, paths) passes
the caller's output guard.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jwtscope.core.probe.suite_export import export_probe, export_routes
from jwtscope.core.probe.suite_model import (
    ExportAuth,
    ExportCheck,
    Mark,
    SuiteExport,
    export_auth,
)
from jwtscope.errors import UsageError
from jwtscope.local.dotenv_reader import DISCOVERY_ORDER
from jwtscope.services.pytest_emit_layout import Lit, call, doc_lines, literal, string, wrapped

if TYPE_CHECKING:
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet
    from jwtscope.core.probe.probe_suite import ProbeResult
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["render_suite", "suite_text", "write_suite"]

_IMPORTS = """from __future__ import annotations

import base64
import importlib
import inspect
import json
import os
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import jwt
import pytest
"""


def _mark(mark: Mark, clean: Callable[[str], str], indent: int) -> str:
    reason = Lit(clean(mark.reason), "reason=")
    if mark.kind == "skip":
        return call("pytest.mark.skip", [reason], indent)
    pad, inner = " " * indent, " " * (indent + 4)
    why = wrapped(reason.text, inner + reason.key, ",", indent + 4)
    return f"{pad}pytest.mark.xfail(\n{inner}strict=True,\n{why}\n{pad})"


def _function(check: ExportCheck, clean: Callable[[str], str]) -> str:
    lines: list[str] = []
    if check.mark is not None:
        lines.append("@" + _mark(check.mark, clean, 0).lstrip())
    params = ["api: Api"]
    args: list[str | Lit] = [Lit(clean(check.route)), *(Lit(a) for a in check.args)]
    if check.args[:1] == ("alg_none",):
        params.append("alg: str")
        args.append("alg")
        if check.variants:
            cases = []
            for casing, mark in check.variants:
                if mark is None:
                    cases.append(f"        {string(casing)},")
                else:
                    marked = _mark(mark, clean, 12).lstrip()
                    cases.append(
                        f"        pytest.param(\n            {string(casing)},\n"
                        f"            marks={marked},\n        ),"
                    )
            lines.append('@pytest.mark.parametrize(\n    "alg",\n    [\n')
            lines[-1] += "\n".join(cases) + "\n    ],\n)"
        else:
            lines.append('@pytest.mark.parametrize("alg", ALG_NONE)')
    lines.append(call(f"def {check.name}", params, 0, " -> None:"))
    lines.append(call(f"api.{check.call}", args, 4))
    return "\n".join(lines)


def _settings(suite: SuiteExport, clean: Callable[[str], str]) -> str:
    auth = suite.auth
    mint: dict[str, Any] | None = None
    if auth.mint:
        claims, claims_a = dict(auth.claims), dict(auth.claims_a)
        personal = {c.name: [c.variable, c.stand_in] for c in auth.personal_a}
        mint = {"alg": auth.alg, "kid": auth.kid, "claims": claims, "claims_a": claims_a}
        mint["personal_a"] = personal
    routes = {
        clean(r.label): {
            "method": r.method,
            "path": clean(r.path),
            "params": [[p.name, p.how, p.value] for p in r.params],
            "body": _json(r.body),
        }
        for r in suite.routes
    }
    rows = [
        ("APP", suite.app),
        ("SECRET_NAMES", list(auth.secret_names)),
        ("SECRET_ENCODING", auth.encoding),
        ("DOTENV_FILES", list(DISCOVERY_ORDER)),
        ("MINT", mint),
    ]
    default = Lit(clean(suite.base_url))
    out = [call("BASE_URL = os.environ.get", ['"JWTSCOPE_BASE_URL"', default], 0)]
    out += [literal(value, f"{name} = ", "") for name, value in rows]
    for user, sub in (("A", auth.sub_a), ("B", auth.sub_b)):
        args: list[str | Lit] = [f'"JWTSCOPE_SUB_{user}"', Lit(sub)]
        out.append(call(f"MINT_SUB_{user} = os.environ.get", args, 0))
    out.append("OTHER_SUB = MINT_SUB_B")
    rest = [
        ("TOKEN_PLACE", list(auth.place)),
        ("ALG_NONE", ["none", "None", "NONE", "nOnE"]),
        ("CREATE_BODY", _json(suite.create_body)),
    ]
    out += [literal(value, f"{name} = ", "") for name, value in rest]
    out.append(literal(routes, "ROUTES: dict[str, dict[str, Any]] = ", ""))
    return "\n".join(out)


def _json(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _docstring(header: Sequence[str]) -> str:
    return '"""' + "\n".join(doc_lines(header)) + '\n"""'


def render_suite(
    suite: SuiteExport,
    *,
    version: str,
    command: str,
    made_at: str,
    clean: Callable[[str], str] = lambda text: text,
) -> str:
    """The module's text.

    Args:
        suite: what to test.
        version: jwtscope's version.
        command: the command line that made it, secrets already redacted.
        made_at: when (``2026-12-02 18:30 UTC``).
        clean: the output guard every embedded free text passes.
    """
    from jwtscope.services.pytest_emit_text import header_lines

    header = header_lines(suite, version=version, command=clean(command), made_at=made_at)
    runtime = files("jwtscope.services").joinpath("pytest_emit_runtime.txt").read_text("utf-8")
    tests = "\n\n\n".join(_function(c, clean) for c in suite.checks)
    return (
        _docstring(header)
        + "\n\n"
        + _IMPORTS
        + "\n# --- what the probe found (generated) ---\n\n"
        + _settings(suite, clean)
        + "\n\n\n"
        + runtime.strip("\n")
        + "\n\n\n# --- the tests: one per route and check (generated) ---\n\n\n"
        + tests
        + "\n"
    )


def write_suite(path: Path, text: str) -> Path:
    """Write the module (a folder gets ``test_jwtscope_auth.py``).

    Raises:
        UsageError: the file cannot be written.
    """
    target = path / "test_jwtscope_auth.py" if path.is_dir() else path
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"cannot write {target} ({exc.strerror})", "choose another --emit-pytest path"
        ) from exc
    return target


def _auth(
    request: ReplayRequest, env: Environment, keys: KeySet, now: int, token_b: str | None
) -> ExportAuth:
    """The identities as the probe had them (the same secret choice), without the secret."""
    from jwtscope.services.probe_setup import token_setup

    _, secret = token_setup(request, env, keys, now)
    return export_auth(
        request,
        secret=secret,
        secret_names=env.secret_names,
        encoding=env.encoding,
        token_b=token_b,
    )


def _without_personal(clean: Callable[[str], str], tokens: Sequence[str]) -> Callable[[str], str]:
    """``clean``, then every personal value of the tokens' claims (and a ``sub`` that is not
    an opaque id) replaced: a finding or an answer quoting one never reaches the file."""
    from jwtscope.core.probe.suite_claims import personal_strings
    from jwtscope.core.token.parsing import decode

    found: set[str] = set()
    for token in tokens:
        payload = decode(token).payload
        if isinstance(payload, dict):
            found.update(v for v in personal_strings(payload) if len(v.strip()) >= 3)
    hidden = sorted(found, key=len, reverse=True)

    def cleaned(text: str) -> str:
        text = clean(text)
        for value in hidden:
            text = text.replace(value, "<personal claim>")
        return text

    return cleaned


def suite_text(
    result: ProbeResult | RouteProbeResult,
    request: ReplayRequest,
    *,
    env: Environment,
    keys: KeySet,
    now: int,
    command: str,
    clean: Callable[[str], str],
    token_b: str | None = None,
    resource: str | None = None,
    resource_id: str | None = None,
    create_body: bytes | None = None,
    app: str | None = None,
) -> str:
    """The module exporting ``result`` (the one-URL probe, or the route probe).

    Args:
        result: what the probe found.
        request: the endpoint probed (its token is user A's).
        env: the environment snapshot (the secret's names and encoding, never its value).
        keys: explicit keys (the same secret choice as the probe).
        now: when (the header's date, the findings' date).
        command: the command line that made it, credentials redacted.
        clean: the output guard every embedded free text passes.
        token_b: user B's token as the probe had it (its ``sub`` only is kept).
        resource: the ``--resource`` template; resource_id: ``--resource-id``.
        create_body: the ``--create`` JSON.
        app: ``MODULE:ATTR`` to test in-process, or None for a live server.
    """
    from jwtscope import __version__
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.core.timefmt import iso_utc

    auth = _auth(request, env, keys, now, token_b)
    clean = _without_personal(clean, [t for t in (request.token, token_b) if t])
    date = iso_utc(now)[:10]
    if isinstance(result, RouteProbeResult):
        suite = export_routes(result, request, auth, date=date, create_body=create_body, app=app)
    else:
        suite = export_probe(
            result,
            request,
            auth,
            date=date,
            resource=resource,
            resource_id=resource_id,
            create_body=create_body,
            app=app,
        )
    made_at = iso_utc(now).replace("T", " ").replace("Z", " UTC")
    return render_suite(suite, version=__version__, command=command, made_at=made_at, clean=clean)
