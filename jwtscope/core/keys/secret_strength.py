"""How strong a secret is: length, an honest estimate of its random bits, common values.

The estimate is deliberately conservative about *patterns* and generous about real
randomness: ``openssl rand -base64 32`` or ``-hex 32`` passes, while repeats,
keyboard/alphabet sequences and word-based passphrases are counted for what an attacker
would pay to guess them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from jwtscope.core.keys.common_secrets import is_common

__all__ = ["MIN_BITS", "SecretStrength", "estimate_bits", "min_length", "strength"]

#: Below this estimate a long-enough secret is reported as guessable.
MIN_BITS = 100
_MIN_LEN = {"HS384": 48, "HS512": 64}
#: A word: up to 12 letters, lower/Title/UPPER case, with a vowel unless very short
#: (jwt, api); the parts of a random string rarely all qualify.
_WORD = re.compile(
    r"^(?:(?=.*[aeiouyAEIOUY])|(?=.{1,4}$))(?:[a-z]{1,12}|[A-Z][a-z]{1,11}|[A-Z]{2,12})$"
)
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)


@dataclass(frozen=True)
class SecretStrength:
    """What is wrong with a secret's strength, if anything.

    Args:
        length: key length in bytes.
        required: the minimum length for the algorithm.
        bits: estimated bits an attacker must guess.
        common: the value is a published default or sample.
        reason: why the estimate is low (``repeats``, ``sequence``, ``words``), if it is.
    """

    length: int
    required: int
    bits: float
    common: bool
    reason: str = ""

    @property
    def short(self) -> bool:
        """Shorter than required."""
        return self.length < self.required

    @property
    def guessable(self) -> bool:
        """Long enough, but with too few estimated bits."""
        return not self.short and self.bits < MIN_BITS


def min_length(alg: str | None) -> int:
    """32 bytes, or the hash size for HS384 (48) and HS512 (64)."""
    return _MIN_LEN.get(alg or "", 32)


def strength(text: str, value: bytes, alg: str | None = None) -> SecretStrength:
    """Judge one secret.

    Args:
        text: the value as configured (for shape analysis).
        value: the key bytes (for length).
        alg: the token's algorithm, which sets the minimum length.
    """
    bits, reason = estimate_bits(text)
    return SecretStrength(
        length=len(value),
        required=min_length(alg),
        bits=bits,
        common=is_common(text),
        reason=reason,
    )


def estimate_bits(text: str) -> tuple[float, str]:
    """Estimate the guessing cost of ``text`` in bits, and name the pattern that lowers it.

    Each character costs log2 of the alphabet it is drawn from, except characters that
    continue a run (same as, or next/previous in a known sequence to, the one before),
    which cost 1 bit. A periodic string costs its period. Text shaped like words joined
    by separators costs ~11 bits a word (a large dictionary).
    """
    if not text:
        return 0.0, "empty"
    period = _period(text)
    if period < len(text):
        bits, _ = estimate_bits(text[:period])
        return bits + math.log2(len(text) / period), "repeats"
    estimates = [_char_bits(text)]
    parts = [p for p in re.split(r"[-_ .:]+", text) if p]
    if len(parts) >= 2 and all(_WORD.match(p) or p.isdigit() for p in parts):
        words = [p for p in parts if not p.isdigit()]
        digits = sum(len(p) for p in parts if p.isdigit())
        if words:
            estimates.append((11.0 * len(words) + digits * math.log2(10), "words"))
    return min(estimates)


def _char_bits(text: str) -> tuple[float, str]:
    """Per-character cost; characters deep in a run (aaa, abc, 321, qwe) cost 1 bit.

    A run is three or more characters with the same step (0, +1 or -1, or along a
    keyboard row); its first two characters are paid in full, so the chance pairs of a
    random string are not penalised.
    """
    alphabet = _alphabet_bits(text)
    bits = 0.0
    cheap = 0
    for i, ch in enumerate(text):
        if (
            i >= 2
            and _step(text[i - 2], text[i - 1]) is not None
            and (_step(text[i - 2], text[i - 1]) == _step(text[i - 1], ch))
        ):
            bits += 1.0
            cheap += 1
        else:
            bits += alphabet
    reason = "sequence" if cheap >= len(text) / 4 else ""
    return bits, reason


def _alphabet_bits(text: str) -> float:
    if re.fullmatch(r"[0-9a-f]+", text) or re.fullmatch(r"[0-9A-F]+", text):
        return 4.0
    size = 0
    if re.search(r"[a-z]", text):
        size += 26
    if re.search(r"[A-Z]", text):
        size += 26
    if re.search(r"[0-9]", text):
        size += 10
    if re.search(r"[^A-Za-z0-9]", text):
        size += 33
    return math.log2(max(size, 2))


def _step(a: str, b: str) -> int | None:
    """0 for a repeat, ±1 for alphabet/digit neighbours, 2 along a keyboard row, else None."""
    if a == b:
        return 0
    if a.isalnum() and b.isalnum() and abs(ord(b) - ord(a)) == 1:
        return ord(b) - ord(a)
    pair = (a + b).lower()
    return 2 if any(pair in seq for seq in _SEQUENCES[2:]) else None


def _period(text: str) -> int:
    n = len(text)
    for p in range(1, n // 2 + 1):
        if n % p == 0 and text[:p] * (n // p) == text:
            return p
    return n
