"""How the frontend keeps and sends tokens: tokens written to ``localStorage`` or
``sessionStorage``, and ``fetch()`` calls to the backend API (recorded with whether they
carry an ``Authorization`` header or ``credentials``, for the cross-check).
"""

from __future__ import annotations

import re

from jwtscope.audit.frontend.jstext import JsText, StringLit
from jwtscope.audit.frontend.scriptfacts import FetchCall, ScriptFacts
from jwtscope.audit.redact import redact_line

__all__ = ["TokenTransportChecks"]

_STORAGE = re.compile(r"\b(?P<store>localStorage|sessionStorage)\s*(?:\.\s*setItem\s*\(|\[|\.)")
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
_FETCH = re.compile(r"(?<![\w.$])fetch\s*\(")
_API_NAME = re.compile(
    r"(?i)\b[A-Za-z_$]*(api|backend|server)[A-Za-z_]*(url|base|origin|host|root|endpoint)?\b"
)


class TokenTransportChecks:
    """Mixed into the script scanner, which provides :attr:`js`, :attr:`path`,
    :attr:`facts` and :meth:`emit`."""

    js: JsText
    path: str
    facts: ScriptFacts

    def emit(
        self, code: str, pos: int, detail: str, fix: str, hide: StringLit | None = None
    ) -> None:
        raise NotImplementedError

    def storage(self) -> None:
        """AUDIT-TOKEN-WEBSTORAGE: a token written to ``localStorage``/``sessionStorage``."""
        js = self.js
        for m in _STORAGE.finditer(js.shape):
            after = m.end()
            if js.shape[m.end() - 1] == "(":  # setItem(key, value)
                close = js.close_of(m.end() - 1)
                args = js.code[after:close]
            elif js.shape[m.end() - 1] == "[":  # localStorage["token"] = …
                close = js.close_of(m.end() - 1)
                rest = js.shape[close + 1 : close + 4].lstrip()
                if not rest.startswith("=") or rest.startswith("=="):
                    continue
                args = js.code[after:close]
            else:  # localStorage.token = …
                word = re.match(r"\s*([A-Za-z_$][\w$]*)\s*=(?!=)", js.shape[after:])
                if word is None or word.group(1) in ("getItem", "removeItem", "clear", "key"):
                    continue
                args = word.group(1)
            key, _, value = args.partition(",")
            if not _TOKEN_KEY.search(key.strip().strip("\"'`")) and not _TOKEN_VALUE.search(
                value.strip().split("??")[0].strip()
            ):
                continue
            store = m.group("store")
            self.emit(
                "AUDIT-TOKEN-WEBSTORAGE",
                m.start(),
                f"A token is stored in {store} ({key.strip()[:40]}): any script injected into "
                "the page (XSS, a compromised npm dependency) can read and send it elsewhere.",
                "Keep the JWT in memory and fetch a fresh one when needed "
                "(await authClient.token() with the jwtClient plugin, or the set-auth-jwt "
                "header of getSession); the session itself stays in Better Auth's httpOnly "
                "cookie.",
            )

    def fetches(self) -> None:
        """Record each ``fetch()`` to the backend API whose options the text can read."""
        js = self.js
        for m in _FETCH.finditer(js.shape):
            open_paren = m.end() - 1
            close = js.close_of(open_paren)
            first_end = js.expression_end(open_paren + 1)
            url = js.code[open_paren + 1 : first_end].strip()
            if not url or not _targets_api(url, js.shape[open_paren + 1 : first_end]):
                continue
            rest = js.code[first_end:close]
            rest_shape = js.shape[first_end:close]
            has_auth = bool(re.search(r"(?i)authorization", rest))
            cred = re.search(r"\bcredentials\s*:\s*(\S+)", rest)
            has_credentials = cred is not None and "same-origin" not in cred.group(1)
            options = rest_shape.lstrip(", \t\r\n")
            opaque = bool(options) and (
                not options.startswith("{")
                or bool(re.search(r"\.\.\.|\bheaders\s*[,}]|\bheaders\s*:\s*[^{\s]", options))
            )
            if opaque and not (has_auth and has_credentials):
                continue  # options built elsewhere: the text cannot tell what is sent
            line = js.line_of(m.start())
            self.facts.fetches.append(
                FetchCall(
                    path=self.path,
                    line=line,
                    source=redact_line(js.line(line)).strip(),
                    url=url,
                    url_path=_url_path(js, open_paren + 1, first_end),
                    absolute=bool(re.search(r"https?://|\$\{|\+", url)),
                    has_auth=has_auth,
                    has_credentials=has_credentials,
                )
            )


def _targets_api(url: str, shape: str) -> bool:
    """Does the URL expression name the backend API: a variable or env name like
    ``API_URL``/``BACKEND_URL`` (outside string literals), or a local API port?"""
    if "/api/auth" in url:
        return False  # Better Auth's own routes
    if re.search(r"https?://(?:localhost|127\.0\.0\.1|\[::1\]):(?:8000|8080|5000)\b", url):
        return True
    return bool(_API_NAME.search(shape))


def _url_path(js: JsText, start: int, end: int) -> str:
    """The literal path of a URL expression: ``${API}/notes/${id}`` -> ``/notes/{}``."""
    raw = js.code[start:end].strip()
    if raw.startswith("`"):
        body = re.sub(r"\$\{[^}]*\}", "{}", raw.strip("`"))
    else:
        parts = re.findall(r"""["']([^"']*)["']|([^+\s]+)""", raw)
        body = "".join(lit if lit else "{}" for lit, _ in parts)
    body = re.sub(r"^(?:\{\})+", "", body)
    body = re.sub(r"^https?://[^/]+", "", body)
    return body.split("?", 1)[0]
