"""What the frontend scanner keeps of a script file: small records, the text dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from jwtscope.audit.frontend.ui_facts import UiFacts

__all__ = ["AuthConfig", "CorsExpose", "FetchCall", "HeaderRead", "JwtPluginCall", "ScriptFacts"]


@dataclass(frozen=True)
class AuthConfig:
    """One ``betterAuth({...})`` call."""

    path: str
    line: int
    source: str
    base_url: str | None  # literal
    base_url_env: str | None  # process.env.NAME
    base_path: str | None
    plugins_literal: bool
    base_url_set: bool = False  # a ``baseURL:`` key is in the config (maybe an expression)
    secret_given: bool = False  # a ``secret:`` key is in the config
    secret_env: str | None = None  # the variable it reads (``process.env.NAME``)
    base_url_import: tuple[str, str] | None = None  # (module path, name) baseURL imports


@dataclass(frozen=True)
class JwtPluginCall:
    """One ``jwt({...})`` call of Better Auth's JWT plugin."""

    path: str
    line: int
    source: str
    alg: str | None  # None: set, but not a literal
    alg_set: bool
    issuer: str | None
    audience: str | None
    jwks_path: str | None
    remote_url: str | None
    claims_unknown: bool = False  # issuer/audience set to something that is not a literal


@dataclass(frozen=True)
class FetchCall:
    """A ``fetch()`` or ``axios`` call to what looks like the backend API, and what it sends.

    Args:
        url: the first argument as written.
        url_path: its literal path with ``{}`` for expressions (``/notes/{}``).
        absolute: the URL names an origin (``${API_URL}/…``): cross-origin from the page.
        has_auth: an ``Authorization`` header is set.
        has_credentials: ``credentials`` is set to something else than ``same-origin``
            (axios: ``withCredentials`` is set).
        client: ``fetch`` or ``axios``.
    """

    path: str
    line: int
    source: str
    url: str
    url_path: str
    absolute: bool
    has_auth: bool = False
    has_credentials: bool = False
    client: str = "fetch"


@dataclass(frozen=True)
class CorsExpose:
    """A CORS setting of a file serving Better Auth: the headers it exposes (None: the
    option is absent, so nothing is exposed), or ``unknown`` when not a literal."""

    path: str
    line: int
    source: str
    kind: str
    exposes: tuple[str, ...] | None
    unknown: bool = False


@dataclass(frozen=True)
class HeaderRead:
    """Where the frontend reads ``set-auth-jwt`` from a response."""

    path: str
    line: int


@dataclass
class ScriptFacts:
    """What one script file says (kept after the text is dropped). ``error_line``: the
    file does not parse (the first syntax error's line) and nothing else is kept of it."""

    configs: list[AuthConfig] = field(default_factory=list)
    jwt_calls: list[JwtPluginCall] = field(default_factory=list)
    fetches: list[FetchCall] = field(default_factory=list)
    env_refs: set[str] = field(default_factory=set)
    error_line: int | None = None
    axios_defaults: bool = False  # sets axios-wide headers/credentials or interceptors
    exports: dict[str, str] = field(default_factory=dict)  # exported string constants
    cors: list[CorsExpose] = field(default_factory=list)  # CORS of a file serving Better Auth
    jwt_reads: list[HeaderRead] = field(default_factory=list)  # reads of set-auth-jwt
    secure_cookies_off: bool = False  # ``advanced.useSecureCookies: false``
    ui: UiFacts | None = None  # imports, API calls and role gates (``ui_facts``)

    def unparsed_reason(self, path: str) -> str | None:
        """Why the file is not audited, for the list of skipped files; None if it is."""
        if self.error_line is None:
            return None
        return (
            f"could not parse {path} line {self.error_line}: syntax error (its Better Auth "
            "configuration, fetches and tokens are not audited)"
        )
