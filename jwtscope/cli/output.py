"""The CLI's output boundary: everything a command prints passes one guard.

The guard (:class:`~jwtscope.core.output_guard.OutputGuard`) masks token signatures,
credentials and every secret the command loaded (``load_env``/``load_keys`` register
them), and neutralises control characters, so that a token's claims or a server's
echo can neither leak a credential nor drive the terminal. JSON is printed strict.
Two outputs are the user's own request and are not masked: the token ``mint`` signs and
the key ``crack`` finds (their control characters are still neutralised).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from jwtscope.core.output_guard import OutputGuard, neutralise_controls

__all__ = ["emit", "emit_json", "emit_raw", "guard", "remember_secrets"]

_state: dict[str, OutputGuard] = {"guard": OutputGuard()}


def guard() -> OutputGuard:
    """The guard of this run, with every secret loaded so far."""
    return _state["guard"]


def remember_secrets(texts: Iterable[str]) -> None:
    """Mask these secrets (as typed and in simple encodings) in everything printed later."""
    _state["guard"] = guard().with_secrets(t for t in texts if t)


def emit(
    text: str = "", *, err: bool = False, end: str = "\n", flush: bool = False, color: bool = False
) -> None:
    """Print ``text`` through the guard (``color`` keeps jwtscope's own colour codes)."""
    stream = sys.stderr if err else sys.stdout
    print(guard().text(text, keep_sgr=color), end=end, file=stream, flush=flush)


def emit_json(data: Any) -> None:
    """Print ``data`` as strict JSON (no NaN/Infinity, no lone surrogates), guarded."""
    text = json.dumps(
        guard().data(data),
        indent=2,
        ensure_ascii=False,
        allow_nan=False,
        default=lambda value: guard().text(str(value)),
    )
    print(text)


def emit_raw(text: str, *, err: bool = False) -> None:
    """Print what the user asked to see whole (a minted token, a found key): controls
    are neutralised, nothing is masked."""
    print(neutralise_controls(text), file=sys.stderr if err else sys.stdout)
