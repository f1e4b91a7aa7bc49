"""The frontend half of the audit: Better Auth's configuration and how the app sends tokens.

Reads TypeScript/JavaScript as text (:mod:`jwtscope.audit.frontend.jstext`). Per file it finds:

- ``betterAuth({...})``: ``baseURL``, ``basePath``, a ``secret:`` literal or a literal
  fallback (``process.env.X || "dev"``);
- ``jwt({...})`` of ``better-auth/plugins``: the key algorithm (``jwks.keyPairConfig.alg``,
  ``EdDSA`` by default), ``jwt.issuer``/``jwt.audience``, ``jwks.jwksPath``/``remoteUrl``;
- tokens written to ``localStorage``/``sessionStorage`` and ``fetch()`` calls to the
  backend API with neither an ``Authorization`` header nor ``credentials``
  (:mod:`jwtscope.audit.frontend.token_transport`);
- ``Bearer ${token}`` where nothing checks that ``token`` exists
  (:mod:`jwtscope.audit.frontend.bearer`).

Everything is kept as small records (:class:`ScriptFacts`); the project-level questions
(which base URL, is the plugin anywhere, does a fetch target a protected route) are
answered in :mod:`jwtscope.audit.frontend.crosscheck`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jwtscope.audit.codes import make
from jwtscope.audit.frontend.bearer import BearerChecks
from jwtscope.audit.frontend.jstext import JsText, StringLit, lex
from jwtscope.audit.frontend.scriptfacts import AuthConfig, JwtPluginCall, ScriptFacts
from jwtscope.audit.frontend.token_transport import TokenTransportChecks
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.redact import redact_line
from jwtscope.core.findings import Severity
from jwtscope.core.keys.common_secrets import is_common
from jwtscope.core.keys.keyset import fingerprint

__all__ = ["scan_script"]

_KEYWORDS = (
    "betterAuth",
    "Bearer",
    "localStorage",
    "sessionStorage",
    "fetch",
    "secret",
    "Secret",
    "SECRET",
    "jwt",
)
_BETTER_AUTH = re.compile(r"\bbetterAuth\s*\(")
_PLUGIN_IMPORT = re.compile(
    r"""import\s*(?:type\s+)?\{(?P<names>[^}]*)\}\s*from\s*["']better-auth/plugins(?:/jwt)?["']"""
)
_ENV_REF = re.compile(
    r"""(?:process\.env|import\.meta\.env|Bun\.env|Deno\.env\.get\()\s*(?:\.|\[\s*["'`]|\(\s*["'])?"""
    r"""(?P<name>[A-Za-z_][A-Za-z0-9_]*)"""
)
_SECRET_CONST = re.compile(
    r"(?m)^\s*(?:export\s+)?(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*(?:SECRET|Secret|secret)[\w$]*)"
    r"\s*(?::\s*string\s*)?=\s*"
)
#: ``process.env.JWT_SECRET ||`` / ``?? `` with a secret-like name: a literal follows.
_ENV_FALLBACK = re.compile(
    r"""process\.env(?:\.|\[\s*["'])(?P<name>[A-Z0-9_]*(?:SECRET|PRIVATE_KEY|SIGNING_KEY)"""
    r"""[A-Z0-9_]*)(?:["']\s*\])?!?\s*(?:\|\||\?\?)\s*"""
)
_PLACEHOLDER = re.compile(
    r"(?i)^(?:your|change|replace|example|placeholder|dummy|xxx|<|\*\*\*|todo)"
)


def _value_after(
    js: JsText, region_start: int, region_end: int, key: str
) -> tuple[int, int] | None:
    """The span of the value of ``key:`` inside ``[region_start, region_end)``."""
    m = re.compile(rf"(?<![\w$.]){re.escape(key)}\s*:").search(js.shape, region_start, region_end)
    if m is None:
        return None
    start = m.end()
    while start < region_end and js.shape[start] in " \t\r\n":
        start += 1
    return start, min(js.expression_end(start), region_end)


