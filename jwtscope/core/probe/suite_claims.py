"""Which of token A's claims an exported suite may write, and the stand-ins for the rest.

The suite re-mints token A with its other claims (a role, scopes, a tenant: what the
server may need to accept A as the probe sent it), but a value that identifies a person
is never written. A claim is personal by its name (OIDC's profile claims and their
usual spellings: email, name, phone, picture, address, birthdate, username...) or by
its value's shape (an e-mail address, a phone number, an IP address, a personal name
like "Ada Lovelace"), at any depth of a nested claim. A personal claim keeps its NAME
(the server may require it) with a stand-in of the same shape (``user-a@example.com``),
and a top-level one is read at test time from an environment variable first
(``JWTSCOPE_A_EMAIL``), so the real value can be given without being written.

``sub`` is written only when it is an opaque id (a number, a UUID, a long random-looking
id, jwtscope's own ``user-a``); else the stand-in (``user-a``), overridable with
``JWTSCOPE_SUB_A``. These are rules of thumb: a personal value under an innocent name,
shaped like nothing above (a bare first name), is not recognised.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PersonalClaim",
    "opaque_id",
    "personal_strings",
    "split_claims",
]

#: Claim names (lower case, ``_``/``-`` removed) that identify a person, with the shape
#: of their stand-in.
_BY_NAME = {
    **dict.fromkeys(("email", "mail", "emailaddress", "upn"), "email"),
    **dict.fromkeys(("phone", "phonenumber", "mobile", "tel", "telephone"), "phone"),
    **dict.fromkeys(("picture", "avatar", "avatarurl", "image", "photo"), "url"),
    **dict.fromkeys(("profile", "website", "homepage"), "url"),
    **dict.fromkeys(("birthdate", "dob", "dateofbirth", "birthday"), "date"),
    **dict.fromkeys(("ip", "ipaddr", "ipaddress"), "ip"),
    **dict.fromkeys(
        ("name", "fullname", "givenname", "familyname", "middlename", "firstname"), "name"
    ),
    **dict.fromkeys(("lastname", "surname", "displayname"), "name"),
    **dict.fromkeys(
        ("nickname", "username", "preferredusername", "uniquename", "login", "handle"), "text"
    ),
    **dict.fromkeys(("address", "streetaddress", "gender", "ssn", "nationalid"), "text"),
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([T ].*)?")
_PERSON = re.compile(r"[A-Z][a-z'’-]+(\s+[A-Z][a-z'’.-]*)+")
_UUID = re.compile(r"[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}")
_ID_CHARS = re.compile(r"[A-Za-z0-9_|:.+=-]+")
_OWN_IDS = frozenset({"user-a", "user-b", "user-b2"})


@dataclass(frozen=True)
class PersonalClaim:
    """A top-level personal claim of token A: its name, the variable that gives its value
    at test time, and the stand-in used without it."""

    name: str
    variable: str
    stand_in: Any


def _kind_by_name(name: str) -> str | None:
    return _BY_NAME.get(re.sub(r"[\W_]", "", name.lower()))


def _kind_by_shape(value: str) -> str | None:
    text = value.strip()
    if _EMAIL.fullmatch(text):
        return "email"
    if _DATE.fullmatch(text):
        return None  # a date alone says nothing of a person (birthdate: by name)
    digits = sum(ch.isdigit() for ch in text)
    if _PHONE.fullmatch(text) and 7 <= digits <= 15 and (text[0] == "+" or not text.isdigit()):
        return "phone"
    try:
        ipaddress.ip_address(text)
    except ValueError:
        pass
    else:
        return "ip"
    return "name" if _PERSON.fullmatch(text) else None


def _stand_in(kind: str, user: str) -> str:
    return {
        "email": f"user-{user}@example.com",
        "phone": "+15555550100",
        "url": f"https://example.com/user-{user}",
        "date": "2000-01-01",
        "ip": "192.0.2.1",
        "name": f"User {user.upper()}",
    }.get(kind, f"user-{user}")


def _scrub(name: str, value: Any, user: str, kind: str | None = None) -> Any:
    """``value`` with every personal string replaced by its stand-in (``kind``: the kind
    its parent claim's name gave)."""
    kind = _kind_by_name(name) or kind
    if isinstance(value, Mapping):
        return {k: _scrub(str(k), v, user, kind) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(name, v, user, kind) for v in value]
    if isinstance(value, str):
        found = kind or _kind_by_shape(value)
        return _stand_in(found, user) if found else value
    if kind is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return 0  # a phone number given as a number
    return value


def split_claims(
    claims: Mapping[str, Any], user: str = "a"
) -> tuple[tuple[tuple[str, Any], ...], tuple[PersonalClaim, ...]]:
    """Token ``user``'s claims as the suite may write them.

    Returns:
        ``(claims written, scrubbed inside where needed; personal top-level claims)``.
    """
    kept: list[tuple[str, Any]] = []
    personal: list[PersonalClaim] = []
    for name, value in claims.items():
        scrubbed = _scrub(name, value, user)
        if scrubbed == value:
            kept.append((name, value))
        elif isinstance(value, (str, int, float)):
            variable = f"JWTSCOPE_{user.upper()}_" + re.sub(r"\W", "_", name).upper()
            personal.append(PersonalClaim(name, variable, scrubbed))
        else:
            kept.append((name, scrubbed))
    return tuple(kept), tuple(personal)


def opaque_id(value: str) -> bool:
    """An id that names no one: a number, a UUID, jwtscope's own ``user-a``, or a long
    random-looking id (16+ id characters with digits and letters, no e-mail)."""
    text = value.strip()
    if text in _OWN_IDS or text.isdigit() or _UUID.fullmatch(text):
        return True
    if _kind_by_shape(text) is not None or not _ID_CHARS.fullmatch(text):
        return False
    has_both = any(c.isdigit() for c in text) and any(c.isalpha() for c in text)
    return len(text) >= 16 and has_both


def personal_strings(claims: Mapping[str, Any]) -> Iterator[str]:
    """Every string of ``claims`` that :func:`split_claims` would not write (and ``sub``
    when not opaque): the texts an exported file must not hold anywhere."""
    for name, value in claims.items():
        if name == "sub":
            if isinstance(value, str) and not opaque_id(value):
                yield value
            continue
        yield from _changed(value, _scrub(name, value, "a"))


def _changed(before: Any, after: Any) -> Iterator[str]:
    if isinstance(before, str) and before != after:
        yield before
    elif isinstance(before, Mapping) and isinstance(after, Mapping):
        for key, value in before.items():
            yield from _changed(value, after.get(key))
    elif isinstance(before, list) and isinstance(after, list):
        for old, new in zip(before, after, strict=False):
            yield from _changed(old, new)
