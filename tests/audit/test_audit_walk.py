"""Which files the audit reads: .gitignore rules, skipped folders, encodings, test code."""

from __future__ import annotations

from pathlib import Path

import pytest

from jwtscope.audit import audit_project
from jwtscope.audit.walk import GitIgnore, iter_project_files, read_source

GITIGNORE_CASES = [
    # (pattern text, path, is_dir, ignored?)
    ("build/", "build", True, True),
    ("build/", "build", False, None),  # only folders
    ("*.local.py", "app/x.local.py", False, True),
    ("/top.py", "top.py", False, True),
    ("/top.py", "sub/top.py", False, None),  # anchored
    ("docs/*.py", "docs/a.py", False, True),
    ("docs/*.py", "docs/sub/a.py", False, None),
    ("**/gen", "a/b/gen", True, True),
    ("gen/**", "gen/a/b.py", False, True),
    ("a/**/z.py", "a/z.py", False, True),
    ("a/**/z.py", "a/b/c/z.py", False, True),
    ("*.py\n!keep.py", "keep.py", False, False),
    ("*.py\n!keep.py", "drop.py", False, True),
    ("# comment\n\n", "comment", False, None),
    ("\\#hash.py", "#hash.py", False, True),
    ("file[0-9].py", "file7.py", False, True),
    ("file[!0-9].py", "file7.py", False, None),
    ("we?rd.py", "weird.py", False, True),
    ("[unclosed", "[unclosed", False, True),
]


@pytest.mark.parametrize(("text", "path", "is_dir", "expected"), GITIGNORE_CASES)
def test_gitignore_rules(text, path, is_dir, expected):
    assert GitIgnore(text).match(path, is_dir) is expected


def _tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


def test_walk_skips_ignored_and_vendored_folders(tmp_path):
    _tree(
        tmp_path,
        {
            ".gitignore": "/out/\n*.gen.py\n",
            ".env": "BETTER_AUTH_URL=http://localhost:3000\n",
            "pyproject.toml": "[tool.jwtscope]\n",
            "app/main.py": "",
            "app/x.gen.py": "",
            "app/.gitignore": "local_*.py\n!local_keep.py\n",
            "app/local_a.py": "",
            "app/local_keep.py": "",
            "app/keys/jwks.json": "{}",
            "app/data.json": "{}",
            "out/a.py": "",
            "lib/out/b.py": "",  # /out/ is anchored to the root
            "node_modules/m/c.py": "",
            "venv/d.py": "",
            "virtual/pyvenv.cfg": "",
            "virtual/e.py": "",
            "conda/conda-meta/history": "",
            "conda/f.py": "",
            ".tox/g.py": "",
            "pkg.egg-info/h.py": "",
            "dist/i.py": "",
            "app/__pycache__/j.py": "",
        },
    )
    (tmp_path / "link.py").symlink_to(tmp_path / "app" / "main.py")
    found = sorted((f.rel, f.kind) for f in iter_project_files(tmp_path))
    assert found == [
        (".env", "env"),
        ("app/data.json", "data"),
        ("app/keys/jwks.json", "jwks"),
        ("app/local_keep.py", "python"),
        ("app/main.py", "python"),
        ("lib/out/b.py", "python"),
        ("pyproject.toml", "pyproject"),
    ]


def test_env_files_are_read_even_when_gitignored(tmp_path):
    _tree(
        tmp_path,
        {
            ".gitignore": ".env*\n",
            ".env.local": "BETTER_AUTH_SECRET=whatever\n",
            "app.py": "import jwt\ndef f(t, k):\n    jwt.decode(t, k, algorithms=['EdDSA'])\n",
        },
    )
    weak, finding = audit_project(tmp_path).findings  # sorted by path: .env.local first
    assert finding.code == "AUDIT-DECODE-NO-AUDIENCE"
    assert "BETTER_AUTH_SECRET in .env.local" in finding.detail
    assert (weak.code, weak.location) == ("SECRET-SHORT", ".env.local:1")
    for shown in (finding, weak):
        assert "whatever" not in shown.detail + shown.fix + shown.source_line


def test_read_source_encodings(tmp_path):
    cases = {
        "utf8.py": ("x = 'é'\n".encode(), "x = 'é'\n"),
        "bom.py": ("\ufeffx = 1\n".encode(), "x = 1\n"),
        "latin1.py": (
            b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
            "# -*- coding: latin-1 -*-\nx = 'é'\n",
        ),
        "bad.py": (b"x = '\xe9'\n", None),
        "binary.py": (b"\x00\x01", None),
    }
    for name, (data, text) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert read_source(tmp_path / name) == text, name
    (tmp_path / "big.py").write_bytes(b"#" * 101)
    assert read_source(tmp_path / "big.py", limit=100) is None


def test_test_code_is_not_audited(tmp_path):
    bad = 'import jwt\njwt.decode("t", options={"verify_signature": False})\n'
    _tree(
        tmp_path,
        {
            "tests/helpers.py": bad,
            "src/test_x.py": bad,
            "src/x_test.py": bad,
            "conftest.py": bad,
            "src/real.py": bad,
        },
    )
    result = audit_project(tmp_path)
    assert [(f.code, f.path) for f in result.findings] == [
        ("AUDIT-DECODE-NO-VERIFY", "src/real.py")
    ]
    # all five are read, but test code only for leaked tokens
    assert (result.files_scanned, result.files_skipped) == (5, 0)


def test_a_single_file_can_be_audited(tmp_path):
    path = tmp_path / "one.py"
    path.write_text('import jwt\njwt.decode("t", "k")\n')
    result = audit_project(path)
    assert sorted(f.code for f in result.findings) == [
        "AUDIT-DECODE-NO-ALGORITHMS",
        "AUDIT-SECRET-LITERAL",
    ]
    assert result.findings[0].path == "one.py"


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("def f(:\n    pass\n", 1),
        ("x = 1\nprint 'py2'\n", 2),
        ("x = (" * 300 + ")" * 300 + "\n", 1),  # too deeply nested for the parser
        ("async = 1\n", 1),
    ],
)
def test_unparsable_files_are_reported_not_fatal(tmp_path, source, line):
    (tmp_path / "bad.py").write_text(source)
    (tmp_path / "good.py").write_text('import jwt\njwt.decode("t", k)\n')
    result = audit_project(tmp_path)
    assert [(f.code, f.path, f.line) for f in result.findings] == [
        ("AUDIT-PARSE-ERROR", "bad.py", line),
        ("AUDIT-DECODE-NO-ALGORITHMS", "good.py", 2),
    ]
    assert result.parse_errors == 1 and result.files_scanned == 2


def test_deep_nesting_that_parses_is_still_not_fatal(tmp_path):
    depth = 2000
    (tmp_path / "deep.py").write_text("x = " + "-" * depth + "1\n")
    result = audit_project(tmp_path)
    assert {f.code for f in result.findings} <= {"AUDIT-PARSE-ERROR"}


def test_env_files_without_a_leading_dot_are_env_files(tmp_path):
    _tree(
        tmp_path,
        {
            "env.example": "CORS_ORIGINS=http://localhost:3000\n",
            "deploy/production.env": "LOG_LEVEL=INFO\n",
            "environment.py": "",
            "docs/envoy.yaml": "",
        },
    )
    found = sorted((f.rel, f.kind) for f in iter_project_files(tmp_path))
    assert found == [
        ("deploy/production.env", "env"),
        ("docs/envoy.yaml", "data"),
        ("env.example", "env"),
        ("environment.py", "python"),
    ]
