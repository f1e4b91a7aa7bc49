"""What an audit returns: findings with a place in the source, and the table of routes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from jwtscope.core.findings import Finding, Severity

__all__ = ["AuditFinding", "AuditResult", "IssuerInfo", "Route", "RouteStatus", "SkippedFile"]


@dataclass(frozen=True)
class AuditFinding:
    """One mistake found in a project's source.

    Args:
        code: stable code from :data:`jwtscope.audit.codes.AUDIT_CODES`.
        severity: how bad it is.
        title: one short line.
        detail: what exactly was seen, in words (never a secret's value).
        fix: what to do about it; may contain code.
        path: the file, relative to the audited folder, with ``/`` separators.
        line: 1-based line number.
        source_line: that line of the file, stripped (secrets redacted).
    """

    code: str
    severity: Severity
    title: str
    detail: str
    fix: str
    path: str
    line: int
    source_line: str

    @property
    def location(self) -> str:
        """``path:line``."""
        return f"{self.path}:{self.line}"

    def to_finding(self) -> Finding:
        """The same finding in the token engine's model (location in the evidence)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            detail=self.detail,
            fix=self.fix,
            evidence=(("location", self.location), ("source", self.source_line)),
        )

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "detail": self.detail,
            "fix": self.fix,
            "path": self.path,
            "line": self.line,
            "source_line": self.source_line,
        }


class RouteStatus(StrEnum):
    """Whether a route needs credentials; UNKNOWN when the audit cannot tell (never a defect)."""

    PROTECTED = "protected"
    PUBLIC = "public"
    UNPROTECTED = "unprotected"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Route:
    """One FastAPI route with its full path and what protects it.

    Args:
        method: HTTP method, upper case.
        path: the full URL path, every prefix applied; an unresolvable prefix is shown
            as ``{expression}``.
        status: protected, public (declared so) or unprotected.
        file: where the route is declared, relative to the audited folder.
        line: the decorator's (or ``add_api_route``'s) line.
        endpoint: the endpoint function's name.
        dependency: for a protected route, the dependency that protects it as written
            (``get_current_user``, ``CurrentUser``, ``middleware AuthMiddleware``); for a
            public route, the pattern or convention that made it public.
        via: where that dependency sits and the chain down to the credential check
            (``parameter user: CurrentUser → get_current_user → jwt.decode``).
        mounted: False when no ``include_router`` from an app reaches the router; its
            path then lacks the prefixes a dynamic include may add.
        reason: for an unknown route, why the audit cannot tell (``could not parse
            app/deps.py line 12: …``, ``could not resolve `get_current_user_authorizer()` ``).
    """

    method: str
    path: str
    status: RouteStatus
    file: str
    line: int
    endpoint: str
    dependency: str = ""
    via: str = ""
    mounted: bool = True
    reason: str = ""

    @property
    def location(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"

    def to_dict(self) -> dict[str, Any]:
        """The route as JSON-ready data."""
        return {
            "method": self.method,
            "path": self.path,
            "status": self.status.value,
            "file": self.file,
            "line": self.line,
            "endpoint": self.endpoint,
            "dependency": self.dependency,
            "via": self.via,
            "mounted": self.mounted,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SkippedFile:
    """A file the audit did not (fully) read, and why: nothing is skipped silently.

    Args:
        path: relative to the audited folder, with ``/`` separators.
        reason: why, in words (``binary``, ``larger than 2 MB``, ``could not parse: …``).
    """

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """The skipped file as JSON-ready data."""
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class IssuerInfo:
    """What the project's Better Auth configuration says the backend must accept.

    Args:
        file: the file holding ``betterAuth({...})``, relative to the audited folder.
        line: the line of ``betterAuth(``.
        jwt_plugin: whether the ``jwt()`` plugin is in the plugins list.
        algorithm: the plugin's signing algorithm (``EdDSA`` unless configured).
        base_url: the Better Auth base URL (``baseURL:`` or ``BETTER_AUTH_URL``), if known.
        base_path: the auth route prefix (``/api/auth`` unless ``basePath:``).
        jwks_url: the JWKS URL the backend must fetch keys from, if the base URL is known.
        audience: the ``aud`` the tokens carry (the base URL origin unless configured).
        issuer: the ``iss`` the tokens carry.
        evidence: where each value came from, in words.
    """

    file: str
    line: int
    jwt_plugin: bool
    algorithm: str | None = None
    base_url: str | None = None
    base_path: str = "/api/auth"
    jwks_url: str | None = None
    audience: str | None = None
    issuer: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def location(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"

    def to_dict(self) -> dict[str, Any]:
        """The issuer as JSON-ready data."""
        return {
            "file": self.file,
            "line": self.line,
            "jwt_plugin": self.jwt_plugin,
            "algorithm": self.algorithm,
            "base_url": self.base_url,
            "base_path": self.base_path,
            "jwks_url": self.jwks_url,
            "audience": self.audience,
            "issuer": self.issuer,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit found.

    Args:
        findings: sorted by file, line and code.
        routes: every route, sorted by path and method.
        files_scanned: files read (Python, TypeScript/JavaScript, .env, logs, fixtures).
        parse_errors: Python files that did not parse (each is an AUDIT-PARSE-ERROR).
        files_skipped: files not audited: binary, undecodable or huge.
        root: the audited folder (absolute), to show a finding's source around its line.
        kinds: files read per kind (``python``, ``script``, ``env``, ``log``, ``data``).
        issuer: the Better Auth configuration found in the frontend, if any.
        skipped: every file not audited (unread, unparsed, config not applied), with why.
        token_issuers: who issues the tokens the backend verifies (own code, Better Auth,
            an external IdP), each with its evidence.
        masks: the secret values of the project's ``.env`` files, to mask exactly in any
            source shown (never serialised, never in ``repr``).
    """

    findings: tuple[AuditFinding, ...] = field(default=())
    routes: tuple[Route, ...] = field(default=())
    files_scanned: int = 0
    parse_errors: int = 0
    files_skipped: int = 0
    root: str = ""
    kinds: tuple[tuple[str, int], ...] = field(default=())
    issuer: IssuerInfo | None = None
    skipped: tuple[SkippedFile, ...] = field(default=())
    token_issuers: tuple[str, ...] = field(default=())
    masks: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def fails(self) -> bool:
        """True when a finding is an error or critical (the exit code of ``inspect``)."""
        return any(f.severity.fails for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "files_scanned": self.files_scanned,
            "parse_errors": self.parse_errors,
            "files_skipped": self.files_skipped,
            "files_by_kind": dict(self.kinds),
            "skipped": [s.to_dict() for s in self.skipped],
            "issuer": self.issuer.to_dict() if self.issuer else None,
            "token_issuers": list(self.token_issuers),
            "routes": [r.to_dict() for r in self.routes],
            "findings": [f.to_dict() for f in self.findings],
        }
