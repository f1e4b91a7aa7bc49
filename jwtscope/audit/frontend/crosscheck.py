"""Frontend against backend: what Better Auth issues versus what the backend accepts.

From the ``betterAuth({...})`` and ``jwt({...})`` calls and the ``.env`` files this module
works out the issuer (:class:`IssuerInfo`: algorithm, base URL, JWKS URL, audience,
issuer), then holds every backend ``jwt.decode`` and JWKS URL against it — the mismatches
a replay would find with a failing request, found before anyone sends one. It also
decides (with :mod:`jwtscope.audit.frontend.fetch_judge`) which frontend ``fetch()`` and
``axios`` calls without credentials reach a protected route.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jwtscope.audit.codes import make
from jwtscope.audit.envfiles import EnvFiles
from jwtscope.audit.frontend.ba_client import header_hidden
from jwtscope.audit.frontend.claim_match import claim_difference, env_values, host_note, near_miss
from jwtscope.audit.frontend.fetch_judge import judge_fetch
from jwtscope.audit.frontend.frontend_scan import module_key
from jwtscope.audit.frontend.scriptfacts import (
    AuthConfig,
    CorsExpose,
    FetchCall,
    HeaderRead,
    JwtPluginCall,
    ScriptFacts,
)
from jwtscope.audit.model import AuditFinding, IssuerInfo, Route
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import DecodeCall, ModuleSummary, Piece
from jwtscope.core.keys.env_snapshot import origin_of
from jwtscope.core.pyjwt_fix import pyjwt_call

__all__ = ["Frontend", "JwksRef", "crosscheck", "issuer_of"]

#: Where Better Auth reads its base URL when ``baseURL`` is not set in the config.
_BASE_URL_ENV = (
    "BETTER_AUTH_URL",
    "NEXT_PUBLIC_BETTER_AUTH_URL",
    "PUBLIC_BETTER_AUTH_URL",
    "NUXT_PUBLIC_BETTER_AUTH_URL",
)
_BA_SECRET = ("BETTER_AUTH_SECRET", "AUTH_SECRET")


@dataclass(frozen=True)
class JwksRef:
    """A JWKS URL written in the backend's source or env files."""

    path: str
    line: int
    source: str
    url: str


@dataclass
class Frontend:
    """The frontend facts of the whole project, merged from every script file."""

    configs: list[AuthConfig] = field(default_factory=list)
    jwt_calls: list[JwtPluginCall] = field(default_factory=list)
    fetches: list[FetchCall] = field(default_factory=list)
    jwks_refs: list[JwksRef] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)  # script files that do not parse
    axios_defaults: bool = False  # some file sets axios-wide headers or interceptors
    exports: dict[str, dict[str, str]] = field(default_factory=dict)  # by module_key
    cors: list[CorsExpose] = field(default_factory=list)
    jwt_reads: list[HeaderRead] = field(default_factory=list)
    secure_cookies_off: bool = False

    def add(self, facts: ScriptFacts, path: str = "") -> None:
        """Merge one file's facts."""
        if facts.error_line is not None:
            self.unparsed.append(path)
        self.configs += facts.configs
        self.jwt_calls += facts.jwt_calls
        self.fetches += facts.fetches
        self.axios_defaults = self.axios_defaults or facts.axios_defaults
        self.cors += facts.cors
        self.jwt_reads += facts.jwt_reads
        self.secure_cookies_off = self.secure_cookies_off or facts.secure_cookies_off
        if facts.exports:
            self.exports[module_key(path)] = facts.exports


