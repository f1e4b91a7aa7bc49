"""Walk a project folder lazily: the files an audit reads, in a stable order, how to read
one (:func:`read_source`) and which are test code (:func:`is_test`).

Skips what is not the project's own source: anything ``.gitignore`` excludes (the root's
and every nested one), ``node_modules``, virtualenvs (``.venv``, ``venv`` or any folder
holding ``pyvenv.cfg``/``conda-meta``), ``__pycache__``, ``build``/``dist``,
``site-packages``, ``*.egg-info`` and every dot-folder (``.git``, ``.tox``, caches).
Symbolic links are never followed. The walk is a generator over an explicit stack, so
memory does not grow with the size of the tree.

The ``.gitignore`` support covers what projects write in practice: comments, ``!``
negation, ``/``-anchored patterns, trailing ``/`` for folders, ``*``, ``?``, ``[...]``
and ``**``. Like git, a file inside an ignored folder cannot be re-included. ``.env*`` and
``pyproject.toml`` files are read even when ignored (``.env`` is ignored by design); the
audit takes only variable names and URLs from them, never a secret's value.
"""

from __future__ import annotations

import io
import os
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MAX_FILE_BYTES",
    "GitIgnore",
    "ProjectFile",
    "is_test",
    "iter_project_files",
    "read_source",
    "read_source_why",
]

SKIP_DIRS = frozenset(
    {
        "node_modules",
        "__pycache__",
        "venv",
        "build",
        "dist",
        "coverage",
        "site-packages",
        "__pypackages__",
        "bower_components",
    }
)
_VENV_MARKERS = ("pyvenv.cfg", "conda-meta")
#: Read even when git ignores them: ``.env`` is ignored by design but configures the app.
_CONFIG_KINDS = frozenset({"env", "pyproject"})
#: Larger Python files are generated code, not hand-written auth: skipped.
MAX_FILE_BYTES = 2_000_000
_TEST_DIRS = frozenset({"tests", "test", "testing", "e2e"})
_TEST_SCRIPT = re.compile(r"\.(test|spec|e2e)\.[cm]?[jt]sx?$")


@dataclass(frozen=True)
class ProjectFile:
    """One file the audit reads.

    Args:
        path: the file on disk.
        rel: its path relative to the audited folder, ``/``-separated.
        kind: ``python``, ``script`` (TypeScript/JavaScript), ``pyproject``, ``env`` (a
            ``.env*`` file), ``jwks`` (JSON), ``deps`` (``Pipfile``, lock files), ``log``
            (``*.log``) or ``data`` (fixtures: JSON, YAML, text, ``.http``, HAR).
    """

    path: Path
    rel: str
    kind: str


def is_test(rel: str) -> bool:
    """Test code: ``tests/``, ``test_*.py``, ``*_test.py``, ``*.test.ts``, ``conftest.py``."""
    *dirs, name = rel.split("/")
    return (
        any(d in _TEST_DIRS for d in dirs)
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or any(d == "__tests__" for d in dirs)
        or bool(_TEST_SCRIPT.search(name))
    )


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """The text of a source file; None when binary, undecodable, too large or unreadable."""
    return read_source_why(path, limit)[0]


