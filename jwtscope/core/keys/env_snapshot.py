"""What the environment says, as plain data: secrets and URLs by source.

The reading (``os.environ``, ``.env`` files) happens in :mod:`jwtscope.local.dotenv_reader`; this
module only holds the values it found, in priority order, and turns them into
secret candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jwtscope.core.keys.keyset import Secret, decode_secret
from jwtscope.errors import KeyLoadError

__all__ = [
    "KNOWN_SECRET_NAMES",
    "URL_NAMES",
    "EnvSource",
    "Environment",
    "origin_of",
]

#: Variables that hold an HMAC/JWT secret, most specific first.
KNOWN_SECRET_NAMES: tuple[str, ...] = (
    "BETTER_AUTH_SECRET",
    "AUTH_SECRET",
    "JWT_SECRET",
    "JWT_SECRET_KEY",
    "SECRET_KEY",
    "NEXTAUTH_SECRET",
)

#: Variables whose origin is Better Auth's issuer and audience.
URL_NAMES: tuple[str, ...] = ("BETTER_AUTH_URL", "NEXT_PUBLIC_BETTER_AUTH_URL")

_QUOTE_CHARS = "\"'`"


@dataclass(frozen=True)
class EnvSource:
    """One place variables came from.

    Args:
        label: ``environment``, ``./.env``, ``../api/.env``, …
        values: the variables of interest found there; ``None`` for ``NAME`` with no ``=``.
    """

    label: str
    values: tuple[tuple[str, str | None], ...] = ()

    def get(self, name: str) -> tuple[bool, str | None]:
        """``(present, value)`` for one variable."""
        for key, value in self.values:
            if key == name:
                return True, value
        return False, None


@dataclass(frozen=True)
class Environment:
    """Variables of interest from every source, in priority order.

    Args:
        sources: the process environment first, then ``.env`` files.
        secret_names: the names to look for; ``--secret-env NAME`` narrows it to one.
        encoding: how secret text becomes key bytes (utf8, base64, hex).
    """

    sources: tuple[EnvSource, ...] = ()
    secret_names: tuple[str, ...] = KNOWN_SECRET_NAMES
    encoding: str = "utf8"
    files_read: tuple[str, ...] = field(default=())

    def secrets(self) -> tuple[Secret, ...]:
        """Every non-empty secret found, best first, one per distinct (name, value, source).

        A value carrying quotes or surrounding whitespace is followed by a variant with
        them stripped, so that a token signed with the clean value still verifies and
        the difference can be named.

        Raises:
            KeyLoadError: when a value is not valid in the configured encoding.
        """
        found: list[Secret] = []
        for name in self.secret_names:
            for source in self.sources:
                present, text = source.get(name)
                if not present or not text or not text.strip():
                    continue
                secret = Secret(
                    name, source.label, text, _decode(text, self.encoding, name, source)
                )
                found.append(secret)
                clean = strip_secret_text(text)
                if clean != text and clean:
                    found.append(
                        Secret(
                            name,
                            source.label,
                            clean,
                            _decode(clean, self.encoding, name, source),
                            variant="quotes/whitespace stripped",
                        )
                    )
        return tuple(found)

    def empty_secret_names(self) -> tuple[tuple[str, str], ...]:
        """``(name, source)`` of secret variables that are present but empty."""
        out: list[tuple[str, str]] = []
        for name in self.secret_names:
            for source in self.sources:
                present, text = source.get(name)
                if present and not (text or "").strip():
                    out.append((name, source.label))
        return tuple(out)

    def first(self, names: tuple[str, ...]) -> tuple[str, str, str] | None:
        """``(name, source, value)`` of the first non-empty variable among ``names``."""
        for name in names:
            for source in self.sources:
                present, text = source.get(name)
                if present and text:
                    return name, source.label, text
        return None

    def expected_origin(self) -> tuple[str, str] | None:
        """The origin of BETTER_AUTH_URL, and where it came from, when set."""
        hit = self.first(URL_NAMES)
        if hit is None:
            return None
        name, source, value = hit
        origin = origin_of(value.strip().strip(_QUOTE_CHARS))
        return (origin, f"{name} from {source}") if origin else None


def _decode(text: str, encoding: str, name: str, source: EnvSource) -> bytes:
    try:
        return decode_secret(text, encoding)
    except KeyLoadError as exc:
        raise KeyLoadError(f"{name} from {source.label}: {exc.message}", exc.fix) from exc


def strip_secret_text(text: str) -> str:
    """The value without surrounding quotes and whitespace."""
    s = text.strip()
    while len(s) >= 2 and s[0] == s[-1] and s[0] in _QUOTE_CHARS:
        s = s[1:-1].strip()
    return s


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of a URL, or None when it has no scheme and host."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"
