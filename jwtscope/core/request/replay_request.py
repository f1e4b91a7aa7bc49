"""The request to replay, as a value: method, URL, headers, cookies, body and its token.

Every importer (:mod:`jwtscope.core.request.curl_import`, :mod:`jwtscope.core.request.raw_import`,
:mod:`jwtscope.core.request.har_import`) and ``jwtscope replay URL --token T`` produce a
:class:`ReplayRequest` through :func:`assemble_request`, which validates it, splits the
``Cookie`` header into cookies and finds the token (the order of the places searched is
in :mod:`jwtscope.core.token.carriers`). :meth:`ReplayRequest.redacted` is the only view of a
request meant for reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from jwtscope.core.request.request_url import (
    DEFAULT_PORTS,
    check_url,
    hide_password,
    mask_url,
    strip_userinfo,
    userinfo_basic,
)
from jwtscope.core.token.carriers import (
    NOWHERE,
    PASSWORD_SCHEMES,
    LocationKind,
    TokenLocation,
    cookie_text,
    cookie_value_like,
    detect_token,
    is_token_cookie,
    looks_like_jwt,
    parse_cookie_string,
    split_authorization,
)
from jwtscope.core.token.parsing import normalize, redact_token
from jwtscope.errors import InputError

__all__ = [
    "MAX_REQUEST_CHARS",
    "LocationKind",
    "ReplayRequest",
    "TokenLocation",
    "assemble_request",
    "build_request",
    "check_url",
    "looks_like_jwt",
    "parse_cookie_string",
    "scrub_text",
    "split_authorization",
]

#: Longer pasted requests (curl, raw HTTP) are refused before any parsing.
MAX_REQUEST_CHARS = 2_000_000

_JWT_ANYWHERE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_TCHAR_RUN = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")
_BAD_VALUE_CHAR = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_SENSITIVE_HEADER = re.compile(r"auth|token|secret|key|session|passw|signature|credential|csrf")
_SECRET_FIELD = re.compile(
    r"(?i)(\"?(?:password|passwd|secret|client_secret|token|refresh_token|access_token|"
    r"id_token|api_key|apikey)\"?\s*[:=]\s*\"?)([^\"&,}\s]+)"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class ReplayRequest:
    """One HTTP request to send again, and where its token is.

    Args:
        method: the HTTP method, as given.
        url: the absolute http(s) URL.
        headers: in order, original case, without the ``Cookie`` header.
        cookies: ``(name, value)`` pairs, values as sent (possibly URL-encoded).
        body: the exact body bytes, or None.
        token: the token found in the request (cookie values URL-decoded), if any.
        location: where the token sits; after :meth:`with_token` with None it still
            names the place, so that a later :meth:`with_token` puts a token back there.
        insecure: curl ``-k``/``--insecure`` was given.
        follow_redirects_requested: curl ``-L`` was given (redirects are still not followed).
        source: ``curl``, ``raw``, ``har``, ``manual`` (or the caller's own word).
        notes: one sentence per thing ignored or normalised while importing.
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    token: str | None = None
    location: TokenLocation = NOWHERE
    insecure: bool = False
    follow_redirects_requested: bool = False
    source: str = ""
    notes: tuple[str, ...] = ()

    def header(self, name: str) -> str | None:
        """The first header of that name (any case); ``Cookie`` is rebuilt from the cookies."""
        wanted = name.lower()
        if wanted == "cookie":
            return self.cookie_header()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    def cookie_header(self) -> str | None:
        """The ``Cookie`` header value these cookies make, or None without cookies."""
        return "; ".join(f"{k}={v}" for k, v in self.cookies) if self.cookies else None

    def wire_headers(self) -> tuple[tuple[str, str], ...]:
        """The headers to send: :attr:`headers`, the URL's credentials, the ``Cookie`` header.

        A ``user:password@`` in the URL is sent as ``Authorization: Basic …`` (as curl
        does) only when the request has no ``Authorization`` header of its own; when it
        has one (the token), the URL's credentials are dropped. Either way they never
        travel in the URL (:attr:`wire_url`).
        """
        basic = userinfo_basic(self.url)
        if basic is not None and self.header("authorization") is None:
            headers = (*self.headers, ("Authorization", basic))
        else:
            headers = self.headers
        cookie = self.cookie_header()
        return headers + ((("Cookie", cookie),) if cookie is not None else ())

    @property
    def wire_url(self) -> str:
        """The URL to send: :attr:`url` without ``user:password@`` (see :meth:`wire_headers`)."""
        return strip_userinfo(self.url)

    @property
    def shown_url(self) -> str:
        """The URL for people: password and query tokens masked (:func:`mask_url`)."""
        return mask_url(self.url)

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the URL, lower case, default ports left out."""
        parts = urlsplit(self.url)
        scheme = parts.scheme.lower()
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        try:
            port = parts.port
        except ValueError:
            port = None
        suffix = f":{port}" if port is not None and port != DEFAULT_PORTS.get(scheme) else ""
        return f"{scheme}://{host}{suffix}"

    def with_token(self, token: str | None) -> ReplayRequest:
        """The same request with ``token`` at the same place; None removes it.

        A request without a token location gets ``Authorization: Bearer <token>``.
        """
        loc = self.location
        if loc.kind == "none":
            if token is None:
                return replace(self, token=None)
            loc = TokenLocation("authorization", "Authorization", "Bearer")
        if loc.kind == "cookie":
            old = next((v for k, v in self.cookies if k == loc.name), "")
            rest = [(k, v) for k, v in self.cookies if k != loc.name]
            at = next((i for i, (k, _) in enumerate(self.cookies) if k == loc.name), len(rest))
            if token is not None:
                rest.insert(at, (loc.name, cookie_value_like(old, token)))
            return replace(self, cookies=tuple(rest), token=token, location=loc)
        wanted = "authorization" if loc.kind == "authorization" else loc.name.lower()
        pos = next((i for i, (k, _) in enumerate(self.headers) if k.lower() == wanted), None)
        headers = [(k, v) for k, v in self.headers if k.lower() != wanted]
        if token is not None:
            name = self.headers[pos][0] if pos is not None else (loc.name or "Authorization")
            value = f"{loc.scheme} {token}" if loc.scheme else token
            headers.insert(pos if pos is not None else len(headers), (name, value))
        return replace(self, headers=tuple(headers), token=token, location=loc)

    def without_auth(self) -> ReplayRequest:
        """The same request without ``Authorization``, token header, token cookie, URL userinfo."""
        drop = {"authorization"}
        if self.location.kind == "header":
            drop.add(self.location.name.lower())
        headers = tuple((k, v) for k, v in self.headers if k.lower() not in drop)
        cookies = tuple(
            (k, v)
            for k, v in self.cookies
            if not (k == self.location.name and self.location.kind == "cookie")
            and not is_token_cookie(k, v)
        )
        return replace(
            self, url=strip_userinfo(self.url), headers=headers, cookies=cookies, token=None
        )

    def redacted(self) -> dict[str, Any]:
        """A JSON-ready view safe for reports: tokens cut, cookie and credential values hidden."""
        secrets = {self.token} if self.token else set()
        secrets |= {v for _, v in self.cookies} | {cookie_text(v) for _, v in self.cookies}
        secrets |= {v for k, v in self.headers if _SENSITIVE_HEADER.search(k.lower())}
        secrets = {s for s in secrets if len(s) >= 8}

        def scrub(text: str) -> str:
            for secret in sorted(secrets, key=len, reverse=True):
                text = text.replace(secret, redact_token(secret))
            text = _JWT_ANYWHERE.sub(lambda m: redact_token(m.group(0)), text)
            return _SECRET_FIELD.sub(lambda m: f"{m.group(1)}<redacted>", text)

        headers: list[list[str]] = []
        for name, value in self.headers:
            lname = name.lower()
            carrier = self.location.kind == "header" and lname == self.location.name.lower()
            if lname in ("authorization", "proxy-authorization") or carrier:
                scheme, cred = split_authorization(value)
                value = f"{scheme} {redact_token(cred)}" if scheme else redact_token(value)
            elif _SENSITIVE_HEADER.search(lname):
                value = redact_token(value)
            headers.append([name, scrub(value)])
        body = None if self.body is None else scrub(self.body.decode("utf-8", "replace"))
        return {
            "method": self.method,
            "url": scrub(hide_password(self.url)),
            "headers": headers,
            "cookies": [[k, redact_token(cookie_text(v))] for k, v in self.cookies],
            "body": body,
            "body_bytes": None if self.body is None else len(self.body),
            "token": None if self.token is None else redact_token(self.token),
            "location": {
                "kind": self.location.kind,
                "name": self.location.name,
                "scheme": self.location.scheme,
            },
            "insecure": self.insecure,
            "follow_redirects_requested": self.follow_redirects_requested,
            "source": self.source,
            "notes": [scrub(n) for n in self.notes],
        }


def scrub_text(text: str) -> str:
    """Text with lone UTF-16 surrogates replaced, so that it always encodes to UTF-8."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def assemble_request(
    method: str,
    url: str,
    headers: Iterable[tuple[str, str]] = (),
    cookies: Iterable[tuple[str, str]] = (),
    body: bytes | None = None,
    *,
    source: str,
    notes: Iterable[str] = (),
    insecure: bool = False,
    follow_redirects_requested: bool = False,
) -> ReplayRequest:
    """Build a request: validate it, fold ``Cookie`` headers into cookies, find the token.

    Raises:
        InputError: the URL, the method or a header cannot be sent.
    """
    all_notes = list(notes)
    url, url_notes = check_url(url)
    all_notes += url_notes
    if not _TCHAR_RUN.fullmatch(method):
        raise InputError(
            f"The method {method[:20]!r} is not a valid HTTP method.", "Use GET, POST, PUT, …"
        )
    kept: list[tuple[str, str]] = []
    jar = list(cookies)
    for name, value in headers:
        if not _TCHAR_RUN.fullmatch(name):
            raise InputError(
                f"The header name {name[:32]!r} is not a valid HTTP header name.",
                "A header is written 'Name: value'; check the quoting around it.",
            )
        if _BAD_VALUE_CHAR.search(value):
            raise InputError(
                f"The {name[:32]} header value contains a line break or control character.",
                "Remove it: an HTTP header value is one line.",
            )
        if name.lower() == "cookie":
            pairs, skipped = parse_cookie_string(value)
            jar += pairs
            if skipped:
                all_notes.append(f"{skipped} piece(s) of a Cookie header without '=' ignored")
        else:
            kept.append((name, value))
    token, location, found = detect_token(kept, jar)
    return ReplayRequest(
        method=method,
        url=url,
        headers=tuple(kept),
        cookies=tuple(jar),
        body=body,
        token=token,
        location=location,
        insecure=insecure,
        follow_redirects_requested=follow_redirects_requested,
        source=source,
        notes=tuple(dict.fromkeys([*all_notes, *found])),
    )


