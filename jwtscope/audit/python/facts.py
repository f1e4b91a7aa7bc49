"""Facts about the whole project that single-file checks depend on.

Collected while the files stream by (small sets, bounded), used at the end: is the token
issuer Better Auth (a JWKS URL under ``/api/auth/jwks``, ``BETTER_AUTH_*`` variables)? Are
the tokens EdDSA? Which algorithm does the project sign with, which JWKS URL and base URL
does it use? Which model classes have an owner column?
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field

from jwtscope.audit.python.astutil import (
    SECRETISH,
    field_default,
    fstring_text,
    literal_str,
    literal_strs,
)
from jwtscope.audit.python.summary import Ref
from jwtscope.core.keys.env_snapshot import URL_NAMES, origin_of

__all__ = ["OWNER_FIELD", "ProjectFacts", "class_fields", "model_like"]

#: Field / key names that tie a record to a user.
OWNER_FIELD = re.compile(
    r"(?i)^(owner|owner_?id|user_?id|author_?id|author|created_?by(_?id)?|creator_?id|"
    r"account_?id|tenant_?id|org_?id|organization_?id|owner_?email|user_?email)$"
)

#: ``.env`` variables whose value is a list of origins or hosts (kept: never a secret).
_ORIGIN_NAME = re.compile(r"(?i)(ORIGIN|CORS|ALLOWED_HOSTS)")
#: ``.env`` files that document values rather than set them.
_EXAMPLE_ENV = re.compile(r"(?i)(example|sample|template|dist|defaults?)")
_BA_NAME = re.compile(r"^BETTER_AUTH_[A-Z0-9_]+$")  # a variable name, never a name=value
_CAP = 8  # evidence kept per kind: enough to explain, bounded for huge trees
_JWKS_URL = re.compile(r"^https?://\S+/(?:api/auth/jwks|\.well-known/jwks\.json|jwks)\S*$")


@dataclass
class ProjectFacts:
    """Project-wide evidence, filled in by the extractor and the config readers."""

    better_auth: list[str] = field(default_factory=list)
    eddsa: list[str] = field(default_factory=list)
    bearer: list[str] = field(default_factory=list)
    jwks_urls: list[str] = field(default_factory=list)
    base_urls: list[str] = field(default_factory=list)
    sign_algorithms: set[str] = field(default_factory=set)
    model_classes: set[str] = field(default_factory=set)
    owned_models: set[str] = field(default_factory=set)
    owner_keys: bool = False
    settings_strings: dict[str, str | None] = field(default_factory=dict)
    #: list defaults of settings fields: name → (values, where), None when two disagree.
    settings_lists: dict[str, tuple[tuple[str, ...], str] | None] = field(default_factory=dict)
    public: list[str] = field(default_factory=list)
    #: settings read from the environment with a default, by the name they are assigned
    #: to: ``whitelist_paths`` → (variable, default, ``file:line``, source line); None when
    #: two places disagree.
    config_defaults: dict[str, tuple[str, str, str, str] | None] = field(default_factory=dict)
    #: origin/host lists set in ``.env`` files: name → (values, ``file:line``, example file).
    env_lists: dict[str, tuple[tuple[str, ...], str, bool]] = field(default_factory=dict)
    #: where the project mints its own tokens (``jwt.encode at app/security.py:25``).
    minted: list[str] = field(default_factory=list)
    #: where the project mints refresh tokens (a ``"type": "refresh"`` claim).
    refresh_minted: list[str] = field(default_factory=list)
    #: classes that are settings (a subclass of one is too: ``Settings(AzureConfig)``).
    settings_classes: set[str] = field(default_factory=set)
    #: fastapi-users strategies the project writes itself: ``(where, reads the token)``.
    strategies: list[tuple[str, bool]] = field(default_factory=list)
    issuer_alg: str | None = None

    @staticmethod
    def remember(bucket: list[str], item: str) -> None:
        """Add one piece of evidence, up to a few per kind."""
        if len(bucket) < _CAP and item not in bucket:
            bucket.append(item)

    def note_string(self, value: str, where: str) -> None:
        """Look at one string constant of the source."""
        if len(value) > 300:
            return
        if "/api/auth/jwks" in value or _BA_NAME.match(value):
            self.remember(self.better_auth, f"{value!r} at {where}")
        if value in ("EdDSA", "Ed25519", "OKP"):
            self.remember(self.eddsa, f"{value!r} at {where}")
        if value.lower() == "authorization" or value.startswith("Bearer"):
            self.remember(self.bearer, f"{value!r} at {where}")
        if _JWKS_URL.match(value):
            self.remember(self.jwks_urls, value)
            if "/api/auth/jwks" in value:
                origin = origin_of(value)
                if origin:
                    self.remember(self.base_urls, origin)

    def note_env_name(self, name: str, value: str, where: str) -> None:
        """Look at one variable of a ``.env`` file (the value only for URL names)."""
        if name.startswith("BETTER_AUTH_"):
            self.remember(self.better_auth, f"{name} in {where}")
        if name in URL_NAMES or "JWKS" in name:
            self.note_string(value, where)
            origin = origin_of(value)
            if origin and name in URL_NAMES:
                self.remember(self.base_urls, origin)

    def note_config_default(self, name: str, read: tuple[str, str, str, str]) -> None:
        """``args.whitelist_paths = get_env_value("WHITELIST_PATHS", "/health,/api/*")``."""
        known = self.config_defaults.get(name)
        if name in self.config_defaults and (known is None or known[:2] != read[:2]):
            self.config_defaults[name] = None  # ambiguous: two places disagree
        elif len(self.config_defaults) < 5_000:
            self.config_defaults[name] = read

    def note_env_list(self, name: str, value: str, where: str) -> None:
        """An origin/host list of a ``.env`` file (``BACKEND_CORS_ORIGINS=["*"]``); a real
        ``.env`` wins over an example file (``.env.example``: the documented default)."""
        if not _ORIGIN_NAME.search(name) or len(self.env_lists) >= 1_000 or len(value) > 2_000:
            return
        example = bool(_EXAMPLE_ENV.search(where.split(":")[0].rsplit("/", 1)[-1]))
        known = self.env_lists.get(name)
        if known is not None and (example or not known[2]):
            return
        values = _env_list(value)
        if values:
            self.env_lists[name] = (values, where, example)

    def note_settings_string(self, name: str, value: str) -> None:
        """A string default of a class attribute (``API_V1_STR: str = "/api/v1"``)."""
        if name in self.settings_strings and self.settings_strings[name] != value:
            self.settings_strings[name] = None  # ambiguous: two classes disagree
        elif len(self.settings_strings) < 5_000:
            self.settings_strings[name] = value

    def note_settings_list(self, name: str, values: tuple[str, ...], where: str) -> None:
        """A list-of-strings default of a settings field (``allowed_hosts = ["*"]``)."""
        known = self.settings_lists.get(name)
        if name in self.settings_lists and (known is None or known[0] != values):
            self.settings_lists[name] = None  # ambiguous: two classes disagree
        elif len(self.settings_lists) < 5_000:
            self.settings_lists[name] = (values, where)

    def token_issuers(self) -> list[str]:
        """Who issues the tokens the backend verifies, each with its evidence."""
        out = []
        if self.minted:
            algs = ", ".join(sorted(self.sign_algorithms)) or "algorithm not a literal"
            out.append(f"the project's own code ({algs}): {'; '.join(self.minted)}")
        if self.better_auth:
            out.append(f"Better Auth: {'; '.join(self.better_auth)}")
        external = [u for u in self.jwks_urls if "/api/auth/jwks" not in u]
        if external:
            out.append(f"an external identity provider: JWKS {', '.join(external)}")
        return out

    @property
    def is_better_auth(self) -> bool:
        """True when the tokens come from Better Auth's JWT plugin."""
        return bool(self.better_auth)

    @property
    def is_eddsa(self) -> bool:
        """True when the tokens are EdDSA (Better Auth's default, or an OKP key)."""
        if self.issuer_alg is not None:  # the Better Auth config names it
            return self.issuer_alg == "EdDSA" or bool(self.eddsa)
        return bool(self.eddsa) or self.is_better_auth

    @property
    def base_url(self) -> str | None:
        """Better Auth's base URL origin, when the project names exactly one."""
        return self.base_urls[0] if len(self.base_urls) == 1 else None

    @property
    def jwks_url(self) -> str | None:
        """The JWKS URL, when the project names exactly one."""
        return self.jwks_urls[0] if len(self.jwks_urls) == 1 else None


