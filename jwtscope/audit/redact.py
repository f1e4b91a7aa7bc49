"""Redact what must never be shown whole: JWTs, session cookies and secret assignments.

Used wherever the audit shows a line of the user's files (findings, the TUI's source
view, reports): a JWT becomes ``eyJhbGciOi…<redacted JWT, 3 parts, sha256 1a2b3c4d>``,
a secret-looking assignment keeps its name and loses its value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from jwtscope.core.keys.keyset import fingerprint

__all__ = [
    "JWT_IN_TEXT",
    "SECRET_ASSIGNMENT",
    "SESSION_COOKIE",
    "find_jwts",
    "mask_values",
    "near_keywords",
    "redact_jwt",
    "redact_line",
    "url_passwords",
]

#: A compact JWS as it appears inside text (header and payload start with ``eyJ``). The
#: definition; :func:`find_jwts` finds the same matches in linear time (use it on text).
JWT_IN_TEXT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")
#: A maximal run of the characters a JWT is made of (the dots included).
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_.\-]+")
_MIN_SEGMENT = 11  # "eyJ" and at least 8 more characters

#: ``NAME=value``, ``NAME: "value"``, ``"name": "value"`` where NAME says secret/key/token.
SECRET_ASSIGNMENT = re.compile(
    r"""(?ix)
    (?P<name>["']?(?<![A-Za-z0-9_])[A-Za-z0-9_.-]{0,64}?(?:secret|password|passwd|private_?key|
        api_?key|signing_?key|jwt_?key|token)[A-Za-z0-9_]{0,64}["']?)
    (?P<sep>\s*(?::=|=|:)\s*)
    (?P<quote>["'`]?)
    (?P<value>[^"'`\s,;}{()\[\]]{4,})
    """
)

#: The words the name of :data:`SECRET_ASSIGNMENT` contains.
_SECRET_WORDS = re.compile(
    r"(?i)secret|password|passwd|private_?key|api_?key|signing_?key|jwt_?key|token"
)
#: How far before its keyword a match may start, and after it its value starts.
_REACH = 160

#: ``scheme://user:password@``: the password of a URL's userinfo.
_URL_PASSWORD = re.compile(
    r"(?i)(?P<head>[a-z][a-z0-9+.-]{0,20}://[^\s:/@]{0,256}:)(?P<value>[^\s@/]{1,256})@"
)
_URL_MARK = re.compile("://")

#: Better Auth's session cookie value (``<32 chars>.<base64 HMAC>``, maybe URL-encoded).
SESSION_COOKIE = re.compile(
    r"(?P<name>(?:__Secure-)?better-auth\.session_token=)(?P<value>[A-Za-z0-9]{32}\.[A-Za-z0-9+/_%-]{20,}(?:=|%3D){0,2})"
)

#: A whole ``NAME=value`` line of a .env file or shell whose name says secret.
_ENV_LINE = re.compile(
    r"^(?P<head>\s*(?:export\s+)?[A-Z][A-Z0-9_]{0,64}?(?:SECRET|PASSWORD|PRIVATE_KEY|API_KEY|TOKEN)"
    r"[A-Z0-9_]{0,64}\s*=\s*)(?P<value>\S(?:.*\S)?)\s*$"
)

_SAFE_VALUES = re.compile(
    r"(?i)^(?:process\.env\.|os\.environ|os\.getenv|env\(|settings\.|config\.|import\.meta\.env|"
    r"\$\{|\$[A-Z_]|<|\*{3,}|x{4,}|undefined$|null$|none$|true$|false$|string$|str$)"
)


_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$.]*$")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _code_like(name: str, value: str, line: str, end: int) -> bool:
    """An unquoted value that is an expression (``getToken(``, ``user.token``), not a secret."""
    if _ENV_NAME.match(name.strip("\"'")):
        return False  # NAME=value: an env file or a shell line
    return bool(_IDENTIFIER.match(value) and not any(c.isdigit() for c in value)) or (
        line[end : end + 1] == "("
    )


def find_jwts(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every match of :data:`JWT_IN_TEXT` in ``text``, found in
    linear time: maximal runs of token characters first, then their dot-separated
    segments (the regular expression itself backtracks quadratically on ``eyJeyJ…``)."""
    out: list[tuple[int, int]] = []
    if "eyJ" not in text:
        return out
    for run in _TOKEN_RUN.finditer(text):
        if "eyJ" not in run.group(0):
            continue
        segments = run.group(0).split(".")
        offsets = [run.start()]
        for segment in segments[:-1]:
            offsets.append(offsets[-1] + len(segment) + 1)
        i = 0
        while i + 2 < len(segments):
            head, payload = segments[i], segments[i + 1]
            at = head.find("eyJ")
            if 0 <= at <= len(head) - _MIN_SEGMENT and _segment_ok(payload):
                end = offsets[i + 2] + len(segments[i + 2])
                out.append((offsets[i] + at, end))
                i += 3
            else:
                i += 1
    return out


def _segment_ok(segment: str) -> bool:
    return segment.startswith("eyJ") and len(segment) >= _MIN_SEGMENT


def near_keywords(
    pattern: re.Pattern[str], keywords: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``, left to right and not overlapping, for a
    pattern whose matches hold a keyword near their start (a secret's name): searched only
    in a window around each keyword, so the work stays linear in ``text`` even where the
    pattern would backtrack from every position of a long line."""
    pos = 0
    for word in keywords.finditer(text):
        if word.start() < pos:
            continue
        window = pattern.search(text, max(pos, word.start() - _REACH), word.end() + _REACH)
        if window is None:
            continue
        found = pattern.match(text, window.start())  # the same start, the value unbounded
        if found is None:
            continue
        yield found
        pos = max(found.end(), pos + 1)


def _sub_jwts(text: str) -> str:
    spans = find_jwts(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts += [text[last:start], redact_jwt(text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def url_passwords(text: str) -> list[str]:
    """The passwords of ``scheme://user:password@`` URLs in ``text``."""
    return [m.group("value") for m in near_keywords(_URL_PASSWORD, _URL_MARK, text)]


def mask_values(text: str, values: tuple[str, ...]) -> str:
    """``text`` with every exact occurrence of ``values`` (secrets known from the project's
    ``.env`` files, longest first) replaced by its length and fingerprint."""
    for value in values:
        if value in text:
            text = text.replace(value, f"<redacted: {fingerprint(value.encode(), len(value))}>")
    return text


def redact_jwt(token: str) -> str:
    """A short stand-in for a JWT: its first characters and a fingerprint."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:8]
    return f"{token[:10]}…<redacted JWT, sha256 {digest}>"


def redact_line(line: str) -> str:
    """``line`` with every JWT, session cookie and secret value replaced by a stand-in."""
    line = _sub_jwts(line)
    if "://" in line:
        line = mask_values(line, tuple(sorted(set(url_passwords(line)), key=len, reverse=True)))
    env = _ENV_LINE.match(line)
    if env and "<redacted" not in env.group("value") and not _SAFE_VALUES.match(env.group("value")):
        value = env.group("value")
        quote = value[0] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else ""
        inner = value[1:-1] if quote else value
        shown = f"<redacted: {fingerprint(inner.encode(), len(inner))}>"
        return f"{env.group('head')}{quote}{shown}{quote}"
    line = SESSION_COOKIE.sub(lambda m: m.group("name") + "<redacted session token>", line)

    def _secret(m: re.Match[str]) -> str:
        value = m.group("value")
        if _SAFE_VALUES.match(value) or "<redacted" in value or value.startswith("eyJ"):
            return m.group(0)
        if not m.group("quote") and _code_like(m.group("name"), value, m.string, m.end()):
            return m.group(0)
        shown = f"<redacted: {fingerprint(value.encode(), len(value))}>"
        return f"{m.group('name')}{m.group('sep')}{m.group('quote')}{shown}"

    parts: list[str] = []
    last = 0
    for m in near_keywords(SECRET_ASSIGNMENT, _SECRET_WORDS, line):
        parts += [line[last : m.start()], _secret(m)]
        last = m.end()
    line = "".join([*parts, line[last:]])
    return _literals(line) if _SENSITIVE.search(line) else line


#: A line of code where any string literal may be a key: it names a secret or signs/verifies.
_SENSITIVE = re.compile(
    r"(?i)(secret|passw|private_?key|api_?key|signing_?key|jwt_?key|hmac|"
    r"\b(?:jwt|jose|jws)\.(?:en|de)code|\bkey\s*=)"
)
#: A string literal in Python or JavaScript (with Python prefixes).
_LITERAL = re.compile(
    r"""(?P<prefix>(?<![A-Za-z0-9_])[rRbBuUfF]{1,2}|)(?P<q>["'`])"""
    r"""(?P<body>(?:\\.|(?!(?P=q)).)*)(?P=q)"""
)
#: Literals that are never a secret: env names, algorithms, URLs, redactions, dict keys.
_KEEP = re.compile(
    r"^(?:[A-Z][A-Z0-9_]*|(?:HS|RS|PS|ES)(?:256|384|512)|EdDSA|none|utf-?8|ascii|"
    r"https?://\S*|Bearer|Authorization|sub|exp|iat|nbf|aud|iss|jti|kid|alg|typ|"
    r"verify_\w+|require|options|algorithms?|audience|issuer|leeway|)$"
)


def _literals(line: str) -> str:
    """Every string literal of a sensitive line that could be a key, as a fingerprint."""

    def _one(m: re.Match[str]) -> str:
        body = m.group("body")
        key = line[m.end() : m.end() + 3].lstrip().startswith(":") and m.group("q") != "`"
        if _KEEP.match(body) or "<redacted" in body or key:
            return m.group(0)  # a name, an algorithm, a URL, or a dict key ("secret": …)
        shown = f"<redacted: {fingerprint(body.encode(), len(body))}>"
        return f"{m.group('prefix')}{m.group('q')}{shown}{m.group('q')}"

    return _LITERAL.sub(_one, line)