def read_source_why(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[str | None, str]:
    """The text of a source file and ``""``, or None and why it was not read (in words)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or type(exc).__name__})"
    if len(data) > limit:
        return None, f"larger than {_size(limit)}"
    if b"\0" in data:
        return None, "binary (contains NUL bytes)"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), ""
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None, "undecodable (not UTF-8 nor its declared encoding)"


def _size(limit: int) -> str:
    """``2 MB``, ``500 KB``, ``100 bytes``."""
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"{limit / 1_000:g} KB"
    return f"{limit} bytes"


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


class GitIgnore:
    """The rules of one ``.gitignore`` file, relative to its folder."""

    def __init__(self, text: str) -> None:
        self.rules = tuple(r for r in (_compile(line) for line in text.splitlines()) if r)

    def match(self, rel: str, is_dir: bool) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no rule matched)."""
        result: bool | None = None
        for rule in self.rules:
            if rule.dir_only and not is_dir:
                continue
            if rule.regex.fullmatch(rel):
                result = not rule.negate
        return result


def _compile(line: str) -> _Rule | None:
    line = line[:-2] + " " if line.endswith("\\ ") else line.rstrip()
    if not line or line.startswith("#"):
        return None
    negate = line.startswith("!")
    if negate or line.startswith(("\\!", "\\#")):
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line
    line = line.lstrip("/")
    body = _translate(line)
    if not anchored:
        body = "(?:.*/)?" + body
    try:
        return _Rule(re.compile(body), negate, dir_only)
    except re.error:
        return None


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i) and (i == 0 or pattern[i - 1] == "/"):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i) and i + 2 == n and (i == 0 or pattern[i - 1] == "/"):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(c))
                i += 1
                continue
            inner = pattern[i + 1 : end]
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            i = end + 1
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


#: Dependency files that are not data (``requirements*.txt`` are: they are read as both).
_LOCK_FILES = frozenset({"Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock"})
_SCRIPT_EXT = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_DATA_EXT = (".json", ".yaml", ".yml", ".txt", ".http", ".rest", ".har", ".toml", ".ini", ".cfg")
#: Generated or lock files: large, never hand-written credentials or auth code.
_NOT_DATA = frozenset(
    {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "tsconfig.json"}
)


def _file_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".py"):
        return "python"
    if name == "pyproject.toml":
        return "pyproject"
    if name in _LOCK_FILES:
        return "deps"
    if name == ".env" or name.startswith((".env.", "env.")) or name.endswith(".env"):
        return "env"  # .env, .env.example, env.example, production.env
    if lower.endswith(_SCRIPT_EXT):
        if lower.endswith((".d.ts", ".min.js", ".bundle.js")) or ".chunk." in lower:
            return None
        return "script"
    if lower.endswith(".log") or ".log." in lower:
        return "log"
    if lower.endswith(".json") and "jwks" in lower:
        return "jwks"
    if lower.endswith(_DATA_EXT) and name not in _NOT_DATA:
        return "data"
    return None


_Frame = tuple[str, tuple[tuple[str, GitIgnore], ...]]


def _ignored(rel: str, is_dir: bool, ignores: tuple[tuple[str, GitIgnore], ...]) -> bool:
    result = False
    for base, gitignore in ignores:
        sub = rel[len(base) + 1 :] if base else rel
        verdict = gitignore.match(sub, is_dir)
        if verdict is not None:
            result = verdict
    return result


def _read_gitignore(folder: str) -> GitIgnore | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
            return GitIgnore(fh.read(200_000))
    except OSError:
        return None


def _skip_dir(name: str, full: str) -> bool:
    if name.startswith(".") or name in SKIP_DIRS or name.endswith(".egg-info"):
        return True
    return any(os.path.exists(os.path.join(full, marker)) for marker in _VENV_MARKERS)


def iter_project_files(root: Path) -> Iterator[ProjectFile]:
    """Yield the files an audit reads under ``root``, depth first, names sorted.

    Args:
        root: the project folder.
    """
    stack: list[_Frame] = [("", ())]
    while stack:
        rel_dir, ignores = stack.pop()
        full_dir = os.path.join(root, rel_dir) if rel_dir else str(root)
        own = _read_gitignore(full_dir)
        if own is not None and own.rules:
            ignores = (*ignores, (rel_dir, own))
        try:
            with os.scandir(full_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs: list[_Frame] = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_symlink():
                    continue
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if not _skip_dir(entry.name, entry.path) and not _ignored(rel, True, ignores):
                    subdirs.append((rel, ignores))
                continue
            kind = _file_kind(entry.name)
            if kind is None:
                continue
            if kind in _CONFIG_KINDS or not _ignored(rel, False, ignores):
                yield ProjectFile(Path(entry.path), rel, kind)
        stack.extend(reversed(subdirs))