def build_request(
    url: str,
    *,
    token: str | None = None,
    method: str = "GET",
    headers: Iterable[tuple[str, str] | str] = (),
    cookies: Iterable[tuple[str, str] | str] = (),
    body: bytes | str | None = None,
) -> ReplayRequest:
    """The request of ``jwtscope replay URL --token T -H 'K: V' --cookie 'a=b'``.

    The token (normalised: ``Bearer ``, quotes, a ``cookie=`` prefix stripped) goes where
    a header or cookie already carries it, else into the cookie its text names, else
    replaces the credentials of a given ``Authorization`` header, else into
    ``Authorization: Bearer``.

    Raises:
        InputError: a header is not ``Name: value``, a cookie not ``name=value``, or the
            URL is unusable.
    """
    pairs: list[tuple[str, str]] = []
    for item in headers:
        if isinstance(item, str):
            name, sep, value = item.partition(":")
            if not sep or not name.strip():
                raise InputError("A -H value is not 'Name: value'.", "Write -H 'Accept: */*'.")
            item = (name.strip(), value.lstrip(" \t"))
        pairs.append(item)
    jar: list[tuple[str, str]] = []
    for cookie in cookies:
        if isinstance(cookie, str):
            found, skipped = parse_cookie_string(cookie)
            if skipped or not found:
                raise InputError("A --cookie value is not 'name=value'.", "Write --cookie 'a=1'.")
            jar += found
        else:
            jar.append(cookie)
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = assemble_request(method.upper(), url, pairs, jar, data, source="manual")
    if token is None:
        return request
    normal = normalize(token)
    value = normal.token
    notes = [*request.notes, *(f"--token: {step}" for step in normal.steps)]
    request = replace(request, notes=tuple(dict.fromkeys(notes)))
    for name, raw in request.cookies:
        if value and cookie_text(raw) == value:
            return replace(request, token=value, location=TokenLocation("cookie", name))
    for name, raw in request.headers:
        scheme, cred = split_authorization(raw)
        if value and cred == value:
            kind: LocationKind = "authorization" if name.lower() == "authorization" else "header"
            return replace(request, token=value, location=TokenLocation(kind, name, scheme))
    carrier = normal.carrier
    if carrier.startswith("cookie:"):
        return replace(request, location=TokenLocation("cookie", carrier[7:])).with_token(value)
    if carrier not in ("authorization", "text") and not carrier.startswith("json:"):
        return replace(request, location=TokenLocation("header", carrier)).with_token(value)
    where = request.location
    if where.kind == "authorization" and where.scheme.lower() not in PASSWORD_SCHEMES:
        note = "--token replaced the credentials of the Authorization header given"
    else:
        note = "--token sent as Authorization: Bearer" if where.kind != "none" else ""
        request = replace(request, location=TokenLocation("none"))
    final_notes = (*request.notes, note) if note else request.notes
    return replace(request, notes=final_notes).with_token(value)
