"""The backend's Python dependencies, from ``requirements*.txt``, ``pyproject.toml``,
``Pipfile``/``Pipfile.lock``, ``poetry.lock`` and ``uv.lock``: can its PyJWT verify EdDSA?

PyJWT verifies EdDSA only with the ``cryptography`` package (``pyjwt[crypto]``). Per folder
the declared packages (with their extras) and, when a lock file is there, the locked
packages are kept. A folder whose lock lists PyJWT and not cryptography cannot verify
EdDSA; without a lock, one that declares ``pyjwt`` without ``[crypto]``, no
``cryptography`` and none of the packages known to pull it in cannot either. Anything the
reader does not understand leaves the folder undecided (no finding).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding

__all__ = ["DEPENDENCY_FILES", "PyDeps", "is_dependency_file"]

DEPENDENCY_FILES = ("Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock", "pyproject.toml")
_REQUIREMENTS = re.compile(r"(?i)^(?:.*requirements.*|requires.*|constraints.*)\.(?:txt|in)$")
_REQ_LINE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
#: Packages that install cryptography themselves (so PyJWT gets EdDSA).
_PULL_CRYPTO = frozenset(
    {
        "cryptography",
        "authlib",
        "joserfc",
        "jwcrypto",
        "pyopenssl",
        "fastapi-users",
        "msal",
        "azure-identity",
        "fastapi-azure-auth",
        "paramiko",
        "firebase-admin",
        "python-keycloak",
        "social-auth-core",
        "oauthlib",
        "pysaml2",
        "webauthn",
        "py-webauthn",
        "djangorestframework-simplejwt",
        "fastapi-cloudauth",
        "supabase",
        "gotrue",
        "auth0-python",
        "pyjwt-key-fetcher",
        "secretstorage",
        "adal",
    }
)


def is_dependency_file(name: str) -> bool:
    """Whether a file name is one of the dependency files read here."""
    return name in DEPENDENCY_FILES or bool(_REQUIREMENTS.match(name))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class _Folder:
    declared: dict[str, set[str]] = field(default_factory=dict)  # name -> extras
    locked: set[str] | None = None
    pyjwt_at: tuple[str, int, str] | None = None  # where pyjwt is declared or locked
    unread: bool = False


@dataclass
class PyDeps:
    """Every dependency file of the project, by folder."""

    folders: dict[str, _Folder] = field(default_factory=dict)

    def add(self, rel: str, text: str) -> None:
        """Read one dependency file (a file it cannot read leaves its folder undecided)."""
        path = PurePosixPath(rel)
        parent = str(path.parent)
        folder = self.folders.setdefault("" if parent == "." else parent, _Folder())
        try:
            if path.name in ("poetry.lock", "uv.lock"):
                data = tomllib.loads(text)
                names = {
                    _norm(p.get("name", "")) for p in data.get("package", []) if isinstance(p, dict)
                }
                folder.locked = (folder.locked or set()) | names
            elif path.name == "Pipfile.lock":
                data = json.loads(text)
                names = {_norm(n) for part in ("default", "develop") for n in data.get(part, {})}
                folder.locked = (folder.locked or set()) | names
            elif path.name in ("Pipfile", "pyproject.toml"):
                self._toml(folder, tomllib.loads(text))
            else:
                for line in text.splitlines():
                    if re.match(r"\s*(?:-r|-c|--requirement|--constraint)\b", line):
                        folder.unread = True  # includes another file: undecided
                    m = _REQ_LINE.match(line.split("#", 1)[0])
                    if m and not line.lstrip().startswith("-"):
                        self._declare(folder, m.group(1), m.group(2) or "")
        except (ValueError, TypeError, AttributeError):
            folder.unread = True
            return
        if folder.pyjwt_at is None and ("pyjwt" in _norm(text)):
            for number, line in enumerate(text.splitlines(), 1):
                if re.search(r"(?i)\bpyjwt\b", line):
                    folder.pyjwt_at = (rel, number, line.strip())
                    break

    @staticmethod
    def _declare(folder: _Folder, name: str, extras: str) -> None:
        got = folder.declared.setdefault(_norm(name), set())
        got.update(_norm(e) for e in extras.split(",") if e.strip())

    def _toml(self, folder: _Folder, data: dict[str, Any]) -> None:
        project = data.get("project", {})
        specs: list[str] = list(project.get("dependencies", []))
        for group in (project.get("optional-dependencies", {}) or {}).values():
            specs += group
        for group in (data.get("dependency-groups", {}) or {}).values():
            specs += [s for s in group if isinstance(s, str)]
        for spec in specs:
            m = _REQ_LINE.match(spec)
            if m:
                self._declare(folder, m.group(1), m.group(2) or "")
        poetry = data.get("tool", {}).get("poetry", {})
        tables = [
            poetry.get("dependencies", {}),
            data.get("packages", {}),
            data.get("dev-packages", {}),
        ]
        tables += [g.get("dependencies", {}) for g in (poetry.get("group", {}) or {}).values()]
        for table in tables:
            for name, value in table.items():
                extras = value.get("extras", []) if isinstance(value, dict) else []
                self._declare(folder, name, ",".join(extras))

    def judge(self, *, eddsa: str | None, verifiers: list[str]) -> list[AuditFinding]:
        """AUDIT-VERIFIER-NO-EDDSA for each folder whose PyJWT cannot verify EdDSA and that
        holds a module verifying with PyJWT; ``eddsa``: the evidence the tokens are EdDSA."""
        out: list[AuditFinding] = []
        if not eddsa:
            return out
        for name, folder in sorted(self.folders.items()):
            if folder.unread or folder.pyjwt_at is None:
                continue
            inside = [v for v in verifiers if not name or v.startswith(name + "/")]
            if not inside or not self._lacks_crypto(folder):
                continue
            rel, line, source = folder.pyjwt_at
            out.append(
                make(
                    "AUDIT-VERIFIER-NO-EDDSA",
                    path=rel,
                    line=line,
                    source_line=source,
                    detail=f"{inside[0]} verifies the tokens with PyJWT, which are EdDSA "
                    f"({eddsa}), but {rel} installs PyJWT without the cryptography package "
                    + (
                        "(the lock file has no cryptography)"
                        if folder.locked
                        else "(no [crypto] extra, no cryptography)"
                    )
                    + ': PyJWT has no EdDSA then and every token fails ("Algorithm not '
                    'supported").',
                    fix='Install the extra: "pyjwt[crypto]>=2.10" in requirements.txt '
                    '(poetry/uv: pyjwt with extras ["crypto"]), then re-lock.',
                )
            )
        return out

    @staticmethod
    def _lacks_crypto(folder: _Folder) -> bool:
        if folder.locked is not None:
            return "pyjwt" in folder.locked and "cryptography" not in folder.locked
        extras = folder.declared.get("pyjwt")
        if extras is None or "crypto" in extras:
            return False
        if "cryptography" in folder.declared.get("python-jose", set()):
            return False
        return not (set(folder.declared) & _PULL_CRYPTO)
