"""The request URL: checked, shown to people with credentials masked, and split for the wire.

A URL may carry a credential in two places: its userinfo (``https://admin:pw@host/``) and
its query (``?access_token=eyJ…``). :func:`mask_url` hides both wherever a URL is printed;
:func:`strip_userinfo` and :func:`userinfo_basic` are what goes on the wire instead.
"""

from __future__ import annotations

import base64
import re
from urllib.parse import unquote, urlsplit

from jwtscope.errors import InputError

__all__ = [
    "DEFAULT_PORTS",
    "MASK",
    "check_url",
    "hide_password",
    "mask_url",
    "strip_userinfo",
    "userinfo_basic",
]

DEFAULT_PORTS = {"http": 80, "https": 443}

#: What a hidden password or token value is replaced with.
MASK = "***"

#: Query parameters that name a token whatever their value looks like.
_TOKEN_PARAMS = frozenset(
    {"access_token", "token", "jwt", "id_token", "refresh_token", "auth", "code", "session"}
)
_JWT_LIKE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_.-]*")
_SHOWN_USER = re.compile(r"[A-Za-z0-9._~+-]{1,32}")


def _split_netloc(netloc: str) -> tuple[str | None, str]:
    """``(userinfo or None, host[:port])``."""
    userinfo, at, hostport = netloc.rpartition("@")
    return (userinfo if at else None), hostport


def mask_url(url: str) -> str:
    """The URL with its password and any token in its query replaced by ``***``.

    ``http://admin:pw@h/p`` becomes ``http://admin:***@h/p``. A user name without a
    password (``https://TOKEN@h/``, as some APIs take a token) is hidden too, and so is a
    long or token-shaped user name. In the query, a JWT-shaped value keeps its first
    segment (``eyJhbGciOiJIUzI1NiJ9.***``), and the value of ``access_token``, ``token``,
    ``jwt``, ``id_token`` and similar parameters becomes ``***``. Text that is not a URL
    comes back with JWT-shaped runs masked.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return _mask_jwts(url)
    userinfo, hostport = _split_netloc(parts.netloc)
    netloc = parts.netloc
    if userinfo is not None:
        user, colon, _ = userinfo.partition(":")
        plain = _SHOWN_USER.fullmatch(user) and not _JWT_LIKE.search(user)
        shown_user = user if colon and plain else MASK
        netloc = f"{shown_user}:{MASK}@{hostport}" if colon else f"{MASK}@{hostport}"
    query = _mask_query(parts.query)
    return _mask_jwts(parts._replace(netloc=netloc, query=query).geturl())


def _mask_query(query: str) -> str:
    """The query with token values masked, its order and separators kept."""
    if not query:
        return query
    pieces = []
    for piece in query.split("&"):
        name, eq, value = piece.partition("=")
        if eq and value and unquote(name).lower() in _TOKEN_PARAMS:
            value = _mask_value(unquote(value))
        pieces.append(f"{name}{eq}{value}")
    return "&".join(pieces)


def _mask_value(value: str) -> str:
    first = value.split(".", 1)[0]
    return f"{first}.{MASK}" if _JWT_LIKE.fullmatch(value) else MASK


def _mask_jwts(text: str) -> str:
    return _JWT_LIKE.sub(lambda m: _mask_value(m.group(0)), text)


def strip_userinfo(url: str) -> str:
    """The URL without ``user:password@`` (unchanged when it has none)."""
    parts = urlsplit(url)
    userinfo, hostport = _split_netloc(parts.netloc)
    return url if userinfo is None else parts._replace(netloc=hostport).geturl()


def userinfo_basic(url: str) -> str | None:
    """``Basic base64(user:password)`` from the URL's userinfo (percent-decoded), or None.

    This is what curl sends for ``https://user:pw@host/``; the caller decides whether a
    request's own ``Authorization`` header wins (:meth:`ReplayRequest.wire_headers`).
    """
    userinfo, _ = _split_netloc(urlsplit(url).netloc)
    if not userinfo:
        return None
    user, _, password = userinfo.partition(":")
    pair = f"{unquote(user)}:{unquote(password)}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def check_url(url: str) -> tuple[str, tuple[str, ...]]:
    """Validate an http(s) URL; add ``http://`` when no scheme is given, as curl does.

    The scheme is lower-cased; nothing else in the URL is changed.

    Returns:
        The URL to use and the notes about what was changed.

    Raises:
        InputError: the URL is empty, not http(s), has no host or cannot be parsed.
    """
    notes: list[str] = []
    text = url.strip()
    if text != url:
        notes.append("whitespace around the URL removed")
    if not text:
        raise InputError("The URL is empty.", "Give the full URL, e.g. https://api.example.com/me.")
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text):
        text = "http://" + text.lstrip("/")
        notes.append("the URL has no scheme: http:// assumed, as curl does")
    if re.search(r"[\s\x00-\x1f\x7f]", text):
        raise InputError(
            "The URL contains a space or a control character.",
            "Percent-encode it (a space is %20) or check the quoting.",
        )
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - validates the port
    except ValueError as exc:
        raise InputError(
            "The URL cannot be parsed (bad port or brackets).", "Check the host and port."
        ) from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InputError(
            f"The URL scheme {scheme[:20]!r} is not HTTP: jwtscope replays http(s) only.",
            "Use the http:// or https:// URL of the API.",
        )
    if not parts.hostname:
        raise InputError("The URL has no host name.", "Give the full URL with its host.")
    return scheme + text[len(scheme) :], tuple(notes)


def hide_password(url: str) -> str:
    """The URL with its password as ``<redacted>`` (as :meth:`ReplayRequest.redacted` shows it)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    return parts._replace(netloc=f"{user}:<redacted>@{hostport}").geturl()
