"""What a Python backend does with Better Auth's artefacts, read from each module's syntax
tree: session cookies read by their literal name (``__Secure-`` on https), JWKS loaded once
(:mod:`jwtscope.audit.python.jwks_cache`), joserfc allow-lists, and which modules verify
with PyJWT (for the dependency check of :mod:`jwtscope.audit.python.pydeps`).

Modules are parsed again only when their text holds one of the words these checks need,
and only small records are kept. The project-level verdicts (is the prefix handled
anywhere, are the tokens EdDSA) are given in :meth:`BaBackend.finish`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python.astutil import call_name, dotted, keyword, literal_strs
from jwtscope.audit.python.jwks_cache import jwks_loads
from jwtscope.audit.python.pyparse import PARSE_FAILURES, parse_python
from jwtscope.audit.redact import redact_line

__all__ = ["BaBackend"]

_COOKIES = ("better-auth.session_token", "better-auth.session_data")
_WORDS = ("better-auth.session", "__Secure-", "jwks", "JWKS", "joserfc", "import jwt", "from jwt")


@dataclass(frozen=True)
class _Site:
    path: str
    line: int
    source: str
    what: str


@dataclass
class BaBackend:
    """Fed every non-test Python module; judged once the whole project is read."""

    cookies: list[_Site] = field(default_factory=list)
    secure_prefix: bool = False
    jose_rfc: list[tuple[_Site, tuple[str, ...] | None]] = field(default_factory=list)
    pyjwt_verifiers: list[str] = field(default_factory=list)  # paths of modules
    findings: list[AuditFinding] = field(default_factory=list)

    def add(self, rel: str, text: str) -> None:
        """Read one module (silently skipped when it does not parse: the audit says so)."""
        if not any(word in text for word in _WORDS):
            return
        try:
            tree = parse_python(text, rel)
        except PARSE_FAILURES:
            return
        lines = text.splitlines()

        def site(line: int, what: str) -> _Site:
            source = lines[line - 1] if 0 < line <= len(lines) else ""
            return _Site(rel, line, redact_line(source).strip(), what)

        self._cookies(tree, site)
        imports = _imports(tree)
        pyjwt = any(m == "jwt" or m.startswith("jwt.") for m in imports.values())
        if pyjwt and ("decode" in text or "PyJWKClient" in text):
            self.pyjwt_verifiers.append(rel)
        self._joserfc(tree, imports, site)
        if "jwks" in text.lower():
            for load in jwks_loads(tree):
                s = site(load.line, load.how)
                self.findings.append(
                    make(
                        "AUDIT-JWKS-NO-REFRESH",
                        path=rel,
                        line=load.line,
                        source_line=s.source,
                        detail=f"The JWKS is fetched {load.how} and never refetched: when "
                        "the issuer rotates its key (Better Auth: jwks.rotationInterval), "
                        "tokens with the new kid fail until the backend restarts.",
                        fix="Let PyJWT's client fetch and refresh the keys (it refetches on an "
                        "unknown kid):\njwks_client = jwt.PyJWKClient(JWKS_URL)\n"
                        "key = jwks_client.get_signing_key_from_jwt(token).key",
                    )
                )

    def _cookies(self, tree: ast.Module, site: Callable[[int, str], _Site]) -> None:
        in_fstring = {
            id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if "__Secure-" in node.value:
                self.secure_prefix = True
            elif node.value in _COOKIES and id(node) not in in_fstring:
                self.cookies.append(site(node.lineno, node.value))

    def _joserfc(
        self, tree: ast.Module, imports: dict[str, str], site: Callable[[int, str], _Site]
    ) -> None:
        names = {local for local, module in imports.items() if module.startswith("joserfc")}
        if not names:
            return
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            ref = dotted(node.func)
            if not ref or ref[0] not in names:
                continue
            module = imports[ref[0]]
            full = [*module.split("."), *ref[1:]]
            if full[-1] == "decode" and "jwt" in full:
                algs = keyword(node, "algorithms")
                if algs is None and len(node.args) > 2:
                    algs = node.args[2]
            elif full[-1] == "JsonWebToken":
                algs = node.args[0] if node.args else keyword(node, "algorithms")
            else:
                continue
            listed = literal_strs(algs) if algs is not None else None
            if algs is not None and listed is None:
                continue  # not a literal: unknown, say nothing
            self.jose_rfc.append((site(node.lineno, call_name(node)), listed))

    def finish(self, *, eddsa: str | None, secure_cookies_off: bool) -> list[AuditFinding]:
        """The findings; ``eddsa``: the evidence that the tokens are EdDSA (None: not)."""
        out = list(self.findings)
        if not self.secure_prefix and not secure_cookies_off:
            for s in self.cookies:
                out.append(
                    make(
                        "AUDIT-BA-COOKIE-PREFIX",
                        path=s.path,
                        line=s.line,
                        source_line=s.source,
                        detail=f"The backend reads the cookie {s.what!r} by this name only. "
                        f"Over https Better Auth sets '__Secure-{s.what}' instead: it works "
                        "in development and no session is found in production.",
                        fix="Read both names:\nraw = request.cookies.get("
                        f'"__Secure-{s.what}") or request.cookies.get("{s.what}")',
                    )
                )
        for s, algs in self.jose_rfc if eddsa else ():
            if algs is not None and "EdDSA" in algs:
                continue
            allowed = (
                f"algorithms={list(algs)}"
                if algs is not None
                else "no algorithms (joserfc's defaults: HS256, RS256, ES256)"
            )
            out.append(
                make(
                    "AUDIT-VERIFIER-NO-EDDSA",
                    path=s.path,
                    line=s.line,
                    source_line=s.source,
                    detail=f"joserfc's {s.what} is given {allowed}, but the tokens are EdDSA "
                    f"({eddsa}): joserfc refuses them (UnsupportedAlgorithmError: "
                    "'EdDSA' is not allowed). 'Ed25519' in the list does not admit a token "
                    "whose alg is 'EdDSA'.",
                    fix='Allow exactly what Better Auth signs with: algorithms=["EdDSA"]',
                )
            )
        return out


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> the module (or ``module.name``) it stands for, at module level."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                out[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                out[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return out