def issuer_of(front: Frontend, env: EnvFiles) -> IssuerInfo | None:
    """The Better Auth issuer of the project, from its first ``betterAuth()`` config."""
    if not front.configs:
        return None
    config = sorted(front.configs, key=lambda c: (c.path, c.line))[0]
    evidence = [f"betterAuth() at {config.path}:{config.line}"]
    plugin = next((c for c in front.jwt_calls if c.path == config.path), None) or (
        front.jwt_calls[0] if front.jwt_calls else None
    )
    base_url = config.base_url
    module, name = config.base_url_import or ("", "")
    if base_url is None and name in front.exports.get(module, {}):
        base_url = front.exports[module][name]
        evidence.append(f"baseURL {base_url!r} ({name} of {module})")
    elif base_url:
        evidence.append(f"baseURL {base_url!r} in the config")
    elif config.base_url_set and not config.base_url_env:
        evidence.append("baseURL is an expression the audit cannot evaluate")
    else:
        names = (config.base_url_env,) if config.base_url_env else _BASE_URL_ENV
        for name in names:
            hit = env.lookup(name, config.path) if name else None
            if hit is not None:
                base_url = hit[0].strip()
                evidence.append(f"baseURL from {name} in {hit[1].rel}")
                break
        else:
            evidence.append(f"baseURL: {' / '.join(n for n in names if n)} not found in .env files")
    origin = origin_of(base_url) if base_url else None
    base_path = config.base_path or "/api/auth"
    if base_url and not config.base_path:
        path = urlsplit(base_url).path.rstrip("/")
        if path:
            base_path = path
    jwks_url = None
    if plugin is not None and plugin.remote_url:
        jwks_url = plugin.remote_url
        evidence.append(f"jwks.remoteUrl in {plugin.path}:{plugin.line}")
    elif origin:
        jwks_url = (
            origin
            + base_path.rstrip("/")
            + (plugin.jwks_path if plugin and plugin.jwks_path else "/jwks")
        )
    unknown = plugin is not None and plugin.claims_unknown
    if unknown:
        evidence.append("jwt.issuer/jwt.audience are expressions: aud/iss not checked")
    if plugin is not None:
        evidence.append(
            f"jwt() at {plugin.path}:{plugin.line}, "
            + (
                f"alg {plugin.alg}"
                if plugin.alg_set and plugin.alg
                else "alg EdDSA (default)"
                if not plugin.alg_set
                else "alg not a literal"
            )
        )
    return IssuerInfo(
        file=config.path,
        line=config.line,
        jwt_plugin=plugin is not None,
        algorithm=plugin.alg if plugin is not None else None,
        base_url=base_url,
        base_path=base_path,
        jwks_url=jwks_url,
        audience=None if unknown else (plugin.audience if plugin and plugin.audience else origin),
        issuer=None if unknown else (plugin.issuer if plugin and plugin.issuer else origin),
        evidence=tuple(evidence),
    )


def _joined(project: Project, module: str, parts: tuple[Piece, ...] | None) -> str | None:
    if parts is None:
        return None
    out = []
    for part in parts:
        value = part if isinstance(part, str) else project.string(module, part)
        if value is None:
            return None
        out.append(value)
    return "".join(out)


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def _jwks_keyed(call: DecodeCall) -> bool:
    keys = " ".join(call.key_names).lower() + " " + call.key_src.lower()
    return "jwk" in keys or "signing_key" in keys or "public" in keys


def _is_ba_decode(call: DecodeCall, project: Project) -> bool:
    """Does this decode verify Better Auth's tokens (not the backend's own)?"""
    if any(name in call.key_names for name in _BA_SECRET):
        return True
    return _jwks_keyed(call) or not project.facts.sign_algorithms  # mints none of its own


