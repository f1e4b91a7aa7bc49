"""Python syntax newer than the interpreter running jwtscope: one file per construct.

Each file is a small FastAPI app whose dependency decodes a token (without
``algorithms=``, so the decode is a finding at a known line) and whose route uses it; the
newer construct sits in between. The audit must find the route and the decode at their
lines and judge the route protected, on any interpreter (on 3.11 through the tree-sitter
rewrite of :mod:`jwtscope.audit.python.downlevel`). A file that is broken in every
version stays a parse error, and routes depending on it are unknown, never unprotected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jwtscope.audit import RouteStatus, audit_project
from jwtscope.audit.python.downlevel import downlevel

HEAD = """\
import os
import jwt
from fastapi import Depends, FastAPI, Header

app = FastAPI()
KEY = os.environ["JWT_SECRET"]
"""  # 6 lines: the construct starts on line 7

CONSTRUCTS = {
    "pep758_except": (
        """\
def current_user(authorization: str = Header()) -> dict:
    try:
        return jwt.decode(authorization, KEY)
    except jwt.InvalidTokenError, KeyError:
        raise
""",
        9,
    ),
    "pep758_except_star": (
        """\
def current_user(authorization: str = Header()) -> dict:
    try:
        return jwt.decode(authorization, KEY)
    except* jwt.InvalidTokenError, KeyError:
        raise
""",
        9,
    ),
    "pep695_type_alias": (
        """\
type Claims[T] = dict[str, T]


def current_user(authorization: str = Header()) -> Claims[str]:
    return jwt.decode(authorization, KEY)
""",
        11,
    ),
    "pep695_generic_def": (
        """\
def current_user[T: str = str](
    authorization: T = Header(),
) -> dict:
    return jwt.decode(authorization, KEY)
""",
        10,
    ),
    "pep695_generic_class": (
        """\
class Verifier[
    K,
]:
    def __call__(self, authorization: str = Header()) -> dict:
        return jwt.decode(authorization, KEY)


current_user = Verifier()
""",
        11,
    ),
    "t_string": (
        """\
def current_user(authorization: str = Header()) -> dict:
    scheme, _, token = authorization.partition(" ")
    note = t"scheme {scheme!r:>10} for {token[:4]}"
    return jwt.decode(token, KEY)
""",
        10,
    ),
    "pep701_fstrings": (
        """\
def current_user(authorization: str = Header()) -> dict:
    parts = {"scheme": authorization.split(" ")[0]}
    note = f"{parts["scheme"]} {"x" + 'y'} {len(parts) # how many
    }"
    sep = f"{'\\n'.join(parts)}"
    return jwt.decode(authorization, KEY)
""",
        12,
    ),
    "match_statement": (
        """\
def current_user(authorization: str = Header()) -> dict:
    match authorization.split(" "):
        case ["Bearer", token]:
            return jwt.decode(token, KEY)
        case _:
            raise ValueError("no bearer token")
""",
        10,
    ),
}


def _app(body: str) -> tuple[str, int]:
    """The file, and the line of its route (after the construct)."""
    text = HEAD + body + '\n\n@app.get("/me")\ndef me(user: dict = Depends(current_user)):\n'
    text += "    return user\n"
    return text, text.count("\n") - 2


@pytest.mark.parametrize(("body", "decode_line"), CONSTRUCTS.values(), ids=CONSTRUCTS.keys())
def test_each_newer_construct_is_audited_at_its_lines(tmp_path: Path, body: str, decode_line):
    text, route_line = _app(body)
    (tmp_path / "main.py").write_text(text, encoding="utf-8")
    result = audit_project(tmp_path)
    assert [(r.method, r.path, r.line, r.status) for r in result.routes] == [
        ("GET", "/me", route_line, RouteStatus.PROTECTED)
    ]
    assert [(f.code, f.line) for f in result.findings] == [
        ("AUDIT-DECODE-NO-ALGORITHMS", decode_line)
    ]
    assert result.parse_errors == 0 and result.skipped == ()


def test_rewrites_keep_every_line():
    for body, _ in CONSTRUCTS.values():
        text, _ = _app(body)
        rewritten = downlevel(text)
        if rewritten is not None:  # None: the running interpreter reads it as is
            assert rewritten.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "broken",
    [
        "def current_user(authorization: str = Header()) -> dict:\n    return jwt.decode(\n",
        "def current_user(authorization: str = Header()) -> dict:\n"
        "    try:\n        return jwt.decode(authorization, 'k')\n"
        "    except KeyError, ValueError as e:\n        raise\n",
    ],
    ids=["tree-sitter error", "except A, B as e (invalid in every version)"],
)
def test_route_whose_dependency_is_in_a_broken_file_is_unknown(tmp_path: Path, broken: str):
    (tmp_path / "deps.py").write_text("import jwt\nfrom fastapi import Header\n\n" + broken)
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\nfrom deps import current_user\n\n"
        'app = FastAPI()\n\n\n@app.get("/me")\ndef me(user: dict = Depends(current_user)):\n'
        "    return user\n"
    )
    result = audit_project(tmp_path)
    (route,) = result.routes
    assert route.status is RouteStatus.UNKNOWN
    assert "could not parse deps.py" in route.reason
    assert [s.path for s in result.skipped] == ["deps.py"]
    assert [f.code for f in result.findings] == ["AUDIT-PARSE-ERROR"]
