"""Exceptions raised where jwtscope cannot go on.

Findings about a token are data (see :mod:`jwtscope.core.findings`), never exceptions.
Exceptions are kept for the cases where analysis itself cannot continue: unusable
input, an unreadable key or ``.env`` file, a network failure. Each carries a one-line
message and a fix, so every surface can show "what went wrong" and "what to do"
without a traceback. Messages never contain a secret or a full token.

The tree::

    JwtscopeError            root; ``str(err)`` is the one-line message
    ├── InputError           the pasted/loaded token text cannot be used at all
    ├── UsageError           an option value is invalid (``--at``, ``--claim``, …)
    ├── KeyLoadError         a PEM / JWK / JWKS / secret cannot be read or parsed
    ├── EnvFileError         a ``.env`` file cannot be read
    └── NetworkError         an HTTP fetch failed (refused, timeout, redirect, not JSON)
"""

from __future__ import annotations

__all__ = [
    "EnvFileError",
    "InputError",
    "JwtscopeError",
    "KeyLoadError",
    "NetworkError",
    "UsageError",
]


class JwtscopeError(Exception):
    """Root of every error jwtscope raises on purpose.

    Args:
        message: one line saying what went wrong (no secrets, no full tokens).
        fix: one line saying what the user can do about it.
    """

    title = "jwtscope error"

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        """The message and the fix, for a terminal."""
        return f"{self.message} — {self.fix}" if self.fix else self.message


class InputError(JwtscopeError):
    """The token text cannot be used (empty, binary, unreadable file)."""

    title = "Unusable input"


class UsageError(JwtscopeError):
    """An option has a value jwtscope cannot interpret."""

    title = "Invalid option"


class KeyLoadError(JwtscopeError):
    """A key, JWK, JWKS or secret cannot be loaded."""

    title = "Key not loaded"


class EnvFileError(JwtscopeError):
    """A ``.env`` file cannot be read."""

    title = ".env file not read"


class NetworkError(JwtscopeError):
    """An HTTP request failed or its answer could not be used."""

    title = "Network error"
