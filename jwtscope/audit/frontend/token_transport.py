"""How the frontend keeps and sends tokens: tokens written to ``localStorage`` or
``sessionStorage``, and ``fetch()``/``axios`` calls to the backend API (recorded with
whether they carry an ``Authorization`` header or credentials, for the cross-check).

Only calls whose options are written out where they are made are recorded; ``axios``
calls are set aside at project level when some file sets axios-wide headers,
``withCredentials`` or interceptors (``axios.defaults…``, ``axios.interceptors…``).
Instances (``axios.create(…)``) are not followed.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from jwtscope.audit.frontend.scriptfacts import FetchCall, ScriptFacts
from jwtscope.audit.frontend.scripttree import Literal, Script
from jwtscope.audit.redact import redact_line

__all__ = ["TokenTransportChecks"]

_STORES = ("localStorage", "sessionStorage")
_NOT_STORED = ("getItem", "removeItem", "clear", "key", "setItem", "length")
#: A storage key that names a credential (``authorName``, ``designTokens`` do not).
_TOKEN_KEY = re.compile(
    r"(?i)(?<![a-z])(?:access_?|id_?|auth_?|refresh_?|session_?|bearer_?)?(?:token|jwt)s?(?![a-z])|"
    r"(?<![a-z])(?:bearer|credentials?|session(?:_?id)?|auth)(?![a-z])|"
    r"(?:access|auth|id|refresh|session)_?token|jwt"
)
#: A stored value that is a token: ``data.token``, ``jwt``, ``session?.accessToken``.
_TOKEN_VALUE = re.compile(
    r"(?:^|[.?\s(])(?:token|jwt|accessToken|access_token|idToken|id_token|authToken)\s*\)?\s*$"
)
#: ``axios.get(url, config)`` and the like; the methods with a body take ``(url, data, config)``.
_AXIOS_CONFIG_AT = {"get": 1, "delete": 1, "head": 1, "options": 1, "post": 2, "put": 2, "patch": 2}
_AXIOS_DEFAULTS = re.compile(r"\baxios\s*\.\s*(?:defaults|interceptors)\b")
_API_NAME = re.compile(
    r"(?i)\b[A-Za-z_$]*(api|backend|server)[A-Za-z_]*(url|base|origin|host|root|endpoint)?\b"
)


class TokenTransportChecks:
    """Mixed into the script scanner, which provides :attr:`js`, :attr:`path`,
    :attr:`facts` and :meth:`emit`."""

    js: Script
    path: str
    facts: ScriptFacts

    def emit(
        self, code: str, line: int, detail: str, fix: str, hide: Literal | None = None
    ) -> None:
        raise NotImplementedError

    def _store(self, node: Node | None) -> str | None:
        """``localStorage``/``sessionStorage`` when ``node`` is one (``window.`` too)."""
        text = self.js.text_of(self.js.unwrap(node)).replace(" ", "")
        name = text.rsplit(".", 1)[-1]
        return name if name in _STORES and text in (name, f"window.{name}") else None

    def _writes(self) -> list[tuple[Node, str, str, str]]:
        """Every write to web storage: (where, store, key as written, value as written)."""
        js = self.js
        out = []
        for call in js.of("call"):
            callee = call.child_by_field_name("function")
            if callee is None or callee.type != "member_expression":
                continue
            store = self._store(callee.child_by_field_name("object"))
            if store and js.text_of(callee.child_by_field_name("property")) == "setItem":
                args = js.args(call)
                key = js.code(args[0]) if args else ""
                out.append((call, store, key, js.code(args[1]) if len(args) > 1 else ""))
        for assign in js.of("assign"):
            left = assign.child_by_field_name("left")
            if left is None or js.text_of(assign.child(1)) != "=":
                continue
            store = self._store(left.child_by_field_name("object"))
            if store is None:
                continue
            if left.type == "subscript_expression":
                out.append((assign, store, js.code(left.child_by_field_name("index")), ""))
            else:
                prop = js.text_of(left.child_by_field_name("property"))
                if prop not in _NOT_STORED:
                    out.append((assign, store, prop, ""))
        return sorted(out, key=lambda w: w[0].start_byte)

    def storage(self) -> None:
        """AUDIT-TOKEN-WEBSTORAGE: a token written to ``localStorage``/``sessionStorage``."""
        for node, store, key, value in self._writes():
            if not _TOKEN_KEY.search(key.strip().strip("\"'`")) and not _TOKEN_VALUE.search(
                value.strip().split("??")[0].strip()
            ):
                continue
            self.emit(
                "AUDIT-TOKEN-WEBSTORAGE",
                self.js.line_of(node),
                f"A token is stored in {store} ({key.strip()[:40]}): any script injected into "
                "the page (XSS, a compromised npm dependency) can read and send it elsewhere.",
                "Keep the JWT in memory and fetch a fresh one when needed "
                "(await authClient.token() with the jwtClient plugin, or the set-auth-jwt "
                "header of getSession); the session itself stays in Better Auth's httpOnly "
                "cookie.",
            )

    def fetches(self) -> None:
        """Record each ``fetch()``/``axios`` call to the backend API whose options the
        source shows."""
        js = self.js
        if "axios" in js.text and _AXIOS_DEFAULTS.search(js.text):
            self.facts.axios_defaults = True
        for call in js.of("call"):
            request = _request(js, call)
            if request is None:
                continue
            client, url_node, options = request
            url = js.code(url_node).strip()
            if not _targets_api(url, js.shape(url_node)):
                continue
            has_auth = options is not None and bool(
                re.search(r"(?i)authorization", js.code(options))
            )
            has_credentials = _credentials(js, options, client)
            if _opaque(js, options) and not (has_auth and has_credentials):
                continue  # options built elsewhere: the source cannot tell what is sent
            line = js.line_of(call)
            self.facts.fetches.append(
                FetchCall(
                    path=self.path,
                    line=line,
                    source=redact_line(js.line(line)).strip(),
                    url=url,
                    url_path=_url_path(js, url_node),
                    absolute=bool(re.search(r"https?://|\$\{|\+", url)),
                    has_auth=has_auth,
                    has_credentials=has_credentials,
                    client=client,
                )
            )


def _request(js: Script, call: Node) -> tuple[str, Node, Node | None] | None:
    """``(client, url, options)`` of a ``fetch(url, options)``, ``axios(url, config)``,
    ``axios({ url, … })`` or ``axios.get(url, config)`` call; None for any other call."""
    callee = js.text_of(call.child_by_field_name("function"))
    args = js.args(call)
    if not args or (callee not in ("fetch", "axios") and not callee.startswith("axios.")):
        return None
    if callee == "fetch":
        return "fetch", args[0], args[1] if len(args) > 1 else None
    method = callee.removeprefix("axios.")
    config_at = 1 if callee == "axios" else _AXIOS_CONFIG_AT.get(method)
    first = js.unwrap(args[0])
    if callee in ("axios", "axios.request") and first is not None and first.type == "object":
        url = js.pairs(first).get("url")
        return ("axios", url, first) if url is not None else None
    if config_at is None:
        return None
    return "axios", args[0], args[config_at] if len(args) > config_at else None


def _credentials(js: Script, options: Node | None, client: str) -> bool:
    """``credentials`` is set, to something else than ``same-origin`` (axios:
    ``withCredentials`` is set, to something else than ``false``)."""
    obj = js.unwrap(options)
    if obj is None or obj.type != "object":
        return False
    if client == "axios":
        value = js.pairs(obj).get("withCredentials")
        return value is not None and js.text_of(value) != "false"
    value = js.pairs(obj).get("credentials")
    return value is not None and "same-origin" not in js.text_of(value)


def _opaque(js: Script, options: Node | None) -> bool:
    """Options the source cannot read: a name or call, a spread, ``headers`` not written
    out as an object."""
    obj = js.unwrap(options)
    if obj is None:
        return False
    if obj.type != "object" or "..." in js.shape(obj):
        return True
    headers = js.pairs(obj).get("headers")
    return headers is not None and js.unwrap(headers).type != "object"  # type: ignore[union-attr]


def _targets_api(url: str, shape: str) -> bool:
    """Does the URL expression name the backend API: a variable or env name like
    ``API_URL``/``BACKEND_URL`` (outside string literals), or a local API port?"""
    if "/api/auth" in url:
        return False  # Better Auth's own routes
    if re.search(r"https?://(?:localhost|127\.0\.0\.1|\[::1\]):(?:8000|8080|5000)\b", url):
        return True
    return bool(_API_NAME.search(shape))


def _url_parts(js: Script, node: Node | None) -> list[str | None]:
    """The URL expression as literal pieces and None for each expression in it."""
    node = js.unwrap(node)
    if node is None:
        return []
    lit = js.literal(node)
    if lit is not None:
        return [lit.value]
    if node.type == "template_string":
        return [
            js.text_of(k) if k.type in ("string_fragment", "escape_sequence") else None
            for k in node.named_children
        ]
    if node.type == "binary_expression" and js.text_of(node.child_by_field_name("operator")) == "+":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return _url_parts(js, left) + _url_parts(js, right)
    return [None]


def _url_path(js: Script, node: Node) -> str:
    """The literal path of a URL expression: ``${API}/notes/${id}`` -> ``/notes/{}``."""
    body = "".join("{}" if part is None else part for part in _url_parts(js, node))
    body = re.sub(r"^(?:\{\})+", "", body)
    body = re.sub(r"^https?://[^/]+", "", body)
    return body.split("?", 1)[0]
