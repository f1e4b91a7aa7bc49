"""What a copy can honestly claim: a local clipboard tool that confirmed, or only OSC 52.

Textual copies by writing the OSC 52 escape to the terminal; nothing comes back, and many
terminals (the Linux console, tmux with its default ``set-clipboard external``, …) drop
it. This module picks a local tool when one can reach the user's clipboard (``pbcopy``,
``wl-copy``, ``xclip``, ``xsel``, ``clip.exe``) and words the toast after what is known.
Everything it reads from the system (environment, platform, ``which``, running a
command) comes in through :class:`ClipboardSystem`, so that tests inject it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["ClipboardSystem", "CopyOutcome", "copy_outcome", "local_tool"]

#: What to do when the copy may not have arrived (every screen with a report binds it).
SAVE_HINT = "Ctrl+E saves the review report to a file instead"


def _run(command: Sequence[str], text: str) -> str:
    """Run ``command`` with ``text`` on stdin; raise OSError when it fails.

    With no text (a query, ``tmux show-options``) its trimmed stdout is returned; a
    clipboard tool's stdout goes nowhere (``xclip`` stays behind to serve the selection,
    and would hold a pipe open)."""
    out = subprocess.PIPE if not text else subprocess.DEVNULL
    try:
        done = subprocess.run(
            list(command),
            input=text.encode(),
            stdout=out,
            stderr=subprocess.DEVNULL,
            timeout=3,
            check=True,
        )
    except (subprocess.SubprocessError, ValueError) as exc:
        raise OSError(str(exc)) from exc
    return (done.stdout or b"").decode(errors="replace").strip()


@dataclass(frozen=True)
class ClipboardSystem:
    """The parts of the machine a copy depends on.

    Args:
        env: the environment variables (``TMUX``, ``TERM``, ``DISPLAY``, ``SSH_TTY``, …).
        platform: ``sys.platform``.
        which: finds a command on the PATH (``shutil.which``).
        run: runs a command with stdin text and returns its stdout; raises OSError.
    """

    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    platform: str = sys.platform
    which: Callable[[str], str | None] = shutil.which
    run: Callable[[Sequence[str], str], str] = _run


@dataclass(frozen=True)
class CopyOutcome:
    """What the copy did: ``confirmed`` when a local tool took the text; the sentence to
    show after what was copied; ``warn`` when it may well not have arrived."""

    confirmed: bool
    message: str
    warn: bool = False


def local_tool(system: ClipboardSystem) -> tuple[str, ...] | None:
    """The command that puts stdin on the user's clipboard from here, if there is one.

    Over SSH without a forwarded display a tool would fill the remote machine's clipboard,
    not the user's: then there is none.
    """
    env = system.env
    candidates: list[tuple[str, ...]] = []
    if system.platform == "darwin" and not _over_ssh(env):
        candidates.append(("pbcopy",))
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(("wl-copy",))
    if env.get("DISPLAY"):
        candidates += [("xclip", "-selection", "clipboard"), ("xsel", "--clipboard", "--input")]
    if env.get("WSL_DISTRO_NAME") or system.platform == "win32":
        candidates.append(("clip.exe",))
    return next((c for c in candidates if system.which(c[0])), None)


def _over_ssh(env: Mapping[str, str]) -> bool:
    return bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"))


def copy_outcome(text: str, system: ClipboardSystem) -> CopyOutcome:
    """Try the local tool; else say what OSC 52 (sent by the caller anyway) can reach."""
    tool = local_tool(system)
    if tool is not None:
        try:
            system.run(tool, text)
        except OSError:
            pass  # fall through to what OSC 52 may do
        else:
            return CopyOutcome(True, f"copied to the clipboard ({tool[0]}).")
    env = system.env
    term = env.get("TERM", "")
    if term in ("linux", "dumb", "") and not env.get("TMUX"):
        return CopyOutcome(
            False,
            f"NOT copied: this terminal ({term or 'unknown'}) has no clipboard escape "
            f"(OSC 52) and no clipboard tool was found. {SAVE_HINT}.",
            warn=True,
        )
    if env.get("TMUX"):
        return _through_tmux(system)
    where = "to your terminal over SSH" if _over_ssh(env) else "to the terminal clipboard"
    return CopyOutcome(
        False,
        f"sent {where} (OSC 52); if your terminal ignores OSC 52 nothing was copied: {SAVE_HINT}.",
    )


def _through_tmux(system: ClipboardSystem) -> CopyOutcome:
    """tmux takes an app's OSC 52 only with ``set-clipboard on`` (its default is
    ``external``), and then passes it on to the outer terminal."""
    try:
        setting = system.run(("tmux", "show-options", "-gv", "set-clipboard"), "")
    except OSError:
        setting = ""
    if setting == "on":
        return CopyOutcome(
            False,
            "sent to tmux's clipboard (OSC 52, set-clipboard on); if the outer terminal "
            f"ignores OSC 52 it stays in tmux's buffer (prefix + ]). {SAVE_HINT}.",
        )
    return CopyOutcome(
        False,
        f"NOT copied: tmux drops OSC 52 unless `set -g set-clipboard on` (now: "
        f"{setting or 'unknown'}). {SAVE_HINT}.",
        warn=True,
    )
