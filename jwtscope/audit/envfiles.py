""".env files: the engine's secret checks with a file and line, cross-file mismatches, and
``.env`` files that git tracks.

Values are parsed with python-dotenv (quotes, ``export``, escapes, inline comments, as the
apps themselves load them). A secret's value never leaves this module: findings show
fingerprints, and the source line is redacted.

Template files (``.env.example``, ``.env.sample``, ``.env.template``, ``.env.dist``,
``.env.defaults``) hold placeholders on purpose and test files (``.env.test``) test
values: neither is judged.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.redact import redact_line, url_passwords
from jwtscope.core.findings import Severity
from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES, strip_secret_text
from jwtscope.core.keys.keyset import fingerprint
from jwtscope.core.keys.secret_strength import strength
from jwtscope.local.dotenv_reader import parse_env_text

__all__ = ["EnvFile", "EnvFiles", "git_tracked", "is_template", "judge_tracked"]

#: Names whose values are secrets, masked wherever the audit shows source.
_SECRET_NAME = re.compile(r"(?i)(secret|passw|key|token|private|credential|salt|auth|dsn)")
#: ...unless the name says it is a URL or a setting (``BETTER_AUTH_URL``, ``JWT_ALG``).
_NOT_SECRET = re.compile(
    r"(?i)(url|uri|host|path|issuer|audience|alg|algorithm|expires?|ttl|port|name|id)$"
)
_TEMPLATE = re.compile(r"(?i)\.(example|sample|template|dist|defaults?|tpl)\b")
_TEST = re.compile(r"(?i)^\.env\.test\b")
#: Next.js precedence in development (first wins), then anything else.
_DEV_ORDER = (".env.development.local", ".env.local", ".env.development", ".env")
_GENERATE = "Generate one: openssl rand -base64 32 (Better Auth: npx @better-auth/cli secret)"


def is_template(name: str) -> bool:
    """``.env.example`` and friends: placeholders on purpose."""
    return bool(_TEMPLATE.search(name)) or bool(_TEST.match(name))


@dataclass
class EnvFile:
    """One ``.env*`` file: values as the app loads them, and the line of each name."""

    rel: str
    values: dict[str, str | None]
    lines: dict[str, tuple[int, str]]

    @property
    def folder(self) -> str:
        """The folder holding the file (``""`` for the audited folder itself)."""
        parent = str(PurePosixPath(self.rel).parent)
        return "" if parent == "." else parent

    @property
    def name(self) -> str:
        """The file name."""
        return PurePosixPath(self.rel).name


@dataclass
class EnvFiles:
    """Every ``.env*`` file of the project."""

    files: list[EnvFile] = field(default_factory=list)

    def add(self, rel: str, text: str) -> EnvFile:
        """Parse one file's text and keep it."""
        values = parse_env_text(text)
        lines: dict[str, tuple[int, str]] = {}
        for number, raw in enumerate(text.splitlines(), 1):
            m = re.match(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=", raw)
            if m and m.group(1) not in lines:
                lines[m.group(1)] = (number, raw)
        env = EnvFile(rel, values, lines)
        self.files.append(env)
        return env

    def secret_values(self) -> tuple[str, ...]:
        """The secret values of every ``.env`` file (secret-named variables and URL
        passwords), longest first, to mask them exactly wherever source is shown."""
        out: set[str] = set()
        for env in self.files:
            for name, value in env.values.items():
                value = (value or "").strip()
                secret = _SECRET_NAME.search(name) and not _NOT_SECRET.search(name)
                if secret and len(value) >= 6 and "://" not in value:
                    out.add(value)
                out.update(p for p in url_passwords(value) if len(p) >= 4)
        return tuple(sorted(out, key=lambda v: (-len(v), v)))

    def lookup(self, name: str, near: str) -> tuple[str, EnvFile] | None:
        """The value of ``name`` as an app in the folder of ``near`` loads it: ``.env``
        files of that folder first (Next.js precedence), then of each parent folder."""
        folder = str(PurePosixPath(near).parent)
        folders = []
        while True:
            folders.append("" if folder == "." else folder)
            if folder in (".", ""):
                break
            folder = str(PurePosixPath(folder).parent)
        for f in folders:
            candidates = [e for e in self.files if e.folder == f and not is_template(e.name)]
            candidates.sort(key=lambda e: _rank(e.name))
            for env in candidates:
                value = env.values.get(name)
                if value:
                    return value, env
        return None

    def chain(self, near: str) -> list[EnvFile]:
        """The non-template ``.env`` files of the folder of ``near`` and its parents."""
        folder = str(PurePosixPath(near).parent)
        folder = "" if folder == "." else folder
        return [
            e
            for e in self.files
            if not is_template(e.name)
            and (e.folder in ("", folder) or folder.startswith(e.folder + "/"))
        ]

    def defines(self, names: tuple[str, ...], near: str) -> bool | None:
        """Whether the ``.env`` files an app at ``near`` loads define one of ``names``
        (case-insensitively, as pydantic-settings reads them); None when there are no such
        files (the variables then come from the deployment, which the audit cannot see)."""
        chain = self.chain(near)
        if not chain:
            return None
        wanted = {n.upper() for n in names}
        return any(
            key.upper() in wanted and (value or "").strip()
            for env in chain
            for key, value in env.values.items()
        )

    def judge(self, verifiers: set[str]) -> list[AuditFinding]:
        """The engine's secret checks for every secret variable, and mismatches.

        Args:
            verifiers: secret names the backend verifies tokens with (a ``jwt.decode``
                key); a mismatch matters, and is reported, only for those.
        """
        out: list[AuditFinding] = []
        for env in self.files:
            if is_template(env.name):
                continue
            for name in KNOWN_SECRET_NAMES:
                if name in env.lines:
                    out += _judge_secret(env, name)
        out += self._mismatches(verifiers)
        return out

    def _mismatches(self, verifiers: set[str]) -> list[AuditFinding]:
        out: list[AuditFinding] = []
        for name in (n for n in KNOWN_SECRET_NAMES if n in verifiers):
            per_folder: dict[str, EnvFile] = {}
            for env in sorted(self.files, key=lambda e: _rank(e.name)):
                if env.name in _DEV_ORDER and env.values.get(name) and env.folder not in per_folder:
                    per_folder[env.folder] = env
            if len(per_folder) < 2:
                continue
            first, *others = sorted(per_folder.values(), key=lambda e: e.rel)
            base = strip_secret_text(first.values[name] or "")
            for env in others:
                value = strip_secret_text(env.values[name] or "")
                if value == base:
                    continue
                number, raw = env.lines[name]
                out.append(
                    make(
                        "SECRET-MISMATCH",
                        path=env.rel,
                        line=number,
                        source_line=redact_line(raw),
                        detail=f"{name} differs between {first.rel} "
                        f"({fingerprint(base.encode(), len(base))}) and {env.rel} "
                        f"({fingerprint(value.encode(), len(value))}): whatever one side signs "
                        "(session cookies, HS256 tokens) the other rejects.",
                        fix=f"Use the same {name} in both files (copy it from one to the other; "
                        "do not commit it).",
                    )
                )
        return out


def _rank(name: str) -> int:
    return _DEV_ORDER.index(name) if name in _DEV_ORDER else len(_DEV_ORDER)


def _judge_secret(env: EnvFile, name: str) -> list[AuditFinding]:
    number, raw = env.lines[name]
    value = env.values.get(name)
    where = f"{name} in {env.rel}"

    def add(code: str, detail: str, fix: str) -> None:
        out.append(
            make(
                code,
                path=env.rel,
                line=number,
                source_line=redact_line(raw),
                detail=detail,
                fix=fix,
            )
        )

    out: list[AuditFinding] = []
    if not (value or "").strip():
        add("SECRET-EMPTY", f"{where} is set but empty.", f"{_GENERATE} and set it here.")
        return out
    text = value or ""
    clean = strip_secret_text(text)
    judged = strength(clean, clean.encode())
    shown = fingerprint(clean.encode(), len(clean))
    if clean != text:
        add(
            "SECRET-QUOTED",
            f"{where} ({shown}) still carries quotes or spaces after the .env file is read: "
            "a loader that strips them signs with another key than one that does not.",
            f"Write it bare: {name}=<value>, one pair of quotes at most.",
        )
    if judged.common:
        add(
            "SECRET-COMMON",
            f"{where} ({shown}) is a published default or sample value: anyone can sign "
            "tokens and cookies with it.",
            f"{_GENERATE}, and invalidate sessions signed with the old one.",
        )
    elif judged.short:
        add(
            "SECRET-SHORT",
            f"{where} is {judged.length} bytes; at least {judged.required} are needed. A short "
            "HMAC key can be brute-forced offline from a single token.",
            _GENERATE + ".",
        )
    elif judged.guessable:
        add(
            "SECRET-LOW-ENTROPY",
            f"{where} ({shown}) is long enough but guessable (about {int(judged.bits)} bits of "
            "randomness; aim for 128+).",
            _GENERATE + ".",
        )
    return out


def git_tracked(root: Path) -> set[str] | None:
    """The ``.env*`` files under ``root`` that git tracks (relative, ``/``-separated).

    None when git is not installed, ``root`` is not in a work tree, or git fails.
    """
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", ".env*", "**/.env*"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "replace").split("\0")
    return {n for n in names if n and PurePosixPath(n).name.startswith(".env")}


def judge_tracked(files: EnvFiles, tracked: set[str]) -> list[AuditFinding]:
    """AUDIT-ENV-TRACKED for every non-template ``.env`` file git tracks."""
    out: list[AuditFinding] = []
    for env in files.files:
        if env.rel not in tracked or is_template(env.name):
            continue
        secrets = [n for n in KNOWN_SECRET_NAMES if (env.values.get(n) or "").strip()]
        number, raw = (
            env.lines[secrets[0]] if secrets else (1, next(iter(env.lines.values()), (1, ""))[1])
        )
        out.append(
            make(
                "AUDIT-ENV-TRACKED",
                path=env.rel,
                line=number,
                source_line=redact_line(raw),
                detail=f"git tracks {env.rel}"
                + (
                    f", which holds {', '.join(secrets)}: the value is in the history of every "
                    "clone."
                    if secrets
                    else "; it holds no secret today, but the next one added is committed."
                ),
                fix=f"git rm --cached {env.rel}; add .env* (and !.env.example) to .gitignore; "
                + (
                    "rotate the secret — removing the file does not remove it from history."
                    if secrets
                    else "commit a .env.example with empty values instead."
                ),
                severity=None if secrets else Severity.WARNING,
            )
        )
    return out
