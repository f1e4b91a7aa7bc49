"""The backend's ``issuer=``/``audience=`` held against what Better Auth writes in
``iss``/``aud``: the near misses (AUDIT-BA-ISS-AUD-MISMATCH) — a trailing slash, http vs
https on the same host, or the base URL where a custom ``jwt.issuer`` / ``jwt.audience``
is configured — which the engine causes missed. Values that differ otherwise (another
host, localhost vs the public host: :func:`host_note` says so) stay CAUSE-AUDIENCE /
CAUSE-ISSUER in :mod:`jwtscope.audit.frontend.crosscheck`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jwtscope.audit.envfiles import EnvFiles

__all__ = ["claim_difference", "env_values", "host_note", "near_miss"]

_LOCAL = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})


def claim_difference(value: str, expected: str) -> str | None:
    """How a URL-like ``value`` misses ``expected``, in words; None when not a near miss."""
    if value == expected:
        return None
    if value.rstrip("/") == expected.rstrip("/"):
        return "a trailing slash"
    a, e = urlsplit(value), urlsplit(expected)
    if not (a.scheme and e.scheme and a.hostname and e.hostname):
        return None
    if a.scheme != e.scheme and a.netloc == e.netloc and a.path.rstrip("/") == e.path.rstrip("/"):
        return f"{a.scheme} vs {e.scheme}"
    return None


def host_note(value: str, expected: str) -> str:
    """`` (localhost vs the public host)`` when that is how they differ, else ``""``."""
    a, e = urlsplit(value).hostname, urlsplit(expected).hostname
    if a and e and (a in _LOCAL) != (e in _LOCAL):
        return " (localhost vs the public host)"
    return ""


def near_miss(
    kind: str,
    value: str,
    expected: str,
    *,
    custom: bool,
    base_urls: set[str],
    overridden: bool,
) -> str | None:
    """The detail of an AUDIT-BA-ISS-AUD-MISMATCH, or None.

    Args:
        kind: ``audience`` or ``issuer``.
        value: what the backend passes.
        expected: what Better Auth writes.
        custom: ``jwt.<kind>`` is set in the plugin (a literal).
        base_urls: the Better Auth base URL origins the project names (any environment).
        overridden: the value is a settings default an ``.env`` file sets: unknown.
    """
    claim = "aud" if kind == "audience" else "iss"
    if value == expected or overridden:
        return None
    if custom and value.rstrip("/") in base_urls:
        return (
            f"The backend expects {kind} {value!r} (the base URL), but the jwt() plugin "
            f"sets jwt.{kind}: Better Auth's tokens carry {claim} {expected!r}."
        )
    if value in base_urls:
        return None  # the base URL of another environment (.env.production…): undecided
    diff = claim_difference(value, expected)
    if diff is None:
        return None
    return (
        f"The backend expects {kind} {value!r}, but Better Auth's tokens carry {claim} "
        f"{expected!r} ({diff}); PyJWT compares them exactly."
    )


def env_values(env: EnvFiles | None, name: str, near: str) -> set[str]:
    """The values the ``.env`` files of ``near``'s folder and its parents give ``name``
    (settings read it in any case), templates left out: what a settings field runs with."""
    if env is None:
        return set()
    low = name.lower()
    return {
        (v or "").strip() for f in env.chain(near) for n, v in f.values.items() if n.lower() == low
    }
