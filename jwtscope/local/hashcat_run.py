"""Run hashcat (mode 16500) on one token and report like the built-in search: the
hash file and the answer live in a private temporary directory (0700, files 0600)
that is removed afterwards — on success, errors and Ctrl-C alike; progress comes from
hashcat's ``--status-json`` lines; Ctrl-C sends SIGINT to hashcat and waits for it.

Nothing here prints: progress goes to the caller's callback, failures are raised as
:class:`~jwtscope.errors.JwtscopeError` (the token never in their text), and the key
is only in the result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from jwtscope.errors import InputError, JwtscopeError
from jwtscope.local.crack_progress import CrackProgress
from jwtscope.local.crack_search import CrackResult
from jwtscope.local.hashcat_command import (
    HASHCAT_EXIT,
    INSTALL_HINT,
    HashcatAttack,
    command_line,
    decode_plain,
    hashcat_refusal,
    parse_status,
)

__all__ = ["HashcatRefused", "find_hashcat", "has_gpu", "run_hashcat"]

#: Seconds hashcat gets to stop after SIGINT before it is killed.
_STOP_GRACE = 10.0

#: Anything that may be (part of) the token in hashcat's messages.
_TOKENISH = re.compile(r"[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]*)*")

#: Seconds ``hashcat -I`` may take to list the devices.
_INFO_TIMEOUT = 60.0


class HashcatRefused(JwtscopeError):
    """hashcat cannot take this token (too long for mode 16500); the built-in search can."""

    title = "hashcat cannot take this token"


def find_hashcat() -> str | None:
    """The hashcat executable on PATH, or ``None``."""
    return shutil.which("hashcat")


def has_gpu(executable: str) -> bool:
    """Whether hashcat sees a GPU (``hashcat -I``); on CPUs alone the built-in search
    is faster (``bench/bench_hashcat.py``)."""
    try:
        info = subprocess.run(
            [executable, "-I"],
            capture_output=True,
            text=True,
            timeout=_INFO_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return re.search(r"^\s*Type\.*:\s*GPU\b", info.stdout, re.MULTILINE) is not None


def run_hashcat(
    token: str,
    attack: HashcatAttack,
    *,
    executable: str | None = None,
    progress: Callable[[CrackProgress], None] | None = None,
    started: Callable[[], None] | None = None,
    temp_root: Path | None = None,
) -> CrackResult:
    """Search for ``token``'s HMAC key with hashcat.

    Args:
        token: the compact JWT (it is the mode-16500 hash).
        attack: wordlist (with optional rules) or mask.
        executable: hashcat's path; found on PATH by default.
        progress: called with each status line hashcat prints (about every second).
        started: called once hashcat is running (the moment Ctrl-C reaches it).
        temp_root: where the private directory is made (the system's temp dir by default).

    Returns:
        The key (or ``None``), candidates tried, elapsed seconds, and whether Ctrl-C
        stopped the run. On Ctrl-C hashcat is stopped and the directory removed first.

    Raises:
        HashcatRefused: hashcat cannot take a token this long.
        InputError: hashcat is not installed, or a file it needs is missing.
        JwtscopeError: hashcat stopped with an error (its first line is in the message).
    """
    reason = hashcat_refusal(token)
    if reason is not None:
        raise HashcatRefused(reason, "the built-in search has no such limit")
    executable = executable or find_hashcat()
    if executable is None:
        raise InputError("hashcat is not installed", INSTALL_HINT)
    _check_inputs(attack)
    attack = dataclasses.replace(  # hashcat runs in the private directory
        attack,
        wordlist=attack.wordlist.resolve() if attack.wordlist else None,
        rules=attack.rules.resolve() if attack.rules else None,
    )
    begin = time.perf_counter()
    with _private_dir(temp_root) as folder:
        hash_file = folder / "jwt.hash"
        outfile = folder / "found.txt"
        _write_private(hash_file, token.strip() + "\n")
        _write_private(outfile, "")
        (folder / "data").mkdir(mode=0o700)  # hashcat's data folder (_hashcat_environment)
        argv = command_line(executable, hash_file, outfile, attack, folder.name)
        code, last, errors, interrupted = _watch(argv, folder, begin, progress, started)
        key = _read_key(outfile) if code == 0 or interrupted else None
    elapsed = time.perf_counter() - begin
    tried = last.tried if last is not None else 0
    if interrupted:
        return CrackResult(key=key, tried=tried, elapsed=elapsed, interrupted=key is None)
    if code not in (0, 1):
        raise _failure(code, errors, token)
    if code == 0 and key is None:
        raise JwtscopeError("hashcat reported a key but wrote none", "run the search again")
    return CrackResult(key=key, tried=tried, elapsed=elapsed, interrupted=False)


def _check_inputs(attack: HashcatAttack) -> None:
    """Missing files as one-line errors before hashcat starts (it would say less)."""
    for label, path in (("wordlist", attack.wordlist), ("rules file", attack.rules)):
        if path is not None and not path.is_file():
            raise InputError(f"{label} {path} is not a readable file", f"give the {label}'s path")
    if attack.mask is None and attack.wordlist is None:
        raise InputError("hashcat needs a wordlist or a mask", "pass --wordlist FILE or --mask")


@contextlib.contextmanager
def _private_dir(root: Path | None) -> Iterator[Path]:
    """A fresh 0700 directory, removed with everything in it when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="jwtscope-hashcat-", dir=root))
    try:
        os.chmod(folder, 0o700)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hashcat_environment(folder: Path) -> dict[str, str]:
    """The environment for hashcat, its data folder inside the private ``folder``.

    hashcat keeps a ``<session>.pid`` file, a ``<session>.outfiles`` folder and its
    ``hashcat.dictstat2`` in ``$XDG_DATA_HOME/hashcat``: there they would outlive the run
    and be shared by runs at once; inside ``folder`` they go with it. Its compiled
    kernels stay in ``$XDG_CACHE_HOME`` (each one takes minutes to build).
    """
    return {**os.environ, "XDG_DATA_HOME": str(folder / "data")}


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only (0600) and write ``text``."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(text)


