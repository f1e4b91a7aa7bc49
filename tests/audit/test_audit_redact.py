"""What the audit shows of a line: every JWT, session cookie and secret value replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from jwtscope.audit.excerpt import excerpt
from jwtscope.audit.redact import redact_line

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLWJ5dGVz"

CASES = {
    "env line": ("JWT_SECRET=abc(def)gh12", "JWT_SECRET=<redacted: 12 chars, sha256 7158a5cf>"),
    "quoted env line keeps its quotes": (
        'BETTER_AUTH_SECRET="s3cr3t-value"',
        'BETTER_AUTH_SECRET="<redacted: 12 chars, sha256 1f3fa74b>"',
    ),
    "a URL is not a secret": (
        "BETTER_AUTH_URL=http://localhost:3000",
        "BETTER_AUTH_URL=http://localhost:3000",
    ),
    "env reference": ("secret: process.env.BETTER_AUTH_SECRET,", None),
    "code is not a value": ('const token = localStorage.getItem("token")', None),
    "call result": ("token = get_token()", None),
    "JSON key": ('{"client_secret": "abcdefgh"}', '{"client_secret": "<redacted: 8 chars'),
    "JWT in a header": (f"Authorization: Bearer {JWT}", "Authorization: Bearer eyJhbGciOi…"),
    "session cookie": (
        "Cookie: better-auth.session_token=FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67sie.DdjYXZldj0m2oQaSU"
        "zdw3HEDxPLsJHaNncNwY%2Bna2MM%3D",
        "Cookie: better-auth.session_token=<redacted session token>",
    ),
}


@pytest.mark.parametrize(("line", "expected"), CASES.values(), ids=CASES.keys())
def test_redact_line(line, expected):
    shown = redact_line(line)
    if expected is None:
        assert shown == line
    else:
        assert shown.startswith(expected)
    assert "abc(def)gh12" not in shown and "s3cr3t-value" not in shown
    assert JWT not in shown and "FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67sie" not in shown


def test_excerpt_is_redacted_numbered_and_stays_in_the_folder(tmp_path):
    (tmp_path / ".env").write_text("A=1\nJWT_SECRET=hunter2hunter2\nB=2\n")
    ex = excerpt(tmp_path, ".env", 2, around=1)
    assert ex.lines == (
        (1, "A=1"),
        (2, "JWT_SECRET=<redacted: 14 chars, sha256 76880d60>"),
        (3, "B=2"),
    )
    assert ex.highlight == 2 and ex.error == ""
    assert excerpt(tmp_path, "../etc/passwd", 1).error.endswith("outside the audited folder")
    assert "cannot read" in excerpt(tmp_path, "missing.py", 1).error
    (tmp_path / "bin.py").write_bytes(b"\0\1")
    assert excerpt(tmp_path, "bin.py", 1).error == "bin.py is a binary file"


CODE_LINES = {
    'SECRET = os.getenv("JWT_SECRET", "dev-secret-change-me")': "dev-secret-change-me",
    'return jwt.decode(token, "legacy-signing-key", algorithms=["HS256"])': "legacy-signing",
    'secret: process.env.BETTER_AUTH_SECRET || "dev-only-secret-change-me-later",': "dev-only",
    'jwt_secret_key: str = "supersecret"': "supersecret",
    'key = b"raw-bytes-key"': "raw-bytes-key",
}


@pytest.mark.parametrize(("line", "secret"), CODE_LINES.items(), ids=range(len(CODE_LINES)))
def test_literals_on_lines_that_handle_keys_are_redacted(line, secret):
    shown = redact_line(line)
    assert secret not in shown and "<redacted:" in shown
    for kept in ("JWT_SECRET", "HS256", "BETTER_AUTH_SECRET"):
        assert (kept in line) == (kept in shown)


def test_harmless_literals_stay(tmp_path):
    for line in (
        'raise HTTPException(401, "Invalid token")',
        'jwks = jwt.PyJWKClient("http://localhost:3000/api/auth/jwks")',
        'payload = jwt.decode(token, key, algorithms=["EdDSA"], audience="http://x:3000")',
    ):
        assert redact_line(line) == line


def test_no_excerpt_of_the_sample_projects_shows_a_planted_secret():
    from test_audit_fullstack import PLANTED
    from test_audit_projects import SEEDED_SECRETS

    projects = Path(__file__).parent / "projects"
    for path in projects.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(projects).as_posix()
        count = len(path.read_bytes().splitlines()) or 1
        for line in range(1, count + 1, 13):  # windows of 13 lines cover every line
            ex = excerpt(projects, rel, line)
            text = "\n".join(t for _, t in ex.lines)
            for secret in (*PLANTED, *SEEDED_SECRETS):
                assert secret not in text, (rel, line, secret)