class _Check:
    def __init__(
        self, project: Project, issuer: IssuerInfo, front: Frontend, env: EnvFiles | None
    ) -> None:
        self.project = project
        self.env = env
        self.issuer = issuer
        self.front = front
        self.findings: list[AuditFinding] = []
        self.mismatched: set[tuple[str, int]] = set()

    def fix(self, call: DecodeCall) -> str:
        iss = self.issuer
        payload = {"aud": iss.audience, "iss": iss.issuer} if iss.audience else None
        return pyjwt_call(
            payload, iss.algorithm or "EdDSA", jwks_url=iss.jwks_url, token=call.token_src
        )

    def add(self, code: str, m: ModuleSummary, call: DecodeCall, detail: str) -> None:
        self.findings.append(
            make(
                code,
                path=m.path,
                line=call.line,
                source_line=call.source,
                detail=detail,
                fix=self.fix(call),
            )
        )

    def decodes(self) -> None:
        iss = self.issuer
        known = {u.rstrip("/") for u in self.project.facts.base_urls}
        for value in (iss.audience, iss.issuer, iss.base_url):
            if value:
                known.add(value.rstrip("/"))
        ba_origins = {origin_of(u) for u in (iss.jwks_url or "", *self.project.facts.base_urls)}
        # Keys from another issuer's JWKS too (Auth0, Google…): a decode may be for either,
        # so only one that names Better Auth's secret is held against Better Auth.
        foreign = any(origin_of(r.url) not in ba_origins for r in self.front.jwks_refs)
        for m in self.project.modules.values():
            for call in m.decodes:
                if call.verify_off or not _is_ba_decode(call, self.project):
                    continue
                if foreign and not any(n in _BA_SECRET for n in call.key_names):
                    continue
                where = f"jwt.decode in {call.in_function}()" if call.in_function else "jwt.decode"
                algs = (
                    self.project.strings(m.name, call.algorithms)
                    if call.algorithms is not None
                    else None
                )
                if iss.jwt_plugin and iss.algorithm and algs and iss.algorithm not in algs:
                    key = (
                        " with " + ", ".join(n for n in call.key_names if n in _BA_SECRET)
                        if any(n in _BA_SECRET for n in call.key_names)
                        else ""
                    )
                    self.add(
                        "CAUSE-ALG-MISMATCH",
                        m,
                        call,
                        f"Better Auth ({iss.location}) signs its JWTs with {iss.algorithm}, "
                        f"but {where} accepts only {algs}{key}: every token is rejected "
                        "(InvalidAlgorithmError, or a signature error with the wrong key)."
                        + (
                            " BETTER_AUTH_SECRET is never the JWT key: the keys are at "
                            f"{iss.jwks_url or '/api/auth/jwks'}."
                            if key
                            else ""
                        ),
                    )
                    self.mismatched.add((m.path, call.line))
                if not iss.jwt_plugin:
                    continue
                for kind in ("audience", "issuer"):
                    self.claim(kind, m, call, where, known)

    def claim(
        self, kind: str, m: ModuleSummary, call: DecodeCall, where: str, known: set[str]
    ) -> None:
        """The backend's audience=/issuer= against Better Auth's aud/iss."""
        pieces = call.audience if kind == "audience" else call.issuer
        value = _joined(self.project, m.name, pieces)
        expected = self.issuer.audience if kind == "audience" else self.issuer.issuer
        if not value or not expected:
            return
        custom = any(getattr(c, kind) for c in self.front.jwt_calls)
        refs = [p for p in pieces or () if not isinstance(p, str) and len(p) > 1]
        set_by_env = [env_values(self.env, r[-1], m.path) for r in refs]
        overridden = any(set_by_env)
        if len(pieces or ()) == 1 and len(set_by_env) == 1 and len(set_by_env[0]) == 1:
            value, overridden = next(iter(set_by_env[0])), False  # the .env value runs
        bases = {u.rstrip("/") for u in self.project.facts.base_urls}
        detail = near_miss(
            kind, value, expected, custom=custom, base_urls=bases, overridden=overridden
        )
        if detail is not None:
            self.add("AUDIT-BA-ISS-AUD-MISMATCH", m, call, f"{where}: {detail}")
        elif value.rstrip("/") not in known and claim_difference(value, expected) is None:
            claim = "aud" if kind == "audience" else "iss"
            self.add(
                "CAUSE-AUDIENCE" if kind == "audience" else "CAUSE-ISSUER",
                m,
                call,
                f"{where} expects {kind} {value!r}, but Better Auth puts {expected!r} in "
                f"{claim}{host_note(value, expected)} (its baseURL unless jwt.{kind} is "
                "set): every token fails with "
                + ("InvalidAudienceError." if kind == "audience" else "InvalidIssuerError."),
            )

    def plugin_missing(self) -> None:
        iss = self.issuer
        if iss.jwt_plugin or self.front.unparsed:
            return  # the plugin is there, or may be in a file that does not parse
        # Evidence that the backend expects Better Auth JWTs: its JWKS URL (/api/auth/…), a
        # decode keyed with BETTER_AUTH_SECRET, or — when no other issuer's keys are in
        # sight — any decode of tokens the backend does not mint itself.
        foreign = any("/api/auth/" not in r.url for r in self.front.jwks_refs)
        backend = next(
            (
                f"JWKS URL at {r.path}:{r.line}"
                for r in self.front.jwks_refs
                if "/api/auth/" in r.url
            ),
            None,
        ) or next(
            (
                f"jwt.decode at {m.path}:{c.line}"
                for m in self.project.modules.values()
                for c in m.decodes
                if not c.verify_off
                and _is_ba_decode(c, self.project)
                and (not foreign or any(n in _BA_SECRET for n in c.key_names))
            ),
            None,
        )
        if backend is None:
            return
        config = next(c for c in self.front.configs if (c.path, c.line) == (iss.file, iss.line))
        self.findings.append(
            make(
                "AUDIT-BA-NO-JWT-PLUGIN",
                path=iss.file,
                line=iss.line,
                source_line=config.source,
                detail=f"The backend verifies JWTs ({backend}), but this Better Auth "
                "configuration has no jwt() plugin: there is no /api/auth/token nor "
                "/api/auth/jwks, and the only credential the frontend has is the session "
                "token, which is not a JWT.",
                fix='Add the plugin: import { jwt } from "better-auth/plugins"; '
                "betterAuth({ …, plugins: [jwt()] }) — and jwtClient() in createAuthClient.",
            )
        )

    def jwks(self) -> None:
        iss = self.issuer
        if not iss.jwks_url or not iss.jwt_plugin:
            return
        expected = urlsplit(iss.jwks_url).path.rstrip("/")
        origins = {origin_of(iss.jwks_url), *(origin_of(u) for u in self.project.facts.base_urls)}
        for ref in self.front.jwks_refs:
            path = urlsplit(ref.url).path.rstrip("/")
            if path == expected or origin_of(ref.url) not in origins:
                continue  # right path, or another issuer's keys (Auth0, Google…)
            self.findings.append(
                make(
                    "AUDIT-JWKS-URL-MISMATCH",
                    path=ref.path,
                    line=ref.line,
                    source_line=ref.source,
                    detail=f"The backend fetches keys from {ref.url}, but Better Auth "
                    f"({iss.location}) publishes them at {iss.jwks_url} (path {expected}).",
                    fix=f'JWKS_URL = "{iss.jwks_url}"',
                )
            )


def crosscheck(
    project: Project,
    routes: list[Route],
    front: Frontend,
    issuer: IssuerInfo | None,
    env: EnvFiles | None = None,
) -> tuple[list[AuditFinding], set[tuple[str, int]]]:
    """The cross-check findings, and the ``(path, line)`` of backend decodes whose
    algorithm contradicts the issuer (their backend-only twin finding is dropped)."""
    findings: list[AuditFinding] = []
    mismatched: set[tuple[str, int]] = set()
    if issuer is not None:
        check = _Check(project, issuer, front, env)
        check.decodes()
        check.plugin_missing()
        check.jwks()
        findings += check.findings
        mismatched = check.mismatched
    findings += header_hidden(front.cors, front.jwt_reads)
    for fetch in front.fetches:
        if fetch.client == "axios" and front.axios_defaults:
            continue  # axios-wide headers or interceptors: what is sent is set elsewhere
        finding = judge_fetch(fetch, routes)
        if finding is not None:
            findings.append(finding)
    return findings, mismatched