def _env_list(value: str) -> tuple[str, ...]:
    """A ``.env`` list value as pydantic-settings reads it: JSON, else comma-separated."""
    text = value.strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return tuple(str(v).strip() for v in parsed if isinstance(v, str | int))
        text = text.strip("[]")
    return tuple(p.strip().strip("'\"") for p in text.split(",") if p.strip())


_MODEL_BASES = frozenset(
    {"Base", "DeclarativeBase", "SQLModel", "Model", "BaseModel", "Document", "Schema", "Table"}
)


def model_like(node: ast.ClassDef, bases: tuple[Ref, ...], fields: list[str]) -> bool:
    """A data model (ORM table, document, schema) rather than a utility class."""
    if "__tablename__" in fields or "__collection__" in fields:
        return True
    if any(kw.arg == "table" for kw in node.keywords):
        return True
    return any(b[-1] in _MODEL_BASES or b[-1].endswith(("Base", "Model")) for b in bases)


def class_fields(node: ast.ClassDef, settings: bool, facts: ProjectFacts, path: str) -> list[str]:
    """A class's field names; a settings class's string and list defaults are noted in
    ``facts`` (``API_V1_STR = f"/api/{API_VERSION}"`` evaluated from earlier fields)."""
    fields: list[str] = []
    known: dict[str, str] = {}  # this class's string fields so far
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            fields.append(stmt.target.id)
            value = stmt.value
        elif isinstance(stmt, ast.Assign):
            fields += [t.id for t in stmt.targets if isinstance(t, ast.Name)]
            value = stmt.value
        else:
            continue
        if not fields:
            continue  # `a.b = …` or a tuple target: no field name to judge
        text = literal_str(value) if value is not None else None
        if text is None and isinstance(value, ast.JoinedStr):
            text = fstring_text(value, known)
        if text is not None:
            known[fields[-1]] = text
        secretish = SECRETISH.search(fields[-1])
        if settings and text is not None and not secretish and len(text) < 200:
            facts.note_settings_string(fields[-1], text)
        listed = literal_strs(field_default(value)) if settings and value else None
        if listed is not None:
            facts.note_settings_list(fields[-1], listed, f"{path}:{stmt.lineno}")
    return fields
