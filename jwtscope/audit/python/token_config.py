"""Token settings written in the source: lifetimes, cookie flags, scopes, token types, and
credentials compared with literals.

Per-file checks the extractor calls on the way (no other file needed):

- ``AUDIT-TOKEN-NO-EXPIRY``: tokens minted without an expiry (fastapi-users
  ``JWTStrategy(lifetime_seconds=None)``, fastapi-jwt-auth ``expires_time=False``).
- ``AUDIT-COOKIE-INSECURE``: an auth cookie without ``Secure`` (``cookie_secure=False``
  as a keyword or a settings default, ``set_cookie(..., secure=False)``).
- ``AUDIT-SCOPE-SELF-GRANTED``: a token's ``scope`` claim filled from the scopes the
  client asked for in the login form (``form_data.scopes``), unchecked.
- ``AUDIT-SECRET-LITERAL`` for a credential compared with a literal
  (``api_key == "JonasIsCool"``, ``password != "test"``).

``AUDIT-TOKEN-TYPE-UNCHECKED`` is project-wide: when the project mints refresh tokens
(a ``"type": "refresh"`` claim) with the key its access tokens use, an access-token check
that never reads the type accepts a refresh token; the per-function facts are gathered
here (:func:`type_facts`) and judged in :mod:`jwtscope.audit.python.decodes`.
"""

from __future__ import annotations

import ast
import re

from jwtscope.audit.python.astutil import call_name, dotted, literal_bool, literal_str
from jwtscope.audit.python.secret_literals import Emit, SecretChecks

__all__ = ["TokenConfig", "type_facts"]

_COOKIE_SECURE = re.compile(r"(?i)^(\w*cookie_secure|secure)$")
_CREDENTIAL = re.compile(r"(?i)(password|passwd|api_?key|secret|access_?key)$")
_TYPE_KEYS = frozenset({"type", "token_type", "typ", "kind"})


class TokenConfig:
    """The per-file token-setting checks of one module."""

    def __init__(self, secrets: SecretChecks, emit: Emit) -> None:
        self.secrets = secrets
        self.emit = emit

    def on_call(self, node: ast.Call) -> None:
        """Keywords of one call: lifetimes, cookie flags."""
        name = call_name(node)
        for kw in node.keywords:
            if kw.arg == "lifetime_seconds" and name.endswith("Strategy"):
                if isinstance(kw.value, ast.Constant) and kw.value.value is None:
                    self._no_expiry(kw.value, f"{name}(lifetime_seconds=None)")
            elif kw.arg == "expires_time" and literal_bool(kw.value) is False:
                self._no_expiry(kw.value, f"{name}(expires_time=False)")
            elif (
                kw.arg
                and _COOKIE_SECURE.match(kw.arg)
                and literal_bool(kw.value) is False
                and (kw.arg != "secure" or name == "set_cookie")
            ):
                self._insecure(kw.value, f"{name}({kw.arg}=False)")

    def on_field(self, name: str, value: ast.expr) -> None:
        """A settings default: ``cookie_secure: bool = False``."""
        if "cookie_secure" in name.lower() and literal_bool(value) is False:
            self._insecure(value, f"the settings default {name} = False")

    def on_compare(self, node: ast.Compare) -> None:
        """``password != "test"``: a credential checked against a literal in the source."""
        sides = [node.left, *node.comparators]
        named = [s for s in sides if _credential(s)]
        literals = [(s, text) for s in sides for text in [literal_str(s)] if text]
        if named and literals and isinstance(node.ops[0], ast.Eq | ast.NotEq):
            at, value = literals[0]
            what = ".".join(dotted(named[0]) or ("a credential",))
            self.secrets.literal(at, value, f"compared with {what}")

    def on_function(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, nodes: list[ast.AST]) -> None:
        """A token whose ``scope`` claim is the login form's requested scopes."""
        forms = {
            a.arg
            for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)
            for written in (a.annotation, _default_of(fn, a))
            if written is not None and "OAuth2PasswordRequestForm" in ast.unparse(written)
        }
        if not forms:
            return
        for n in nodes:
            if not isinstance(n, ast.Dict):
                continue
            for key, value in zip(n.keys, n.values, strict=True):
                if literal_str(key) in ("scope", "scopes", "scp") and _asked_scopes(value, forms):
                    self.emit(
                        "AUDIT-SCOPE-SELF-GRANTED",
                        value.lineno,
                        "The token's scope claim is filled from the scopes the client asked "
                        "for in the login form: any user can grant themselves any scope.",
                        "Grant only the scopes the user holds: "
                        "[s for s in form_data.scopes if s in user.scopes].",
                    )

    def _no_expiry(self, node: ast.expr, what: str) -> None:
        self.emit(
            "AUDIT-TOKEN-NO-EXPIRY",
            node.lineno,
            f"Tokens are minted without an expiry ({what}): a leaked token works forever.",
            "Give them a lifetime (e.g. lifetime_seconds=3600) and refresh them.",
        )

    def _insecure(self, node: ast.expr, what: str) -> None:
        self.emit(
            "AUDIT-COOKIE-INSECURE",
            node.lineno,
            f"The auth cookie is sent without Secure ({what}): it travels over plain "
            "http, where anyone on the path can read it.",
            "Set Secure in production (cookie_secure=True) and turn it off only for local "
            "development, from the environment.",
        )