def _watch(
    argv: list[str],
    folder: Path,
    begin: float,
    progress: Callable[[CrackProgress], None] | None,
    started: Callable[[], None] | None,
) -> tuple[int, CrackProgress | None, str, bool]:
    """Run hashcat until it exits; returns its exit code, the last status, the start of
    its error output, and whether Ctrl-C stopped it."""
    errors: list[str] = []
    last: CrackProgress | None = None
    process = subprocess.Popen(  # argv from command_line; no shell
        argv,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,  # the terminal's Ctrl-C reaches us; we pass it on
        env=_hashcat_environment(folder),
    )
    assert process.stdout is not None and process.stderr is not None
    reader = threading.Thread(target=_drain, args=(process.stderr, errors), daemon=True)
    reader.start()
    try:
        if started is not None:
            started()
        for line in process.stdout:
            snapshot = parse_status(line, time.perf_counter() - begin)
            if snapshot is not None:
                last = snapshot
                if progress is not None:
                    progress(snapshot)
            elif line.strip():
                errors.append(line.strip())
        code = process.wait()
    except KeyboardInterrupt:
        _stop(process)
        reader.join()
        return process.returncode, last, "\n".join(errors), True
    finally:
        if process.poll() is None:  # an error in a callback: do not leave hashcat running
            _stop(process)
        process.stdout.close()
    reader.join()
    return code, last, "\n".join(errors), False


def _drain(stream: object, into: list[str]) -> None:
    """Keep the first lines of hashcat's stderr (it must never block on a full pipe)."""
    for line in stream:  # type: ignore[attr-defined]
        if line.strip() and len(into) < 50:
            into.append(line.strip())


def _stop(process: subprocess.Popen[str]) -> None:
    """SIGINT (hashcat's own clean stop), then SIGKILL if it does not exit in time."""
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGINT)
    try:
        process.wait(_STOP_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _read_key(outfile: Path) -> bytes | None:
    """The key hashcat wrote (``--outfile-format 2``: the plain only), or ``None``."""
    text = outfile.read_text(encoding="utf-8", errors="surrogateescape")
    lines = [line for line in text.split("\n") if line]
    return decode_plain(lines[0].rstrip("\r")) if lines else None


def _failure(code: int, errors: str, token: str) -> JwtscopeError:
    """hashcat's failure as one line, with the token cut out of whatever it said."""
    meaning = HASHCAT_EXIT.get(code % 256, "an unknown exit code")
    said = next((line for line in errors.splitlines() if line), "")
    said = _TOKENISH.sub("<token>", said.replace(token.strip(), "<token>"))
    detail = f": {said}" if said else ""
    if "Token length exception" in errors or "No hashes loaded" in errors:
        return HashcatRefused(f"hashcat refused the token{detail}", "the built-in search runs")
    return JwtscopeError(
        f"hashcat stopped with exit code {code} ({meaning}){detail}",
        "run 'hashcat -I' to check its devices, or pass --no-hashcat",
    )
