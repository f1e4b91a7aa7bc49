"""Built-in list of default, sample and placeholder secrets that people actually ship.

The list is package data, ``common_secrets.txt`` next to this module (its header says
where the values come from and how a line is written); it is read once, on first use,
through :mod:`importlib.resources`. ``COMMON_SECRETS`` and ``COMMON_SECRET_SET`` are
module attributes computed on first access, so importing the module reads nothing.

The module is pure apart from that read: no environment, no clock, no other file.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

__all__ = ["COMMON_SECRETS", "COMMON_SECRET_SET", "candidates", "is_common"]

if TYPE_CHECKING:
    #: Every entry, in file order (best first).
    COMMON_SECRETS: tuple[str, ...]
    #: The same, as a set for membership tests.
    COMMON_SECRET_SET: frozenset[str]

_DATA_FILE = "common_secrets.txt"


@cache
def _entries() -> tuple[str, ...]:
    """The entries of the data file, in order (comments and empty lines skipped)."""
    text = files("jwtscope.core.keys").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    return tuple(_entry(line) for line in text.split("\n") if line and not line.startswith("#"))


def _entry(line: str) -> str:
    """One line of the data file as a value: a JSON string, or the line as written."""
    if line.startswith('"'):
        value = json.loads(line)
        if not isinstance(value, str):
            raise ValueError(f"{_DATA_FILE}: not a JSON string: {line!r}")
        return value
    return line


@cache
def _entry_set() -> frozenset[str]:
    return frozenset(_entries())


def __getattr__(name: str) -> tuple[str, ...] | frozenset[str]:
    """``COMMON_SECRETS`` and ``COMMON_SECRET_SET``, read on first access (PEP 562)."""
    if name == "COMMON_SECRETS":
        return _entries()
    if name == "COMMON_SECRET_SET":
        return _entry_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Entries made only of ASCII letters, digits, spaces and "-_." are "plain words": for
# those, `is_common` also matches regardless of case ("ChangeMe", "SECRET", ...).
# Entries with any other character (random-looking keys, the Superset and Flask byte
# strings, ...) only match exactly.
_PLAIN_WORD = re.compile(r"[A-Za-z0-9 ._-]+")


@cache
def _plain_words_lower() -> frozenset[str]:
    return frozenset(s.lower() for s in _entries() if _PLAIN_WORD.fullmatch(s))


_QUOTES = ('"', "'", "`")

# Standard-alphabet base64 of at least 32 characters (padding optional): candidates for
# the "decode the configured string as base64" pattern (jjwt Decoders.BASE64,
# PostgREST jwt-secret-is-base64, ...).
_BASE64 = re.compile(r"[A-Za-z0-9+/]{32,}={0,2}")
# Even-length hex of at least 32 characters: candidates for bytes.fromhex(...) /
# Buffer.from(..., "hex").
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2}){16,}")


def _unquote(secret: str) -> str:
    """Strip surrounding whitespace, then one matching pair of quotes, then whitespace."""
    s = secret.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in _QUOTES:
        s = s[1:-1].strip()
    return s


def is_common(secret: str) -> bool:
    """Return True if ``secret`` is one of the built-in known secrets.

    Matching, in order:

    1. exact membership in :data:`COMMON_SECRET_SET`;
    2. the same after stripping surrounding whitespace and one pair of matching
       surrounding quotes (``"..."``, ``'...'`` or backticks), as left by a
       hand-written ``.env`` line such as ``JWT_SECRET="changeme" ``;
    3. case-insensitively, but only against "plain word" entries (ASCII letters,
       digits, spaces and ``-_.``), so ``ChangeMe`` or ``SECRET_KEY`` match while
       random-looking keys still need an exact match.
    """
    if secret in _entry_set():
        return True
    stripped = _unquote(secret)
    if not stripped:
        return False
    if stripped in _entry_set():
        return True
    return stripped.lower() in _plain_words_lower()


def _latin1(entry: str) -> bytes | None:
    """The raw bytes of a ``b'...'`` literal, for entries with U+0080..U+00FF only."""
    if entry.isascii() or any(ord(c) > 0xFF for c in entry):
        return None
    return entry.encode("latin-1")


def _base64_decoded(entry: str) -> bytes | None:
    if not _BASE64.fullmatch(entry):
        return None
    body = entry.rstrip("=")
    if len(body) % 4 == 1:
        return None
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _hex_decoded(entry: str) -> bytes | None:
    return bytes.fromhex(entry) if _HEX.fullmatch(entry) else None


def _variants() -> Iterator[bytes | None]:
    entries = _entries()
    for entry in entries:
        yield entry.encode("utf-8")
    for convert in (_latin1, _base64_decoded, _hex_decoded):
        for entry in entries:
            yield convert(entry)
    for entry in entries:
        yield (entry + "\n").encode("utf-8")


def candidates() -> Iterator[bytes]:
    """Yield HMAC key candidates for a dictionary search, best first, without repeats.

    1. Every entry of :data:`COMMON_SECRETS`, UTF-8 encoded, in list order.
    2. For entries with characters U+0080..U+00FF (the Flask docs keys), the
       Latin-1 encoding: the raw bytes of the ``b'...'`` literal the docs show.
    3. For entries that look like base64 (32+ characters), the decoded bytes: Spring
       tutorials pass the configured string through ``Decoders.BASE64`` and
       PostgREST can treat the secret as base64.
    4. For entries that are hex (32+ digits), the hex-decoded bytes
       (``bytes.fromhex``, ``Buffer.from(s, "hex")``).
    5. Every entry followed by ``"\\n"``: the secret read from a file (a Docker or
       Kubernetes secret file, ``open(...).read()``, ``fs.readFileSync``) without
       stripping the newline that ``echo`` or an editor appended -- a classic mistake.

    Variants are cheap (a few hundred extra HMACs) and come after all the plain
    entries, so a search that stops at the first hit finds the likeliest one first.
    """
    seen: set[bytes] = set()
    for value in _variants():
        if value and value not in seen:
            seen.add(value)
            yield value