def _credential(node: ast.expr) -> bool:
    ref = dotted(node)
    return bool(ref) and bool(_CREDENTIAL.search(ref[-1])) if ref else False


def _asked_scopes(value: ast.expr, forms: set[str]) -> bool:
    return any(
        isinstance(n, ast.Attribute)
        and n.attr == "scopes"
        and isinstance(n.value, ast.Name)
        and n.value.id in forms
        for n in ast.walk(value)
    )


def _default_of(fn: ast.FunctionDef | ast.AsyncFunctionDef, arg: ast.arg) -> ast.expr | None:
    positional = [*fn.args.posonlyargs, *fn.args.args]
    if arg in positional:
        index = positional.index(arg) - (len(positional) - len(fn.args.defaults))
        return fn.args.defaults[index] if index >= 0 else None
    if arg in fn.args.kwonlyargs:
        return fn.args.kw_defaults[fn.args.kwonlyargs.index(arg)]
    return None


def type_facts(nodes: list[ast.AST]) -> tuple[bool, bool, bool]:
    """Of one function: whether it mints a refresh token (a dict ``"type": "refresh"``),
    reads a token type claim (``payload["type"]``, ``.get("token_type")``, a comparison
    with ``"access"``/``"refresh"``), and mentions refresh at all (a refresh handler)."""
    mints_refresh = reads_type = refresh = False
    for n in nodes:
        if isinstance(n, ast.Dict):
            for key, value in zip(n.keys, n.values, strict=True):
                if literal_str(key) in _TYPE_KEYS and "refresh" in (literal_str(value) or ""):
                    mints_refresh = True
        elif isinstance(n, ast.Subscript) and literal_str(n.slice) in _TYPE_KEYS:
            reads_type = True
        elif isinstance(n, ast.Call) and call_name(n) == "get" and n.args:
            reads_type = reads_type or literal_str(n.args[0]) in _TYPE_KEYS
        elif isinstance(n, ast.Compare):
            texts = {literal_str(side) for side in (n.left, *n.comparators)}
            reads_type = reads_type or bool(texts & {"access", "refresh"})
        elif isinstance(n, ast.Constant) and isinstance(n.value, str):
            refresh = refresh or "refresh" in n.value.lower()
        elif isinstance(n, ast.Name | ast.Attribute):
            text = n.id if isinstance(n, ast.Name) else n.attr
            refresh = refresh or "refresh" in text.lower()
    return mints_refresh, reads_type, refresh
