"""The frontend half of the audit: Better Auth's configuration and how the app sends tokens.

Reads TypeScript/JavaScript through its syntax tree (:mod:`jwtscope.audit.frontend.scripttree`,
tree-sitter). Per file it finds:

- ``betterAuth({...})``: ``baseURL``, ``basePath``, a ``secret:`` literal or a literal
  fallback (``process.env.X || "dev"``, ``?? "dev"``), directly or through a ``const``
  of the same file (``const secret = …; betterAuth({ secret })``); a ``baseURL`` imported
  from a relative module is looked up among that module's ``export const`` strings;
- ``jwt({...})`` of ``better-auth/plugins``: the key algorithm (``jwks.keyPairConfig.alg``,
  ``EdDSA`` by default), ``jwt.issuer``/``jwt.audience``, ``jwks.jwksPath``/``remoteUrl``;
- tokens written to ``localStorage``/``sessionStorage`` and ``fetch()``/``axios`` calls
  to the backend API with neither an ``Authorization`` header nor credentials
  (:mod:`jwtscope.audit.frontend.token_transport`);
- ``Bearer ${token}`` where nothing checks that ``token`` exists
  (:mod:`jwtscope.audit.frontend.bearer`).

Everything is kept as small records (:class:`ScriptFacts`); the project-level questions
(which base URL, is the plugin anywhere, does a fetch target a protected route) are
answered in :mod:`jwtscope.audit.frontend.crosscheck`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import replace

from tree_sitter import Node

from jwtscope.audit.codes import make
from jwtscope.audit.frontend import ba_client
from jwtscope.audit.frontend.bearer import BearerChecks
from jwtscope.audit.frontend.scriptfacts import AuthConfig, JwtPluginCall, ScriptFacts
from jwtscope.audit.frontend.scripttree import Literal, Script
from jwtscope.audit.frontend.token_transport import TokenTransportChecks
from jwtscope.audit.frontend.ui_facts import read_ui, ui_imports
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.redact import redact_line
from jwtscope.core.findings import Severity
from jwtscope.core.keys.common_secrets import is_common
from jwtscope.core.keys.keyset import fingerprint

__all__ = ["module_key", "scan_script"]

_KEYWORDS = (
    "betterAuth",
    "Bearer",
    "localStorage",
    "sessionStorage",
    "fetch",
    "axios",
    "secret",
    "Secret",
    "SECRET",
    "jwt",
    "cors",
    "Expose-Headers",
    "set-auth-jwt",
    ".token(",
    "useSecureCookies",
)
_PLUGIN_MODULES = ("better-auth/plugins", "better-auth/plugins/jwt")
_SECRET_CONST = re.compile(r"[\w$]*(?:SECRET|Secret|secret)[\w$]*")
_NOT_A_SECRET = re.compile(r"(?i)(name|env|key_?name|header|cookie|url|path)$")
#: An environment variable whose name says it holds a key.
_SECRET_ENV = re.compile(r"[A-Z0-9_]*(?:SECRET|PRIVATE_KEY|SIGNING_KEY)[A-Z0-9_]*")
#: ``export const NAME = "…"``: a file worth parsing for its exports alone.
_STRING_EXPORT = re.compile(r"export\s+const\s+[\w$]+\s*(?::\s*string\s*)?=\s*[\"'`]")
_PLACEHOLDER = re.compile(
    r"(?i)^(?:your|change|replace|example|placeholder|dummy|xxx|<|\*\*\*|todo)"
)


class _Scanner(BearerChecks, TokenTransportChecks):
    def __init__(self, script: Script, path: str) -> None:
        self.js = script
        self.path = path
        self._reported: set[tuple[int, int]] = set()  # literals already reported
        self.findings: list[AuditFinding] = []
        self.facts = ScriptFacts()

    def emit(
        self, code: str, line: int, detail: str, fix: str, hide: Literal | None = None
    ) -> None:
        """Add a finding on ``line``; ``hide`` is a literal to show as its fingerprint."""
        text = self.js.line(line)
        if hide is not None:
            if hide.line == line == hide.end_line:
                shown = fingerprint(hide.value.encode(), len(hide.value))
                text = f'{text[: hide.start]}"<redacted: {shown}>"{text[hide.end :]}'
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
        for call in js.of("call"):
            if js.text_of(call.child_by_field_name("function")) != "betterAuth":
                continue
            args = js.args(call)
            obj = js.unwrap(args[0]) if args else None
            if obj is None or obj.type != "object":
                continue
            pairs = js.pairs(obj)
            base = pairs.get("baseURL")
            plugins = js.resolve(pairs.get("plugins"))
            secret = pairs.get("secret")
            line = js.line_of(call)
            base_path = js.literal(js.resolve(pairs.get("basePath")))
            base_url = js.literal(js.resolve(base))
            imported = self._imported(base) if base_url is None else None
            self.facts.configs.append(
                AuthConfig(
                    path=self.path,
                    line=line,
                    source=js.line(line).strip(),
                    base_url=base_url.value if base_url else None,
                    base_url_env=js.env_in(js.resolve(base)),
                    base_url_set=base is not None,
                    base_path=base_path.value if base_path else None,
                    plugins_literal=plugins is not None and plugins.type == "array",
                    secret_given=secret is not None,
                    secret_env=js.env_in(js.resolve(secret)),
                    base_url_import=imported,
                )
            )
            self.secret(secret, "betterAuth({ secret })")

    def _imported(self, node: Node | None) -> tuple[str, str] | None:
        """(module path, name) when ``node`` names a constant imported from a relative
        module of the project (``import { APP_URL } from "./config"``)."""
        js = self.js
        node = js.resolve(node)
        if node is None or node.type not in ("identifier", "shorthand_property_identifier"):
            return None
        spec, name = js.imports().get(js.text_of(node), ("", ""))
        if not spec.startswith("."):
            return None
        return module_key(posixpath.join(posixpath.dirname(self.path), spec)), name

    def exports(self) -> None:
        """``export const NAME = "literal"`` (not secrets), for the other files' imports."""
        js = self.js
        for decl in js.of("decl"):
            parent = decl.parent
            if parent is None or parent.parent is None or parent.parent.type != "export_statement":
                continue
            name = js.text_of(decl.child_by_field_name("name"))
            lit = js.literal(decl.child_by_field_name("value"))
            if lit is not None and not _SECRET_CONST.fullmatch(name):
                self.facts.exports[name] = lit.value

    def secret(self, node: Node | None, where: str) -> None:
        """A secret's value: a literal, or an environment variable with a literal
        fallback (through one ``const`` of the file)."""
        js = self.js
        value = js.resolve(node)
        if value is None:
            return
        lit = js.literal(value)
        if lit is not None:
            if lit.value and not _PLACEHOLDER.match(lit.value):
                self._secret_literal(lit, where)
            return
        if value.type != "binary_expression" or js.text_of(
            value.child_by_field_name("operator")
        ) not in ("||", "??"):
            return
        env = js.env_in(value.child_by_field_name("left"))
        fallback = js.literal(js.resolve(value.child_by_field_name("right")))
        if env and fallback is not None and fallback.value:
            self._fallback(fallback, env, where)

    def _fallback(self, lit: Literal, env: str, where: str) -> None:
        """A literal used when the environment variable is unset. Placeholders count
        too (``"change-me"``): it is what signs when a deploy forgets the variable."""
        if (lit.line, lit.start) in self._reported:
            return
        self._reported.add((lit.line, lit.start))
        common = is_common(lit.value)
        ba = where.startswith("betterAuth")
        self.emit(
            "AUDIT-SECRET-DEFAULT",
            lit.line,
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
        for node in js.of("binary"):
            if js.text_of(node.child_by_field_name("operator")) not in ("||", "??"):
                continue
            env = js.env_name(node.child_by_field_name("left"))
            if env is None or not _SECRET_ENV.fullmatch(env):
                continue
            lit = js.literal(node.child_by_field_name("right"))
            if lit is not None and lit.value:
                self._fallback(lit, env, f"process.env.{env}")

    def _secret_literal(self, lit: Literal, where: str) -> None:
        if (lit.line, lit.start) in self._reported:
            return
        self._reported.add((lit.line, lit.start))
        common = is_common(lit.value)
        self.emit(
            "AUDIT-SECRET-LITERAL",
            lit.line,
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
        js = self.js
        for decl in js.of("decl"):
            name = js.text_of(decl.child_by_field_name("name"))
            if _SECRET_CONST.fullmatch(name) and not _NOT_A_SECRET.search(name):
                self.secret(decl.child_by_field_name("value"), name)

    def _jwt_names(self) -> set[str]:
        """The local names of Better Auth's ``jwt`` plugin (``import { jwt as j }``)."""
        js = self.js
        names: set[str] = set()
        for node in js.of("import"):
            source = js.literal(node.child_by_field_name("source"))
            if source is None or source.value not in _PLUGIN_MODULES:
                continue
            stack = list(node.named_children)
            while stack:
                current = stack.pop()
                if current.type == "import_specifier":
                    name = current.child_by_field_name("name")
                    alias = current.child_by_field_name("alias")
                    if js.text_of(name) == "jwt":
                        names.add(js.text_of(alias or name))
                else:
                    stack.extend(current.named_children)
        return names

    def jwt_plugin(self) -> None:
        js = self.js
        names = self._jwt_names()
        if not names:
            return
        for call in js.of("call"):
            if js.text_of(call.child_by_field_name("function")) not in names:
                continue
            args = call.child_by_field_name("arguments")
            alg = js.find_pair(args, "alg")
            options = js.resolve(js.find_pair(args, "jwt"))
            iss, aud = js.find_pair(options, "issuer"), js.find_pair(options, "audience")
            line = js.line_of(call)
            self.facts.jwt_calls.append(
                JwtPluginCall(
                    path=self.path,
                    line=line,
                    source=js.line(line).strip(),
                    alg=self._value(alg) if alg is not None else "EdDSA",
                    alg_set=alg is not None,
                    issuer=self._value(iss),
                    audience=self._value(aud),
                    claims_unknown=any(
                        node is not None and self._value(node) is None for node in (iss, aud)
                    ),
                    jwks_path=self._value(js.find_pair(args, "jwksPath")),
                    remote_url=self._value(js.find_pair(args, "remoteUrl")),
                )
            )

    def better_auth_client(self) -> None:
        """CORS of the auth server, ``set-auth-jwt`` reads, a JWT fetched once
        (:mod:`jwtscope.audit.frontend.ba_client`)."""
        js, facts = self.js, self.facts
        facts.cors += ba_client.cors_exposes(js, self.path)
        facts.cors += ba_client.next_config_exposes(js, self.path)
        facts.jwt_reads += ba_client.jwt_header_reads(js, self.path)
        facts.secure_cookies_off = bool(re.search(r"useSecureCookies\s*:\s*false", js.text))
        for line, how in ba_client.cached_once(js):
            self.emit(
                "AUDIT-BA-JWT-CACHED-ONCE",
                line,
                f"The Better Auth JWT is fetched once ({how}) and reused; nothing in this "
                "file fetches a new one on a 401 or before exp. The JWT lives 15 minutes: "
                "then every API call is a 401 until the page reloads.",
                "Fetch the token when calling the API (authClient.token() per request, or "
                "cache it until shortly before its exp), and on a 401 fetch a new one and "
                "retry once.",
            )

    def _value(self, node: Node | None) -> str | None:
        """The string a value is, through one ``const`` of the file; None if not a literal."""
        lit = self.js.literal(self.js.resolve(node))
        return lit.value if lit else None


def module_key(path: str) -> str:
    """A script's path as imports name it: no extension, no ``/index``."""
    key = posixpath.normpath(path)
    key = re.sub(r"\.(?:[cm]?[jt]sx?)$", "", key)
    return key.removesuffix("/index")


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
        path: its path relative to the audited folder (its suffix picks the grammar).
        is_test: test files only contribute Better Auth facts, never findings.

    A file tree-sitter cannot parse gives no findings and only its ``error_line``: a
    verdict read from around a syntax error could be wrong.
    """
    ui = not is_test and ("import" in text or "fetch" in text or "axios" in text)
    if not ui and not any(k in text for k in _KEYWORDS) and not _STRING_EXPORT.search(text):
        return ScriptFacts(), []
    script = Script(text, path)
    if script.error_line is not None:  # its imports still count: a path to its users
        return ScriptFacts(error_line=script.error_line, ui=ui_imports(script) if ui else None), []
    scanner = _Scanner(script, path)
    scanner.facts.ui = read_ui(script) if ui else None
    scanner.facts.env_refs = {name for _, name in script.env_refs}
    checks: list[tuple[Callable[[], None], tuple[str, ...]]] = [
        (scanner.configs, ("betterAuth",)),
        (scanner.jwt_plugin, ("better-auth/plugins",)),
        (scanner.exports, ("export",)),
    ]
    if not is_test:
        checks += [
            (scanner.secret_consts, ("SECRET", "Secret", "secret")),
            (scanner.env_fallbacks, ("env",)),
            (scanner.storage, ("Storage",)),
            (scanner.bearer, ("Bearer",)),
            (scanner.fetches, ("fetch", "axios")),
            (scanner.better_auth_client, ("cors", "Expose", "set-auth-jwt", "token", "useSecure")),
        ]
    for check, needs in checks:
        if any(word in text for word in needs):  # else nothing to look for
            check()
    return scanner.facts, [] if is_test else scanner.findings
