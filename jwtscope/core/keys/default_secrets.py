"""The short list of framework-default and documentation-example secrets that
``replay --guess-server-secret`` tries on a local server (package data,
``default_secrets.txt``, read on first use; same line format as ``common_secrets.txt``)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jwtscope.core.keys.common_secrets import _entry

__all__ = ["MAX_GUESSES", "default_secrets"]

#: At most this many candidates are ever sent (the request budget of a guess is 50).
MAX_GUESSES = 40


@cache
def default_secrets() -> tuple[str, ...]:
    """The candidates, best first, at most :data:`MAX_GUESSES`."""
    text = files("jwtscope.core.keys").joinpath("default_secrets.txt").read_text(encoding="utf-8")
    entries = [_entry(line) for line in text.split("\n") if line and not line.startswith("#")]
    return tuple(dict.fromkeys(entries))[:MAX_GUESSES]
