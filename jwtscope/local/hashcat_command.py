"""What jwtscope says to and reads from hashcat (mode 16500, JWT): the attack
(:class:`HashcatAttack`), the command line, the token limits hashcat accepts, its
``--status-json`` lines and its potfile lines. Text in, text out — starting the
process is :mod:`jwtscope.local.hashcat_run`'s job."""

from __future__ import annotations

import binascii
import json
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jwtscope.local.crack_progress import CrackProgress

__all__ = [
    "HASHCAT_EXIT",
    "INSTALL_HINT",
    "HashcatAttack",
    "command_line",
    "decode_plain",
    "hashcat_refusal",
    "key_in_potfile",
    "parse_status",
    "remote_recipe",
]

#: How to get hashcat, in one line.
INSTALL_HINT = (
    "install hashcat (Debian/Ubuntu: apt-get install hashcat pocl-opencl-icd for the CPU; "
    "a GPU also needs its vendor's OpenCL/CUDA driver)"
)

#: hashcat's exit codes and what they mean to jwtscope (0 and 1 are answers, not errors).
HASHCAT_EXIT = {
    0: "cracked",
    1: "exhausted",
    2: "aborted (stopped by a signal or the user)",
    3: "aborted by a checkpoint",
    4: "aborted by its runtime limit",
    5: "aborted after the finish",
    255: "error",
}

#: Mode 16500's parser (hashcat 6.2): header and payload at most 2047 base64url
#: characters each, ``header.payload`` at most 4096, and a signature of 43 (HS256),
#: 64 (HS384) or 86 (HS512) characters.
_MAX_PART = 2047
_MAX_SIGNING_INPUT = 4096
_SIGNATURE_LENGTHS = (43, 64, 86)
_BASE64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@dataclass(frozen=True)
class HashcatAttack:
    """What hashcat tries: a wordlist (``-a 0``, optionally with a rules file) or a
    mask (``-a 3``).

    Attributes:
        wordlist: candidate keys, one per line (dictionary attack).
        rules: a hashcat rules file applied to every word (``-r``).
        mask: a hashcat mask such as ``?l?l?l?d?d`` (brute force; no wordlist).
    """

    wordlist: Path | None = None
    rules: Path | None = None
    mask: str | None = None

    def arguments(self) -> list[str]:
        """The attack's part of the command line (mode, list or mask, rules)."""
        if self.mask is not None:
            return ["-a", "3", self.mask]
        if self.wordlist is None:
            raise ValueError("a dictionary attack needs a wordlist")
        rules = ["-r", str(self.rules)] if self.rules is not None else []
        return ["-a", "0", str(self.wordlist), *rules]


def command_line(
    executable: str, hash_file: Path, outfile: Path, attack: HashcatAttack, session: str
) -> list[str]:
    """The full hashcat command jwtscope runs: nothing written outside the private
    directory of ``hash_file`` and ``outfile`` (no potfile, log or restore file), the
    answer as the plain key only, a JSON status line every second on stdout.

    ``session`` must be unique per run: hashcat refuses to start while another run of
    the same session name (``hashcat`` by default) is going ("Already an instance").
    """
    mode = attack.arguments()
    return [
        executable,
        "-m",
        "16500",
        mode[0],
        mode[1],
        str(hash_file),
        *mode[2:],
        "--session",
        session,
        "--potfile-disable",
        "--logfile-disable",
        "--restore-disable",
        "--outfile",
        str(outfile),
        "--outfile-format",
        "2",
        "--quiet",
        "--status",
        "--status-json",
        "--status-timer",
        "1",
    ]


def hashcat_refusal(token: str) -> str | None:
    """Why hashcat's mode 16500 would refuse this token, or ``None`` if it takes it.

    hashcat reads the token into a fixed 4 KB buffer; a larger header or payload is a
    "token length exception" there, while jwtscope's own search has no limit.
    """
    parts = token.strip().split(".")
    if len(parts) != 3:
        return "hashcat takes a JWT of 3 parts"
    header, payload, signature = parts
    if len(header) > _MAX_PART or len(payload) > _MAX_PART:
        longest = max(len(header), len(payload))
        return (
            f"hashcat takes a header or payload of at most {_MAX_PART} characters; "
            f"this token has {longest:,}"
        )
    if len(header) + 1 + len(payload) > _MAX_SIGNING_INPUT:
        return f"hashcat takes at most {_MAX_SIGNING_INPUT} characters before the signature"
    if len(signature) not in _SIGNATURE_LENGTHS:
        return "hashcat takes an unpadded HS256/384/512 signature"
    if not all(set(part) <= _BASE64URL for part in parts):
        return "hashcat takes base64url parts without padding or other characters"
    return None


def parse_status(line: str, elapsed: float) -> CrackProgress | None:
    """A ``--status-json`` line as a progress snapshot (``None`` for any other line).

    ``progress`` is ``[done, total]`` in candidates (words × rules, or the mask's
    keyspace); both go in the byte fields so the bar's fraction and ETA work unchanged.
    """
    text = line.strip()
    if not text.startswith("{"):
        return None
    try:
        status = json.loads(text)
        done, total = (int(value) for value in status["progress"])
    except (ValueError, KeyError, TypeError):
        return None
    return CrackProgress(tried=done, bytes_done=done, bytes_total=total, elapsed=elapsed)


def decode_plain(text: str) -> bytes:
    """hashcat's plain text as bytes: ``$HEX[6b6579]`` is how it writes keys that are
    not printable."""
    if text.startswith("$HEX[") and text.endswith("]"):
        try:
            return binascii.unhexlify(text[5:-1])
        except (binascii.Error, ValueError):
            pass
    return text.encode("utf-8", "surrogateescape")


def key_in_potfile(lines: Iterable[str], token: str) -> bytes | None:
    """The key of ``token`` in potfile lines (``<jwt>:<key>``), or ``None``.

    Only the line of this token is read; the others are never returned or shown.
    """
    wanted = token.strip()
    for line in lines:
        hash_part, sep, plain = line.rstrip("\r\n").partition(":")
        if sep and hash_part == wanted:
            return decode_plain(plain)
    return None


def remote_recipe(token: str, attack: HashcatAttack) -> str:
    """Shell lines to run the same search on another machine (a GPU box) and bring the
    answer back: write the hash file (the token itself), run hashcat, show the result
    as a potfile line that ``jwtscope crack TOKEN --import-potfile FILE`` reads."""
    argv = ["hashcat", "-m", "16500", *attack.arguments()[:2], "jwt.hash", *attack.arguments()[2:]]
    return "\n".join(
        [
            "umask 077",
            f"printf '%s\\n' {shlex.quote(token.strip())} > jwt.hash",
            shlex.join(argv),
            "hashcat -m 16500 jwt.hash --show > jwt.pot",
        ]
    )