def _literal(js: JsText, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    lit = js.string_at(span[0])
    if lit is not None and lit.end >= span[1] - 1 and js.shape[lit.end : span[1]].strip() == "":
        return lit.value
    return None


def _env_name(js: JsText, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    m = _ENV_REF.search(js.code, span[0], span[1])
    return m.group("name") if m else None


class _Scanner(BearerChecks, TokenTransportChecks):
    def __init__(self, js: JsText, path: str) -> None:
        self.js = js
        self.path = path
        self._fallbacks: set[int] = set()
        self.findings: list[AuditFinding] = []
        self.facts = ScriptFacts()

    def emit(
        self, code: str, pos: int, detail: str, fix: str, hide: StringLit | None = None
    ) -> None:
        """Add a finding at ``pos``; ``hide`` is a literal to show as its fingerprint."""
        line = self.js.line_of(pos)
        text = self.js.line(line)
        if hide is not None:
            if self.js.line_of(hide.start) == line == self.js.line_of(hide.end - 1):
                start = hide.start - self.js.offset_of(line)
                shown = fingerprint(hide.value.encode(), len(hide.value))
                text = f'{text[:start]}"<redacted: {shown}>"{text[start + hide.end - hide.start :]}'
            else:
                text = "<source line hidden: it holds a secret>"
        self.findings.append(
            make(
                code,
                path=self.path,
                line=line,
                source_line=redact_line(text),
                detail=detail,
                fix=fix,
            )
        )

    # -- Better Auth configuration -------------------------------------------------------
    def configs(self) -> None:
        js = self.js
        for m in _BETTER_AUTH.finditer(js.shape):
            open_paren = m.end() - 1
            close = js.close_of(open_paren)
            arg = open_paren + 1
            while arg < close and js.shape[arg] in " \t\r\n":
                arg += 1
            if arg >= close or js.shape[arg] != "{":
                continue
            end = js.close_of(arg)
            base = _value_after(js, arg, end, "baseURL")
            plugins = _value_after(js, arg, end, "plugins")
            secret = _value_after(js, arg, end, "secret")
            self.facts.configs.append(
                AuthConfig(
                    path=self.path,
                    line=js.line_of(m.start()),
                    source=js.line(js.line_of(m.start())).strip(),
                    base_url=_literal(js, base),
                    base_url_env=_env_name(js, base),
                    base_url_set=base is not None,
                    base_path=_literal(js, _value_after(js, arg, end, "basePath")),
                    plugins_literal=plugins is not None and js.shape[plugins[0]] == "[",
                    secret_given=secret is not None,
                    secret_env=_env_name(js, secret),
                )
            )
            self.secret(secret, "betterAuth({ secret })")

    def secret(self, span: tuple[int, int] | None, where: str) -> None:
        if span is None:
            return
        js = self.js
        value = _literal(js, span)
        if value is not None:
            lit = js.string_at(span[0])
            if value and lit is not None and not _PLACEHOLDER.match(value):
                self._secret_literal(lit, where)
            return
        env = _env_name(js, span)
        fallback = re.search(r"(\|\||\?\?)\s*", js.shape[span[0] : span[1]])
        if env and fallback:
            lit = js.string_at(span[0] + fallback.end())
            if lit is not None and lit.value:
                self._fallback(lit, env, where)

    def _fallback(self, lit: StringLit, env: str, where: str) -> None:
        if lit.start in self._fallbacks:
            return
        self._fallbacks.add(lit.start)
        common = is_common(lit.value)
        ba = where.startswith("betterAuth")
        self.emit(
            "AUDIT-SECRET-DEFAULT",
            lit.start,
            f"{where} falls back to a literal when {env} is unset"
            + (" — and that literal is a published default" if common else "")
            + ": a deploy that forgets the variable signs with it.",
            f"Fail fast instead: secret: process.env.{env} (Better Auth refuses to start in "
            "production without one)."
            if ba
            else f"const {_camel(env)} = process.env.{env};\n"
            f'if (!{_camel(env)}) throw new Error("{env} is not set");',
            hide=lit,
        )
        if common:
            self.findings[-1] = _with_severity(self.findings[-1], "critical")

    def env_fallbacks(self) -> None:
        """``process.env.JWT_SECRET || "dev"`` anywhere: a secret with a literal default."""
        js = self.js
        for m in _ENV_FALLBACK.finditer(js.code):
            lit = js.string_at(m.end())
            if lit is not None and lit.value and not _PLACEHOLDER.match(lit.value):
                self._fallback(lit, m.group("name"), f"process.env.{m.group('name')}")

    def _secret_literal(self, lit: StringLit, where: str) -> None:
        common = is_common(lit.value)
        self.emit(
            "AUDIT-SECRET-LITERAL",
            lit.start,
            f"{where} is a literal in the source"
            + (" and a published default/sample value" if common else "")
            + (
                ": anyone with the repository can sign session cookies and forge sessions."
                if where.startswith("betterAuth")
                else ": everyone with the repository has it, and rotating it takes a deploy."
            ),
            "Read it from the environment: secret: process.env.BETTER_AUTH_SECRET, and "
            "generate a new one (npx @better-auth/cli secret) — the old one is public now.",
            hide=lit,
        )
        if common:
            self.findings[-1] = _with_severity(self.findings[-1], "critical")

    def secret_consts(self) -> None:
        for m in _SECRET_CONST.finditer(self.js.shape):
            span = (m.end(), self.js.expression_end(m.end()))
            if re.search(r"(?i)(name|env|key_?name|header|cookie|url|path)$", m.group("name")):
                continue
            self.secret(span, f"{m.group('name')}")

    def jwt_plugin(self) -> None:
        js = self.js
        names: set[str] = set()
        for m in _PLUGIN_IMPORT.finditer(js.code):
            for part in m.group("names").split(","):
                bits = part.replace("type ", "").split(" as ")
                if bits[0].strip() == "jwt":
                    names.add(bits[-1].strip())
        for name in names:
            for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*\(", js.shape):
                line = js.line_of(m.start())
                if "import" in js.line(line):
                    continue
                open_paren = m.end() - 1
                close = js.close_of(open_paren)
                alg_span = _value_after(js, open_paren, close, "alg")
                jwt_opts = _value_after(js, open_paren, close, "jwt")
                inner = (jwt_opts[0], jwt_opts[1]) if jwt_opts else (open_paren, open_paren)
                iss_span = _value_after(js, *inner, "issuer")
                aud_span = _value_after(js, *inner, "audience")
                self.facts.jwt_calls.append(
                    JwtPluginCall(
                        path=self.path,
                        line=line,
                        source=js.line(line).strip(),
                        alg=_literal(js, alg_span) if alg_span else "EdDSA",
                        alg_set=alg_span is not None,
                        issuer=_literal(js, iss_span),
                        audience=_literal(js, aud_span),
                        claims_unknown=any(
                            span is not None and _literal(js, span) is None
                            for span in (iss_span, aud_span)
                        ),
                        jwks_path=_literal(js, _value_after(js, open_paren, close, "jwksPath")),
                        remote_url=_literal(js, _value_after(js, open_paren, close, "remoteUrl")),
                    )
                )


def _camel(env: str) -> str:
    """``JWT_SECRET`` -> ``jwtSecret``."""
    first, *rest = env.lower().split("_")
    return first + "".join(part.title() for part in rest)


def _with_severity(finding: AuditFinding, severity: str) -> AuditFinding:
    return replace(finding, severity=Severity(severity))


def scan_script(
    text: str, path: str, *, is_test: bool = False
) -> tuple[ScriptFacts, list[AuditFinding]]:
    """Read one TypeScript/JavaScript file.

    Args:
        text: the file's source.
        path: its path relative to the audited folder.
        is_test: test files only contribute Better Auth facts, never findings.
    """
    if not any(k in text for k in _KEYWORDS):
        return ScriptFacts(), []
    js = lex(text)
    scanner = _Scanner(js, path)
    scanner.facts.env_refs = {m.group("name") for m in _ENV_REF.finditer(js.code)}
    scanner.configs()
    scanner.jwt_plugin()
    if not is_test:
        scanner.secret_consts()
        scanner.env_fallbacks()
        scanner.storage()
        scanner.bearer()
        scanner.fetches()
    else:
        scanner.findings.clear()
    return scanner.facts, scanner.findings
