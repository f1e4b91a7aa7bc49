"""Read the browser's "Copy as cURL" into a replay request.

Chrome, Firefox and Safari write it for bash (Chrome also for Windows ``cmd``); the
words are split by :mod:`jwtscope.core.request.shellwords`, then read as curl reads them:

* ``-X/--request``, ``-H/--header`` (exact value; ``Cookie:`` goes to the cookies;
  ``Name:`` with no value only removes a curl default and is ignored), ``-b/--cookie``
  (a ``a=1; b=2`` string; a file name is ignored), ``-A``, ``-e``, ``-u`` (sent as
  ``Authorization: Basic``), ``--oauth2-bearer``;
* ``-d/--data/--data-ascii/--data-binary/--data-raw/--data-urlencode`` (joined with ``&``,
  POST unless ``-X``; ``Content-Type: application/x-www-form-urlencoded`` added when
  missing, as curl does), ``--json`` (JSON Content-Type and Accept, POST), ``-G``, ``-I``;
* ``-k/--insecure`` and ``-L/--location`` are recorded; every other curl option is
  ignored with a note, and combined short flags (``-sSL``, ``-XPOST``) work.

Files are never read: ``-d @file``, ``-b file``, ``-T file`` are noted and skipped.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from jwtscope.core.request.curl_options import ARG_OPTIONS, FLAG_OPTIONS, SHORT_OPTIONS
from jwtscope.core.request.replay_request import (
    MAX_REQUEST_CHARS,
    ReplayRequest,
    assemble_request,
    parse_cookie_string,
    scrub_text,
)
from jwtscope.core.request.shellwords import REDIRECTIONS, Operator, split_command
from jwtscope.errors import InputError

__all__ = ["parse_curl"]

_OTHER_AUTH = frozenset({"digest", "ntlm", "ntlm-wb", "negotiate", "anyauth"})
_CURL_WORD = re.compile(r"(?:.*[/\\])?curl(?:\.exe)?", re.IGNORECASE)
_NO_FILES = "jwtscope does not read files"


@dataclass
class _Curl:
    """What the options said so far (mutable while reading; private)."""

    notes: list[str]
    method: str | None = None
    urls: list[str] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    cookies: list[tuple[str, str]] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    json: list[str] = field(default_factory=list)
    query: list[str] = field(default_factory=list)
    sends_body: bool = False
    is_json: bool = False
    get: bool = False
    head: bool = False
    upload: bool = False
    insecure: bool = False
    follow: bool = False
    globoff: bool = False
    other_auth: bool = False
    user: str | None = None
    bearer: str | None = None


def parse_curl(text: str) -> ReplayRequest:
    """Read a "Copy as cURL" command (bash or Windows cmd) as a request.

    Args:
        text: the pasted command, continuations and all.

    Returns:
        The request with its token found, ``source="curl"`` and notes on what was ignored.

    Raises:
        InputError: not a curl command, no URL or several, an unclosed quote, an unknown
            option or one missing its value, several commands, an unusable URL or header.
    """
    text = scrub_text(text).lstrip("\ufeff")
    if len(text) > MAX_REQUEST_CHARS:
        raise InputError(
            f"The curl command is longer than {MAX_REQUEST_CHARS:,} characters.",
            "Paste the command of one request.",
        )
    split = split_command(text)
    words, notes = _first_command(split.items)
    state = _Curl(notes=[*split.notes, *notes])
    _read_options(words[1:], state)
    return _finish(state)


def _first_command(items: tuple[str | Operator, ...]) -> tuple[list[str], list[str]]:
    commands: list[tuple[str, list[str]]] = [("", [])]
    notes: list[str] = []
    skip = False
    for item in items:
        if isinstance(item, Operator):
            if item.text in REDIRECTIONS:
                skip = True
                notes.append(f"shell redirection {item.text} ignored")
            else:
                commands.append((item.text, []))
        elif skip:
            skip = False
        else:
            commands[-1][1].append(item)
    words = commands[0][1]
    while words and words[0] in ("$", "%", ">", "#"):
        words = words[1:]
    if not words or not _CURL_WORD.fullmatch(words[0]):
        raise InputError(
            "The text is not a curl command: it does not start with curl.",
            "Paste the command from the network panel's “Copy as cURL (bash)”.",
        )
    rest = [(op, ws) for op, ws in commands[1:] if ws]
    if any(_CURL_WORD.fullmatch(ws[0]) for _, ws in rest):
        raise InputError(
            "The text holds several curl commands; jwtscope replays one request.",
            "Use “Copy as cURL” on the failing request only, not “Copy all as cURL”.",
        )
    if rest:
        notes.append(f"the shell text after the curl command (from {rest[0][0]!r}) ignored")
    return words, notes


def _read_options(args: list[str], st: _Curl) -> None:
    i = 0
    positional_only = False
    while i < len(args):
        word = args[i]
        i += 1
        if positional_only or not word.startswith("-") or word == "-":
            st.urls.append(word)
        elif word == "--":
            positional_only = True
        elif word.startswith("--"):
            name, eq, attached = word[2:].partition("=")
            base = name.removeprefix("expand-")
            if base in ARG_OPTIONS:
                if not eq:
                    arg, i = _value(args, i, word)
                else:
                    arg = attached
                if base != name:
                    st.notes.append(f"--{name}: {{{{variables}}}} are not expanded")
                _apply(st, base, arg, f"--{name}")
            elif name in FLAG_OPTIONS or name.removeprefix("no-") in FLAG_OPTIONS:
                _flag(st, name, f"--{name}")
            else:
                raise InputError(
                    f"Unknown curl option --{name[:30]}.",
                    "Remove it, or check its spelling against curl --help all.",
                )
        else:
            for j in range(1, len(word)):
                option = SHORT_OPTIONS.get(word[j])
                if option is None:
                    raise InputError(
                        f"Unknown curl option -{word[j]}.",
                        "Remove it, or check it against curl --help all.",
                    )
                if option in ARG_OPTIONS:
                    arg = word[j + 1 :]
                    if not arg:
                        arg, i = _value(args, i, f"-{word[j]}")
                    _apply(st, option, arg, f"-{word[j]}")
                    break
                _flag(st, option, f"-{word[j]}")


def _value(args: list[str], i: int, shown: str) -> tuple[str, int]:
    if i >= len(args):
        raise InputError(
            f"The option {shown} needs a value, but the command ends there.",
            "Copy the whole command again: it looks cut off.",
        )
    return args[i], i + 1


def _apply(st: _Curl, name: str, arg: str, shown: str) -> None:
    """One option that takes a value."""
    if name == "request":
        st.method = _text(arg)
    elif name == "header":
        _header(st, arg, shown)
    elif name == "cookie":
        if "=" in arg:
            st.cookies += parse_cookie_string(_text(arg))[0]
        else:
            st.notes.append(f"{shown} FILE ignored: {_NO_FILES}")
    elif name in ("data", "data-ascii", "data-binary", "data-raw", "json"):
        st.sends_body = True
        st.is_json = st.is_json or name == "json"
        if arg.startswith("@") and name != "data-raw":
            st.notes.append(f"{shown} @FILE ignored: {_NO_FILES}")
        else:
            (st.json if name == "json" else st.data).append(arg)
    elif name in ("data-urlencode", "url-query"):
        st.sends_body = st.sends_body or name == "data-urlencode"
        piece = _urlencode(arg, plus_raw=name == "url-query")
        if piece is None:
            st.notes.append(f"{shown} @FILE ignored: {_NO_FILES}")
        else:
            (st.data if name == "data-urlencode" else st.query).append(piece)
    elif name == "url":
        st.urls.append(arg)
    elif name == "user":
        st.user = _text(arg)
    elif name == "oauth2-bearer":
        st.bearer = _text(arg)
    elif name == "user-agent":
        st.headers.append(("User-Agent", _text(arg)))
    elif name == "referer":
        referer = _text(arg)
        if referer.endswith(";auto"):
            referer = referer.removesuffix(";auto")
            st.notes.append(f"{shown} ';auto' ignored (redirects are not followed)")
        if referer:
            st.headers.append(("Referer", referer))
    elif name in ("form", "form-string"):
        st.sends_body = True
        st.notes.append(f"{shown} ignored: multipart form bodies are not replayed")
    elif name == "upload-file":
        st.upload = True
        st.notes.append(f"{shown} FILE ignored: {_NO_FILES}")
    else:
        st.notes.append(f"{shown} ignored")


def _flag(st: _Curl, name: str, shown: str) -> None:
    """One option without a value (``--no-NAME`` turns a flag off)."""
    on = name in FLAG_OPTIONS or not name.startswith("no-")
    base = name if name in FLAG_OPTIONS else name.removeprefix("no-")
    if base == "insecure":
        st.insecure = on
    elif base in ("location", "location-trusted"):
        st.follow = on
        if on:
            st.notes.append(f"{shown} recorded: jwtscope shows redirects instead of following them")
    elif base == "get":
        st.get = on
    elif base == "head":
        st.head = on
    elif base == "globoff":
        st.globoff = on
    elif base in _OTHER_AUTH:
        st.other_auth = on
    elif base == "basic":
        st.other_auth = False
    elif base == "next":
        raise InputError(
            "The curl command sends several requests (--next).",
            "Keep the part of the command for the failing request only.",
        )
    else:
        st.notes.append(f"{shown} ignored")


def _header(st: _Curl, arg: str, shown: str) -> None:
    if arg.startswith("@"):
        st.notes.append(f"{shown} @FILE ignored: {_NO_FILES}")
        return
    name, sep, value = _text(arg).partition(":")
    name = name.strip()
    if not sep:
        if name.endswith(";"):
            st.headers.append((name[:-1].rstrip(), ""))
            return
        raise InputError(
            f"A {shown} value is not 'Name: value' (it has no colon).",
            "Write it like -H 'Accept: application/json'; check the quoting.",
        )
    value = value.lstrip(" \t")
    if not value.rstrip(" \t"):
        st.notes.append(f"{shown} '{name[:40]}:' ignored: it only removes a header curl adds")
        return
    st.headers.append((name, value))


def _urlencode(arg: str, *, plus_raw: bool) -> str | None:
    """A ``--data-urlencode``/``--url-query`` piece, or None for a file reference."""
    if plus_raw and arg.startswith("+"):
        return arg[1:]
    eq, at = arg.find("="), arg.find("@")
    if eq >= 0 and (at < 0 or eq < at):
        name, content = arg[:eq], arg[eq + 1 :]
        encoded = quote(content.encode("utf-8", "surrogateescape"), safe="-._~")
        return f"{name}={encoded}" if name else encoded
    if at >= 0:
        return None
    return quote(arg.encode("utf-8", "surrogateescape"), safe="-._~")


def _finish(st: _Curl) -> ReplayRequest:
    if not st.urls:
        raise InputError(
            "The curl command has no URL.",
            "Copy the command again with its URL: curl 'https://…' -H …",
        )
    if len(st.urls) > 1:
        raise InputError(
            f"The curl command names {len(st.urls)} URLs; jwtscope replays one request.",
            "Keep one URL; an option may be missing its value or a quote may be unbalanced.",
        )
    url = _text(st.urls[0])
    if not st.globoff and re.search(r"\\[\[\]{}]", url):
        url = re.sub(r"\\([\[\]{}])", r"\1", url)
        st.notes.append("curl's URL glob escapes (\\[ \\] \\{ \\}) removed")
    data = "&".join(st.data)
    body_text = "&".join(p for p in (data, "".join(st.json)) if p)
    query = [*st.query, data] if st.get and data else st.query
    if query:
        url += ("&" if "?" in url else "?") + "&".join(_text(q) for q in query)
    body = (
        None if st.get or not (st.data or st.json) else body_text.encode("utf-8", "surrogateescape")
    )
    headers = list(st.headers)

    def has(name: str) -> bool:
        return any(k.lower() == name for k, _ in headers)

    if st.is_json:
        for name in ("Content-Type", "Accept"):
            if not has(name.lower()):
                headers.append((name, "application/json"))
    elif body is not None and not has("content-type"):
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        st.notes.append("Content-Type: application/x-www-form-urlencoded added, as curl does")
    if st.bearer is not None and not has("authorization"):
        headers.append(("Authorization", f"Bearer {st.bearer}"))
    if st.user is not None and not has("authorization"):
        if st.other_auth:
            st.notes.append("-u with --digest/--ntlm/--negotiate is not replayed")
        elif ":" in st.user:
            basic = base64.b64encode(st.user.encode("utf-8")).decode("ascii")
            headers.append(("Authorization", f"Basic {basic}"))
            st.notes.append("-u credentials sent as Authorization: Basic")
        else:
            st.notes.append("-u without a password (curl would prompt): not sent")
    method = st.method or _default_method(st)
    return assemble_request(
        method,
        url,
        headers,
        st.cookies,
        body,
        source="curl",
        notes=st.notes,
        insecure=st.insecure,
        follow_redirects_requested=st.follow,
    )


def _default_method(st: _Curl) -> str:
    if st.head:
        return "HEAD"
    if st.get:
        return "GET"
    if st.upload:
        return "PUT"
    return "POST" if st.sends_body else "GET"


def _text(word: str) -> str:
    """A word as text: bytes written as ``\\xHH`` read as UTF-8, else as Latin-1."""
    if not re.search(r"[\udc80-\udcff]", word):
        return word
    raw = word.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
